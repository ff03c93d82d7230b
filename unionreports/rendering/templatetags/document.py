from django import template
from django.utils.html import format_html, format_html_join

from unionreports.document import Footnote, Paragraph
from unionreports.document.lines import Block, Line

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


def _inline(line: Line):
    """The line's text, a footnote as its call."""
    return format_html_join(
        "",
        "{}",
        (
            (
                format_html('<sup class="fn-ref"><a href="#fn{0}">{0}</a></sup>', part.number)
                if isinstance(part, Footnote)
                else part,
            )
            for part in line.parts
        ),
    )


@register.simple_tag
def numbered_block(block: Block):
    """A heading, paragraph or footnote drawn line by line, each line after its number.

    A line is a box of its own that is never wrapped again (see `document.lines`); every line but
    a block's last is justified, so a paragraph still reads as one justified paragraph.
    """
    lines = []
    for line in block.lines:
        classes = ""
        if line.first:
            classes += " nl-first"
        if not line.last and block.style != "level-0":
            classes += " nl-justify"
        lead = ""
        if line.first and block.prefix:
            if block.kind == "footnote":
                lead = format_html("<sup>{}</sup> ", block.prefix)
            else:
                lead = format_html('<span class="label">{}</span> ', block.prefix)
        lines.append(
            format_html(
                '<span class="nl-line{}"><span class="ln" aria-hidden="true">{}</span>{}{}</span>',
                classes,
                line.number,
                lead,
                _inline(line),
            )
        )
    body = format_html_join("\n", "{}", ((line,) for line in lines))
    if block.kind == "heading":
        # "level-0" (PHẦN THỨ …) is an h2, "level-1" (I.) an h3, …
        depth = min(2 + int(block.style.removeprefix("level-")), 6)
        return format_html('<h{0} class="nl-h {1}">{2}</h{0}>', depth, block.style, body)
    if block.kind == "footnote":
        return format_html('<p class="nl-p nl-note" id="fn{}">{}</p>', block.prefix, body)
    return format_html('<p class="nl-p {}">{}</p>', block.style, body)
