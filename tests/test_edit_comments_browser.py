"""In Chromium: the secretary answers and resolves a comment beside the item, keeping what was typed."""

import pytest

from tests.conftest import ARTIFACTS
from tests.pages import items, section
from tests.pages import page as page_of
from unionreports.publishing import review
from unionreports.reports.demo import load_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_secretary_replies_and_resolves_beside_the_item_without_losing_typing(page, live_server):
    report = load_demo()
    secretary = report.term.organization.affiliations.get(role="secretary").user
    secretary.set_password("password")
    secretary.save()
    review.round_start(report=report, by=secretary)
    causes, item = section(report, "causes"), items(report, "causes")[1]
    thread = review.comment_add(
        report=report,
        author=secretary,
        anchor=f"{causes.anchor}/item-{item.pk}",
        quote=f"- {item.text}",
        text="Đề nghị nêu rõ số liệu.",
        parent=None,
    )

    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Tên đăng nhập").fill(secretary.username)
    page.get_by_label("Mật khẩu").fill("password")
    page.get_by_role("button", name="Đăng nhập").click()
    page.goto(f"{live_server.url}{page_of(report, 'causes')}")
    tab = page.locator(".steps .nav-link.active .badge")
    assert tab.inner_text() == "1"

    # Typed in the row, not saved yet.
    row = page.locator("li.ordered-row", has=page.locator(f"#comment-{thread.pk}"))
    row.locator("textarea[name$=-text]").fill("Ý đã sửa, chưa lưu.")
    row.locator(f"#comment-{thread.pk} summary").click()
    page.locator(f"#reply-text-{thread.pk}").fill("Đã bổ sung số liệu năm 2021.")
    page.locator(f"button[form=reply-{thread.pk}]").click()
    row.locator(f"#comment-{thread.pk}").get_by_text("Đã bổ sung số liệu năm 2021.").wait_for()
    assert thread.replies.get().text == "Đã bổ sung số liệu năm 2021."
    assert row.locator("textarea[name$=-text]").input_value() == "Ý đã sửa, chưa lưu."
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "edit-comments-replied.png", full_page=True)

    page.locator(f"button[form=resolve-{thread.pk}][value='1']").click()
    page.locator(f"[data-resolved-threads] #comment-{thread.pk}").wait_for(state="attached")
    assert not page.locator(f"#comment-{thread.pk}").is_visible()
    assert tab.count() == 0
    thread.refresh_from_db()
    assert thread.resolved_at is not None
    assert row.locator("textarea[name$=-text]").input_value() == "Ý đã sửa, chưa lưu."

    # Shown again on asking; the typing is saved as usual, nothing was lost.
    row.locator("[data-resolved-threads] > summary").click()
    assert page.locator(f"#comment-{thread.pk}").is_visible()
    page.get_by_role("button", name="Lưu", exact=True).click()
    page.get_by_text("Đã lưu.").wait_for()
    item.refresh_from_db()
    assert item.text == "Ý đã sửa, chưa lưu."
    assert page.locator(".steps .nav-link.active .badge").count() == 0
