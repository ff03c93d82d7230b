"""What must never be stored is refused by the database, and by `full_clean` with a message."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests.factories import CONGRESS, MembershipFactory, PersonFactory, TermFactory
from unionreports.committee.models import Membership, Term

pytestmark = pytest.mark.django_db


def error_codes(exc: ValidationError, field: str) -> list[str]:
    return [error.code for error in exc.error_dict[field]]


class TestTermYears:
    def test_a_term_ending_before_it_starts_is_refused_by_the_database(self):
        term = TermFactory.build(organization=TermFactory().organization, start_year=2022, end_year=2017)
        with pytest.raises(IntegrityError), transaction.atomic():
            term.save()

    def test_a_term_ending_before_it_starts_is_a_form_error(self):
        term = TermFactory.build(organization=TermFactory().organization, start_year=2022, end_year=2017)
        with pytest.raises(ValidationError) as caught:
            term.full_clean()
        assert "years_out_of_order" in error_codes(caught.value, "end_year")

    def test_a_term_in_order_is_stored(self):
        term = TermFactory(start_year=2017, end_year=2022)
        term.full_clean()
        assert Term.objects.filter(pk=term.pk).exists()

    def test_the_same_union_cannot_have_two_terms_starting_the_same_year(self):
        term = TermFactory()
        with pytest.raises(IntegrityError), transaction.atomic():
            TermFactory(organization=term.organization, start_year=term.start_year)

    def test_a_committee_of_nobody_is_refused(self):
        with pytest.raises(IntegrityError), transaction.atomic():
            TermFactory(committee_size=0)


class TestLeaving:
    def test_leaving_before_joining_is_refused_by_the_database(self):
        with pytest.raises(IntegrityError), transaction.atomic():
            MembershipFactory(left_on=CONGRESS - datetime.timedelta(days=1), left_reason="transfer")

    def test_leaving_before_joining_is_a_form_error(self):
        membership = MembershipFactory.build(
            term=TermFactory(), left_on=CONGRESS - datetime.timedelta(days=1), left_reason="transfer"
        )
        membership.person = PersonFactory(organization=membership.term.organization)
        with pytest.raises(ValidationError) as caught:
            membership.full_clean()
        assert "left_before_joined" in error_codes(caught.value, "left_on")

    def test_leaving_after_joining_is_stored(self):
        membership = MembershipFactory(left_on=datetime.date(2020, 1, 1), left_reason="retirement")
        membership.full_clean()
        assert membership.has_left

    def test_leaving_without_a_reason_is_refused_by_the_database(self):
        with pytest.raises(IntegrityError), transaction.atomic():
            MembershipFactory(left_on=datetime.date(2020, 1, 1), left_reason="")

    def test_leaving_without_a_reason_is_a_form_error(self):
        membership = MembershipFactory(left_on=None)
        membership.left_on = datetime.date(2020, 1, 1)
        with pytest.raises(ValidationError) as caught:
            membership.full_clean()
        assert "reason_missing" in error_codes(caught.value, "left_reason")


def by_elected_chair(term, joined_on: datetime.date) -> Membership:
    """A new person by-elected chair of `term`, not yet saved."""
    return MembershipFactory.build(
        term=term,
        person=PersonFactory(organization=term.organization),
        role=Membership.Role.CHAIR,
        joined_how=Membership.Joined.BY_ELECTION,
        joined_on=joined_on,
    )


class TestChairs:
    def test_two_sitting_chairs_are_refused_by_the_database(self):
        first = MembershipFactory(role=Membership.Role.CHAIR)
        with pytest.raises(IntegrityError), transaction.atomic():
            MembershipFactory(term=first.term, role=Membership.Role.CHAIR)

    def test_two_sitting_chairs_are_a_form_error(self):
        first = MembershipFactory(role=Membership.Role.CHAIR)
        second = MembershipFactory.build(
            term=first.term,
            person=PersonFactory(organization=first.term.organization),
            role=Membership.Role.CHAIR,
        )
        with pytest.raises(ValidationError) as caught:
            second.full_clean()
        assert "two_chairs" in error_codes(caught.value, "role")

    def test_a_new_chair_after_the_first_one_left_is_stored(self):
        first = MembershipFactory(
            role=Membership.Role.CHAIR, left_on=datetime.date(2019, 12, 31), left_reason="retirement"
        )
        second = by_elected_chair(first.term, datetime.date(2020, 1, 15))
        second.full_clean()
        second.save()
        assert first.term.memberships.filter(role="chair").count() == 2

    def test_a_chair_elected_while_the_first_still_sits_is_a_form_error(self):
        first = MembershipFactory(
            role=Membership.Role.CHAIR, left_on=datetime.date(2020, 3, 1), left_reason="transfer"
        )
        overlapping = by_elected_chair(first.term, datetime.date(2020, 1, 15))
        with pytest.raises(ValidationError) as caught:
            overlapping.full_clean()
        assert "two_chairs" in error_codes(caught.value, "role")


class TestMembershipDates:
    def test_the_same_person_twice_on_one_committee_is_refused(self):
        first = MembershipFactory()
        with pytest.raises(IntegrityError), transaction.atomic():
            MembershipFactory(term=first.term, person=first.person)

    def test_a_member_elected_at_the_congress_joins_on_its_date(self):
        membership = MembershipFactory.build(term=TermFactory(), joined_on=datetime.date(2018, 1, 1))
        membership.person = PersonFactory(organization=membership.term.organization)
        with pytest.raises(ValidationError) as caught:
            membership.full_clean()
        assert "not_congress_date" in error_codes(caught.value, "joined_on")

    def test_a_by_election_outside_the_term_is_a_form_error(self):
        membership = MembershipFactory.build(
            term=TermFactory(), joined_how=Membership.Joined.BY_ELECTION, joined_on=datetime.date(2024, 1, 1)
        )
        membership.person = PersonFactory(organization=membership.term.organization)
        with pytest.raises(ValidationError) as caught:
            membership.full_clean()
        assert "outside_term" in error_codes(caught.value, "joined_on")

    def test_a_person_of_another_union_cannot_sit_on_the_committee(self):
        membership = MembershipFactory.build(term=TermFactory(), person=PersonFactory())
        with pytest.raises(ValidationError) as caught:
            membership.full_clean()
        assert "other_union" in error_codes(caught.value, "person")


class TestText:
    def test_decomposed_vietnamese_is_stored_composed(self):
        decomposed = "Nguye\u0302\u0303n Va\u0306n A"  # "Nguyễn Văn A" typed as base letters + marks
        person = PersonFactory(full_name=decomposed)
        person.refresh_from_db()
        assert person.full_name == "Nguyễn Văn A"
        assert len(person.full_name) == 12
