import pytest
from django.contrib.auth import get_user_model

from tests.factories import AffiliationFactory
from unionreports.accounts.models import Affiliation


class FailingBackend:
    """An e-mail backend whose server is down."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("The mail server refuses the connection.")


def person(organization, role: str, name: str, email: str = ""):
    user = AffiliationFactory(
        organization=organization,
        role=role,
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
