"""From the lines of a file to a `ReportDocument`: which part, section and item each line is.

Parts are found by their headings ("PHẦN THỨ NHẤT", "I. …" in Roman figures, a "Heading 1"
style, or a line in capitals naming a kind), sections inside them by their numbers or heading
styles. Each part and section is given a kind of the registry (`reports.kinds.PART_KINDS`) by the
words of its heading, checked against what it holds: numbered titles make areas (or, when each
title names a kind, a part holding sections), bullet points or numbered sentences a list. A part
that names no kind is still a part, prose or a list. The opening is what comes before the first
part, the closing what follows the last part's content; the header, the signature and "Nơi nhận"
are read for their facts. Numbers are computed again by `number_sections`, as for any report.
What has no place in a report (a table) is kept as a `Leftover`, to be shown, never dropped.
"""

import datetime
import itertools
import re
import unicodedata
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from unionreports.document import (
    NUMBERED,
    Header,
    Paragraph,
    ReportDocument,
    Section,
    Signature,
    inline_markup,
    number_footnotes,
    number_sections,
)
from unionreports.reports.kinds import PART_KINDS

from .lines import ImportFailed, Line, is_capitals

# A division of the report: "PHẦN THỨ NHẤT", "PHẦN I", "Phần thứ hai: …".
DIVISION = re.compile(r"^phan\s+(?:thu\s+(?:nhat|hai|ba|tu|nam)|[ivx]{1,4}|\d)\b\s*[:.\-–]?\s*(?P<title>.*)$")
ROMAN = re.compile(r"^(?P<number>[IVX]{1,4})\s*[.)/-]\s*(?P<title>\S.*)$")
# "1. ", "1.2.", "1.2.Về" (no space typed), "1)"; or "1.2 " without the last dot, but never a bare "12 ".
NUMBER = re.compile(
    r"^(?P<number>\d{1,2}(?:\.\d{1,2})*)\s*[.)](?:\s+|(?=[^\W\d]))"
    r"|^(?P<bare>\d{1,2}(?:\.\d{1,2})+)\s+(?=[^\W\d])"
)
DATE_LINE = re.compile(
    r"^(?P<place>[^,]{2,80}),\s*ngày\s+(?P<day>\d{1,2})\s+tháng\s+(?P<month>\d{1,2})\s+năm\s+(?P<year>\d{4})",
    re.IGNORECASE,
)
DOCUMENT_NUMBER = re.compile(r"^Số\s*:?\s*(?P<number>\d{1,5})\b", re.IGNORECASE)
# The mark of a draft ("DỰ THẢO", "Dự thảo lần 2"), folded: not a line of the report.
DRAFT_MARK = re.compile(r"^du thao(?: lan \d{1,2})?$")
SIGNATURE_START = re.compile(r"^(?:TM|T/M|KT|Q)\.?\s", re.IGNORECASE)
# A numbered line this long, or a sentence, is a paragraph with its number run in, not a title.
TITLE_LIMIT = 300


