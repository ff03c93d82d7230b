"""Builds the `ReportDocument` of a report from its records.

Every number in the document is decided here: part, section and item numbering and the
personnel figures of part I, which come from the committee memberships, not from prose.
The document is Vietnamese whatever the interface language; only warnings are translated.
"""

import re
from collections import Counter
from dataclasses import dataclass

from django.utils.translation import gettext as _

from unionreports.committee.models import Membership
from unionreports.lib.vietnamese import count, date_line, sentence_case, to_roman, upper

from .document import (
    Footnote,
    Header,
    Paragraph,
    ReportDocument,
    Section,
    Signature,
    number_footnotes,
    parse_inline,
)
from .models import AchievementItem, Report, ReportItem

LEFT_REASON_PHRASES = {
    Membership.LeftReason.TRANSFER: "chuyển công tác",
    Membership.LeftReason.RETIREMENT: "nghỉ hưu",
    Membership.LeftReason.RESIGNATION: "xin thôi tham gia Ban Chấp hành",
    Membership.LeftReason.OTHER: "vì lý do khác",
}
ROLE_IN_FOOTNOTE = {
    Membership.Role.CHAIR: "Chủ tịch Công đoàn",
    Membership.Role.VICE_CHAIR: "Phó Chủ tịch Công đoàn",
    Membership.Role.MEMBER: "ủy viên BCH",
}
SIGNER_TITLES = {
    Membership.Role.CHAIR: "CHỦ TỊCH",
    Membership.Role.VICE_CHAIR: "PHÓ CHỦ TỊCH",
    Membership.Role.MEMBER: "ỦY VIÊN",
}


def compose_report(report: Report) -> ReportDocument:
    """The document of `report`.

    Reads the term, its organization, memberships with people, areas with items and the
    report's items: load the report with `Report.objects.with_document_data()` or each of
    those is a query of its own.
    """
    term = report.term
    organization = term.organization
    memberships = list(term.memberships.all())
    warnings: list[str] = []

    header = Header(
        superior=upper(organization.parent_name),
        issuer=upper(organization.name),
        number=f"Số: {report.number:02d}/{organization.document_code}",
        date_line=date_line(report.place or organization.place_name, report.date),
    )
    parts = [
        _personnel_part(report, memberships, warnings),
        _achievements_part(report),
        _limitations_part(report),
        _lessons_part(report),
    ]
    parts = [part for part in parts if part.blocks or part.children]
    parts = [
        Section(
            number=f"{to_roman(i)}.", title=part.title, level=1, blocks=part.blocks, children=part.children
        )
        for i, part in enumerate(parts, start=1)
    ]
    if report.unplaced.strip():
        warnings.append(_("Some imported text has no place yet: see “Opening and closing”."))
    document = ReportDocument(
        header=header,
        title="BÁO CÁO",
        subject=_subject(organization.name, term.label),
        opening=_paragraphs(report.opening),
        parts=tuple(parts),
        closing=_paragraphs(report.closing),
        signature=_signature(report, memberships, warnings),
        recipients=_recipients(report.recipients),
        author=organization.name,
        warnings=tuple(warnings),
    )
    return number_footnotes(document)


NBSP = "\u00a0"


def _subject(organization_name: str, term_label: str) -> str:
    """The subject line, which may wrap but not inside "Tỉnh ủy" or "nhiệm kỳ 2017 – 2022".

    A union's name ends with a unit that reads as one ("Tỉnh ủy", "Hà Tĩnh"): its last two
    words and the term are joined by no-break spaces.
    """
    words = organization_name.split()
    name = " ".join([*words[:-2], NBSP.join(words[-2:])])
    return f"Kiểm điểm trách nhiệm của Ban Chấp hành {name} {term_label.replace(' ', NBSP)}"


def _paragraphs(text: str) -> tuple[Paragraph, ...]:
    """One paragraph a line; a line starting with "- " is a bullet point, ^[…] a footnote."""
    paragraphs = []
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("- "):
            paragraphs.append(Paragraph(parse_inline(line[2:].strip()), style="bullet"))
        elif line:
            paragraphs.append(Paragraph(parse_inline(line)))
    return tuple(paragraphs)


def _congress_name(organization_name: str) -> str:
    # The congress is that of the grassroots union: "Công đoàn Ban Tổ chức Tỉnh ủy" holds
    # the "Đại hội Công đoàn cơ sở Ban Tổ chức Tỉnh ủy".
    prefix = "Công đoàn "
    if organization_name.startswith(prefix) and not organization_name.startswith("Công đoàn cơ sở"):
        return f"Đại hội Công đoàn cơ sở {organization_name[len(prefix) :]}"
    return f"Đại hội {organization_name}"


