"""The review copy's PDF read back with pypdf: numbered lines as on the review page, "DỰ THẢO"."""

import html
import io
import re

import pytest
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from unionreports.document.lines import number_lines
from unionreports.rendering import fonts
from unionreports.rendering.pdf import cache_key, get_review_pdf, review_cache_key
from unionreports.reports.compose import compose_report
from unionreports.reports.models import Report

pytestmark = pytest.mark.django_db

MM = 72 / 25.4
TEXT_WIDTH = 165 * MM  # A4 less the margins of Nghị định 30, in points
INDENT = 1.27 / 2.54 * 72


def documents(demo_report):
    reports = Report.objects.with_document_data().filter(term=demo_report.term).order_by("kind")
    return {report.kind: compose_report(report) for report in reports}


@pytest.fixture(params=["kiem_diem", "tong_ket"])
def document(request, demo_report):
    return documents(demo_report)[request.param]


def squash(text: str) -> str:
    return " ".join(text.split())


def expected_lines(document) -> dict[int, str]:
    """Line number → the text it prints, label and footnote number included."""
    found = {}
    for block in number_lines(document).all_blocks():
        for line in block.lines:
            lead = f"{block.prefix} " if line.first and block.prefix else ""
            found[line.number] = squash(lead + line.text)
    return found


def pdf_lines(content: bytes) -> tuple[list[tuple[int, str]], list[str]]:
    """(number, text) of each numbered line of the PDF, and each page's text."""
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(content)).pages]
    numbered = []
    for text in pages:
        for line in text.splitlines():
            if re.fullmatch(r"\d+ DỰ THẢO", line):
                continue  # the page header: its number and the mark
            if match := re.match(r"(\d+) (\S.*)", line):
                numbered.append((int(match[1]), squash(match[2])))
    return numbered, pages


def test_every_line_begins_with_its_number_and_the_numbers_run_on(document):
    numbered, _pages = pdf_lines(get_review_pdf(document).content)
    expected = expected_lines(document)
    assert [number for number, _text in numbered] == list(range(1, len(expected) + 1))
    assert dict(numbered) == expected


def test_draft_is_marked_on_the_first_page_and_in_the_later_page_headers(document):
    _numbered, pages = pdf_lines(get_review_pdf(document).content)
    assert "DỰ THẢO" in pages[0].split(document.header.superior)[0]
    assert all("DỰ THẢO" in page for page in pages[1:])


def test_the_review_copy_is_stored_apart_from_the_report_pdf(document):
    assert review_cache_key(document) != cache_key(document)
    first = get_review_pdf(document)
    assert get_review_pdf(document).sha256 == first.sha256


def test_no_line_is_wider_than_the_page_in_the_report_font(document):
    """WeasyPrint never wraps a line again (nowrap): each must fit the text width as measured."""
    family = fonts.report_font()
    if family == fonts.BUNDLED_FAMILY:
        pytest.skip("The widths are set for Times metrics; Noto Serif is wider.")
    faces = {}
    for bold, path in ((False, family.regular), (True, family.bold)):
        font = TTFont(path)
        faces[bold] = (font.getBestCmap(), font["hmtx"], font["head"].unitsPerEm)

    def width(text: str, *, bold: bool, size: float) -> float:
        cmap, hmtx, units = faces[bold]
        return sum(hmtx[cmap[ord(ch)]][0] for ch in text if ord(ch) in cmap) / units * size

    for block in number_lines(document).all_blocks():
        size = 12 if block.kind == "footnote" else 14
        for line in block.lines:
            lead = f"{block.prefix} " if line.first and block.prefix else ""
            indent = INDENT if line.first and block.kind != "footnote" and block.style != "level-0" else 0
            bold = block.kind == "heading" or (block.style == "runin" and line.first)
            assert width(lead + line.text, bold=bold, size=size) + indent <= TEXT_WIDTH, line


def test_the_review_page_and_the_pdf_number_the_same_lines(client, demo_report, secretary):
    document = documents(demo_report)["kiem_diem"]
    client.force_login(secretary)
    page = client.get(f"/reports/{demo_report.pk}/review/").text
    on_screen = {}
    for chunk in page.split('<span class="nl-line')[1:]:
        line = chunk.split("\n")[0]
        number = int(re.search(r'<span class="ln" aria-hidden="true">(\d+)</span>', line)[1])
        on_screen[number] = squash(html.unescape(re.sub(r"<[^>]+>", " ", line.split("</span>", 1)[1])))
    numbered, _pages = pdf_lines(get_review_pdf(document).content)
    in_pdf = dict(numbered)
    assert sorted(on_screen) == sorted(in_pdf)
    for number in (1, 5, 31, len(in_pdf) // 2, len(in_pdf)):
        assert on_screen[number].replace(" ", "") == in_pdf[number].replace(" ", ""), number
