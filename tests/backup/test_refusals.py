"""A damaged, changed or oversized archive is refused with a reason, and nothing is saved."""

import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.utils import translation

from unionreports.backup import archive as archive_module
from unionreports.backup.archive import DATA, MANIFEST
from unionreports.committee.models import Organization
from unionreports.publishing.models import Comment, PublicLink
from unionreports.reports.models import Report

from .conftest import delete_union, export, members, repack

pytestmark = pytest.mark.django_db


def first_pdf(files: dict[str, bytes]) -> str:
    return next(name for name in files if name.endswith(".pdf"))


def change_data(files: dict[str, bytes], change) -> dict[str, bytes]:
    data = json.loads(files[DATA])
    change(data)
    return {**files, DATA: json.dumps(data).encode()}


def set_format_version(files):
    manifest = json.loads(files[MANIFEST])
    manifest["format_version"] = 99
    return {**files, MANIFEST: json.dumps(manifest).encode()}


def person_not_in_archive(data):
    data["committee.membership"][0]["person_id"] = 999_999


def empty_last_comment(data):
    data["publishing.comment"][-1]["text"] = ""


# name: (how the archive is spoilt, whether the manifest's checksums are then made to match, message)
SPOILT = {
    "not_a_zip": (None, False, "not a readable zip archive"),
    "data_changed": (
        lambda f: {**f, DATA: f[DATA].replace("Góp ý".encode(), b"Gop y")},
        False,
        "does not match its checksum",
    ),
    "unknown_version": (set_format_version, False, "format version 99"),
    "pdf_missing": (
        lambda f: {k: v for k, v in f.items() if not k.endswith(".pdf")},
        False,
        "lacks the file",
    ),
    "file_not_listed": (lambda f: {**f, "extra.txt": b"x"}, False, "does not list"),
    "pdf_changed": (
        lambda f: {**f, first_pdf(f): f[first_pdf(f)] + b"%"},
        True,
        "does not match its SHA-256",
    ),
    "reference_to_nothing": (lambda f: change_data(f, person_not_in_archive), True, "could not be restored"),
    "row_breaks_a_rule": (lambda f: change_data(f, empty_last_comment), True, "could not be restored"),
}


@pytest.fixture
def deleted(union):
    """The union's archive, the union deleted; what the database holds then."""
    archive = export(union)
    delete_union(union)
    return archive, counts()


def counts() -> dict:
    return {
        model.__name__: model.objects.count()
        for model in (Organization, Organization.history.model, get_user_model(), Report, Comment, PublicLink)
    }


def refused(archive: bytes, tmp_path) -> str:
    path = tmp_path / "union.zip"
    path.write_bytes(archive)
    with pytest.raises(CommandError) as error, translation.override("en"):
        call_command("import_union", str(path), stdout=io.StringIO())
    return str(error.value)


@pytest.mark.parametrize("name", sorted(SPOILT))
def test_a_spoilt_archive_is_refused_and_nothing_is_saved(deleted, tmp_path, name):
    archive, before = deleted
    spoil, fix_manifest, message = SPOILT[name]
    spoilt = (
        b"PK\x03\x04 not really"
        if spoil is None
        else repack(spoil(members(archive)), fix_manifest=fix_manifest)
    )
    assert message in refused(spoilt, tmp_path)
    assert counts() == before


def test_the_unspoilt_archive_is_restored(deleted, tmp_path):
    archive, before = deleted
    path = tmp_path / "union.zip"
    path.write_bytes(repack(members(archive)))
    call_command("import_union", str(path), stdout=io.StringIO())
    assert Organization.objects.count() == before["Organization"] + 1


def test_a_union_whose_public_links_are_in_use_here_is_refused(union, tmp_path):
    before = counts()
    assert "already in use" in refused(export(union), tmp_path)
    assert counts() == before


def test_an_archive_over_the_size_limit_is_refused(deleted, tmp_path, monkeypatch):
    archive, before = deleted
    monkeypatch.setattr(archive_module, "MAX_ARCHIVE_BYTES", len(archive) - 1)
    assert "larger than" in refused(archive, tmp_path)
    assert counts() == before


def test_a_zip_bomb_is_refused_before_it_is_unpacked(deleted, tmp_path, monkeypatch):
    archive, before = deleted
    monkeypatch.setattr(archive_module, "MAX_UNPACKED_BYTES", 4 * 2**20)
    # 5 MB of zeros pack into a few kilobytes.
    bomb = repack({**members(archive), "zeros.bin": bytes(5 * 2**20)})
    assert len(bomb) < len(archive) + 50_000
    assert "Unpacked, the archive would be larger" in refused(bomb, tmp_path)
    assert counts() == before


def test_a_file_is_read_no_further_than_its_declared_size(deleted, tmp_path):
    """A bomb may declare a small size: unpacking stops there, and what was read fails its CRC."""
    archive, before = deleted
    spoilt = bytearray(archive)
    # The central directory's entry of data.json: its name at offset 46, its unpacked size at 24.
    entry = spoilt.rfind(DATA.encode()) - 46
    assert spoilt[entry : entry + 4] == b"PK\x01\x02"
    declared = int.from_bytes(spoilt[entry + 24 : entry + 28], "little")
    spoilt[entry + 24 : entry + 28] = (declared // 2).to_bytes(4, "little")
    assert "Bad CRC-32 for file 'data.json'" in refused(bytes(spoilt), tmp_path)
    assert counts() == before
