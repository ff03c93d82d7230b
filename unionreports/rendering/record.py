"""The record of the review ("Tổng hợp ý kiến góp ý") as PDF and as DOCX.

Laid out like the report (Nghị định 30/2020/NĐ-CP): the PDF through the same print page
machinery, fonts and stylesheet, the Word file with the report's page, styles and header.
Plain data in (`ReviewRecord`): this layer knows nothing of rounds or comments as records.
"""

import functools
import hashlib
import io
from pathlib import Path

import docx
import weasyprint
from django.contrib.staticfiles import finders
from django.template.loader import get_template, render_to_string
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from unionreports.document.record import WORDS, ReviewRecord

from . import docx as report_docx
from . import fonts
from .docx import CENTER, INDENT, TEXT_WIDTH, _drop_first_paragraph, _paragraph, _rule, _run, _table
from .html import document_css
from .pdf import write_pdf

STYLESHEET = "css/record.css"
TEMPLATES = ("rendering/record_print.html", "rendering/_record.html")


@functools.cache
def record_css() -> str:
    return open(finders.find(STYLESHEET), encoding="utf-8").read()


def record_html(record: ReviewRecord) -> str:
    context = {
        "record": record,
        "words": WORDS,
        "font_css": fonts.font_face_css(),
        "document_css": document_css(),
        "record_css": record_css(),
    }
    return render_to_string("rendering/record_print.html", context)


def render_record_pdf(record: ReviewRecord) -> bytes:
    return write_pdf(record_html(record))


@functools.cache
def _pdf_layout() -> str:
    sources = [weasyprint.__version__, document_css(), record_css(), fonts.font_face_css()]
    sources += [get_template(name).template.source for name in TEMPLATES]
    return hashlib.sha256("\0".join(sources).encode()).hexdigest()


@functools.cache
def _docx_layout() -> str:
    source = Path(__file__).read_bytes() + Path(report_docx.__file__).read_bytes() + docx.__version__.encode()
    return hashlib.sha256(source).hexdigest()


def record_pdf_key(record: ReviewRecord) -> str:
    """What decides the PDF's bytes, hashed: its key among rendered files and its ETag."""
    return hashlib.sha256(f"record-pdf\0{_pdf_layout()}\0{record.to_json()}".encode()).hexdigest()


def record_docx_key(record: ReviewRecord) -> str:
    return hashlib.sha256(f"record-docx\0{_docx_layout()}\0{record.to_json()}".encode()).hexdigest()


