"""The review page is the document: numbered lines, part headings, footnotes, comments beside each block."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import AffiliationFactory, ReportItemFactory
from tests.pages import items, read, review_rows, section
from unionreports.document.lines import number_lines
from unionreports.publishing import review
from unionreports.publishing.models import Comment
from unionreports.reports.compose import compose_report
from unionreports.reports.models import Report

pytestmark = pytest.mark.django_db


def url(name, report):
    return reverse(f"publishing:{name}", args=[report.pk])


def numbered(report):
    return number_lines(compose_report(Report.objects.with_document_data().get(pk=report.pk)))


@pytest.fixture
def reviewing(client, demo_report, secretary):
    review.round_start(report=demo_report, by=secretary)
    member = AffiliationFactory(organization=demo_report.term.organization, role="member").user
    client.force_login(member)
    return member


def rows(client, report) -> dict[str, str]:
    return review_rows(client.get(url("review", report)).text)


def text_of(row: str) -> str:
    return read(row.split("<aside")[0])


def test_the_page_shows_the_part_headings_the_numbers_once_and_the_footnotes(client, demo_report, reviewing):
    shown = rows(client, demo_report)
    personnel = section(demo_report, "personnel").anchor
    assert text_of(shown[personnel]) == "I. VỀ NHÂN SỰ BAN CHẤP HÀNH"
    lessons = items(demo_report, "lessons")
    lesson = shown[f"{lessons[0].section.anchor}/item-{lessons[0].pk}"]
    assert text_of(lesson).startswith(f"1. {lessons[0].text[:30]}")
    assert text_of(lesson).count("1.") == lessons[0].text.count("1.") + 1
    notes = [identity for identity in shown if identity.endswith("/note-1")]
    assert len(notes) == 1 and notes[0].startswith(personnel)
    assert text_of(shown[notes[0]]).startswith("1 Đồng chí")
    # Every block has its own comment form, the footnote's naming the footnote.
    assert all('class="nl-new"' in row for row in shown.values())
    assert f'name="anchor" value="{notes[0]}"' in shown[notes[0]]


def test_the_numbers_run_through_the_whole_document(client, demo_report, reviewing):
    page = client.get(url("review", demo_report)).text
    expected = [line.number for line in numbered(demo_report).lines()]
    assert [int(n) for n in re.findall(r'<span class="ln" aria-hidden="true">(\d+)</span>', page)] == expected


def test_a_comment_on_a_footnote_and_on_a_paragraph_without_a_record(client, demo_report, reviewing):
    blocks = numbered(demo_report)
    note = blocks.notes[0].identity
    opening = blocks.identities()["opening"].identity
    client.post(url("comment", demo_report), {"anchor": note, "text": "Ghi rõ ngày chuyển."})
    client.post(url("comment", demo_report), {"anchor": opening, "text": "Mở đầu nên ngắn hơn."})
    shown = rows(client, demo_report)
    assert "Ghi rõ ngày chuyển." in shown[note]
    assert "Mở đầu nên ngắn hơn." in shown[opening] and opening.startswith("opening/p-")

    # A paragraph added before the commented one moves its lines, not its comment.
    demo_report.opening = "Một đoạn mở đầu mới.\n" + demo_report.opening
    demo_report.save()
    shown = rows(client, demo_report)
    assert "Mở đầu nên ngắn hơn." in shown[opening]
    assert "Mở đầu nên ngắn hơn." not in shown[numbered(demo_report).blocks[0].identity]


def test_a_passage_is_kept_with_the_comment_and_must_be_in_its_paragraph(client, demo_report, reviewing):
    client.cookies["django_language"] = "en"
    lesson = items(demo_report, "lessons")[1]
    anchor = f"{lesson.section.anchor}/item-{lesson.pk}"
    passage = " ".join(lesson.text.split()[2:9])
    response = client.post(
        url("comment", demo_report),
        {"anchor": anchor, "quote": f"  {passage}\n", "text": "Rõ hơn."},
        follow=True,
    )
    comment = Comment.objects.get(text="Rõ hơn.")
    assert comment.anchor == anchor and comment.quote == passage
    assert f"about «{passage[:40]}" in read(review_rows(response.text)[anchor])

    response = client.post(
        url("comment", demo_report),
        {"anchor": anchor, "quote": "chữ không có trong đoạn", "text": "Sai đoạn."},
        follow=True,
    )
    assert "The passage you selected is not in that paragraph" in response.text
    assert not Comment.objects.filter(text="Sai đoạn.").exists()

    response = client.post(
        url("comment", demo_report), {"anchor": "area-999999", "text": "Mất."}, follow=True
    )
    assert "no longer in the report" in response.text
    assert not Comment.objects.filter(text="Mất.").exists()


def test_earlier_comments_stay_at_their_place_and_those_on_removed_parts_at_the_end(
    client, demo_report, reviewing
):
    personnel = section(demo_report, "personnel").anchor
    for anchor, text in (
        ("opening", "Về phần mở đầu."),
        (f"{personnel}/p-0000000000", "Về một đoạn đã sửa."),
        ("section-999999", "Về một phần đã xoá."),
    ):
        Comment.objects.create(report=demo_report, anchor=anchor, author=reviewing, text=text)
    page = client.get(url("review", demo_report)).text
    shown = review_rows(page)
    assert "Về phần mở đầu." in shown[numbered(demo_report).blocks[0].identity]
    assert "Về một đoạn đã sửa." in shown[personnel]
    removed = page.split('id="review-removed"')[1]
    assert "Về một phần đã xoá." in removed and "Về phần mở đầu." not in removed


def test_the_page_costs_the_same_queries_with_many_comments(client, demo_report, reviewing):
    lessons = items(demo_report, "lessons")

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url("review", demo_report)).status_code == 200
        return len(captured)

    anchor = f"{lessons[0].section.anchor}/item-{lessons[0].pk}"
    client.post(url("comment", demo_report), {"anchor": anchor, "text": "Một."})
    parent = Comment.objects.get()
    review.comment_add(report=demo_report, author=reviewing, anchor=anchor, text="Trả lời.", parent=parent)
    few = queries()
    for n in range(12):
        review.comment_add(
            report=demo_report,
            author=reviewing,
            anchor=anchor,
            text=f"Ý {n}",
            parent=parent if n % 2 else None,
        )
    assert queries() == few


def test_a_term_summary_is_reviewed_with_its_divisions(client, demo_report, reviewing):
    summary = Report.objects.get(term=demo_report.term, kind="tong_ket")
    ReportItemFactory(section=summary.sections.filter(kind="list").first(), text="Một ý mới để góp ý.")
    page = client.get(url("review", summary))
    assert page.status_code == 200
    texts = [text_of(row) for row in review_rows(page.text).values()]
    assert "PHẦN THỨ NHẤT KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI CÔNG ĐOÀN NHIỆM KỲ 2017 – 2022" in texts
    assert any(text.endswith("Một ý mới để góp ý.") for text in texts)
    assert url("review_pdf", summary) in page.text


def test_the_review_copy_is_for_the_committee_only(client, demo_report, reviewing):
    response = client.get(url("review_pdf", demo_report))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert "attachment" in response["Content-Disposition"]
    delegate = AffiliationFactory(organization=demo_report.term.organization, role="delegate").user
    client.force_login(delegate)
    assert client.get(url("review_pdf", demo_report)).status_code == 403
