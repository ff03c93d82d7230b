"""The review of a report by its committee: rounds, verdicts, comments, and what changed."""

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from unionreports.accounts.models import Affiliation
from unionreports.committee.models import Membership, Organization
from unionreports.document import ReportDocument
from unionreports.document.lines import NumberedDocument
from unionreports.notices import services as notices
from unionreports.reports.compose import compose_report
from unionreports.reports.models import Report

from .blocks import document_blocks, end_text, header_text
from .models import Comment, ReviewRound, TextVersion, Verdict


@dataclass(frozen=True)
class ReviewItem:
    """A paragraph or list item a comment may be about: its identity if it has one, and its text."""

    anchor: str
    text: str


def _line(paragraph) -> str:
    # A run-in number ("1.3. Ban Chấp hành …") is the section's own, shown in its heading.
    label = "" if paragraph.style == "runin" else paragraph.label
    return " ".join(
        part for part in ("-" if paragraph.style == "bullet" else "", label, paragraph.text) if part
    )


def review_texts(document: ReportDocument) -> list[tuple[str, str, tuple[ReviewItem, ...]]]:
    """(anchor, heading, items) of every commentable section, in reading order.

    Anchors are identities ("section-12", "area-7"), so a comment stays with its section when
    sections are added, emptied, moved or renumbered. The heading shows the number it prints with.
    """
    out = [("opening", _("Opening"), tuple(ReviewItem("", p.text) for p in document.opening))]
    for section in document.sections():
        heading = f"{section.number} {section.title}".strip()
        items = tuple(ReviewItem(p.anchor, _line(p)) for p in section.blocks)
        out.append((section.anchor or section.number, heading, items))
    out.append(("closing", _("Closing"), tuple(ReviewItem("", p.text) for p in document.closing)))
    return out


def sections_text(document: ReportDocument) -> dict[str, tuple[str, str]]:
    """anchor → (heading, text) for every commentable section, in reading order."""
    return {
        anchor: (heading, "\n".join(item.text for item in items))
        for anchor, heading, items in review_texts(document)
    }


def document_texts(document: ReportDocument) -> dict[str, tuple[str, str]]:
    """What a member reads, keyed for comparing two versions: the sections, and the heading and end."""
    texts = sections_text(document)
    texts["header"] = (_("Heading and title"), header_text(document))
    texts["end"] = (_("Signature and distribution list"), end_text(document))
    return texts


def changed_sections(before: dict, after: dict) -> list[str]:
    """Headings of what differs between two `document_texts` (as stored: lists or tuples)."""
    changed = []
    for anchor, (heading, text) in after.items():
        old = before.get(anchor)
        if old is None:
            changed.append(_("%(heading)s (added)") % {"heading": heading})
        elif old[1] != text or old[0] != heading:
            changed.append(heading)
    for anchor, (heading, _text) in before.items():
        if anchor not in after:
            changed.append(_("%(heading)s (removed)") % {"heading": heading})
    return changed


def comments_by_block(numbered: NumberedDocument, comments) -> tuple[dict[str, list[Comment]], list[Comment]]:
    """The threads shown beside each block of the review copy, by its identity, and the rest.

    A comment stays where its anchor is; one whose paragraph is gone shows at what held it (a
    footnote's paragraph, an item's section, a paragraph's heading), and one about a part since
    removed is listed apart, never dropped.
    """
    shown_at = numbered.identities()
    threads: dict[str, list[Comment]] = {}
    orphans: list[Comment] = []
    for comment in comments:
        anchor = comment.anchor
        while anchor not in shown_at and "/" in anchor:
            anchor = anchor.rsplit("/", 1)[0]
        block = shown_at.get(anchor)
        if block is None:
            orphans.append(comment)
        else:
            threads.setdefault(block.identity, []).append(comment)
    return threads, orphans


@dataclass(frozen=True)
class Seat:
    """A committee member sitting on a report's date, and the account that is theirs (if any)."""

    membership: Membership
    user_id: int | None

    @property
    def person(self):
        return self.membership.person


def accounts_by_person(organization_ids) -> dict[int, int]:
    """person id → user id of the accounts linked to committee members of these unions (one query)."""
    return dict(
        Affiliation.objects.filter(organization__in=organization_ids, person__isnull=False).values_list(
            "person_id", "user_id"
        )
    )


def committee_seats(report: Report, accounts: dict[int, int] | None = None) -> list[Seat]:
    """The members of the report's committee sitting on the report's date, in the committee's order.

    Reads the term's memberships with their people (prefetched by `with_document_data`) and,
    unless `accounts` (from `accounts_by_person`) is given, the union's linked accounts (one query).
    A member who left before the date, or joined after it, has no seat.
    """
    if accounts is None:
        accounts = accounts_by_person([report.term.organization_id])
    return [
        Seat(membership, accounts.get(membership.person_id))
        for membership in report.term.memberships.all()
        if membership.sits_on(report.date)
    ]


def sitting_member_of(report: Report, user: AbstractBaseUser) -> Seat | None:
    """The seat `user`'s account is linked to, if its person sits on the report's date."""
    return next((seat for seat in committee_seats(report) if seat.user_id == user.pk), None)


@dataclass(frozen=True)
class CommitteeVerdict:
    """One sitting member as the review page lists them: what they answered about the current text."""

    APPROVED, CHANGES, WAITING, NO_ACCOUNT = "approved", "changes", "waiting", "no_account"

    seat: Seat
    status: str
    verdict: Verdict | None  # the member's latest answer, whatever text it was about


