"""A secretary imports last term's report in Chromium: choose the file, check the preview, save."""

import pytest

from tests.conftest import ARTIFACTS
from tests.importing.sources import SEED
from tests.test_browser import log_in
from unionreports.reports.demo import load_demo
from unionreports.reports.models import Report

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_secretary_imports_a_report_from_a_file_and_opens_it(page, live_server):
    load_demo()
    before = Report.objects.count()
    log_in(page, live_server, "/")
    page.get_by_role("link", name="Nhập báo cáo").first.click()
    page.get_by_label("Tệp").set_input_files(str(SEED))
    page.get_by_role("button", name="Đọc tệp").click()

    page.get_by_role("heading", name="Kiểm tra báo cáo đã đọc").wait_for()
    assert Report.objects.count() == before  # nothing saved yet
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "import-preview.png", full_page=False)
    sheet = page.locator(".sheet")
    assert sheet.get_by_role("heading", name="1.2. Về trách nhiệm thực hiện quy chế").is_visible()
    assert sheet.locator("p.runin .label").first.inner_text() == "1.3."

    page.get_by_label("Số").fill("4")
    page.get_by_label("Ngày").fill("05/03/2023")
    page.get_by_role("button", name="Lưu báo cáo").click()

    page.get_by_text("Đã nhập báo cáo.").wait_for()
    assert Report.objects.count() == before + 1
    assert page.locator(".sheet").get_by_text("Số: 04/BC-CĐCS").is_visible()
    assert page.get_by_role("heading", name="IV. MỘT SỐ KINH NGHIỆM").is_visible()
    page.screenshot(path=ARTIFACTS / "import-saved.png", full_page=False)
