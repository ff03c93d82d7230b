"""The comments an editing page shows beside what they are about, read in one query.

An editing page holds one section, one area, or the opening and closing. Each comment thread
whose anchor falls on the page goes to a *place*: an item's row, a field, the top of the page
(about the section or area as a whole), or "removed" when the item it is about was deleted. On
a page of numbered areas, the areas' own comments are counted on each area's line; they are
shown in full on the area's page.
"""

import re
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.db.models import Q

from unionreports.document import Paragraph, parse_inline
from unionreports.document.lines import text_hash
from unionreports.reports.kinds import PART_KINDS
from unionreports.reports.models import AchievementArea, Report, ReportSection

from .models import Comment

ITEM = re.compile(r"item-(\d{1,18})")
# A paragraph of a section's own text, named on the review copy by a hash of its words
# ("section-12/p-3f2a9c01d4", "-2" for a second equal paragraph), maybe with a footnote of it.
PARAGRAPH = re.compile(r"p-([0-9a-f]{10})(?:-\d+)?(?:/note-\d+)?")


@dataclass
class Place:
    """Where threads are shown on the page: the open ones, and the resolved ones folded away."""

    key: str
    open: list[Comment] = field(default_factory=list)
    resolved: list[Comment] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.open or self.resolved)

    def add(self, thread: Comment) -> None:
        (self.resolved if thread.resolved_at else self.open).append(thread)


@dataclass
class PageComments:
    top: Place = field(default_factory=lambda: Place("top"))
    removed: Place = field(default_factory=lambda: Place("removed"))
    fields: dict[str, Place] = field(default_factory=dict)
    items: dict[int, Place] = field(default_factory=dict)
    # area id → open threads about the area or its items (a page of numbered areas).
    areas: dict[int, int] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return any(self.places())

    def places(self) -> list[Place]:
        return [self.top, self.removed, *self.fields.values(), *self.items.values()]

    def threads(self) -> list[Comment]:
        return [thread for place in self.places() for thread in (*place.open, *place.resolved)]

    def at_field(self, name: str) -> Place:
        return self.fields.get(name) or Place(f"field-{name}")

    def at_item(self, pk) -> Place:
        return self.items.get(pk) or Place(f"item-{pk}")


def threads_about(report: Report, anchors: list[str]) -> list[Comment]:
    """The threads about `anchors` or anything inside them, each with `thread_replies`, oldest first.

    One query, threads and replies together (a reply carries its thread's anchor), whatever
    the number of threads, replies and anchors.
    """
    if not anchors:
        return []
    about = reduce(or_, (Q(anchor=a) | Q(anchor__startswith=f"{a}/") for a in anchors))
    return _threads(Comment.objects.filter(about, report=report))


def _threads(comments) -> list[Comment]:
    """The threads among `comments` (replies included), each with its `thread_replies`; one query."""
    comments = list(comments.select_related("author__profile").order_by("created_at", "id"))
    threads = {comment.pk: comment for comment in comments if comment.parent_id is None}
    for thread in threads.values():
        thread.thread_replies = []
    for comment in comments:
        if comment.parent_id in threads:
            threads[comment.parent_id].thread_replies.append(comment)
    return list(threads.values())


def thread_of(report: Report, pk: int) -> Comment:
    """One thread of the report with its `thread_replies` (two queries); DoesNotExist if none."""
    thread = report.comments.select_related("author__profile").get(pk=pk, parent__isnull=True)
    thread.thread_replies = list(
        thread.replies.select_related("author__profile").order_by("created_at", "id")
    )
    return thread


def _item_of(anchor: str, owner: str) -> int | None:
    """The item id of "area-7/item-91" under owner "area-7", else None."""
    match = ITEM.fullmatch(anchor.removeprefix(f"{owner}/"))
    return int(match[1]) if match and anchor.startswith(f"{owner}/") else None


def _field_quoted(section: ReportSection, quote: str) -> str | None:
    """The field of the section whose text holds the quoted paragraph, if it still does."""
    words = " ".join(quote.removeprefix("-").split())
    if not words:
        return None
    for name in PART_KINDS[section.kind].fields:
        value = getattr(section, name)
        if isinstance(value, str) and words in " ".join(value.split()):
            return name
    return None


def _field_of_paragraph(section: ReportSection, anchor: str) -> str | None:
    """The field of the section that holds the paragraph `anchor` names, if it still does."""
    match = PARAGRAPH.fullmatch(anchor.removeprefix(f"{section.anchor}/"))
    if not match or not anchor.startswith(f"{section.anchor}/"):
        return None
    for name in PART_KINDS[section.kind].fields:
        value = getattr(section, name)
        if isinstance(value, str) and any(
            text_hash(Paragraph(parse_inline(line)).text) == match[1] for line in value.splitlines()
        ):
            return name
    return None


def section_comments(report: Report, section: ReportSection) -> PageComments:
    """The comments of a section's page (the section as loaded: its items and areas prefetched)."""
    kind = PART_KINDS[section.kind]
    areas = list(section.areas.all()) if kind.structure == "areas" else []
    items = {item.pk for item in section.items.all()} if kind.structure == "list" else set()
    page = PageComments()
    area_of = {area.anchor: area for area in areas}
    for thread in threads_about(report, [section.anchor, *area_of]):
        owner = thread.section_anchor
        if owner in area_of:
            if not thread.resolved_at:
                area = area_of[owner]
                page.areas[area.pk] = page.areas.get(area.pk, 0) + 1
        elif thread.anchor == section.anchor:
            name = _field_quoted(section, thread.quote) if thread.quote else None
            (page.fields.setdefault(name, Place(f"field-{name}")) if name else page.top).add(thread)
        elif name := _field_of_paragraph(section, thread.anchor):
            page.fields.setdefault(name, Place(f"field-{name}")).add(thread)
        elif (pk := _item_of(thread.anchor, section.anchor)) is not None:
            (page.items.setdefault(pk, Place(f"item-{pk}")) if pk in items else page.removed).add(thread)
        else:
            page.top.add(thread)
    return page


def area_comments(report: Report, area: AchievementArea) -> PageComments:
    """The comments of an area's page (the area as loaded: its items prefetched)."""
    items = {item.pk for item in area.items.all()}
    page = PageComments()
    for thread in threads_about(report, [area.anchor]):
        pk = _item_of(thread.anchor, area.anchor)
        if pk is None:
            page.top.add(thread)
        else:
            (page.items.setdefault(pk, Place(f"item-{pk}")) if pk in items else page.removed).add(thread)
    return page


def outline_comments(report: Report) -> PageComments:
    """Comments on parts, sections or areas since removed, shown on the outline page (one query).

    The report as loaded: its sections and their areas prefetched.
    """
    known = ["opening", "closing"]
    for section in report.sections.all():
        known += [section.anchor, *(area.anchor for area in section.areas.all())]
    inside = reduce(or_, (Q(anchor=a) | Q(anchor__startswith=f"{a}/") for a in known))
    page = PageComments()
    for thread in _threads(report.comments.exclude(inside)):
        page.removed.add(thread)
    return page


def prose_comments(report: Report) -> PageComments:
    """The comments on the opening and the closing, beside their fields."""
    page = PageComments()
    for thread in threads_about(report, ["opening", "closing"]):
        name = thread.section_anchor
        page.fields.setdefault(name, Place(f"field-{name}")).add(thread)
    return page
