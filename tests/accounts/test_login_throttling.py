"""Login throttling: after five wrong passwords for one username from one address, a pause."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.urls import reverse

pytestmark = pytest.mark.django_db

PASSWORD = "thuky-demo-2023"
LOGINS = {"site": "login", "admin": "admin:login"}


@pytest.fixture
def staff(secretary):
    get_user_model().objects.filter(pk=secretary.pk).update(is_staff=True, is_superuser=True)
    return secretary


def attempt(client, login: str, password: str, *, address="10.0.0.1"):
    return client.post(
        reverse(LOGINS[login]), {"username": "thuky", "password": password}, REMOTE_ADDR=address
    )


@pytest.mark.parametrize("login", sorted(LOGINS))
def test_five_wrong_passwords_lock_the_username_even_for_the_right_one(client, staff, login):
    client.cookies["django_language"] = "en"
    for _ in range(4):
        assert attempt(client, login, "sai").status_code == 200
    locked = attempt(client, login, "sai")
    assert locked.status_code == 429
    assert "Too many failed logins" in locked.text and "15 minutes" in locked.text
    right = attempt(client, login, PASSWORD)
    assert right.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_pause_page_speaks_vietnamese_by_default(client, staff):
    for _ in range(5):
        response = attempt(client, "site", "sai")
    assert response.status_code == 429
    assert '<html lang="vi">' in response.text


def test_another_address_may_still_log_in(client, staff):
    for _ in range(5):
        attempt(client, "site", "sai")
    assert attempt(client, "site", PASSWORD, address="10.0.0.2").status_code == 302


def test_a_success_before_the_limit_starts_the_count_again(client, staff):
    for _ in range(4):
        attempt(client, "site", "sai")
    assert attempt(client, "site", PASSWORD).status_code == 302
    client.post(reverse("logout"))
    for _ in range(4):
        assert attempt(client, "site", "sai").status_code == 200
    assert attempt(client, "site", PASSWORD).status_code == 302


@pytest.mark.parametrize("login", sorted(LOGINS))
def test_a_username_longer_than_any_account_is_a_wrong_login(client, staff, login):
    response = client.post(reverse(LOGINS[login]), {"username": "x" * 300, "password": "sai"})
    assert response.status_code == 200
    assert AccessAttempt.objects.get().username == "x" * 150
