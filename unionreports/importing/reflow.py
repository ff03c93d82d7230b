"""Text copied from a PDF: lines broken at the page's width joined again into paragraphs.

A PDF holds lines, not paragraphs: copied (or extracted) text breaks each paragraph where the
page did, and carries the page numbers and the running header and footer of every page. Such
text is told from a file typed one paragraph a line by its many lines that stop mid-sentence and
go on in the next; a file without them is left as it is.

Structure is never joined: a heading, a list item, a line in capitals, the header's "Số: …" and
date line and the signature block each keep a line of their own. A word the break split in two
("hà-" / "nh", "đoà" / "n") is mended only where the pieces are not Vietnamese syllables and the
whole is one.
"""

import bisect
import itertools
import re
from collections import Counter
from dataclasses import dataclass

from unionreports.proofreading.syllables import is_syllable

from .lines import is_capitals

# "2", "- 2 -", "Trang 2", "Trang 2/7", "2/7", "Page 2 of 7".
PAGE_NUMBER = re.compile(
    r"^\s*(?:[-–—]\s*\d{1,4}\s*[-–—]|\d{1,4}(?:\s*/\s*\d{1,4})?|(?:trang|page)\s+\d{1,4}(?:\s*(?:/|of|trên)\s*\d{1,4})?)\s*$",
    re.IGNORECASE,
)
# A line that starts a block of its own: a bullet; a number or letter ("1.", "1.2.", "(1)", "a)"),
# not a figure ("45.600.000 đồng"); a Roman figure; a division; "Số:", "Nơi nhận", "TM." (in
# the capitals they are written with: "số", "mục" go on a sentence as often as not).
STARTS_BLOCK = re.compile(
    r"^\s*(?:[-–—•+*▪●◦·]\s|\(?\d{1,2}(?:\.\d{1,2})*[.)](?!\d)|\(\d{1,2}\)|[a-zđ]\)\s|[IVXLC]{1,5}\s*[.)/-]\s|"
    r"(?:Phần|PHẦN|Chương|CHƯƠNG|Điều|ĐIỀU|Mục|MỤC)\s+\S+\s*[.:]|"
    r"Số\s*:|Số\s+\d|Nơi nhận|NƠI NHẬN|(?:TM|T/M|KT|Q)\.?\s)"
)
# "Hà Tĩnh, ngày 15 tháng 6 năm 2023", the figures perhaps dots in a draft; nothing after it.
DATE_LINE = re.compile(r"^[^,]{2,80},\s*ngày\s+\S+\s+tháng\s+\S+\s+năm\s+\S+\s*$", re.IGNORECASE)
SENTENCE_END = re.compile(r"[.:;!?…]['\"”’)\]]*$")
FIRST_WORD = re.compile(r"^[^\W\d_]+")
DASHES = ("–", "—")
YEARS_GO_ON = re.compile(r"^[–—-]\s?\d{4}\b")
TERM_GOES_ON = re.compile(r"^(?:NHIỆM KỲ|GIAI ĐOẠN)\s+\d{4}")
# The fewest lines of a page, between two of its running headers.
PAGE_LINES = 15
# Most lines of a paragraph are filled to this share of the page's width or more.
FULL = 0.75


# Two columns of a page copied with its layout: text, four spaces or more, text.
COLUMN_GAP = re.compile(r"(?<=\S) {4,}(?=\S)")
# Where the header's two columns (the unions' names | the motto and the date) may stand.
HEADER_LINES = 30
# The title under the header; the start of the signature block ("Nơi nhận" | "TM. BAN CHẤP HÀNH").
TITLE_LINE = re.compile(r"^\s*(?:BÁO CÁO|Báo cáo)\s*$")
TAIL_START = re.compile(r"^\s*(?:Nơi nhận|NƠI NHẬN|(?:TM|T/M|KT)\.?\s)")


