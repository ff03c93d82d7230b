from urllib.parse import quote

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseNotModified
from django.shortcuts import render
from django.utils.http import parse_etags
from django.views.decorators.http import require_safe

from unionreports.accounts.models import Affiliation
from unionreports.lib.vietnamese import ascii_fold
from unionreports.rendering.pdf import cache_key, get_pdf
from unionreports.rendering.text import render_text
from unionreports.rendering.views import FACES

from .access import can_write, get_report_for_user, role_of
from .compose import compose_report

FONT_FACES = [(face, weight, style) for face, (weight, style) in FACES.items()]


@login_required
@require_safe
def home(request):
    """The user's unions, with their terms and reports."""
    affiliations = (
        Affiliation.objects.filter(user=request.user)
        .select_related("organization")
        .prefetch_related("organization__terms__reports")
    )
    return render(request, "reports/home.html", {"affiliations": affiliations})


@login_required
@require_safe
def report_detail(request, pk: int):
    report = get_report_for_user(request, pk)
    document = compose_report(report)
    context = {
        "report": report,
        "document": document,
        "font_faces": FONT_FACES,
        "can_write": can_write(request.user, report),
        "can_review": role_of(request.user, report) in ("secretary", "member"),
    }
    return render(request, "reports/report_detail.html", context)


@login_required
@require_safe
def report_pdf(request, pk: int):
    document = compose_report(get_report_for_user(request, pk))
    etag = f'"{cache_key(document)}"'
    headers = {"ETag": etag, "Cache-Control": "private, no-cache", "Content-Language": document.language}
    known = parse_etags(request.headers.get("If-None-Match", ""))
    if "*" in known or etag in known:
        return HttpResponseNotModified(headers=headers)
    pdf = get_pdf(document)
    headers["Content-Disposition"] = attachment(_file_name(document, "pdf"))
    return HttpResponse(pdf.content, content_type="application/pdf", headers=headers)


@login_required
@require_safe
def report_text(request, pk: int):
    document = compose_report(get_report_for_user(request, pk))
    headers = {
        "Content-Disposition": attachment(_file_name(document, "txt"), inline=True),
        "Content-Language": document.language,
    }
    return HttpResponse(render_text(document), content_type="text/plain; charset=utf-8", headers=headers)


def _file_name(document, extension: str) -> str:
    # "Bao cao 03-BC-CĐCS …" would be cut at the slash by browsers; use a dash.
    number = document.header.number.removeprefix("Số: ").replace("/", "-")
    return f"Báo cáo {number} {document.author}.{extension}"


def attachment(name: str, *, inline: bool = False) -> str:
    """Content-Disposition with the Vietnamese name and an ASCII fallback for old clients."""
    fallback = ascii_fold(name).replace('"', "")
    kind = "inline" if inline else "attachment"
    return f"{kind}; filename=\"{fallback}\"; filename*=UTF-8''{quote(name)}"
