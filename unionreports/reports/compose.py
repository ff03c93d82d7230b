"""Builds the `ReportDocument` of a report from its records.

Each part and section composes through its kind (`kinds.PART_KINDS`); numbering is then done
once, by `number_sections`, over whatever prints. The figures of part I come from the committee
memberships, not from prose. The document is Vietnamese whatever the interface language; only
warnings are translated.
"""

import dataclasses

from django.utils.translation import gettext as _

from unionreports.committee.models import Membership
from unionreports.document import (
    Header,
    ReportDocument,
    Section,
    Signature,
    number_footnotes,
    number_sections,
    paragraphs_of,
)
from unionreports.lib.vietnamese import date_line, upper

from .kinds import PART_KINDS, REPORT_KINDS, Composing
from .models import Report, ReportSection

SIGNER_TITLES = {
    Membership.Role.CHAIR: "CHỦ TỊCH",
    Membership.Role.VICE_CHAIR: "PHÓ CHỦ TỊCH",
    Membership.Role.MEMBER: "ỦY VIÊN",
}


def compose_report(report: Report) -> ReportDocument:
    """The document of `report`.

    Reads the term, its organization, memberships with people, and the sections with their
    items and areas: load the report with `Report.objects.with_document_data()` or each of
    those is a query of its own.
    """
    term = report.term
    organization = term.organization
    kind = REPORT_KINDS[report.kind]
    composing = Composing(report, list(term.memberships.all()))

    header = Header(
        superior=upper(organization.parent_name),
        issuer=upper(organization.name),
        number=f"Số: {report.number:02d}/{organization.document_code}",
        date_line=date_line(report.place or organization.place_name, report.date),
    )
    parts = number_sections(compose_sections(report, composing), divisions=kind.divisions)
    if report.unplaced.strip():
        composing.warnings.append(_("Some imported text has no place yet: see “Opening and closing”."))
    document = ReportDocument(
        header=header,
        title=kind.title,
        subject=kind.subject(organization.name, term),
        opening=paragraphs_of(report.opening),
        parts=parts,
        closing=paragraphs_of(report.closing),
        signature=_signature(report, composing.memberships, composing.warnings),
        recipients=_recipients(report.recipients),
        author=organization.name,
        warnings=tuple(dict.fromkeys(composing.warnings)),  # each once, in order
    )
    return number_footnotes(document)


def compose_sections(report: Report, composing: Composing) -> tuple[Section, ...]:
    """The report's parts, unnumbered, without those that would print nothing."""
    sections = list(report.sections.all())
    children: dict[int | None, list[ReportSection]] = {}
    for section in sections:
        children.setdefault(section.parent_id, []).append(section)

    def build(section: ReportSection) -> Section | None:
        blocks, made = PART_KINDS[section.kind].compose(section, composing)
        inside = tuple(child for child in map(build, children.get(section.pk, [])) if child)
        built = Section("", section.title, 0, blocks, made + inside, kind=section.kind, anchor=section.anchor)
        return _printed(built)

    return tuple(built for section in children.get(None, []) if (built := build(section)))


def _printed(section: Section) -> Section | None:
    """`section` without what prints nothing, at any depth (an area whose title was copied from
    another report and nothing written under it yet); None when nothing of it prints."""
    children = tuple(child for child in map(_printed, section.children) if child)
    if not (section.blocks or children):
        return None
    return dataclasses.replace(section, children=children) if children != section.children else section


def _signature(report: Report, memberships: list[Membership], warnings: list[str]) -> Signature:
    sitting = [m for m in memberships if m.sits_on(report.date)]
    signer = None
    if report.signer_id:
        signer = next((m for m in memberships if m.person_id == report.signer_id), None)
        if signer is None:
            warnings.append(_("The signer is not a member of this term's committee."))
    for role in (Membership.Role.CHAIR, Membership.Role.VICE_CHAIR):
        if signer is None:
            signer = next((m for m in sitting if m.role == role), None)
    if signer is None:
        return Signature(on_behalf="TM. BAN CHẤP HÀNH", title="CHỦ TỊCH", name="")
    title = SIGNER_TITLES[signer.role]
    if signer.role != Membership.Role.CHAIR:
        title = f"KT. CHỦ TỊCH\n{title}"
    return Signature(on_behalf="TM. BAN CHẤP HÀNH", title=title, name=signer.person.full_name)


def _recipients(text: str) -> tuple[str, ...]:
    lines = [line.strip().lstrip("-–").strip() for line in text.splitlines()]
    lines = [line.rstrip(";.") for line in lines if line and not line.startswith("Lưu")]
    return (*(f"{line};" for line in lines), "Lưu: VT.")
