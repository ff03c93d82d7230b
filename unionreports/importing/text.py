"""Plain text and Markdown: Word's "Plain Text" export, hand-typed text, Pandoc's Markdown.

Word writes a footnote's call as "[footnoteRef:1]" and its text as "[1: …]", usually just
after the paragraph; Markdown writes "[^1]" and "[^1]: …", or inline "^[…]". Text copied from a
PDF is joined again into paragraphs (`reflow`), and text in TCVN3 or VNI converted (`legacy`).
"""

import re
import unicodedata

from django.utils.translation import gettext_lazy as _

from unionreports.document import Footnote, Inline, parse_inline

from . import legacy, limits
from .lines import ImportFailed, Line, as_bullet, is_capitals, make_line
from .reflow import PAGE_NUMBER, columns, looks_like_pdf_copy, reflow, take_footnotes

BULLET = re.compile(r"^\s*(?:[-–—•+*▪●◦·]|\\-)\s+")
# The marks written as "- ": every bullet but "+", which marks an item inside the one above it.
DASH = re.compile(r"^\s*(?:[-–—•*▪●◦·]|\\-)\s+")
NUMBERED = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})*\\?[.)]\s")
# The title is what follows, less closing hashes (stripped in Python: a pattern for them backtracks).
MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*)$")
MD_NOTE = re.compile(r"^\[\^([^\]\[]+)\]:\s?(.*)$")
WORD_NOTE_START = re.compile(r"\[(\d+):")
# A part heading in Roman figures (or any line in capitals): a paragraph of its own.
ROMAN_HEADING = re.compile(r"^[IVX]{1,4}\s*[.)]\s+\S")
RULE = re.compile(r"^\s*(?:[-_*=]\s*){3,}$")
# Control characters other than tabs, line ends and page breaks mean nothing in a report, and
# a database cannot store NUL in text: they are dropped.
CONTROL = dict.fromkeys([*range(0x09), *range(0x0E, 0x20), 0x7F])


