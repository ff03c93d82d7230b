"""From the lines of a file to a `ReportDocument`: which part, section and item each line is.

Parts are found by their headings ("PHẦN THỨ NHẤT", "I. …" in Roman figures, "A. …", a "Heading
1" style, "1. …" in capitals when nothing else numbers the parts, or a short line in capitals
naming a kind), sections inside them by their numbers or heading styles. A heading is a short
line standing alone that does not end as a sentence does: a sentence in capitals is text. Each
part and section is given a kind of the registry (`reports.kinds.PART_KINDS`) by the declared
words of its heading, scored (`kind_by_words`), checked against what it holds: numbered titles
make areas (or, when each title names a kind, a part holding sections), items marked "- ", "+ ",
"(1)", "a)" … or plain paragraphs under a list's heading a list. A part that names no kind is
still a part of its own, prose or a list by what it holds. Sentences that state the committee
("Đại hội bầu … gồm 09 đồng chí", who left, by-elections) make part I as written, wherever they
stand. The opening is what comes before the first part, the closing what follows the last part's
content; the header, the signature and "Nơi nhận" are read for their facts, and the header's
lines are listed as replaced by the report's own. Numbers are computed again by
`number_sections`, as for any report. What has no place in a report (a table) is kept as a
`Leftover`, to be shown, never dropped; a table of the committee is offered as its members.
"""

import dataclasses
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

from .lines import ImportFailed, Line, is_capitals, make_line

# A division of the report: "PHẦN THỨ NHẤT", "PHẦN I", "Phần thứ hai: …".
DIVISION = re.compile(r"^phan\s+(?:thu\s+(?:nhat|hai|ba|tu|nam)|[ivx]{1,4}|\d)\b\s*[:.\-–]?\s*(?P<title>.*)$")
ROMAN = re.compile(r"^(?P<number>[IVX]{1,4})\s*[.)/-]\s*(?P<title>\S.*)$")
# "A. KẾT QUẢ …", "B) PHƯƠNG HƯỚNG …": parts, or divisions holding Roman parts.
LETTER = re.compile(r"^(?P<number>[A-E])\s*[.)]\s+(?P<title>\S.*)$")
# The mark of an item: a dash or bullet, "(1)", "1.", "1)", "a)", "a.".
ITEM_MARK = re.compile(r"^(?:[-–—•+*▪●◦·]\s+|\(\d{1,2}\)\s*|\d{1,2}[.)]\s+|[a-zđ][.)]\s+)")
BULLET_MARK = re.compile(r"^[-–—•+*▪●◦·]\s+")
# Items run together in one paragraph: "… (1) …; (2) …", "a) …; b) …".
INLINE_ITEM = re.compile(r"\((\d{1,2})\)\s|(?<![\w(])([a-zđ])\)\s")
# "… gồm 09 đồng chí", "gồm có 7 ủy viên" (folded): the committee's size, as a sentence states it.
COMMITTEE_SIZE = re.compile(r"\bgom(?: co)? \d{1,2} (?:dong chi|uy vien)")
# Words of a last paragraph addressed to the congress: it closes the report ("trân trọng báo cáo").
CLOSING_WORDS = ("tran trong bao cao", "chan thanh cam on", "keu goi", "tin tuong")
# A heading holds few words and ends as no sentence does.
HEADING_WORDS = 20
SENTENCE_ENDS = ".;,!?…"
# The columns of a table of the committee ("STT | Họ và tên | Chức vụ | Ghi chú"), folded.
NAME_COLUMNS = ("ho va ten", "ho ten")
ROLE_COLUMNS = ("chuc vu", "chuc danh")
COMMITTEE_ROWS = 100
# "1. ", "1.2.", "1.2.Về" (no space typed), "1)"; or "1.2 " without the last dot, but never a bare "12 ".
NUMBER = re.compile(
    r"^(?P<number>\d{1,2}(?:\.\d{1,2})*)\s*[.)](?:\s+|(?=[^\W\d]))"
    r"|^(?P<bare>\d{1,2}(?:\.\d{1,2})+)\s+(?=[^\W\d])"
)
# Where "BÁO CÁO" with its subject run on may stand; and how a subject in capitals goes on.
TITLE_SEARCH = 30
SUBJECT_GOES_ON = ("va ", "nhiem ky", "cua ", "giai doan", "nam ", "tai ", "trong ")
DATE_LINE = re.compile(
    r"^(?P<place>[^,]{2,80}),\s*ngày\s+(?P<day>\d{1,2})\s+tháng\s+(?P<month>\d{1,2})\s+năm\s+(?P<year>\d{4})",
    re.IGNORECASE,
)
DOCUMENT_NUMBER = re.compile(r"^Số\s*:?\s*(?P<number>\d{1,5})\b", re.IGNORECASE)
# How the name of a union, or of the body above it, begins (folded): a line of the header in
# capitals that does not begin so goes on with the name above it.
NAME_STARTS = (
    "cong doan",
    "lien doan",
    "tong lien doan",
    "ldld",
    "cd ",
    "doan ",
    "hoi ",
    "dang bo",
    "dang uy",
    "chi bo",
    "ban chap hanh",
    "bch ",
    "nghiep doan",
)
# The mark of a draft ("DỰ THẢO", "Dự thảo lần 2"), folded: not a line of the report.
DRAFT_MARK = re.compile(r"^du thao(?: lan \d{1,2})?$")
SIGNATURE_START = re.compile(r"^(?:TM|T/M|KT|Q)\.?\s", re.IGNORECASE)
# A numbered line this long, or a sentence, is a paragraph with its number run in, not a title.
TITLE_LIMIT = 300


