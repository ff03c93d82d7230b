"""Part I of a self-assessment report, counted from the committee's memberships.

How many the congress elected, who left and why (a footnote names each and where they went),
who joined and how, the composition at the end and the qualifications: all of it from the
records. Prose the secretary adds around the figures is checked against the same counts.
"""

import re
from collections import Counter
from dataclasses import dataclass

from django.utils.translation import gettext as _

from unionreports.committee.models import Membership
from unionreports.document import Footnote, Paragraph, paragraphs_of
from unionreports.lib.vietnamese import count, sentence_case

from .models import Report, ReportSection

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


def congress_name(organization_name: str) -> str:
    # The congress is that of the grassroots union: "Công đoàn Ban Tổ chức Tỉnh ủy" holds
    # the "Đại hội Công đoàn cơ sở Ban Tổ chức Tỉnh ủy".
    prefix = "Công đoàn "
    if organization_name.startswith(prefix) and not organization_name.startswith("Công đoàn cơ sở"):
        return f"Đại hội Công đoàn cơ sở {organization_name[len(prefix) :]}"
    return f"Đại hội {organization_name}"


@dataclass(frozen=True)
class Committee:
    """Who was elected, left, joined and sits on the report's date: what part I counts."""

    elected: list[Membership]
    leavers: list[Membership]
    joiners: list[Membership]
    sitting: list[Membership]

    @classmethod
    def on(cls, day, memberships: list[Membership]) -> "Committee":
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


def personnel_blocks(
    section: ReportSection, report: Report, memberships: list[Membership], warnings: list[str]
) -> tuple[Paragraph, ...]:
    """Part I's paragraphs: counted from the committee, or as written and checked against it."""
    if section.text.strip():
        return _personnel_as_written(section, report, memberships, warnings)
    term = report.term
    committee = Committee.on(report.date, memberships)
    elected, leavers, joiners, sitting = (
        committee.elected,
        committee.leavers,
        committee.joiners,
        committee.sitting,
    )

    first: list = [
        f"{congress_name(term.organization.name)} {term.label} đã bầu Ban Chấp hành Công đoàn "
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
    remarks = " ".join(line.strip() for line in section.remarks.splitlines() if line.strip())
    remarks_and_figures = f"{remarks} {_qualification_sentence(sitting)}".strip()
    if remarks_and_figures:
        blocks.append(Paragraph((remarks_and_figures,), style="bullet"))
    blocks += paragraphs_of(section.closing)

    if len(elected) != term.committee_size:
        warnings.append(
            _(
                "The term says the congress elected %(size)s members, but %(found)s memberships are marked as elected."
            )
            % {"size": term.committee_size, "found": len(elected)}
        )
    if not chair:
        warnings.append(_("Nobody sits as chair on the report's date."))
    for figure in _figures_in(section.remarks + "\n" + section.closing):
        if figure not in committee.figures():
            warnings.append(
                _("The remarks on the committee mention %(n)s members, which the records do not give.")
                % {"n": figure}
            )
    return tuple(blocks)


def _personnel_as_written(
    section: ReportSection, report: Report, memberships: list[Membership], warnings: list[str]
) -> tuple[Paragraph, ...]:
    """The part as the secretary wrote (or imported) it; its figures are checked, not computed."""
    warnings.append(
        _("“%(title)s” is printed as written, not counted from the committee table.") % {"title": section}
    )
    blocks = paragraphs_of(section.text)
    if memberships:
        computed = Committee.on(report.date, memberships).figures()
        # Figures in footnotes count something else (the seed's names where people went).
        for figure in _figures_in("\n".join(paragraph.text for paragraph in blocks)):
            if figure not in computed:
                warnings.append(
                    _("“%(title)s” mentions %(n)s members, which the committee table does not give.")
                    % {"title": section, "n": figure}
                )
    return blocks


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
