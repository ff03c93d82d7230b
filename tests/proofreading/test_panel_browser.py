"""In Chromium: the secretary corrects a slip from the "Soát lỗi" panel of its editing page with
one click, dismisses another, and is asked before sending the round with one still open."""

import pytest

from tests.conftest import ARTIFACTS
from tests.pages import items
from tests.pages import page as page_of
from tests.test_browser import log_in
from unionreports.reports.demo import load_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_secretary_corrects_and_dismisses_slips_from_the_panel(page, live_server):
    report = load_demo()
    limitations = list(items(report, "limitations")[:3])
    original = limitations[0].text
    limitations[0].text = original.replace(" ", "  ", 1)
    limitations[1].text = limitations[1].text + " các các"
    limitations[2].text = limitations[2].text + " Cần nổ lực hơn."
    for item in limitations:
        item.save()
    log_in(page, live_server, page_of(report, "limitations"))
    panel = page.locator("#proofreading")
    findings = panel.locator(".proofreading-finding")
    findings.first.wait_for()
    tab = page.locator(".steps .nav-link.active .step-slips")
    assert tab.inner_text() == str(findings.count())
    before = findings.count()
    ARTIFACTS.mkdir(exist_ok=True)
    page.set_viewport_size({"width": 1400, "height": 1000})
    panel.scroll_into_view_if_needed()
    page.screenshot(path=ARTIFACTS / "proofreading-panel.png", full_page=False)

    findings.and_(page.locator("[data-kind=spacing]")).locator(".finding-apply").click()
    page.wait_for_load_state()
    assert "Đã sửa" in page.locator(".alert-success, .alert").first.inner_text()
    limitations[0].refresh_from_db()
    assert limitations[0].text == original
    assert page.locator("#proofreading .proofreading-finding").count() == before - 1

    page.locator("#proofreading .proofreading-finding").filter(has_text="các các").locator(
        ".finding-dismiss"
    ).click()
    page.wait_for_load_state()
    assert page.locator("#proofreading .proofreading-finding").filter(has_text="các các").count() == 0
    page.reload()
    assert page.locator("#proofreading .proofreading-finding").filter(has_text="các các").count() == 0
    assert page.locator(".proofreading-dismissed summary").is_visible()

    # one slip still open: sending the round asks first, and "cancel" sends nothing
    remaining = page.locator("#proofreading .proofreading-finding").count()
    page.goto(f"{live_server.url}/reports/{report.pk}/review/")
    questions = []

    def answer(dialog):
        questions.append(dialog.message)
        dialog.dismiss() if len(questions) == 1 else dialog.accept()

    page.on("dialog", answer)
    send = page.get_by_role("button", name="Gửi Ban Chấp hành")
    assert remaining == 1
    send.click()
    assert "lỗi" in questions[0]
    assert report.rounds.count() == 0
    send.click()
    page.locator(".alert-success").wait_for()
    assert report.rounds.count() == 1