@dataclass(frozen=True)
class _Committee:
    """Who was elected, left, joined and sits on the report's date: what part I counts."""

    elected: list[Membership]
    leavers: list[Membership]
    joiners: list[Membership]
    sitting: list[Membership]

    @classmethod
    def on(cls, day, memberships: list[Membership]) -> "_Committee":
        return cls(
            elected=[m for m in memberships if m.joined_how == Membership.Joined.ELECTED],
            leavers=[m for m in memberships if m.left_on and m.left_on <= day],
            joiners=[
                m for m in memberships if m.joined_how != Membership.Joined.ELECTED and m.joined_on <= day
            ],
            sitting=[m for m in memberships if m.sits_on(day)],
        )

    @property
    def vice_chairs(self) -> int:
        return sum(m.role == Membership.Role.VICE_CHAIR for m in self.sitting)

    def figures(self) -> set[int]:
        """The counts prose about the committee may name."""
        groups = (self.elected, self.leavers, self.joiners, self.sitting)
        return {len(group) for group in groups} | {self.vice_chairs}


def _personnel_part(report: Report, memberships: list[Membership], warnings: list[str]) -> Section:
    if report.personnel_text.strip():
        return _personnel_as_written(report, memberships, warnings)
    term = report.term
    committee = _Committee.on(report.date, memberships)
    elected, leavers, joiners, sitting = (
        committee.elected,
        committee.leavers,
        committee.joiners,
        committee.sitting,
    )

    first: list = [
        f"{_congress_name(term.organization.name)} {term.label} đã bầu Ban Chấp hành Công đoàn "
        f"gồm có {count(len(elected))} đồng chí."
    ]
    if leavers:
        reasons = Counter(m.left_reason for m in leavers)
        shares = ", ".join(
            f"{count(n)}/{count(len(leavers))} đồng chí {LEFT_REASON_PHRASES[reason]}"
            for reason, n in reasons.items()
        )
        first += [
            f" Trong quá trình hoạt động có {count(len(leavers))} đồng chí không tiếp tục tham gia "
            f"Ban Chấp hành ({shares}",
            Footnote(0, _leavers_footnote(leavers)),
            ").",
        ]
    else:
        first.append(" Trong nhiệm kỳ, nhân sự Ban Chấp hành không có biến động.")
    blocks = [Paragraph(tuple(first))]

    changes = _joiners_sentence(joiners)
    chair = "Chủ tịch" if any(m.role == Membership.Role.CHAIR for m in sitting) else ""
    vice_chairs = committee.vice_chairs
    leaders = [part for part in (chair, vice_chairs and f"{count(vice_chairs)} Phó Chủ tịch") if part]
    composition = f"Đến cuối nhiệm kỳ, Ban Chấp hành có {count(len(sitting))} đồng chí ủy viên"
    composition += f"; {' và '.join(leaders)}." if leaders else "."
    blocks.append(Paragraph((f"{changes} {composition}" if changes else composition,), style="bullet"))

    # The secretary's remarks lead into the qualification figures, in one bullet point.
    remarks = " ".join(line.strip() for line in report.personnel_remarks.splitlines() if line.strip())
    remarks_and_figures = f"{remarks} {_qualification_sentence(sitting)}".strip()
    if remarks_and_figures:
        blocks.append(Paragraph((remarks_and_figures,), style="bullet"))
    blocks += _paragraphs(report.personnel_closing)

    if len(elected) != term.committee_size:
        warnings.append(
            _(
                "The term says the congress elected %(size)s members, but %(found)s memberships are marked as elected."
            )
            % {"size": term.committee_size, "found": len(elected)}
        )
    if not chair:
        warnings.append(_("Nobody sits as chair on the report's date."))
    for figure in _figures_in(report.personnel_remarks + "\n" + report.personnel_closing):
        if figure not in committee.figures():
            warnings.append(
                _("The remarks on the committee mention %(n)s members, which the records do not give.")
                % {"n": figure}
            )
    return Section(number="", title="VỀ NHÂN SỰ BAN CHẤP HÀNH", level=1, blocks=tuple(blocks))


def _personnel_as_written(report: Report, memberships: list[Membership], warnings: list[str]) -> Section:
    """Part I as the secretary wrote (or imported) it; its figures are checked, not computed."""
    warnings.append(_("Part I is printed as written, not counted from the committee table."))
    blocks = _paragraphs(report.personnel_text)
    if memberships:
        computed = _Committee.on(report.date, memberships).figures()
        # Figures in footnotes count something else (the seed's names where people went).
        for figure in _figures_in("\n".join(paragraph.text for paragraph in blocks)):
            if figure not in computed:
                warnings.append(
                    _("Part I mentions %(n)s members, which the committee table does not give.")
                    % {"n": figure}
                )
    return Section(number="", title="VỀ NHÂN SỰ BAN CHẤP HÀNH", level=1, blocks=blocks)


def _leavers_footnote(leavers: list[Membership]) -> str:
    parts = []
    for m in leavers:
        phrase = LEFT_REASON_PHRASES[m.left_reason]
        if m.left_destination:
            phrase += (
                f" sang {m.left_destination}"
                if m.left_reason == m.LeftReason.TRANSFER
                else f" ({m.left_destination})"
            )
        parts.append(f"đồng chí {m.person.full_name}, {ROLE_IN_FOOTNOTE[m.role]} {phrase}")
    return sentence_case("; ".join(parts)) + "."


