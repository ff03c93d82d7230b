"""A secretary imports last term's report in Chromium: choose the file, check the preview, save."""

import pytest

from tests.conftest import ARTIFACTS
from tests.importing.sources import SEED
from tests.test_browser import log_in
from unionreports.reports.demo import load_demo
from unionreports.reports.models import Report

OUTLINE = SEED.parent / "outline"

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


def test_the_secretary_corrects_the_kind_of_a_section_before_saving(page, live_server):
    load_demo()
    log_in(page, live_server, "/")
    page.get_by_role("link", name="Nhập báo cáo").first.click()
    page.get_by_label("Tệp").set_input_files(str(OUTLINE / "du-bao.txt"))
    page.get_by_role("button", name="Đọc tệp").click()
    page.get_by_role("heading", name="Kiểm tra báo cáo đã đọc").wait_for()
    outline = page.locator(".import-outline")
    assert outline.get_by_text("từ “III. ĐÁNH GIÁ CHUNG”").is_visible()
    assert page.locator(".import-replaced").get_by_text("Số: 15/BC-CĐ").is_visible()
    sheet = page.locator(".sheet")
    assert sheet.get_by_role("heading", name="I. DỰ BÁO TÌNH HÌNH").is_visible()

    # The strengths, read as a list, are prose; the last part is renamed. "Xem lại" saves nothing.
    page.locator('select[name="kind-2.0"]').select_option("prose")
    page.locator('input[name="title-3"]').fill("PHỐI HỢP VỚI CHUYÊN MÔN")
    before = Report.objects.count()
    page.get_by_role("button", name="Xem lại").click()
    page.locator(".sheet").get_by_role("heading", name="IV. PHỐI HỢP VỚI CHUYÊN MÔN").wait_for()
    assert Report.objects.count() == before
    assert page.locator('select[name="kind-2.0"]').input_value() == "prose"
    page.screenshot(path=ARTIFACTS / "import-corrected.png", full_page=False)
    page.locator(".import-outline").screenshot(path=ARTIFACTS / "import-outline.png")

    page.get_by_role("button", name="Lưu báo cáo").click()
    page.get_by_text("Đã nhập báo cáo.").wait_for()
    report = Report.objects.latest("id")
    assert report.sections.get(title="Ưu điểm").kind == "prose"
    assert page.get_by_role("heading", name="IV. PHỐI HỢP VỚI CHUYÊN MÔN").is_visible()
