"""A form posted after the session ended is kept for its user, bounded; anonymous posts are not."""

import pytest
from django.contrib.sessions.models import Session
from django.db.models import Sum
from django.db.models.functions import Length
from django.urls import reverse

from tests.factories import AffiliationFactory
from tests.pages import page
from unionreports.accounts.decorators import KEPT_POST_LIMIT, WAS_LOGGED_IN

pytestmark = pytest.mark.django_db

PASSWORD = "thuky-demo-2023"


def session_bytes() -> int:
    return Session.objects.aggregate(total=Sum(Length("session_data")))["total"] or 0


def log_in(client, username="thuky", password=PASSWORD):
    response = client.post(reverse("login"), {"username": username, "password": password})
    assert response.status_code == 302
    return response


def session_ends() -> None:
    Session.objects.all().delete()


def test_anonymous_posts_store_nothing_in_sessions(client, demo_report):
    url = page(demo_report, "prose")
    for _ in range(20):
        client.cookies.clear()
        response = client.post(url, {"opening": "x" * 150_000, "closing": "y"})
        assert response.status_code == 302
    assert session_bytes() == 0


def test_a_post_over_the_limit_is_not_kept_even_for_a_user_whose_session_ended(client, demo_report):
    log_in(client)
    session_ends()
    client.post(page(demo_report, "prose"), {"opening": "x" * (KEPT_POST_LIMIT + 1)})
    assert session_bytes() < 10_000


def test_sessions_grow_at_most_by_one_bounded_post_per_login(client, demo_report):
    url = page(demo_report, "prose")
    log_in(client)
    session_ends()
    for _ in range(20):
        client.post(url, {"opening": "x" * 150_000})
    # The first post is kept and uses up the mark of the login; the others are not kept.
    assert session_bytes() < 2 * KEPT_POST_LIMIT
    assert Session.objects.count() == 1


def test_a_forged_mark_keeps_nothing(client, demo_report):
    client.cookies[WAS_LOGGED_IN] = "1"
    client.post(page(demo_report, "prose"), {"opening": "Gõ."})
    assert session_bytes() == 0


def test_after_logging_out_nothing_is_kept(client, demo_report):
    log_in(client)
    client.post(reverse("logout"))
    client.post(page(demo_report, "prose"), {"opening": "Gõ."})
    assert session_bytes() == 0


def test_the_kept_post_comes_back_only_to_the_user_who_typed_it(client, demo_report):
    url = page(demo_report, "prose")
    log_in(client)
    session_ends()
    client.post(url, {"opening": "Đoạn của thư ký.", "closing": "Kết."})
    other = AffiliationFactory(organization=demo_report.term.organization, role="secretary").user
    log_in(client, other.username, "password")
    response = client.get(url)
    assert response.status_code == 200
    assert "Đoạn của thư ký." not in response.text


def test_a_user_who_may_not_edit_the_page_never_sees_the_post(client, demo_report):
    member = AffiliationFactory(organization=demo_report.term.organization, role="member").user
    url = page(demo_report, "prose")
    log_in(client, member.username, "password")
    session_ends()
    client.post(url, {"opening": "Đoạn lạ."})
    log_in(client, member.username, "password")
    response = client.get(url)
    assert response.status_code == 403
    assert "Đoạn lạ." not in response.text
    assert "kept_post" not in client.session
