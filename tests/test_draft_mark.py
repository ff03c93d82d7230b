"""Every rendering of a draft says "DỰ THẢO"; the published version, and its files, never do."""

import io

import docx
import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from pypdf import PdfReader

from tests.pages import committee_approves
from tests.pages import page as edit_page
from unionreports.importing.services import read_report
from unionreports.publishing import delivery, review
from unionreports.publishing.models import Publication
from unionreports.rendering.docx import render_docx
from unionreports.rendering.models import RenderedDocument
from unionreports.rendering.pdf import get_pdf, render_pdf
from unionreports.rendering.text import render_text
from unionreports.reports import drafts
from unionreports.reports.compose import compose_report
from unionreports.reports.models import Report

pytestmark = pytest.mark.django_db

MARK = "DỰ THẢO"


@pytest.fixture(autouse=True)
def fresh_process():
    """Published bytes are remembered per process by id; ids repeat from one test to the next."""
    delivery.pdf_bytes.cache_clear()
    cache.clear()
    yield
    delivery.pdf_bytes.cache_clear()
    cache.clear()


def document_of(report):
    return compose_report(Report.objects.with_document_data().get(pk=report.pk))


def sheet(html: str) -> str:
    """The document as the page shows it, without the toolbar and the state around it."""
    return html.split('<div class="sheet">', 1)[1]


def pdf_text(data: bytes) -> str:
    return PdfReader(io.BytesIO(data)).pages[0].extract_text()


def renderings(client, report) -> dict[str, str]:
    """The text of what a committee member gets from the report's page and its three downloads."""
    get = lambda name: client.get(reverse(f"reports:{name}", args=[report.pk]))  # noqa: E731
    word = docx.Document(io.BytesIO(get("docx").content))
    return {
        "preview": sheet(get("detail").text),
        "pdf": pdf_text(get("pdf").content),
        "docx": "\n".join(p.text for p in word.paragraphs),
        "text": get("text").content.decode(),
    }


def publish(client, report, secretary) -> Publication:
    review.round_start(report=report, by=secretary)
    committee_approves(report)
    client.force_login(secretary)
    client.post(reverse("publishing:publish", args=[report.pk]))
    return Publication.objects.get(report=report)


