"""The delegates' PDF as a file nginx serves without Python: written at publishing, replaced by
a new version, deleted at once when the link is revoked; Django answers where there is none."""

import hashlib
import os
import stat
import uuid

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from tests.pages import committee_approves
from unionreports.publishing import delivery, review
from unionreports.publishing.models import Publication, PublicLink
from unionreports.publishing.services import link_renew, links_revoke, report_publish

pytestmark = pytest.mark.django_db


def link_file(root, link: PublicLink):
    return root / "links" / f"{link.token}.pdf"


@pytest.fixture
def publish(demo_report, secretary, django_capture_on_commit_callbacks):
    """Publishes the report as it reads now (sent to the committee and approved first)."""

    def publish_now() -> Publication:
        review.round_start(report=demo_report, by=secretary)
        committee_approves(demo_report)
        with django_capture_on_commit_callbacks(execute=True):
            return report_publish(report=demo_report, by=secretary)

    return publish_now


def test_publishing_writes_the_pdf_under_the_links_token(demo_report, publish, published_files):
    publication = publish()
    path = link_file(published_files, demo_report.public_links.get())
    assert path.read_bytes() == bytes(publication.pdf)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == publication.sha256
    # nginx runs as another user than the application: it must be able to read the file.
    assert stat.S_IMODE(os.stat(path).st_mode) & 0o044 == 0o044


def test_a_new_version_replaces_the_file(demo_report, publish, published_files):
    first = publish()
    demo_report.closing += "\nMột đoạn viết thêm."
    demo_report.save()
    second = publish()
    assert second.sha256 != first.sha256
    path = link_file(published_files, demo_report.public_links.get())
    assert path.read_bytes() == bytes(second.pdf)
    assert [p.name for p in path.parent.iterdir()] == [path.name]


def test_revoking_deletes_the_file_at_once_and_the_new_link_gets_one(
    client, demo_report, secretary, publish, published_files, django_capture_on_commit_callbacks
):
    publication = publish()
    old = demo_report.public_links.get()
    assert link_file(published_files, old).exists()
    client.force_login(secretary)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("publishing:renew_link", args=[demo_report.pk]))
    assert not link_file(published_files, old).exists()
    new = demo_report.public_links.get(revoked_at__isnull=True)
    assert link_file(published_files, new).read_bytes() == bytes(publication.pdf)
    assert client.get(reverse("publishing:public_pdf", args=[old.token])).status_code == 404


def test_the_admins_revocation_deletes_the_file_too(demo_report, publish, published_files):
    publish()
    link = demo_report.public_links.get()
    assert links_revoke(PublicLink.objects.filter(pk=link.pk)) == 1
    assert not link_file(published_files, link).exists()


def test_without_the_file_django_serves_the_same_bytes(client, demo_report, publish, published_files):
    publication = publish()
    link = demo_report.public_links.get()
    link_file(published_files, link).unlink()
    response = client.get(reverse("publishing:public_pdf", args=[link.token]))
    assert response.status_code == 200
    assert response.content == bytes(publication.pdf)
    assert response["Cache-Control"] == "public, max-age=60"


def test_sync_writes_missing_files_and_deletes_those_of_no_active_link(demo_report, publish, published_files):
    publication = publish()
    link = demo_report.public_links.get()
    link_file(published_files, link).unlink()
    stray = published_files / "links" / "revoked-long-ago.pdf"
    stray.write_bytes(b"%PDF old")
    call_command("sync_published_files", stdout=open(os.devnull, "w"))
    assert link_file(published_files, link).read_bytes() == bytes(publication.pdf)
    assert not stray.exists()


REDIS_URL = "redis://127.0.0.1:6379/4"


def redis_cache(prefix: str) -> dict:
    return {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": prefix,
    }


def test_a_revocation_is_seen_at_once_by_every_process_sharing_the_cache(client, demo_report, publish):
    pytest.importorskip("redis")
    import redis

    try:
        redis.Redis.from_url(REDIS_URL).ping()
    except redis.ConnectionError:
        pytest.skip("no Redis on 127.0.0.1:6379")
    prefix = uuid.uuid4().hex
    with override_settings(CACHES={"default": redis_cache(prefix)}):
        publish()
        link = demo_report.public_links.get()
        assert client.get(reverse("publishing:public_pdf", args=[link.token])).status_code == 200
        # Another process: its own connection to the same Redis sees what this one remembered…
        other = caches.create_connection("default")
        key = delivery._memory_key(link.token)
        assert other.get(key) is not None
        link_renew(report=demo_report)
        # …and that it is forgotten, as soon as the link is revoked.
        assert other.get(key) is None
        assert client.get(reverse("publishing:public_pdf", args=[link.token])).status_code == 404
        other.clear()
