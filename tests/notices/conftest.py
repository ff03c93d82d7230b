import pytest
from django.contrib.auth import get_user_model

from tests.factories import AffiliationFactory
from unionreports.accounts.models import Affiliation
from unionreports.publishing import review
from unionreports.reports.models import Report


class FailingBackend:
    """An e-mail backend whose server is down."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("The mail server refuses the connection.")


def person(organization, role: str, name: str, email: str = ""):
    # A committee member's account is one of the sitting members (the one not yet linked).
    seat = None
    if role == Affiliation.Role.MEMBER:
        report = Report.objects.with_document_data().filter(term__organization=organization).earliest("pk")
        seat = next(s for s in review.committee_seats(report) if s.user_id is None).person
    user = AffiliationFactory(
        organization=organization,
        role=role,
        person=seat,
        user__profile__full_name=name,
        user__email=email or f"{name.split()[-1].lower()}@example.vn",
    ).user
    return get_user_model().objects.select_related("profile").get(pk=user.pk)


@pytest.fixture
def union(demo_report, secretary):
    """The demo union: its secretary (with an address), two members, a delegate; and a second secretary."""
    secretary.email = "thuky@example.vn"
    secretary.save()
    organization = demo_report.term.organization
    return {
        "report": demo_report,
        "secretary": secretary,
        "deputy": person(organization, Affiliation.Role.SECRETARY, "Phan Văn Phó", "pho@example.vn"),
        "an": person(organization, Affiliation.Role.MEMBER, "Nguyễn Văn An", "an@example.vn"),
        "binh": person(organization, Affiliation.Role.MEMBER, "Trần Thị Bình", "binh@example.vn"),
        "delegate": person(organization, Affiliation.Role.DELEGATE, "Lê Đại Biểu", "daibieu@example.vn"),
    }
