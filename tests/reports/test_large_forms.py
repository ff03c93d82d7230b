"""Long lists and large committees save; a post beyond the page's limit is refused with every row kept."""

import pytest
from django.conf import settings

from tests.pages import items, page
from tests.reports.test_editing import base_of, committee_post, committee_rows, items_post
from unionreports.committee.forms import CommitteeFormSet, CommitteeRowForm
from unionreports.reports.forms import AchievementFormSet, ItemFormSet

pytestmark = pytest.mark.django_db


@pytest.fixture
def english(client):
    client.cookies["django_language"] = "en"


def browser_post(data: dict) -> dict:
    """As a browser posts it: a new row sends its empty hidden id too (over 1,000 fields here)."""
    rows = int(data["items-TOTAL_FORMS"])
    return {f"items-{i}-id": "" for i in range(rows)} | data


def test_a_list_of_340_items_is_saved(client, demo_report, secretary):
    client.force_login(secretary)
    url = page(demo_report, "lessons")
    texts = [f"Bài học số {n}." for n in range(340)]
    data = browser_post(items_post(demo_report, "lessons", texts, base_of(client.get(url))))
    assert len(data) > 1000
    response = client.post(url, data)
    assert response.status_code == 302
    assert list(items(demo_report, "lessons").values_list("text", flat=True)) == texts


def test_a_committee_of_110_rows_is_saved(client, demo_report, secretary):
    client.force_login(secretary)
    url = page(demo_report, "committee")
    rows = committee_rows(demo_report)
    template = {**rows[-1], "membership": "", "role": "member"}
    rows += [{**template, "full_name": f"Nguyễn Văn Số {n}"} for n in range(110 - len(rows))]
    response = client.post(url, committee_post(demo_report, rows, base_of(client.get(url))))
    assert response.status_code == 302
    assert demo_report.term.memberships.count() == 110


def test_a_list_beyond_the_limit_is_refused_with_every_row_kept(client, demo_report, secretary, english):
    client.force_login(secretary)
    url = page(demo_report, "lessons")
    before = list(items(demo_report, "lessons").values_list("text", flat=True))
    texts = [f"Bài học thứ {n}." for n in range(501)]
    data = browser_post(items_post(demo_report, "lessons", texts, base_of(client.get(url))))
    response = client.post(url, data)
    assert response.status_code == 200
    assert "This page saves at most 500 rows; nothing was saved." in response.text
    assert "Bài học thứ 500." in response.text and "Bài học thứ 0." in response.text
    assert list(items(demo_report, "lessons").values_list("text", flat=True)) == before


@pytest.mark.parametrize(
    ("formset", "fields"),
    [(ItemFormSet, 4), (AchievementFormSet, 5), (CommitteeFormSet, len(CommitteeRowForm.base_fields) + 2)],
)
def test_django_takes_every_field_of_the_largest_post_a_page_shows_back(formset, fields):
    assert formset.validate_max and formset.absolute_max > formset.max_num
    assert formset.absolute_max * fields + 100 <= settings.DATA_UPLOAD_MAX_NUMBER_FIELDS


def test_the_longest_list_the_app_takes_fits_in_a_post():
    """500 items of the longest text, each letter URL-encoded at its widest (“ệ” is %E1%BB%87)."""
    from unionreports.reports.forms import LIST_ROWS
    from unionreports.reports.models import ITEM_LIMIT

    widest = LIST_ROWS * ITEM_LIMIT * len("%E1%BB%87")
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE > widest
