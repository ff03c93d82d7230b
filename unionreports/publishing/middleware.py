import re

from django.http import Http404

from .delivery import published_pdf_response

PUBLISHED_PDF = re.compile(r"^/p/(?P<token>[A-Za-z0-9_-]+)/pdf$")


class PublishedPdfMiddleware:
    """Serves delegates' PDF downloads before the rest of the stack.

    They need no session, user, language or CSRF, and come by the hundred when a congress
    opens; answering here keeps them nearly as cheap as a static file.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        match = PUBLISHED_PDF.match(request.path_info)
        if match and request.method in ("GET", "HEAD"):
            try:
                return published_pdf_response(request, match["token"])
            except Http404:
                pass
        return self.get_response(request)
