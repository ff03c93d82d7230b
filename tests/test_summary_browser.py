"""A term summary report, from its kind to the delegates' PDF, in Chromium; read back as PDF, DOCX, text."""

import io
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from tests.conftest import ARTIFACTS
from tests.factories import sitting_accounts
from tests.pages import committee_approves
from tests.test_review_browser import as_user
from unionreports.reports.demo import load_demo
from unionreports.reports.models import Report

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def fill_section(page, tab: str, field: str, text: str) -> None:
    page.get_by_role("link", name=tab, exact=True).click()
    page.locator(f"[name='{field}']").fill(text)
    page.get_by_role("button", name="Lưu", exact=True).click()
    page.get_by_text("Đã lưu.").wait_for()


def download(page, link_name: str) -> bytes:
    with page.expect_download() as info:
        page.get_by_role("link", name=link_name).first.click()
    return Path(info.value.path()).read_bytes()


def test_a_term_summary_is_drafted_from_its_kind_reviewed_published_and_read_back(browser, live_server):
    demo = load_demo()
    organization = demo.term.organization
    secretary = organization.affiliations.get(role="secretary").user
    secretary.set_password("password")
    secretary.save()
    member = sitting_accounts(demo, 1)[0]

    boss = as_user(browser, live_server, secretary)
    boss.goto(f"{live_server.url}/unions/{organization.pk}/reports/new/")
    boss.locator("[name=kind]").select_option("tong_ket")
    boss.locator("[name=number]").fill("5")
    boss.locator("[name=date]").fill("05/03/2023")
    boss.get_by_role("button", name="Tạo báo cáo").click()
    boss.get_by_text("Đã tạo báo cáo").wait_for()
    report = Report.objects.latest("id")
    assert report.kind == "tong_ket"

    fill_section(boss, "Thuận lợi", "items-0-text", "Được sự quan tâm của Đảng ủy cơ quan.")
    fill_section(boss, "PHƯƠNG HƯỚNG", "text", "Tiếp tục đổi mới nội dung, phương thức hoạt động.")
    fill_section(boss, "MỤC TIÊU, CHỈ TIÊU", "items-0-text", "100% đoàn viên được học tập nghị quyết.")
    preview = boss.locator(".preview-frame").inner_text()
    assert "PHẦN THỨ NHẤT" in preview and "PHẦN THỨ HAI" in preview
    ARTIFACTS.mkdir(exist_ok=True)
    boss.screenshot(path=ARTIFACTS / "summary-editing.png", full_page=True)

    review_url = f"{live_server.url}/reports/{report.pk}/review/"
    boss.goto(review_url)
    boss.get_by_role("button", name="Gửi Ban Chấp hành góp ý").click()
    boss.get_by_text("Đã mở vòng góp ý 1").wait_for()
    reader = as_user(browser, live_server, member)
    reader.goto(review_url)
    reader.get_by_role("button", name="Tôi nhất trí").click()
    reader.get_by_text("Đã ghi nhận ý kiến của bạn.").wait_for()
    committee_approves(report, but=(member,))

    boss.goto(f"{live_server.url}/reports/{report.pk}/publications/")
    boss.on("dialog", lambda dialog: dialog.accept())
    boss.get_by_role("button", name="Phát hành", exact=True).click()
    boss.get_by_text("Đã phát hành bản 1.").wait_for()
    public_url = boss.locator("a.public-link").get_attribute("href")

    delegate = as_user(browser, live_server, None)
    delegate.goto(f"{live_server.url}{public_url}")
    pdf = PdfReader(io.BytesIO(download(delegate, "Tải PDF")))
    text = " ".join(" ".join(page.extract_text().split()) for page in pdf.pages)
    assert text.index("BÁO CÁO") < text.index(
        "Tổng kết hoạt động Công đoàn Ban Tổ chức Tỉnh ủy nhiệm kỳ 2017 – 2022"
    )
    assert text.index("PHẦN THỨ NHẤT") < text.index("I. ĐẶC ĐIỂM TÌNH HÌNH") < text.index("PHẦN THỨ HAI")
    assert "1. Thuận lợi" in text and "- Được sự quan tâm của Đảng ủy cơ quan." in text

    boss.goto(f"{live_server.url}/reports/{report.pk}/")
    word = docx.Document(io.BytesIO(download(boss, "Tải Word (DOCX)")))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0] == "PHẦN THỨ NHẤT\nKẾT QUẢ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI CÔNG ĐOÀN NHIỆM KỲ 2017 – 2022"
    assert any(h.startswith("PHẦN THỨ HAI\n") for h in headings)
    plain = boss.request.get(f"{live_server.url}/reports/{report.pk}/txt").text()
    lines = plain.splitlines()
    assert "BÁO CÁO" in lines and "PHẦN THỨ NHẤT" in lines and "PHẦN THỨ HAI" in lines
    assert lines[lines.index("PHẦN THỨ HAI") + 1].startswith("PHƯƠNG HƯỚNG, MỤC TIÊU, NHIỆM VỤ")
    for page in (boss, reader, delegate):
        page.context.close()
