"""Factories for the records; each builds a valid object with the fewest fields set."""

import datetime

import factory
from django.contrib.auth import get_user_model

from unionreports.accounts.models import Affiliation, Profile
from unionreports.committee.models import Membership, Organization, Person, Term
from unionreports.reports.kinds import REPORT_KINDS
from unionreports.reports.models import AchievementArea, AchievementItem, Report, ReportItem, ReportSection
from unionreports.reports.services import outline_create

CONGRESS = datetime.date(2017, 6, 15)


class UserFactory(factory.django.DjangoModelFactory):
    """A user with a profile; `UserFactory(profile__full_name="Lê Thị Hoa")` names them."""

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("password")
    profile = factory.RelatedFactory("tests.factories.ProfileFactory", factory_related_name="user")


class ProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Profile

    full_name = ""


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Công đoàn Sở Số {n}")
    parent_name = "Công đoàn Viên chức tỉnh Hà Tĩnh"
    place_name = "Hà Tĩnh"


class AffiliationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Affiliation

    user = factory.SubFactory(UserFactory)
    organization = factory.SubFactory(OrganizationFactory)
    role = Affiliation.Role.SECRETARY


class TermFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Term

    organization = factory.SubFactory(OrganizationFactory)
    start_year = 2017
    end_year = 2022
    congress_date = CONGRESS
    committee_size = 3


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    organization = factory.SubFactory(OrganizationFactory)
    full_name = factory.Sequence(lambda n: f"Nguyễn Văn Mẫu {n}")
    union_trained = True


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    term = factory.SubFactory(TermFactory)
    person = factory.SubFactory(PersonFactory, organization=factory.SelfAttribute("..term.organization"))
    role = Membership.Role.MEMBER
    joined_on = CONGRESS


class ReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Report
        skip_postgeneration_save = True

    term = factory.SubFactory(TermFactory)
    number = 1
    date = datetime.date(2022, 6, 1)
    opening = "Ban Chấp hành báo cáo như sau:"
    closing = "Xin chân thành cảm ơn."

    @factory.post_generation
    def outline(report, create, extracted, **kwargs):
        """The outline of the report's kind, as `report_create` makes it (`outline=False`: none)."""
        if create and extracted is not False:
            outline_create(report=report, outline=REPORT_KINDS[report.kind].outline(report.term))


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportSection

    report = factory.SubFactory(ReportFactory)
    kind = "list"
    title = factory.Sequence(lambda n: f"PHẦN {n}")
    position = factory.Sequence(lambda n: n)


class AreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AchievementArea

    section = factory.SubFactory(SectionFactory, kind="areas")
    title = factory.Sequence(lambda n: f"Lĩnh vực {n}")


class AchievementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AchievementItem

    area = factory.SubFactory(AreaFactory)
    text = factory.Sequence(lambda n: f"Kết quả số {n}.")


class ReportItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportItem

    section = factory.SubFactory(SectionFactory, kind="list")
    text = factory.Sequence(lambda n: f"Hạn chế số {n}.")


def sitting_accounts(report, count: int | None = None, *, role: str = "member") -> list:
    """New accounts for the first `count` (default: all) committee members sitting on the report's
    date who have none, each linked to its member: the accounts whose approvals count."""
    linked = set(
        Affiliation.objects.filter(organization=report.term.organization, person__isnull=False).values_list(
            "person_id", flat=True
        )
    )
    seats = [
        m
        for m in report.term.memberships.select_related("person").order_by("position", "joined_on", "id")
        if m.sits_on(report.date) and m.person_id not in linked
    ]
    return [
        AffiliationFactory(
            organization=report.term.organization,
            role=role,
            person=m.person,
            user__profile__full_name=m.person.full_name,
        ).user
        for m in seats[:count]
    ]
