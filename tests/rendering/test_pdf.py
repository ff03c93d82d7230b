"""The PDF, read back with pypdf: format, fonts, footnotes, page numbers, text and metadata."""

import io
import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from unionreports.rendering import fonts, pdf
from unionreports.rendering.checks import report_font_check
from unionreports.rendering.pdf import render_pdf
from unionreports.reports.compose import compose_report
from unionreports.reports.models import Report

pytestmark = pytest.mark.django_db

A4 = (595.28, 841.89)  # points
MM = 72 / 25.4
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"


@pytest.fixture
def document(demo_report):
    return compose_report(Report.objects.with_document_data().get(pk=demo_report.pk))


@pytest.fixture
def reader(document):
    return PdfReader(io.BytesIO(render_pdf(document)))


def lines(page) -> list[tuple[float, str]]:
    """(distance from the top of the page in mm, text) of each run of text on the page."""
    found = []
    height = float(page.mediabox.height)

    def visit(text, cm, tm, font, size):
        if text.strip():
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append(((height - y) / MM, text.strip()))

    page.extract_text(visitor_text=visit)
    return found


def squash(text: str) -> str:
    return " ".join(text.split())


def test_every_page_is_a4_portrait(reader):
    assert len(reader.pages) >= 4
    for page in reader.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(A4, abs=0.5)


def test_every_font_is_embedded(reader):
    seen = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), font[
                "/BaseFont"
            ]
            seen.add(str(font["/BaseFont"]))
    # Regular, bold and italic faces of the one report font.
    assert len(seen) >= 3 and all("Report-Serif" in name for name in seen)


def test_the_first_page_has_no_number_and_the_second_is_numbered_at_the_top(reader):
    top_of_first = [text for mm, text in lines(reader.pages[0]) if mm < 20]
    assert top_of_first == []
    top_of_second = [text for mm, text in lines(reader.pages[1]) if mm < 20]
    assert top_of_second == ["2"]


def test_the_footnote_is_at_the_foot_of_the_page_that_calls_it(reader, document):
    (note,) = document.footnotes()
    call_page = next(
        i for i, page in enumerate(reader.pages) if "(02/02 đồng chí chuyển" in squash(page.extract_text())
    )
    page = reader.pages[call_page]
    assert squash(note.text) in squash(page.extract_text())
    placed = lines(page)
    call_mm = next(mm for mm, text in placed if "đồng chí chuyển" in text)
    note_mm = next(mm for mm, text in placed if text.startswith("Đồng chí Trương Thiết Hùng"))
    body_mm = max(
        mm for mm, text in placed if not text.startswith(("Đồng chí Trương", "MTTQ", "công tác sang"))
    )
    assert call_mm < note_mm
    assert note_mm > body_mm  # below every line of the body
    assert note_mm > 297 - 20 - 40  # in the bottom part of the text area


def test_the_text_read_back_equals_the_source(reader, document):
    # Page numbers and footnotes interrupt paragraphs that run over a page break.
    pages = [re.sub(r"(?m)^\d+$", "", page.extract_text()) for page in reader.pages]
    extracted = squash(" ".join(pages))
    for note in document.footnotes():
        assert f"{note.number} {squash(note.text)}" in extracted
        extracted = extracted.replace(f"{note.number} {squash(note.text)}", "")
    extracted = squash(extracted)
    for paragraph in document.paragraphs():
        for piece in paragraph.content:
            if isinstance(piece, str):
                assert squash(piece) in extracted
    assert "Hà Tĩnh, ngày 05 tháng 3 năm 2023" in extracted
    assert "TM. BAN CHẤP HÀNH CHỦ TỊCH" in extracted


def test_title_author_and_language_are_set(reader, document):
    assert reader.metadata.title.startswith("BÁO CÁO Kiểm điểm trách nhiệm")
    assert reader.metadata.author == "Công đoàn Ban Tổ chức Tỉnh ủy"
    assert reader.trailer["/Root"]["/Lang"] == "vi"


def test_headings_are_bookmarks(reader):
    titles = []

    def walk(outline):
        for item in outline:
            walk(item) if isinstance(item, list) else titles.append(item.title)

    walk(reader.outline)
    assert titles[:2] == ["I. VỀ NHÂN SỰ BAN CHẤP HÀNH", "II. KẾT QUẢ CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"]
    assert (
        "1.2. Về trách nhiệm thực hiện quy chế Ban Chấp hành và quy chế phối hợp công tác với lãnh đạo cơ quan"
        in titles
    )
    assert "IV. MỘT SỐ KINH NGHIỆM" in titles


def test_the_report_font_draws_every_character_of_the_report(document):
    text = "".join(p.text for p in document.paragraphs()) + "".join(n.text for n in document.footnotes())
    assert fonts.missing_characters(text) == set()
    assert fonts.covers_vietnamese(fonts.report_font())


def test_without_system_fonts_the_bundled_font_still_gives_a_correct_pdf(document, monkeypatch):
    monkeypatch.setattr(fonts, "SYSTEM_FAMILIES", ())
    pdf.forget_fonts()
    try:
        assert fonts.report_font() is fonts.BUNDLED_FAMILY
        warnings = report_font_check(None)
        assert [w.id for w in warnings] == ["rendering.W001"]
        assert "fonts-liberation2" in warnings[0].hint
        reader = PdfReader(io.BytesIO(render_pdf(document)))
        assert "Noto" in str(fonts.font_face_css())
        extracted = squash(reader.pages[0].extract_text())
        assert "Đại hội Công đoàn cơ sở Ban Tổ chức Tỉnh ủy nhiệm kỳ 2017 – 2022 đã" in extracted
    finally:
        monkeypatch.undo()
        pdf.forget_fonts()


def test_vietnamese_is_never_hyphenated(reader):
    text = " ".join(page.extract_text() for page in reader.pages)
    assert not re.search(r"\w-\n\w", text)


def test_pages_render_to_images(document, tmp_path):
    """Writes PNGs of the pages to tests/artifacts for a person to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    source = ARTIFACTS / "report.pdf"
    source.write_bytes(render_pdf(document))
    subprocess.run(["pdftoppm", "-png", "-r", "60", source, ARTIFACTS / "report-page"], check=True)
    assert sorted(p.name for p in ARTIFACTS.glob("report-page-*.png"))[0] == "report-page-1.png"
