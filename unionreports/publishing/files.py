"""The frozen PDF of each active link, written where nginx serves it without Python.

One file per active link, `links/<token>.pdf` in the "published" storage, holding the newest
version's bytes; nginx maps `/p/<token>/pdf` straight to it (deploy/nginx). Revoking a link
deletes its file at once, so nginx stops serving it at once; a missing file only sends the
download to Django, which answers from the database, so the files are an accelerator that can
always be written again (`manage.py sync_published_files`).
"""

from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import transaction

from unionreports.reports.models import Report

from . import delivery
from .models import Publication, PublicLink


def link_file_name(token: str) -> str:
    return f"links/{token}.pdf"


def link_file_delete(token: str) -> None:
    storages["published"].delete(link_file_name(token))


def link_file_write(*, token: str, publication: Publication) -> None:
    """Puts the version's bytes under the link's name, a new file in place of an old one.

    Deleted then written, never truncated in place: a download under way keeps reading the
    old file, and one arriving in between goes to Django.
    """
    storage = storages["published"]
    name = link_file_name(token)
    storage.delete(name)
    storage.save(name, ContentFile(bytes(publication.pdf)))


def report_files_sync(report: Report) -> None:
    """The report's files as its links and versions say: the newest version under the active
    link, nothing under a revoked one. Revoked files go at once, inside the caller's
    transaction; the new file once it commits, so nginx never serves what was rolled back."""
    links = list(PublicLink.objects.filter(report=report).values_list("token", "revoked_at"))
    for token, revoked_at in links:
        if revoked_at is not None:
            link_file_delete(token)
    delivery.forget([token for token, _ in links])
    transaction.on_commit(lambda: _write_active(report.pk))


def _write_active(report_id: int) -> None:
    token = (
        PublicLink.objects.filter(report_id=report_id, revoked_at__isnull=True)
        .values_list("token", flat=True)
        .first()
    )
    publication = Publication.objects.filter(report_id=report_id).order_by("-version").first()
    if token and publication:
        link_file_write(token=token, publication=publication)
        delivery.forget([token])
