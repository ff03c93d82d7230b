"""The proofreader over a whole `ReportDocument`: each paragraph's checks, then the checks that
need the whole document (the same word spelt two ways, dashes, numbering, figures, abbreviations).
"""

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from unionreports.document import Paragraph, ReportDocument, Section
from unionreports.lib.vietnamese import to_roman

from .checks import LETTERS, Slip, check, spacing
from .findings import Finding, Where
from .records import EARLIER, IN_RECORDS, Records, figures, stated
from .syllables import placement


@dataclass(frozen=True)
class Passage:
    """A run of text the proofreader reads, and where it is."""

    text: str
    where: Where
    section: Section | None = None
    is_title: bool = False


@dataclass
class Source:
    """The lines of a file as typed, when the document was read from one: headings keep the number
    written in them, and spaces are not folded."""

    lines: list[str] = field(default_factory=list)


def passages(document: ReportDocument) -> Iterator[Passage]:
    """The passages in reading order; their labels are in the active language."""

    def block_passages(blocks: Iterable[Paragraph], where: Where, prefix: str, section=None):
        for i, paragraph in enumerate(blocks, start=1):
            label = _("paragraph %(n)s") % {"n": i}
            label = f"{prefix} › {label}" if prefix else label
            item = paragraph.anchor or f"block-{i}"
            yield Passage(
                paragraph.text, Where(where.part, where.section, item, label, where.holder), section
            )
            for note in paragraph.footnotes:
                yield Passage(
                    note.text,
                    Where(where.part, where.section, item, f"{label} › {_('footnote')}", where.holder),
                    section,
                )

    if document.subject:
        yield Passage(document.subject, Where(item="subject", label=_("Subject"), holder="subject"))
    opening = _("Opening")
    yield from block_passages(document.opening, Where(label=opening, holder="opening"), opening)
    for part in document.parts:
        for section in part.walk():
            heading = f"{section.number} {section.title}".strip()
            label = heading if section is part else f"{part.number} {part.title[:40]} › {heading}"
            item = section.anchor or f"section-{section.number}"
            where = Where(part.number, section.number, item, label, section.anchor)
            if section.title:
                yield Passage(section.title, where, section, is_title=True)
            yield from block_passages(section.blocks, where, label, section)
    closing = _("Ending")
    yield from block_passages(document.closing, Where(label=closing, holder="closing"), closing)


def proofread(
    document: ReportDocument, records: Records | None = None, source: Source | None = None
) -> list[Finding]:
    """Every finding in the document, in reading order; the messages are in the active language."""
    texts = list(passages(document))
    findings: list[Finding] = []
    for passage in texts:
        for slip in check(passage.text):
            findings.append(_finding(passage, slip))
    findings += _date_line(document)
    findings += _mixed_spellings(texts)
    findings += _dashes(texts)
    findings += _numbering(texts, source)
    findings += _abbreviations(texts)
    if source is not None:
        findings += _source_spaces(source, texts)
    if records is None:
        where = EARLIER
        records = stated([p.text for p in texts])
    else:
        where = IN_RECORDS
    findings += [_finding(p, slip) for p in texts for slip in figures(p.text, records, where)]
    return _in_context(_unique(findings), texts)


CONTEXT = 40  # characters shown on each side of a passage


def _in_context(findings: list[Finding], texts: list[Passage]) -> list[Finding]:
    """The findings with the words around each passage, where the passage is in the text read."""
    by_place = {(p.where.item, p.where.label): p.text for p in texts}
    placed = []
    for finding in findings:
        text = by_place.get((finding.where.item, finding.where.label), "")
        if finding.text and text[finding.start : finding.end] == finding.text:
            before = text[max(0, finding.start - CONTEXT) : finding.start]
            finding = replace(finding, before=before, after=text[finding.end : finding.end + CONTEXT])
        placed.append(finding)
    return placed


