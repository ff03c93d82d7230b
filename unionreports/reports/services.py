"""Writes to a report. Each runs in one transaction and saves all of its rows or none."""

import datetime
import hashlib
import json

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from unionreports.committee.models import Term

from .kinds import PART_KINDS, REPORT_KINDS, kinds_holding, outline_data, outline_from_data, outline_of
from .models import AchievementArea, OutlineTemplate, Report, ReportSection


class Conflict(Exception):
    """Someone else saved the same part after the form was opened."""


def fingerprint(data) -> str:
    """A short hash of what a form was opened on; compared again when it is saved."""
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()[:20]


def report_touch(report: Report) -> None:
    """Marks the report as changed now (its items live in other tables)."""
    report.save(update_fields=["updated_at"])


@transaction.atomic
def report_create(
    *,
    term: Term,
    kind: str,
    number: int,
    date: datetime.date,
    start_from: Report | OutlineTemplate | None = None,
) -> Report:
    """A new report of `term`: the outline of its kind, of a union's template, or of a report.

    Starting from another report takes its outline (parts, sections, areas), its distribution
    list and its place, not its text.
    """
    report = Report(term=term, kind=kind, number=number, date=date)
    if isinstance(start_from, Report):
        report.recipients, report.place = start_from.recipients, start_from.place
    report.full_clean()
    report.save()
    if isinstance(start_from, Report):
        outline_create(report=report, outline=outline_of(start_from))
        _copy_areas(start_from, report)
    elif isinstance(start_from, OutlineTemplate):
        outline_create(report=report, outline=outline_from_data(start_from.outline))
    else:
        outline_create(report=report, outline=REPORT_KINDS[kind].outline(term))
    return report


@transaction.atomic
def outline_template_save(*, report: Report, name: str) -> OutlineTemplate:
    """Keeps the report's outline as its union's template `name` (replacing one of that name)."""
    template, _created = OutlineTemplate.objects.update_or_create(
        organization=report.term.organization,
        name=name,
        defaults={"kind": report.kind, "outline": outline_data(outline_of(report))},
    )
    return template


def outline_create(*, report: Report, outline, parent: ReportSection | None = None) -> None:
    for position, entry in enumerate(outline):
        section = ReportSection(
            report=report,
            parent=parent,
            position=position,
            kind=entry.kind,
            title=entry.title,
            numbered=entry.numbered,
        )
        section.full_clean()
        section.save()
        outline_create(report=report, outline=entry.children, parent=section)


def _copy_areas(source: Report, report: Report) -> None:
    """The area titles of `source`'s areas sections, into the matching sections of `report`."""
    targets = list(report.sections.filter(kind__in=kinds_holding("areas")).order_by("id"))
    sources = list(source.sections.filter(kind__in=kinds_holding("areas")).order_by("id"))
    for old, new in zip(sources, targets, strict=False):
        for area in old.areas.filter(parent__isnull=True):
            copy = AchievementArea.objects.create(section=new, position=area.position, title=area.title)
            for child in area.children.all():
                AchievementArea.objects.create(
                    section=new, parent=copy, position=child.position, title=child.title
                )


@transaction.atomic
def section_create(*, report: Report, kind: str, title: str, parent: ReportSection | None) -> ReportSection:
    """A new part (or a section inside a part that holds sections), placed last."""
    if parent is not None and (parent.report_id != report.pk or not PART_KINDS[parent.kind].holds_sections):
        raise ValidationError(
            {"parent": _("Sections go inside a part that holds sections.")}, code="not_a_group"
        )
    last = report.sections.filter(parent=parent).order_by("-position").first()
    section = ReportSection(
        report=report, parent=parent, kind=kind, title=title, position=(last.position + 1) if last else 0
    )
    section.full_clean()
    section.save()
    report_touch(report)
    return section


@transaction.atomic
def section_move(*, section: ReportSection, step: int) -> None:
    """Swaps a part or section with its neighbour above (-1) or below (+1)."""
    siblings = ReportSection.objects.select_for_update().filter(
        report=section.report_id, parent=section.parent_id
    )
    _swap(list(siblings.order_by("position", "id")), section, step)
    report_touch(section.report)


@transaction.atomic
def section_delete(*, section: ReportSection) -> None:
    """Deletes a part or section with everything in it (the history keeps every row)."""
    report = section.report
    section.delete()
    report_touch(report)


def _swap(siblings: list, item, step: int) -> None:
    index = next(i for i, sibling in enumerate(siblings) if sibling.pk == item.pk)
    target = index + step
    if not 0 <= target < len(siblings):
        return
    siblings[index], siblings[target] = siblings[target], siblings[index]
    for position, sibling in enumerate(siblings):
        if sibling.position != position:
            sibling.position = position
            sibling.save(update_fields=["position"])


@transaction.atomic
def area_move(*, area: AchievementArea, step: int) -> None:
    """Swaps an area with its neighbour above (-1) or below (+1) among its siblings."""
    siblings = AchievementArea.objects.select_for_update().filter(
        section=area.section_id, parent=area.parent_id
    )
    _swap(list(siblings.order_by("position", "id")), area, step)
    report_touch(area.section.report)


@transaction.atomic
def area_create(*, section: ReportSection, title: str, parent: AchievementArea | None) -> AchievementArea:
    if parent is not None and (parent.section_id != section.pk or parent.parent_id is not None):
        raise ValidationError({"parent": _("Areas go at most two levels deep.")}, code="too_deep")
    last = section.areas.filter(parent=parent).order_by("-position").first()
    area = AchievementArea(
        section=section, parent=parent, title=title, position=(last.position + 1) if last else 0
    )
    area.full_clean()
    area.save()
    report_touch(section.report)
    return area


@transaction.atomic
def area_delete(*, area: AchievementArea) -> None:
    """Deletes an area with its sub-areas and items."""
    report = area.section.report
    area.delete()
    report_touch(report)


@transaction.atomic
def item_restore(*, record) -> None:
    """Brings back the text an item had in a historical `record` (re-creating a deleted item)."""
    model = record.instance_type
    item = model.objects.filter(pk=record.id).first()
    if item is None:
        # Its section or area may be gone too: full_clean says so rather than the database.
        item = record.instance
        item.full_clean()
        item.save()
    else:
        item.text = record.text
        item.full_clean()
        item.save()