def fold(text: str) -> str:
    """Lower case without diacritics: 'VỀ NHÂN SỰ' and 've nhan su' read alike."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold().split())


@dataclass(frozen=True)
class Leftover:
    where: str
    text: str


@dataclass(frozen=True)
class Imported:
    """The parsed report, what could not be placed, and the facts its header gave."""

    document: ReportDocument
    leftovers: tuple[Leftover, ...] = ()
    number: int | None = None
    date: datetime.date | None = None
    place: str = ""
    # "kiem_diem" or "tong_ket" (`reports.kinds.REPORT_KINDS`), from the divisions and the subject.
    report_kind: str = "kiem_diem"
    # What was done to the file's text to read it (`services.READING_NOTICES`): "pdf", "tcvn3", …
    notices: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return {
            "document": self.document.to_json(),
            "leftovers": [[item.where, item.text] for item in self.leftovers],
            "number": self.number,
            "date": self.date.isoformat() if self.date else None,
            "place": self.place,
            "report_kind": self.report_kind,
            "notices": list(self.notices),
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Imported":
        return cls(
            document=ReportDocument.from_json(data["document"]),
            leftovers=tuple(Leftover(where, text) for where, text in data["leftovers"]),
            number=data["number"],
            date=datetime.date.fromisoformat(data["date"]) if data["date"] else None,
            place=data["place"],
            report_kind=data.get("report_kind", "kiem_diem"),
            notices=tuple(data.get("notices", ())),
        )


@dataclass
class _Node:
    """A part or section being read: its kind, title, paragraphs and sections inside it."""

    kind: str
    title: str
    blocks: list[Paragraph] = field(default_factory=list)
    children: list["_Node"] = field(default_factory=list)
    # A list's paragraphs after this one follow its last marked item: the report's closing, if last.
    last_item: int = -1

    def section(self) -> Section:
        children = tuple(child.section() for child in self.children)
        return Section("", self.title, 0, tuple(self.blocks), children, kind=self.kind)


def parse(lines: list[Line], *, author: str = "") -> Imported:
    """The report in `lines`; `ImportFailed` when none of parts I–IV is found.

    `author` is the union the file's properties name, when they name one.
    """
    # The parts follow the title and the subject line under it, which may name "kết quả" too.
    title_at = next((i for i, line in enumerate(lines) if fold(line.text) == "bao cao"), None)
    body_from = 0 if title_at is None else title_at + 2
    heads = _titled_divisions(
        [(i, head) for i, line in enumerate(lines) if i >= body_from and (head := _head(line))], lines
    )
    if not heads:
        raise ImportFailed(
            _(
                "No part of a report was found: the file has no heading such as “I. VỀ NHÂN SỰ BAN CHẤP "
                "HÀNH”, “II. KẾT QUẢ …”, “PHẦN THỨ NHẤT” or a heading in Word's “Heading 1” style."
            ),
            code="no_parts",
        )
    first = heads[0][0]
    tail_start = _tail_start(lines, heads[-1][0])
    header, title, subject, leftovers, opening_lines = _header(lines[:first], title_at)
    leftovers = list(leftovers)
    parts: list[_Node] = []
    division: _Node | None = None
    bounds = [*heads, (tail_start, None)]
    for (start, (level, heading)), (end, _next) in itertools.pairwise(bounds):
        body, tables = _take_tables(lines[start + 1 : end], lines[start].text)
        leftovers += tables
        if level == "division":
            if body and (body[0].text.strip() == heading or (not heading and is_capitals(body[0].text))):
                heading, body = body[0].text.strip(), body[1:]
            division = _Node("group", heading, [_paragraph(line) for line in body])
            parts.append(division)
        else:
            (division.children if division else parts).append(_read(heading, body, depth=1))
    closing = _closing(parts)
    signature, recipients, tail_leftovers = _tail(lines[tail_start:])
    leftovers += tail_leftovers
    number_line = header.get("number", "")
    date_match = DATE_LINE.match(header.get("date_line", ""))
    date = None
    if date_match:
        try:
            date = datetime.date(int(date_match["year"]), int(date_match["month"]), int(date_match["day"]))
        except ValueError:
            date = None
    document = ReportDocument(
        header=Header(
            superior=header.get("superior", ""),
            issuer=header.get("issuer", ""),
            number=number_line,
            date_line=header.get("date_line", ""),
        ),
        title=title or "BÁO CÁO",
        subject=subject,
        opening=tuple(_paragraph(line) for line in opening_lines),
        parts=number_sections([part.section() for part in parts], divisions=division is not None),
        closing=tuple(closing),
        signature=signature,
        recipients=recipients,
        author=author,
    )
    number = DOCUMENT_NUMBER.match(number_line)
    return Imported(
        document=number_footnotes(document),
        leftovers=tuple(leftovers),
        number=int(number["number"]) if number else None,
        date=date,
        place=date_match["place"].strip() if date_match else "",
        report_kind="tong_ket"
        if division is not None or fold(subject).startswith("tong ket")
        else "kiem_diem",
    )


def _take_tables(lines: list[Line], heading: str) -> tuple[list[Line], list[Leftover]]:
    """The lines outside tables, and each table as a leftover: a report has no tables to hold them."""
    kept: list[Line] = []
    tables: dict[int, dict[int, list[str]]] = {}
    for line in lines:
        if line.cell is None:
            kept.append(line)
        else:
            table, row = line.cell
            tables.setdefault(table, {}).setdefault(row, []).append(_markup(line))
    leftovers = [
        Leftover(
            _("%(part)s: a table") % {"part": heading},
            "\n".join(" | ".join(cells) for cells in rows.values()),
        )
        for rows in tables.values()
    ]
    return kept, leftovers


def _head(line: Line) -> tuple[str, str] | None:
    """("division", title) for "PHẦN THỨ NHẤT…", ("part", title) for a part's heading, else None."""
    text = line.text.strip()
    if len(text) > 200:
        return None
    folded = fold(text)
    if (division := DIVISION.match(folded)) and (
        is_capitals(text) or line.heading == 1 or text[:4] == "Phần"
    ):
        return "division", text[len(text) - len(division["title"]) :].strip() if division["title"] else ""
    roman = ROMAN.match(text)
    title = roman["title"].strip() if roman else text
    if roman and (is_capitals(title) or line.heading == 1 or kind_by_words(title)):
        return "part", title
    if not roman and line.heading == 1:
        return "part", title
    if not roman and is_capitals(title) and len(title) < 120 and kind_by_words(title):
        return "part", title
    return None


