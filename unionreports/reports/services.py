"""Writes to a report. Each runs in one transaction and saves all of its rows or none."""

import datetime
import hashlib
import json

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from unionreports.committee.models import Term

from .models import AchievementArea, Report


class Conflict(Exception):
    """Someone else saved the same part after the form was opened."""


def fingerprint(data) -> str:
    """A short hash of what a form was opened on; compared again when it is saved."""
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()[:20]


def report_touch(report: Report) -> None:
    """Marks the report as changed now (its items live in other tables)."""
    report.save(update_fields=["updated_at"])


@transaction.atomic
def report_create(*, term: Term, number: int, date: datetime.date, from_previous: bool) -> Report:
    """A new report for `term`, empty or with the outline of the latest earlier report."""
    report = Report(term=term, number=number, date=date, opening="")
    previous = (
        Report.objects.filter(term__organization=term.organization, term__start_year__lt=term.start_year)
        .order_by("-term__start_year", "-date")
        .first()
    )
    if from_previous and previous is not None:
        for field in ("limitations_intro", "lessons_intro", "recipients", "place"):
            setattr(report, field, getattr(previous, field))
    report.full_clean()
    report.save()
    if from_previous and previous is not None:
        for area in previous.areas.filter(parent__isnull=True):
            copy = AchievementArea.objects.create(report=report, position=area.position, title=area.title)
            for child in area.children.all():
                AchievementArea.objects.create(
                    report=report, parent=copy, position=child.position, title=child.title
                )
    return report


@transaction.atomic
def area_move(*, area: AchievementArea, step: int) -> None:
    """Swaps an area with its neighbour above (-1) or below (+1) among its siblings."""
    siblings = list(
        AchievementArea.objects.select_for_update()
        .filter(report=area.report_id, parent=area.parent_id)
        .order_by("position", "id")
    )
    index = next(i for i, sibling in enumerate(siblings) if sibling.pk == area.pk)
    target = index + step
    if not 0 <= target < len(siblings):
        return
    siblings[index], siblings[target] = siblings[target], siblings[index]
    for position, sibling in enumerate(siblings):
        if sibling.position != position:
            sibling.position = position
            sibling.save(update_fields=["position"])
    report_touch(area.report)


@transaction.atomic
def area_create(*, report: Report, title: str, parent: AchievementArea | None) -> AchievementArea:
    if parent is not None and (parent.report_id != report.pk or parent.parent_id is not None):
        raise ValidationError({"parent": _("Areas go at most two levels deep.")}, code="too_deep")
    last = report.areas.filter(parent=parent).order_by("-position").first()
    area = AchievementArea(
        report=report, parent=parent, title=title, position=(last.position + 1) if last else 0
    )
    area.full_clean()
    area.save()
    report_touch(report)
    return area


@transaction.atomic
def area_delete(*, area: AchievementArea) -> None:
    """Deletes an area with its sub-areas and items."""
    report = area.report
    area.delete()
    report_touch(report)


@transaction.atomic
def item_restore(*, record) -> None:
    """Brings back the text an item had in a historical `record` (re-creating a deleted item)."""
    model = record.instance_type
    item = model.objects.filter(pk=record.id).first()
    if item is None:
        item = record.instance
        item.save()
    else:
        item.text = record.text
        item.full_clean()
        item.save()
