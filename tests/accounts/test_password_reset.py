"""A forgotten password is reset through a link mailed to the account's address."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

NEW = "mot-mat-khau-moi-2024"


@pytest.fixture
def hoa(db):
    return UserFactory(username="hoa", email="hoa@example.vn", profile__full_name="Lê Thị Hoa")


def ask(client, email, callbacks):
    with callbacks(execute=True):
        return client.post(reverse("password_reset"), {"email": email})


def test_the_login_page_offers_the_reset(client):
    assert reverse("password_reset") in client.get(reverse("login")).text


def test_a_password_is_reset_through_the_link_in_the_email(
    client, hoa, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://baocao.example.vn"
    response = ask(client, "HOA@example.vn", django_capture_on_commit_callbacks)
    assert response.status_code == 302 and response["Location"] == reverse("password_reset_done")
    (message,) = mail.outbox
    assert message.to == ["hoa@example.vn"]
    assert "Lê Thị Hoa" in message.body and "hoa" in message.body
    link = re.search(r"https://baocao\.example\.vn(/accounts/password/reset/\S+/)", message.body)[1]
    form = client.get(link, follow=True)
    assert form.status_code == 200 and form.context["validlink"]
    done = client.post(form.redirect_chain[-1][0], {"new_password1": NEW, "new_password2": NEW})
    assert done.status_code == 302 and done["Location"] == reverse("password_reset_complete")
    logged_in = client.post(reverse("login"), {"username": "hoa", "password": NEW})
    assert logged_in.status_code == 302
    # The link works once.
    client.logout()
    assert not client.get(link, follow=True).context["validlink"]


def test_the_page_says_the_same_whether_or_not_the_address_has_an_account(
    client, hoa, django_capture_on_commit_callbacks
):
    known = ask(client, "hoa@example.vn", django_capture_on_commit_callbacks)
    unknown = ask(client, "ai-do@example.vn", django_capture_on_commit_callbacks)
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert len(mail.outbox) == 1
    assert client.get(known["Location"]).status_code == 200


def test_the_link_is_built_on_the_sites_address_not_the_requests_host(
    client, hoa, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://baocao.example.vn"
    settings.ALLOWED_HOSTS = ["*"]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("password_reset"), {"email": "hoa@example.vn"}, HTTP_HOST="ke-gian.example.com")
    assert "ke-gian" not in mail.outbox[0].body


def test_a_broken_link_says_so(client, hoa):
    response = client.get(reverse("password_reset_confirm", args=["MQ", "khong-dung"]))
    assert response.status_code == 200 and not response.context["validlink"]
    assert get_user_model().objects.get(username="hoa").check_password("password")
