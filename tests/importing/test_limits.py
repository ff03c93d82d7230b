"""A file that is not a report but a trap gets a message: unpacked sizes, entities, counts."""

import datetime
import io
import tracemalloc
import zipfile

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.importing.docx_parts import REPORT, W, footnotes_xml, paragraph, word_package
from unionreports.importing import docx as docx_reader
from unionreports.importing import limits
from unionreports.importing.lines import ImportFailed
from unionreports.importing.services import read_report, report_import
from unionreports.reports.models import AchievementItem, Report, ReportItem

HEAD = "BÁO CÁO\nKiểm điểm\n"


def refusal(name: str, data: bytes) -> str:
    with pytest.raises(ImportFailed) as failure:
        read_report(name, data)
    return failure.value.code


def test_an_entity_in_the_footnotes_reads_no_file(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("mật-khẩu-42")
    doctype = f'<!DOCTYPE w:footnotes [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    notes = footnotes_xml(
        '<w:footnote w:id="1"><w:p><w:r><w:t>Ghi chú &xxe;</w:t></w:r></w:p></w:footnote>', doctype
    )
    data = word_package(REPORT + paragraph("Nội dung", note=1), footnotes=notes)
    imported = read_report("report.docx", data)
    assert "mật-khẩu-42" not in imported.to_dict()["document"]
    assert [note.text for note in imported.document.footnotes()] == ["Ghi chú"]


@pytest.mark.parametrize(
    "part",
    [
        "word/footnotes.xml",
        "word/numbering.xml",
        "word/styles.xml",
    ],
)
def test_a_malformed_part_of_a_word_file_is_refused_as_damaged(part):
    notes = footnotes_xml('<w:footnote w:id="1"><w:p><w:r><w:t>Ghi chú</w:t></w:r></w:p></w:footnote>')
    parts = {part: "<w:unclosed"}
    notes = parts.pop("word/footnotes.xml", notes)
    data = word_package(REPORT + paragraph("Nội dung", note=1), footnotes=notes, parts=parts)
    assert refusal("report.docx", data) == "damaged"


def test_numbering_with_a_level_that_is_not_a_number_is_refused_as_damaged():
    numbering = (
        f'<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="x"/></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>'
    )
    data = word_package(REPORT + paragraph("Nội dung"), parts={"word/numbering.xml": numbering})
    assert refusal("report.docx", data) == "damaged"


def test_a_style_based_on_itself_is_read_once():
    styles = (
        f'<w:styles xmlns:w="{W}">'
        '<w:style w:type="paragraph" w:styleId="A"><w:name w:val="heading 1"/><w:basedOn w:val="B"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="B"><w:name w:val="B"/><w:basedOn w:val="A"/></w:style>'
        "</w:styles>"
    )
    body = paragraph("BÁO CÁO") + paragraph("Kiểm điểm")
    body += '<w:p><w:pPr><w:pStyle w:val="B"/></w:pPr><w:r><w:t>Kết quả</w:t></w:r></w:p>' + paragraph("Tốt.")
    imported = read_report("report.docx", word_package(body, parts={"word/styles.xml": styles}))
    assert [part.title for part in imported.document.parts] == ["Kết quả"]


def zip_bomb(declared: int | None = None) -> bytes:
    """A Word file whose document unpacks to 40 MB of blank, declaring `declared` bytes if given."""
    data = word_package(REPORT + paragraph("Nội dung" + " " * (40 * 1024 * 1024)))
    if declared is None:
        return data
    # The local header and the central directory both give the size: both lie.
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo("word/document.xml")
    real = info.file_size.to_bytes(4, "little")
    return data.replace(
        info.CRC.to_bytes(4, "little") + info.compress_size.to_bytes(4, "little") + real,
        info.CRC.to_bytes(4, "little")
        + info.compress_size.to_bytes(4, "little")
        + declared.to_bytes(4, "little"),
    )


def test_a_word_file_that_unpacks_to_more_than_a_report_is_refused():
    assert refusal("report.docx", zip_bomb()) == "too_large"


def test_a_word_file_that_lies_about_its_unpacked_size_is_refused_without_unpacking_it():
    data = zip_bomb(declared=1000)
    assert zipfile.ZipFile(io.BytesIO(data)).getinfo("word/document.xml").file_size == 1000
    tracemalloc.start()
    try:
        # Cut at the size it declares, the part fails its checksum.
        assert refusal("report.docx", data) == "damaged"
        _size, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # Never unpacked whole: 40 MB at once if it were.
    assert peak < 10 * 1024 * 1024


def test_too_many_parts_in_a_word_file_are_refused():
    parts = {f"word/media/image{i}.png": b"" for i in range(limits.PACKAGE_MEMBERS)}
    assert refusal("report.docx", word_package(REPORT, parts=parts)) == "too_large"


