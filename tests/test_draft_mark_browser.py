"""The mark "DỰ THẢO" on the report's page, in Chromium: boxed at the top right, above the header."""

import pytest

from tests.conftest import ARTIFACTS
from tests.test_browser import log_in
from unionreports.reports.demo import load_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_draft_mark_stands_boxed_at_the_top_right_above_the_header(page, live_server):
    report = load_demo()
    log_in(page, live_server, report.get_absolute_url())
    page.get_by_role("heading", name="I. VỀ NHÂN SỰ BAN CHẤP HÀNH").wait_for()
    page.evaluate("document.fonts.ready")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "draft-mark.png")

    mark = page.locator(".sheet .draft-mark span")
    assert mark.inner_text() == "DỰ THẢO" and mark.is_visible()
    box, header = mark.bounding_box(), page.locator(".sheet .doc-header").bounding_box()
    assert box["y"] + box["height"] <= header["y"]
    assert box["x"] + box["width"] == pytest.approx(header["x"] + header["width"], abs=1)
    assert box["width"] < header["width"] / 4
    assert (
        page.locator(".sheet .draft-mark span").evaluate("e => getComputedStyle(e).borderTopStyle") == "solid"
    )


def test_the_draft_mark_reads_on_a_phone(page, live_server):
    report = load_demo()
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, live_server, report.get_absolute_url())
    page.get_by_role("heading", name="I. VỀ NHÂN SỰ BAN CHẤP HÀNH").wait_for()
    page.screenshot(path=ARTIFACTS / "draft-mark-phone.png")
    assert page.locator(".sheet .draft-mark span").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