def decode(data: bytes) -> tuple[str, tuple[str, ...]]:
    """The text of a file, and what was done to read it: "tcvn3", "vni" or "cp1258" when it was
    not in Unicode (`services.READING_NOTICES`)."""
    if b"\x00" in data[:4000] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportFailed(_("This is not a text file."), code="not_text")
    text, notices = _unicode(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(CONTROL)
    limits.check_characters(len(text))
    if encoding := legacy.detect(text):
        # Text in a legacy encoding, saved as Unicode as the characters Windows showed for it.
        text, notices = legacy.convert(text, encoding), (encoding,)
    return unicodedata.normalize("NFC", text), notices


def _unicode(data: bytes) -> tuple[str, tuple[str, ...]]:
    for encoding in ("utf-8-sig", "utf-16"):
        if encoding == "utf-16" and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            break
        try:
            return data.decode(encoding), ()
        except UnicodeDecodeError:
            continue
    # Not Unicode: Windows' Vietnamese code page, or TCVN3 or VNI bytes (read as Windows shows
    # them), whichever reads as Vietnamese; the legacy encodings are converted by `decode`.
    windows = data.decode("cp1258", errors="replace")
    if legacy.share_of_syllables(unicodedata.normalize("NFC", windows)) >= 0.8:
        return windows, ("cp1258",)
    latin = data.decode("cp1252", errors="replace")
    if legacy.detect(latin):
        return latin, ()
    raise ImportFailed(
        _("The text is not in Unicode (UTF-8). Save it again as “Unicode (UTF-8)” text and upload that."),
        code="not_utf8",
    )


def read_text(data: bytes, *, markdown: bool) -> tuple[list[Line], tuple[str, ...]]:
    """The lines of a text file, and what was done to read them (`services.READING_NOTICES`)."""
    text, notices = decode(data)
    lines, reflowed = text_lines(text, markdown=markdown)
    return lines, (*notices, "pdf_copy") if reflowed else notices


def text_lines(text: str, *, markdown: bool, pdf: bool = False) -> tuple[list[Line], bool]:
    """The lines of `text`, and whether they were joined again as copied from a PDF (always
    tried for text that is a PDF's)."""
    notes: dict[str, str] = {}
    text = _take_word_notes(text, notes)
    raw = [as_bullet(line) for line in text.split("\n")]
    reflowed = False
    if markdown:
        raw = _take_markdown_notes(raw, notes)
        paragraphs = _markdown_paragraphs(raw)
    elif _looks_wrapped(raw) and not pdf and not any(PAGE_NUMBER.match(line) for line in raw):
        paragraphs = _markdown_paragraphs(raw)
    elif pdf or looks_like_pdf_copy(raw):
        raw, footnotes = take_footnotes([as_bullet(line, letter_o=True) for line in raw])
        notes.update(footnotes)
        flowed = reflow(columns(raw))
        paragraphs, reflowed = [(0, text) for _indices, text in flowed.paragraphs], flowed.changed
    else:
        paragraphs = _line_paragraphs(raw)
    limits.check_paragraphs(len(paragraphs))
    lines = []
    for heading, paragraph in paragraphs:
        if markdown:
            paragraph = _markdown_inline(paragraph)
        content = _with_notes(paragraph, notes)
        line = make_line(content, heading)
        if line is not None:
            lines.append(line)
    return lines, reflowed


def _take_word_notes(text: str, notes: dict[str, str]) -> str:
    """Removes "[1: …]" footnote texts (brackets inside them nest) and keeps them by number."""
    out = []
    i = 0
    while match := WORD_NOTE_START.search(text, i):
        end = _closing_bracket(text, match.start())
        if end < 0:
            break
        out.append(text[i : match.start()])
        notes[match.group(1)] = text[match.end() : end].strip()
        i = end + 1
    out.append(text[i:])
    return "".join(out)


def _closing_bracket(text: str, start: int) -> int:
    depth = 0
    for j in range(start, len(text)):
        if text[j] == "[":
            depth += 1
        elif text[j] == "]":
            depth -= 1
            if depth == 0:
                return j
    return -1


def _take_markdown_notes(raw: list[str], notes: dict[str, str]) -> list[str]:
    """Removes "[^id]: …" definitions with their indented continuation lines."""
    kept: list[str] = []
    current = None
    for line in raw:
        if match := MD_NOTE.match(line):
            current = match.group(1)
            notes[current] = match.group(2).strip()
        elif current is not None and (line.startswith(("    ", "\t")) or not line.strip()):
            if line.strip():
                notes[current] = f"{notes[current]} {line.strip()}".strip()
        else:
            current = None
            kept.append(line)
    return kept


def _looks_wrapped(raw: list[str]) -> bool:
    """Text broken into short lines with blank lines between paragraphs (e.g. Pandoc's plain text)."""
    filled = [line for line in raw if line.strip()]
    blank = len(raw) - len(filled)
    return len(filled) > 5 and blank >= max(2, len(filled) // 10) and max(map(len, filled)) <= 100


def _line_paragraphs(raw: list[str]) -> list[tuple[int, str]]:
    """Word's text export: one line a paragraph; a table's row, its cells between tabs, as
    "cell | cell | cell", the way a table is typed in text."""
    return [(0, _row(line)) for line in raw if line.strip() and not RULE.match(line)]


def _row(line: str) -> str:
    cells = [cell.strip() for cell in line.split("\t")]
    inner = [cell for cell in cells if cell]
    return " | ".join(inner) if len(inner) >= 3 else line


def _markdown_paragraphs(raw: list[str]) -> list[tuple[int, str]]:
    """Paragraphs separated by blank lines or by a line that starts a heading, list item or note."""
    paragraphs: list[tuple[int, str]] = []
    current: list[str] = []

    def flush():
        if current:
            paragraphs.append((0, " ".join(part.strip() for part in current)))
            current.clear()

    for line in raw:
        if not line.strip() or RULE.match(line):
            flush()
        elif heading := MD_HEADING.match(line):
            flush()
            paragraphs.append((len(heading.group(1)), heading.group(2).rstrip().rstrip("#").rstrip()))
        elif ROMAN_HEADING.match(line.strip()) or (is_capitals(line) and len(line) < 120):
            # "II. KẾT QUẢ …" typed without "#": a heading, not the start of the next paragraph.
            flush()
            paragraphs.append((0, line.strip()))
        elif BULLET.match(line) or NUMBERED.match(line) or line.lstrip().startswith(("> ", "|")):
            flush()
            current.append(line.lstrip("> |"))
        else:
            current.append(line)
    flush()
    return paragraphs


# No run may hold the mark that opens it (nor a span its brackets): a scan for the closing mark
# then stops at the next opening one, so each character is looked at a bounded number of times
# (a lazy ".+?" would scan to the end of the text from every unmatched "*").
# Bold italic ("***Nơi nhận:***") is tried first: bold alone would leave one "*" on each side.
_EMPHASIS = re.compile(
    r"\*\*\*([^*]+?)\*\*\*|\*\*((?:[^*]|\*(?!\*))+?)\*\*|__((?:[^_]|_(?!_))+?)__"
    r"|(?<![\w*])\*(?!\s)([^*]+?)(?<!\s)\*(?!\w)|(?<![\w_])_(?!\s)([^_]+?)(?<!\s)_(?!\w)"
)
_SPAN = re.compile(r"\[([^\]\^\[][^\]\[]*)\]\{[^{}]*\}")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~\"'])")


def _markdown_inline(text: str) -> str:
    text = _SPAN.sub(r"\1", text)
    text = _EMPHASIS.sub(lambda m: next(group for group in m.groups() if group is not None), text)
    if DASH.match(text):
        text = "- " + DASH.sub("", text, count=1)
    return _ESCAPE.sub(r"\1", text).replace("\\\n", " ")


# A call's label holds no bracket: from an unclosed "[^" the scan stops at the next "[".
_NOTE_CALL = re.compile(r"\[footnoteRef:(\d+)\]|\[\^([^\]\[]+)\]")


def _with_notes(text: str, notes: dict[str, str]) -> list[Inline]:
    """Text with its footnote calls replaced by the footnotes; a bullet's mark made "- "."""
    if DASH.match(text):
        text = "- " + DASH.sub("", text, count=1)
    parts: list[Inline] = []
    i = 0
    for match in _NOTE_CALL.finditer(text):
        key = match.group(1) or match.group(2)
        if key not in notes:
            continue
        parts += parse_inline(text[i : match.start()])
        parts.append(Footnote(0, notes[key]))
        i = match.end()
    parts += parse_inline(text[i:])
    return parts
