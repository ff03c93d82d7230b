"""Writing a union's archive, and restoring one into this database under new ids."""

import re
from collections.abc import Callable
from typing import BinaryIO

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, models, transaction
from django.db.models import F
from django.utils.translation import gettext as _

from unionreports.accounts.models import Profile
from unionreports.accounts.models import new_token as new_invitation_token
from unionreports.committee.models import Organization
from unionreports.publishing.files import report_files_sync
from unionreports.publishing.models import PublicLink
from unionreports.reports.models import Report

from .archive import DamagedArchive, read_archive, sha256, write_archive
from .tables import FILES, TABLES, TABLES_BY_LABEL, Table

USERS = "auth.user"
# What a user row carries: who the person is, never a password.
USER_FIELDS = ("username", "email", "first_name", "last_name", "is_active")
# And from the user's profile: the name shown in the app, and whether notices are e-mailed.
PROFILE_FIELDS = ("full_name", "email_notices")
RESTORED_PREFIX = "restored-"


def union_export(*, organization: Organization, out: BinaryIO) -> dict[str, int]:
    """Writes the union's archive to `out`; returns the number of rows of each table.

    One query a table (the publications' bytes included), and one for the users.
    """
    ids: dict[str, set[int]] = {}
    data: dict[str, list] = {}
    files: dict[str, bytes] = {}
    user_ids: set[int] = set()
    for table in TABLES:
        rows = []
        for record in table.select(organization, ids).order_by(table.model._meta.pk.name):
            row = {}
            for field in table.model._meta.concrete_fields:
                value = field.value_from_object(record)
                suffix = FILES.get((table.label, field.name))
                if suffix:
                    name = f"{table.label}/{record.pk}.{suffix}"
                    files[name] = value.encode() if isinstance(value, str) else bytes(value)
                    value = name
                elif _is_user(field) and value is not None:
                    user_ids.add(value)
                row[field.attname] = value
            ids.setdefault(table.record_of, set()).add(record.id)
            rows.append(row)
        data[table.label] = rows
    users = (
        get_user_model()
        .objects.filter(pk__in=user_ids)
        .order_by("pk")
        .values("id", *USER_FIELDS, **{name: F(f"profile__{name}") for name in PROFILE_FIELDS})
    )
    data[USERS] = list(users)
    counts = {label: len(rows) for label, rows in data.items()}
    write_archive(
        out,
        organization={"id": organization.pk, "name": organization.name},
        counts=counts,
        data=data,
        files=files,
    )
    return counts


def union_import(*, source: BinaryIO) -> Organization:
    """Restores an archive as a new union, in one transaction; DamagedArchive says why not.

    Every row gets a new id; the references between rows, comments' anchors and the section
    keys of review snapshots follow. Users are matched as `restore_users` says.
    """
    archive = read_archive(source)
    data = archive.data
    _check_shape(data, archive.manifest)
    try:
        _check_publications(data, archive.files)
        tokens = [str(row["token"]) for row in data[PublicLink._meta.label_lower]]
        if PublicLink.objects.filter(token__in=tokens).exists():
            raise DamagedArchive(
                _("A public link of this archive is already in use here: the union was restored before.")
            )
        with transaction.atomic():
            users = restore_users(data[USERS])
            ids = {
                label: _new_ids(TABLES_BY_LABEL[label].model, old) for label, old in _referenced(data).items()
            }
            for table in TABLES:
                _insert(
                    table.model, [_build(table, row, ids, users, archive.files) for row in data[table.label]]
                )
            # References are checked at commit: now, so that a broken one is this message.
            connection.check_constraints(table_names=[table.model._meta.db_table for table in TABLES])
            organization = Organization.objects.get(
                pk=ids["committee.organization"][data["committee.organization"][0]["id"]]
            )
            # The delegates' files, where nginx serves them, once the union is committed.
            for report in Report.objects.filter(
                term__organization=organization, public_links__isnull=False
            ).distinct():
                report_files_sync(report)
            return organization
    except (KeyError, IndexError, TypeError, ValueError, ValidationError, DatabaseError) as error:
        raise DamagedArchive(
            _("The archive's records could not be restored (%(error)s).") % {"error": error}
        ) from error