def columns(lines: list[str]) -> list[str]:
    """The lines, with the header and the signature block set in two columns (as a PDF's text
    copied with its layout keeps them: "CÔNG ĐOÀN …      CỘNG HÒA …") read a column at a time.

    Only those two blocks are read so: a table of the body keeps its rows.
    """
    title = next((i for i, line in enumerate(lines[:HEADER_LINES]) if TITLE_LINE.match(line)), None)
    tail = next(
        (
            i
            for i in range(len(lines) - 1, (title or 0) - 1, -1)
            if TAIL_START.match(lines[i]) or any(TAIL_START.match(part) for part in _cells(lines[i])[1:])
        ),
        None,
    )
    if tail is not None:
        # The block begins at the first of its lines ("Nơi nhận" may follow the signature's "TM.").
        while tail > 0 and lines[tail - 1].strip() and _cells(lines[tail - 1])[1:]:
            tail -= 1
    out = list(lines)
    if tail is not None:
        out[tail:] = _read_columns(lines[tail:])
    if title is not None:
        out[:title] = _read_columns(lines[:title])
    return out


def _cells(line: str) -> list[str]:
    return COLUMN_GAP.split(line.strip()) if "    " in line else [line.strip()]


def _read_columns(block: list[str]) -> list[str]:
    """The left column's lines, then the right column's: the right one starts where the leftmost
    text after a gap starts; a line without a gap goes to the column it starts in."""
    starts = [match.end() for line in block for match in itertools.islice(COLUMN_GAP.finditer(line), 1)]
    if not starts:
        return block
    split = min(starts)
    left, right = [], []
    for line in block:
        indent = len(line) - len(line.lstrip())
        if match := next(COLUMN_GAP.finditer(line), None):
            left.append(line[: match.start()])
            right.append(line[match.end() :])
        elif line.strip() and indent >= split * 3 // 4:
            right.append(line)
        else:
            left.append(line)
    return [*left, "", *right]


# A footnote at the foot of a page: its number, a space, its text ("1 Mỗi trường hợp …").
FOOTNOTE_START = re.compile(r"^\s*(\d{1,2}) {1,2}(?=[^\W\d_])")
# The rule a footnote may stand under: "_____", "--------".
FOOTNOTE_RULE = re.compile(r"^\s*[_\-–—]{5,}\s*$")
# The footnotes of a page stand in its last lines.
FOOTNOTE_LINES = 10


def footnote_call(number: str) -> re.Pattern:
    """A footnote's call: its number glued after a word or a closing quote ("ốm đau1,", "”2")."""
    return re.compile(rf"(?:(?<=[^\W\d_])|(?<=[”’\")])){number}(?!\d)(?=[\s.,;:!?)”’\"]|$)")


def take_footnotes(lines: list[str]) -> tuple[list[str], dict[str, str]]:
    """The lines with each page's footnotes taken out and each call written "[^pdfN]", and the
    footnotes by those keys (`text._with_notes` puts them back in place).

    A footnote is read only where that is unambiguous: a line among the page's last ones that
    starts with a small number, whose call stands earlier on the same page glued to a word; the
    lines after it to the page's end are its text, or the next footnote's.
    """
    breaks = [i for i, line in enumerate(lines) if PAGE_NUMBER.match(line) or "\f" in line]
    out = list(lines)
    notes: dict[str, str] = {}
    start = 0
    for end in [*breaks, len(lines)]:
        _page_footnotes(out, start, end, notes)
        start = end + 1
    return out, notes


def _page_footnotes(lines: list[str], start: int, end: int, notes: dict[str, str]) -> None:
    filled = [i for i in range(start, end) if lines[i].strip()]
    foot = filled[-FOOTNOTE_LINES:]
    for first in foot:
        match = FOOTNOTE_START.match(lines[first])
        if not match:
            continue
        call_at = _call(lines, start, first, match[1])
        if call_at is None:
            continue
        # From here to the page's end: footnotes, each called earlier on the page.
        current = None
        for i in [i for i in foot if i >= first]:
            match = FOOTNOTE_START.match(lines[i])
            called = _call(lines, start, first, match[1]) if match else None
            if match and called is not None:
                line_at, call = called
                current = f"pdf{len(notes) + 1}"
                notes[current] = lines[i][match.end() :].strip()
                text = lines[line_at]
                lines[line_at] = f"{text[: call.start()]}[^{current}]{text[call.end() :]}"
            elif current is not None:
                notes[current] = f"{notes[current]} {lines[i].strip()}"
            lines[i] = ""
        if first - 1 >= start and FOOTNOTE_RULE.match(lines[first - 1]):
            lines[first - 1] = ""
        return


