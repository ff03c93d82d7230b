"""Invitations made from the committee's rows, and the secretary's hold on who has access."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.factories import AffiliationFactory, PersonFactory, sitting_accounts
from tests.pages import approve
from unionreports.accounts.models import Affiliation, Invitation
from unionreports.publishing import review

pytestmark = pytest.mark.django_db

FORM = {
    "username": "tranthib",
    "full_name": "Trần Thị B",
    "password1": "mat-khau-rat-dai-2023",
    "password2": "mat-khau-rat-dai-2023",
}


@pytest.fixture
def union(demo_report):
    return demo_report.term.organization


@pytest.fixture
def person(union):
    return union.people.get(full_name="Trần Thị B")


def invite(client, union, person, email="tranthib@example.vn", role="member"):
    data = {"person": person.pk if person else "", "email": email, "role": role}
    return client.post(reverse("invite", args=[union.pk]), data)


def test_an_invitation_from_a_committee_row_links_the_person_when_accepted(
    client, demo_report, union, person, secretary, django_capture_on_commit_callbacks
):
    client.force_login(secretary)
    page = client.get(f"{union.get_absolute_url()}?invite={person.pk}").text
    assert re.search(rf'<option value="{person.pk}" selected>Trần Thị B</option>', page)
    with django_capture_on_commit_callbacks(execute=True):
        response = invite(client, union, person)
    invitation = Invitation.objects.get()
    assert response.status_code == 302 and f"invited={invitation.pk}" in response.url
    assert invitation.person == person and invitation.role == "member"
    link = f"http://testserver{invitation.get_absolute_url()}"
    shown = client.get(response.url).text
    assert f'value="{link}"' in shown and "data-copy" in shown
    assert link in mail.outbox[0].body

    client.logout()
    assert client.post(invitation.get_absolute_url(), FORM).status_code == 302
    account = Affiliation.objects.get(user__username="tranthib")
    assert account.person == person and account.role == "member"
    # On the review page the member now waits for an answer instead of having no account.
    review.round_start(report=demo_report, by=secretary)
    client.force_login(secretary)
    page = client.get(reverse("publishing:review", args=[demo_report.pk])).text
    row = re.search(r'data-status="(\w+)">\s*<span class="me-auto"><strong>Trần Thị B<', page)
    assert row[1] == "waiting"


def test_a_member_with_an_account_or_a_waiting_invitation_is_not_invited_twice(
    client, union, person, secretary
):
    client.force_login(secretary)
    assert invite(client, union, person).status_code == 302
    again = invite(client, union, person, email="khac@example.vn")
    assert again.status_code == 400 and Invitation.objects.count() == 1
    sitting_accounts(union.terms.get().reports.first(), 7)
    other = union.people.get(full_name="Lê Văn C")
    assert invite(client, union, other).status_code == 400


def test_a_delegate_is_not_invited_as_a_committee_member(client, union, person, secretary):
    client.force_login(secretary)
    assert invite(client, union, person, role="delegate").status_code == 400
    assert not Invitation.objects.exists()


def test_a_person_of_another_union_cannot_be_named(client, union, secretary):
    client.force_login(secretary)
    assert invite(client, union, PersonFactory()).status_code == 400
    assert not Invitation.objects.exists()


@pytest.fixture
def invitation(union, person, secretary):
    return Invitation.objects.create(
        organization=union, email="tranthib@example.vn", role="member", person=person, invited_by=secretary
    )


def test_resending_mails_the_same_link_again_valid_anew(
    client, union, invitation, secretary, django_capture_on_commit_callbacks
):
    Invitation.objects.filter(pk=invitation.pk).update(sent_at=timezone.now() - datetime.timedelta(days=20))
    assert client.get(invitation.get_absolute_url()).status_code == 410
    client.force_login(secretary)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("invitation_resend", args=[union.pk, invitation.pk]))
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.expires_at > timezone.now() + datetime.timedelta(days=13)
    assert invitation.get_absolute_url() in mail.outbox[-1].body
    client.logout()
    assert client.get(invitation.get_absolute_url()).status_code == 200


def test_a_revoked_link_answers_used_or_expired(
    client, union, invitation, secretary, django_capture_on_commit_callbacks
):
    client.force_login(secretary)
    assert client.post(reverse("invitation_revoke", args=[union.pk, invitation.pk])).status_code == 302
    client.logout()
    assert client.get(invitation.get_absolute_url()).status_code == 410
    assert client.post(invitation.get_absolute_url(), FORM).status_code == 410
    assert not get_user_model().objects.filter(username="tranthib").exists()
    # Nor can it be resent.
    client.force_login(secretary)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("invitation_resend", args=[union.pk, invitation.pk]))
    assert not mail.outbox


@pytest.mark.parametrize("action", ["invitation_resend", "invitation_revoke"])
def test_only_the_unions_secretary_resends_or_revokes(client, union, invitation, member, outsider, action):
    url = reverse(action, args=[union.pk, invitation.pk])
    client.force_login(member)
    assert client.post(url).status_code == 403
    client.force_login(outsider)
    assert client.post(url).status_code == 404
    # Another union's secretary names their own union: the invitation is not found there.
    theirs = outsider.affiliations.get().organization
    assert client.post(reverse(action, args=[theirs.pk, invitation.pk])).status_code == 404
    assert client.get(url).status_code in (404, 405)
    invitation.refresh_from_db()
    assert invitation.revoked_at is None and not mail.outbox


def test_removing_access_keeps_what_the_member_wrote(client, demo_report, union, secretary, member):
    review.round_start(report=demo_report, by=secretary)
    anchor = demo_report.sections.first().anchor
    review.comment_add(report=demo_report, author=member, anchor=anchor, text="Góp ý.", parent=None)
    approve(demo_report, member)
    affiliation = union.affiliations.get(user=member)
    client.force_login(secretary)
    url = reverse("committee:affiliation_remove", args=[union.pk, affiliation.pk])
    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 302
    assert not union.affiliations.filter(user=member).exists()
    assert demo_report.comments.filter(author=member).exists()
    assert demo_report.rounds.get().verdicts.filter(user=member).exists()
    client.force_login(member)
    assert client.get(reverse("publishing:review", args=[demo_report.pk])).status_code == 404


def test_the_last_secretary_cannot_be_removed(client, union, secretary):
    client.force_login(secretary)
    own = union.affiliations.get(user=secretary)
    response = client.post(reverse("committee:affiliation_remove", args=[union.pk, own.pk]), follow=True)
    assert "alert-error" in response.text
    assert union.affiliations.filter(user=secretary).exists()
    # With a second secretary, one may leave.
    AffiliationFactory(organization=union, role="secretary")
    client.post(reverse("committee:affiliation_remove", args=[union.pk, own.pk]))
    assert not union.affiliations.filter(user=secretary).exists()


def test_only_the_unions_secretary_removes_access(client, union, member, outsider, secretary):
    own = union.affiliations.get(user=secretary)
    url = reverse("committee:affiliation_remove", args=[union.pk, own.pk])
    client.force_login(member)
    assert client.post(url).status_code == 403
    client.force_login(outsider)
    assert client.post(url).status_code == 404
    theirs = outsider.affiliations.get().organization
    assert client.post(reverse("committee:affiliation_remove", args=[theirs.pk, own.pk])).status_code == 404
    assert union.affiliations.filter(user=secretary).exists()


def test_the_secretary_links_an_existing_account_to_a_committee_member(client, union, person, secretary):
    account = AffiliationFactory(organization=union, role="member")
    url = reverse("committee:affiliation_link", args=[union.pk, account.pk])
    client.force_login(secretary)
    client.post(url, {"person": person.pk})
    account.refresh_from_db()
    assert account.person == person
    # The same person for a second account, a stranger's person, or a delegate: refused, with a message.
    second = AffiliationFactory(organization=union, role="member")
    delegate = AffiliationFactory(organization=union, role="delegate")
    for target, value in (
        (second, person.pk),
        (second, PersonFactory().pk),
        (delegate, person.pk),
        (second, "x"),
    ):
        response = client.post(
            reverse("committee:affiliation_link", args=[union.pk, target.pk]), {"person": value}, follow=True
        )
        assert response.status_code == 200 and "alert-error" in response.text
        target.refresh_from_db()
        assert target.person is None
    client.post(url, {"person": ""})
    account.refresh_from_db()
    assert account.person is None


def test_only_the_unions_secretary_links_accounts(client, union, person, member, outsider):
    account = union.affiliations.get(user=member)
    url = reverse("committee:affiliation_link", args=[union.pk, account.pk])
    client.force_login(member)
    assert client.post(url, {"person": person.pk}).status_code == 403
    client.force_login(outsider)
    assert client.post(url, {"person": person.pk}).status_code == 404


def union_page_queries(client, union) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(union.get_absolute_url()).status_code == 200
    return len(queries)


def test_the_union_page_costs_the_same_with_more_accounts_and_invitations(
    client, demo_report, union, secretary
):
    client.force_login(secretary)
    few = union_page_queries(client, union)
    sitting_accounts(demo_report, 4)
    for n, person in enumerate(union.people.filter(affiliations__isnull=True)):
        Invitation.objects.create(organization=union, email=f"m{n}@example.vn", role="member", person=person)
    AffiliationFactory(organization=union, role="delegate")
    assert union_page_queries(client, union) == few