def _unique(findings: list[Finding]) -> list[Finding]:
    seen, kept = set(), []
    for finding in findings:
        key = (
            finding.where.item,
            finding.where.label,
            finding.start,
            finding.kind,
            finding.message,
            finding.text,
        )
        if key not in seen:
            seen.add(key)
            kept.append(finding)
    return kept


def _finding(passage: Passage, slip: Slip) -> Finding:
    return Finding(
        slip.kind, passage.text[slip.start : slip.end], slip.suggestion, slip.message, passage.where,
        slip.start, slip.end,
    )  # fmt: skip


# --- the place-and-date line -----------------------------------------------------------------

DATE_LINE = re.compile(
    r"^(?P<place>[^\W\d_][^,]*), ngày (?P<day>\d{1,2}) tháng (?P<month>\d{1,2}) năm (?P<year>\d{4})$"
)
DATE_RULE = gettext_lazy("Decree 30/2020/NĐ-CP, Appendix I")


def _date_line(document: ReportDocument) -> Iterator[Finding]:
    line = document.header.date_line
    if not line:
        return
    where = Where(item="date_line", label=_("Place and date"), holder="header")
    match = DATE_LINE.match(line)
    if match is None:
        yield Finding(
            "date_line", line, None,
            _("The place and date line follows the pattern “%(example)s” (%(rule)s).")
            % {"example": "Hà Tĩnh, ngày 05 tháng 3 năm 2023", "rule": DATE_RULE},
            where, 0, len(line),
        )  # fmt: skip
        return
    day, month = int(match["day"]), int(match["month"])
    want_day = f"{day:02d}"
    want_month = f"{month:02d}" if month <= 2 else str(month)
    if match["day"] != want_day or match["month"] != want_month:
        right = f"{match['place']}, ngày {want_day} tháng {want_month} năm {match['year']}"
        yield Finding(
            "date_line", line, right,
            _("Days below 10 and the months 1 and 2 take a leading 0; the other months do not (%(rule)s).")
            % {"rule": DATE_RULE},
            where, 0, len(line),
        )  # fmt: skip


# --- the same word spelt two ways -------------------------------------------------------------

# Syllables written with i or y as the writer prefers (kì/kỳ, kí/ký, kỉ/kỷ, kĩ/kỹ, lí/lý, mĩ/mỹ):
# either is correct, one document keeps to one.
I_OR_Y = re.compile(r"(?<![^\W_])([kKlLmM])([ìíỉĩỳýỷỹ])(?![^\W_])")
TONED = re.compile(rf"{LETTERS}+")
_Y_FOR_I = dict(zip("ìíỉĩ", "ỳýỷỹ", strict=True))
_I_FOR_Y = {y: i for i, y in _Y_FOR_I.items()}


def _mixed_spellings(texts: list[Passage]) -> Iterator[Finding]:
    found = [(p, m) for p in texts for m in I_OR_Y.finditer(p.text)]

    # one spelling per syllable: "kỳ" and "kì" count together
    def key(match):
        return match.group(1).lower() + _I_FOR_Y.get(match.group(2), match.group(2))

    for syllable in {key(m) for _passage, m in found}:
        same = [(p, m) for p, m in found if key(m) == syllable]
        counts = Counter(m.group().lower() for _passage, m in same)
        if len(counts) < 2:
            continue
        usual = max(counts, key=lambda form: (counts[form], form[-1] in _I_FOR_Y))
        for passage, match in same:
            if match.group().lower() != usual:
                right = usual if match.group()[0].islower() else usual.capitalize()
                yield Finding(
                    "consistency", match.group(), right,
                    _(
                        "“%(found)s” and “%(usual)s” are both correct, but one document should keep to "
                        "“%(usual)s” (%(count)s times)."
                    ) % {"found": match.group(), "usual": usual, "count": counts[usual]},
                    passage.where, match.start(), match.end(),
                )  # fmt: skip
    # Names are written as their bearers write them ("Thuỷ", "Hòa"): only common words count here.
    styles = [
        (p, m, placement(m.group()))
        for p in texts
        for m in TONED.finditer(p.text)
        if m.group()[0].islower() or m.group() in ("Ủy", "Uỷ")
    ]
    styles = [item for item in styles if item[2]]
    counts = Counter(style for _passage, _match, style in styles)
    if len(counts) == 2:
        rare = min(counts, key=lambda k: (counts[k], k))
        for passage, match, style in styles:
            if style == rare:
                yield Finding(
                    "consistency", match.group(), None,
                    _(
                        "Both placements of the tone mark (“hòa”/“hoà”, “thủy”/“thuỷ”) are correct, but one "
                        "document should keep to one."
                    ),
                    passage.where, match.start(), match.end(),
                )  # fmt: skip


