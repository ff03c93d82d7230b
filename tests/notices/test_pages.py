"""The notices page, opening a notice, and the navbar's badge of unread ones."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import AffiliationFactory, ReportFactory
from unionreports.notices.models import Notice

pytestmark = pytest.mark.django_db


def notices(union, recipient, count: int, kind="comment") -> list[Notice]:
    return [
        Notice.objects.create(
            recipient=recipient,
            kind=kind,
            report=union["report"],
            actor=union["an"],
            target=f"/reports/{union['report'].pk}/review/#comment-{n}",
            what=f"Góp ý số {n}",
        )
        for n in range(count)
    ]


def test_the_page_lists_ones_own_notices_newest_first_with_who_and_what(client, union):
    notices(union, union["secretary"], 2)
    Notice.objects.create(
        recipient=union["deputy"],
        kind="comment",
        report=union["report"],
        target="/",
        what="Không phải của tôi",
    )
    client.force_login(union["secretary"])
    page = client.get(reverse("notices:list")).text
    assert page.count("notice-unread") == 2
    assert page.index("Góp ý số 1") < page.index("Góp ý số 0")
    assert "Nguyễn Văn An" in page and "Không phải của tôi" not in page


def test_opening_a_notice_marks_it_read_and_goes_to_its_target(client, union):
    notice = notices(union, union["secretary"], 1)[0]
    client.force_login(union["secretary"])
    response = client.get(notice.get_absolute_url())
    assert response.status_code == 302
    assert response["Location"] == notice.target
    notice.refresh_from_db()
    assert notice.read_at is not None
    assert "notices-badge" not in client.get(reverse("reports:list")).text


def test_one_cannot_open_anothers_notice(client, union, outsider):
    notice = notices(union, union["secretary"], 1)[0]
    for user in (union["deputy"], outsider):
        client.force_login(user)
        assert client.get(notice.get_absolute_url()).status_code == 404
    notice.refresh_from_db()
    assert notice.read_at is None


def test_another_unions_users_see_none_of_its_notices(client, union, outsider):
    notices(union, union["secretary"], 1)
    other = ReportFactory(term__organization=outsider.affiliations.get().organization)
    Notice.objects.create(
        recipient=outsider, kind="comment", report=other, target="/", what="Của công đoàn khác"
    )
    client.force_login(outsider)
    page = client.get(reverse("notices:list")).text
    assert "Của công đoàn khác" in page and "Góp ý số 0" not in page


def test_who_left_the_union_no_longer_sees_its_notices(client, union):
    notices(union, union["deputy"], 1)
    union["deputy"].affiliations.all().delete()
    client.force_login(union["deputy"])
    assert "Góp ý số 0" not in client.get(reverse("notices:list")).text


def test_mark_all_read_clears_the_badge(client, union):
    notices(union, union["secretary"], 3)
    client.force_login(union["secretary"])
    assert 'notices-badge ms-1">3<' in client.get(reverse("reports:list")).text
    assert client.post(reverse("notices:mark_all_read")).status_code == 302
    assert not Notice.objects.filter(read_at__isnull=True).exists()
    assert "notices-badge" not in client.get(reverse("reports:list")).text


def test_the_badge_costs_one_query_a_page(client, union):
    notices(union, union["secretary"], 2)
    client.force_login(union["secretary"])
    client.get(reverse("reports:list"))  # the session's first load
    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("reports:list")).text
    assert 'notices-badge ms-1">2<' in page
    assert len([q for q in queries if "notices_notice" in q["sql"]]) == 1
    # The logged-in user's name comes with the user: no query of its own.
    assert not [q for q in queries if q["sql"].startswith('SELECT "accounts_profile"')]


def test_the_page_costs_the_same_with_2_or_60_notices(client, union):
    client.force_login(union["secretary"])
    notices(union, union["secretary"], 2)
    client.get(reverse("notices:list"))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("notices:list"))
    other = AffiliationFactory(organization=union["report"].term.organization, role="member").user
    for n, notice in enumerate(notices(union, union["secretary"], 58)):
        notice.actor = other if n % 2 else union["deputy"]
        notice.save()
    with CaptureQueriesContext(connection) as many:
        page = client.get(reverse("notices:list") + "?page=2")
    assert len(many) == len(few)
    assert "?page=3" in page.text and "?page=1" in page.text


def test_a_page_number_out_of_range_or_not_a_number_shows_a_page(client, union):
    client.force_login(union["secretary"])
    for junk in ("999", "abc", "-1", "1\x00"):
        assert client.get(reverse("notices:list"), {"page": junk}).status_code == 200


def test_notices_need_an_account(client):
    response = client.get(reverse("notices:list"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
