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


def test_the_report_page_lists_the_slips_for_the_secretary(page, live_server):
    from unionreports.reports.models import ReportItem

    report = load_demo()
    item = ReportItem.objects.filter(section__report=report).order_by("id").first()
    item.text = item.text.replace("Ban Chấp hành", "Ban chấp hành", 1).replace("tham gia", "tham  gia", 1)
    item.save()
    log_in(page, live_server, f"/reports/{report.pk}/")
    panel = page.locator(".proofreading-panel")
    panel.locator("summary").click()
    findings = panel.locator(".proofreading-finding")
    findings.first.wait_for()
    assert findings.count() == 2
    assert (
        findings.filter(has_text="Ban chấp hành").locator(".finding-apply").inner_text()
        == "Sửa thành “Ban Chấp hành”"
    )
    SHOTS.mkdir(exist_ok=True)
    page.set_viewport_size({"width": 1400, "height": 900})
    page.screenshot(path=SHOTS / "report-page-proofreading.png", full_page=False)
