"""The document numbers itself and computes part I from the committee's records."""

import datetime

import pytest

from tests.factories import (
    AchievementFactory,
    AreaFactory,
    MembershipFactory,
    PersonFactory,
    ReportFactory,
    ReportItemFactory,
    TermFactory,
)
from tests.pages import section
from unionreports.committee.models import Person
from unionreports.reports.compose import compose_report
from unionreports.reports.models import Report

pytestmark = pytest.mark.django_db


def compose(report):
    return compose_report(Report.objects.with_document_data().get(pk=report.pk))


def part_text(document, number: str) -> str:
    part = next(p for p in document.parts if p.number == number)
    return "\n".join(block.text for section in part.walk() for block in section.blocks)


class TestDemoReport:
    def test_header_and_date_line_follow_decree_30(self, demo_report):
        header = compose(demo_report).header
        assert header.superior == "CÔNG ĐOÀN VIÊN CHỨC TỈNH HÀ TĨNH"
        assert header.issuer == "CÔNG ĐOÀN BAN TỔ CHỨC TỈNH ỦY"
        assert header.number == "Số: 03/BC-CĐCS"
        assert header.date_line == "Hà Tĩnh, ngày 05 tháng 3 năm 2023"

    def test_parts_are_numbered_in_roman_numerals(self, demo_report):
        titles = [f"{p.number} {p.title}" for p in compose(demo_report).parts]
        assert titles == [
            "I. VỀ NHÂN SỰ BAN CHẤP HÀNH",
            "II. KẾT QUẢ CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
            "III. HẠN CHẾ, KHUYẾT ĐIỂM VÀ NGUYÊN NHÂN",
            "IV. MỘT SỐ KINH NGHIỆM",
        ]

    def test_the_seeds_numbering_slip_comes_out_as_one_one_one_two_one_three(self, demo_report):
        area = compose(demo_report).parts[1].children[0]
        assert area.number == "1."
        assert [child.number for child in area.children] == ["1.1.", "1.2.", "1.3."]
        # 1.3 has no title: its number runs into its paragraph.
        assert area.children[2].title == ""
        assert area.children[2].blocks[0].label == "1.3."

    def test_part_one_counts_the_committee_from_its_records(self, demo_report):
        text = part_text(compose(demo_report), "I.")
        assert "đã bầu Ban Chấp hành Công đoàn gồm có 07 đồng chí." in text
        assert (
            "có 02 đồng chí không tiếp tục tham gia Ban Chấp hành (02/02 đồng chí chuyển công tác)." in text
        )
        assert "bầu bổ sung 01 Ủy viên Ban Chấp hành, bầu bổ sung 01 đồng chí Phó Chủ tịch." in text
        assert "Đến cuối nhiệm kỳ, Ban Chấp hành có 07 đồng chí ủy viên; Chủ tịch và 01 Phó Chủ tịch." in text
        assert "100% Ủy viên Ban Chấp hành đều có trình độ chuyên môn đại học trở lên" in text

    def test_the_footnote_names_who_left_and_where_they_went(self, demo_report):
        (note,) = compose(demo_report).footnotes()
        assert note.number == 1
        assert note.text == (
            "Đồng chí Trương Thiết Hùng, Phó Chủ tịch Công đoàn chuyển công tác sang cơ quan Ủy ban MTTQ "
            "tỉnh và được bầu giữ chức Phó Chủ tịch; đồng chí Trần Xuân Học, ủy viên BCH chuyển công tác "
            "sang Sở NN&PTNT và được bổ nhiệm giữ chức Phó Giám đốc Sở."
        )

    def test_the_secretarys_prose_sits_beside_the_computed_sentences(self, demo_report):
        text = part_text(compose(demo_report), "I.")
        assert "Việc bổ sung Ủy viên Ban Chấp hành mới bảo đảm cơ cấu phân bổ từ đầu nhiệm kỳ. 100%" in text
        assert text.splitlines()[-1].startswith("Trong nhiệm kỳ qua, mặc dù có sự biến động")

    def test_limitations_causes_and_lessons_are_numbered(self, demo_report):
        document = compose(demo_report)
        limitations = document.parts[2]
        assert [f"{c.number} {c.title}" for c in limitations.children] == [
            "1. Hạn chế, khuyết điểm",
            "2. Nguyên nhân của hạn chế, khuyết điểm",
        ]
        assert [b.style for b in limitations.children[1].blocks] == ["bullet"] * 4
        assert [b.label for b in document.parts[3].blocks] == ["", "1.", "2.", "3.", "4."]

    def test_the_sitting_chair_signs_and_the_archive_copy_comes_last(self, demo_report):
        document = compose(demo_report)
        assert document.signature.name == "Nguyễn Văn A"
        assert document.signature.title == "CHỦ TỊCH"
        assert document.recipients[-1] == "Lưu: VT."
        assert document.recipients[0] == "Công đoàn Viên chức tỉnh;"

    def test_the_demo_report_has_nothing_to_warn_about(self, demo_report):
        assert compose(demo_report).warnings == ()


