"""From the lines of a file to a `ReportDocument`: which part, section and item each line is.

Parts I–IV are known by their headings, whatever the capitalisation and with or without
diacritics; sections and sub-sections by their numbers (or heading styles); the opening by
coming before part I and the closing by coming after the last lesson. The header, the
signature and "Nơi nhận" are read for their facts. What has no place in a report is kept as
a `Leftover`, to be shown, never dropped.
"""

import datetime
import itertools
import re
import unicodedata
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from unionreports.lib.vietnamese import to_roman
from unionreports.reports.document import (
    Header,
    Paragraph,
    ReportDocument,
    Section,
    Signature,
    inline_markup,
    number_footnotes,
)

from .lines import ImportFailed, Line, is_capitals

PART_TITLES = {
    "personnel": "VỀ NHÂN SỰ BAN CHẤP HÀNH",
    "achievements": "KẾT QUẢ CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
    "limitations": "HẠN CHẾ, KHUYẾT ĐIỂM VÀ NGUYÊN NHÂN",
    "lessons": "MỘT SỐ KINH NGHIỆM",
}
LIMITATIONS_TITLE = "Hạn chế, khuyết điểm"
CAUSES_TITLE = "Nguyên nhân của hạn chế, khuyết điểm"
# Words of a part's heading, without diacritics; the first part whose words match wins.
PART_WORDS = [
    ("personnel", ("nhan su",)),
    ("lessons", ("kinh nghiem", "bai hoc")),
    ("limitations", ("han che", "khuyet diem", "ton tai")),
    ("achievements", ("ket qua", "uu diem", "chi dao, dieu hanh")),
]
# A part whose heading names none of those words is known by its number, if it has one.
ROMAN_ORDER = {"I": "personnel", "II": "achievements", "III": "limitations", "IV": "lessons"}

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

    def to_dict(self) -> dict:
        return {
            "document": self.document.to_json(),
            "leftovers": [[item.where, item.text] for item in self.leftovers],
            "number": self.number,
            "date": self.date.isoformat() if self.date else None,
            "place": self.place,
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Imported":
        return cls(
            document=ReportDocument.from_json(data["document"]),
            leftovers=tuple(Leftover(where, text) for where, text in data["leftovers"]),
            number=data["number"],
            date=datetime.date.fromisoformat(data["date"]) if data["date"] else None,
            place=data["place"],
        )


@dataclass
class _Area:
    title: str
    blocks: list[Paragraph] = field(default_factory=list)
    children: list["_Area"] = field(default_factory=list)


@dataclass
class _Parts:
    opening: list[Paragraph] = field(default_factory=list)
    personnel: list[Paragraph] = field(default_factory=list)
    areas: list[_Area] = field(default_factory=list)
    limitations: list[Paragraph] = field(default_factory=list)
    causes: list[Paragraph] = field(default_factory=list)
    lessons: list[Paragraph] = field(default_factory=list)
    closing: list[Paragraph] = field(default_factory=list)
    leftovers: list[Leftover] = field(default_factory=list)


def parse(lines: list[Line], *, author: str = "") -> Imported:
    """The report in `lines`; `ImportFailed` when none of parts I–IV is found.

    `author` is the union the file's properties name, when they name one.
    """
    # The parts follow the title and the subject line under it, which may name "kết quả" too.
    title_at = next((i for i, line in enumerate(lines) if fold(line.text) == "bao cao"), None)
    body_from = 0 if title_at is None else title_at + 2
    heads = [
        (i, kind) for i, line in enumerate(lines) if i >= body_from and (kind := _part_kind(line)) is not None
    ]
    if not any(kind != "unknown" for _, kind in heads):
        raise ImportFailed(
            _(
                "No part of a report was found: the file has none of the headings “I. VỀ NHÂN SỰ BAN CHẤP "
                "HÀNH”, “II. KẾT QUẢ …”, “III. HẠN CHẾ …”, “IV. MỘT SỐ KINH NGHIỆM”."
            ),
            code="no_parts",
        )
    first = heads[0][0]
    tail_start = _tail_start(lines, heads[-1][0])
    header, title, subject, leftovers, opening_lines = _header(lines[:first], title_at)
    parts = _Parts(leftovers=leftovers)
    parts.opening = [_paragraph(line) for line in opening_lines]
    seen = set()
    bounds = [*heads, (tail_start, None)]
    for (start, kind), (end, _next) in itertools.pairwise(bounds):
        body = lines[start + 1 : end]
        heading = lines[start].text
        if kind in seen or kind == "unknown":
            parts.leftovers.append(Leftover(heading, "\n".join(_markup(line) for line in body)))
            continue
        seen.add(kind)
        body, tables = _take_tables(body, heading)
        parts.leftovers += tables
        getattr(_Reader, kind)(body, parts)
    signature, recipients, tail_leftovers = _tail(lines[tail_start:])
    parts.leftovers += tail_leftovers
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
        opening=tuple(parts.opening),
        parts=_sections(parts),
        closing=tuple(parts.closing),
        signature=signature,
        recipients=recipients,
        author=author,
    )
    number = DOCUMENT_NUMBER.match(number_line)
    return Imported(
        document=number_footnotes(document),
        leftovers=tuple(parts.leftovers),
        number=int(number["number"]) if number else None,
        date=date,
        place=date_match["place"].strip() if date_match else "",
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


def _part_kind(line: Line) -> str | None:
    """ "personnel", "achievements", "limitations", "lessons", "unknown" (a part V) or None."""
    text = line.text.strip()
    roman = ROMAN.match(text)
    title = roman["title"] if roman else text
    if len(title) > 200:
        return None
    if not (roman or line.heading == 1 or is_capitals(title)):
        return None
    folded = fold(title)
    for kind, words in PART_WORDS:
        if any(word in folded for word in words):
            return kind
    return ROMAN_ORDER.get(roman["number"], "unknown") if roman else None


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


class _Reader:
    """One method a part: files the part's lines into `parts`."""

    @staticmethod
    def personnel(lines: list[Line], parts: _Parts) -> None:
        parts.personnel += [_paragraph(line) for line in lines]

    @staticmethod
    def achievements(lines: list[Line], parts: _Parts) -> None:
        current: _Area | None = None
        for line in lines:
            numbered = _numbered(line)
            heading = line.heading
            if numbered and len(numbered[0]) <= 2 and (heading or numbered[1].content):
                digits, rest = numbered
                sentence = not heading and _is_sentence(rest)
                area = _Area("" if sentence else rest.text.strip())
                if sentence:
                    area.blocks.append(Paragraph(rest.content, "body"))
                if len(digits) == 1 or not parts.areas:
                    parts.areas.append(area)
                else:
                    parts.areas[-1].children.append(area)
                current = area
            elif heading >= 2 and not numbered and len(line.text) <= TITLE_LIMIT:
                area = _Area(line.text.strip())
                if heading == 2 or not parts.areas:
                    parts.areas.append(area)
                else:
                    parts.areas[-1].children.append(area)
                current = area
            elif current is None:
                parts.leftovers.append(Leftover(_("Part II, before its first section"), _markup(line)))
            else:
                current.blocks.append(_paragraph(line))

    @staticmethod
    def limitations(lines: list[Line], parts: _Parts) -> None:
        target = parts.limitations
        for line in lines:
            numbered = _numbered(line)
            if (numbered and len(numbered[0]) == 1 and not _is_sentence(numbered[1])) or (
                line.heading >= 2 and not _is_sentence(line)
            ):
                target = parts.causes if "nguyen nhan" in fold(line.text) else parts.limitations
                continue
            paragraph = _paragraph(line)
            # Causes are all items; limitations after an introduction that ends at the first bullet.
            if target is parts.causes or any(p.style == "bullet" for p in target):
                paragraph = Paragraph(paragraph.content, "bullet")
            target.append(paragraph)

    @staticmethod
    def lessons(lines: list[Line], parts: _Parts) -> None:
        """Lessons are the list; unnumbered lines before it introduce it, those after it close the report."""
        listed = [i for i, line in enumerate(lines) if _numbered(line) or line.text.startswith("- ")]
        if not listed:
            # No list: an introduction ends with a colon, every other paragraph is a lesson.
            listed = [i for i, line in enumerate(lines) if not line.text.rstrip().endswith(":")]
        for i, line in enumerate(lines):
            if listed and i > listed[-1]:
                parts.closing.append(_paragraph(line))
            elif listed and i >= listed[0]:
                numbered = _numbered(line)
                content = numbered[1].content if numbered else _paragraph(line).content
                parts.lessons.append(Paragraph(content, "body", LESSON))
            else:
                parts.lessons.append(_paragraph(line))


# Marks a lesson until the lessons are numbered.
LESSON = "lesson"


def _sections(parts: _Parts) -> tuple[Section, ...]:
    """The parts in the shape `compose_report` gives them, numbered the same way."""
    found: list[tuple[str, tuple[Paragraph, ...], tuple[Section, ...]]] = []
    if parts.personnel:
        found.append((PART_TITLES["personnel"], tuple(parts.personnel), ()))
    if parts.areas:
        areas = []
        for i, area in enumerate(parts.areas, start=1):
            children = tuple(
                _area_section(f"{i}.{j}.", child, 3) for j, child in enumerate(area.children, start=1)
            )
            section = _area_section(f"{i}.", area, 2)
            areas.append(Section(section.number, section.title, 2, section.blocks, children))
        found.append((PART_TITLES["achievements"], (), tuple(areas)))
    children = []
    if parts.limitations:
        children.append((LIMITATIONS_TITLE, tuple(parts.limitations)))
    if parts.causes:
        children.append((CAUSES_TITLE, tuple(parts.causes)))
    if children:
        found.append(
            (
                PART_TITLES["limitations"],
                (),
                tuple(
                    Section(f"{i}.", title, 2, blocks) for i, (title, blocks) in enumerate(children, start=1)
                ),
            )
        )
    if any(p.label for p in parts.lessons):
        counter = iter(range(1, 1000))
        lessons = tuple(
            Paragraph(p.content, p.style, f"{next(counter)}.") if p.label else p for p in parts.lessons
        )
        found.append((PART_TITLES["lessons"], lessons, ()))
    return tuple(
        Section(f"{to_roman(i)}.", title, 1, blocks, children)
        for i, (title, blocks, children) in enumerate(found, start=1)
    )


def _area_section(number: str, area: _Area, level: int) -> Section:
    blocks = list(area.blocks)
    if not area.title and blocks:
        blocks[0] = Paragraph(blocks[0].content, "runin", number)
    return Section(number, area.title, level, tuple(blocks))