# --- year ranges with two kinds of dash ------------------------------------------------------------

YEARS = re.compile(r"(?<!\d)((?:19|20)\d\d)( ?)([-–—])( ?)((?:19|20)\d\d)(?!\d)")


def _dashes(texts: list[Passage]) -> Iterator[Finding]:
    ranges = [(p, m) for p in texts for m in YEARS.finditer(p.text)]
    forms = Counter(m.group(2) + m.group(3) + m.group(4) for _passage, m in ranges)
    if len(forms) < 2:
        return
    usual = max(forms, key=lambda form: (forms[form], form == " – "))
    for passage, match in ranges:
        form = match.group(2) + match.group(3) + match.group(4)
        if form != usual:
            right = f"{match.group(1)}{usual}{match.group(5)}"
            yield Finding(
                "dash", match.group(), right,
                _("Year ranges are written with two kinds of dash in one document; keep to “%(right)s”.")
                % {"right": right},
                passage.where, match.start(), match.end(),
            )  # fmt: skip


# --- numbering typed into the prose or the headings -------------------------------------------------

TYPED = re.compile(r"^\s*((?:\d{1,2}\.)+\d{0,2}\.?|[IVX]{1,5}\.)(?=\s|[^\W\d_])")


def _numbering(texts: list[Passage], source: Source | None) -> Iterator[Finding]:
    for passage in texts:
        match = TYPED.match(passage.text)
        if not match or passage.section is None:
            continue
        typed = match.group(1).rstrip(".") + "."
        computed = passage.section.number
        if (passage.is_title and typed != computed) or (
            not passage.is_title and typed.count(".") > 1 and typed != computed
        ):
            yield Finding(
                "numbering", match.group(1), computed if passage.is_title else None,
                _("The typed number “%(typed)s” is not the number of the section (“%(number)s”).")
                % {"typed": match.group(1), "number": computed},
                passage.where, match.start(1), match.end(1),
            )  # fmt: skip
    if source is not None:
        yield from _typed_outline(source, texts)


SUB_NUMBER = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.?(?=\s|[^\W\d_])")
TOP_NUMBER = re.compile(r"^\s*(\d{1,2})\.(?=\s|[^\W\d_])")
MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
PART_NUMBER = re.compile(r"^\s*([IVX]{1,5})\.\s")
DIVISION = re.compile(r"^\s*PHẦN THỨ\b")


def _typed_outline(source: Source, texts: list[Passage]) -> Iterator[Finding]:
    """In a file: numbers typed out of order (I., II., IV.; 1., 3.), and sub-items numbered
    1.1., 2.1., 3.1. under one parent."""

    def finding(typed: str, right: str, line: str, end: int, message: str) -> Finding:
        return Finding("numbering", typed, right, message, _locate(line[end:].strip(), texts), 0, len(typed))

    part, top, parent, expected = 1, 1, None, 1
    for line in source.lines:
        line = MD_HEADING.sub("", line, count=1)
        if DIVISION.match(line):
            part, top, parent, expected = 1, 1, None, 1
        elif roman := PART_NUMBER.match(line):
            typed, right = roman.group(1) + ".", to_roman(part) + "."
            if typed != right:
                yield finding(
                    typed,
                    right,
                    line,
                    roman.end(),
                    _out_of_order(typed, right),
                )
            part, top, parent, expected = part + 1, 1, None, 1
        elif number := TOP_NUMBER.match(line):
            typed, right = number.group(1) + ".", f"{top}."
            if typed != right:
                yield finding(
                    typed,
                    right,
                    line,
                    number.end(),
                    _out_of_order(typed, right),
                )
            parent, expected, top = str(top), 1, top + 1
        elif sub := SUB_NUMBER.match(line):
            if parent is None:
                parent = sub.group(1)
            right = f"{parent}.{expected}."
            if f"{sub.group(1)}.{sub.group(2)}." != right:
                typed = sub.group().strip()
                yield finding(
                    typed, right, line, sub.end(),
                    _(
                        "The number “%(typed)s” is wrong: the items under %(parent)s. are numbered "
                        "%(parent)s.1., %(parent)s.2., …"
                    ) % {"typed": typed, "parent": parent},
                )  # fmt: skip
            expected += 1


