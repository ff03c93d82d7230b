"""The record of a report's review ("Tổng hợp ý kiến góp ý") as plain data.

`publishing.record.build_record` fills it from the rounds, comments and verdicts; the renderers
only lay it out. Every line is already Vietnamese text (names, times, outcomes), as in
`ReportDocument`: the record is a document, whatever language the interface speaks.
"""

import dataclasses
import hashlib
import json
from dataclasses import dataclass

from .model import Header, Signature


@dataclass(frozen=True)
class RecordReply:
    author: str
    time: str  # "08:30 ngày 05/3/2023"
    text: str


@dataclass(frozen=True)
class RecordComment:
    author: str
    time: str
    text: str
    # The passage it is about, as it read then; empty: the whole section.
    quote: str
    replies: tuple[RecordReply, ...]
    outcome: str  # "Đã giải quyết ngày 06/3/2023." or "Chưa giải quyết."
    resolved: bool


@dataclass(frozen=True)
class RecordSection:
    number: str  # "1.1."
    heading: str  # the section's heading as it was in the round's text
    removed: bool  # no longer in the report
    comments: tuple[RecordComment, ...]


@dataclass(frozen=True)
class RecordVerdict:
    member: str
    decision: str  # "Tán thành", "Đề nghị chỉnh sửa"
    time: str
    on_round_text: bool  # given on the text the round sent, not on one edited since
    text_note: str


@dataclass(frozen=True)
class RecordRound:
    number: str  # "I."
    title: str  # "VÒNG GÓP Ý THỨ 1"
    dates: str  # "Gửi lấy ý kiến lúc … ; kết thúc lúc …."
    sections: tuple[RecordSection, ...]
    verdicts: tuple[RecordVerdict, ...]


@dataclass(frozen=True)
class ReviewRecord:
    header: Header
    title: str  # "TỔNG HỢP Ý KIẾN GÓP Ý"
    subject: str  # "Dự thảo Báo cáo kiểm điểm trách nhiệm …"
    introduction: str
    rounds: tuple[RecordRound, ...]
    signature: Signature
    author: str = ""

    def comments(self):
        for review_round in self.rounds:
            for section in review_round.sections:
                yield from section.comments

    def to_json(self) -> str:
        return json.dumps(dataclasses.asdict(self), ensure_ascii=False, sort_keys=True)

    def digest(self) -> str:
        return hashlib.sha256(self.to_json().encode()).hexdigest()


# The record's fixed words, shared by its renderers.
WORDS = {
    "comments": "1. Ý kiến góp ý theo từng phần",
    "verdicts": "2. Ý kiến biểu quyết của Ủy viên Ban Chấp hành",
    "no_comments": "Không có ý kiến góp ý.",
    "no_verdicts": "Chưa có Ủy viên Ban Chấp hành nào biểu quyết.",
    "about": "Về đoạn:",
    "reply": "Trả lời của",
    "removed": "(nay không còn trong báo cáo)",
    "columns": ("TT", "Họ và tên", "Ý kiến", "Thời gian", "Văn bản được biểu quyết"),
}
