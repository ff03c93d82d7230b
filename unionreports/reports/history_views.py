"""A report's history: every saved change of its texts, with who and when."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from unionreports.lib.ids import parse_id

from .access import get_report_for_user
from .models import AchievementArea, AchievementItem, ReportItem, ReportSection
from .services import item_restore

SHOWN = 200


def item_records(report):
    """Historical records of the report's list items and achievements, newest first."""
    sections = list(ReportSection.history.filter(report_id=report.pk).values_list("id", flat=True).distinct())
    items = ReportItem.history.filter(section_id__in=sections).select_related("history_user__profile")
    areas = list(
        AchievementArea.history.filter(section_id__in=sections).values_list("id", flat=True).distinct()
    )
    achievements = AchievementItem.history.filter(area_id__in=areas).select_related("history_user__profile")
    records = [*items.order_by("-history_date")[:SHOWN], *achievements.order_by("-history_date")[:SHOWN]]
    return sorted(records, key=lambda record: record.history_date, reverse=True)[:SHOWN]


def belongs_to(record, report) -> bool:
    """Whether a historical item record is of this report (its item may since be deleted)."""
    sections = ReportSection.history.filter(report_id=report.pk).values("id")
    if hasattr(record, "section_id"):
        return ReportSection.history.filter(report_id=report.pk, id=record.section_id).exists()
    return AchievementArea.history.filter(id=record.area_id, section_id__in=sections).exists()


@login_required
@require_safe
def history(request, pk: int):
    report = get_report_for_user(request, pk, write=True)
    context = {
        "report": report,
        "records": item_records(report),
        "report_records": report.history.select_related("history_user__profile").order_by("-history_date")[
            :50
        ],
    }
    return render(request, "reports/history.html", context)


@login_required
@require_POST
def restore(request, pk: int):
    report = get_report_for_user(request, pk, write=True)
    model = {"item": ReportItem, "achievement": AchievementItem}.get(request.POST.get("model"))
    history_id = parse_id(request.POST.get("history_id"))
    if model is None or history_id is None:
        raise Http404
    record = model.history.filter(history_id=history_id).first()
    if record is None or not belongs_to(record, report):
        raise Http404
    try:
        item_restore(record=record)
    except ValidationError:
        messages.error(request, _("This text cannot come back: the part or area that held it was removed."))
    else:
        messages.success(request, _("The earlier text is back."))
    return redirect("reports:history", report.pk)
