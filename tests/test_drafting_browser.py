"""A new secretary drafts a whole report in Chromium, from an empty account to its PDF."""

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import ARTIFACTS
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CONGRESS = "2017-06-15"
COMMITTEE = [
    ("Lê Thị Hoa", "chair", "", "", ""),
    ("Nguyễn Văn Bình", "vice_chair", "2020-09-01", "transfer", "Trường THCS Thạch Hạ"),
    ("Trần Văn Cường", "member", "2021-02-01", "transfer", "Phòng Giáo dục thành phố"),
    ("Phạm Thị Dung", "member", "", "", ""),
    ("Hoàng Văn Em", "member", "", "", ""),
    ("Võ Thị Giang", "member", "", "", ""),
    ("Đặng Văn Hải", "member", "", "", ""),
]


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"drafting-{name}.png", full_page=True)


def log_in(page, live_server, user) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Tên đăng nhập").fill(user.username)
    page.get_by_label("Mật khẩu").fill("password")
    page.get_by_role("button", name="Đăng nhập").click()


def save(page, button: str = "Lưu") -> None:
    page.get_by_role("button", name=button, exact=True).click()
    page.get_by_text("Đã lưu.").wait_for()


def test_a_new_secretary_writes_a_report_and_downloads_its_pdf(page, live_server):
    log_in(page, live_server, UserFactory(profile__full_name="Lê Thị Hoa"))
    page.get_by_role("link", name="Tạo công đoàn").first.click()
    page.locator("[name=name]").fill("Công đoàn Trường Tiểu học Thạch Trung")
    page.locator("[name=parent_name]").fill("Công đoàn Giáo dục thành phố Hà Tĩnh")
    page.locator("[name=place_name]").fill("Hà Tĩnh")
    shot(page, "1-union")
    page.get_by_role("button", name="Tạo công đoàn").click()

    page.locator("[name=start_year]").fill("2017")
    page.locator("[name=end_year]").fill("2022")
    page.locator("[name=congress_date]").fill(CONGRESS)
    page.locator("[name=committee_size]").fill("7")
    page.get_by_role("button", name="Lưu").click()

    page.locator("[name=number]").fill("2")
    page.locator("[name=date]").fill("2023-03-05")
    shot(page, "2-new-report")
    page.get_by_role("button", name="Tạo báo cáo").click()
    page.locator("[name=recipients]").fill("Công đoàn Giáo dục thành phố\nChi bộ nhà trường")
    save(page)

    page.get_by_role("link", name="Danh sách Ban Chấp hành").click()
    for _ in range(len(COMMITTEE) - 1):
        page.get_by_role("button", name="+ Thêm người").click()
    for i, (name, role, left_on, reason, destination) in enumerate(COMMITTEE):
        row = f"committee-{i}"
        page.locator(f"[name={row}-full_name]").fill(name)
        page.locator(f"[name={row}-role]").select_option(role)
        page.locator(f"[name={row}-joined_on]").fill(CONGRESS)
        if left_on:
            page.locator(f"[name={row}-left_on]").fill(left_on)
            page.locator(f"[name={row}-left_reason]").select_option(reason)
            page.locator(f"[name={row}-left_destination]").fill(destination)
    save(page)
    shot(page, "3-committee")
    preview = page.locator(".preview-frame")
    assert "gồm có 07 đồng chí" in preview.inner_text()
    assert "(02/02 đồng chí chuyển công tác" in preview.inner_text()

    page.get_by_role("link", name="KẾT QUẢ CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH").click()
    page.locator("[name=area-title]").fill("Công tác chăm lo đời sống đoàn viên")
    page.get_by_role("button", name="Thêm", exact=True).click()
    page.locator("[name=items-0-kind]").select_option("paragraph")
    page.locator("[name=items-0-text]").fill("Ban Chấp hành đã chăm lo tốt đời sống của đoàn viên.")
    page.get_by_role("button", name="+ Thêm ý").click()
    page.locator("[name=items-1-text]").fill("Tổ chức thăm hỏi đoàn viên ốm đau, hoạn nạn.")
    save(page)
    shot(page, "4-area")

    for part, text in (
        ("Hạn chế, khuyết điểm", "Một số hoạt động chưa được tổ chức thường xuyên."),
        ("Nguyên nhân của hạn chế, khuyết điểm", "Cán bộ công đoàn kiêm nhiệm nên thiếu thời gian."),
    ):
        # An empty section's tab has no number yet: it prints nothing.
        page.get_by_role("link", name=part, exact=True).click()
        page.locator("textarea[name$='-0-text']").fill(text)
        save(page)

    page.get_by_role("link", name="MỘT SỐ KINH NGHIỆM").click()
    page.locator("[name=items-0-text]").fill("Bài học thứ nhất về đoàn kết.")
    page.get_by_role("button", name="+ Thêm ý").click()
    page.locator("[name=items-1-text]").fill("Bài học thứ hai về kiểm tra.")
    save(page)
    lessons = page.locator(".preview-frame").inner_text()
    assert lessons.index("1. Bài học thứ nhất") < lessons.index("2. Bài học thứ hai")
    # The second lesson moves up, and the numbering follows.
    page.locator(".ordered-row").nth(1).get_by_role("button", name="Lên").click()
    save(page)
    shot(page, "5-lessons")
    lessons = page.locator(".preview-frame").inner_text()
    assert "1. Bài học thứ hai về kiểm tra." in lessons
    assert "2. Bài học thứ nhất về đoàn kết." in lessons

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Tải PDF").click()
    text = " ".join(
        " ".join(p.extract_text().split())
        for p in PdfReader(io.BytesIO(Path(download_info.value.path()).read_bytes())).pages
    )
    for typed in (
        "CÔNG ĐOÀN TRƯỜNG TIỂU HỌC THẠCH TRUNG",
        "Số: 02/BC-CĐCS",
        "Ban Chấp hành đã chăm lo tốt đời sống của đoàn viên.",
        "- Tổ chức thăm hỏi đoàn viên ốm đau, hoạn nạn.",
        "- Một số hoạt động chưa được tổ chức thường xuyên.",
        "1. Bài học thứ hai về kiểm tra.",
        "Lê Thị Hoa",
        "Trường THCS Thạch Hạ",
    ):
        assert typed in text