def restore_users(rows: list[dict]) -> dict[int, int]:
    """Archive user id → user id here.

    A user here with the same username *and* the same non-empty e-mail is taken to be the same
    person and reused. Anyone else gets a new account without a usable password (they set one
    through "forgotten password" or an administrator); if the username is taken by someone
    else, the new account's username starts with "restored-".
    """
    User = get_user_model()
    mapping = {}
    for row in rows:
        username, email = str(row["username"]), str(row.get("email") or "")
        existing = User.objects.filter(username=username).first()
        if existing is not None and email and existing.email.lower() == email.lower():
            mapping[row["id"]] = existing.pk
            continue
        user = User(
            username=_free_username(username) if existing else username,
            email=email,
            first_name=str(row.get("first_name") or ""),
            last_name=str(row.get("last_name") or ""),
            is_active=bool(row.get("is_active", True)),
        )
        user.set_unusable_password()
        user.full_clean()
        user.save()
        # An archive written before the one name field: family name first, as the app showed it.
        old_name = " ".join(part for part in (user.last_name, user.first_name) if part)
        notices = row.get("email_notices")
        profile = Profile(
            user=user,
            full_name=str(row.get("full_name") or old_name)[:150],
            email_notices=True if notices is None else bool(notices),
        )
        profile.full_clean()
        profile.save()
        mapping[row["id"]] = user.pk
    return mapping


def _free_username(username: str) -> str:
    for n in range(1, 1000):
        prefix = RESTORED_PREFIX if n == 1 else f"restored{n}-"
        candidate = (prefix + username)[:150]
        if not get_user_model().objects.filter(username=candidate).exists():
            return candidate
    raise DamagedArchive(_("No free username for %(username)s.") % {"username": username})


def _check_shape(data: dict, manifest: dict) -> None:
    expected = {table.label for table in TABLES} | {USERS}
    if set(data) != expected or not all(isinstance(rows, list) for rows in data.values()):
        raise DamagedArchive(_("The archive's data does not hold the tables of a union."))
    counts = {label: len(rows) for label, rows in data.items()}
    if manifest.get("counts") != counts:
        raise DamagedArchive(_("The archive's data does not match the counts in its manifest."))
    if counts["committee.organization"] != 1:
        raise DamagedArchive(_("The archive's data does not hold the tables of a union."))


def _check_publications(data: dict, files: dict[str, bytes]) -> None:
    """Every published PDF is there, with the bytes its recorded SHA-256 names."""
    for row in data["publishing.publication"]:
        for field in ("pdf", "html"):
            if row.get(field) not in files:
                raise DamagedArchive(_("The archive lacks the file %(name)s.") % {"name": row.get(field)})
        if sha256(files[row["pdf"]]) != row.get("sha256"):
            raise DamagedArchive(
                _("Version %(version)s of a published report does not match its SHA-256: it was changed.")
                % {"version": row.get("version")}
            )
    for row in data["publishing.publishedrecord"]:
        for field in ("pdf", "docx"):
            if row.get(field) not in files:
                raise DamagedArchive(_("The archive lacks the file %(name)s.") % {"name": row.get(field)})
            if sha256(files[row[field]]) != row.get(f"{field}_sha256"):
                raise DamagedArchive(
                    _("The record of the review kept with a published version does not match its SHA-256.")
                )


# Comments point at sections, areas and their items by id: "section-12", "area-7/item-91", and
# at what those hold by a text hash or a footnote's place: "section-12/p-3f2a9c01d4", ".../note-1"
# (see unionreports.document.lines); only the ids are rewritten, the rest is kept.
ANCHOR = re.compile(
    r"(section|area)-([0-9]{1,18})(?:/item-([0-9]{1,18}))?((?:/(?:p-[0-9a-f]{1,20}|note-[0-9]{1,6})(?:-[0-9]{1,6})?)*)"
)
ANCHORED = {
    "section": ("reports.reportsection", "reports.reportitem"),
    "area": ("reports.achievementarea", "reports.achievementitem"),
}


def _anchor_ids(anchor: str) -> list[tuple[str, int]]:
    match = ANCHOR.fullmatch(anchor)
    if match is None:
        return []
    owner, item = ANCHORED[match[1]]
    return [(owner, int(match[2]))] + ([(item, int(match[3]))] if match[3] else [])


def _rewrite_anchor(anchor: str, ids: dict[str, dict[int, int]]) -> str:
    match = ANCHOR.fullmatch(anchor)
    if match is None:
        return anchor  # "opening", "closing", "header", "end"
    owner, item = ANCHORED[match[1]]
    rewritten = f"{match[1]}-{ids[owner][int(match[2])]}"
    return rewritten + (f"/item-{ids[item][int(match[3])]}" if match[3] else "") + match[4]


def _rewrite_keys(texts: dict, ids: dict[str, dict[int, int]]) -> dict:
    return {_rewrite_anchor(anchor, ids): text for anchor, text in texts.items()}