def _titled_divisions(heads: list, lines: list[Line]) -> list:
    """ "PHẦN THỨ NHẤT" alone on its line takes the line in capitals under it as its title."""
    out: list = []
    for i, head in heads:
        after_division = bool(out) and out[-1][0] == i - 1 and out[-1][1] == ("division", "")
        if after_division and head[0] == "part" and not ROMAN.match(lines[i].text.strip()):
            out[-1] = (i - 1, ("division", head[1]))
        else:
            out.append((i, head))
    return out


def kind_by_words(title: str) -> str | None:
    """The part kind whose heading words come first in `title`, if any names one.

    On a tie, the longer word names it, then the kind declared last: a kind added for
    "chỉ tiêu" wins over the plain list that also knows the words.
    """
    folded = fold(title)
    found = [
        (position, -len(word), -order, kind.slug)
        for order, kind in enumerate(PART_KINDS.values())
        for word in kind.words
        if (position := folded.find(word)) >= 0
    ]
    return min(found)[3] if found else None


def _tail_start(lines: list[Line], last_head: int) -> int:
    """Where the signature or "Nơi nhận" begins, after the last part."""
    for i in range(last_head + 1, len(lines)):
        text = lines[i].text.strip()
        if (SIGNATURE_START.match(text) and is_capitals(text)) or fold(text).startswith("noi nhan"):
            return i
    return len(lines)


def _header(lines: list[Line], title_at: int | None):
    """Header facts, title and subject of the lines before part I; the rest is the opening."""
    header: dict[str, str] = {}
    title = subject = ""
    leftovers: list[Leftover] = []
    opening: list[Line] = []
    capitals = []
    for i, line in enumerate(lines):
        text = line.text.strip()
        folded = fold(text)
        if DOCUMENT_NUMBER.match(text) and len(text) < 40:
            header["number"] = text
        elif DATE_LINE.match(text) and len(text) < 120:
            header["date_line"] = text
        elif folded.startswith("cong hoa xa hoi chu nghia") or folded.startswith("doc lap"):
            continue  # the national motto, the same in every report
        elif DRAFT_MARK.match(folded):
            continue  # an exported draft's mark; every draft rendering makes it again
        elif i == title_at:
            title = text
        elif title_at is not None and i == title_at + 1 and not text.endswith(":"):
            subject = text
        elif title_at is not None and i > title_at + 1 and text.startswith("(") and text.endswith(")"):
            leftovers.append(Leftover(_("Under the title"), text))
        elif (title_at is None or i < title_at) and is_capitals(text) and len(text) < 120 and not opening:
            capitals.append(text)
        else:
            opening.append(line)
    if capitals:
        header["issuer"] = capitals[-1]
        if len(capitals) > 1:
            header["superior"] = " ".join(capitals[:-1])
    return header, title, subject, leftovers, opening