def plain(text: str) -> str:
    """The line without the emphasis marks typed around it: "***Nơi nhận:***", "_CHỦ TỊCH_"."""
    return text.strip().strip("*_").strip()


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
    # The heading each part and section came from, as written, by its path ("0", "2.1"): see `paths`.
    headings: tuple[tuple[str, str], ...] = ()
    # The header's lines (number, date, title, subject, union) the report's own header replaces.
    replaced: tuple[str, ...] = ()
    # (full name, role, the rest of the row) of each row of a table of the committee, as written.
    committee: tuple[tuple[str, str, str], ...] = ()
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
            "headings": [list(pair) for pair in self.headings],
            "replaced": list(self.replaced),
            "committee": [list(row) for row in self.committee],
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
            headings=tuple((str(path), str(text)) for path, text in data.get("headings", [])),
            replaced=tuple(str(text) for text in data.get("replaced", [])),
            committee=tuple(
                (str(name), str(role), str(rest)) for name, role, rest in data.get("committee", [])
            ),
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
    # The heading as the file wrote it, number and all.
    written: str = ""

    def section(self) -> Section:
        children = tuple(child.section() for child in self.children)
        return Section("", self.title, 0, tuple(self.blocks), children, kind=self.kind)


def parse(lines: list[Line], *, author: str = "") -> Imported:
    """The report in `lines`; `ImportFailed` when no part is found.

    `author` is the union the file's properties name, when they name one.
    """
    # The parts follow the title and the subject line under it, which may name "kết quả" too.
    body_from = _title_lines(lines)[2]
    heads = _titled_divisions(
        _levels(
            [(i, head) for i, line in enumerate(lines) if i >= body_from and (head := _head(line))], lines
        ),
        lines,
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
    committee: list[tuple[str, str, str]] = []
    head_lines, tables = _take_tables(lines[:first], _("Opening"), committee, header=True)
    header, title, subject, leftovers, opening_lines, replaced = _header(head_lines, _title_lines(head_lines))
    leftovers = tables + list(leftovers)
    parts: list[_Node] = []
    division: _Node | None = None
    bounds = [*heads, (tail_start, None)]
    for (start, (level, heading)), (end, _next) in itertools.pairwise(bounds):
        body, tables = _take_tables(lines[start + 1 : end], lines[start].text, committee)
        leftovers += tables
        written = lines[start].text.strip()
        if level == "division":
            if body and (body[0].text.strip() == heading or (not heading and is_capitals(body[0].text))):
                heading, body = body[0].text.strip(), body[1:]
                written = f"{written} {heading}" if written != heading else written
            division = _Node("group", heading, [_paragraph(line) for line in body], written=written)
            parts.append(division)
        else:
            part = _read(heading, body, depth=1)
            part.written = written
            (division.children if division else parts).append(part)
    opening = _committee_part([_paragraph(line) for line in opening_lines], parts, division is not None)
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
        opening=tuple(opening),
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
        headings=tuple(_written(parts)),
        replaced=tuple(replaced),
        committee=tuple(committee),
    )


