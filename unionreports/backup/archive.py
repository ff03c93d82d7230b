"""The archive file: a zip of `data.json`, the published files and `manifest.json`.

The manifest names the format and its version, the app's version, when the archive was made,
how many rows of each table it holds, and the SHA-256 of every other file in it. Reading
checks all of that before anything is restored, within limits that answer a message rather
than filling memory: the archive's size, the number of files, and each file's size as declared
and as actually read.
"""

import datetime
import hashlib
import io
import json
import tomllib
import zipfile
from dataclasses import dataclass
from typing import BinaryIO

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.translation import gettext as _

FORMAT = "unionreports-union"
FORMAT_VERSION = 1
MANIFEST, DATA = "manifest.json", "data.json"

# A union's records and a few published versions weigh a few megabytes.
MAX_ARCHIVE_BYTES = 100 * 1024 * 1024
MAX_UNPACKED_BYTES = 300 * 1024 * 1024
MAX_FILES = 10_000


class DamagedArchive(Exception):
    """The archive cannot be restored; the message says why, in the interface's language."""


@dataclass(frozen=True)
class Archive:
    manifest: dict
    data: dict
    files: dict[str, bytes]


def app_version() -> str:
    try:
        with open(settings.BASE_DIR / "pyproject.toml", "rb") as pyproject:
            return tomllib.load(pyproject)["project"]["version"]
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return "unknown"


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def write_archive(
    out: BinaryIO, *, organization: dict, counts: dict[str, int], data: dict, files: dict
) -> None:
    """Writes the zip to `out`: `data` as data.json, `files` (name → bytes), and the manifest."""
    members = {DATA: json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1).encode(), **files}
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "app_version": app_version(),
        "created_at": datetime.datetime.now(datetime.UTC).isoformat(),
        "organization": organization,
        "counts": counts,
        "files": {name: sha256(content) for name, content in members.items()},
    }
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
        for name, content in members.items():
            archive.writestr(name, content)


def read_archive(source: BinaryIO) -> Archive:
    """The checked contents of an archive; raises DamagedArchive with the reason."""
    source.seek(0, io.SEEK_END)
    if source.tell() > MAX_ARCHIVE_BYTES:
        raise DamagedArchive(
            _("The archive is larger than the %(limit)s MB allowed.") % {"limit": MAX_ARCHIVE_BYTES // 2**20}
        )
    source.seek(0)
    try:
        with zipfile.ZipFile(source) as archive:
            contents = _read_members(archive)
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        EOFError,
        OSError,
        ValueError,
        NotImplementedError,
    ) as error:
        raise DamagedArchive(
            _("The file is not a readable zip archive (%(error)s).") % {"error": error}
        ) from error
    manifest = _load_json(contents.pop(MANIFEST, None), MANIFEST)
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise DamagedArchive(_("The file is not a union archive of this application."))
    if manifest.get("format_version") != FORMAT_VERSION:
        raise DamagedArchive(
            _("The archive's format version %(version)s is not one this application reads.")
            % {"version": manifest.get("format_version")}
        )
    listed = manifest.get("files")
    if not isinstance(listed, dict):
        raise DamagedArchive(_("The archive's manifest lists no files."))
    missing, unlisted = sorted(set(listed) - set(contents)), sorted(set(contents) - set(listed))
    if missing:
        raise DamagedArchive(_("The archive lacks the file %(name)s.") % {"name": missing[0]})
    if unlisted:
        raise DamagedArchive(
            _("The archive holds a file its manifest does not list: %(name)s.") % {"name": unlisted[0]}
        )
    for name, content in contents.items():
        if sha256(content) != listed[name]:
            raise DamagedArchive(
                _("The file %(name)s does not match its checksum: the archive is damaged or was changed.")
                % {"name": name}
            )
    data = _load_json(contents.pop(DATA, None), DATA)
    if not isinstance(data, dict):
        raise DamagedArchive(_("The archive lacks the file %(name)s.") % {"name": DATA})
    return Archive(manifest=manifest, data=data, files=contents)


def _read_members(archive: zipfile.ZipFile) -> dict[str, bytes]:
    infos = archive.infolist()
    if len(infos) > MAX_FILES:
        raise DamagedArchive(_("The archive holds more than %(limit)s files.") % {"limit": MAX_FILES})
    names = [info.filename for info in infos]
    if len(set(names)) != len(names):
        raise DamagedArchive(_("The archive holds two files of the same name."))
    # The sizes the archive declares, before anything is unpacked…
    if sum(info.file_size for info in infos) > MAX_UNPACKED_BYTES:
        raise DamagedArchive(
            _("Unpacked, the archive would be larger than the %(limit)s MB allowed.")
            % {"limit": MAX_UNPACKED_BYTES // 2**20}
        )
    contents = {}
    for info in infos:
        if info.is_dir():
            continue
        # …and what unpacking gives, read no further than one byte past the declared size.
        with archive.open(info) as member:
            content = member.read(info.file_size + 1)
        if len(content) != info.file_size:
            raise DamagedArchive(
                _("The file %(name)s is not the size the archive declares.") % {"name": info.filename}
            )
        contents[info.filename] = content
    return contents


def _load_json(content: bytes | None, name: str):
    if content is None:
        raise DamagedArchive(_("The archive lacks the file %(name)s.") % {"name": name})
    try:
        return json.loads(content)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise DamagedArchive(_("The file %(name)s is not valid JSON.") % {"name": name}) from error
