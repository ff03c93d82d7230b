"""The record of the review, downloaded in Chromium from the review and publishing pages."""

import io

import pytest
from pypdf import PdfReader

from tests.conftest import ARTIFACTS
from tests.factories import AffiliationFactory
from tests.pages import committee_approves, section
from tests.test_review_browser import as_user
from unionreports.publishing import review
from unionreports.publishing.models import PublishedRecord
from unionreports.publishing.services import report_publish
from unionreports.reports.demo import load_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_secretary_downloads_the_record_beside_each_published_version(browser, live_server):
    report = load_demo()
    organization = report.term.organization
    secretary = organization.affiliations.get(role="secretary").user
    secretary.set_password("password")
    secretary.save()
    member = AffiliationFactory(
        organization=organization,
        role="member",
        person=report.term.memberships.filter(left_on__isnull=True).first().person,
        user__profile__full_name="Đặng Thị Mai",
    ).user
    review.round_start(report=report, by=secretary)
    review.comment_add(
        report=report,
        author=member,
        anchor=section(report, "lessons").anchor,
        text="Thêm một bài học.",
        parent=None,
    )
    committee_approves(report)
    report_publish(report=report, by=secretary)

    page = as_user(browser, live_server, secretary)
    page.goto(f"{live_server.url}/reports/{report.pk}/review/")
    page.locator(".record-downloads").wait_for()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "record-review-page.png"))
    with page.expect_download() as current:
        page.locator(".record-downloads").get_by_role("link", name="Word").click()
    assert current.value.suggested_filename.startswith("Tổng hợp ý kiến góp ý")
    assert current.value.suggested_filename.endswith(".docx")

    page.goto(f"{live_server.url}/reports/{report.pk}/publications/")
    page.screenshot(path=str(ARTIFACTS / "record-publications-page.png"), full_page=True)
    with page.expect_download() as frozen:
        page.locator("td.record-downloads").get_by_role("link", name="PDF").click()
    data = open(frozen.value.path(), "rb").read()
    assert data == bytes(PublishedRecord.objects.get().pdf)
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    assert "Đặng Thị Mai" in text and "Thêm một bài học." in text
