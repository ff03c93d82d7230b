from django.http import FileResponse, Http404
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from .fonts import report_font

FACES = {
    "regular": ("normal", "normal"),
    "bold": ("bold", "normal"),
    "italic": ("normal", "italic"),
    "bold-italic": ("bold", "italic"),
}


@require_safe
@cache_control(public=True, max_age=7 * 24 * 3600)
def font_file(request, face: str):
    """The report font, so the screen preview draws with the glyphs the PDF embeds."""
    try:
        path = report_font().files()[FACES[face]]
    except KeyError:
        raise Http404 from None
    return FileResponse(open(path, "rb"), content_type="font/ttf")
