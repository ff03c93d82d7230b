"""Where the editing pages of a report are, by the names a secretary knows them by."""

import html
import re

from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.factories import sitting_accounts
from unionreports.publishing import review
from unionreports.reports.compose import compose_report
from unionreports.reports.models import AchievementArea, Report, ReportItem, ReportSection

# The sections of the self-assessment outline, by name: (kind, index among the sections of that kind).
SECTIONS = {
    "personnel": ("personnel", 0),
    "achievements": ("areas", 0),
    "limitations_part": ("group", 0),
    "limitations": ("list", 0),
    "causes": ("list", 1),
    "lessons": ("list", 2),
}


def reading_order(report) -> list[ReportSection]:
    sections = list(ReportSection.objects.filter(report=report).order_by("position", "id"))
    ordered = []

    def walk(parent_id):
        for child in (s for s in sections if s.parent_id == parent_id):
            ordered.append(child)
            walk(child.pk)

    walk(None)
    return ordered


def section(report, name: str) -> ReportSection:
    kind, index = SECTIONS[name]
    return [s for s in reading_order(report) if s.kind == kind][index]


def page(report, name: str) -> str:
    """The URL of a page: "header", "committee", "prose", "outline", or a section's name."""
    if name in ("header", "committee", "prose"):
        return reverse("reports:edit", args=[report.pk, name])
    if name == "outline":
        return reverse("reports:outline", args=[report.pk])
    return reverse("reports:section", args=[report.pk, section(report, name).pk])


def items(report, name: str):
    return ReportItem.objects.filter(section=section(report, name)).order_by("position", "id")


def areas(report):
    return AchievementArea.objects.filter(section__report=report).order_by(
        "section", "parent_id", "position", "id"
    )


def approve(report, user, decision: str = "approve"):
    """`user`'s verdict on the report as it reads now (the digest the member saw)."""
    document = compose_report(Report.objects.with_document_data().get(pk=report.pk))
    return review.verdict_give(report=report, user=user, decision=decision, digest=document.digest())


def read(html_text: str) -> str:
    """What a reader sees of some HTML: no tags, no line numbers, white space squashed."""
    text = re.sub(r'<span class="ln"[^>]*>\d+</span>', "", html_text)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())


def review_rows(html_text: str) -> dict[str, str]:
    """The review page's blocks: identity → the HTML of its row (text and comments)."""
    rows = {}
    for chunk in html_text.split('<div class="nl-row" data-anchor="')[1:]:
        identity, rest = chunk.split('"', 1)
        rows[identity] = rest.split(">", 1)[1].split('<div class="nl-row')[0]
    return rows


def committee_approves(report, *, but=()) -> None:
    """Every committee member sitting on the report's date approves it as it reads now (those
    without an account get one, linked to them), except the users in `but`."""
    sitting_accounts(report)
    seats = review.committee_seats(Report.objects.with_document_data().get(pk=report.pk))
    skipped = {user.pk for user in but}
    for user in (
        get_user_model().objects.filter(pk__in=[seat.user_id for seat in seats]).exclude(pk__in=skipped)
    ):
        approve(report, user)
