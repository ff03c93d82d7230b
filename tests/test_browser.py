"""The report page in Debian's Chromium, driven by Playwright, as a secretary would use it."""

from pathlib import Path

import pytest

from tests.conftest import ARTIFACTS
from unionreports.reports.demo import DEMO_PASSWORD, DEMO_USERNAME, load_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, live_server, next_path: str):
    page.goto(f"{live_server.url}{next_path}")
    page.get_by_label("Tên đăng nhập").fill(DEMO_USERNAME)
    page.get_by_label("Mật khẩu").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()


def test_the_secretary_logs_in_reads_the_report_and_downloads_its_pdf(page, live_server):
    report = load_demo()
    log_in(page, live_server, report.get_absolute_url())

    page.get_by_role("heading", name="I. VỀ NHÂN SỰ BAN CHẤP HÀNH").wait_for()
    # The preview draws with the font the PDF embeds, not a browser default: it comes, however
    # slowly the machine serves it (a timeout fails the test).
    page.wait_for_function("() => document.fonts.check('14pt \"Report Serif\"')", timeout=30_000)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "report-page.png", full_page=False)
    assert page.evaluate(
        "[...document.fonts].some(f => f.family.includes('Report Serif') && f.status === 'loaded')"
    )
    # An A4 sheet: 210 mm wide at 96 px per inch.
    assert page.locator(".sheet").bounding_box()["width"] == pytest.approx(210 / 25.4 * 96, abs=2)
    assert page.get_by_text("Hà Tĩnh, ngày 05 tháng 3 năm 2023").is_visible()
    assert page.locator("p.runin .label").first.inner_text() == "1.3."

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Tải PDF").click()
    download = download_info.value
    assert download.suggested_filename == "Báo cáo 03-BC-CĐCS Công đoàn Ban Tổ chức Tỉnh ủy.pdf"
    assert Path(download.path()).read_bytes().startswith(b"%PDF-")


def test_the_report_page_reads_on_a_phone(page, live_server):
    report = load_demo()
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, live_server, report.get_absolute_url())
    page.get_by_role("heading", name="II. KẾT QUẢ CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH").wait_for()
    page.screenshot(path=ARTIFACTS / "report-page-phone.png")
    # Nothing makes the page scroll sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_a_wrong_password_is_answered_in_vietnamese(page, live_server):
    load_demo()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Tên đăng nhập").fill(DEMO_USERNAME)
    page.get_by_label("Mật khẩu").fill("wrong")
    page.get_by_role("button", name="Đăng nhập").click()
    assert page.get_by_text("Sai tên đăng nhập hoặc mật khẩu").is_visible()
    assert page.get_by_label("Tên đăng nhập").input_value() == DEMO_USERNAME


def test_the_language_switch_works_under_the_content_security_policy(page, live_server):
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Ngôn ngữ").select_option("en")
    page.get_by_role("heading", name="Log in").wait_for()
    assert errors == []
