"""The committee sitting on a report's date decides its approval, not the number of accounts."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import (
    AffiliationFactory,
    MembershipFactory,
    ReportFactory,
    TermFactory,
    sitting_accounts,
)
from tests.pages import approve, committee_approves
from unionreports.publishing import review
from unionreports.publishing.state import report_state
from unionreports.reports.compose import compose_report
from unionreports.reports.models import Report

pytestmark = pytest.mark.django_db


def state(report):
    report = Report.objects.with_document_data().get(pk=report.pk)
    return report_state(report, compose_report(report))


def rows(html: str, status: str) -> int:
    return html.count(f'data-status="{status}"')


def test_with_seven_sitting_and_one_account_one_approval_does_not_approve(client, demo_report, secretary):
    (member,) = sitting_accounts(demo_report, 1)
    review.round_start(report=demo_report, by=secretary)
    approve(demo_report, member)
    now = state(demo_report)
    assert (now.status, now.approvals, now.members) == ("review", 1, 7)

    client.force_login(secretary)
    page = client.get(reverse("publishing:review", args=[demo_report.pk])).text
    assert rows(page, "approved") == 1 and rows(page, "no_account") == 6
    # The secretary can invite each member without an account from there.
    assert page.count("invite-member") == 6
    client.force_login(member)
    assert "invite-member" not in client.get(reverse("publishing:review", args=[demo_report.pk])).text


def test_under_the_rule_all_a_member_without_an_account_holds_the_approval(demo_report, secretary):
    review.round_start(report=demo_report, by=secretary)
    six = sitting_accounts(demo_report, 6)
    for member in six:
        approve(demo_report, member)
    assert state(demo_report).status == "review"
    committee_approves(demo_report)
    assert state(demo_report).status == "approved"


def test_under_the_majority_rule_four_of_seven_approve(demo_report, secretary):
    organization = demo_report.term.organization
    organization.approval_rule = "majority"
    organization.save()
    review.round_start(report=demo_report, by=secretary)
    accounts = sitting_accounts(demo_report, 4)
    for member in accounts[:3]:
        approve(demo_report, member)
    assert state(demo_report).status == "review"
    approve(demo_report, accounts[3])
    assert state(demo_report).status == "approved"


@pytest.fixture
def committee():
    """A report of 1 June 2022; two members sit that day, one left before it, one joined after it."""
    term = TermFactory()
    report = ReportFactory(term=term, date=datetime.date(2022, 6, 1))
    sitting = [MembershipFactory(term=term, role=role) for role in ("chair", "member")]
    left = MembershipFactory(
        term=term, left_on=datetime.date(2022, 5, 31), left_reason="transfer", left_destination="Sở Nội vụ"
    )
    later = MembershipFactory(term=term, joined_how="by_election", joined_on=datetime.date(2022, 9, 1))
    secretary = AffiliationFactory(organization=term.organization, role="secretary").user
    accounts = {
        name: AffiliationFactory(organization=term.organization, role="member", person=m.person).user
        for name, m in (("chair", sitting[0]), ("member", sitting[1]), ("left", left), ("later", later))
    }
    review.round_start(report=report, by=secretary)
    return report, accounts


def test_a_member_who_left_before_the_date_or_joined_after_it_does_not_count(committee):
    report, accounts = committee
    assert state(report).members == 2
    for name in ("left", "later"):
        with pytest.raises(ValidationError) as refused:
            approve(report, accounts[name])
        assert refused.value.code == "not_a_sitting_member"
    approve(report, accounts["chair"])
    assert state(report).status == "review"
    approve(report, accounts["member"])
    assert state(report).status == "approved"


def test_a_secretary_who_is_a_sitting_member_approves_with_the_committee(client, committee):
    report, accounts = committee
    chair = report.term.organization.affiliations.get(user=accounts["chair"])
    chair.role = "secretary"
    chair.save()
    client.force_login(accounts["chair"])
    page = client.get(reverse("publishing:review", args=[report.pk])).text
    assert 'name="decision" value="approve"' in page
    approve(report, accounts["chair"])
    approve(report, accounts["member"])
    assert state(report).status == "approved"


def test_an_approval_stops_counting_when_the_account_leaves_the_union(demo_report, secretary):
    review.round_start(report=demo_report, by=secretary)
    committee_approves(demo_report)
    assert state(demo_report).status == "approved"
    demo_report.term.organization.affiliations.filter(role="member").first().delete()
    now = state(demo_report)
    assert (now.status, now.approvals) == ("review", 6)
    # The verdict itself stays in the record.
    assert demo_report.rounds.get().verdicts.count() == 7


def home_queries(client, user) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("reports:list")).status_code == 200
    return len(queries)


def test_the_home_page_costs_the_same_with_more_reports_committees_and_accounts(
    client, demo_report, secretary
):
    client.force_login(secretary)
    review.round_start(report=demo_report, by=secretary)
    few = home_queries(client, secretary)
    committee_approves(demo_report)
    other = ReportFactory(term=demo_report.term, number=9, date=datetime.date(2022, 12, 1))
    review.round_start(report=other, by=secretary)
    committee_approves(other)
    second_union = TermFactory()
    AffiliationFactory(organization=second_union.organization, user=secretary)
    for _ in range(3):
        MembershipFactory(term=second_union)
    third = ReportFactory(term=second_union)
    review.round_start(report=third, by=secretary)
    committee_approves(third)
    assert home_queries(client, secretary) == few
