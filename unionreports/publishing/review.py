"""The review of a report by its committee: rounds, verdicts, comments, and what changed."""

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from unionreports.accounts.models import Affiliation
from unionreports.committee.models import Organization
from unionreports.lib.worddiff import Run, word_diff
from unionreports.reports.compose import compose_report
from unionreports.reports.document import ReportDocument
from unionreports.reports.models import Report

from .models import Comment, ReviewRound, Verdict

# Which editing page holds each part of the document, for the comment counts of those pages.
PART_OF_ANCHOR = {
    "opening": "prose",
    "closing": "prose",
    "I.": "committee",
    "II.": "achievements",
    "IV.": "lessons",
}


@dataclass(frozen=True)
class ReviewSection:
    anchor: str
    heading: str
    text: str
    changes: list[Run] | None  # None: unchanged, or nothing to compare with

    @property
    def items(self) -> list[str]:
        """The section's paragraphs and list items, which a comment may be about one of."""
        return [line for line in self.text.splitlines() if line.strip()]


def sections_text(document: ReportDocument) -> dict[str, tuple[str, str]]:
    """anchor → (heading, text) for every commentable section, in reading order."""
    out = {"opening": (_("Opening"), "\n".join(p.text for p in document.opening))}
    for part in document.parts:
        for section in part.walk():
            anchor = section.number if section.level == 1 else f"{part.number}{section.number}"
            heading = f"{section.number} {section.title}".strip() if section.title else section.number
            body = "\n".join(
                " ".join(part for part in ("-" if p.style == "bullet" else "", p.label, p.text) if part)
                for p in section.blocks
            )
            if section.level > 1 or body:
                out[anchor] = (heading, body)
    out["closing"] = (_("Closing"), "\n".join(p.text for p in document.closing))
    return out


def review_sections(document: ReportDocument, since: ReviewRound | None) -> list[ReviewSection]:
    before = since.snapshot if since else {}
    sections = []
    for anchor, (heading, text) in sections_text(document).items():
        old = before.get(anchor)
        changes = word_diff(old, text) if old is not None and old.split() != text.split() else None
        if since is not None and old is None and text:
            changes = word_diff("", text)
        sections.append(ReviewSection(anchor, heading, text, changes))
    return sections


def committee_members(organization: Organization):
    return Affiliation.objects.filter(organization=organization, role=Affiliation.Role.MEMBER).select_related(
        "user"
    )


@transaction.atomic
def round_start(*, report: Report, by: AbstractBaseUser) -> ReviewRound:
    """Sends the report (as it is now) to the committee as a new round."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    document = compose_report(Report.objects.with_document_data().get(pk=report.pk))
    number = (report.rounds.aggregate(n=Max("number"))["n"] or 0) + 1
    snapshot = {anchor: text for anchor, (_heading, text) in sections_text(document).items()}
    review_round = ReviewRound.objects.create(report=report, number=number, snapshot=snapshot, started_by=by)
    report.status = Report.Status.REVIEW
    report.save(update_fields=["status", "updated_at"])
    return review_round


@transaction.atomic
def round_withdraw(*, report: Report) -> None:
    """Takes the report back to draft; the round's comments stay."""
    Report.objects.filter(pk=report.pk).update(status=Report.Status.DRAFT, updated_at=timezone.now())


@transaction.atomic
def verdict_give(*, report: Report, user: AbstractBaseUser, decision: str) -> Verdict:
    report = Report.objects.select_for_update().get(pk=report.pk)
    if report.status not in (Report.Status.REVIEW, Report.Status.APPROVED):
        raise ValidationError(_("The report is not in review."), code="not_in_review")
    current = report.rounds.order_by("-number").first()
    verdict, _created = Verdict.objects.update_or_create(
        round=current, user=user, defaults={"decision": decision}
    )
    approvals = current.verdicts.filter(decision=Verdict.Decision.APPROVE).count()
    approved = is_approved(report.term.organization, approvals)
    report.status = Report.Status.APPROVED if approved else Report.Status.REVIEW
    report.save(update_fields=["status", "updated_at"])
    return verdict


def is_approved(organization: Organization, approvals: int) -> bool:
    members = committee_members(organization).count()
    if members == 0:
        return False
    if organization.approval_rule == Organization.Approval.MAJORITY:
        return approvals * 2 > members
    return approvals >= members


@transaction.atomic
def comment_add(
    *, report: Report, author: AbstractBaseUser, anchor: str, text: str, parent: Comment | None
) -> Comment:
    comment = Comment(
        report=report,
        round=report.rounds.order_by("-number").first(),
        anchor=parent.anchor if parent else anchor,
        parent=parent.parent or parent if parent else None,
        author=author,
        text=text,
    )
    comment.full_clean()
    comment.save()
    return comment


def comment_resolve(*, comment: Comment, resolved: bool) -> None:
    comment.resolved_at = timezone.now() if resolved else None
    comment.save(update_fields=["resolved_at"])


def open_comment_counts(report: Report) -> dict[str, int]:
    """Open comment threads per editing page (slug), e.g. {"committee": 2}."""
    counts: dict[str, int] = {}
    for anchor in report.comments.filter(parent__isnull=True, resolved_at__isnull=True).values_list(
        "anchor", flat=True
    ):
        part = part_of(anchor)
        counts[part] = counts.get(part, 0) + 1
    return counts


def section_of(anchor: str) -> str:
    """ "II.1.#3" (the third item of II.1.) belongs to the section "II.1." """
    return anchor.split("#")[0]


def part_of(anchor: str) -> str:
    anchor = section_of(anchor)
    if anchor.startswith("III.1"):
        return "limitations"
    if anchor.startswith("III.2"):
        return "causes"
    if anchor.startswith("II."):
        return "achievements"
    return PART_OF_ANCHOR.get(anchor.split(".")[0] + "." if "." in anchor else anchor, "prose")
