"""The record of the review, "Tổng hợp ý kiến góp ý": every round's comments and verdicts.

`build_record` is pure (loaded records in, a `ReviewRecord` out, no query); `review_record`
loads what it needs in a fixed number of queries; `record_freeze` keeps the record's PDF and
DOCX beside a published version. The record is Vietnamese whatever the interface language.
"""

import dataclasses
import datetime
import hashlib
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from django.db import transaction
from django.utils import timezone

from unionreports.accounts.names import display_name
from unionreports.document import ReportDocument
from unionreports.document.record import (
    RecordComment,
    RecordReply,
    RecordRound,
    RecordSection,
    RecordVerdict,
    ReviewRecord,
)
from unionreports.lib.vietnamese import date_line, sentence_case, to_roman
from unionreports.rendering.record import render_record_docx, render_record_pdf
from unionreports.reports.compose import compose_report
from unionreports.reports.models import Report

from .models import Comment, Publication, PublishedRecord, ReviewRound, TextVersion, Verdict
from .review import review_texts

# Fixed words, not the headings stored in the interface language of whoever sent the round.
FIXED_HEADINGS = {"opening": "Mở đầu", "closing": "Kết luận"}
DECISIONS = {Verdict.Decision.APPROVE: "Tán thành", Verdict.Decision.CHANGES: "Đề nghị chỉnh sửa"}
UNKNOWN_SECTION = "Phần không còn xác định được"


def vietnamese_time(value: datetime.datetime) -> str:
    """'08:30 ngày 05/03/2023', in the union's time zone."""
    local = timezone.localtime(value)
    return f"{local:%H:%M} ngày {local.day:02d}/{local.month:02d}/{local.year}"


def vietnamese_date(value: datetime.datetime) -> str:
    local = timezone.localtime(value)
    return f"{local.day:02d}/{local.month:02d}/{local.year}"


def _reading_order(version: TextVersion | None) -> list[str]:
    if version is None:
        return []
    # PostgreSQL keeps no order of a JSON object's keys: the order is kept beside them.
    return list(version.order or version.sections)


def build_record(
    *,
    document: ReportDocument,
    place: str,
    day: datetime.date,
    rounds: Sequence[ReviewRound],
    comments: Iterable[Comment],
    verdicts: Iterable[Verdict],
    versions: Mapping[str, TextVersion],
) -> ReviewRecord:
    """The record of the review of the report whose current (or published) text is `document`.

    `comments` are all of the report's, replies included, with their authors; `verdicts` those
    of its rounds with their members; `versions` the text versions of the rounds by digest.
    No query: everything is passed in.
    """
    current = [(anchor, heading) for anchor, heading, _items in review_texts(document)]
    current_headings = dict(current)
    current_order = {anchor: position for position, (anchor, _heading) in enumerate(current)}

    threads: dict[int | None, list[Comment]] = defaultdict(list)
    replies: dict[int, list[Comment]] = defaultdict(list)
    for comment in sorted(comments, key=lambda c: (c.created_at, c.pk)):
        if comment.parent_id:
            replies[comment.parent_id].append(comment)
        else:
            threads[comment.round_id].append(comment)
    by_round: dict[int, list[Verdict]] = defaultdict(list)
    for verdict in sorted(verdicts, key=lambda v: (v.decided_at, v.pk)):
        by_round[verdict.round_id].append(verdict)

    def heading(anchor: str, version: TextVersion | None) -> str:
        if anchor in FIXED_HEADINGS:
            return FIXED_HEADINGS[anchor]
        stored = version.sections.get(anchor) if version else None
        if stored:
            return stored[0]
        return current_headings.get(anchor, UNKNOWN_SECTION)

    def sections_of(round_comments: list[Comment], version: TextVersion | None) -> tuple[RecordSection, ...]:
        grouped: dict[str, list[Comment]] = defaultdict(list)
        for comment in round_comments:
            grouped[comment.section_anchor].append(comment)
        order = {anchor: position for position, anchor in enumerate(_reading_order(version))}

        def place_of(anchor: str):
            # The round's reading order; a section the round's text lacked after those it held.
            if anchor in order:
                return (0, order[anchor])
            if anchor in current_order:
                return (1, current_order[anchor])
            return (2, grouped[anchor][0].created_at.timestamp())

        anchors = sorted(grouped, key=place_of)
        return tuple(
            RecordSection(
                number=f"1.{position}.",
                heading=heading(anchor, version),
                removed=anchor not in current_order,
                comments=tuple(_comment(comment, replies[comment.pk]) for comment in grouped[anchor]),
            )
            for position, anchor in enumerate(anchors, start=1)
        )

    record_rounds = []
    for review_round in sorted(rounds, key=lambda r: r.number):
        dates = f"Gửi lấy ý kiến lúc {vietnamese_time(review_round.started_at)}; " + (
            f"kết thúc lúc {vietnamese_time(review_round.closed_at)}."
            if review_round.closed_at
            else "đến nay chưa kết thúc."
        )
        record_rounds.append(
            (
                review_round.digest,
                f"VÒNG GÓP Ý THỨ {review_round.number}",
                dates,
                threads.get(review_round.pk, []),
                versions.get(review_round.digest),
                by_round.get(review_round.pk, []),
            )
        )
    if threads.get(None):
        # Comments whose round is gone (a round's comments outlive it): listed, never dropped.
        record_rounds.append(("", "Ý KIẾN KHÔNG GẮN VỚI VÒNG GÓP Ý NÀO", "", threads[None], None, []))
    built = tuple(
        RecordRound(
            number=f"{to_roman(position)}.",
            title=title,
            dates=dates,
            sections=sections_of(round_comments, version),
            verdicts=tuple(_verdict(verdict, digest) for verdict in round_verdicts),
        )
        for position, (digest, title, dates, round_comments, version, round_verdicts) in enumerate(
            record_rounds, start=1
        )
    )
    sent = len(rounds)
    introduction = (
        f"Ban Chấp hành {document.author} đã lấy ý kiến góp ý của các Ủy viên Ban Chấp hành đối với "
        f"dự thảo báo cáo qua {sent:02d} vòng. Kết quả tổng hợp như sau:"
        if sent
        else "Dự thảo báo cáo chưa được gửi lấy ý kiến Ban Chấp hành."
    )
    subject = document.subject
    return ReviewRecord(
        header=dataclasses.replace(document.header, number="", date_line=date_line(place, day)),
        title="TỔNG HỢP Ý KIẾN GÓP Ý",
        subject=f"Dự thảo {sentence_case(document.title.lower())} {subject[:1].lower()}{subject[1:]}",
        introduction=introduction,
        rounds=built,
        signature=document.signature,
        author=document.author,
    )


