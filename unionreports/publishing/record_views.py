"""Downloads of the record of the review ("Tổng hợp ý kiến góp ý"): as it stands, and as published."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from unionreports.rendering.docx import CONTENT_TYPE_DOCX
from unionreports.rendering.pdf import get_rendered
from unionreports.rendering.record import (
    record_docx_key,
    record_pdf_key,
    render_record_docx,
    render_record_pdf,
)
from unionreports.rendering.responses import document_response
from unionreports.reports.access import get_report_for_user

from .models import PublishedRecord
from .record import record_file_name, review_record

FORMATS = {
    "pdf": ("application/pdf", record_pdf_key, render_record_pdf),
    "docx": (CONTENT_TYPE_DOCX, record_docx_key, render_record_docx),
}


def _record_response(request, pk: int, extension: str):
    # The committee's working papers: outsiders get a 404, delegates a 403.
    report = get_report_for_user(request, pk)
    record = review_record(report)
    content_type, key_of, render = FORMATS[extension]
    key = key_of(record)
    return document_response(
        request,
        content_type=content_type,
        checksum=key,
        name=record_file_name(record, extension),
        content=lambda: (
            get_rendered(
                key, lambda: render(record), subject=report.record_subject, text=record.digest()
            ).content
        ),
        cache_control="private, no-store",
    )


@login_required
@require_safe
def record_pdf(request, pk: int):
    return _record_response(request, pk, "pdf")


@login_required
@require_safe
def record_docx(request, pk: int):
    return _record_response(request, pk, "docx")


@login_required
@require_safe
def published_record(request, pk: int, version: int, extension: str):
    """The record frozen with published version `version`."""
    report = get_report_for_user(request, pk)
    records = PublishedRecord.objects.filter(publication__report=report, publication__version=version)
    # The bytes are read only when the client lacks them (not for a 304).
    stored = get_object_or_404(records.only("name", f"{extension}_sha256"))
    return document_response(
        request,
        content_type=FORMATS[extension][0],
        checksum=getattr(stored, f"{extension}_sha256"),
        name=f"{stored.name}.{extension}",
        content=lambda: bytes(getattr(stored, extension)),
        cache_control="private, no-store",
    )
