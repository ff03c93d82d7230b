import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests.factories import AchievementFactory, AreaFactory, ReportFactory, ReportItemFactory, SectionFactory
from unionreports.reports.models import OutlineTemplate, ReportSection

pytestmark = pytest.mark.django_db


def test_a_report_number_zero_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        ReportFactory(number=0)


def test_a_report_number_zero_is_a_form_error():
    report = ReportFactory.build(term=ReportFactory().term, number=0)
    with pytest.raises(ValidationError) as caught:
        report.full_clean()
    assert "number" in caught.value.error_dict


def test_an_empty_limitation_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        ReportItemFactory(text="")


def test_an_empty_achievement_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        AchievementFactory(text="")


def test_an_area_cannot_be_its_own_parent():
    area = AreaFactory()
    area.parent_id = area.pk
    with pytest.raises(IntegrityError), transaction.atomic():
        area.save()


def test_an_area_under_another_area_is_stored():
    parent = AreaFactory()
    child = AreaFactory(section=parent.section, parent=parent)
    assert list(parent.children.all()) == [child]


def test_a_section_cannot_be_its_own_parent():
    section = SectionFactory(kind="group")
    section.parent_id = section.pk
    with pytest.raises(IntegrityError), transaction.atomic():
        section.save()


def test_a_section_inside_a_list_or_another_report_is_a_form_error():
    group = SectionFactory(kind="group")
    for parent in (SectionFactory(report=group.report, kind="list"), SectionFactory(kind="group")):
        section = ReportSection(report=group.report, parent=parent, kind="prose", title="Mới")
        with pytest.raises(ValidationError) as caught:
            section.full_clean()
        assert caught.value.error_dict["parent"][0].code == "not_a_group"
    ReportSection(report=group.report, parent=group, kind="prose", title="Mới").full_clean()


def test_an_unknown_kind_of_section_is_a_form_error():
    with pytest.raises(ValidationError) as caught:
        ReportSection(report=ReportFactory(), kind="poem", title="Thơ").full_clean()
    assert "kind" in caught.value.error_dict


def test_a_union_has_one_outline_template_of_a_name():
    report = ReportFactory()
    OutlineTemplate.objects.create(organization=report.term.organization, name="Mẫu", kind="kiem_diem")
    with pytest.raises(IntegrityError), transaction.atomic():
        OutlineTemplate.objects.create(organization=report.term.organization, name="Mẫu", kind="tong_ket")
