"""The outline of a report is data: kinds of report start it, the secretary changes it, numbering follows."""

import datetime
import re

import pytest
from django.urls import reverse

from tests.factories import ReportItemFactory, TermFactory
from tests.pages import page, reading_order, section
from unionreports.reports.compose import compose_report
from unionreports.reports.kinds import PART_KINDS, REPORT_KINDS
from unionreports.reports.models import OutlineTemplate, Report, ReportSection

pytestmark = pytest.mark.django_db


def composed(report):
    return compose_report(Report.objects.with_document_data().get(pk=report.pk))


def create(client, organization, term, **fields) -> Report:
    data = {"term": term.pk, "kind": "kiem_diem", "number": 7, "date": "2028-03-01", "start_from": "kind"}
    response = client.post(reverse("reports:create", args=[organization.pk]), data | fields)
    assert response.status_code == 302, re.findall(r"invalid-feedback[^>]*>(.*?)</", response.text, re.S)
    return Report.objects.latest("id")


@pytest.fixture
def next_term(demo_report):
    return TermFactory(
        organization=demo_report.term.organization,
        start_year=2023,
        end_year=2028,
        congress_date=datetime.date(2023, 5, 1),
    )


def test_a_term_summary_starts_with_its_two_divisions(client, secretary, next_term):
    client.force_login(secretary)
    report = create(client, next_term.organization, next_term, kind="tong_ket")
    tops = [s for s in reading_order(report) if s.parent_id is None]
    assert [s.title for s in tops] == [
        "KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI CÔNG ĐOÀN NHIỆM KỲ 2023 – 2028",
        "PHƯƠNG HƯỚNG, MỤC TIÊU, NHIỆM VỤ NHIỆM KỲ 2028 – 2033",
    ]
    # Filled in, it prints "PHẦN THỨ NHẤT" above I., 1.
    difficulties = next(s for s in reading_order(report) if s.title == "Khó khăn")
    ReportItemFactory(section=difficulties, text="Kinh phí hoạt động còn hạn hẹp.")
    document = composed(report)
    assert document.subject.startswith("Tổng kết hoạt động Công đoàn")
    assert [(s.number, s.title) for s in document.sections()] == [
        ("PHẦN THỨ NHẤT", "KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI CÔNG ĐOÀN NHIỆM KỲ 2023 – 2028"),
        ("I.", "ĐẶC ĐIỂM TÌNH HÌNH"),
        ("1.", "Khó khăn"),
    ]


def test_each_kind_of_report_has_its_outline_and_every_kind_of_part_is_used():
    used = set()

    def walk(outline):
        for entry in outline:
            used.add(entry.kind)
            walk(entry.children)

    for kind in REPORT_KINDS.values():
        walk(kind.outline(TermFactory.build(start_year=2017, end_year=2022)))
    assert used == set(PART_KINDS)


def test_parts_are_added_moved_and_removed_and_the_numbers_follow(client, demo_report, secretary):
    client.force_login(secretary)
    response = client.post(
        page(demo_report, "outline"), {"new-kind": "prose", "new-title": "PHƯƠNG HƯỚNG", "new-parent": ""}
    )
    added = demo_report.sections.get(title="PHƯƠNG HƯỚNG")
    assert response["Location"] == added.get_absolute_url()
    # Empty, it prints nothing and takes no number.
    assert "PHƯƠNG HƯỚNG" not in [s.title for s in composed(demo_report).parts]
    form = {"base": _base(client, added), "title": "PHƯƠNG HƯỚNG NHIỆM KỲ TỚI", "text": "Tiếp tục đổi mới."}
    assert client.post(added.get_absolute_url(), form).status_code == 302
    assert [p.number + " " + p.title for p in composed(demo_report).parts][
        -1
    ] == "V. PHƯƠNG HƯỚNG NHIỆM KỲ TỚI"
    move = reverse("reports:section_move", args=[demo_report.pk, added.pk, "up"])
    client.post(move)
    client.post(move)
    assert [p.title for p in composed(demo_report).parts][2] == "PHƯƠNG HƯỚNG NHIỆM KỲ TỚI"
    outline = client.get(page(demo_report, "outline")).text
    assert "III.</span> PHƯƠNG HƯỚNG NHIỆM KỲ TỚI" in outline
    client.post(reverse("reports:section_delete", args=[demo_report.pk, added.pk]))
    assert not ReportSection.objects.filter(pk=added.pk).exists()
    # Removed, but kept in the history.
    assert ReportSection.history.filter(id=added.pk, history_type="-").exists()
    assert [p.number for p in composed(demo_report).parts] == ["I.", "II.", "III.", "IV."]


