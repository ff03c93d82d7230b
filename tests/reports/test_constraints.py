import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests.factories import AchievementFactory, AreaFactory, ReportFactory, ReportItemFactory

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
