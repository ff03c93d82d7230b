"""The committee's review page and its actions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from unionreports.accounts.decorators import login_required_keeping_post
from unionreports.document.lines import normalized, number_lines
from unionreports.lib.ids import parse_id
from unionreports.rendering.pdf import get_review_pdf, review_cache_key
from unionreports.rendering.responses import document_response
from unionreports.reports.access import get_report_for_user, role_of
from unionreports.reports.compose import compose_report
from unionreports.reports.proofreading import open_slips, slips_question

from . import review
from .models import Comment, Verdict
from .state import report_state


@login_required_keeping_post
def review_page(request, pk: int):
    report = get_report_for_user(request, pk)
    current = report.rounds.order_by("-number").first()
    document = compose_report(report)
    state = report_state(report, document)
    numbered = number_lines(document)
    threads, orphans = review.comments_by_block(
        numbered,
        report.comments.filter(parent__isnull=True)
        .select_related("author__profile")
        .prefetch_related("replies__author__profile"),
    )
    verdicts = {v.user_id: v for v in current.verdicts.all()} if current else {}
    context = {
        "report": report,
        "role": role_of(request.user, report),
        "current": current,
        # What "what changed" compares with for this reader: the round last answered, else the one before.
        "since": review.last_reviewed_round(report, request.user, current),
        "state": state,
        "document": document,
        "rows": [(block, threads.get(block.identity, [])) for block in numbered.blocks],
        "note_rows": [(block, threads.get(block.identity, [])) for block in numbered.notes],
        "orphans": orphans,
        "committee": review.committee_verdicts(state),
        # The sitting committee members answer, the secretary too when the account is one of theirs.
        "can_answer": any(seat.user_id == request.user.pk for seat in state.seats),
        "my_verdict": verdicts.get(request.user.pk),
    }
    if context["role"] == "secretary":
        context["slips"] = open_slips(report, document)
    return render(request, "publishing/review.html", context)


@login_required
@require_safe
def review_pdf(request, pk: int):
    """The review copy to print: numbered lines, "DỰ THẢO"; members and the secretary only."""
    report = get_report_for_user(request, pk)
    document = compose_report(report)
    return document_response(
        request,
        content_type="application/pdf",
        checksum=review_cache_key(document),
        name=review_copy_name(document),
        content=lambda: get_review_pdf(document, subject=report.render_subject).content,
        cache_control="private, no-store",
    )


def review_copy_name(document) -> str:
    # "03/BC-CĐCS" would be cut at the slash by browsers; use a dash.
    number = document.header.number.removeprefix("Số: ").replace("/", "-")
    return f"Dự thảo báo cáo {number} {document.author}.pdf"


def comment_target(data, document) -> tuple[str, str]:
    """(anchor, quote) of what a comment is about: a block of the review copy, and a passage of it.

    The anchor must name a heading, paragraph, item or footnote of the current document (see
    `document.lines`); the quote, when given, must be words of that block as it reads now.
    """
    blocks = number_lines(document).identities()
    block = blocks.get(data.get("anchor", ""))
    if block is None:
        raise ValidationError(_("That part is no longer in the report: reload the page."), code="no_section")
    quote = normalized(data.get("quote", ""))
    if quote and quote not in normalized(block.text):
        raise ValidationError(
            _("The passage you selected is not in that paragraph as it reads now: select it again."),
            code="quote_not_found",
        )
    return block.identity, quote


def secretary_only(request, report) -> None:
    if role_of(request.user, report) != "secretary":
        raise PermissionDenied(_("Only the union's secretary can do this."))


@login_required
@require_POST
def send_to_review(request, pk: int):
    report = get_report_for_user(request, pk)
    secretary_only(request, report)
    if (slips := open_slips(report)) and "despite_slips" not in request.POST:
        messages.warning(request, slips_question(slips))
        return redirect("publishing:review", report.pk)
    review_round = review.round_start(report=report, by=request.user)
    messages.success(request, _("Round %(n)s is open for the committee.") % {"n": review_round.number})
    return redirect("publishing:review", report.pk)


@login_required
@require_POST
def withdraw(request, pk: int):
    report = get_report_for_user(request, pk)
    secretary_only(request, report)
    review.round_withdraw(report=report)
    messages.success(request, _("The report is a draft again."))
    return redirect("publishing:review", report.pk)


@login_required
@require_POST
def give_verdict(request, pk: int):
    report = get_report_for_user(request, pk)
    decision = request.POST.get("decision")
    if decision not in Verdict.Decision.values:
        messages.error(request, _("Choose to approve or to ask for changes."))
        return redirect("publishing:review", report.pk)
    try:
        review.verdict_give(
            report=report, user=request.user, decision=decision, digest=request.POST.get("digest", "")
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your answer is recorded."))
    return redirect("publishing:review", report.pk)


@login_required_keeping_post
@require_POST
def add_comment(request, pk: int):
    report = get_report_for_user(request, pk)
    parent = None
    if request.POST.get("parent"):
        parent = get_object_or_404(report.comments, pk=parse_id(request.POST["parent"]))
    try:
        anchor, quote = ("", "") if parent else comment_target(request.POST, compose_report(report))
        comment = review.comment_add(
            report=report,
            author=request.user,
            anchor=anchor,
            quote=quote,
            text=request.POST.get("text", "").strip(),
            parent=parent,
        )
    except ValidationError as error:
        messages.error(request, _("The comment was not saved: %(why)s") % {"why": " ".join(error.messages)})
        return redirect("publishing:review", report.pk)
    messages.success(request, _("Your comment is saved."))
    return redirect(f"{reverse('publishing:review', args=[report.pk])}#comment-{comment.pk}")


@login_required
@require_POST
def resolve_comment(request, pk: int, comment_pk: int):
    report = get_report_for_user(request, pk)
    secretary_only(request, report)
    comment = get_object_or_404(Comment, pk=comment_pk, report=report)
    review.comment_resolve(comment=comment, resolved=request.POST.get("resolved") == "1")
    return redirect(f"{reverse('publishing:review', args=[report.pk])}#comment-{comment.pk}")
