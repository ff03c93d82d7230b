"""Proofreading a saved report: its composed document and the figures of its committee records."""

import datetime
import functools

from django.utils import translation

from unionreports.committee.models import Membership, Term
from unionreports.document import ReportDocument
from unionreports.proofreading import Finding, Records, proofread

from .compose import compose_report
from .models import Report


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
