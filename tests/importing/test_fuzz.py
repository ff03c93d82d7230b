"""Fuzzed files for every reader: a refusal with a code, or a document that renders and saves whole.

`make test` runs a few examples of each; `make fuzz` many more.
"""

import itertools
from xml.sax.saxutils import escape

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from tests.importing.docx_parts import footnotes_xml, paragraph, word_package
from unionreports.importing.lines import ImportFailed
from unionreports.importing.services import default_date, read_report, report_import
from unionreports.rendering.text import render_text
from unionreports.reports.models import AchievementArea, AchievementItem, Report, ReportItem, ReportSection

# Pieces of reports and of the marks the readers look for, for the fuzzer to put together.
PIECES = [
    "BÁO CÁO",
    "Kiểm điểm hoạt động nhiệm kỳ 2017 - 2022",
    "CÔNG ĐOÀN BAN TỔ CHỨC TỈNH ỦY",
    "Số: 03/BC-CĐCS",
    "Hà Tĩnh, ngày 05 tháng 3 năm 2023",
    "PHẦN THỨ NHẤT",
    "I. VỀ NHÂN SỰ BAN CHẤP HÀNH",
    "II. KẾT QUẢ CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
    "III. HẠN CHẾ, KHUYẾT ĐIỂM",
    "IV. BÀI HỌC KINH NGHIỆM",
    "ĐÁNH GIÁ CHUNG",
    "1. Ưu điểm",
    "1.1. Công tác tổ chức",
    "2.",
    "- Tổ chức tốt các hội nghị.",
    "1. Phải bám sát nhiệm vụ chính trị của cơ quan, đơn vị và tổ chức thực hiện tốt.",
    "Trên đây là báo cáo kiểm điểm.",
    "TM. BAN CHẤP HÀNH",
    "CHỦ TỊCH",
    "Nơi nhận:",
    "- Lưu.",
    "# Kết quả ##",
    "Câu^[ghi chú [lồng] nhau].",
    "Câu[footnoteRef:1].",
    "[1: Ghi chú của Word.]",
    "Câu[^a].",
    "[^a]: Ghi chú Markdown.",
    "**đậm** *nghiêng* __gạch__ [chữ]{.mark}",
    "^[",
    "[^",
    "*",
    "---",
    "\x00\x01\x1c\x85\u2028",
    "e\u0301",
    "",
]
LINES = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=40)), max_size=40)
NAMES = st.sampled_from(["report.txt", "report.md", "report.docx"])
rows = itertools.count(1)


def read_or_refuse(name: str, data: bytes):
    """The import of `data`, rendered; None when it is refused, as it must be, with a code."""
    try:
        imported = read_report(name, data)
    except ImportFailed as failure:
        assert failure.code
        return None
    render_text(imported.document)
    return imported


@pytest.mark.fuzz
@given(NAMES, st.binary(max_size=3000))
def test_any_bytes_are_refused_with_a_code_or_read(name, data):
    read_or_refuse(name, data)


@pytest.mark.fuzz
@given(NAMES, LINES, st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_any_text_is_refused_with_a_code_or_read(name, lines, encoding):
    read_or_refuse(name, "\n".join(lines).encode(encoding, errors="replace"))


def word_text(lines: list[str], notes: list[str]) -> bytes:
    body = "".join(
        paragraph(escape(_xml_chars(line)), note=i if i < len(notes) else None)
        for i, line in enumerate(lines)
    )
    footnotes = "".join(
        f'<w:footnote w:id="{i}"><w:p><w:r><w:t>{escape(_xml_chars(note))}</w:t></w:r></w:p></w:footnote>'
        for i, note in enumerate(notes)
    )
    return word_package(body, footnotes=footnotes_xml(footnotes))


def _xml_chars(text: str) -> str:
    """`text` less what XML 1.0 cannot hold at all: Word could not have written it."""
    return "".join(
        ch for ch in text if ch in "\t\n\r" or ("\x20" <= ch <= "\ud7ff") or ("\ue000" <= ch <= "\ufffd")
    )


@pytest.mark.fuzz
@given(LINES, st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=20)), max_size=5))
def test_a_word_file_with_any_paragraphs_and_footnotes_is_refused_with_a_code_or_read(lines, notes):
    read_or_refuse("report.docx", word_text(lines, notes))


@pytest.mark.fuzz
@given(st.text(max_size=300), st.text(max_size=300))
def test_a_word_file_with_any_markup_is_refused_with_a_code_or_read(document, footnotes):
    data = word_package("", footnotes=footnotes, parts={"word/document.xml": document})
    read_or_refuse("report.docx", data)


MODELS = (Report, ReportSection, AchievementArea, AchievementItem, ReportItem)


@pytest.mark.fuzz
@pytest.mark.django_db
@given(NAMES, LINES)
def test_an_import_is_saved_whole_or_not_at_all(demo_report, name, lines):
    data = word_text(lines, []) if name == "report.docx" else "\n".join(lines).encode()
    imported = read_or_refuse(name, data)
    if imported is None:
        return
    term = demo_report.term
    before = [model.objects.count() for model in MODELS]
    try:
        report = report_import(
            term=term, imported=imported, number=100 + next(rows), date=default_date(term, imported)
        )
    except ValidationError:
        assert [model.objects.count() for model in MODELS] == before
    else:
        saved = Report.objects.with_document_data().get(pk=report.pk)
        assert saved.sections.count() == sum(1 for _section in imported.document.sections()) - sum(
            1 for section in imported.document.sections() if section.kind == "area"
        )
