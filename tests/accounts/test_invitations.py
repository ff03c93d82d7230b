"""Invitations: who sees the addresses invited, and a link accepted from several sessions at once."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.factories import AffiliationFactory
from unionreports.accounts import views
from unionreports.accounts.forms import AcceptInvitationForm
from unionreports.accounts.models import Affiliation, Invitation

pytestmark = pytest.mark.django_db

FORM = {
    "full_name": "Lê Thị Hoa",
    "username": "uyvien",
    "password1": "mat-khau-rat-dai-2023",
    "password2": "mat-khau-rat-dai-2023",
}


@pytest.fixture
def invitation(demo_report, secretary):
    return Invitation.objects.create(
        organization=demo_report.term.organization,
        email="moi.vao@example.vn",
        role="member",
        invited_by=secretary,
    )


def test_the_secretary_sees_the_addresses_invited(client, invitation, secretary):
    client.force_login(secretary)
    response = client.get(invitation.organization.get_absolute_url())
    assert "moi.vao@example.vn" in response.text


@pytest.mark.parametrize("role", ["member", "delegate"])
def test_others_of_the_union_do_not_see_the_addresses_invited(client, invitation, role):
    user = AffiliationFactory(organization=invitation.organization, role=role).user
    client.force_login(user)
    response = client.get(invitation.organization.get_absolute_url())
    assert response.status_code == 200
    assert "moi.vao@example.vn" not in response.text


def test_a_link_accepted_by_another_session_meanwhile_answers_already_used(client, invitation, monkeypatch):
    """Both sessions loaded the open invitation; the other one's post lands first."""
    real = views.invitation_accept

    def other_session_first(*, invitation, form):
        other = AcceptInvitationForm({**FORM, "username": "nhanh-tay"})
        assert other.is_valid()
        real(invitation=Invitation.objects.get(pk=invitation.pk), form=other)
        return real(invitation=invitation, form=form)

    monkeypatch.setattr(views, "invitation_accept", other_session_first)
    response = client.post(invitation.get_absolute_url(), FORM)
    assert response.status_code == 410
    assert not get_user_model().objects.filter(username="uyvien").exists()
    assert Affiliation.objects.filter(
        organization=invitation.organization, user__username="nhanh-tay"
    ).exists()
    assert "_auth_user_id" not in client.session


def test_the_one_winner_keeps_the_invitation_used(client, invitation):
    assert client.post(invitation.get_absolute_url(), FORM).status_code == 302
    client.logout()
    again = client.post(reverse("accept_invitation", args=[invitation.token]), {**FORM, "username": "khac"})
    assert again.status_code == 410
    assert not get_user_model().objects.filter(username="khac").exists()
