"""The Word file, read back with python-docx and lxml, and laid out by LibreOffice."""

import dataclasses
import io
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from lxml import etree
from pypdf import PdfReader

from unionreports.document import Footnote, Paragraph
from unionreports.rendering.docx import CONTENT_TYPE_DOCX, docx_key, render_docx
from unionreports.rendering.pdf import render_pdf
from unionreports.reports.compose import compose_report
from unionreports.reports.models import Report

pytestmark = pytest.mark.django_db

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
SOFFICE = shutil.which("soffice")
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@pytest.fixture
def document(demo_report):
    return compose_report(Report.objects.with_document_data().get(pk=demo_report.pk))


@pytest.fixture
def data(document):
    return render_docx(document)


@pytest.fixture
def word(data):
    return docx.Document(io.BytesIO(data))


def squash(text: str) -> str:
    return " ".join(text.split())


def expected_lines(document) -> list[str]:
    """Each paragraph of the document as a reader sees it, in order (footnote calls left out)."""

    def line(paragraph) -> str:
        text = f"{paragraph.label} {paragraph.text}" if paragraph.label else paragraph.text
        return f"- {text}" if paragraph.style == "bullet" else text

    lines = [document.title, document.subject, *map(line, document.opening)]
    for section in document.sections():
        lines += [f"{section.number} {section.title}"] if section.title else []
        lines += map(line, section.blocks)
    return lines + [line(paragraph) for paragraph in document.closing]


def expected_pieces(document) -> list[str]:
    """Headings and the runs of text between footnote calls, in reading order."""

    def pieces(paragraphs) -> list[str]:
        return [part for paragraph in paragraphs for part in paragraph.content if isinstance(part, str)]

    found = [document.title, document.subject, *pieces(document.opening)]
    for section in document.sections():
        found += [f"{section.number} {section.title}"] if section.title else []
        found += pieces(section.blocks)
    return found + pieces(document.closing)


def test_the_page_is_a4_portrait_with_the_decree_margins(word):
    (section,) = word.sections
    sizes = (section.page_width, section.page_height)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    # Word stores twentieths of a point.
    assert [length.mm for length in sizes] == pytest.approx([210, 297], abs=0.05)
    assert [length.mm for length in margins] == pytest.approx([20, 20, 30, 15], abs=0.05)


def test_the_body_is_times_new_roman_14pt_justified_with_a_first_line_indent(word):
    normal = word.styles["Normal"]
    fonts = normal.element.rPr.rFonts
    assert {
        script: fonts.get(qn(f"w:{script}")) for script in ("ascii", "hAnsi", "cs", "eastAsia")
    } == dict.fromkeys(("ascii", "hAnsi", "cs", "eastAsia"), "Times New Roman")
    assert normal.font.size == Pt(14)
    assert str(normal.font.color.rgb) == "000000"
    layout = normal.paragraph_format
    assert layout.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert abs(layout.first_line_indent - Cm(1.27)) < Mm(0.1)
    assert layout.space_before == Pt(6)
    assert layout.line_spacing == pytest.approx(1.09, abs=0.01)  # the PDF's 1.25 em lines
    body = next(p for p in word.paragraphs if p.text.startswith("Trên cơ sở kết quả"))
    assert body.style.name == "Normal"
    assert all(run.font.size is None and run.font.name is None for run in body.runs)


def test_the_header_is_a_borderless_table_with_the_number_and_the_date_line(word, document):
    header = word.tables[0]
    borders = header._tbl.tblPr.find(qn("w:tblBorders"))
    assert {edge.get(qn("w:val")) for edge in borders} == {"nil"}
    assert header._tbl.tblPr.find(qn("w:tblStyle")) is None
    left, right = header.rows[0].cells
    assert [p.text for p in left.paragraphs if p.text] == [
        document.header.superior,
        document.header.issuer,
        "Số: 03/BC-CĐCS",
    ]
    assert [p.text for p in right.paragraphs if p.text] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Hà Tĩnh, ngày 05 tháng 3 năm 2023",
    ]
    # A short rule under the issuer and one under the motto: bordered empty paragraphs.
    for cell in (left, right):
        rules = [p for p in cell.paragraphs if p._p.find(f"{qn('w:pPr')}/{qn('w:pBdr')}") is not None]
        assert len(rules) == 1 and rules[0].text == "" and rules[0].paragraph_format.left_indent > 0


def test_every_paragraph_of_the_document_appears_in_order(word, document):
    # The fixture renders a draft, as the report's page downloads it: the mark comes first.
    assert [p.text for p in word.paragraphs if p.text] == ["DỰ THẢO", *expected_lines(document)]


