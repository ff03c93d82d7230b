"""What changed since round 1, in Chromium, on a wide screen and a phone."""

import os
from pathlib import Path

import pytest

from tests.conftest import ARTIFACTS
from tests.factories import ReportItemFactory, sitting_accounts
from tests.pages import approve, items, section
from unionreports.publishing import review
from unionreports.reports.demo import load_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(os.environ.get("SHOTS_DIR", ARTIFACTS))


def test_a_member_reads_what_changed_with_the_moves_told(browser, live_server):
    report = load_demo()
    secretary = report.term.organization.affiliations.get(role="secretary").user
    member = sitting_accounts(report, 1)[0]
    member.set_password("password")
    member.save()
    review.round_start(report=report, by=secretary)
    approve(report, member)
    first, second, *_ = items(report, "lessons")
    first.position, second.position = second.position, first.position
    first.text = first.text.replace("Phải", "Cần", 1)
    first.save()
    second.save()
    items(report, "limitations").first().delete()
    ReportItemFactory(section=section(report, "causes"), position=99, text="Kinh phí hoạt động còn hạn hẹp.")
    review.round_start(report=report, by=secretary)

    context = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(f"{live_server.url}/accounts/login/?next=/reports/{report.pk}/review/")
    page.get_by_label("Tên đăng nhập").fill(member.username)
    page.get_by_label("Mật khẩu").fill("password")
    page.get_by_role("button", name="Đăng nhập").click()
    page.locator("a.changes-link").click()
    moved = page.locator("[data-moved='1']")
    moved.first.wait_for()
    assert moved.count() == 1
    assert "↕" in moved.first.inner_text()
    assert page.locator("[data-status='inserted']").count() == 1
    assert page.locator("[data-status='deleted']").count() == 1
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.locator("[data-status='deleted']").scroll_into_view_if_needed()
    page.screenshot(path=SHOTS / "changes-wide.png")
    moved.first.scroll_into_view_if_needed()
    page.screenshot(path=SHOTS / "changes-wide-moved.png")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(page.url)
    page.screenshot(path=SHOTS / "changes-phone-top.png")
    page.locator("[data-moved='1']").scroll_into_view_if_needed()
    page.screenshot(path=SHOTS / "changes-phone.png")
    # Nothing wider than the phone's screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()
