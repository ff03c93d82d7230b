"""A whole review round in Chromium: comments, a change, approval, publishing, a delegate's download."""

import hashlib
from pathlib import Path

import pytest

from tests.conftest import ARTIFACTS
from tests.factories import sitting_accounts
from tests.pages import committee_approves, items, section
from unionreports.reports.demo import load_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def as_user(browser, live_server, user):
    context = browser.new_context(
        locale="vi-VN", viewport={"width": 1280, "height": 900}, accept_downloads=True
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    if user is not None:
        page.goto(f"{live_server.url}/accounts/login/")
        page.get_by_label("Tên đăng nhập").fill(user.username)
        page.get_by_label("Mật khẩu").fill("password")
        page.get_by_role("button", name="Đăng nhập").click()
        page.get_by_role("link", name="Báo cáo công đoàn").wait_for()
    return page


def comment(page, anchor: str, text: str) -> None:
    section = page.locator(f".nl-row[data-anchor='{anchor}']")
    section.locator("details.nl-new > summary").click()
    section.locator("textarea[name=text]").last.fill(text)
    section.get_by_role("button", name="Gửi").last.click()
    page.get_by_text(text).wait_for()


def test_a_report_is_reviewed_approved_published_and_downloaded(browser, live_server):
    report = load_demo()
    organization = report.term.organization
    secretary = organization.affiliations.get(role="secretary").user
    secretary.set_password("password")
    secretary.save()
    # The 7 members sitting on the report's date: two review in the browser, the rest approve at the end.
    first, second = sitting_accounts(report)[:2]
    review_url = f"{live_server.url}/reports/{report.pk}/review/"
    lessons, personnel = section(report, "lessons"), section(report, "personnel").anchor

    boss = as_user(browser, live_server, secretary)
    boss.goto(review_url)
    boss.get_by_role("button", name="Gửi Ban Chấp hành góp ý").click()
    boss.get_by_text("Đã mở vòng góp ý 1").wait_for()

    page_a = as_user(browser, live_server, first)
    page_a.goto(review_url)
    comment(page_a, lessons.anchor, "Đề nghị bổ sung bài học về chuyển đổi số.")
    page_a.get_by_role("button", name="Tôi đề nghị sửa").click()
    page_a.get_by_text("Đã ghi nhận ý kiến của bạn.").wait_for()
    page_b = as_user(browser, live_server, second)
    page_b.goto(review_url)
    comment(page_b, personnel, "Phần nhân sự rõ ràng.")
    page_b.get_by_role("button", name="Tôi nhất trí").click()

    # The secretary adds the lesson asked for and resolves the comment.
    boss.goto(f"{live_server.url}{lessons.get_absolute_url()}")
    boss.get_by_role("button", name="+ Thêm ý").click()
    boss.locator("[name=items-4-text]").fill("Đẩy mạnh chuyển đổi số trong hoạt động công đoàn.")
    boss.get_by_role("button", name="Lưu", exact=True).click()
    boss.get_by_text("Đã lưu.").wait_for()
    boss.goto(review_url)
    boss.locator(f"[data-anchor='{lessons.anchor}']").get_by_role(
        "button", name="Đánh dấu đã giải quyết"
    ).click()
    boss.locator(f"[data-anchor='{lessons.anchor}'] .comment-resolved").wait_for()
    boss.get_by_role("button", name="Gửi vòng góp ý mới cho Ban Chấp hành").click()
    boss.get_by_text("Đã mở vòng góp ý 2").wait_for()

    page_a.goto(review_url)
    added = items(report, "lessons").last()
    words = page_a.locator(f".nl-row[data-anchor='{lessons.anchor}/item-{added.pk}'] .nl-text").evaluate(
        "text => { const copy = text.cloneNode(true); copy.querySelectorAll('.ln').forEach(n => n.remove());"
        " return copy.textContent; }"
    )
    assert "Đẩy mạnh chuyển đổi số trong hoạt động công đoàn." in " ".join(words.split())
    ARTIFACTS.mkdir(exist_ok=True)
    page_a.screenshot(path=ARTIFACTS / "review-round-2.png", full_page=True)
    for page in (page_a, page_b):
        page.goto(review_url)
        page.get_by_role("button", name="Tôi nhất trí").click()
        page.get_by_text("Đã ghi nhận ý kiến của bạn.").wait_for()
    committee_approves(report, but=(first, second))

    boss.goto(f"{live_server.url}/reports/{report.pk}/publications/")
    boss.on("dialog", lambda dialog: dialog.accept())
    boss.get_by_role("button", name="Phát hành", exact=True).click()
    boss.get_by_text("Đã phát hành bản 1.").wait_for()
    public_url = boss.locator("a.public-link").get_attribute("href")
    checksum = report.publications.get().sha256

    delegate = as_user(browser, live_server, None)
    delegate.goto(f"{live_server.url}{public_url}")
    assert delegate.locator("code.checksum").inner_text() == checksum
    delegate.screenshot(path=ARTIFACTS / "public-page.png")
    with delegate.expect_download() as download_info:
        delegate.get_by_role("link", name="Tải PDF").click()
    assert hashlib.sha256(Path(download_info.value.path()).read_bytes()).hexdigest() == checksum

    # Editing after publishing changes the draft only: the delegates' bytes stay the same.
    boss.goto(f"{live_server.url}/reports/{report.pk}/edit/prose/")
    boss.locator("[name=closing]").fill("Một đoạn kết khác.")
    boss.get_by_role("button", name="Lưu", exact=True).click()
    boss.get_by_text("Đã lưu.").wait_for()
    with delegate.expect_download() as again:
        delegate.get_by_role("link", name="Tải PDF").click()
    assert hashlib.sha256(Path(again.value.path()).read_bytes()).hexdigest() == checksum
    for page in (boss, page_a, page_b, delegate):
        page.context.close()
