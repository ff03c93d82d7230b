"""The WeasyPrint patch that keeps a footnote on the page that calls it."""

import inspect
import io

import pytest
from pypdf import PdfReader
from weasyprint.layout import block

from unionreports.rendering import fonts, footnotes
from unionreports.rendering.html import document_css
from unionreports.rendering.pdf import write_pdf

NOTE = "Chú thích của đoạn đầu."
LAST = " ".join(["Đoạn cuối trang có nhiều dòng chữ để kéo sang trang sau."] * 8)


def html() -> str:
    """A call on page 1, then a paragraph starting so low that only its first line fits.

    The 646pt of empty space leave room at the foot of page 1 for the first line and the
    footnote, or for two lines without the footnote: WeasyPrint's heuristic then sends the
    footnote to page 2 to keep two lines of the paragraph together (orphans: 2).
    """
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<style>{fonts.font_face_css()}
{document_css()}</style></head>
<body class="pdf"><div class="document">
<p>Đoạn đầu gọi chú thích<span class="footnote">{NOTE}</span> ở trang một.</p>
<div style="height: 646pt"></div>
<p>{LAST}</p>
</div></body></html>"""


def pages_with(text: str, pdf: bytes) -> list[int]:
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages]
    return [number for number, page in enumerate(pages, start=1) if text in page]


def test_the_footnote_stays_on_the_page_that_calls_it():
    pdf = write_pdf(html())
    assert pages_with("Đoạn đầu gọi chú thích", pdf) == [1]
    assert pages_with(NOTE, pdf) == [1]
    assert pages_with("Đoạn cuối trang", pdf) == [2]


def test_without_the_patch_weasyprint_moves_this_footnote(monkeypatch):
    """The layout above needs the patch: without it the note goes to page 2."""
    monkeypatch.setattr(block, "_linebox_layout", block._linebox_layout.replaces)
    pdf = write_pdf(html())
    assert pages_with("Đoạn đầu gọi chú thích", pdf) == [1]
    assert pages_with(NOTE, pdf) == [2]


def test_the_app_applies_the_patch_once():
    patched = block._linebox_layout
    assert patched.keeps_footnotes
    footnotes.apply()
    assert block._linebox_layout is patched
    assert not hasattr(patched.replaces, "keeps_footnotes")


def test_the_patched_layout_keeps_weasyprints_line_numbers():
    patched = block._linebox_layout
    assert patched.__code__.co_filename == block.__file__
    assert patched.__code__.co_firstlineno == patched.replaces.__code__.co_firstlineno
    # The changed line is where block.py has the line it replaces, so a traceback shows it.
    source, first = inspect.getsourcelines(patched.replaces)
    (changed,) = [first + i for i, line in enumerate(source) if footnotes.ORIGINAL in line]
    assert changed in {line for _start, _end, line in patched.__code__.co_lines()}
    assert {line for *_, line in patched.__code__.co_lines()} == {
        line for *_, line in patched.replaces.__code__.co_lines()
    }


def test_a_changed_weasyprint_is_refused():
    def _linebox_layout(context):
        return context

    with pytest.raises(RuntimeError, match="line layout changed"):
        footnotes.patched(_linebox_layout)
