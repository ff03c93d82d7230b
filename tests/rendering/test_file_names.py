"""Download names come from the union's name: whatever it holds, every download still works."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from tests.test_publishing import approve
from unionreports.committee.models import Organization
from unionreports.lib.filenames import safe_file_name
from unionreports.publishing.models import Publication
from unionreports.publishing.services import report_publish

pytestmark = pytest.mark.django_db

DOWNLOADS = ["reports:pdf", "reports:docx", "reports:text"]


def rename(report, name: str) -> None:
    # As a name saved before the model checked it, or typed in the admin of an older version.
    Organization.objects.filter(pk=report.term.organization_id).update(name=name)


@pytest.mark.parametrize("download", DOWNLOADS)
def test_a_union_name_with_line_breaks_and_controls_still_downloads(client, demo_report, secretary, download):
    rename(demo_report, "Công đoàn\r\nSở\x07 Y tế\x1b\t")
    client.force_login(secretary)
    response = client.get(reverse(download, args=[demo_report.pk]))
    assert response.status_code == 200
    disposition = response["Content-Disposition"]
    assert "\r" not in disposition and "\n" not in disposition and "%07" not in disposition
    assert "C%C3%B4ng%20%C4%91o%C3%A0n%20S%E1%BB%9F%20Y%20t%E1%BA%BF" in disposition


def test_an_en_dash_and_curly_quotes_keep_the_header_in_rfc_6266_form(client, demo_report, secretary):
    rename(demo_report, "Công đoàn “Sở” – Y tế")
    client.force_login(secretary)
    disposition = client.get(reverse("reports:pdf", args=[demo_report.pk]))["Content-Disposition"]
    assert disposition.startswith("attachment; filename*=utf-8''")
    assert "=?utf-8?" not in disposition
    assert "%E2%80%93" in disposition and "%E2%80%9C" in disposition


def test_a_long_name_gives_a_bounded_name_with_its_extension():
    name = safe_file_name("Báo cáo " + "Công đoàn " * 100 + ".docx")
    assert len(name) <= 150 and name.endswith(".docx")
    assert safe_file_name("a/b\\c\u2028d.pdf") == "a-b-c d.pdf"


def test_the_published_pdf_keeps_its_name_when_the_union_is_renamed(client, demo_report, secretary):
    approve(demo_report, secretary)
    report_publish(report=demo_report, by=secretary)
    url = reverse("publishing:public_pdf", args=[demo_report.public_links.get().token])
    before = client.get(url)["Content-Disposition"]
    assert "%28b%E1%BA%A3n%201%29.pdf" in before
    rename(demo_report, "Tên\r\nmới")
    cache.clear()
    after = client.get(url)
    assert after.status_code == 200
    assert after["Content-Disposition"] == before
    assert Publication.objects.get().file_name.startswith("Báo cáo Công đoàn Ban Tổ chức Tỉnh ủy")


@pytest.mark.django_db(transaction=True)
def test_versions_published_before_the_names_were_frozen_get_one():
    from tests.reports.test_migration import migrate

    old = migrate([("publishing", "0003_approval_by_digest"), ("reports", "0010_outline_templates")])
    Organization = old.get_model("committee", "Organization")
    Term = old.get_model("committee", "Term")
    Report = old.get_model("reports", "Report")
    Publication = old.get_model("publishing", "Publication")
    union = Organization.objects.create(name="Công đoàn\nSở Y tế", parent_name="Công đoàn Viên chức tỉnh")
    term = Term.objects.create(
        organization=union, start_year=2017, end_year=2022, congress_date="2017-06-01", committee_size=7
    )
    report = Report.objects.create(term=term, number=3, date="2023-03-05")
    Publication.objects.create(report=report, version=2, html="", pdf=b"%PDF-", sha256="0" * 64)
    new = migrate()
    assert new.get_model("publishing", "Publication").objects.get().file_name == (
        "Báo cáo Công đoàn Sở Y tế (bản 2).pdf"
    )
