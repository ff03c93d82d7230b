import pytest
from django.contrib.auth import get_user_model

from tests.factories import AffiliationFactory, UserFactory
from unionreports.accounts.models import Affiliation
from unionreports.reports.demo import load_demo


@pytest.fixture
def demo_report(db):
    """The seed report, as `manage.py loaddemo` builds it."""
    return load_demo()


@pytest.fixture
def secretary(demo_report):
    return get_user_model().objects.get(username="thuky")


@pytest.fixture
def member(demo_report):
    return AffiliationFactory(organization=demo_report.term.organization, role=Affiliation.Role.MEMBER).user


@pytest.fixture
def outsider(db):
    """A secretary of another union."""
    return AffiliationFactory().user


@pytest.fixture
def stranger(db):
    """An account with no union at all."""
    return UserFactory()
