"""A whole review in Chromium, as the committee lives it.

The secretary opens a round; each sitting member gets an e-mail with the link; a member reads the
line-numbered copy and comments on a paragraph, a selected passage and a footnote; the secretary
sees the comments beside their items on the editing page, resolves one, swaps two lessons and
sends round 2; the member sees the swap as one move; everyone approves; the record of the review
lists every comment and every answer.
"""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from pypdf import PdfReader

from tests.conftest import ARTIFACTS
from tests.factories import sitting_accounts
from tests.pages import approve, items, section
from tests.pages import page as editing_page
from tests.test_review_browser import as_user
from tests.test_review_copy_browser import SELECT, comment_on, row
from unionreports.accounts.names import display_name
from unionreports.notices.models import Notice
from unionreports.publishing import review
from unionreports.publishing.state import report_state
from unionreports.reports.compose import compose_report
from unionreports.reports.demo import load_demo
from unionreports.reports.models import Report

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def fresh(report) -> Report:
    return Report.objects.with_document_data().get(pk=report.pk)


def words(text: str) -> str:
    return " ".join(text.split())


def test_a_review_from_the_e_mail_to_the_record(browser, live_server, settings):
    settings.SITE_URL = live_server.url
    report = load_demo()
    sitting_accounts(report)
    secretary = report.term.organization.affiliations.get(role="secretary").user
    secretary.set_password("password")
    secretary.save()
    seats = review.committee_seats(fresh(report))
    members = list(
        get_user_model().objects.filter(pk__in=[s.user_id for s in seats]).select_related("profile")
    )
    assert len(members) == len(seats) == 7
    for n, member in enumerate(members):
        member.email = f"uyvien{n}@example.vn"
        member.set_password("password")
        member.save()
    review_path = f"/reports/{report.pk}/review/"
    mail.outbox.clear()

    # The secretary opens round 1; every sitting member is mailed a link to the review page.
    boss = as_user(browser, live_server, secretary)
    boss.goto(f"{live_server.url}{review_path}")
    boss.get_by_role("button", name="Gửi Ban Chấp hành góp ý").click()
    boss.get_by_text("Đã mở vòng góp ý 1").wait_for()
    assert sorted(address for message in mail.outbox for address in message.to) == sorted(
        member.email for member in members
    )
    member = members[0]
    letter = next(message for message in mail.outbox if message.to == [member.email])
    link = re.search(r"https?://\S+", letter.body)[0]
    assert link.startswith(f"{live_server.url}{review_path}")

    # The member opens the line-numbered copy from the e-mail and comments in three ways.
    reader = as_user(browser, live_server, member)
    reader.set_viewport_size({"width": 1400, "height": 1000})
    reader.goto(link)
    assert reader.locator(".nl-row .ln").first.inner_text().strip() == "1"
    lessons = section(report, "lessons")
    first, second = items(report, "lessons")[:2]
    on_lesson = f"{lessons.anchor}/item-{first.pk}"
    comment_on(reader, on_lesson, "Đề nghị nêu rõ bài học này.")
    note = reader.locator(".nl-row[data-anchor$='/note-1']")
    on_note = note.get_attribute("data-anchor")
    comment_on(reader, on_note, "Ghi rõ ngày chuyển công tác.")
    on_passage = reader.locator(".nl-row[data-anchor*='/item-']").nth(3).get_attribute("data-anchor")
    reader.evaluate(SELECT, on_passage)
    reader.locator(".nl-select-button").click()
    row(reader, on_passage).locator("textarea[name=text]").fill("Câu này cần số liệu.")
    row(reader, on_passage).get_by_role("button", name="Gửi").click()
    row(reader, on_passage).get_by_text("Câu này cần số liệu.").wait_for()
    assert report.comments.get(text="Câu này cần số liệu.").quote
    reader.screenshot(path=ARTIFACTS / "journey-review-wide.png")

    # The secretary is told, and finds the lesson's comment beside it on the editing page.
    assert Notice.objects.filter(recipient=secretary, kind="comment").count() == 3
    thread = report.comments.get(text="Đề nghị nêu rõ bài học này.")
    boss.goto(f"{live_server.url}{editing_page(report, 'lessons')}")
    lesson_row = boss.locator("li.ordered-row", has=boss.locator(f"#comment-{thread.pk}"))
    assert lesson_row.locator("textarea[name$=-text]").input_value() == first.text
    boss.locator(f"button[form=resolve-{thread.pk}][value='1']").click()
    boss.locator(f"[data-resolved-threads] #comment-{thread.pk}").wait_for(state="attached")

    # … swaps the first two lessons, and sends round 2.
    boss.locator("li.ordered-row").first.locator("[data-move=down]").click()
    boss.get_by_role("button", name="Lưu", exact=True).click()
    boss.get_by_text("Đã lưu.").wait_for()
    assert list(items(report, "lessons")[:2]) == [second, first]
    boss.goto(f"{live_server.url}{review_path}")
    boss.get_by_role("button", name="Gửi vòng góp ý mới cho Ban Chấp hành").click()
    boss.get_by_text("Đã mở vòng góp ý 2").wait_for()

    # The member sees, since the round they commented on, one lesson moved and nothing else.
    reader.goto(f"{live_server.url}{review_path}")
    reader.locator("a.changes-link").click()
    reader.locator("[data-moved='1']").first.wait_for()
    assert reader.locator("[data-moved='1']").count() == 1
    assert reader.locator("[data-status='inserted'], [data-status='deleted']").count() == 0
    assert reader.locator("[data-moved='1'] ins, [data-moved='1'] del").count() == 0
    reader.screenshot(path=ARTIFACTS / "journey-changes.png")

    # Everyone approves: the member on the page, the six others as they read it.
    reader.goto(f"{live_server.url}{review_path}")
    reader.get_by_role("button", name="Tôi nhất trí").click()
    reader.get_by_text("Đã ghi nhận ý kiến của bạn.").wait_for()
    for other in members[1:]:
        approve(report, other)
    assert report_state(fresh(report), compose_report(fresh(report))).status == "approved"

    # The record of the review holds every comment and every answer, with names.
    response = boss.request.get(f"{live_server.url}{review_path}record.pdf")
    assert response.ok
    (ARTIFACTS / "journey-record.pdf").write_bytes(response.body())
    record = words(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.body())).pages))
    for said in ("Đề nghị nêu rõ bài học này.", "Ghi rõ ngày chuyển công tác.", "Câu này cần số liệu."):
        assert said in record
    assert "VÒNG GÓP Ý THỨ 2" in record
    for person in members:
        assert words(display_name(person)) in record
    assert record.count("Tán thành") >= len(members)