def render_record_docx(record: ReviewRecord) -> bytes:
    """The DOCX file; equal records give equal bytes."""
    word = docx.Document()
    report_docx._set_up_page(word.sections[0])
    report_docx._set_up_styles(word)
    report_docx._header(word, record.header)
    _run(_paragraph(word, before=18), record.title, bold=True)
    _run(_paragraph(word), record.subject, bold=True)
    _rule(word, width=TEXT_WIDTH * 25 // 100, within=TEXT_WIDTH, before=2, after=12)
    word.add_paragraph(record.introduction)
    for review_round in record.rounds:
        _heading(word, 1, f"{review_round.number} {review_round.title}")
        if review_round.dates:
            word.add_paragraph(review_round.dates)
        _heading(word, 2, WORDS["comments"])
        for section in review_round.sections:
            heading = _heading(word, 3, f"{section.number} Phần “{section.heading}”")
            heading.runs[0].italic = True
            if section.removed:
                _run(heading, f" {WORDS['removed']}", italic=True).bold = False
            for comment in section.comments:
                _comment(word, comment)
        if not review_round.sections:
            word.add_paragraph(WORDS["no_comments"])
        _heading(word, 2, WORDS["verdicts"])
        if review_round.verdicts:
            _verdicts(word, review_round.verdicts)
        else:
            word.add_paragraph(WORDS["no_verdicts"])
    _signature(word, record)
    properties = word.core_properties
    properties.title = report_docx._property(f"{record.title} – {record.subject}")
    properties.author = properties.last_modified_by = report_docx._property(record.author)
    properties.language = "vi-VN"
    properties.revision = 1
    element = properties._element
    for name in ("dcterms:created", "dcterms:modified"):
        for found in element.findall(report_docx.qn(name)):
            element.remove(found)
    buffer = io.BytesIO()
    word.save(buffer)
    return report_docx._with_fixed_dates(buffer.getvalue())


def _heading(word, level: int, text: str):
    heading = word.add_paragraph(style=f"Heading {level}")
    if level == 1:
        heading.paragraph_format.space_before = Pt(12)
    _run(heading, text)
    return heading


def _lines(paragraph, text: str, **style) -> None:
    """`text` in `paragraph`, its line breaks kept."""
    for number, line in enumerate(text.splitlines() or [""]):
        if number:
            paragraph.add_run().add_break()
        _run(paragraph, line, **style)


def _indented(word):
    paragraph = word.add_paragraph()
    layout = paragraph.paragraph_format
    layout.first_line_indent = Pt(0)
    layout.left_indent = INDENT
    layout.space_before = Pt(2)
    return paragraph


def _comment(word, comment) -> None:
    if comment.quote:
        quote = word.add_paragraph()
        quote.paragraph_format.keep_with_next = True
        _run(quote, f"{WORDS['about']} “", italic=True)
        _lines(quote, comment.quote, italic=True)
        _run(quote, "”", italic=True)
    first = word.add_paragraph()
    first.paragraph_format.keep_with_next = True
    if comment.quote:
        first.paragraph_format.space_before = Pt(2)
    _run(first, comment.author, bold=True)
    _run(first, f" ({comment.time}): ")
    _lines(first, comment.text)
    for reply in comment.replies:
        line = _indented(word)
        line.paragraph_format.keep_with_next = True
        _run(line, f"{WORDS['reply']} ")
        _run(line, reply.author, bold=True)
        _run(line, f" ({reply.time}): ")
        _lines(line, reply.text)
    _run(_indented(word), comment.outcome, italic=True)


# Widths of the verdicts' columns, in centimetres: 16.5 cm of text width in all.
_COLUMNS = (1.2, 4.6, 3.1, 3.6, 4.0)


def _verdicts(word, verdicts) -> None:
    table = word.add_table(rows=1, cols=len(_COLUMNS))
    table.style = "Table Grid"
    table.autofit = False
    for cell, title in zip(table.rows[0].cells, WORDS["columns"], strict=True):
        _run(_cell_paragraph(cell), title, size=13, bold=True)
    for number, verdict in enumerate(verdicts, start=1):
        cells = table.add_row().cells
        values = (str(number), verdict.member, verdict.decision, verdict.time, verdict.text_note)
        for position, (cell, value) in enumerate(zip(cells, values, strict=True)):
            align = CENTER if position == 0 else WD_ALIGN_PARAGRAPH.LEFT
            _run(_cell_paragraph(cell, align=align), value, size=13)
    for column, width in zip(table.columns, _COLUMNS, strict=True):
        column.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, _COLUMNS, strict=True):
            cell.width = Cm(width)
    # The heading row repeats on every page the table runs onto.
    table.rows[0]._tr.get_or_add_trPr().append(
        report_docx.parse_xml(f"<w:tblHeader {report_docx.nsdecls('w')}/>")
    )


def _cell_paragraph(cell, *, align=CENTER):
    paragraph = cell.paragraphs[0]
    layout = paragraph.paragraph_format
    layout.alignment = align
    layout.first_line_indent = Pt(0)
    layout.space_before = layout.space_after = Pt(2)
    return paragraph


def _signature(word, record: ReviewRecord) -> None:
    half = TEXT_WIDTH // 2
    left, right = _table(word, (half, TEXT_WIDTH - half)).rows[0].cells
    _paragraph(left)
    signature = record.signature
    _run(_paragraph(right, before=12), signature.on_behalf, bold=True)
    for line in signature.title.splitlines():
        _run(_paragraph(right), line, bold=True)
    _run(_paragraph(right, before=60), signature.name, bold=True)
    for cell in (left, right):
        _drop_first_paragraph(cell)