def _call(lines: list[str], start: int, end: int, number: str):
    """(line, match) of the first call of footnote `number` in lines[start:end], or None."""
    pattern = footnote_call(number)
    for i in range(start, end):
        if number in lines[i] and (call := pattern.search(lines[i])):
            return i, call
    return None


@dataclass(frozen=True)
class Reflowed:
    """The paragraphs: for each, the indices of the lines it is made of, and its text."""

    paragraphs: list[tuple[list[int], str]]
    # Whether anything was changed (lines joined, page numbers or running lines dropped).
    changed: bool


def looks_like_pdf_copy(lines: list[str]) -> bool:
    """Whether most paragraphs run on over lines broken at a similar width, as a PDF's do."""
    filled = [line.strip() for line in lines if line.strip()]
    if len(filled) < 6:
        return False
    width = _width(filled)
    runs_on = sum(
        1
        for line, following in itertools.pairwise(filled)
        if _continues(line, following, width) and len(line) >= FULL * width
    )
    page_numbers = sum(1 for line in filled if PAGE_NUMBER.match(line))
    return runs_on >= 3 and (runs_on >= 0.2 * len(filled) or (page_numbers and runs_on >= 0.1 * len(filled)))


def reflow(lines: list[str]) -> Reflowed:
    """The lines joined into paragraphs, less page numbers and running headers and footers."""
    # A year after a line ending with a dash ("2017 –" / "2022") is not a page's number.
    numbers = {
        i
        for i, line in enumerate(lines)
        if PAGE_NUMBER.match(line) and not (i and lines[i - 1].rstrip().endswith(DASHES))
    }
    kept = [i for i, line in enumerate(lines) if line.strip() and i not in numbers]
    running = _running_lines(lines, kept, numbers)
    dropped = numbers | running
    kept = [i for i in kept if i not in running]
    width = _width([lines[i].strip() for i in kept])
    # Each paragraph's lines and the pieces of its text, joined once at the end: adding each line
    # to the paragraph's text would copy it again for every line.
    paragraphs: list[tuple[list[int], list[str]]] = []
    last = -1
    for i in kept:
        text = lines[i].strip()
        # A blank line ends a paragraph, unless it is part of a page's break.
        gap = range(last + 1, i)
        broken = any(not lines[j].strip() for j in gap) and not any(
            j in dropped or "\f" in lines[j] for j in gap
        )
        if paragraphs and not broken and _continues(lines[last].strip(), text, width):
            indices, pieces = paragraphs[-1]
            indices.append(i)
            pieces[-1], joint = _joint(pieces[-1], text)
            pieces += [joint, text]
        else:
            paragraphs.append(([i], [text]))
        last = i
    changed = len(paragraphs) != sum(1 for line in lines if line.strip())
    return Reflowed([(indices, "".join(pieces)) for indices, pieces in paragraphs], changed)


def _width(filled: list[str]) -> int:
    """The page's width in characters: the length the longest tenth of the lines reach."""
    if not filled:
        return 0
    lengths = sorted(len(line) for line in filled)
    return lengths[min(len(lengths) - 1, int(len(lengths) * 0.9))]