def _joiners_sentence(joiners: list[Membership]) -> str:
    clauses = []
    for how, verb, subject in (
        (Membership.Joined.BY_ELECTION, "bầu bổ sung", "Ban Chấp hành đã"),
        (Membership.Joined.APPOINTED, "chỉ định bổ sung", "Công đoàn cấp trên đã"),
    ):
        group = [m for m in joiners if m.joined_how == how]
        if not group:
            continue
        roles = Counter(m.role for m in group)
        phrases = []
        if roles[Membership.Role.MEMBER]:
            phrases.append(f"{verb} {count(roles[Membership.Role.MEMBER])} Ủy viên Ban Chấp hành")
        if roles[Membership.Role.VICE_CHAIR]:
            phrases.append(f"{verb} {count(roles[Membership.Role.VICE_CHAIR])} đồng chí Phó Chủ tịch")
        if roles[Membership.Role.CHAIR]:
            phrases.append(f"{verb} đồng chí Chủ tịch")
        clauses.append(f"{subject} {', '.join(phrases)}")
    return "; ".join(clauses) + "." if clauses else ""


def _qualification_sentence(sitting: list[Membership]) -> str:
    if not sitting:
        return ""
    total = len(sitting)
    degrees = sum(m.person.has_degree for m in sitting)
    trained = sum(m.person.union_trained for m in sitting)
    if degrees == trained == total:
        return (
            "100% Ủy viên Ban Chấp hành đều có trình độ chuyên môn đại học trở lên và được tập huấn, "
            "bồi dưỡng về nghiệp vụ công đoàn."
        )
    return (
        f"{count(degrees)}/{count(total)} Ủy viên Ban Chấp hành ({_percent(degrees, total)}) có trình độ "
        f"chuyên môn đại học trở lên; {count(trained)}/{count(total)} đồng chí ({_percent(trained, total)}) "
        "đã được tập huấn, bồi dưỡng về nghiệp vụ công đoàn."
    )


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%"


_FIGURE = re.compile(r"\b(\d{1,2})\s+(?:đồng chí|ủy viên|Ủy viên)")


def _figures_in(text: str) -> list[int]:
    return [int(match) for match in _FIGURE.findall(text)]


def _items_paragraphs(items: list[AchievementItem]) -> list[Paragraph]:
    return [
        Paragraph(parse_inline(item.text), style="bullet" if item.kind == item.Kind.BULLET else "body")
        for item in items
    ]


def _achievements_part(report: Report) -> Section:
    areas = getattr(report, "top_areas", None)
    if areas is None:
        areas = list(report.areas.filter(parent__isnull=True))
    sections = []
    for i, area in enumerate(areas, start=1):
        number = f"{i}."
        children = [
            _area_section(f"{i}.{j}.", child, level=3) for j, child in enumerate(area.children.all(), start=1)
        ]
        section = _area_section(number, area, level=2)
        sections.append(Section(number, section.title, 2, section.blocks, tuple(children)))
    return Section(number="", title="KẾT QUẢ CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", level=1, children=tuple(sections))


def _area_section(number: str, area, level: int) -> Section:
    blocks = _items_paragraphs(list(area.items.all()))
    if not area.title and blocks:
        # No title: the number runs into the first paragraph, as in "1.3. Ban Chấp hành đã …".
        blocks[0] = Paragraph(blocks[0].content, style="runin", label=number)
    return Section(number=number, title=area.title, level=level, blocks=tuple(blocks))


def _report_items(report: Report, kind: str) -> list[ReportItem]:
    return [item for item in report.items.all() if item.kind == kind]


def _limitations_part(report: Report) -> Section:
    limitations = _report_items(report, ReportItem.Kind.LIMITATION)
    causes = _report_items(report, ReportItem.Kind.CAUSE)
    children = []
    if limitations or report.limitations_intro:
        blocks = _paragraphs(report.limitations_intro) + tuple(
            Paragraph(parse_inline(item.text), style="bullet") for item in limitations
        )
        children.append(("Hạn chế, khuyết điểm", blocks))
    if causes:
        children.append(
            (
                "Nguyên nhân của hạn chế, khuyết điểm",
                tuple(Paragraph(parse_inline(c.text), style="bullet") for c in causes),
            )
        )
    return Section(
        number="",
        title="HẠN CHẾ, KHUYẾT ĐIỂM VÀ NGUYÊN NHÂN",
        level=1,
        children=tuple(
            Section(number=f"{i}.", title=title, level=2, blocks=blocks)
            for i, (title, blocks) in enumerate(children, start=1)
        ),
    )


def _lessons_part(report: Report) -> Section:
    lessons = _report_items(report, ReportItem.Kind.LESSON)
    blocks = _paragraphs(report.lessons_intro) + tuple(
        Paragraph(parse_inline(item.text), label=f"{i}.") for i, item in enumerate(lessons, start=1)
    )
    if not lessons:
        blocks = ()
    return Section(number="", title="MỘT SỐ KINH NGHIỆM", level=1, blocks=blocks)


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
