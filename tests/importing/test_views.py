"""The import pages: upload, preview, confirm; who may use them; nothing saved until confirmed."""

import re

import pytest
from django.urls import reverse

from tests.importing.sources import SEED
from tests.pages import items, page
from unionreports.reports.models import AchievementArea, Report, ReportItem

pytestmark = pytest.mark.django_db


def upload(client, organization, term, name=SEED.name, data=None):
    from django.core.files.uploadedfile import SimpleUploadedFile

    file = SimpleUploadedFile(name, SEED.read_bytes() if data is None else data)
    return client.post(reverse("importing:upload", args=[organization.pk]), {"term": term.pk, "file": file})


def outline_rows(page: str) -> list[tuple[str, str, str]]:
    """(number, title, kind chosen) of each part and section the preview lists."""
    outline = page.split("import-outline")[1].split("</section>")[0]
    return re.findall(
        r'<strong>(.*?)</strong>.*?name="title-[^"]*"[^>]*value="([^"]*)".*?<option value="[^"]*" selected>(.*?)</option>',
        outline,
        re.S,
    )


def payload_of(response) -> str:
    return re.search(r'name="payload" value="([^"]+)"', response.content.decode()).group(1)


def counts():
    return (Report.objects.count(), AchievementArea.objects.count(), ReportItem.objects.count())


@pytest.fixture
def union(demo_report):
    return demo_report.term.organization, demo_report.term


def test_the_preview_shows_the_report_as_read_and_saves_nothing(client, secretary, union):
    organization, term = union
    client.force_login(secretary)
    before = counts()
    response = upload(client, organization, term)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Về công tác chỉ đạo và điều hành thực hiện Nghị quyết Đại hội Công đoàn" in page
    assert "Trương Thiết Hùng" in page
    assert "1.3." in page  # the seed's slip "3.1." numbered again
    assert counts() == before


def test_confirming_saves_the_report_and_opens_it(client, secretary, union):
    organization, term = union
    client.force_login(secretary)
    preview = upload(client, organization, term)
    before = Report.objects.count()
    response = client.post(
        reverse("importing:confirm", args=[organization.pk]),
        {"payload": payload_of(preview), "number": "4", "date": "05/03/2023"},
    )
    report = Report.objects.latest("id")
    assert Report.objects.count() == before + 1
    assert response.status_code == 302 and response["Location"] == report.get_absolute_url()
    assert (report.number, report.term) == (4, term)
    page = client.get(response["Location"]).content.decode()
    assert "Số: 04/BC-CĐCS" in page
    assert "Phải nghiêm túc thực hiện tốt quy chế làm việc" in page


def test_a_date_outside_the_term_is_an_error_next_to_the_field_and_nothing_is_saved(client, secretary, union):
    organization, term = union
    client.force_login(secretary)
    preview = upload(client, organization, term)
    before = counts()
    response = client.post(
        reverse("importing:confirm", args=[organization.pk]),
        {"payload": payload_of(preview), "number": "4", "date": "05/03/2031"},
    )
    assert response.status_code == 422
    assert counts() == before
    page = response.content.decode()
    assert 'value="05/03/2031"' in page  # what was typed stays
    assert "2023" in re.search(r'id="id_date".*?</div>\s*</div>', page, re.S).group(0)


def test_a_changed_preview_is_refused(client, secretary, union):
    organization, term = union
    client.force_login(secretary)
    payload = payload_of(upload(client, organization, term))
    before = counts()
    response = client.post(
        reverse("importing:confirm", args=[organization.pk]),
        {"payload": payload[:-3] + "abc", "number": "4", "date": "05/03/2023"},
        follow=True,
    )
    assert counts() == before
    assert response.redirect_chain[-1][0] == reverse("importing:upload", args=[organization.pk])
    assert (
        "Upload the file again" in response.content.decode()
        or "Hãy tải tệp lên lại" in response.content.decode()
    )


def test_a_file_that_is_not_a_report_gets_its_message_in_vietnamese(client, secretary, union):
    organization, term = union
    client.force_login(secretary)
    response = upload(client, organization, term, name="anh.png", data=b"\x89PNG\r\n\x1a\n")
    assert response.status_code == 200
    assert "Chỉ nhập được" in response.content.decode()


def test_the_term_must_be_one_of_the_unions_own(client, secretary, union, outsider):
    organization, _ = union
    other_term = outsider.affiliations.get().organization.terms.create(
        start_year=2017, end_year=2022, congress_date="2017-05-01", committee_size=5
    )
    client.force_login(secretary)
    before = counts()
    response = upload(client, organization, other_term)
    assert response.status_code == 200 and "payload" not in response.content.decode()
    assert counts() == before


def test_a_preview_cannot_be_confirmed_into_another_union(client, secretary, union, outsider):
    organization, term = union
    client.force_login(secretary)
    payload = payload_of(upload(client, organization, term))
    client.force_login(outsider)
    other = outsider.affiliations.get().organization
    before = counts()
    response = client.post(
        reverse("importing:confirm", args=[other.pk]),
        {"payload": payload, "number": "4", "date": "05/03/2023"},
    )
    assert response.status_code == 404
    assert counts() == before


