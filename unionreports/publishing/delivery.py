"""What delegates download: the newest published version behind a link, served cheaply.

In production nginx serves the file `files.py` writes for each active link and never calls
Python (deploy/nginx); what follows answers where there is no nginx, and whenever the file is
missing (being replaced, or not written yet).
"""

import functools
from dataclasses import dataclass

from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse

from unionreports.rendering.responses import document_response

from .models import Publication

# Delegates' downloads come in bursts; the shared cache (REDIS_URL) remembers a link's answer
# this long, and publishing or revoking forgets it at once for every process.
LINK_MEMORY = 5
# How long a browser or a CDN may keep the public PDF without asking again: a revoked link may
# go on answering from such a cache this long (at the origin it answers 404 at once).
PUBLIC_MAX_AGE = 60
PUBLIC_CACHE_CONTROL = f"public, max-age={PUBLIC_MAX_AGE}"


@dataclass(frozen=True)
class PublishedFile:
    publication_id: int
    sha256: str
    file_name: str


def latest_for_token(token: str) -> Publication:
    """The newest version behind an active link, without its bytes (one query)."""
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
        raise Http404
    return publication


def _memory_key(token: str) -> str:
    return f"published-link:{token}"


def published_file(token: str) -> PublishedFile:
    """What `token` serves, kept LINK_MEMORY seconds in the cache every process shares."""
    remembered = cache.get(_memory_key(token))
    if remembered is not None:
        return remembered
    publication = latest_for_token(token)
    answer = PublishedFile(publication.pk, publication.sha256, publication.file_name)
    cache.set(_memory_key(token), answer, LINK_MEMORY)
    return answer


def forget(tokens) -> None:
    """Drops what the cache remembers of `tokens` (for every process sharing it)."""
    cache.delete_many([_memory_key(token) for token in tokens])


@functools.lru_cache(maxsize=32)
def pdf_bytes(publication_id: int, sha256: str) -> bytes:
    """Published bytes never change, so each process keeps the few it serves.

    Keyed by the checksum too: a database restored from a backup may reuse an id.
    """
    return bytes(Publication.objects.values_list("pdf", flat=True).get(pk=publication_id, sha256=sha256))


def published_pdf_response(request: HttpRequest, token: str) -> HttpResponse:
    """The latest published PDF behind `token`, with its checksum as ETag (304 when unchanged)."""
    published = published_file(token)
    return document_response(
        request,
        content_type="application/pdf",
        checksum=published.sha256,
        name=published.file_name,
        content=lambda: pdf_bytes(published.publication_id, published.sha256),
        cache_control=PUBLIC_CACHE_CONTROL,
    )