def _continues(line: str, following: str, width: int) -> bool:
    """Whether `following` goes on with the paragraph `line` is part of."""
    # A range of years broken at its dash ("nhiệm kỳ 2017" / "– 2022 và …"), a title in capitals
    # before its term ("… CÔNG ĐOÀN" / "NHIỆM KỲ 2017 – 2022"): not a list item, not a heading.
    if (line[-1:].isdigit() and YEARS_GO_ON.match(following)) or (
        is_capitals(line) and is_capitals(following) and TERM_GOES_ON.match(following)
    ):
        return True
    if (
        not following
        or STARTS_BLOCK.match(following)
        or is_capitals(following)
        or DATE_LINE.search(following)
    ):
        return False
    # A title broken after a dash or before its years: "… NHIỆM KỲ 2017 –" / "2022",
    # "NHIỆM VỤ NHIỆM KỲ" / "2022 – 2027".
    if line.endswith(DASHES) or (is_capitals(line) and len(following) <= 20 and not _has_letters(following)):
        return True
    if PAGE_NUMBER.match(following):
        return False
    if is_capitals(line) or DATE_LINE.search(line):
        return False
    if line.endswith("-"):
        return True
    first = following[0]
    # A clause goes on after a comma or a semicolon; a sentence, or a lead-in (":"), ends.
    goes_on = not SENTENCE_END.search(line) or line.endswith((",", ";"))
    if first.islower() or first in ",;)":
        return goes_on
    full = len(line) >= FULL * width
    if first.isdigit():
        # A figure goes on a line filled to the page's width ("…; " / "100% đoàn viên …").
        return full and goes_on
    return full and not SENTENCE_END.search(line)


def _has_letters(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def _joint(previous: str, text: str) -> tuple[str, str]:
    """The line `previous` and what goes between it and the next line, `text`, of its paragraph:
    a space, or nothing where the line's end split a word (its hyphen dropped)."""
    hyphen = previous.endswith("-") and not previous.endswith(" -")
    before = _last_word(previous[:-1] if hyphen else previous)
    after = FIRST_WORD.match(text)
    if before and after and _mends(before, after.group(), hyphen=hyphen):
        return (previous[:-1] if hyphen else previous), ""
    if hyphen:  # "2017-" "2022", "kinh tế-" "xã hội": a hyphen of the text
        return previous, ""
    return previous, " "


def _last_word(line: str) -> str:
    """The word that ends `line`, if it ends with a word (not a figure or a mark)."""
    words = line.rsplit(None, 1)
    return words[-1] if words and words[-1].isalpha() else ""


def _mends(head: str, tail: str, *, hyphen: bool) -> bool:
    """Whether `head` and `tail` are one syllable the line's end split."""
    if not tail[0].islower() or not is_syllable(head + tail):
        return False
    if hyphen:
        return not (is_syllable(head) and is_syllable(tail))
    return not is_syllable(head) or not is_syllable(tail)


def _running_lines(lines: list[str], kept: list[int], numbers: set[int]) -> set[int]:
    """Lines repeated next to the breaks between pages: a running header or footer.

    A page's break is a page number or a form feed; without either, a line must come back three
    times or more. Digits are compared as one, so that "Trang 2" and "Trang 3" are one footer.
    The first occurrence stays when it heads the document: the union's name above the title is
    also the header repeated above each page.
    """
    breaks = sorted(numbers | {i for i, line in enumerate(lines) if "\f" in line})
    near_break = set()
    for b in breaks:
        at = bisect.bisect_left(kept, b)
        near_break.update(kept[max(0, at - 2) : at + 2])
    shapes = {
        i: _shape(lines[i]) for i in kept if len(lines[i].strip()) <= 150 and not STARTS_BLOCK.match(lines[i])
    }
    places: dict[str, list[int]] = {}
    for n, i in enumerate(kept):
        if i in shapes:
            places.setdefault(shapes[i], []).append(n)
    counts_near = Counter(shape for i, shape in shapes.items() if i in near_break)
    running = set()
    for i, shape in shapes.items():
        found = places[shape]
        # Without breaks, a page's worth of lines at least between one and the next.
        spread = all(b - a >= PAGE_LINES for a, b in itertools.pairwise(found))
        if len(found) >= 2 and (counts_near[shape] >= 2 if breaks else len(found) >= 3 and spread):
            running.add(i)
    heading = set(kept[:3])
    firsts: dict[str, int] = {}
    for i in sorted(running):
        firsts.setdefault(shapes[i], i)
    return running - {i for i in firsts.values() if i in heading}


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.split())).casefold()