def _title_lines(lines: list[Line]) -> tuple[int | None, int, int]:
    """(where "BÁO CÁO" stands, where the subject begins, where the body begins).

    The subject is the line under the title, or the rest of a title line "BÁO CÁO KẾT QUẢ …";
    a subject in capitals goes on over lines that continue it ("VÀ PHƯƠNG HƯỚNG …", "NHIỆM KỲ …").
    """
    title_at = next((i for i, line in enumerate(lines) if fold(line.text) == "bao cao"), None)
    if title_at is None:
        title_at = next(
            (
                i
                for i, line in enumerate(lines[:TITLE_SEARCH])
                if fold(line.text).startswith("bao cao ") and is_capitals(line.text) and len(line.text) <= 300
            ),
            None,
        )
        if title_at is None:
            return None, 0, 0
        first = title_at
    else:
        first = title_at + 1
        if first >= len(lines) or lines[first].text.rstrip().endswith(":"):
            return title_at, first, first
    end = first + 1
    while (
        end < len(lines)
        and is_capitals(lines[first].text)
        and is_capitals(lines[end].text)
        and fold(lines[end].text).startswith(SUBJECT_GOES_ON)
    ):
        end += 1
    return title_at, first, end


def _written(nodes: list[_Node], prefix: str = ""):
    """(path, heading as written) of each part and section, in the order of `paths`."""
    for index, node in enumerate(nodes):
        path = f"{prefix}{index}"
        yield path, node.written
        if node.kind == "group":
            yield from _written(node.children, f"{path}.")


def paths(sections, prefix: str = ""):
    """(path, section) of each part and section a secretary may relabel: the parts, and the
    sections of the parts holding sections of their own (areas are the areas' own)."""
    for index, section in enumerate(sections):
        path = f"{prefix}{index}"
        yield path, section
        if section.kind == "group":
            yield from paths(section.children, f"{path}.")


def _take_tables(
    lines: list[Line], where: str, committee: list[tuple[str, str, str]], *, header: bool = False
) -> tuple[list[Line], list[Leftover]]:
    """The lines outside tables, and each table as a leftover: a report has no tables to hold them.

    A table is a Word table, or lines of text with cells between "|". A table of the committee
    (a column "Họ và tên") stays where it stood, a row a line, and its rows are added to
    `committee`, to be offered as its members. In the `header`, a Word table is the header's own
    layout, read as lines.
    """
    kept: list = []
    tables: dict[object, dict[int, list[str]]] = {}
    lines_of: dict[object, list[Line]] = {}
    text_tables = 0
    for line in lines:
        cells = _text_cells(line)
        if line.cell is not None:
            key, row = line.cell
            tables.setdefault(key, {}).setdefault(row, []).append(_markup(line))
        elif cells is not None:
            if not kept or not isinstance(kept[-1], str):
                text_tables += 1
            key = f"text-{text_tables}"
            rows = tables.setdefault(key, {})
            if any(cell.strip(" -:=—–") for cell in cells):  # not a Markdown rule "|---|---|"
                rows[len(rows) + 1] = cells
        else:
            kept.append(line)
            continue
        lines_of.setdefault(key, []).append(line)
        if not kept or kept[-1] != key:
            kept.append(key)
    leftovers = []
    out: list[Line] = []
    for entry in kept:
        if isinstance(entry, Line):
            out.append(entry)
            continue
        rows = list(tables[entry].values())
        members = _committee_rows(rows)
        if header and not members and not isinstance(entry, str):
            out += lines_of[entry]
        elif members:
            # The committee's list is part of what the report says of it: printed where it stood,
            # a row a paragraph, and offered as the committee's members.
            committee += members[: COMMITTEE_ROWS - len(committee)]
            out += [line for cells in rows if (line := make_line([" – ".join(c for c in cells if c)]))]
        else:
            text = "\n".join(" | ".join(cells) for cells in rows)
            leftovers.append(Leftover(_("%(part)s: a table") % {"part": where}, text))
    return out, leftovers