def committee(term, *specs):
    for role, how, joined, left, reason, person in specs:
        MembershipFactory(
            term=term,
            person=person or PersonFactory(organization=term.organization),
            role=role,
            joined_how=how,
            joined_on=joined,
            left_on=left,
            left_reason=reason,
        )


class TestFigures:
    def test_mixed_reasons_for_leaving_are_counted_apart(self):
        term = TermFactory(committee_size=4)
        congress = term.congress_date
        committee(
            term,
            ("chair", "elected", congress, None, "", None),
            ("member", "elected", congress, datetime.date(2019, 1, 1), "retirement", None),
            ("member", "elected", congress, datetime.date(2020, 1, 1), "transfer", None),
            ("member", "elected", congress, datetime.date(2021, 1, 1), "transfer", None),
        )
        text = part_text(compose(ReportFactory(term=term)), "I.")
        assert "có 03 đồng chí không tiếp tục tham gia Ban Chấp hành" in text
        assert "02/03 đồng chí chuyển công tác" in text
        assert "01/03 đồng chí nghỉ hưu" in text
        assert "Ban Chấp hành có 01 đồng chí ủy viên; Chủ tịch." in text

    def test_a_committee_without_changes_says_so(self):
        term = TermFactory(committee_size=2)
        committee(
            term,
            ("chair", "elected", term.congress_date, None, "", None),
            ("vice_chair", "elected", term.congress_date, None, "", None),
        )
        document = compose(ReportFactory(term=term))
        assert "nhân sự Ban Chấp hành không có biến động" in part_text(document, "I.")
        assert document.footnotes() == ()

    def test_qualification_shares_are_computed_when_not_everyone_qualifies(self):
        term = TermFactory(committee_size=3)
        less_qualified = PersonFactory(
            organization=term.organization, qualification=Person.Qualification.COLLEGE, union_trained=False
        )
        committee(
            term,
            ("chair", "elected", term.congress_date, None, "", None),
            ("member", "elected", term.congress_date, None, "", None),
            ("member", "elected", term.congress_date, None, "", less_qualified),
        )
        text = part_text(compose(ReportFactory(term=term)), "I.")
        assert "02/03 Ủy viên Ban Chấp hành (67%) có trình độ chuyên môn đại học trở lên" in text
        assert "02/03 đồng chí (67%) đã được tập huấn" in text

    def test_a_vice_chair_signs_on_behalf_of_the_chair_when_there_is_none(self):
        term = TermFactory(committee_size=1)
        committee(term, ("vice_chair", "elected", term.congress_date, None, "", None))
        document = compose(ReportFactory(term=term))
        assert document.signature.title == "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"
        assert len(document.warnings) == 1  # nobody sits as chair


class TestWarnings:
    def test_a_committee_size_that_disagrees_with_the_records_is_flagged(self):
        term = TermFactory(committee_size=9)
        committee(term, ("chair", "elected", term.congress_date, None, "", None))
        warnings = compose(ReportFactory(term=term)).warnings
        assert any("9" in w and "1" in w for w in warnings)

    def test_prose_that_contradicts_the_records_is_flagged(self):
        term = TermFactory(committee_size=1)
        committee(term, ("chair", "elected", term.congress_date, None, "", None))
        report = ReportFactory(term=term)
        personnel = section(report, "personnel")
        personnel.remarks = "Ban Chấp hành có 09 đồng chí."
        personnel.save()
        assert any("9" in w for w in compose(report).warnings)


class TestAchievements:
    def test_areas_and_items_keep_their_order_and_kinds(self):
        report = ReportFactory()
        areas = section(report, "achievements")
        second = AreaFactory(section=areas, position=2, title="Sau")
        first = AreaFactory(section=areas, position=1, title="Trước")
        AchievementFactory(area=first, kind="paragraph", text="Mở đầu.")
        AchievementFactory(area=first, kind="bullet", text="Một việc.", position=1)
        sub = AreaFactory(section=areas, parent=second, title="Chi tiết")
        AchievementFactory(area=sub, text="Việc con.")
        part = next(p for p in compose(report).parts if p.title.startswith("KẾT QUẢ"))
        assert [(a.number, a.title) for a in part.children] == [("1.", "Trước"), ("2.", "Sau")]
        assert [(b.style, b.text) for b in part.children[0].blocks] == [
            ("body", "Mở đầu."),
            ("bullet", "Một việc."),
        ]
        assert part.children[1].children[0].number == "2.1."

    def test_empty_parts_are_left_out_and_the_rest_renumbered(self):
        report = ReportFactory()
        ReportItemFactory(section=section(report, "lessons"), text="Một bài học.")
        titles = [f"{p.number} {p.title}" for p in compose(report).parts]
        assert titles == ["I. VỀ NHÂN SỰ BAN CHẤP HÀNH", "II. MỘT SỐ KINH NGHIỆM"]
