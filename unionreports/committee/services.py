"""Writes to the committee records, each in one transaction."""

from django.core.exceptions import ValidationError
from django.db import transaction

from .models import Membership, Organization, Person, Term

PERSON_FIELDS = ("full_name", "qualification", "union_trained")
MEMBERSHIP_FIELDS = ("role", "joined_how", "joined_on", "left_on", "left_reason", "left_destination")


class RowInvalid(Exception):
    """A row of the committee table breaks a rule; `errors` by row form index."""

    def __init__(self, errors: dict[int, ValidationError]):
        super().__init__(errors)
        self.errors = errors


@transaction.atomic
def term_create(*, organization: Organization, **fields) -> Term:
    term = Term(organization=organization, **fields)
    term.full_clean()
    term.save()
    return term


@transaction.atomic
def term_update(*, term: Term, **fields) -> Term:
    """Saves the term; members elected at the congress move with its date."""
    old_congress = Term.objects.values_list("congress_date", flat=True).get(pk=term.pk)
    for name, value in fields.items():
        setattr(term, name, value)
    term.full_clean()
    term.save()
    if term.congress_date != old_congress:
        term.memberships.filter(joined_how=Membership.Joined.ELECTED, joined_on=old_congress).update(
            joined_on=term.congress_date
        )
    return term


def committee_snapshot(term: Term) -> list:
    return list(
        term.memberships.order_by("position", "id").values_list(
            "id", "person__full_name", "person__qualification", "person__union_trained", *MEMBERSHIP_FIELDS
        )
    )


@transaction.atomic
def committee_save(*, term: Term, rows: list[dict], deleted: list[int]) -> None:
    """Saves the committee table: `rows` are the rows' data in the order shown.

    Errors are raised together, as `RowInvalid` keyed by the row's place in `rows`.

    Chairs are saved last, so that a chair handing over to another in the same save is
    checked against the committee as it will be, not as it was.
    """
    memberships = {m.pk: m for m in term.memberships.select_related("person")}
    for pk in deleted:
        membership = memberships.pop(pk, None)
        if membership is not None:
            membership.delete()
            if not membership.person.memberships.exists():
                membership.person.delete()
    errors: dict[int, ValidationError] = {}
    ordered = sorted(enumerate(rows), key=lambda row: row[1]["role"] == Membership.Role.CHAIR)
    for index, data in ordered:
        membership = memberships.get(data.get("membership"))
        person = membership.person if membership else Person(organization=term.organization)
        membership = membership or Membership(term=term)
        for field in PERSON_FIELDS:
            setattr(person, field, data[field])
        for field in MEMBERSHIP_FIELDS:
            setattr(
                membership,
                field,
                data[field] or ("" if field in ("left_reason", "left_destination") else None),
            )
        membership.position = index
        try:
            person.full_clean()
            person.save()
            membership.person = person
            membership.full_clean(validate_unique=False)
            membership.save()
        except ValidationError as error:
            errors[index] = error
    if errors:
        raise RowInvalid(errors)


@transaction.atomic
def members_add(*, term: Term, members: list[tuple[str, str, str]]) -> list[Membership]:
    """Adds (full name, role, how they joined) to the term's committee, from its congress on.

    Names already on the committee are left as they are. A rule broken (a second sitting
    chair) raises `ValidationError` naming the person, and nothing is added.
    """
    sitting = {m.person.full_name.casefold() for m in term.memberships.select_related("person")}
    added = []
    position = term.memberships.count()
    for name, role, joined_how in members:
        if name.casefold() in sitting:
            continue
        sitting.add(name.casefold())
        person = Person(organization=term.organization, full_name=name)
        membership = Membership(
            term=term, role=role, joined_how=joined_how, joined_on=term.congress_date, position=position
        )
        position += 1
        try:
            person.full_clean()
            person.save()
            membership.person = person
            membership.full_clean()
        except ValidationError as error:
            raise ValidationError([f"{name}: {message}" for message in error.messages]) from error
        membership.save()
        added.append(membership)
    return added