def _text_cells(line: Line) -> list[str] | None:
    """The cells of a line of a text table, "STT | Họ và tên | Chức vụ"; None for other lines."""
    text = line.text.strip()
    if line.cell is not None or text.count("|") < 2 or len(text) > 1000:
        return None
    cells = [cell.strip() for cell in text.strip("|").split("|")]
    return cells if len(cells) >= 2 else None


def _committee_rows(rows: list[list[str]]) -> list[tuple[str, str, str]]:
    """(name, role, the other cells) of each row of a table whose first row names a column
    "Họ và tên"; else none."""
    if not rows:
        return []
    columns = [fold(cell) for cell in rows[0]]
    name = next((i for i, c in enumerate(columns) if any(c.startswith(w) for w in NAME_COLUMNS)), None)
    if name is None:
        return []
    role = next((i for i, c in enumerate(columns) if any(c.startswith(w) for w in ROLE_COLUMNS)), None)
    found = []
    for row in rows[1:]:
        person = row[name].strip() if name < len(row) else ""
        if len(person) <= 100 and any(ch.isalpha() for ch in person):
            title = row[role].strip()[:100] if role is not None and role < len(row) else ""
            rest = " ".join(cell.strip() for i, cell in enumerate(row) if i not in (name, role)).strip()
            found.append((person, title, rest[:200]))
    return found


def _reads_as_heading(text: str) -> bool:
    """Short, and not ending as a sentence does: "ĐÁNH GIÁ CHUNG", not "CÁC KẾT QUẢ … ĐÁNG GHI NHẬN."."""
    text = text.strip()
    return 0 < len(text) <= 200 and len(text.split()) <= HEADING_WORDS and text[-1] not in SENTENCE_ENDS


def _head(line: Line) -> tuple[str, str] | None:
    """(level, title) of a heading that may be a part's, else None.

    The level is "division" ("PHẦN THỨ NHẤT"), "letter" ("A. …"), "roman" ("I. …"), "styled"
    (Word's "Heading 1"), "arabic" ("1. …" in capitals) or "words" (a line in capitals naming a
    kind); `_levels` decides which of them make parts.
    """
    text = line.text.strip()
    if len(text) > 200:
        return None
    folded = fold(text)
    if (division := DIVISION.match(folded)) and (
        is_capitals(text) or line.heading == 1 or text[:4] == "Phần"
    ):
        return "division", text[len(text) - len(division["title"]) :].strip() if division["title"] else ""
    if roman := ROMAN.match(text):
        title = roman["title"].strip()
        capitals = is_capitals(title) and len(title.split()) <= HEADING_WORDS
        return ("roman", title) if line.heading == 1 or capitals or _reads_as_heading(title) else None
    if (letter := LETTER.match(text)) and (is_capitals(letter["title"]) or line.heading == 1):
        return ("letter", letter["title"].strip()) if _reads_as_heading(letter["title"]) else None
    if line.heading == 1:
        return "styled", text
    if numbered := _numbered(line):
        rest = numbered[1].text.strip()
        if len(numbered[0]) == 1 and is_capitals(rest) and _reads_as_heading(rest):
            return "arabic", rest
        return None
    # Unnumbered, it must not end as a lead-in either ("KẾT QUẢ CỤ THỂ NHƯ SAU:").
    if is_capitals(text) and _reads_as_heading(text) and text[-1] != ":" and kind_by_words(text):
        return "words", text
    return None


