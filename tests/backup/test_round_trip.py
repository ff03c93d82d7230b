"""A union exported, deleted and imported comes back whole: the same text, state and published bytes."""

import hashlib
import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from unionreports.backup.archive import DATA, FORMAT_VERSION, MANIFEST, read_archive
from unionreports.backup.services import ANCHOR, union_import
from unionreports.committee.models import Organization
from unionreports.publishing.models import Comment, Publication, ReviewRound, TextVersion
from unionreports.publishing.state import report_state
from unionreports.reports.compose import compose_report
from unionreports.reports.models import AchievementArea, AchievementItem, Report, ReportItem, ReportSection

from .conftest import delete_union, export, members, repack

pytestmark = pytest.mark.django_db


def documents(organization) -> dict:
    """(kind, number, date) → (digest of the composed document, state) of each of the union's reports."""
    reports = Report.objects.with_document_data().filter(term__organization=organization)
    out = {}
    for report in reports:
        document = compose_report(report)
        out[(report.kind, report.number, report.date)] = (
            document.digest(),
            report_state(report, document).status,
        )
    return out


def published(organization) -> dict:
    """Public token → SHA-256 recorded for the newest version behind it."""
    out = {}
    for report in Report.objects.with_publication().filter(term__organization=organization):
        if report.public_token:
            out[report.public_token] = report.publications.order_by("-version").first().sha256
    return out


@pytest.fixture
def restored(union, tmp_path):
    """(the union before, as data; the union restored after deleting the original)."""
    before = {
        "counts": read_archive(io.BytesIO(export(union))).manifest["counts"],
        "documents": documents(union),
        "published": published(union),
        "name": union.name,
    }
    path = tmp_path / "union.zip"
    call_command("export_union", union.pk, output=str(path), stdout=io.StringIO())
    delete_union(union)
    call_command("import_union", str(path), stdout=io.StringIO())
    return before, Organization.objects.get(name=before["name"])


def test_every_table_has_as_many_rows_as_before(restored):
    before, organization = restored
    after = read_archive(io.BytesIO(export(organization))).manifest["counts"]
    assert after == before["counts"]
    assert before["counts"]["publishing.comment"] == 5
    assert before["counts"]["reports.dismissedfinding"] == 1
    assert before["counts"]["reports.historicalreportitem"] > before["counts"]["reports.reportitem"]


def test_each_report_composes_the_same_document_in_the_same_state(restored):
    before, organization = restored
    assert documents(organization) == before["documents"]
    assert "published" in {state for _digest, state in before["documents"].values()}


def test_the_public_links_serve_the_same_pdf(client, restored):
    before, organization = restored
    assert published(organization) == before["published"]
    for token, checksum in before["published"].items():
        assert client.get(f"/p/{token}/").status_code == 200
        response = client.get(f"/p/{token}/pdf")
        assert response.status_code == 200
        assert hashlib.sha256(b"".join(response)).hexdigest() == checksum
        publication = Publication.objects.get(report__public_links__token=token)
        assert hashlib.sha256(bytes(publication.pdf)).hexdigest() == publication.sha256 == checksum


def test_comments_point_at_the_restored_rows(restored):
    _before, organization = restored
    comments = Comment.objects.filter(report__term__organization=organization)
    sections = ReportSection.objects.filter(report__term__organization=organization)
    owners = {
        "section": {s.pk for s in sections},
        "area": set(AchievementArea.objects.filter(section__in=sections).values_list("pk", flat=True)),
    }
    anchored = 0
    for comment in comments:
        match = ANCHOR.fullmatch(comment.anchor)
        assert int(match[2]) in owners[match[1]]
        if match[4]:
            assert match[4] in ("/note-1", "/p-3f2a9c01d4")
            continue
        if match[3] and match[1] == "area":
            assert AchievementItem.objects.get(pk=match[3], area_id=match[2]).text == comment.quote
            anchored += 1
        if match[3] and match[1] == "section":
            # The item was deleted before the backup: its history, under the new id, still has its text.
            assert not ReportItem.objects.filter(pk=match[3]).exists()
            assert ReportItem.history.filter(id=match[3], section_id=match[2]).first().text == comment.quote
            anchored += 1
    assert anchored == 2


