"""Response headers: a policy without inline scripts, private pages kept out of caches, and a
public PDF that caches may keep but must check again, so a revoked link stops in seconds."""

import re
from pathlib import Path

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from tests.test_publishing import approve
from unionreports.publishing import delivery
from unionreports.publishing.services import report_publish

pytestmark = pytest.mark.django_db

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
INLINE_HANDLER = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)


def test_the_policy_allows_scripts_from_the_site_only(client):
    policy = client.get(reverse("login"))["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";") if d.strip())
    assert directives["script-src"] == "'self'"
    assert directives["default-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"


@pytest.mark.parametrize("template", sorted(TEMPLATES.rglob("*.html")), ids=lambda p: p.name)
def test_no_template_has_an_inline_script_or_handler(template):
    text = template.read_text()
    assert not INLINE_HANDLER.search(text)
    assert not INLINE_SCRIPT.search(text)
    assert "javascript:" not in text


@pytest.mark.parametrize("name", ["reports:list", "reports:detail", "reports:edit", "reports:history"])
def test_pages_of_a_logged_in_user_are_not_stored(client, demo_report, secretary, name):
    client.force_login(secretary)
    kwargs = {"reports:list": {}, "reports:edit": {"pk": demo_report.pk, "part": "header"}}
    response = client.get(reverse(name, kwargs=kwargs.get(name, {"pk": demo_report.pk})))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize("name", ["reports:pdf", "reports:docx", "reports:text"])
def test_downloads_of_a_draft_are_not_stored(client, demo_report, secretary, name):
    client.force_login(secretary)
    response = client.get(reverse(name, args=[demo_report.pk]))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_the_login_page_is_not_stored(client):
    # Django's login view sets its own never-cache header, which says as much.
    assert {"private", "no-store"} <= set(client.get(reverse("login"))["Cache-Control"].split(", "))


@pytest.fixture
def public_pdf(client, demo_report, secretary):
    cache.clear()
    approve(demo_report, secretary)
    report_publish(report=demo_report, by=secretary)
    yield reverse("publishing:public_pdf", args=[demo_report.public_links.get().token])
    cache.clear()


def test_the_public_pdf_may_be_kept_by_shared_caches_for_a_minute_and_revalidated(client, public_pdf):
    response = client.get(public_pdf)
    assert response["Cache-Control"] == f"public, max-age={delivery.PUBLIC_MAX_AGE}"
    assert delivery.PUBLIC_MAX_AGE <= 60
    again = client.get(public_pdf, headers={"if-none-match": response["ETag"]})
    assert again.status_code == 304


def test_a_link_revoked_in_another_process_stops_when_its_memory_expires(client, demo_report, public_pdf):
    etag = client.get(public_pdf)["ETag"]
    # Revoked behind this process's back (no service called): the cache keeps the answer at
    # most LINK_MEMORY seconds; dropping it, as expiry does, makes the link answer 404.
    demo_report.public_links.update(revoked_at=timezone.now())
    assert client.get(public_pdf).status_code == 200
    cache.clear()
    assert client.get(public_pdf, headers={"if-none-match": etag}).status_code == 404
    assert client.get(public_pdf).status_code == 404