def _levels(heads: list, lines: list[Line]) -> list:
    """The heads that make parts and divisions, as ("division" | "part", title).

    "A. …" holds parts when Roman parts follow, and is a part when none do; "1. …" in capitals
    makes a part only where nothing else marks the parts; a line in capitals after the title of
    a numbered section ("1. Công tác …") is a caption inside that section.
    """
    styles = {level for _i, (level, _title) in heads}
    titled = _last_titles(lines)
    out = []
    for i, (level, title) in heads:
        if level == "letter":
            level = "division" if "roman" in styles else "part"
        elif level == "arabic":
            if styles & {"roman", "letter", "styled", "words"}:
                continue
            level = "part"
        elif level == "words" and out and titled[i] > out[-1][0]:
            continue  # a line in capitals after "1. …" inside a part is a caption of that section
        elif level != "division":
            level = "part"
        out.append((i, (level, title)))
    return out


def _last_titles(lines: list[Line]) -> list[int]:
    """For each line, where the last title of a numbered section ("1. Công tác …") before it stands."""
    found, last = [], -1
    for i, line in enumerate(lines):
        if (numbered := _numbered(line)) and _is_title(numbered[1]):
            last = i
        found.append(last)
    return found


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


def _words_of(text: str) -> str:
    """The folded text with punctuation as spaces, between spaces: words are found whole."""
    return " " + " ".join("".join(ch if ch.isalnum() else " " for ch in fold(text)).split()) + " "


def kind_scores(title: str) -> dict[str, int]:
    """slug → the length of the declared heading words of that kind that `title` holds."""
    found = _words_of(title)
    scores = {}
    for kind in PART_KINDS.values():
        score = sum(len(word) for word in {_words_of(w) for w in kind.words} if word in found)
        if score:
            scores[kind.slug] = score
    return scores


def kind_by_words(title: str) -> str | None:
    """The part kind whose declared heading words `title` holds most of, if one does.

    A tie between kinds of one structure goes to the kind declared last (a kind added for
    "chỉ tiêu" wins over the plain list that also knows the words); any other tie names none.
    """
    scores = kind_scores(title)
    if not scores:
        return None
    best = max(scores.values())
    winners = [slug for slug, score in scores.items() if score == best]
    if len({PART_KINDS[slug].structure for slug in winners}) > 1:
        return None
    return winners[-1]


def _committee_part(opening: list[Paragraph], parts: list[_Node], divisions: bool) -> list[Paragraph]:
    """The opening less what it says of the committee, which makes part I as written: from its
    first sentence stating the committee to the first part.

    It joins the part about the committee where there is one, else it makes it, first. A first
    part of prose stating the committee is that part. Returns what is left of the opening.
    """
    container = parts[0].children if divisions and parts else parts
    personnel = next((node for node in _walk(parts) if node.kind == "personnel"), None)
    stated = [i for i, paragraph in enumerate(opening) if _states_committee(paragraph.text)]
    if not stated:
        first = container[0] if container else None
        if personnel is None and first is not None and first.kind == "prose" and first.blocks:
            if 2 * sum(_states_committee(p.text) for p in first.blocks) >= len(first.blocks):
                first.kind = "personnel"
        return opening
    # From its first sentence about the committee, the opening speaks of it up to part I.
    taken = opening[stated[0] :]
    if personnel is not None:
        personnel.blocks[0:0] = taken
    else:
        container.insert(0, _Node("personnel", PART_KINDS["personnel"].title, taken))
    return opening[: stated[0]]


def _walk(nodes: list[_Node]):
    for node in nodes:
        yield node
        yield from _walk(node.children)


def _states_committee(text: str) -> bool:
    """A sentence about the committee's members: elected, left, by-elected, its composition."""
    folded = _words_of(text)
    if " ban chap hanh " not in folded and " bch " not in folded:
        return False
    signals = PART_KINDS["personnel"].statements
    return any(f" {signal} " in folded for signal in signals) or bool(COMMITTEE_SIZE.search(folded))


def _tail_start(lines: list[Line], last_head: int) -> int:
    """Where the signature or "Nơi nhận" begins, after the last part."""
    for i in range(last_head + 1, len(lines)):
        text = plain(lines[i].text)
        if (SIGNATURE_START.match(text) and is_capitals(text)) or fold(text).startswith("noi nhan"):
            return i
    return len(lines)


