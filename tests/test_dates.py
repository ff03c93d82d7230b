"""Dates read day first in either language: a Vietnamese reader takes 12/07 for 12 July."""

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_report_page_shows_its_date_day_first(client, demo_report, secretary, language):
    demo_report.date = demo_report.date.replace(month=7, day=12)
    demo_report.save()
    client.force_login(secretary)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    page = client.get(demo_report.get_absolute_url()).text
    assert f"12/07/{demo_report.date.year}" in page
    assert f"07/12/{demo_report.date.year}" not in page
