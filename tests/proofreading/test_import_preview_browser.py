"""In Chromium: the import preview shows the file's slips beside the report as read."""

from pathlib import Path

import pytest

from tests.importing.sources import SEED
from tests.test_browser import log_in
from unionreports.reports.demo import load_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = Path("/tmp/shots_proofread")


def test_the_preview_shows_the_slips_of_the_file(page, live_server):
    load_demo()
    log_in(page, live_server, "/")
    page.get_by_role("link", name="Nhập báo cáo").first.click()
    page.get_by_label("Tệp").set_input_files(str(SEED))
    page.get_by_role("button", name="Đọc tệp").click()
    page.get_by_role("heading", name="Kiểm tra báo cáo đã đọc").wait_for()

    findings = page.locator(".import-proofreading .proofreading-finding")
    assert findings.count() >= 10
    glued = findings.filter(has_text="bảođảm")
    assert glued.locator("strong").inner_text() == "bảo đảm"
    assert glued.is_visible()
    SHOTS.mkdir(exist_ok=True)
    page.set_viewport_size({"width": 1400, "height": 1100})
    page.locator(".import-proofreading").scroll_into_view_if_needed()
    page.screenshot(path=SHOTS / "import-preview-proofreading.png", full_page=False)