def committee_verdicts(state) -> list[CommitteeVerdict]:
    """Each sitting member of `state` (a `ReportState`): approved, asked for changes, not yet
    answered (about the current text), or has no account. No query."""
    rows = []
    for seat in state.seats:
        verdict = state.verdicts.get(seat.user_id) if seat.user_id else None
        if seat.user_id is None:
            status = CommitteeVerdict.NO_ACCOUNT
        elif verdict is None or verdict.digest != state.digest:
            status = CommitteeVerdict.WAITING
        elif verdict.decision == Verdict.Decision.APPROVE:
            status = CommitteeVerdict.APPROVED
        else:
            status = CommitteeVerdict.CHANGES
        rows.append(CommitteeVerdict(seat, status, verdict))
    return rows


def remember_text(report: Report, document: ReportDocument) -> str:
    """Keeps the text of `document` under its digest (once), to show later what changed since."""
    digest = document.digest()
    texts = document_texts(document)
    blocks = [block.to_json() for block in document_blocks(document)]
    version, created = TextVersion.objects.get_or_create(
        report=report, digest=digest, defaults={"sections": texts, "order": list(texts), "blocks": blocks}
    )
    if not created and not version.blocks:
        # Kept before blocks were: the same text, now with what tells moves from edits.
        version.blocks = blocks
        version.save(update_fields=["blocks"])
    return digest


@transaction.atomic
def round_start(*, report: Report, by: AbstractBaseUser) -> ReviewRound:
    """Sends the report (as it is now) to the committee as a new round."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    document = compose_report(Report.objects.with_document_data().get(pk=report.pk))
    number = (report.rounds.aggregate(n=Max("number"))["n"] or 0) + 1
    snapshot = {anchor: text for anchor, (_heading, text) in sections_text(document).items()}
    report.rounds.filter(closed_at__isnull=True).update(closed_at=timezone.now())
    review_round = ReviewRound.objects.create(
        report=report,
        number=number,
        snapshot=snapshot,
        digest=remember_text(report, document),
        started_by=by,
    )
    notices.round_opened(review_round)
    return review_round


@transaction.atomic
def round_withdraw(*, report: Report) -> None:
    """Takes the report back to draft; the round's comments and verdicts stay."""
    report.rounds.filter(closed_at__isnull=True).update(closed_at=timezone.now())


@transaction.atomic
def verdict_give(*, report: Report, user: AbstractBaseUser, decision: str, digest: str) -> Verdict:
    """Records the member's answer about the text with `digest`, the one the member read.

    Refused when the report is not in review, when the user's account is not linked to a
    member sitting on the report's date, or when its text changed since the member opened it:
    an approval is of one exact text.
    """
    report = Report.objects.select_for_update().get(pk=report.pk)
    current = report.rounds.filter(closed_at__isnull=True).order_by("-number").first()
    if current is None:
        raise ValidationError(_("The report is not in review."), code="not_in_review")
    if sitting_member_of(report, user) is None:
        raise ValidationError(
            _(
                "Only the committee members sitting on the report's date answer. If you are one, ask "
                "the secretary to link your account to your name in the committee."
            ),
            code="not_a_sitting_member",
        )
    document = compose_report(Report.objects.with_document_data().get(pk=report.pk))
    if document.digest() != digest:
        raise ValidationError(
            _("The report changed while you were reading it: read it again, then answer."),
            code="text_changed",
        )
    remember_text(report, document)
    verdict, _created = Verdict.objects.update_or_create(
        round=current, user=user, defaults={"decision": decision, "digest": digest}
    )
    notices.verdict_given(verdict)
    return verdict


def is_approved(organization: Organization, approvals: int, members: int) -> bool:
    """Whether `approvals` of the `members` sitting on the committee approve, under the union's rule.

    A sitting member without an account can't approve: under "all", the report waits for them.
    """
    if members == 0:
        return False
    if organization.approval_rule == Organization.Approval.MAJORITY:
        return approvals * 2 > members
    return approvals >= members


@transaction.atomic
def comment_add(
    *,
    report: Report,
    author: AbstractBaseUser,
    anchor: str,
    text: str,
    parent: Comment | None,
    quote: str = "",
) -> Comment:
    comment = Comment(
        report=report,
        round=report.rounds.order_by("-number").first(),
        anchor=parent.anchor if parent else anchor,
        quote=parent.quote if parent else quote,
        parent=parent.parent or parent if parent else None,
        author=author,
        text=text,
    )
    comment.full_clean()
    comment.save()
    notices.comment_added(comment)
    return comment


def comment_resolve(*, comment: Comment, resolved: bool) -> None:
    comment.resolved_at = timezone.now() if resolved else None
    comment.save(update_fields=["resolved_at"])


def open_comment_counts(report: Report) -> dict[str, int]:
    """Open comment threads per editing page, e.g. {"prose": 1, "section-12": 2}.

    A comment on an area or an item counts for the section that holds it; one query, and the
    report's sections as loaded (prefetched by `with_document_data`).
    """
    page_of = {"opening": "prose", "closing": "prose"}
    for section in report.sections.all():
        page_of[section.anchor] = f"section-{section.pk}"
        for area in section.areas.all():
            page_of[area.anchor] = f"section-{section.pk}"
    counts: dict[str, int] = {}
    for anchor in report.comments.filter(parent__isnull=True, resolved_at__isnull=True).values_list(
        "anchor", flat=True
    ):
        page = page_of.get(anchor.split("/")[0], "outline")
        counts[page] = counts.get(page, 0) + 1
    return counts


def last_reviewed_round(report, user, current):
    """The round the user last answered or commented on before the current one, else the one before."""
    if current is None:
        return None
    earlier = report.rounds.filter(number__lt=current.number)
    mine = earlier.filter(Q(verdicts__user=user) | Q(comments__author=user)).order_by("-number").first()
    return mine or earlier.order_by("-number").first()
