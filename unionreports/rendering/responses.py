"""HTTP responses for rendered documents: names a Vietnamese reader recognises, and ETags."""

from collections.abc import Callable
from urllib.parse import quote

from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.http import parse_etags

from unionreports.lib.vietnamese import ascii_fold


def content_disposition(name: str, *, inline: bool = False) -> str:
    """Content-Disposition with the Vietnamese name and an ASCII fallback for old clients."""
    fallback = ascii_fold(name).replace('"', "")
    kind = "inline" if inline else "attachment"
    return f"{kind}; filename=\"{fallback}\"; filename*=UTF-8''{quote(name)}"


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