def _header(lines: list[Line], title_lines: tuple[int | None, int, int]):
    """Header facts, title and subject of the lines before part I; the rest is the opening.

    The lines the report's own header replaces (number, date, title, subject, the unions'
    names) are listed as written, for the preview to show.
    """
    header: dict[str, str] = {}
    title = subject = ""
    leftovers: list[Leftover] = []
    opening: list[Line] = []
    capitals = []
    replaced = []
    title_at, subject_from, subject_end = title_lines
    for i, line in enumerate(lines):
        text = plain(line.text)
        folded = fold(text)
        if DOCUMENT_NUMBER.match(text) and len(text) < 40:
            header["number"] = text
            replaced.append(text)
        elif DATE_LINE.match(text) and len(text) < 120:
            header["date_line"] = text
            replaced.append(text)
        elif folded.startswith(("cong hoa xa hoi chu nghia", "doc lap")) or folded == "viet nam":
            continue  # the national motto (its "VIỆT NAM" on a line of its own), the same in every report
        elif DRAFT_MARK.match(folded):
            continue  # an exported draft's mark; every draft rendering makes it again
        elif i == title_at or subject_from <= i < subject_end:
            if i == title_at:
                title, text = text[:7], text[7:].strip()  # "BÁO CÁO", and a subject run on
            subject = f"{subject} {text}".strip()
            replaced.append(lines[i].text.strip())
        elif title_at is not None and i >= subject_end and text.startswith("(") and text.endswith(")"):
            leftovers.append(Leftover(_("Under the title"), text))
        elif (title_at is None or i < title_at) and is_capitals(text) and len(text) < 120 and not opening:
            capitals.append(text)
            replaced.append(text)
        else:
            opening.append(line)
    capitals = _names(capitals)
    if capitals:
        header["issuer"] = capitals[-1]
        if len(capitals) > 1:
            header["superior"] = " ".join(capitals[:-1])
    return header, title, subject, leftovers, opening, replaced


def _names(capitals: list[str]) -> list[str]:
    """The unions' names of the header, each whole: a name broken over two lines by a narrow
    column ("CÔNG ĐOÀN CƠ SỞ TRƯỜNG TIỂU" / "HỌC THỊ TRẤN ĐỨC THỌ") goes on in each line that
    does not begin as a name does ("CÔNG ĐOÀN", "LIÊN ĐOÀN", "ĐOÀN", "HỘI", …)."""
    if len(capitals) <= 2:
        return capitals
    names: list[str] = []
    for text in capitals:
        if names and not fold(text).startswith(NAME_STARTS):
            names[-1] = f"{names[-1]} {text}"
        else:
            names.append(text)
    return names


def _tail(lines: list[Line]) -> tuple[Signature, tuple[str, ...], list[Leftover]]:
    """The signature and the recipients after "Nơi nhận".

    A line marked as an item after "Nơi nhận" is a recipient wherever it stands: a table that
    sets "Nơi nhận" beside the signature is read a row at a time, its two columns interleaved.
    """
    on_behalf, titles, name = "", [], ""
    recipients: list[str] = []
    leftovers: list[Leftover] = []
    in_recipients = listed = False
    for line in lines:
        text = plain(line.text)
        folded = fold(text)
        if not text:
            continue  # a rule typed "***" or "___"
        if folded.startswith("noi nhan"):
            in_recipients = listed = True
            rest = text.split(":", 1)[1].strip() if ":" in text else ""
            if rest:
                recipients.append(rest.lstrip("-–+• ").strip())
        elif (in_recipients or (listed and line.cell is not None)) and text[:1] in "-–+•":
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
    if mark := BULLET_MARK.match(line.text):
        return Paragraph(line.without_prefix(mark.end()).content, "bullet", label)
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
    return _unmarked(line).text.strip().rstrip(":").strip()