def test_review_snapshots_are_keyed_by_the_restored_anchors(restored):
    _before, organization = restored
    anchors = {s.anchor for s in ReportSection.objects.filter(report__term__organization=organization)}
    anchors |= {
        a.anchor for a in AchievementArea.objects.filter(section__report__term__organization=organization)
    }
    snapshots = [r.snapshot for r in ReviewRound.objects.filter(report__term__organization=organization)]
    snapshots += [v.sections for v in TextVersion.objects.filter(report__term__organization=organization)]
    keys = {key for snapshot in snapshots for key in snapshot if ANCHOR.fullmatch(key)}
    assert keys and keys <= anchors


def test_users_come_back_without_passwords_under_a_name_that_says_so(restored):
    _before, organization = restored
    for affiliation in organization.affiliations.select_related("user"):
        user = affiliation.user
        # The demo accounts have no e-mail: nothing proves they are the same people.
        assert user.username.startswith("restored-")
        assert not user.has_usable_password()


def test_a_user_with_the_same_username_and_email_is_reused(union, tmp_path):
    secretary = get_user_model().objects.get(username="thuky")
    secretary.email = "thuky@example.org"
    secretary.save()
    archive = export(union)
    delete_union(union)
    organization = union_import(source=io.BytesIO(archive))
    assert organization.affiliations.get(role="secretary").user == secretary


def test_the_archive_records_its_format_and_every_file_checksum(union):
    archive = export(union)
    files = members(archive)
    manifest = json.loads(files[MANIFEST])
    assert manifest["format_version"] == FORMAT_VERSION
    assert manifest["app_version"] and manifest["created_at"]
    assert set(manifest["files"]) == set(files) - {MANIFEST}
    assert any(name.endswith(".pdf") for name in files)
    assert b"password" not in files[DATA]


def test_users_come_back_with_their_full_name_and_their_e_mail_choice(union):
    member = get_user_model().objects.get(username="uyvien")
    member.profile.email_notices = False
    member.profile.save()
    archive = export(union)
    delete_union(union)
    organization = union_import(source=io.BytesIO(archive))
    names = {
        a.user.profile.full_name: a.user.profile.email_notices
        for a in organization.affiliations.select_related("user__profile")
    }
    # The secretary, and the demo committee's accounts (uyvien is the member Trần Thị B).
    assert names.pop("Nguyễn Thị Thu Hà") is True
    assert names.pop("Trần Thị B") is False
    assert len(names) == 6 and all(names.values())


def test_an_archive_from_before_the_full_name_names_people_family_name_first(union):
    files = members(export(union))
    data = json.loads(files[DATA])
    for row in data["auth.user"]:
        del row["full_name"], row["email_notices"]
        row["first_name"], row["last_name"] = "Hoa", "Lê Thị"
    files[DATA] = json.dumps(data).encode()
    delete_union(union)
    organization = union_import(source=io.BytesIO(repack(files)))
    assert {a.user.profile.full_name for a in organization.affiliations.select_related("user__profile")} == {
        "Lê Thị Hoa"
    }


def test_a_restored_union_s_pdf_is_where_nginx_serves_it(
    union, tmp_path, published_files, django_capture_on_commit_callbacks
):
    """Restoring writes each active link's file, as publishing does: delegates' downloads are
    served without Python from the first request after the restore."""
    path = tmp_path / "union.zip"
    call_command("export_union", union.pk, output=str(path), stdout=io.StringIO())
    tokens = published(union)
    delete_union(union)
    for token in tokens:
        (published_files / "links" / f"{token}.pdf").unlink(missing_ok=True)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_union", str(path), stdout=io.StringIO())
    assert tokens
    for token, checksum in tokens.items():
        assert (
            hashlib.sha256((published_files / "links" / f"{token}.pdf").read_bytes()).hexdigest() == checksum
        )
