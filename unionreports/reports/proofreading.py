"""Proofreading a saved report: its composed document and the figures of its committee records."""

import dataclasses
import datetime
import functools
from collections import Counter
from collections.abc import Iterator

from django.forms import CheckboxInput
from django.http import QueryDict
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from unionreports.committee.models import Membership, Term
from unionreports.document import ReportDocument
from unionreports.proofreading import Finding, Records, proofread

from .compose import compose_report
from .editing import AreaPart, Invalid, Part, ProsePart, SectionPart
from .models import DismissedFinding, Report
from .outline import Step
from .services import Conflict


def committee_records(term: Term, day: datetime.date) -> Records:
    """The counts the prose may state, as the committee records of `term` give them on `day`."""
    prefetched = "memberships" in getattr(term, "_prefetched_objects_cache", {})
    memberships = list(term.memberships.all() if prefetched else term.memberships.select_related("person"))
    left = [m for m in memberships if m.left_on is not None and m.left_on <= day]
    sitting = [m for m in memberships if m.joined_on <= day and (m.left_on is None or m.left_on > day)]
    by_elected = [
        m for m in memberships if m.joined_how == Membership.Joined.BY_ELECTION and m.joined_on <= day
    ]
    return Records(
        start_year=term.start_year,
        end_year=term.end_year,
        elected=term.committee_size,
        left=len(left),
        by_elected=len(by_elected),
        by_elected_members=sum(m.role == Membership.Role.MEMBER for m in by_elected),
        by_elected_vice_chairs=sum(m.role == Membership.Role.VICE_CHAIR for m in by_elected),
        at_end=sum(m.joined_on <= day for m in memberships) - len(left),
        degree_share=_share(sum(m.person.has_degree for m in sitting), len(sitting)),
        trained_share=_share(sum(m.person.union_trained for m in sitting), len(sitting)),
    )


def _share(part: int, whole: int) -> int | None:
    return round(100 * part / whole) if whole else None


def proofread_report(report: Report, document: ReportDocument | None = None) -> list[Finding]:
    """The findings of a saved report; `document` is its composed document when the caller has it."""
    document = compose_report(report) if document is None else document
    # Anchors are not part of a document's equality; findings carry them, so they are part of the key.
    anchors = tuple(section.anchor for section in document.sections()) + tuple(
        paragraph.anchor for paragraph in document.paragraphs()
    )
    records = committee_records(report.term, report.date)
    return list(_proofread(document, anchors, records, translation.get_language()))


@functools.lru_cache(maxsize=64)
def _proofread(
    document: ReportDocument, anchors: tuple[str, ...], records: Records, language: str | None
) -> tuple[Finding, ...]:
    # The report page proofreads on every view: an unchanged text with unchanged records is not read
    # again. The messages are in `language`, so the key holds it: a page in English shows English.
    with translation.override(language):
        return tuple(proofread(document, records))


clear_proofreading_cache = _proofread.cache_clear


# --- findings in the editor: open ones, where they are, applying and dismissing them -------------------


def open_findings(
    report: Report, document: ReportDocument | None = None
) -> tuple[list[Finding], list[Finding]]:
    """(open, dismissed): the report's findings, less (and then only) those dismissed for it."""
    findings = proofread_report(report, document)
    dismissed = set(report.dismissed_findings.values_list("key", flat=True))
    return [f for f in findings if f.key not in dismissed], [f for f in findings if f.key in dismissed]


def open_slips(report: Report, document: ReportDocument | None = None) -> int:
    """How many findings of the report are neither corrected nor dismissed."""
    return len(open_findings(report, document)[0])


def slips_question(count: int) -> str:
    """What the secretary is asked before the text goes out with open findings."""
    return ngettext(
        "Proofreading found %(n)s possible slip not yet corrected or dismissed. Correct it first, or confirm.",
        "Proofreading found %(n)s possible slips not yet corrected or dismissed. Correct them first, or confirm.",
        count,
    ) % {"n": count}


def tab_of(finding: Finding, areas: dict[str, int]) -> str:
    """The slug of the editing page that holds the passage ("header", "prose", "section-12"), or ""."""
    holder = finding.where.holder
    if holder in ("subject", "header"):
        return "header"
    if holder in ("opening", "closing"):
        return "prose"
    if holder.startswith("area-") and holder in areas:
        return f"section-{areas[holder]}"
    return holder if holder.startswith("section-") else ""


def area_sections(report: Report) -> dict[str, int]:
    """area anchor → the pk of the section whose page lists it."""
    return {area.anchor: section.pk for section in report.sections.all() for area in section.areas.all()}


def with_slips(steps: list[Step], findings: list[Finding], report: Report) -> list[Step]:
    """The editing tabs, each with the number of open findings on its page."""
    areas = area_sections(report)
    counts = Counter(tab_of(finding, areas) for finding in findings)
    return [dataclasses.replace(step, slips=counts[step.slug]) for step in steps]


def on_page(findings: list[Finding], report: Report, slug: str, holder: str = "") -> list[Finding]:
    """The findings an editing page holds: those of its tab, or of one area (`holder`) on an area's page."""
    if holder:
        return [f for f in findings if f.where.holder == holder]
    areas = area_sections(report)
    return [f for f in findings if tab_of(f, areas) == slug]


