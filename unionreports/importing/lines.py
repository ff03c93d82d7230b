"""What a reader makes of a file: its paragraphs in reading order, before any meaning is given."""

import itertools
import re
import unicodedata
from dataclasses import dataclass

from unionreports.document import Footnote, Inline


class ImportFailed(Exception):
    """The file cannot be read as a report; the message says why, in the user's language."""

    def __init__(self, message, code: str):
        super().__init__(message)
        self.message = message
        self.code = code


@dataclass(frozen=True)
class Line:
    """One paragraph of the source: its text and footnotes, and a heading level if a style gave one."""

    content: tuple[Inline, ...]
    heading: int = 0
    # (table, row) for a paragraph in a table's cell, counted from 1 in the file.
    cell: tuple[int, int] | None = None

    @property
    def text(self) -> str:
        return "".join(part for part in self.content if isinstance(part, str))

    def without_prefix(self, length: int) -> "Line":
        """The line less its first `length` characters of text (a number or a bullet's dash)."""
        content = list(self.content)
        first = content[0] if content else ""
        if isinstance(first, str):
            rest = first[length:].lstrip()
            content = ([rest] if rest else []) + content[1:]
        return Line(tuple(content), self.heading, self.cell)


def make_line(parts: list[Inline], heading: int = 0, cell: tuple[int, int] | None = None) -> Line | None:
    """A line from text runs and footnotes: NFC, white space folded; None when it holds nothing.

    No-break spaces are kept: a writer puts them where a line must not break.
    """
    content: list[Inline] = []
    # Runs between footnotes are joined once: adding each run to the last would copy the
    # paragraph's text again for every run (Word may split a paragraph into thousands).
    for is_note, group in itertools.groupby(parts, key=lambda part: isinstance(part, Footnote)):
        if is_note:
            content += [Footnote(0, fold_spaces(note.text).strip()) for note in group]
        else:
            content.append(fold_spaces("".join(group)))
    if content and isinstance(content[0], str):
        content[0] = as_bullet(content[0]).lstrip()
    if content and isinstance(content[-1], str):
        content[-1] = content[-1].rstrip()
    content = [part for part in content if part != ""]
    if not any(isinstance(part, Footnote) or part.strip() for part in content):
        return None
    return Line(tuple(content), heading, cell)


# Glyphs a line starts with as a list's bullet: those of Word's Symbol and Wingdings fonts, which
# a PDF or a copy of one gives as private-use characters (U+F0B7 ""), and the squares, arrows,
# diamonds and circles typed for bullets. Each is read as "•", the bullet every reader knows.
BULLET_GLYPHS = (
    "\uf0b7\uf0a7\uf0a8\uf076\uf0d8\uf0d9\uf0de\uf0e0\uf0f0\uf0fc\uf06e\uf071\uf0a9\uf06c■□▪▫●◦○◆◇❖➢➤►▶✓✔❑"
)
LEADING_BULLET = re.compile(f"^(\\s*)[{BULLET_GLYPHS}]\\s*")


# The second level's bullet of Word's lists, "o" in Courier New, as a PDF gives it: "o Tổ chức …".
LETTER_O_BULLET = re.compile(r"^(\s*)o\s+(?=[^\W\d_])")


def as_bullet(text: str, *, letter_o: bool = False) -> str:
    """The line with the bullet glyph it starts with, if any, written "• "; with `letter_o`
    (text from a PDF), a lone "o" before a capital too."""
    if letter_o and (match := LETTER_O_BULLET.match(text)) and text[match.end()].isupper():
        return f"{match[1]}• {text[match.end() :]}"
    return LEADING_BULLET.sub(r"\1• ", text, count=1)


def fold_spaces(text: str) -> str:
    return _SPACES.sub(" ", nfc(text))


_SPACES = re.compile(r"[ \t\r\n\f\v\x85\u2028\u2029]+")


def is_capitals(text: str) -> bool:
    """A line in capitals: "VỀ NHÂN SỰ BAN CHẤP HÀNH", "CÔNG ĐOÀN …"."""
    letters = [ch for ch in nfc(text) if ch.isalpha()]
    return len(letters) >= 3 and all(ch.isupper() for ch in letters)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)
