from functools import wraps

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from unionreports.accounts.models import Affiliation
from unionreports.rendering.docx import CONTENT_TYPE_DOCX, docx_key, render_docx
from unionreports.rendering.pdf import cache_key, get_pdf, get_rendered
from unionreports.rendering.responses import content_disposition, document_response
from unionreports.rendering.text import render_text

from . import proofreading
from .access import DraftClosed, can_write, get_report_for_user, role_of
from .compose import compose_report
from .drafts import is_draft
from .models import Report
from .outline import step_links


@login_required
@require_safe
def home(request):
    """The user's unions, with their terms and reports; a delegate's list holds only the
    reports published behind an active link (`term.shown_reports`)."""
    affiliations = list(
        Affiliation.objects.filter(user=request.user)
        .select_related("organization")
        .prefetch_related(
            Prefetch(
                "organization__terms__reports",
                queryset=Report.objects.with_document_data().with_publication().order_by("kind", "number"),
            )
        )
    )
    for affiliation in affiliations:
        for term in affiliation.organization.terms.all():
            term.shown_reports = [
                report for report in term.reports.all() if affiliation.reads_drafts or report.public_page_url
            ]
    # The state of each report the user reads the working copy of (draft, in review, approved…).
    reports = [
        report
        for affiliation in affiliations
        if affiliation.reads_drafts
        for term in affiliation.organization.terms.all()
        for report in term.shown_reports
    ]
    return render(request, "reports/home.html", {"affiliations": affiliations, "reports": reports})


def delegates_to_publication(view):
    """A delegate asking for the working copy goes to the published version when there is one."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except DraftClosed as closed:
            if closed.public_url is None:
                raise
            return redirect(closed.public_url)

    return wrapper


@login_required
@require_safe
@delegates_to_publication
def report_detail(request, pk: int):
    report = get_report_for_user(request, pk)
    document = compose_report(report)
    context = {
        "report": report,
        "document": document,
        "draft": is_draft(report, document),
        "can_write": can_write(request.user, report),
        "can_review": role_of(request.user, report) in ("secretary", "member"),
    }
    if context["can_write"]:
        context["panel"] = proofreading.panel(report, document, step_links(report, document))[0]
    return render(request, "reports/report_detail.html", context)


@login_required
@require_safe
@delegates_to_publication
def report_pdf(request, pk: int):
    report = get_report_for_user(request, pk)
    document = compose_report(report)
    draft = is_draft(report, document)
    return document_response(
        request,
        content_type="application/pdf",
        checksum=cache_key(document, draft=draft),
        name=_file_name(document, "pdf"),
        content=lambda: get_pdf(document, draft=draft, subject=report.render_subject).content,
        cache_control="private, no-store",
    )


@login_required
@require_safe
@delegates_to_publication
def report_docx(request, pk: int):
    report = get_report_for_user(request, pk)
    document = compose_report(report)
    draft = is_draft(report, document)
    key = docx_key(document, draft=draft)
    return document_response(
        request,
        content_type=CONTENT_TYPE_DOCX,
        checksum=key,
        name=_file_name(document, "docx"),
        content=lambda: (
            get_rendered(
                key,
                lambda: render_docx(document, draft=draft),
                subject=report.render_subject,
                text=document.digest(),
            ).content
        ),
        cache_control="private, no-store",
    )


@login_required
@require_safe
@delegates_to_publication
def report_text(request, pk: int):
    report = get_report_for_user(request, pk)
    document = compose_report(report)
    headers = {
        "Content-Disposition": content_disposition(_file_name(document, "txt"), inline=True),
        "Content-Language": document.language,
    }
    text = render_text(document, draft=is_draft(report, document))
    return HttpResponse(text, content_type="text/plain; charset=utf-8", headers=headers)


def _file_name(document, extension: str) -> str:
    # "Bao cao 03-BC-CĐCS …" would be cut at the slash by browsers; use a dash.
    number = document.header.number.removeprefix("Số: ").replace("/", "-")
    return f"Báo cáo {number} {document.author}.{extension}"