def test_a_paragraph_over_the_limit_saves_nothing_and_says_where(client, secretary, union):
    organization, term = union
    client.force_login(secretary)
    text = SEED.read_text(encoding="utf-8").replace(
        "- Thời gian dành cho hoạt động Công đoàn", "- " + "rất dài " * 700 + "Thời gian"
    )
    before = counts()
    response = upload(client, organization, term, name="report.txt", data=text.encode())
    assert response.status_code == 422
    assert counts() == before
    assert "4000" in response.content.decode()


def test_text_without_a_place_waits_on_the_prose_page_and_the_report_says_so(client, secretary, union):
    organization, term = union
    client.force_login(secretary)
    text = SEED.read_text(encoding="utf-8").rstrip() + "\nTM. BAN CHẤP HÀNH\nCHỦ TỊCH\nNguyễn Văn Z\n"
    preview = upload(client, organization, term, name="report.txt", data=text.encode())
    assert "1 đoạn không có chỗ trong báo cáo." in preview.content.decode()
    response = client.post(
        reverse("importing:confirm", args=[organization.pk]),
        {"payload": payload_of(preview), "number": "4", "date": "05/03/2023"},
        follow=True,
    )
    saved = response.content.decode()
    assert "Một số đoạn không có chỗ trong báo cáo" in saved  # the message after saving
    assert "Có đoạn văn bản nhập chưa có chỗ" in saved  # the report's own warning
    report = Report.objects.latest("id")
    prose = client.get(reverse("reports:edit", args=[report.pk, "prose"])).content.decode()
    assert "Nguyễn Văn Z" in prose
    personnel = client.get(page(report, "personnel")).content.decode()
    assert "Đồng chí Trương Thiết Hùng" in personnel  # part I as written, with its footnote


def test_the_command_imports_a_file_and_prints_the_report_path(demo_report, capsys):
    from django.core.management import call_command

    call_command("import_report", str(SEED), "--term", str(demo_report.term.pk))
    report = Report.objects.latest("id")
    assert capsys.readouterr().out.strip() == f"report /reports/{report.pk}/"
    assert items(report, "lessons").count() == 4


def test_the_command_refuses_a_file_that_is_not_a_report(demo_report, tmp_path):
    from django.core.management import CommandError, call_command

    path = tmp_path / "list.txt"
    path.write_text("milk\neggs\n")
    before = Report.objects.count()
    with pytest.raises(CommandError, match="Không tìm thấy phần nào của báo cáo"):
        call_command("import_report", str(path), "--term", str(demo_report.term.pk))
    assert Report.objects.count() == before


def test_saving_the_same_preview_twice_makes_one_report(client, secretary, union):
    organization, term = union
    client.force_login(secretary)
    data = {"payload": payload_of(upload(client, organization, term)), "number": "4", "date": "05/03/2023"}
    url = reverse("importing:confirm", args=[organization.pk])
    first = client.post(url, data)
    before = counts()
    second = client.post(url, data, follow=True)
    assert counts() == before
    assert second.redirect_chain[-1][0] == first["Location"]
    assert "Bản nhập này đã được lưu" in second.content.decode()


def test_the_preview_names_the_kind_of_report_and_of_each_part_it_read(client, secretary, union):
    organization, term = union
    client.force_login(secretary)
    layout = SEED.parent / "layouts" / "phan-thu-nhat.txt"
    preview = upload(client, organization, term, name=layout.name, data=layout.read_bytes()).content.decode()
    outline = preview.split("import-outline")[1].split("</section>")[0]
    assert "Đọc thành: Báo cáo tổng kết nhiệm kỳ và phương hướng" in outline
    rows = outline_rows(preview)
    assert rows[:3] == [
        (
            "PHẦN THỨ NHẤT",
            "KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI CÔNG ĐOÀN NHIỆM KỲ 2018 – 2023",
            "Gồm các mục con",
        ),
        ("I.", "ĐẶC ĐIỂM TÌNH HÌNH", "Gồm các mục con"),
        ("1.", "Thuận lợi", "Danh sách"),
    ]
    response = client.post(
        reverse("importing:confirm", args=[organization.pk]),
        {
            "payload": payload_of(
                upload(client, organization, term, name=layout.name, data=layout.read_bytes())
            ),
            "number": "5",
            "date": "05/03/2023",
        },
    )
    report = Report.objects.latest("id")
    assert response["Location"] == report.get_absolute_url() and report.kind == "tong_ket"


def test_the_preview_says_when_the_file_is_of_another_union_or_term(client, secretary, union):
    organization, term = union
    client.force_login(secretary)
    layout = SEED.parent / "layouts" / "phan-thu-nhat.txt"
    preview = upload(client, organization, term, name=layout.name, data=layout.read_bytes()).content.decode()
    notice = preview.split("import-mismatches")[1].split("</div>\n")[0]
    assert "CÔNG ĐOÀN TRƯỜNG THPT CHU VĂN AN" in notice and "2018 – 2023" in notice
    assert "import-mismatches" not in upload(client, organization, term).content.decode()
