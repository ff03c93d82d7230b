import io
import json
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache

from tests.pages import section
from unionreports.backup.archive import MANIFEST, sha256
from unionreports.backup.services import union_export
from unionreports.publishing import delivery, review
from unionreports.publishing.demo import publish_demo
from unionreports.publishing.models import Publication
from unionreports.reports.models import AchievementItem, DismissedFinding


@pytest.fixture
def union(demo_report):
    """The demo union, published, with comments on a section, an achievement and a deleted list item."""
    limitations = section(demo_report, "limitations")
    gone = limitations.items.order_by("position").last()
    gone_anchor = f"{limitations.anchor}/item-{gone.pk}"
    gone.delete()
    publish_demo(demo_report)
    member = get_user_model().objects.get(username="uyvien")
    achievement = AchievementItem.objects.filter(area__section__report=demo_report).order_by("id").last()
    for anchor, quote in (
        (section(demo_report, "personnel").anchor, ""),
        (f"{achievement.area.anchor}/item-{achievement.pk}", achievement.text),
        (gone_anchor, gone.text),
        (f"{achievement.area.anchor}/item-{achievement.pk}/note-1", ""),
        (f"{section(demo_report, 'personnel').anchor}/p-3f2a9c01d4", ""),
    ):
        review.comment_add(
            report=demo_report, author=member, anchor=anchor, text="Góp ý.", parent=None, quote=quote
        )
    secretary = get_user_model().objects.get(username="thuky")
    DismissedFinding.objects.create(
        report=demo_report, key="0" * 32, kind="spelling", text="CĐCS", dismissed_by=secretary
    )
    return demo_report.term.organization


def export(organization) -> bytes:
    out = io.BytesIO()
    union_export(organization=organization, out=out)
    return out.getvalue()


def delete_union(organization) -> None:
    """Removes the union's rows (published versions and sitting members are protected: they go first)."""
    Publication.objects.filter(report__term__organization=organization).delete()
    organization.terms.all().delete()
    organization.delete()
    # Each process remembers the links and bytes it served: what users get comes from the database.
    cache.clear()
    delivery.pdf_bytes.cache_clear()


def members(archive: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(archive)) as zipped:
        return {name: zipped.read(name) for name in zipped.namelist()}


def repack(files: dict[str, bytes], *, fix_manifest: bool = True) -> bytes:
    """A zip of `files`; with `fix_manifest`, the manifest's checksums made to match them."""
    if fix_manifest:
        manifest = json.loads(files[MANIFEST])
        manifest["files"] = {name: sha256(content) for name, content in files.items() if name != MANIFEST}
        files = {**files, MANIFEST: json.dumps(manifest).encode()}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zipped:
        for name, content in files.items():
            zipped.writestr(name, content)
    return out.getvalue()