def _out_of_order(typed: str, right: str) -> str:
    return _("The number “%(typed)s” is wrong: after the item before it comes %(right)s") % {
        "typed": typed,
        "right": right,
    }


LINE_MARK = re.compile(r"^\s*(?:[-–—•+*]|#{1,6}|(?:\d{1,2}\.)+\d{0,2}|[IVX]{1,5}\.)\s*")


def _locate(text: str, texts: list[Passage]) -> Where:
    """Where a line of the file went: the passage it begins, less its bullet or number."""
    head = LINE_MARK.sub("", text, count=1)[:40]
    for passage in texts:
        if head and passage.text.startswith(head):
            return passage.where
    return Where(label=head)


# --- abbreviations used before they are written out ----------------------------------------------------

DEFINED = re.compile(r"\((?P<abbr>[A-ZĐ][A-ZĐ&]{1,9})\)")


def _abbreviations(texts: list[Passage]) -> Iterator[Finding]:
    full = "\n".join(p.text for p in texts)
    for definition in DEFINED.finditer(full):
        abbr = definition.group("abbr")
        first = re.search(rf"(?<![^\W_]){re.escape(abbr)}(?![^\W_])", full)
        if first and first.start() < definition.start("abbr"):
            offset = 0
            for passage in texts:
                if offset <= first.start() < offset + len(passage.text) + 1:
                    at = first.start() - offset
                    yield Finding(
                        "abbreviation", abbr, None,
                        _(
                            "The abbreviation “%(abbr)s” is used before it is written out; the first time, "
                            "write the words out with the abbreviation in parentheses."
                        ) % {"abbr": abbr},
                        passage.where, at, at + len(abbr),
                    )  # fmt: skip
                    break
                offset += len(passage.text) + 1


NUMBER_AT_START = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.[^\W\d_]")
WORD_NOTE = re.compile(r"(\[\d{1,3}:)( +)")


def glued_number(line: str) -> Iterator[Slip]:
    """ "1.1.Về công tác": a typed number run into its heading (the import takes the number off)."""
    for slip in spacing(line):
        if NUMBER_AT_START.match(line[slip.start : slip.end]):
            yield slip


def _source_spaces(source: Source, texts: list[Passage]) -> Iterator[Finding]:
    """Double spaces between words, and numbers run into headings, as typed in the file (reading
    it folds the spaces and takes the numbers off)."""
    for line in source.lines:
        # Word's plain-text export writes its footnotes "[1:  text]": that space is not the writer's
        line = WORD_NOTE.sub(lambda match: match.group(1) + " ", line)
        doubled = [slip for slip in spacing(line) if "  " in line[slip.start : slip.end]]
        for slip in [*doubled, *glued_number(line)]:
            folded = " ".join(line.split())
            where = _locate(folded, texts)
            # where it is in the paragraph read from the line: spaces folded, bullet or number taken off
            mark = len(folded) - len(LINE_MARK.sub("", folded, count=1))
            start = max(0, len(re.sub(r"\s+", " ", line[: slip.start]).lstrip()) - mark)
            end = start + len(" ".join(line[slip.start : slip.end].split()))
            yield Finding(
                slip.kind, line[slip.start : slip.end], slip.suggestion, slip.message, where, start, end
            )
