"""The report's outline as the editing pages show it: tabs and rows, numbered as the document is."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from unionreports.document import ReportDocument

from .editing import PAGES
from .kinds import PART_KINDS
from .models import Report, ReportSection


@dataclass(frozen=True)
class Step:
    """A tab of the editing pages: a page of the report's own, or a part or section of its outline."""

    slug: str
    title: str
    url: str
    depth: int = 0
    slips: int = 0  # open proofreading findings on its page


@dataclass(frozen=True)
class Row:
    section: ReportSection
    number: str  # as printed; empty while the section prints nothing
    depth: int
    first: bool
    last: bool

    @property
    def kind(self):
        return PART_KINDS[self.section.kind]


def numbers(document: ReportDocument) -> dict[str, str]:
    """anchor → number of every section the document prints ("section-3" → "II.")."""
    return {section.anchor: section.number for section in document.sections() if section.anchor}


def outline_rows(report: Report, document: ReportDocument) -> list[Row]:
    """The report's parts and sections in reading order, with the numbers they print with."""
    printed = numbers(document)
    sections = list(report.sections.all())
    rows: list[Row] = []

    def walk(parent_id, depth: int) -> None:
        siblings = [s for s in sections if s.parent_id == parent_id]
        for i, section in enumerate(siblings):
            rows.append(Row(section, printed.get(section.anchor, ""), depth, i == 0, i == len(siblings) - 1))
            walk(section.pk, depth + 1)

    walk(None, 0)
    return rows


def step_links(report: Report, document: ReportDocument) -> list[Step]:
    """The editing tabs in reading order: heading, committee, prose, outline, then every section."""
    steps = [
        Step(slug, page.title, reverse("reports:edit", args=[report.pk, slug]))
        for slug, page in PAGES.items()
    ]
    steps.append(Step("outline", _("Outline"), reverse("reports:outline", args=[report.pk])))
    for row in outline_rows(report, document):
        # A division's title is long: its tab says "Phần thứ nhất".
        title = row.number.capitalize() if row.number.startswith("PHẦN") else f"{row.number} {row.section}"
        steps.append(Step(f"section-{row.section.pk}", title, row.section.get_absolute_url(), row.depth))
    return steps