def test_a_word_file_with_more_paragraphs_than_a_report_is_refused():
    body = REPORT + paragraph("Một đoạn.") * (limits.PARAGRAPHS + 1)
    assert refusal("report.docx", word_package(body)) == "too_many_paragraphs"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("I. KẾT QUẢ\n" + "Một đoạn.\n" * (limits.PARAGRAPHS + 1), "too_many_paragraphs"),
        (
            "I. KẾT QUẢ\n" + "".join(f"{i % 99 + 1}. Mục {i}\nNội dung.\n" for i in range(501)),
            "too_many_sections",
        ),
        ("I. KẾT QUẢ HOẠT ĐỘNG\n" * (limits.SECTIONS + 1), "too_many_sections"),
        ("I. HẠN CHẾ\n" + "- Hạn chế.\n" * (limits.ITEMS + 1), "too_many_items"),
        ("I. HẠN CHẾ\n" + "Câu^[ghi chú].\n" * (limits.FOOTNOTES + 1), "too_many_footnotes"),
        ("I. HẠN CHẾ\n" + "a" * (limits.CHARACTERS + 1), "too_long"),
    ],
    ids=["paragraphs", "sections", "parts", "items", "footnotes", "characters"],
)
def test_a_text_beyond_a_limit_is_refused_with_its_reason(text, code):
    assert refusal("report.txt", (HEAD + text).encode()) == code


def test_ten_thousand_lessons_are_refused_with_a_message():
    lessons = "".join(f"{i}. Bài học thứ {i}.\n" for i in range(1, 10_001))
    assert (
        refusal("report.txt", (HEAD + "I. BÀI HỌC KINH NGHIỆM\n" + lessons).encode()) == "too_many_paragraphs"
    )


def test_control_characters_in_a_text_file_are_dropped():
    text = HEAD + "I. KẾT QUẢ\n" + "x" * 5000 + "\nTốt\x00 lắm\x01.\x1c\n"
    imported = read_report("report.txt", text.encode())
    assert [p.text for p in imported.document.paragraphs()][-1] == "Tốt lắm."


def test_a_report_at_the_limits_is_read():
    lessons = "".join(f"- Bài học thứ {i}^[Ghi chú {i}].\n" for i in range(limits.ITEMS))
    imported = read_report("report.txt", (HEAD + "I. BÀI HỌC KINH NGHIỆM\n" + lessons).encode())
    assert len(imported.document.parts[0].blocks) == limits.ITEMS
    assert len(imported.document.footnotes()) == limits.FOOTNOTES


def saved_with(term, items: int) -> tuple[int, Report]:
    lessons = "".join(f"- Bài học thứ {i}.\n" for i in range(items))
    areas = "".join(f"{i}. Lĩnh vực {i}\n- Việc đã làm.\n" for i in range(1, 4)) + "- Việc khác.\n" * items
    text = HEAD + "I. KẾT QUẢ HOẠT ĐỘNG\n" + areas + "II. BÀI HỌC KINH NGHIỆM\n" + lessons
    imported = read_report("report.txt", text.encode())
    with CaptureQueriesContext(connection) as queries:
        report = report_import(
            term=term, imported=imported, number=90 + items % 9, date=datetime.date(2022, 3, 5)
        )
    return len(queries), report


def test_the_queries_of_an_import_do_not_grow_with_its_items(demo_report):
    few, _report = saved_with(demo_report.term, 5)
    many, report = saved_with(demo_report.term, 400)
    # Items are inserted in batches of a few hundred (SQLite takes fewer variables a query).
    assert many - few <= 16
    lessons = report.sections.get(kind="list").items.all()
    assert len(lessons) == 400
    assert ReportItem.history.filter(section=report.sections.get(kind="list")).count() == 400
    assert AchievementItem.history.filter(area__section__report=report).count() == 403


class CountingPattern:
    def __init__(self, pattern):
        self.pattern, self.calls = pattern, 0

    def search(self, text):
        self.calls += 1
        return self.pattern.search(text)


def test_each_style_of_a_long_chain_of_base_styles_is_read_once(monkeypatch):
    count = 1000
    styles = f'<w:styles xmlns:w="{W}">' + "".join(
        f'<w:style w:type="paragraph" w:styleId="S{i}"><w:name w:val="S{i}"/><w:basedOn w:val="S{i + 1}"/></w:style>'
        for i in range(count)
    )
    styles += (
        f'<w:style w:type="paragraph" w:styleId="S{count}"><w:name w:val="heading 1"/></w:style></w:styles>'
    )
    body = paragraph("BÁO CÁO") + paragraph("Kiểm điểm")
    body += "".join(
        f'<w:p><w:pPr><w:pStyle w:val="S{i}"/></w:pPr><w:r><w:t>KẾT QUẢ {i}</w:t></w:r></w:p>'
        for i in range(0, count, 10)
    )
    pattern = CountingPattern(docx_reader.HEADING_STYLE)
    monkeypatch.setattr(docx_reader, "HEADING_STYLE", pattern)
    imported = read_report("report.docx", word_package(body, parts={"word/styles.xml": styles}))
    assert len(imported.document.parts) == count // 10
    # Read again for each paragraph, the chain would cost 100 × 500 searches on average.
    assert pattern.calls <= count + 1
