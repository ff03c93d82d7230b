import functools
import time

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseNotModified
from django.shortcuts import redirect, render
from django.utils.http import parse_etags
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from unionreports.reports.access import get_report_for_user
from unionreports.reports.views import FONT_FACES, attachment

from .models import Publication
from .services import link_renew, report_publish

# Delegates' downloads come in bursts; each process remembers a link's answer this long, so a
# revoked link or a new version shows within these seconds.
LINK_MEMORY = 5.0
_links: dict[str, tuple[float, Publication]] = {}


def latest_for_token(token: str, *, remember: bool = False) -> Publication:
    """The newest version behind an active link, without its bytes (one query).

    With `remember`, the answer is kept for LINK_MEMORY seconds (for the PDF downloads).
    """
    now = time.monotonic()
    remembered = _links.get(token)
    if remember and remembered and remembered[0] > now:
        return remembered[1]
    publication = (
        Publication.objects.filter(
            report__public_links__token=token, report__public_links__revoked_at__isnull=True
        )
        .select_related("report__term__organization")
        .defer("pdf")
        .order_by("-version")
        .first()
    )
    if publication is None:
        _links.pop(token, None)
        raise Http404
    if len(_links) > 1000:
        _links.clear()
    _links[token] = (now + LINK_MEMORY, publication)
    return publication


@functools.lru_cache(maxsize=32)
def pdf_bytes(publication_id: int, sha256: str) -> bytes:
    """Published bytes never change, so each process keeps the few it serves.

    Keyed by the checksum too: a database restored from a backup may reuse an id.
    """
    return bytes(Publication.objects.values_list("pdf", flat=True).get(pk=publication_id, sha256=sha256))


@require_safe
def public_page(request, token: str):
    publication = latest_for_token(token)
    context = {"publication": publication, "token": token, "font_faces": FONT_FACES}
    return render(request, "publishing/public.html", context)


@require_safe
def public_pdf(request, token: str):
    return published_pdf_response(request, token)


def published_pdf_response(request, token: str) -> HttpResponse:
    """The latest published PDF behind `token`, with its checksum as ETag (304 when unchanged)."""
    publication = latest_for_token(token, remember=True)
    etag = f'"{publication.sha256}"'
    headers = {"ETag": etag, "Cache-Control": "public, max-age=60", "Content-Language": "vi"}
    known = parse_etags(request.headers.get("If-None-Match", ""))
    if "*" in known or etag in known:
        return HttpResponseNotModified(headers=headers)
    organization = publication.report.term.organization
    name = f"Báo cáo {organization} (bản {publication.version}).pdf"
    content = pdf_bytes(publication.pk, publication.sha256)
    headers["Content-Disposition"] = attachment(name)
    headers["Content-Length"] = str(len(content))
    return HttpResponse(content, content_type="application/pdf", headers=headers)


@login_required
@require_safe
def publications(request, pk: int):
    report = get_report_for_user(request, pk, write=True)
    context = {
        "report": report,
        "publications": report.publications.defer("pdf", "html").select_related("published_by"),
        "link": report.public_links.filter(revoked_at__isnull=True).first(),
    }
    return render(request, "publishing/publications.html", context)


@login_required
@require_POST
def publish(request, pk: int):
    report = get_report_for_user(request, pk, write=True)
    try:
        publication = report_publish(report=report, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Version %(version)s is published.") % {"version": publication.version})
    return redirect("publishing:publications", report.pk)


@login_required
@require_POST
def renew_link(request, pk: int):
    report = get_report_for_user(request, pk, write=True)
    for token in report.public_links.filter(revoked_at__isnull=True).values_list("token", flat=True):
        _links.pop(token, None)
    link_renew(report=report)
    messages.success(request, _("The old link no longer works; give delegates the new one."))
    return redirect("publishing:publications", report.pk)
