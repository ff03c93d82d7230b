from django import template
from django.utils.html import format_html, format_html_join

from unionreports.document import Footnote, Paragraph

from ..views import FACES

register = template.Library()


@register.simple_tag
def paragraph(paragraph: Paragraph):
    """One paragraph; a footnote is its call on screen and its text at the page foot in print."""
    content = format_html_join(
        "",
        "{}",
        (
            (
                format_html(
                    '<sup class="fn-ref"><a href="#fn{0}">{0}</a></sup><span class="footnote">{1}</span>',
                    part.number,
                    part.text,
                )
                if isinstance(part, Footnote)
                else part,
            )
            for part in paragraph.content
        ),
    )
    label = format_html('<span class="label">{}</span> ', paragraph.label) if paragraph.label else ""
    return format_html('<p class="{}">{}{}</p>', paragraph.style, label, content)


@register.simple_tag
def report_font_faces() -> list[tuple[str, str, str]]:
    """(face, weight, style) of the report font's files, for @font-face rules on the page."""
    return [(face, weight, style) for face, (weight, style) in FACES.items()]


@register.filter
def min_heading(depth: int) -> int:
    """HTML has headings down to h6: deeper sections stay at h6."""
    return min(int(depth), 6)
