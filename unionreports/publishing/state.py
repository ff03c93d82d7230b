"""Where a report stands, worked out from its text and the committee's answers, never stored.

"Approved" means: of the committee members sitting on the report's date, those the union's rule
requires approved *this exact text* (their verdicts carry the digest of the document they read).
An approval counts through the account linked to a sitting member; a member without an account
is counted among those sitting and can't approve. "Published" means: the newest published
version is this exact text. Any change anywhere (an item, a moved area, the committee, the term,
the union's name, an edit in the admin) changes the digest, so review reopens without any write
path having to remember it.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch, prefetch_related_objects
from django.utils.translation import gettext_lazy as _

from unionreports.committee.models import Organization
from unionreports.document import ReportDocument
from unionreports.reports.compose import compose_report
from unionreports.reports.models import Report

from .models import Publication, ReviewRound, TextVersion
from .review import Seat, accounts_by_person, changed_sections, committee_seats, document_texts, is_approved

DRAFT, REVIEW, APPROVED, CHANGED, PUBLISHED = "draft", "review", "approved", "changed", "published"
LABELS = {
    DRAFT: _("Draft"),
    REVIEW: _("In review"),
    APPROVED: _("Approved"),
    CHANGED: _("Changed since the committee approved it"),
    PUBLISHED: _("Published"),
}


@dataclass(frozen=True)
class ReportState:
    status: str
    digest: str
    approvals: int = 0
    members: int = 0
    # Set when the committee approved another text than the current one (status CHANGED, or a
    # published report edited since): that text's digest, and the headings of what changed.
    approved_digest: str = ""
    changes: list[str] = field(default_factory=list)
    open_round: object = None
    # The committee members sitting on the report's date, and each linked account's latest verdict.
    seats: tuple[Seat, ...] = ()
    verdicts: dict = field(default_factory=dict)

    @property
    def label(self) -> str:
        return str(LABELS[self.status])

    @property
    def in_review(self) -> bool:
        return self.open_round is not None


def report_state(
    report: Report, document: ReportDocument, *, changes: bool = True, accounts: dict[int, int] | None = None
) -> ReportState:
    """The state of `report`, whose current document is `document`.

    Reads the report's rounds with their verdicts and its publications (prefetch them for a
    list: `Report.objects.with_review_data()`), the term's memberships (prefetched by
    `with_document_data`) and the accounts linked to them (one query, unless `accounts` from
    `accounts_by_person` is given). With `changes`, what changed since an approved text (one
    more query, only then).
    """
    digest = document.digest()
    rounds = sorted(report.rounds.all(), key=lambda r: r.number, reverse=True)
    open_round = next((r for r in rounds if r.closed_at is None), None)
    organization: Organization = report.term.organization
    seats = tuple(committee_seats(report, accounts))
    members = {seat.user_id for seat in seats if seat.user_id is not None}
    # Each sitting member's latest answer counts, whatever round it was given in.
    latest = {}
    for review_round in reversed(rounds):
        for verdict in sorted(review_round.verdicts.all(), key=lambda v: v.decided_at):
            if verdict.user_id in members:
                latest[verdict.user_id] = verdict
    approvals: dict[str, int] = {}
    for verdict in latest.values():
        if verdict.decision == verdict.Decision.APPROVE and verdict.digest:
            approvals[verdict.digest] = approvals.get(verdict.digest, 0) + 1
    published = _newest_published_digest(report)
    sitting = len(seats)
    approved_other = next(
        (d for d, n in approvals.items() if d != digest and is_approved(organization, n, sitting)), ""
    ) or (published if published and published != digest else "")
    common = {
        "digest": digest,
        "approvals": approvals.get(digest, 0),
        "members": sitting,
        "open_round": open_round,
        "seats": seats,
        "verdicts": latest,
    }
    if published == digest:
        return ReportState(PUBLISHED, **common)
    if is_approved(organization, approvals.get(digest, 0), sitting):
        return ReportState(APPROVED, **common)
    found = _changes(report, approved_other, document) if approved_other and changes else []
    if approved_other:
        return ReportState(CHANGED, approved_digest=approved_other, changes=found, **common)
    return ReportState(REVIEW if open_round else DRAFT, **common)


def report_states(reports: list[Report]) -> dict[int, ReportState]:
    """report id → state of each of `reports` (loaded with their document data), in 4 queries."""
    prefetch_related_objects(
        reports,
        Prefetch("rounds", queryset=ReviewRound.objects.prefetch_related("verdicts")),
        Prefetch("publications", queryset=_publication_facts()),
    )
    accounts = accounts_by_person({report.term.organization_id for report in reports}) if reports else {}
    return {
        report.pk: report_state(report, compose_report(report), changes=False, accounts=accounts)
        for report in reports
    }


def is_published(report: Report, document: ReportDocument) -> bool:
    """Whether `document`, the report's current text, is its newest published version: then its
    renderings are the published ones and carry no "DỰ THẢO" (see `reports.drafts`).

    Reads the report's publications once (none when prefetched) and leaves them prefetched, so
    that `report_state` on the same page reads them again from memory.
    """
    if "publications" not in getattr(report, "_prefetched_objects_cache", {}):
        prefetch_related_objects([report], Prefetch("publications", queryset=_publication_facts()))
    published = _newest_published_digest(report)
    return bool(published) and published == document.digest()


def _newest_published_digest(report: Report) -> str:
    newest = max(_publications(report), key=lambda p: p.version, default=None)
    return newest.digest if newest else ""


def _publication_facts():
    # Never the frozen bytes: only what tells which text each version is.
    return Publication.objects.only("id", "report_id", "version", "digest")


def _publications(report: Report) -> list[Publication]:
    if "publications" in getattr(report, "_prefetched_objects_cache", {}):
        return list(report.publications.all())
    return list(_publication_facts().filter(report=report))


def _changes(report: Report, digest: str, document: ReportDocument) -> list[str]:
    version = TextVersion.objects.filter(report=report, digest=digest).first()
    if version is None:
        return []
    return changed_sections(version.sections, document_texts(document))
