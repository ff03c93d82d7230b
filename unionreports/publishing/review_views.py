"""The committee's review page and its actions."""

from collections import defaultdict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from unionreports.accounts.decorators import login_required_keeping_post
from unionreports.lib.ids import parse_id
from unionreports.reports.access import get_report_for_user, role_of
from unionreports.reports.compose import compose_report

from . import review
from .models import Comment, Verdict
from .state import report_state


@login_required_keeping_post
def review_page(request, pk: int):
    report = get_report_for_user(request, pk)
    current = report.rounds.order_by("-number").first()
    since = last_reviewed_round(report, request.user, current)
    document = compose_report(report)
    state = report_state(report, document)
    sections = review.review_sections(document, since)
    threads = defaultdict(list)
    known = {section.anchor for section in sections}
    for comment in (
        report.comments.filter(parent__isnull=True)
        .select_related("author")
        .prefetch_related("replies__author")
    ):
        # A comment whose section was removed is still shown, at the end, never dropped.
        anchor = comment.section_anchor if comment.section_anchor in known else "removed"
        threads[anchor].append(comment)
    verdicts = {v.user_id: v for v in current.verdicts.all()} if current else {}
    context = {
        "report": report,
        "role": role_of(request.user, report),
        "current": current,
        "since": since,
        "state": state,
        "sections": [(s, threads.get(s.anchor, [])) for s in sections],
        "orphans": threads.get("removed", []),
        "committee": review.committee_verdicts(state),
        # The sitting committee members answer, the secretary too when the account is one of theirs.
        "can_answer": any(seat.user_id == request.user.pk for seat in state.seats),
        "my_verdict": verdicts.get(request.user.pk),
    }
    return render(request, "publishing/review.html", context)


def last_reviewed_round(report, user, current):
    """The round the user last answered or commented on before the current one, else the one before."""
    if current is None:
        return None
    earlier = report.rounds.filter(number__lt=current.number)
    mine = earlier.filter(Q(verdicts__user=user) | Q(comments__author=user)).order_by("-number").first()
    return mine or earlier.order_by("-number").first()


def comment_target(data, document) -> tuple[str, str]:
    """(anchor, quote) of what a comment is about: a section, or one item of it.

    The form names the section by its anchor and the item by its place in the section as the
    member saw it; both are checked against the document, and the item is kept by its identity
    (when it has one) and by its text, not by its place.
    """
    sections = {anchor: items for anchor, _heading, items in review.review_texts(document)}
    anchor = data.get("anchor", "")
    if anchor not in sections:
        raise ValidationError(_("That section is no longer in the report."), code="no_section")
    item = parse_id(data.get("item", ""))
    if item is None or not 1 <= item <= len(sections[anchor]):
        return anchor, ""
    chosen = sections[anchor][item - 1]
    return chosen.anchor or anchor, chosen.text


def secretary_only(request, report) -> None:
    if role_of(request.user, report) != "secretary":
        raise PermissionDenied(_("Only the union's secretary can do this."))


@login_required
@require_POST
def send_to_review(request, pk: int):
    report = get_report_for_user(request, pk)
    secretary_only(request, report)
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
