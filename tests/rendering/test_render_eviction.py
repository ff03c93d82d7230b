"""Stored renders (PDF, Word) are kept for the texts someone can still ask for, and no others."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.pages import committee_approves
from unionreports.publishing import review
from unionreports.publishing.services import report_publish
from unionreports.rendering.models import RenderedDocument
from unionreports.rendering.pdf import cache_key
from unionreports.reports.compose import compose_report

pytestmark = pytest.mark.django_db


def downloads(client, report) -> None:
    """The secretary's downloads of the report as it reads now: PDF, Word, review copy, record."""
    for url in (
        reverse("reports:pdf", args=[report.pk]),
        reverse("reports:docx", args=[report.pk]),
        reverse("publishing:review_pdf", args=[report.pk]),
        reverse("publishing:record_pdf", args=[report.pk]),
    ):
        assert client.get(url).status_code == 200, url


def stored() -> dict[str, int]:
    renders: dict[str, int] = {}
    for subject in RenderedDocument.objects.values_list("subject", flat=True):
        renders[subject] = renders.get(subject, 0) + 1
    return renders


def test_a_new_text_evicts_the_files_of_the_old_one(client, demo_report, secretary):
    client.force_login(secretary)
    downloads(client, demo_report)
    report_files = RenderedDocument.objects.filter(subject=demo_report.render_subject)
    before = set(report_files.values_list("key", flat=True))
    assert stored() == {demo_report.render_subject: 3, demo_report.record_subject: 1}
    demo_report.closing += "\nĐoạn kết mới."
    demo_report.save()
    downloads(client, demo_report)
    assert stored() == {demo_report.render_subject: 3, demo_report.record_subject: 1}
    assert before.isdisjoint(report_files.values_list("key", flat=True))


def test_publishing_keeps_only_the_final_pdf_of_the_published_text(client, demo_report, secretary):
    client.force_login(secretary)
    review.round_start(report=demo_report, by=secretary)
    committee_approves(demo_report)
    downloads(client, demo_report)
    report_publish(report=demo_report, by=secretary)
    document = compose_report(demo_report)
    assert list(RenderedDocument.objects.values_list("key", flat=True)) == [cache_key(document, draft=False)]


def test_prune_renders_deletes_what_no_current_text_needs(client, demo_report, secretary):
    client.force_login(secretary)
    downloads(client, demo_report)
    current = set(RenderedDocument.objects.values_list("key", flat=True))
    stale = dict(content=b"x", size=1, sha256="0" * 64, render_seconds=0.1)
    # An old text of the report (left by two servers racing), a render from before renders were
    # filed under a report, and one of a report deleted since.
    RenderedDocument.objects.create(key="a" * 64, subject=demo_report.render_subject, text="f" * 64, **stale)
    RenderedDocument.objects.create(key="b" * 64, **stale)
    RenderedDocument.objects.create(key="c" * 64, subject="report-999999", text="f" * 64, **stale)
    out = io.StringIO()
    call_command("prune_renders", stdout=out)
    assert set(RenderedDocument.objects.values_list("key", flat=True)) == current
    assert out.getvalue().strip() == "3 stored renders deleted"
    # What it kept is what the report's pages ask for: served again without a new render.
    assert client.get(reverse("reports:pdf", args=[demo_report.pk]))["ETag"].strip('"') in current