def _named_subheadings(lines: list[Line]) -> list[int]:
    """Where the sections of a part holding sections begin when no number marks them: short
    lines naming a kind, standing alone ("Ưu điểm:", "* Hạn chế, khuyết điểm:", "a) Nguyên nhân")."""
    found = []
    for i, line in enumerate(lines):
        text = _unmarked(line).text.strip()
        lead_in = text.endswith(":")
        text = text.rstrip(":").strip()
        alone = lead_in or not _item_mark(line) or is_capitals(text)
        if alone and 0 < len(text.split()) <= 6 and text[-1] not in SENTENCE_ENDS and kind_by_words(text):
            found.append(i)
    return found if len(found) >= 2 else []


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
    if not heads and depth == 1 and hint == "group":
        heads = _named_subheadings(lines)
    if heads and depth == 1:
        hints = [_structure(_subtitle(lines[i]))[1] for i in heads]
        if hint != "areas" and (hint == "group" or all(h not in (None, "areas") for h in hints)):
            node = _Node("group", title, [_paragraph(line) for line in lines[: heads[0]]])
            for start, end in itertools.pairwise([*heads, len(lines)]):
                child = _read(_subtitle(lines[start]), lines[start + 1 : end], depth + 1)
                child.written = lines[start].text.strip()
                node.children.append(child)
            return node
    marked = any(_item_mark(line) for line in lines)
    if heads or (hint == "areas" and marked):
        return _areas(title, lines, depth)
    if hint in ("list", "areas") or marked:
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
    """An introduction, then items: marked "- ", "+ ", "•", "(1)", "1.", "1)", "a)", "a." ….

    Unmarked paragraphs after the first item are items too (Word may have dropped the marks);
    "+ " items under "- " items are part of the item above them. With no marks at all, items
    run together in a paragraph ("(1) …; (2) …") are split, or else an introduction ends with a
    colon and every other paragraph is an item.
    """
    node = _Node("list", title)
    if not any(_item_mark(line) for line in lines):
        lines = [piece for line in lines for piece in _inline_items(line)]
    marks = [i for i, line in enumerate(lines) if _item_mark(line)]
    numbered = bool(marks) and not any(BULLET_MARK.match(lines[i].text) for i in marks)
    nested = bool(marks) and lines[marks[0]].text.startswith("- ")
    if not marks:
        # No item is marked (so none sets `last_item`): the closing is found by its words alone.
        marks = [i for i, line in enumerate(lines) if not line.text.rstrip().endswith(":")]
    for i, line in enumerate(lines):
        if not marks or i < marks[0]:
            node.blocks.append(_paragraph(line))
        elif nested and line.text.startswith("+ ") and node.blocks:
            above = node.blocks[-1]
            node.blocks[-1] = Paragraph((*above.content, " ", *line.content), above.style, above.label)
        else:
            content = _unmarked(line).content
            node.blocks.append(
                Paragraph(content, "body", NUMBERED) if numbered else Paragraph(content, "bullet")
            )
        if _item_mark(line):
            node.last_item = len(node.blocks) - 1
    return node


def _item_mark(line: Line) -> int:
    """The length of the mark an item starts with ("- ", "+ ", "(1) ", "a) ", "1.2. "), or 0."""
    if numbered := NUMBER.match(line.text):
        return numbered.end()
    mark = ITEM_MARK.match(line.text)
    return mark.end() if mark else 0


def _unmarked(line: Line) -> Line:
    mark = _item_mark(line)
    return line.without_prefix(mark) if mark else line


def _inline_items(line: Line) -> list[Line]:
    """The line split before each of "(1)", "(2)" … (or "a)", "b)" …) run into it, in sequence."""
    text = line.text
    starts: list[int] = []
    numbers = False
    for match in INLINE_ITEM.finditer(text):
        value = int(match[1]) if match[1] else ord(match[2]) - ord("a") + 1
        if not starts and value == 1:
            starts, numbers = [match.start()], bool(match[1])
        elif starts and bool(match[1]) == numbers and value == len(starts) + 1:
            starts.append(match.start())
    if len(starts) < 2:
        return [line]
    pieces = (_slice(line, a, b) for a, b in itertools.pairwise([0, *starts, len(text)]))
    return [piece for piece in pieces if piece is not None]


