"""The document as HTML: the fragment shared by the page and the PDF, and the print page."""

import functools

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

from unionreports.document import ReportDocument
from unionreports.document.lines import number_lines

from . import fonts

STYLESHEET = "css/document.css"
# What the review copy adds: numbered lines, the "DỰ THẢO" mark.
NUMBERED_STYLESHEET = "css/numbered.css"


@functools.cache
def document_css() -> str:
    return open(finders.find(STYLESHEET), encoding="utf-8").read()


@functools.cache
def numbered_css() -> str:
    return open(finders.find(NUMBERED_STYLESHEET), encoding="utf-8").read()


def print_html(document: ReportDocument, *, draft: bool = True) -> str:
    """The standalone page WeasyPrint lays out: fonts named by file, stylesheet inlined.

    `draft`: marked "DỰ THẢO" (see `draft.py`).
    """
    context = {
        "document": document,
        "draft": draft,
        "font_css": fonts.font_face_css(),
        "document_css": document_css(),
    }
    return render_to_string("rendering/document_print.html", context)


def review_print_html(document: ReportDocument) -> str:
    """The review copy as WeasyPrint lays it out: numbered lines, footnotes at the end, "DỰ THẢO"."""
    numbered = number_lines(document)
    return render_to_string(
        "rendering/review_print.html",
        {
            "document": document,
            "rows": [(block, ()) for block in numbered.blocks],
            "note_rows": [(block, ()) for block in numbered.notes],
            "font_css": fonts.font_face_css(),
            "document_css": document_css(),
            "numbered_css": numbered_css(),
        },
    )