def test_every_rendering_of_a_draft_says_du_thao(client, demo_report, secretary):
    client.force_login(secretary)
    found = renderings(client, demo_report)
    assert {name: MARK in text for name, text in found.items()} == dict.fromkeys(found, True)
    # Above the header, first thing on the page.
    assert found["preview"].index(MARK) < found["preview"].index("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert found["pdf"].startswith(MARK)
    assert found["docx"].startswith(MARK)
    assert found["text"].splitlines()[0] == MARK


def test_the_published_files_and_the_unchanged_report_say_nothing_of_a_draft(client, demo_report, secretary):
    publication = publish(client, demo_report, secretary)
    token = demo_report.public_links.get(revoked_at__isnull=True).token
    assert MARK not in pdf_text(bytes(publication.pdf))
    assert MARK not in publication.html
    client.logout()
    assert MARK not in sheet(client.get(reverse("publishing:public", args=[token])).text)
    assert MARK not in pdf_text(client.get(reverse("publishing:public_pdf", args=[token])).content)

    client.force_login(secretary)
    found = renderings(client, demo_report)
    assert {name: MARK in text for name, text in found.items()} == dict.fromkeys(found, False)
    # The secretary's PDF of the published text is the very file delegates download.
    assert client.get(reverse("reports:pdf", args=[demo_report.pk])).content == bytes(publication.pdf)


def test_an_edit_after_publishing_marks_the_current_text_and_leaves_the_published_file_alone(
    client, demo_report, secretary
):
    publication = publish(client, demo_report, secretary)
    token = demo_report.public_links.get(revoked_at__isnull=True).token
    published_pdf = client.get(reverse("publishing:public_pdf", args=[token])).content
    demo_report.closing += "\nMột đoạn viết thêm sau khi phát hành."
    demo_report.save()

    found = renderings(client, demo_report)
    assert {name: MARK in text for name, text in found.items()} == dict.fromkeys(found, True)
    delivery.pdf_bytes.cache_clear()
    assert client.get(reverse("publishing:public_pdf", args=[token])).content == published_pdf
    assert MARK not in pdf_text(published_pdf) and published_pdf == bytes(publication.pdf)


def test_the_editing_preview_is_marked_while_the_text_is_not_the_published_one(
    client, demo_report, secretary
):
    client.force_login(secretary)
    for name in ("header", "outline", "achievements"):
        assert MARK in sheet(client.get(edit_page(demo_report, name)).text)
    publish(client, demo_report, secretary)
    for name in ("header", "outline", "achievements"):
        assert MARK not in sheet(client.get(edit_page(demo_report, name)).text)


def test_the_mark_leaves_the_digest_the_committee_approves_alone(client, demo_report, secretary):
    document = document_of(demo_report)
    digest = document.digest()
    assert MARK in render_text(document) and MARK not in render_text(document, draft=False)
    assert document.digest() == digest == document_of(demo_report).digest()
    # Approved on the marked draft, published unmarked: one text, one digest.
    assert publish(client, demo_report, secretary).digest == digest


def test_the_draft_and_the_final_pdf_are_two_stored_files(client, demo_report, secretary):
    document = document_of(demo_report)
    draft, final = get_pdf(document), get_pdf(document, draft=False)
    assert draft.key != final.key and draft.sha256 != final.sha256
    assert RenderedDocument.objects.count() == 2
    assert MARK in pdf_text(draft.content) and MARK not in pdf_text(final.content)
    # Asked again, each is served from its own stored render.
    assert get_pdf(document).content == draft.content
    assert get_pdf(document, draft=False).content == final.content
    assert RenderedDocument.objects.count() == 2

    # A browser holding the draft is not told its copy is the published file.
    client.force_login(secretary)
    url = reverse("reports:pdf", args=[demo_report.pk])
    etag = client.get(url)["ETag"]
    publish(client, demo_report, secretary)
    response = client.get(url, headers={"if-none-match": etag})
    assert response.status_code == 200 and MARK not in pdf_text(response.content)


def test_the_word_draft_boxes_the_mark_in_bold_at_the_right_before_the_header(demo_report):
    word = docx.Document(io.BytesIO(render_docx(document_of(demo_report))))
    first = word.paragraphs[0]
    assert first.text == MARK and all(run.bold for run in first.runs)
    borders = first._p.pPr.find(qn("w:pBdr"))
    assert {edge.tag.split("}")[1] for edge in borders} == {"top", "left", "bottom", "right"}
    # A box as wide as the words, at the right margin.
    assert first.paragraph_format.left_indent > first.paragraph_format.right_indent * 10
    assert first.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    body = word.element.body
    assert list(body).index(first._p) < list(body).index(word.tables[0]._tbl)

    final = docx.Document(io.BytesIO(render_docx(document_of(demo_report), draft=False)))
    assert all(MARK not in p.text for p in final.paragraphs)


def test_the_pdf_draft_is_marked_on_its_first_page_only(demo_report):
    draft = PdfReader(io.BytesIO(render_pdf(document_of(demo_report))))
    assert [MARK in page.extract_text() for page in draft.pages] == [True] + [False] * (len(draft.pages) - 1)


def test_without_the_publishing_check_every_rendering_is_a_draft(client, demo_report, secretary, monkeypatch):
    publish(client, demo_report, secretary)
    report = Report.objects.with_document_data().get(pk=demo_report.pk)
    assert not drafts.is_draft(report, compose_report(report))
    monkeypatch.setattr(drafts, "_published", None)
    assert drafts.is_draft(report, compose_report(report))


@pytest.mark.parametrize(
    ("name", "render"),
    [("report.txt", lambda document: render_text(document).encode()), ("report.docx", render_docx)],
)
def test_a_draft_exported_and_imported_again_reads_without_its_mark(demo_report, name, render):
    document = document_of(demo_report)
    imported = read_report(name, render(document))
    assert imported.document.header == document.header
    assert MARK not in render_text(imported.document, draft=False)


def test_asking_whether_the_text_is_published_costs_the_report_page_no_query(
    client, demo_report, secretary, monkeypatch
):
    """The check reads the publications the page's state reads anyway, once."""
    publish(client, demo_report, secretary)
    url = reverse("reports:detail", args=[demo_report.pk])

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    with_check = queries()
    monkeypatch.setattr(drafts, "_published", None)
    assert queries() == with_check