def _slice(line: Line, start: int, end: int) -> Line | None:
    """The part of the line between two offsets of its text, with the footnotes called inside it."""
    content: list = []
    offset = 0
    for part in line.content:
        if isinstance(part, str):
            low, high = max(start, offset), min(end, offset + len(part))
            if low < high:
                content.append(part[low - offset : high - offset])
            offset += len(part)
        elif start < offset <= end or offset == start == 0:
            content.append(part)
    return make_line(content, line.heading, line.cell)


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
    if start == len(blocks):
        # Without "Trên đây …", the last paragraphs close the report when they address the congress.
        while start > 1 and _addresses_congress(blocks[start - 1]):
            start -= 1
    if last.last_item >= 0:
        start = min(start, last.last_item + 1)
    closing, last.blocks = blocks[start:], blocks[:start]
    return [Paragraph(p.content, "body") for p in closing]


def _addresses_congress(paragraph: Paragraph) -> bool:
    found = _words_of(paragraph.text)
    return paragraph.style == "body" and not paragraph.label and any(f" {w} " in found for w in CLOSING_WORDS)


def relabel(imported: Imported, kinds: dict[str, str], titles: dict[str, str] | None = None) -> Imported:
    """The import with the part or section at each path (see `paths`) read as the kind `kinds`
    gives it, and titled as `titles` does: what the secretary corrected on the preview.

    A section given another kind keeps every paragraph: a part holding sections of its own made
    prose or a list takes theirs, their titles as paragraphs; a list made prose keeps its numbers.
    """
    titles = titles or {}

    def walk(sections, prefix: str) -> tuple[Section, ...]:
        out = []
        for index, section in enumerate(sections):
            path = f"{prefix}{index}"
            if section.kind == "group":
                section = dataclasses.replace(section, children=walk(section.children, f"{path}."))
            wanted = kinds.get(path, section.kind)
            if wanted != section.kind and wanted in PART_KINDS:
                section = _as_kind(section, wanted)
            title = " ".join(titles.get(path, section.title).split())
            out.append(dataclasses.replace(section, title=title[:300]))
        return tuple(out)

    document = imported.document
    divisions = bool(document.parts) and document.parts[0].level == 0
    parts = number_sections(walk(document.parts, ""), divisions=divisions)
    return dataclasses.replace(
        imported, document=number_footnotes(dataclasses.replace(document, parts=parts))
    )


def _as_kind(section: Section, kind: str) -> Section:
    structure = PART_KINDS[kind].structure
    if structure == "group":
        children = tuple(
            child
            if child.kind in PART_KINDS
            else dataclasses.replace(child, kind="prose", blocks=_flat(child))
            for child in section.children
        )
        return dataclasses.replace(section, kind=kind, children=children)
    if structure == "areas":
        areas = tuple(
            Section("", child.title, 0, _flat(child, titled=False), (), kind="area")
            for child in section.children
        )
        return dataclasses.replace(section, kind=kind, children=areas)
    blocks = section.blocks + tuple(p for child in section.children for p in _flat(child))
    if structure == "list":
        if not any(p.style == "bullet" or p.label for p in blocks):
            intro = 1 if len(blocks) > 1 and blocks[0].text.rstrip().endswith(":") else 0
            blocks = blocks[:intro] + tuple(Paragraph(p.content, "bullet") for p in blocks[intro:])
        return dataclasses.replace(section, kind=kind, blocks=blocks, children=())
    prose = tuple(
        Paragraph((f"{p.label} ", *p.content)) if p.label and p.label != NUMBERED else p for p in blocks
    )
    return dataclasses.replace(section, kind=kind, blocks=prose, children=())


def _flat(section: Section, *, titled: bool = True) -> tuple[Paragraph, ...]:
    """The section's paragraphs and its sections', each section's title a paragraph before them."""
    head = (Paragraph((section.title,)),) if titled and section.title else ()
    blocks = tuple(
        Paragraph(p.content, p.style if p.style != "runin" else "body", p.label) for p in section.blocks
    )
    return head + blocks + tuple(p for child in section.children for p in _flat(child))
