"""The document broken into numbered lines, the way a review copy numbers them.

Members who review a draft quote "line 214" on screen and on paper alike, so the lines are
decided here, once, and both the review page and the review copy's PDF draw exactly these lines
(each line is its own box, never re-wrapped by the browser or WeasyPrint). Numbering runs 1, 2, …
through the whole text in reading order: the opening, every heading and paragraph of the parts,
the closing, then the footnotes, which a review copy lists at the end. The header, the title and
the signature block are laid out in columns and are not numbered.

Widths are counted in columns of half an em, about one lowercase letter of the report font
(Times metrics, 14 pt), each letter by its own width rounded up (`measure`). The report's text
width (165 mm) holds 66.8 columns; `WIDTH` keeps a margin below that, and bold headings get a
narrower one, so that no line is wider than the page (tests/rendering measure every line with
the font itself, and the PDF's lines are laid out with `white-space: nowrap`).

Every block also gets its *identity*, what a review comment points at. A record's anchor when
it has one ("area-7/item-91", a section's "section-12"); otherwise, because a paragraph of an
introduction, of the opening or of computed prose has no record of its own, the anchor of what
holds it and a hash of its text ("section-12/p-3f2a9c01d4", "opening/p-…"), which survives
paragraphs added, removed or moved around it and is lost only when that paragraph itself is
edited (its comments then show at what held it). A footnote is its paragraph's identity and its
place among that paragraph's footnotes ("area-7/item-91/note-1"), which survives edits of the
note's own text.
"""

import hashlib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from .model import Footnote, Inline, Paragraph, ReportDocument, Section

# Columns of text in a line (see the module's docstring), and the first-line indent (1.27 cm).
WIDTH = 64
INDENT = 6
# Bold letters are up to 8 % wider; footnotes are set in 12 pt rather than 14.
BOLD = 0.92
NOTE = 14 / 12

# Widths in hundredths of an em, rounded up, of the letters of a Times-metric face; a column is
# 50 (a lowercase "n"). What is not listed is as wide as the widest capitals.
_HUNDREDTHS = {
    **dict.fromkeys(" ,.", 25),
    **dict.fromkeys("/:;iltjfìíĩỉị", 28),
    **dict.fromkeys("!()-I[]r‘’'|ÌÍĨỈỊ", 34),
    "s": 39,
    **dict.fromkeys('?aceàáâãèéêăạảấầẩẫậắằẳẵặẹẻẽếềểễệ“”"z', 45),
    **dict.fromkeys("0123456789bdghknopquvxyòóôõùúýđũọỏốồổỗộụủỳỵỷỹ–", 50),
    **dict.fromkeys("ơớờởỡợưứừửữự", 55),
    **dict.fromkeys("PSJF", 56),
    **dict.fromkeys("ELTZÈÉÊẸẺẼẾỀỂỄỆ", 62),
    **dict.fromkeys("BCR", 67),
    **dict.fromkeys("&mwƯỨỪỬỮỰ", 78),
    **dict.fromkeys("%", 84),
    **dict.fromkeys("MW—…", 100),
}
_OTHER = 73


def measure(text: str) -> int:
    """The width of `text` in hundredths of an em of the report font."""
    return sum(_HUNDREDTHS.get(ch, _OTHER) for ch in text)


@dataclass(frozen=True)
class Line:
    number: int
    # Text and footnote calls, words separated by single spaces.
    parts: tuple[Inline, ...]
    first: bool = False
    last: bool = False

    @property
    def text(self) -> str:
        return "".join(part if isinstance(part, str) else str(part.number) for part in self.parts)


@dataclass(frozen=True)
class Block:
    """A heading, paragraph or footnote as numbered lines; `identity` is what comments point at."""

    kind: Literal["heading", "paragraph", "footnote"]
    identity: str
    lines: tuple[Line, ...]
    # What the lines read without numbers, labels and footnote calls: what a quote must be taken from.
    text: str
    style: str = "body"  # a paragraph's style; a heading's "level-N"
    prefix: str = ""  # "- " of a bullet, "1." of a numbered item, a footnote's number
    # Identities that show here too: the section a run-in paragraph opens, "opening", "closing".
    aliases: tuple[str, ...] = field(default=())

    @property
    def first_line(self) -> int:
        return self.lines[0].number

    @property
    def last_line(self) -> int:
        return self.lines[-1].number