# Values naming rows by anchor: (table, field) → (the anchors in a value, the value rewritten).
ANCHORS: dict[tuple[str, str], tuple[Callable, Callable]] = {
    ("publishing.comment", "anchor"): (lambda value: [value], _rewrite_anchor),
    ("publishing.reviewround", "snapshot"): (lambda value: list(value), _rewrite_keys),
    ("publishing.textversion", "sections"): (lambda value: list(value), _rewrite_keys),
    ("publishing.textversion", "order"): (
        lambda value: list(value),
        lambda value, ids: [_rewrite_anchor(anchor, ids) for anchor in value],
    ),
}


def _referenced(data: dict) -> dict[str, set[int]]:
    """The ids of each table that the archive mentions: its rows, their references, the anchors.

    The history mentions rows deleted before the backup: they get new ids too, never used by
    a row here, so an item brought back from the history cannot land on another union's row.
    """
    ids: dict[str, set[int]] = {table.record_of: set() for table in TABLES}
    for table in TABLES:
        fields = table.model._meta.concrete_fields
        for row in data[table.label]:
            ids[table.record_of].add(int(row["id"]))
            for field in fields:
                value = row.get(field.attname)
                if field.is_relation and not _is_user(field) and value is not None:
                    ids[field.related_model._meta.label_lower].add(int(value))
                anchors = ANCHORS.get((table.label, field.name))
                if anchors and value:
                    for label, old in (pair for anchor in anchors[0](value) for pair in _anchor_ids(anchor)):
                        ids[label].add(old)
    return ids


def _build(
    table: Table, row: dict, ids: dict, users: dict[int, int], files: dict[str, bytes]
) -> models.Model:
    values = {}
    for field in table.model._meta.concrete_fields:
        value = row[field.attname]
        if field.name == "history_id":
            continue
        if field.name == "id":
            value = ids[table.record_of][value]
        elif (table.label, field.name) in FILES:
            value = files[value] if isinstance(field, models.BinaryField) else files[value].decode()
        elif _is_user(field):
            value = users.get(value)
        elif field.is_relation:
            value = None if value is None else ids[field.related_model._meta.label_lower][value]
        elif (table.label, field.name) in ANCHORS:
            value = ANCHORS[(table.label, field.name)][1](value, ids)
        elif table.label == "accounts.invitation" and field.name == "token":
            value = new_invitation_token()  # accepted long ago: the old link stays dead
        else:
            value = field.to_python(value)
        values[field.attname] = value
    return table.model(**values)


def _insert(model: type[models.Model], objects: list[models.Model]) -> None:
    """Saves `objects` as they are: `bulk_create` would stamp "created"/"updated" now, so they are put back."""
    if not objects:
        return
    stamps = [
        f
        for f in model._meta.concrete_fields
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
    ]
    kept = [[getattr(obj, f.attname) for f in stamps] for obj in objects]
    model._base_manager.bulk_create(objects, batch_size=500)
    if stamps:
        for obj, values in zip(objects, kept, strict=True):
            for field, value in zip(stamps, values, strict=True):
                setattr(obj, field.attname, value)
        model._base_manager.bulk_update(objects, [f.name for f in stamps], batch_size=500)


def _new_ids(model: type[models.Model], old: set[int]) -> dict[int, int]:
    """Fresh ids for `old`, in the same order, taken from the table's own counter.

    Taken from the counter, they are never handed out again, here or to later rows.
    """
    if not old:
        return {}
    table, column = model._meta.db_table, model._meta.pk.column
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [quote(table), column, len(old)],
            )
            new = sorted(row[0] for row in cursor.fetchall())
        elif connection.vendor == "sqlite":
            cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
            counter = cursor.fetchone()
            cursor.execute(f"SELECT MAX({quote(column)}) FROM {quote(table)}")
            top = max(counter[0] if counter else 0, cursor.fetchone()[0] or 0)
            if counter:
                cursor.execute("UPDATE sqlite_sequence SET seq = %s WHERE name = %s", [top + len(old), table])
            else:
                cursor.execute(
                    "INSERT INTO sqlite_sequence (name, seq) VALUES (%s, %s)", [table, top + len(old)]
                )
            new = list(range(top + 1, top + len(old) + 1))
        else:
            raise NotImplementedError(f"restoring into {connection.vendor}")
    return dict(zip(sorted(old), new, strict=True))


def _is_user(field) -> bool:
    return field.is_relation and field.related_model is get_user_model()