class NotApplied(Exception):
    """The suggestion was not written in; the message says why, in the user's language."""


def finding_apply(*, report: Report, key: str, seen: str) -> Finding:
    """Writes a finding's suggestion in place of its passage, through the editing page that holds it:
    the same forms, checks and save as when the secretary types it (`Part.save_unless_changed`).

    `seen` is the digest of the document the finding was shown on: if the report changed since,
    `Conflict` is raised and nothing is written.
    """
    document = compose_report(report)
    if document.digest() != seen:
        raise Conflict
    finding = next((f for f in open_findings(report, document)[0] if f.key == key), None)
    if finding is None or not finding.suggestion:
        raise NotApplied(_("This finding is no longer in the text, or has nothing to write instead."))
    part = _part_holding(report, finding.where.holder)
    if part is None:
        raise NotApplied(
            _(
                "This passage is written by the application from the report's records: correct the records instead."
            )
        )
    bound = part.forms()
    data = _as_post(bound)
    place = _place(data, finding)
    if place is None:
        raise NotApplied(_("The passage was not found in the form it was typed in: correct it on its page."))
    name, at = place
    data[name] = data[name][:at] + finding.suggestion + data[name][at + len(finding.text) :]
    bound = part.forms(data)
    if not all(form.is_valid() for form in bound.values()):
        raise NotApplied(_("The page holding this passage has errors to correct first: open it and save."))
    try:
        part.save_unless_changed(bound, base=part.base())
    except Invalid:
        raise NotApplied(
            _("The page holding this passage has errors to correct first: open it and save.")
        ) from None
    return finding


def _part_holding(report: Report, holder: str) -> Part | None:
    if holder in ("opening", "closing"):
        return ProsePart(report)
    for section in report.sections.all():
        if holder == section.anchor:
            return SectionPart(report, section)
        for area in section.areas.all():
            if holder == area.anchor:
                return AreaPart(report, area)
    return None


def _as_post(bound: dict) -> QueryDict:
    """What a browser would post for the forms as they are shown, unchanged."""
    data = QueryDict(mutable=True)
    for form in bound.values():
        forms = [form]
        if hasattr(form, "management_form"):
            forms = [form.management_form, *form.forms]
        for each in forms:
            for name, field in each.fields.items():
                value = each[name].value()
                if isinstance(field.widget, CheckboxInput):
                    if value:
                        data[each.add_prefix(name)] = "on"
                elif isinstance(value, (list, tuple)):
                    data.setlist(each.add_prefix(name), [str(v) for v in value])
                elif value is not None:
                    data[each.add_prefix(name)] = str(value)
    return data


def _place(data: QueryDict, finding: Finding) -> tuple[str, int] | None:
    """The field and offset of the finding's passage: the one place its words and those around it
    are found, with as much of the context as it takes to be sure."""
    for size in (CONTEXT_USED, 20, 8, 3, 0):
        before = finding.before[len(finding.before) - size :] if size else ""
        needle = before + finding.text + finding.after[:size]
        places = [
            (name, at + len(before)) for name, value in data.items() for at in _occurrences(value, needle)
        ]
        if len(places) == 1:
            return places[0]
        if len(places) > 1:
            return None
    return None


CONTEXT_USED = 40


def _occurrences(value: str, needle: str) -> Iterator[int]:
    at = value.find(needle)
    while at != -1:
        yield at
        at = value.find(needle, at + 1)


def finding_dismiss(*, report: Report, key: str, by) -> Finding | None:
    """Remembers that a finding is not a slip in this report; None if it is not in the text."""
    finding = next((f for f in proofread_report(report) if f.key == key), None)
    if finding is not None:
        DismissedFinding.objects.get_or_create(
            report=report,
            key=key,
            defaults={"kind": finding.kind, "text": finding.text[:200], "dismissed_by": by},
        )
    return finding


def finding_restore(*, report: Report, key: str) -> None:
    report.dismissed_findings.filter(key=key).delete()


@dataclasses.dataclass(frozen=True)
class Slip:
    """A finding as the panel shows it: with the page where it can be corrected by hand."""

    finding: Finding
    url: str


@dataclasses.dataclass
class Panel:
    """The "Soát lỗi" panel of a page: the open findings it holds (all of the report's on the
    report's page), those dismissed, and the digest of the document they were found in."""

    slips: list[Slip]
    dismissed: list[Slip]
    seen: str

    @property
    def count(self) -> int:
        return len(self.slips)


def panel(
    report: Report, document: ReportDocument, steps: list[Step], *, page: str = "", holder: str = ""
) -> tuple[Panel, list[Step]]:
    """The panel of a page (`page` a tab's slug, `holder` an area's anchor; neither for the report's
    page) and the tabs with their counts."""
    everything, dismissed = open_findings(report, document)
    findings = everything
    if page:
        findings = on_page(everything, report, page, holder)
        dismissed = on_page(dismissed, report, page, holder)
    areas = area_sections(report)
    urls = {step.slug: step.url for step in steps}

    def slips(chosen: list[Finding]) -> list[Slip]:
        return [Slip(f, urls.get(tab_of(f, areas), "")) for f in chosen]

    return Panel(slips(findings), slips(dismissed), document.digest()), with_slips(steps, everything, report)