def _tail(lines: list[Line]) -> tuple[Signature, tuple[str, ...], list[Leftover]]:
    on_behalf, titles, name = "", [], ""
    recipients: list[str] = []
    leftovers: list[Leftover] = []
    in_recipients = False
    for line in lines:
        text = line.text.strip()
        folded = fold(text)
        if folded.startswith("noi nhan"):
            in_recipients = True
            rest = text.split(":", 1)[1].strip() if ":" in text else ""
            if rest:
                recipients.append(rest.lstrip("-–+• ").strip())
        elif in_recipients and text[:1] in "-–+•":
            recipients.append(text.lstrip("-–+• ").strip())
        elif (
            SIGNATURE_START.match(text)
            and is_capitals(text)
            and not on_behalf
            and text.upper().startswith(("TM", "T/M"))
        ):
            on_behalf, in_recipients = text, False
        elif is_capitals(text) and not name:
            titles.append(text)
            in_recipients = False
        elif text.startswith("(") and text.endswith(")"):
            continue  # "(Đã ký)", "(ký, ghi rõ họ tên)"
        elif not name and (on_behalf or titles):
            name, in_recipients = text, False
        else:
            leftovers.append(Leftover(_("After the signature"), _markup(line)))
    signature = Signature(
        on_behalf=on_behalf or "TM. BAN CHẤP HÀNH", title="\n".join(titles) or "CHỦ TỊCH", name=name
    )
    return signature, tuple(recipients), leftovers


def _paragraph(line: Line, label: str = "") -> Paragraph:
    text = line.text
    if text.startswith("- "):
        return Paragraph(line.without_prefix(2).content, "bullet", label)
    return Paragraph(line.content, "body", label)


def _markup(line: Line) -> str:
    return inline_markup(line.content)


def _numbered(line: Line):
    """(number, rest of the line) when the line starts with "1.", "1.2." or "1.2 "; else None."""
    match = NUMBER.match(line.text)
    if not match:
        return None
    return (match["number"] or match["bare"]).split("."), line.without_prefix(match.end())


def _is_sentence(rest: Line) -> bool:
    """A line that reads as a paragraph, not as a section title."""
    text = rest.text.strip()
    return len(text) > TITLE_LIMIT or (len(text.split()) >= 12 and text[-1:] in ".;:!?…")


def _subheadings(lines: list[Line], depth: int) -> list[int]:
    """Where the numbered titles of the sections inside a part begin ("1. Ưu điểm", a Heading 2)."""
    found = []
    for i, line in enumerate(lines):
        numbered = _numbered(line)
        if numbered and len(numbered[0]) == depth and numbered[1].content and _is_title(numbered[1]):
            found.append(i)
        elif not numbered and line.heading == depth + 1 and len(line.text) <= TITLE_LIMIT:
            found.append(i)
    return found


def _is_title(rest: Line) -> bool:
    """A section's title: short, and not ending as a sentence does ("1. Ưu điểm", not "1. Phải …")."""
    text = rest.text.strip()
    return not _is_sentence(rest) and text[-1:] not in ".;!?…"


def _subtitle(line: Line) -> str:
    numbered = _numbered(line)
    return (numbered[1] if numbered else line).text.strip()


def _structure(title: str) -> tuple[str | None, str | None]:
    """(kind, the structure it holds) that the words of `title` name, or (None, None)."""
    kind = kind_by_words(title)
    return kind, PART_KINDS[kind].structure if kind else None


def _read(title: str, lines: list[Line], depth: int) -> _Node:
    """A part (depth 1) or a section inside one (depth 2), read as the kind its words and lines say.

    The lines decide the structure (sections of their own, numbered areas, a list, prose); the
    heading's words decide the kind when it has that structure, e.g. a kind declared for targets
    that holds a list.
    """
    kind, hint = _structure(title)
    node = _read_structure(title, lines, depth, hint)
    if kind and PART_KINDS[kind].structure == node.kind:
        node.kind = kind
    return node