def test_a_section_goes_only_inside_a_part_that_holds_sections(client, demo_report, secretary):
    client.force_login(secretary)
    lessons = section(demo_report, "lessons")
    response = client.post(
        page(demo_report, "outline"), {"new-kind": "list", "new-title": "Mới", "new-parent": lessons.pk}
    )
    assert response.status_code == 200
    assert "Hãy chọn một lựa chọn hợp lệ" in response.text
    group = section(demo_report, "limitations_part")
    client.post(
        page(demo_report, "outline"),
        {"new-kind": "list", "new-title": "Biện pháp khắc phục", "new-parent": group.pk},
    )
    assert [s.title for s in group.children.order_by("position")][-1] == "Biện pháp khắc phục"


def test_the_union_keeps_an_outline_and_starts_a_report_from_it(client, demo_report, secretary, next_term):
    client.force_login(secretary)
    client.post(
        reverse("reports:outline_template", args=[demo_report.pk]), {"template-name": "Mẫu của Công đoàn"}
    )
    template = OutlineTemplate.objects.get()
    assert template.organization == demo_report.term.organization
    new_report = client.get(reverse("reports:create", args=[demo_report.term.organization.pk])).text
    assert "Mẫu của Công đoàn" in new_report
    report = create(client, next_term.organization, next_term, start_from=f"template-{template.pk}")
    assert [(s.kind, s.title) for s in reading_order(report)] == [
        (s.kind, s.title) for s in reading_order(demo_report)
    ]
    # The outline, not the text.
    assert not report.sections.filter(items__isnull=False).exists()


def test_another_unions_template_is_not_offered(client, demo_report, secretary, outsider):
    OutlineTemplate.objects.create(
        organization=outsider.affiliations.get().organization, name="Mẫu của đơn vị khác", kind="kiem_diem"
    )
    client.force_login(secretary)
    assert (
        "Mẫu của đơn vị khác"
        not in client.get(reverse("reports:create", args=[demo_report.term.organization.pk])).text
    )


def _base(client, section_row) -> str:
    html = client.get(section_row.get_absolute_url()).text
    return html.split('name="base" value="')[1].split('"')[0]


def test_area_titles_copied_from_another_report_print_nothing_until_written_in(
    client, demo_report, secretary, next_term
):
    client.force_login(secretary)
    report = create(client, next_term.organization, next_term, start_from=f"report-{demo_report.pk}")
    areas = section(report, "achievements")
    assert areas.areas.count() == 4
    document = composed(report)
    assert "KẾT QUẢ CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH" not in [p.title for p in document.parts]
    area = areas.areas.get(title="Về công tác chỉ đạo và điều hành thực hiện Nghị quyết Đại hội Công đoàn")
    area.items.create(kind="bullet", text="Đã viết.")
    part = next(p for p in composed(report).parts if p.title == "KẾT QUẢ CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH")
    assert [(a.number, a.title) for a in part.children] == [("1.", "Trách nhiệm của Ban Chấp hành")]
    assert [c.title for c in part.children[0].children] == [area.title]


def test_a_part_holding_sections_lists_them_and_adds_one_inside(client, demo_report, secretary):
    client.force_login(secretary)
    group = section(demo_report, "limitations_part")
    html = client.get(group.get_absolute_url()).text
    assert "Hạn chế, khuyết điểm" in html.split("group-children")[1].split("</ul>")[0]
    client.post(
        reverse("reports:outline", args=[demo_report.pk]),
        {"new-parent": group.pk, "new-kind": "list", "new-title": "Giải pháp"},
    )
    assert group.children.order_by("position").last().title == "Giải pháp"


def test_the_outline_offers_parts_holding_sections_in_reading_order_with_their_numbers(
    client, demo_report, secretary
):
    client.force_login(secretary)
    html = client.get(page(demo_report, "outline")).text
    options = html.split('name="new-parent"')[1].split("</select>")[0]
    assert "III. HẠN CHẾ, KHUYẾT ĐIỂM VÀ NGUYÊN NHÂN" in options