def test_headings_are_word_headings_that_look_like_the_body(word):
    headings = {p.text: p.style.name for p in word.paragraphs if p.style.name.startswith("Heading")}
    assert headings["I. VỀ NHÂN SỰ BAN CHẤP HÀNH"] == "Heading 1"
    assert headings["1. Trách nhiệm của Ban Chấp hành"] == "Heading 2"
    assert (
        headings["1.1. Về công tác chỉ đạo và điều hành thực hiện Nghị quyết Đại hội Công đoàn"]
        == "Heading 3"
    )
    for level in (1, 2, 3):
        style = word.styles[f"Heading {level}"]
        assert style.font.size == Pt(14) and style.font.bold
        assert style.font.color.rgb is None and style.font.color.theme_color is None
        assert style.element.rPr.rFonts is None  # the body's Times New Roman
        assert style.paragraph_format.keep_with_next
    # Sub-sections (1.1.) are in italics, whatever their depth in Word's outline.
    italic = {
        p.text: all(run.italic for run in p.runs)
        for p in word.paragraphs
        if p.style.name.startswith("Heading")
    }
    assert italic["1.1. Về công tác chỉ đạo và điều hành thực hiện Nghị quyết Đại hội Công đoàn"]
    assert not italic["1. Trách nhiệm của Ban Chấp hành"]


def test_run_in_numbers_are_bold_and_lesson_numbers_plain(word):
    runin = next(p for p in word.paragraphs if p.text.startswith("1.3. Ban Chấp hành"))
    assert runin.runs[0].text == "1.3." and runin.runs[0].bold
    lesson = next(p for p in word.paragraphs if p.text.startswith("1. Phải nghiêm túc"))
    assert lesson.runs[0].text == "1." and not lesson.runs[0].bold


def test_the_footnote_is_a_real_footnote_called_from_part_one(word, document):
    (note,) = document.footnotes()
    part = word.part.part_related_by(RELATIONSHIP_TYPE.FOOTNOTES)
    assert part.content_type == "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
    notes = etree.fromstring(part.blob)
    assert [n.get(qn("w:type")) for n in notes] == ["separator", "continuationSeparator", None]
    assert [n.get(qn("w:id")) for n in notes] == ["-1", "0", str(note.number)]
    text = "".join(notes[2].itertext())
    assert "Trương Thiết Hùng" in text and squash(text) == squash(note.text)
    assert notes[2].find(f".//{{{W}}}footnoteRef") is not None
    assert word.styles["footnote text"].font.size == Pt(12)

    paragraphs = word.paragraphs
    part_one = next(i for i, p in enumerate(paragraphs) if p.text == "I. VỀ NHÂN SỰ BAN CHẤP HÀNH")
    calling = paragraphs[part_one + 1]
    (reference,) = calling._p.findall(f".//{qn('w:footnoteReference')}")
    assert reference.get(qn("w:id")) == str(note.number)
    call = reference.getparent()
    assert call.find(f"{qn('w:rPr')}/{qn('w:vertAlign')}").get(qn("w:val")) == "superscript"
    assert calling.text == document.parts[0].blocks[0].text


def test_pages_from_the_second_on_are_numbered_at_the_top(word):
    (section,) = word.sections
    assert section.different_first_page_header_footer
    assert [p.text for p in section.first_page_header.paragraphs] == [""]
    header = section.header._element
    assert "PAGE" in "".join(t.text for t in header.iter(qn("w:instrText")))
    (number,) = section.header.paragraphs
    assert number.alignment == WD_ALIGN_PARAGRAPH.CENTER


def test_the_signature_and_the_distribution_list_close_the_document(word, document):
    recipients, signature = word.tables[-1].rows[0].cells
    assert [p.text for p in signature.paragraphs] == [
        "TM. BAN CHẤP HÀNH",
        "CHỦ TỊCH",
        document.signature.name,
    ]
    assert signature.paragraphs[-1].paragraph_format.space_before >= Pt(48)  # room to sign
    lines = [p.text for p in recipients.paragraphs]
    assert lines[0] == "Nơi nhận:" and lines[-1] == "- Lưu: VT."
    assert recipients.paragraphs[0].runs[0].bold and recipients.paragraphs[0].runs[0].italic
    assert recipients.paragraphs[1].runs[0].font.size == Pt(11)


def test_title_author_and_language_are_set(word):
    properties = word.core_properties
    assert properties.title.startswith("BÁO CÁO Kiểm điểm trách nhiệm")
    assert properties.author == "Công đoàn Ban Tổ chức Tỉnh ủy"
    assert properties.language == "vi-VN"


