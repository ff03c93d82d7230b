"""Figures in the prose against the records: counts of the committee and the years of the term.

The records come in as plain numbers (`Records`), built by the layer that owns them.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .checks import Slip


@dataclass(frozen=True)
class Records:
    # None: not known (a file read without its records)
    start_year: int | None = None
    end_year: int | None = None
    elected: int | None = None  # members the congress elected
    left: int | None = None  # members who left during the term
    by_elected: int | None = None  # members elected later
    at_end: int | None = None  # members at the end (or on the report's date)
    by_elected_members: int | None = None  # of the by-elected, those without an office
    by_elected_vice_chairs: int | None = None
    # per cent of the members sitting on the report's date, rounded
    degree_share: int | None = None  # with a university degree or above
    trained_share: int | None = None  # trained in union work


LEFT = gettext_lazy("The number of committee members who left")
# Where the figures checked against come from: the records, or the document's first statement.
IN_RECORDS = gettext_lazy("in the personnel records")
EARLIER = gettext_lazy("earlier in the document")
RULES = (
    (re.compile(r"bầu (?:ra )?Ban Chấp hành[^.;:\d]{0,60}? gồm (?:có )?(\d{1,3}) (?:đồng chí|ủy viên|uỷ viên)"), "elected",
     gettext_lazy("The number of committee members the congress elected")),
    (re.compile(r"(?:có )?(\d{1,3}) đồng chí (?:không tiếp tục|thôi tham gia)"), "left",
     LEFT),
    (re.compile(r"\d{1,3}/(\d{1,3}) đồng chí (?:chuyển công tác|nghỉ hưu|không tiếp tục)"), "left",
     LEFT),
    (re.compile(r"bầu bổ sung (?:được )?(\d{1,3}) đồng chí(?! Phó| Chủ)"), "by_elected",
     gettext_lazy("The number of committee members elected later in the term")),
    (re.compile(r"bầu bổ sung (?:được )?(\d{1,3}) (?:[Ủủ]y|[Uu]ỷ) viên"), "by_elected_members",
     gettext_lazy("The number of committee members without an office elected later in the term")),
    (re.compile(r"bầu bổ sung (?:được )?(\d{1,3}) (?:đồng chí )?Phó Chủ tịch"), "by_elected_vice_chairs",
     gettext_lazy("The number of vice-chairs elected later in the term")),
    (re.compile(r"(?:cuối nhiệm kỳ|hiện nay),? Ban Chấp hành (?:còn |có )(\d{1,3}) (?:đồng chí|ủy viên)"), "at_end",
     gettext_lazy("The number of committee members at the end of the term")),
    (re.compile(r"(\d{1,3})% (?:số )?(?:[Ủủ]y|[Uu]ỷ) viên Ban Chấp hành[^.;%]{0,60}?đại học"), "degree_share",
     gettext_lazy("The share of committee members with a university degree or above")),
    (re.compile(r"(\d{1,3})% (?:số )?(?:[Ủủ]y|[Uu]ỷ) viên Ban Chấp hành[^.;%]{0,100}?tập huấn"), "trained_share",
     gettext_lazy("The share of committee members trained in union work")),
)  # fmt: skip
# "bầu Ban Chấp hành khóa mới gồm …": the next committee, not this one
NEXT_TERM = re.compile(r"\b(?:mới|tới|sau|kế tiếp)\b")
TERM = re.compile(r"nhiệm kỳ ((?:19|20)\d\d) ?[-–—] ?((?:19|20)\d\d)")


def figures(text: str, records: Records, source: str = IN_RECORDS) -> Iterator[Slip]:
    for pattern, name, what in RULES:
        for match in pattern.finditer(text):
            if NEXT_TERM.search(match.group()):
                continue
            said, recorded = int(match.group(1)), getattr(records, name)
            if recorded is not None and said != recorded:
                digits = match.group(1)
                if name.endswith("_share"):
                    right, said_text, right_text = str(recorded), f"{digits}%", f"{recorded}%"
                else:
                    right = (
                        f"{recorded:0{len(digits)}d}"
                        if digits.startswith("0") or recorded < 10
                        else str(recorded)
                    )
                    said_text, right_text = digits, right
                yield Slip(
                    "figures", match.start(1), match.end(1), right,
                    _("%(what)s: %(said)s here, %(right)s %(source)s.")
                    % {"what": what, "said": said_text, "right": right_text, "source": source},
                )  # fmt: skip
    for match in TERM.finditer(text):
        start, end = int(match.group(1)), int(match.group(2))
        if records.start_year and (start == records.start_year) != (end == records.end_year):
            right = f"{records.start_year} – {records.end_year}"
            yield Slip(
                "figures", match.start(1), match.end(2), right,
                _("The term here is not the one %(source)s (term %(right)s).")
                % {"source": source, "right": right},
            )  # fmt: skip


def stated(texts: list[str]) -> Records:
    """The figures as the document first states them: what a file read without its records is
    checked against (part I comes first)."""
    found: dict[str, int] = {}
    for text in texts:
        for pattern, name, _what in RULES:
            for match in pattern.finditer(text):
                if not NEXT_TERM.search(match.group()):
                    found.setdefault(name, int(match.group(1)))
        for match in TERM.finditer(text):
            if "start_year" not in found:
                found["start_year"], found["end_year"] = int(match.group(1)), int(match.group(2))
    return Records(**found)
