"""The secretary downloads the union's archive from its page."""

import io

import pytest
from django.urls import reverse

from unionreports.backup.archive import read_archive
from unionreports.backup.services import union_import

from .conftest import delete_union

pytestmark = pytest.mark.django_db


def test_the_union_page_offers_the_secretary_a_backup(client, secretary, demo_report):
    client.force_login(secretary)
    organization = demo_report.term.organization
    response = client.get(organization.get_absolute_url())
    assert reverse("backup:export", args=[organization.pk]) in response.text


def test_a_committee_member_is_not_offered_a_backup(client, member, demo_report):
    client.force_login(member)
    organization = demo_report.term.organization
    response = client.get(organization.get_absolute_url())
    assert reverse("backup:export", args=[organization.pk]) not in response.text


def test_the_secretary_downloads_an_archive_that_restores(client, secretary, union):
    client.force_login(secretary)
    response = client.get(reverse("backup:export", args=[union.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith(f'attachment; filename="union-{union.pk}-backup-')
    assert response["Cache-Control"] == "private, no-store"
    archive = read_archive(io.BytesIO(response.content))
    assert archive.manifest["organization"] == {"id": union.pk, "name": union.name}
    assert archive.manifest["counts"]["reports.report"] == union.terms.get().reports.count()
    delete_union(union)
    assert union_import(source=io.BytesIO(response.content)).name == union.name
