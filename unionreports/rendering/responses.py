"""HTTP responses for rendered documents: names a Vietnamese reader recognises, and ETags."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.http import content_disposition_header, parse_etags

from unionreports.lib.filenames import safe_file_name


def content_disposition(name: str, *, inline: bool = False) -> str:
    """Content-Disposition (RFC 6266) with the Vietnamese name, percent-encoded when not ASCII.

    The name comes from what users typed: without control characters it can't break the
    header, and bounded it can't make it huge.
    """
    return content_disposition_header(not inline, safe_file_name(name))


def document_response(
    request: HttpRequest,
    *,
    content_type: str,
    checksum: str,
    name: str,
    content: Callable[[], bytes],
    cache_control: str,
) -> HttpResponse:
    """A download tagged with `checksum`: 304 when the client has it (`content` not called)."""
    etag = f'"{checksum}"'
    # The documents are Vietnamese whatever language the interface speaks.
    headers = {"ETag": etag, "Cache-Control": cache_control, "Content-Language": "vi"}
    known = parse_etags(request.headers.get("If-None-Match", ""))
    if "*" in known or etag in known:
        return HttpResponseNotModified(headers=headers)
    data = content()
    headers["Content-Disposition"] = content_disposition(name)
    headers["Content-Length"] = str(len(data))
    return HttpResponse(data, content_type=content_type, headers=headers)
