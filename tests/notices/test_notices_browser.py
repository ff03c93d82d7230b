"""A member comments; the secretary sees the badge, opens the notice and lands on the comment."""

import pytest
from django.core import mail

from tests.conftest import ARTIFACTS
from tests.factories import AffiliationFactory
from unionreports.publishing import review
from unionreports.reports.demo import load_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def as_user(browser, live_server, user, viewport=None):
    context = browser.new_context(locale="vi-VN", viewport=viewport or {"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Tên đăng nhập").fill(user.username)
    page.get_by_label("Mật khẩu").fill("password")
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_role("link", name="Báo cáo công đoàn").wait_for()
    return page


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"notices-{name}.png", full_page=True)


def test_a_comment_reaches_the_secretary_as_a_notice_and_leads_to_it(browser, live_server):
    report = load_demo()
    organization = report.term.organization
    secretary = organization.affiliations.get(role="secretary").user
    secretary.set_password("password")
    secretary.email = "thuky@example.vn"
    secretary.save()
    member = AffiliationFactory(
        organization=organization, role="member", user__profile__full_name="Trần Thị Bình"
    ).user
    review.round_start(report=report, by=secretary)
    for text in ("Đề nghị bổ sung số liệu đoàn viên.", "Đề nghị nêu rõ nguyên nhân của hạn chế."):
        review.comment_add(report=report, author=member, anchor="opening", text=text, parent=None)
    assert [m.to for m in mail.outbox] == [["thuky@example.vn"]] * 2

    for name, viewport in (("wide", None), ("phone", PHONE)):
        page = as_user(browser, live_server, secretary, viewport)
        badge = page.locator(".notices-badge")
        assert badge.inner_text().startswith("2")
        shot(page, f"navbar-{name}")
        page.locator(".notices-link").click()
        page.locator(".notices").wait_for()
        assert page.locator(".notice-unread").count() == 2
        assert "Trần Thị Bình" in page.locator(".notice").first.inner_text()
        shot(page, f"list-{name}")
        page.locator("nav a[href$='/accounts/account/']").click()
        page.locator("[name=full_name]").wait_for()
        shot(page, f"account-{name}")
        page.context.close()

    page = as_user(browser, live_server, secretary)
    page.goto(f"{live_server.url}/notices/")
    page.locator(".notice").first.click()
    page.wait_for_url(f"**/reports/{report.pk}/review/#comment-*")
    assert page.url.endswith(f"#comment-{report.comments.order_by('-pk').first().pk}")
    assert page.locator(".notices-badge").inner_text().startswith("1")
    page.goto(f"{live_server.url}/notices/")
    page.locator("form[action$='/notices/read'] button").click()
    page.locator(".alert-success").wait_for()
    assert page.locator(".notices-badge").count() == 0
    assert page.locator(".notice-unread").count() == 0
