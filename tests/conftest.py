import os
import shutil
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from hypothesis import HealthCheck, settings

from tests.factories import AffiliationFactory, UserFactory, sitting_accounts
from unionreports.accounts.models import Affiliation
from unionreports.reports.demo import load_demo

# Fuzz tests: a bounded number of examples in `make test`, many more in `make fuzz`. Database
# fixtures are shared by the examples of one test, so the function-scoped check is off.
settings.register_profile(
    "test", max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
settings.register_profile(
    "fuzz", max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "test"))


@pytest.fixture
def demo_report(db):
    """The seed report, as `manage.py loaddemo` builds it."""
    return load_demo()


@pytest.fixture
def secretary(demo_report):
    return get_user_model().objects.get(username="thuky")


@pytest.fixture
def member(demo_report):
    """A committee member sitting on the demo report's date, with an account linked to them."""
    return sitting_accounts(demo_report, 1, role=Affiliation.Role.MEMBER)[0]


@pytest.fixture
def outsider(db):
    """A secretary of another union."""
    return AffiliationFactory().user


@pytest.fixture
def stranger(db):
    """An account with no union at all."""
    return UserFactory()


CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(f"Chromium is required but missing at {CHROMIUM} (apt-get install chromium).")
        pytest.skip("Chromium is not installed (apt-get install chromium).")
    # Playwright's sync API runs an event loop in this thread; the ORM calls in the
    # tests stay synchronous and in the same thread.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
            yield browser
            browser.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="en-US", accept_downloads=True
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Real hashing costs a third of a second a user; tests don't need its strength."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the default language: a request in English leaves English active in the thread."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def published_files(settings, tmp_path):
    """Each test writes the files nginx would serve into a directory of its own, and starts with
    an empty cache (what links answer is remembered there, as it is across processes)."""
    from django.core.cache import cache

    settings.STORAGES = {
        **settings.STORAGES,
        "published": {
            **settings.STORAGES["published"],
            "OPTIONS": {**settings.STORAGES["published"]["OPTIONS"], "location": str(tmp_path / "published")},
        },
    }
    cache.clear()
    yield tmp_path / "published"
    cache.clear()
