"""Publishing freezes a report; delegates read it by an unguessable link, without an account."""

import hashlib

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.factories import AffiliationFactory
from tests.pages import committee_approves
from unionreports.publishing import delivery, review
from unionreports.publishing.models import Publication
from unionreports.rendering import pdf as pdf_module

pytestmark = pytest.mark.django_db


def forget_in_this_process() -> None:
    """Empties what this process remembers of links and published bytes, as a new worker
    starts: what is served then comes from the database. Ids and checksums repeat from one
    test to the next, so without this a test could be served another test's bytes."""
    delivery.pdf_bytes.cache_clear()
    cache.clear()


@pytest.fixture(autouse=True)
def fresh_process():
    forget_in_this_process()
    yield
    forget_in_this_process()


def stored_pdf() -> bytes:
    return bytes(Publication.objects.values_list("pdf", flat=True).get())


def approve(report, secretary) -> None:
    """Sends the report to its committee (accounts made for its members) and has it approved."""
    review.round_start(report=report, by=secretary)
    committee_approves(report)


@pytest.fixture
def published(client, demo_report, secretary):
    approve(demo_report, secretary)
    client.force_login(secretary)
    client.post(reverse("publishing:publish", args=[demo_report.pk]))
    client.logout()
    return demo_report.public_links.get(revoked_at__isnull=True)


def test_an_anonymous_delegate_reads_and_downloads_the_published_report(client, published):
    page = client.get(published.get_absolute_url())
    assert page.status_code == 200
    assert "VỀ NHÂN SỰ BAN CHẤP HÀNH" in page.text
    publication = Publication.objects.get()
    assert publication.sha256 in page.text
    pdf = client.get(reverse("publishing:public_pdf", args=[published.token]))
    assert pdf.status_code == 200
    assert pdf.content == stored_pdf()
    assert hashlib.sha256(pdf.content).hexdigest() == publication.sha256
    assert pdf["ETag"] == f'"{publication.sha256}"'


def test_an_unchanged_download_is_answered_304(client, published):
    url = reverse("publishing:public_pdf", args=[published.token])
    etag = client.get(url)["ETag"]
    assert client.get(url, headers={"if-none-match": etag}).status_code == 304


def test_edits_after_publishing_leave_the_published_bytes_alone(
    client, demo_report, secretary, published, monkeypatch
):
    url = reverse("publishing:public_pdf", args=[published.token])
    before = client.get(url).content
    demo_report.closing += "\nMột đoạn viết thêm sau khi phát hành."
    demo_report.save()
    calls = []
    monkeypatch.setattr(pdf_module, "write_pdf", lambda html: calls.append(1) or b"")
    forget_in_this_process()
    assert client.get(url).content == before == stored_pdf()
    assert calls == []


def test_publishing_again_makes_a_new_version_beside_the_old(client, demo_report, secretary, published):
    demo_report.closing += "\nĐoạn mới."
    demo_report.save()
    review.round_start(report=demo_report, by=secretary)
    committee_approves(demo_report)
    client.force_login(secretary)
    client.post(reverse("publishing:publish", args=[demo_report.pk]))
    versions = list(demo_report.publications.values_list("version", "sha256"))
    assert [v for v, _ in versions] == [2, 1]
    assert versions[0][1] != versions[1][1]
    client.logout()
    assert "Đoạn mới." in client.get(published.get_absolute_url()).text


def test_a_revoked_link_stops_working_and_a_new_one_is_issued(client, demo_report, secretary, published):
    client.force_login(secretary)
    client.post(reverse("publishing:renew_link", args=[demo_report.pk]))
    client.logout()
    assert client.get(published.get_absolute_url()).status_code == 404
    new = demo_report.public_links.get(revoked_at__isnull=True)
    assert client.get(new.get_absolute_url()).status_code == 200


def test_a_made_up_token_is_not_found(client, published):
    assert client.get(reverse("publishing:public", args=["not-a-token"])).status_code == 404


def test_only_the_secretary_publishes(client, demo_report, member, outsider):
    for user, status in ((member, 403), (outsider, 404)):
        client.force_login(user)
        assert client.post(reverse("publishing:publish", args=[demo_report.pk])).status_code == status
        assert client.get(reverse("publishing:publications", args=[demo_report.pk])).status_code == status
    assert not Publication.objects.exists()


def test_a_delegate_cannot_reach_the_publishing_page(client, demo_report):
    delegate = AffiliationFactory(organization=demo_report.term.organization, role="delegate").user
    client.force_login(delegate)
    assert client.get(reverse("publishing:publications", args=[demo_report.pk])).status_code == 403


def test_the_pdf_download_is_answered_before_sessions_and_language(
    client, published, django_assert_max_num_queries
):
    url = reverse("publishing:public_pdf", args=[published.token])
    client.get(url)
    with django_assert_max_num_queries(0):
        response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Length"] == str(len(response.content))
    assert "Set-Cookie" not in response


def test_publishing_ends_the_review_round(client, demo_report, secretary, member, published):
    """Once published, the review page keeps the round's answers but asks no more of them: no
    "take back to draft", no answer buttons, and an answer sent anyway is refused."""
    client.force_login(secretary)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(reverse("publishing:review", args=[demo_report.pk])).text
    assert "Round 1" in page and "Published" in page
    assert "Take back to draft" not in page
    client.force_login(member)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert "I approve" not in client.get(reverse("publishing:review", args=[demo_report.pk])).text
    with pytest.raises(ValidationError, match="not in review"):
        review.verdict_give(report=demo_report, user=member, decision="approve", digest="x")