def test_a_stale_form_gets_the_conflict_page_and_keeps_its_text(browser, live_server, demo_report):
    url = f"{live_server.url}/reports/{demo_report.pk}/edit/prose/"
    secretary = demo_report.term.organization.affiliations.get().user
    secretary.set_password("password")
    secretary.save()
    pages = []
    for _ in range(2):
        context = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.set_default_timeout(15_000)
        log_in(page, live_server, secretary)
        page.goto(url)
        pages.append(page)
    first, second = pages
    first.locator("[name=closing]").fill("Đoạn kết do người thứ nhất viết.")
    save(first)
    second.locator("[name=closing]").fill("Đoạn kết do người thứ hai viết.")
    second.get_by_role("button", name="Lưu", exact=True).click()
    second.get_by_text("Người khác đã lưu phần này trong lúc bạn đang sửa").wait_for()
    shot(second, "6-conflict")
    assert second.locator("form [name=closing]").input_value() == "Đoạn kết do người thứ hai viết."
    assert "Đoạn kết do người thứ nhất viết." in second.locator(".conflict-theirs").inner_text()
    # Saving again on purpose replaces the other version.
    second.get_by_role("button", name="Lưu bản của tôi").click()
    second.get_by_text("Đã lưu.").wait_for()
    assert "Đoạn kết do người thứ hai viết." in second.locator(".preview-frame").inner_text()
    for page in pages:
        page.context.close()


def test_a_validation_error_shows_in_vietnamese_next_to_its_field(page, live_server, demo_report):
    secretary = demo_report.term.organization.affiliations.get().user
    secretary.set_password("password")
    secretary.save()
    log_in(page, live_server, secretary)
    page.goto(f"{live_server.url}/terms/{demo_report.term.pk}/edit/")
    page.locator("[name=end_year]").fill("2015")
    page.get_by_role("button", name="Lưu").click()
    error = page.locator("#id_end_year ~ .invalid-feedback, #error_1_id_end_year").first
    error.wait_for()
    shot(page, "7-validation")
    assert "Năm kết thúc phải sau năm bắt đầu." in error.inner_text()
    assert page.locator("[name=end_year]").input_value() == "2015"