def _read_structure(title: str, lines: list[Line], depth: int, hint: str | None) -> _Node:
    if hint == "personnel":
        return _Node("personnel", title, [_paragraph(line) for line in lines])
    heads = _subheadings(lines, depth)
    if heads and depth == 1:
        hints = [_structure(_subtitle(lines[i]))[1] for i in heads]
        if hint != "areas" and (hint == "group" or all(h not in (None, "areas") for h in hints)):
            node = _Node("group", title, [_paragraph(line) for line in lines[: heads[0]]])
            for start, end in itertools.pairwise([*heads, len(lines)]):
                node.children.append(_read(_subtitle(lines[start]), lines[start + 1 : end], depth + 1))
            return node
    marked = any(_numbered(line) or line.text.startswith("- ") for line in lines)
    if heads or (hint == "areas" and marked):
        return _areas(title, lines, depth)
    if hint in ("list", "group", "areas") or marked:
        return _list(title, lines)
    return _Node("prose", title, [_paragraph(line) for line in lines])


def _areas(title: str, lines: list[Line], depth: int) -> _Node:
    """Numbered areas ("1.", "1.1." or Heading 2 and 3), paragraphs before the first as the introduction."""
    node = _Node("areas", title)
    current: _Node | None = None
    for line in lines:
        numbered = _numbered(line)
        heading = line.heading
        if numbered and len(numbered[0]) <= depth + 1 and (heading or numbered[1].content):
            digits, rest = numbered
            sentence = not heading and _is_sentence(rest)
            area = _Node("area", "" if sentence else rest.text.strip())
            if sentence:
                area.blocks.append(Paragraph(rest.content, "runin"))
            if len(digits) == depth or not node.children:
                node.children.append(area)
            else:
                node.children[-1].children.append(area)
            current = area
        elif heading > depth and not numbered and len(line.text) <= TITLE_LIMIT:
            area = _Node("area", line.text.strip())
            if heading == depth + 1 or not node.children:
                node.children.append(area)
            else:
                node.children[-1].children.append(area)
            current = area
        else:
            (current.blocks if current else node.blocks).append(_paragraph(line))
    return node


def _list(title: str, lines: list[Line]) -> _Node:
    """An introduction, then items: bullet points, or numbered (1., 2.) items.

    Unmarked paragraphs after the first item are items too (Word may have dropped the marks).
    With no marks at all, an introduction ends with a colon and every other paragraph is an item.
    """
    node = _Node("list", title)
    marks = [i for i, line in enumerate(lines) if _numbered(line) or line.text.startswith("- ")]
    numbered = bool(marks) and all(_numbered(lines[i]) for i in marks)
    if marks:
        node.last_item = marks[-1]
    else:
        marks = [i for i, line in enumerate(lines) if not line.text.rstrip().endswith(":")]
    for i, line in enumerate(lines):
        if marks and i >= marks[0]:
            found = _numbered(line)
            content = found[1].content if found else _paragraph(line).content
            node.blocks.append(
                Paragraph(content, "body", NUMBERED) if numbered else Paragraph(content, "bullet")
            )
        else:
            node.blocks.append(_paragraph(line))
    return node


def _closing(parts: list[_Node]) -> list[Paragraph]:
    """The closing paragraphs, taken from the end of the last part.

    They begin with "Trên đây là báo cáo …" when the report says so; after a list, the
    paragraphs after its last marked item close the report.
    """
    if not parts:
        return []
    last = parts[-1]
    while last.children:
        last = last.children[-1]
    blocks = last.blocks
    start = next((i for i, p in enumerate(blocks) if fold(p.text).startswith("tren day")), len(blocks))
    if last.last_item >= 0:
        start = min(start, last.last_item + 1)
    closing, last.blocks = blocks[start:], blocks[:start]
    return [Paragraph(p.content, "body") for p in closing]