def _comment(comment: Comment, replies: list[Comment]) -> RecordComment:
    if comment.resolved_at:
        outcome = f"Đã giải quyết ngày {vietnamese_date(comment.resolved_at)}."
    else:
        outcome = "Chưa giải quyết."
    return RecordComment(
        author=display_name(comment.author),
        time=vietnamese_time(comment.created_at),
        text=comment.text,
        # A list item's quote starts with its "- ", which the quotation marks replace.
        quote=comment.quote.removeprefix("- "),
        replies=tuple(
            RecordReply(display_name(reply.author), vietnamese_time(reply.created_at), reply.text)
            for reply in replies
        ),
        outcome=outcome,
        resolved=comment.resolved_at is not None,
    )


def _verdict(verdict: Verdict, round_digest: str) -> RecordVerdict:
    on_round_text = bool(verdict.digest) and verdict.digest == round_digest
    return RecordVerdict(
        member=display_name(verdict.user),
        decision=DECISIONS.get(verdict.decision, verdict.decision),
        time=vietnamese_time(verdict.decided_at),
        on_round_text=on_round_text,
        text_note="Văn bản gửi ở vòng này" if on_round_text else "Văn bản đã sửa sau khi gửi",
    )


def review_record(report: Report, *, document: ReportDocument | None = None, day=None) -> ReviewRecord:
    """The record as it stands, dated `day` (today in the union's time zone by default).

    Four queries (rounds, comments with authors, verdicts with members, the rounds' texts),
    whatever their number; `report` loaded with `Report.objects.with_document_data()`.
    """
    document = document or compose_report(report)
    rounds = list(report.rounds.all().order_by("number"))
    versions = {
        version.digest: version
        for version in TextVersion.objects.filter(
            report=report, digest__in=[r.digest for r in rounds if r.digest]
        ).only("digest", "sections", "order")
    }
    return build_record(
        document=document,
        place=report.place or report.term.organization.place_name,
        day=day or timezone.localdate(),
        rounds=rounds,
        comments=report.comments.select_related("author__profile"),
        verdicts=Verdict.objects.filter(round__report=report).select_related("user__profile"),
        versions=versions,
    )


def record_file_name(record: ReviewRecord, extension: str) -> str:
    return f"Tổng hợp ý kiến góp ý {record.author}.{extension}"


@transaction.atomic
def record_freeze(*, publication: Publication, report: Report, document: ReportDocument) -> PublishedRecord:
    """Keeps the record as it stands beside `publication`: later comments don't change it."""
    record = review_record(report, document=document, day=timezone.localdate(publication.published_at))
    pdf, word = render_record_pdf(record), render_record_docx(record)
    return PublishedRecord.objects.create(
        publication=publication,
        pdf=pdf,
        pdf_sha256=hashlib.sha256(pdf).hexdigest(),
        docx=word,
        docx_sha256=hashlib.sha256(word).hexdigest(),
        name=f"Tổng hợp ý kiến góp ý {record.author} (bản {publication.version})",
    )