@dataclass(frozen=True)
class NumberedDocument:
    document: ReportDocument
    blocks: tuple[Block, ...]  # the text, in reading order
    notes: tuple[Block, ...]  # the footnotes, after the signature

    def all_blocks(self) -> Iterator[Block]:
        yield from self.blocks
        yield from self.notes

    def identities(self) -> dict[str, Block]:
        """Every identity, aliases included, → the block it shows at."""
        found: dict[str, Block] = {}
        for block in self.all_blocks():
            for identity in (*block.aliases, block.identity):
                found.setdefault(identity, block)
        return found

    def lines(self) -> Iterator[Line]:
        for block in self.all_blocks():
            yield from block.lines


def normalized(text: str) -> str:
    """NFC, runs of white space as one space: how a quote is compared with the text."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def text_hash(text: str) -> str:
    return hashlib.sha256(normalized(text).encode()).hexdigest()[:10]


# -- Breaking text into lines ---------------------------------------------------------------

Word = tuple[Inline, ...]


def words_of(content: tuple[Inline, ...]) -> list[Word]:
    """The words of `content`; a footnote call belongs to the word it follows without a space."""
    words: list[list[Inline]] = []
    glued = False  # whether the next piece continues the last word
    for part in content:
        if isinstance(part, Footnote):
            if words and glued:
                words[-1].append(part)
            else:
                words.append([part])
            glued = True
            continue
        pieces = re.split(r"\s+", part)
        for i, piece in enumerate(pieces):
            if i > 0:
                glued = False
            if not piece:
                continue
            if glued and words:
                words[-1].append(piece)
            else:
                words.append([piece])
            glued = True
        if pieces[-1] == "":
            glued = False
    return [tuple(word) for word in words]


def _width(word: Word) -> int:
    return sum(measure(part) if isinstance(part, str) else measure(str(part.number)) for part in word)


def _split_long(word: Word, room: int) -> list[Word]:
    """A word wider than a line (an address, a long number) cut where it must be."""
    pieces: list[Word] = []
    current: list[Inline] = []
    used = 0
    for part in word:
        for ch in [part] if isinstance(part, Footnote) else list(part):
            width = measure(ch if isinstance(ch, str) else str(ch.number))
            if current and used + width > room:
                pieces.append(tuple(current))
                current, used = [], 0
            current.append(ch)
            used += width
    if current:
        pieces.append(tuple(current))
    return [_merge(piece) for piece in pieces]


def _merge(parts) -> Word:
    merged: list[Inline] = []
    for part in parts:
        if isinstance(part, str) and merged and isinstance(merged[-1], str):
            merged[-1] += part
        else:
            merged.append(part)
    return tuple(merged)


def wrap(content: tuple[Inline, ...], *, width: int = WIDTH, first_indent: int = 0) -> list[Word]:
    """`content` broken greedily into lines of at most `width` columns (the first `first_indent` less).

    Each line is returned as its parts, words joined by one space.
    """
    room_first, room = 50 * (width - first_indent), 50 * width
    lines: list[list[Inline]] = []
    current: list[Inline] = []
    used = 0

    def limit() -> int:
        return room_first if not lines else room

    pending = list(words_of(content))
    while pending:
        word = pending.pop(0)
        w = _width(word)
        gap = measure(" ") if current else 0
        if used + gap + w <= limit():
            if current:
                current.append(" ")
            current.extend(word)
            used += gap + w
            continue
        if current:
            lines.append(current)
            current, used = [], 0
            pending.insert(0, word)
            continue
        # A word wider than a whole line.
        head, *rest = _split_long(word, limit())
        lines.append(list(head))
        pending[:0] = rest
    if current or not lines:
        lines.append(current)
    return [_merge(line) for line in lines]


# -- The document's blocks ------------------------------------------------------------------


class _Numbering:
    def __init__(self, width: int):
        self.width = width
        self.next = 1

    def lines(self, content: tuple[Inline, ...], *, first_indent: int, scale: float = 1) -> tuple[Line, ...]:
        width = int(self.width * scale)
        wrapped = wrap(content, width=width, first_indent=first_indent)
        numbered = []
        for i, parts in enumerate(wrapped):
            numbered.append(Line(self.next, parts, first=i == 0, last=i == len(wrapped) - 1))
            self.next += 1
        return tuple(numbered)


def _prefix(paragraph: Paragraph) -> str:
    if paragraph.style == "bullet":
        return "-"
    return paragraph.label


def number_lines(document: ReportDocument, *, width: int = WIDTH) -> NumberedDocument:
    """The document as numbered lines and commentable blocks (see the module's docstring)."""
    numbering = _Numbering(width)
    blocks: list[Block] = []
    notes: list[Block] = []
    taken: set[str] = set()

    def unique(identity: str) -> str:
        # Two equal paragraphs under one heading: the second is told apart by its rank among equals.
        candidate, n = identity, 1
        while candidate in taken:
            n += 1
            candidate = f"{identity}-{n}"
        taken.add(candidate)
        return candidate

    def paragraph(p: Paragraph, container: str, aliases: tuple[str, ...] = ()) -> None:
        identity = unique(p.anchor or f"{container}/p-{text_hash(p.text)}")
        prefix = _prefix(p)
        content = (prefix + " ", *p.content) if prefix else p.content
        lines = numbering.lines(content, first_indent=INDENT)
        if prefix:
            # The prefix is drawn apart (bold for a run-in number): take it off the first line.
            first = lines[0]
            rest = first.parts[0][len(prefix) + 1 :] if isinstance(first.parts[0], str) else ""
            parts = ((rest,) if rest else ()) + first.parts[1:]
            lines = (Line(first.number, parts, first.first, first.last), *lines[1:])
        blocks.append(Block("paragraph", identity, lines, p.text, p.style, prefix, aliases))
        notes_called.extend((note, f"{identity}/note-{i}") for i, note in enumerate(p.footnotes, start=1))

    # Footnotes are numbered after the signature, in the order they are called.
    notes_called: list[tuple[Footnote, str]] = []

    def section(s: Section) -> None:
        container = s.anchor or f"heading-{text_hash(s.number + ' ' + s.title)}"
        aliases: tuple[str, ...] = ()
        if s.title:
            heading = f"{s.number} {s.title}"
            if s.level == 0:
                lines = numbering.lines((s.number,), first_indent=0, scale=BOLD)
                lines += numbering.lines((s.title,), first_indent=0, scale=BOLD)
                lines = tuple(
                    Line(line.number, line.parts, i == 0, i == len(lines) - 1) for i, line in enumerate(lines)
                )
            else:
                lines = numbering.lines((heading,), first_indent=INDENT, scale=BOLD)
            blocks.append(Block("heading", unique(container), lines, heading, f"level-{s.level}"))
        else:
            # An untitled section: its number runs into its first paragraph, which stands for it.
            aliases = (container,)
        for i, p in enumerate(s.blocks):
            paragraph(p, container, aliases if i == 0 else ())
        for child in s.children:
            section(child)

    for i, p in enumerate(document.opening):
        paragraph(p, "opening", ("opening",) if i == 0 else ())
    for part in document.parts:
        section(part)
    for i, p in enumerate(document.closing):
        paragraph(p, "closing", ("closing",) if i == 0 else ())
    for note, identity in notes_called:
        lines = numbering.lines((note.text,), first_indent=1, scale=NOTE)
        notes.append(Block("footnote", unique(identity), lines, note.text, "footnote", str(note.number)))
    return NumberedDocument(document, tuple(blocks), tuple(notes))