def test_the_same_document_gives_the_same_bytes(demo_report, document, data):
    again = compose_report(Report.objects.with_document_data().get(pk=demo_report.pk))
    assert render_docx(again) == data
    assert docx_key(again) == docx_key(document)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert {entry.date_time for entry in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_another_document_gives_another_file_and_etag(demo_report, document, data):
    demo_report.opening = "Một đoạn mở đầu khác."
    demo_report.save()
    other = compose_report(Report.objects.with_document_data().get(pk=demo_report.pk))
    assert render_docx(other) != data
    assert docx_key(other) != docx_key(document)


def test_control_characters_pasted_into_the_text_do_not_break_the_file(document):
    pasted = dataclasses.replace(
        document, closing=(Paragraph(("Trân trọng\x0b cảm ơn", Footnote(2, "Ghi\x0c chú"))),)
    )
    word = docx.Document(io.BytesIO(render_docx(pasted)))
    assert word.paragraphs[-1].text == "Trân trọng cảm ơn"


class TestDownload:
    def test_the_secretary_downloads_the_word_file(self, client, demo_report, secretary):
        client.force_login(secretary)
        response = client.get(reverse("reports:docx", args=[demo_report.pk]))
        assert response.status_code == 200
        assert response["Content-Type"] == CONTENT_TYPE_DOCX
        disposition = response["Content-Disposition"]
        assert disposition.startswith("attachment;") and ".docx" in disposition
        assert "filename*=utf-8''B%C3%A1o%20c%C3%A1o%2003-BC-C%C4%90CS" in disposition
        paragraphs = docx.Document(io.BytesIO(response.content)).paragraphs
        # An unpublished report: its Word file is the draft, marked.
        assert [paragraphs[0].text, paragraphs[2].text] == ["DỰ THẢO", "BÁO CÁO"]

    def test_users_of_another_union_get_not_found(self, client, demo_report, outsider):
        client.force_login(outsider)
        assert client.get(reverse("reports:docx", args=[demo_report.pk])).status_code == 404

    def test_a_client_that_has_the_file_gets_not_modified(self, client, demo_report, secretary, monkeypatch):
        client.force_login(secretary)
        url = reverse("reports:docx", args=[demo_report.pk])
        etag = client.get(url)["ETag"]
        monkeypatch.setattr(
            "unionreports.reports.views.render_docx", lambda document, **options: pytest.fail("rendered")
        )
        response = client.get(url, HTTP_IF_NONE_MATCH=etag)
        assert response.status_code == 304 and response["ETag"] == etag

    def test_a_second_reader_gets_the_stored_file_without_a_new_render(
        self, client, demo_report, secretary, member, monkeypatch
    ):
        client.force_login(secretary)
        url = reverse("reports:docx", args=[demo_report.pk])
        first = client.get(url).content
        monkeypatch.setattr(
            "unionreports.reports.views.render_docx",
            lambda document, **options: pytest.fail("rendered again"),
        )
        client.force_login(member)
        assert client.get(url).content == first

    def test_the_report_page_links_the_word_file(self, client, demo_report, secretary):
        client.force_login(secretary)
        html = client.get(reverse("reports:detail", args=[demo_report.pk])).text
        assert reverse("reports:docx", args=[demo_report.pk]) in html
        assert "Tải Word (DOCX)" in html


def test_render_report_writes_a_word_file_and_needs_an_output(demo_report, tmp_path, document):
    target = tmp_path / "report.docx"
    out = io.StringIO()
    call_command(
        "render_report", str(demo_report.pk), "--format", "docx", "--output", str(target), stdout=out
    )
    assert str(target) in out.getvalue()
    assert target.read_bytes() == render_docx(document)
    with pytest.raises(CommandError, match="needs --output"):
        call_command("render_report", str(demo_report.pk), "--format", "docx", stdout=io.StringIO())


@pytest.fixture(scope="module")
def soffice():
    if SOFFICE is None:
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail("LibreOffice is required but missing (apt-get install libreoffice-writer-nogui).")
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-writer-nogui).")
    return SOFFICE


@pytest.mark.libreoffice
def test_libreoffice_lays_out_the_whole_report_like_our_pdf(soffice, document, data, tmp_path):
    source = tmp_path / "report.docx"
    source.write_bytes(data)
    profile = (tmp_path / "profile").as_uri()  # a fresh profile: no other LibreOffice interferes
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            tmp_path,
            source,
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    laid_out = (tmp_path / "report.pdf").read_bytes()
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "report-docx.pdf").write_bytes(laid_out)  # for a person to compare with report.pdf
    reader = PdfReader(io.BytesIO(laid_out))

    pages = [page.extract_text() for page in reader.pages]
    # Page numbers stand on lines of their own, from page 2 on.
    assert [page.splitlines()[0] for page in pages[1:]] == [str(n) for n in range(2, len(pages) + 1)]
    text = squash(" ".join(page.split("\n", 1)[1] if i else page for i, page in enumerate(pages)))
    (note,) = document.footnotes()
    assert f"{note.number} {squash(note.text)}" in text
    text = squash(text.replace(f"{note.number} {squash(note.text)}", ""))
    # In reading order; a footnote call splits its paragraph's text.
    position = 0
    for piece in expected_pieces(document):
        position = text.index(squash(piece), position)
    assert "Hà Tĩnh, ngày 05 tháng 3 năm 2023" in text and "Lưu: VT." in text

    ours = PdfReader(io.BytesIO(render_pdf(document)))
    assert abs(len(reader.pages) - len(ours.pages)) <= 1
