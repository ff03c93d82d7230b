"""One full name per person, family name first, shown wherever people are named."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from tests.factories import AffiliationFactory, UserFactory
from unionreports.accounts.models import Invitation, Profile
from unionreports.accounts.names import display_name
from unionreports.publishing import review

pytestmark = pytest.mark.django_db


def test_the_name_is_the_full_name_else_the_username(db):
    assert display_name(UserFactory(username="hoa", profile__full_name="Lê Thị Hoa")) == "Lê Thị Hoa"
    assert display_name(UserFactory(username="binh")) == "binh"
    admin_made = get_user_model().objects.create(username="quantri")
    assert display_name(admin_made) == "quantri"
    assert display_name(None) == ""


def test_accepting_an_invitation_asks_one_full_name(client, demo_report, secretary):
    invitation = Invitation.objects.create(
        organization=demo_report.term.organization,
        email="hoa@example.vn",
        role="member",
        invited_by=secretary,
    )
    page = client.get(invitation.get_absolute_url()).text
    assert 'name="full_name"' in page and 'name="first_name"' not in page and 'name="last_name"' not in page
    password = "mat-khau-rat-dai-2023"
    response = client.post(
        invitation.get_absolute_url(),
        {"full_name": "Lê Thị Hoa", "username": "hoa", "password1": password, "password2": password},
    )
    assert response.status_code == 302
    assert get_user_model().objects.get(username="hoa").profile.full_name == "Lê Thị Hoa"
    assert "Lê Thị Hoa" in client.get(reverse("reports:list")).text


def test_an_invitation_without_a_name_is_refused(client, demo_report, secretary):
    invitation = Invitation.objects.create(
        organization=demo_report.term.organization,
        email="hoa@example.vn",
        role="member",
        invited_by=secretary,
    )
    password = "mat-khau-rat-dai-2023"
    response = client.post(
        invitation.get_absolute_url(),
        {"full_name": "  ", "username": "hoa", "password1": password, "password2": password},
    )
    assert response.status_code == 200
    assert not get_user_model().objects.filter(username="hoa").exists()


def test_the_invitation_is_mailed_after_commit(
    client, demo_report, secretary, django_capture_on_commit_callbacks
):
    client.force_login(secretary)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("invite", args=[demo_report.term.organization.pk]),
            {"email": "moi@example.vn", "role": "member"},
        )
    (message,) = mail.outbox
    assert message.to == ["moi@example.vn"]
    assert "Nguyễn Thị Thu Hà" in message.body


def test_the_invitation_is_in_the_site_s_language_whatever_the_secretary_reads(
    client, demo_report, secretary, django_capture_on_commit_callbacks
):
    client.force_login(secretary)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with django_capture_on_commit_callbacks(execute=True):
        page = client.post(
            reverse("invite", args=[demo_report.term.organization.pk]),
            {"email": "moi@example.vn", "role": "member"},
            follow=True,
        )
    assert "An invitation was sent" in page.text  # the secretary's page stays in English
    (message,) = mail.outbox
    assert message.subject.startswith("Lời mời")
    assert "mời" in message.body and "invites you" not in message.body


def test_the_account_page_changes_name_address_and_e_mail_notices(client, db):
    user = UserFactory(profile__full_name="Le Thi Hoa")
    client.force_login(user)
    assert reverse("account") in client.get(reverse("reports:list")).text
    response = client.post(reverse("account"), {"full_name": "Lê Thị Hoa", "email": "hoa@example.vn"})
    assert response.status_code == 302
    profile = Profile.objects.select_related("user").get(user=user)
    assert (profile.full_name, profile.user.email, profile.email_notices) == (
        "Lê Thị Hoa",
        "hoa@example.vn",
        False,
    )
    client.post(
        reverse("account"), {"full_name": "Lê Thị Hoa", "email": "hoa@example.vn", "email_notices": "on"}
    )
    assert Profile.objects.get(user=user).email_notices


def test_the_account_page_refuses_a_bad_address_and_saves_nothing(client, db):
    user = UserFactory(profile__full_name="Lê Thị Hoa", email="hoa@example.vn")
    client.force_login(user)
    response = client.post(reverse("account"), {"full_name": "Lê Thị Hoa Mới", "email": "khong-phai-dia-chi"})
    assert response.status_code == 200
    assert Profile.objects.get(user=user).full_name == "Lê Thị Hoa"


def test_an_account_made_in_the_admin_gets_a_profile_on_its_account_page(client, db):
    user = get_user_model().objects.create_user(username="quantri", password="x")
    client.force_login(user)
    assert client.get(reverse("account")).status_code == 200
    assert Profile.objects.filter(user=user).exists()


def test_names_are_shown_family_name_first_on_every_page_that_lists_people(client, demo_report, secretary):
    organization = demo_report.term.organization
    member = AffiliationFactory(
        organization=organization, role="member", user__profile__full_name="Trần Thị Bình"
    ).user
    review.round_start(report=demo_report, by=secretary)
    review.comment_add(report=demo_report, author=member, anchor="opening", text="Góp ý.", parent=None)
    client.force_login(secretary)
    for url in (
        organization.get_absolute_url(),
        reverse("publishing:review", args=[demo_report.pk]),
    ):
        assert "Trần Thị Bình" in client.get(url).text, url
    assert "Nguyễn Thị Thu Hà" in client.get(reverse("reports:history", args=[demo_report.pk])).text


def test_the_review_page_costs_the_same_with_more_people_commenting(
    client, demo_report, secretary, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    organization = demo_report.term.organization
    review.round_start(report=demo_report, by=secretary)
    client.force_login(secretary)
    url = reverse("publishing:review", args=[demo_report.pk])

    def add_people(n):
        for i in range(n):
            user = AffiliationFactory(
                organization=organization, role="member", user__profile__full_name=f"Người {i}"
            ).user
            root = review.comment_add(
                report=demo_report, author=user, anchor="opening", text="Góp ý.", parent=None
            )
            review.comment_add(report=demo_report, author=user, anchor="", text="Trả lời.", parent=root)

    add_people(1)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    add_people(4)
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)
