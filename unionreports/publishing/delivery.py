"""What delegates download: the newest published version behind a link, served cheaply."""

import functools
import time

from django.http import Http404, HttpRequest, HttpResponse

from unionreports.rendering.responses import document_response

from .models import Publication

# Delegates' downloads come in bursts; each process remembers a link's answer this long, so a
# revoked link or a new version shows in other processes within these seconds.
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


def forget(tokens) -> None:
    """Drops this process's memory of `tokens` (a revoked link stops here at once)."""
    for token in tokens:
        _links.pop(token, None)


@functools.lru_cache(maxsize=32)
def pdf_bytes(publication_id: int, sha256: str) -> bytes:
    """Published bytes never change, so each process keeps the few it serves.

    Keyed by the checksum too: a database restored from a backup may reuse an id.
    """
    return bytes(Publication.objects.values_list("pdf", flat=True).get(pk=publication_id, sha256=sha256))


def published_pdf_response(request: HttpRequest, token: str) -> HttpResponse:
    """The latest published PDF behind `token`, with its checksum as ETag (304 when unchanged)."""
    publication = latest_for_token(token, remember=True)
    return document_response(
        request,
        content_type="application/pdf",
        checksum=publication.sha256,
        name=publication.file_name,
        content=lambda: pdf_bytes(publication.pk, publication.sha256),
        # Any cache asks again each time (a 304 when unchanged): a revoked link stops answering
        # within LINK_MEMORY seconds, not when some cache's copy expires.
        cache_control="public, no-cache",
    )
