"""Word documents (.docx): paragraphs and table cells in order, with real footnotes.

Word keeps the number of an automatically numbered paragraph ("1.", "1.1.", "I.") and the
mark of a bullet out of the text, in the numbering definitions; they are put back in front
of the text here, so that the outline reads the same from a .docx as from its text.
"""

import io
import itertools
import re
import zipfile
from dataclasses import dataclass

import docx
from django.utils.translation import gettext_lazy as _
from docx.enum.style import WD_STYLE_TYPE
from docx.exceptions import InvalidXmlError
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree

from unionreports.document import Footnote, Inline, inline_markup
from unionreports.lib.vietnamese import to_roman

from . import limits
from .legacy import TCVN3, VNI, convert, reads_better
from .lines import ImportFailed, Line, make_line
from .reflow import looks_like_pdf_copy, reflow
from .text import text_lines

# The parts of a package that hold markup; the others (pictures, embedded files) are not read.
MARKUP = (".xml", ".rels")
# Parts are unpacked this much at a time, so that a part whose header lies about its size
# costs no more memory than one that tells the truth.
CHUNK = 64 * 1024
# Footnotes and endnotes are parsed here (python-docx reads the rest with entities off too):
# no entity is expanded, no DTD or network is read, no tree deeper than libxml2's default.
XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)

W_P, W_TBL, W_TR = qn("w:p"), qn("w:tbl"), qn("w:tr")
W_SDT, W_SDT_CONTENT = qn("w:sdt"), qn("w:sdtContent")
W_T, W_TAB, W_BR, W_CR = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
W_NOTE_REF, W_ENDNOTE_REF = qn("w:footnoteReference"), qn("w:endnoteReference")
W_NO_BREAK_HYPHEN, W_ID, W_VAL = qn("w:noBreakHyphen"), qn("w:id"), qn("w:val")
W_STYLE, W_STYLE_ID, W_TYPE = qn("w:style"), qn("w:styleId"), qn("w:type")
# Not text of the paragraph: properties, deleted revisions, field codes, drawings.
SKIPPED = {
    qn(tag)
    for tag in ("w:pPr", "w:rPr", "w:del", "w:delText", "w:instrText", "w:drawing", "w:pict", "w:object")
} | {"{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"}
HEADING_STYLE = re.compile(r"heading\s*(\d)|^title$", re.IGNORECASE)


def read_docx(data: bytes) -> tuple[list[Line], str, tuple[str, ...]]:
    """The lines of the document, its author as its properties give it, and what was done to
    read it (`services.READING_NOTICES`): runs in TCVN3 or VNI fonts converted, lines copied from a PDF
    joined."""
    document = _open(data)
    try:
        fonts = Fonts(document)
        lines = _lines(document, fonts)
    except (etree.LxmlError, InvalidXmlError, ValueError, KeyError) as error:
        # Footnotes, numbering or styles that Word would not have written.
        raise _damaged() from error
    notices = tuple(sorted(fonts.converted))
    if any("[footnoteRef:" in line.text for line in lines):
        # Text pasted from Word's text export keeps its footnotes as "[footnoteRef:1]" and
        # "[1: …]": read those as the text importer does (such text has no heading styles).
        text = "\n".join(inline_markup(line.content) for line in lines)
        lines, reflowed = text_lines(text, markdown=False)
    else:
        lines, reflowed = _reflowed(lines)
    return lines, document.core_properties.author or "", (*notices, "pdf_copy") if reflowed else notices


def _reflowed(lines: list[Line]) -> tuple[list[Line], bool]:
    """Paragraphs pasted from a PDF a line each (and not styled as headings) joined again."""
    texts = [line.text for line in lines]
    if any(line.heading for line in lines) or not looks_like_pdf_copy(texts):
        return lines, False
    joined: list[Line] = []
    for indices, text in reflow(texts).paragraphs:
        group = [lines[i] for i in indices]
        if len(group) == 1 or len({line.cell for line in group}) > 1:
            joined += group
        elif all(len(line.content) == 1 for line in group):
            joined.append(make_line([text], 0, group[0].cell))
        else:  # footnotes: kept where they were, the text joined with spaces
            parts: list[Inline] = []
            for line in group:
                parts += [*line.content, " "]
            joined.append(make_line(parts, 0, group[0].cell))
    return [line for line in joined if line is not None], True


def paragraph_texts(data: bytes) -> list[str]:
    """The text of each paragraph of the body and of tables' cells, spaces as typed (text in
    TCVN3 or VNI fonts converted)."""
    document = _open(data)
    fonts = Fonts(document)
    return [
        "".join(fonts.text(t, style) for t in p.iter(W_T))
        for p, _cell in _paragraphs(document.element.body)
        for style in [p.style]
    ]


def _lines(document, fonts: "Fonts") -> list[Line]:
    notes = {
        **_notes(document, RT.ENDNOTES, "w:endnote", fonts),
        **_notes(document, RT.FOOTNOTES, "w:footnote", fonts),
    }
    numbering = Numbering(document)
    styles = Styles(document)
    lines: list[Line] = []
    characters = 0
    for p, cell in _paragraphs(document.element.body):
        style = styles.get(p.style)
        prefix = numbering.label(_num_pr(p.pPr) or style.num_pr)
        for index, parts in enumerate(_runs(p, notes, fonts)):
            if index == 0 and prefix:
                parts.insert(0, f"{prefix} ")
            line = make_line(parts, style.heading, cell)
            if line is not None:
                lines.append(line)
                characters += len(line.text)
        # Checked as the paragraphs go by, so that a trap is refused before it is all read.
        limits.check_paragraphs(len(lines))
        limits.check_characters(characters)
    return lines


def _open(data: bytes):
    try:
        return docx.Document(io.BytesIO(_unpacked(data)))
    except ImportFailed:
        raise
    except Exception as error:  # zipfile, lxml and python-docx each have their own
        raise _damaged() from error


def _damaged() -> ImportFailed:
    return ImportFailed(
        _("The Word file is damaged and cannot be read. Open it in Word, save it again and retry."),
        code="damaged",
    )


def _unpacked(data: bytes) -> bytes:
    """The package again, its markup unpacked within `limits.UNPACKED_BYTES` and its pictures empty.

    The sizes a zip declares are checked first, then counted again while unpacking, a chunk at
    a time: a part that unpacks to more than it declares is cut at its size and fails its
    checksum, so a lying header costs no more than an honest one. python-docx then reads a
    stored (uncompressed) copy and never unpacks anything itself.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        members = [info for info in package.infolist() if not info.is_dir()]
        if len(members) > limits.PACKAGE_MEMBERS:
            raise limits.unpacked_too_large()
        if "word/document.xml" not in {info.filename for info in members}:
            raise ImportFailed(_("This file is not a Word document (.docx)."), code="not_docx")
        markup = [info for info in members if info.filename.endswith(MARKUP)]
        if sum(info.file_size for info in markup) > limits.UNPACKED_BYTES:
            raise limits.unpacked_too_large()
        budget = limits.UNPACKED_BYTES
        copy, names = io.BytesIO(), set()
        with zipfile.ZipFile(copy, "w", zipfile.ZIP_STORED) as stored:
            for info in members:
                if info.filename in names:
                    continue
                names.add(info.filename)
                content = b""
                if info.filename.endswith(MARKUP):
                    content = _read_within(package, info, budget)
                    budget -= len(content)
                stored.writestr(info.filename, content)
    return copy.getvalue()


def _read_within(package: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int) -> bytes:
    chunks, size = [], 0
    with package.open(info) as part:
        while chunk := part.read(CHUNK):
            size += len(chunk)
            if size > budget:
                raise limits.unpacked_too_large()
            chunks.append(chunk)
    return b"".join(chunks)


def _paragraphs(parent, tables=None):
    """(paragraph, (table, row) or None) of the body in reading order, with content controls'."""
    tables = tables if tables is not None else itertools.count(1)
    for child in parent:
        if child.tag == W_P:
            yield child, None
        elif child.tag == W_TBL:
            table = next(tables)
            for row_number, row in enumerate(child.iterchildren(W_TR), start=1):
                for p in row.iter(W_P):
                    yield p, (table, row_number)
        elif child.tag == W_SDT:
            content = child.find(W_SDT_CONTENT)
            if content is not None:
                yield from _paragraphs(content, tables)


def _runs(p, notes: dict[str, str], fonts: "Fonts") -> list[list[Inline]]:
    """The paragraph's text and footnotes, split where a line break was typed."""
    pieces: list[list[Inline]] = [[]]

    def walk(element):
        for child in element:
            tag = child.tag
            if tag in SKIPPED or not isinstance(tag, str):
                continue
            if tag == W_T:
                pieces[-1].append(fonts.text(child, p.style))
            elif tag == W_TAB:
                pieces[-1].append(" ")
            elif tag == W_NO_BREAK_HYPHEN:
                pieces[-1].append("-")
            elif tag in (W_BR, W_CR):
                pieces.append([])
            elif tag in (W_NOTE_REF, W_ENDNOTE_REF):
                key = ("e" if tag == W_ENDNOTE_REF else "f") + child.get(W_ID, "")
                if key in notes:
                    pieces[-1].append(Footnote(0, notes[key]))
            else:
                walk(child)

    walk(p)
    return pieces


def _notes(document, reltype: str, tag: str, fonts: "Fonts") -> dict[str, str]:
    """Footnote (or endnote) texts by id; ids are prefixed "f" or "e" to keep them apart."""
    prefix = "e" if tag == "w:endnote" else "f"
    for rel in document.part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            root = etree.fromstring(rel.target_part.blob, XML_PARSER)
            notes = {}
            for note in root.iter(qn(tag)):
                if note.get(qn("w:type")) in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                text = " ".join(
                    "".join(fonts.text(t, _style_id(p)) for t in p.iter(W_T) if not _in_deleted(t))
                    for p in note.iter(W_P)
                )
                notes[prefix + note.get(W_ID, "")] = text.strip()
            return notes
    return {}


def _style_id(p) -> str | None:
    """The paragraph style of a w:p parsed without python-docx."""
    style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return style.get(W_VAL) if style is not None else None


def _in_deleted(element) -> bool:
    return any(ancestor.tag == qn("w:del") for ancestor in element.iterancestors())


@dataclass(frozen=True)
class StyleInfo:
    heading: int = 0  # 1 for "Heading 1" (and "Title"), 0 for body text
    num_pr: tuple[str, int] | None = None  # the list the style puts its paragraphs in


class Styles:
    """What a paragraph style means for the outline, worked out once a style.

    python-docx looks styles up by walking the whole styles part, which costs more than
    reading the paragraph; a report uses a handful of styles hundreds of times.
    """

    def __init__(self, document):
        # Read from the XML, by id, once: python-docx finds a style (and each base style) by a
        # search of them all, and reads each attribute slowly.
        self.by_id = {
            element.get(W_STYLE_ID): element
            for element in document.styles.element.iterchildren(W_STYLE)
            if element.get(W_TYPE, "paragraph") == "paragraph"
        }
        default = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
        self.default = default.element if default is not None else None
        self.known: dict[str | None, StyleInfo] = {}

    def get(self, style_id: str | None) -> StyleInfo:
        style = self.by_id.get(style_id, self.default)
        if style is None:
            return StyleInfo()
        if style.get(W_STYLE_ID) not in self.known:
            self._learn(style)
        return self.known[style.get(W_STYLE_ID)]

    def _learn(self, style) -> None:
        """Works out `style` and the styles it is based on, each once, however long the chain.

        A style based on itself, directly or not, ends the chain the second time it comes by.
        """
        chain, seen = [], set()
        while style is not None and (key := style.get(W_STYLE_ID)) not in self.known and key not in seen:
            seen.add(key)
            chain.append(style)
            style = self.by_id.get(_val(style, "w:basedOn", ""))
        base = self.known.get(style.get(W_STYLE_ID), StyleInfo()) if style is not None else StyleInfo()
        for style in reversed(chain):
            heading = 0
            if match := HEADING_STYLE.search(_val(style, "w:name", "")):
                heading = int(match.group(1)) if match.group(1) else 1
            base = StyleInfo(heading or base.heading, _num_pr(style.pPr) or base.num_pr)
            self.known[style.get(W_STYLE_ID)] = base


FORMATS = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "upperRoman": to_roman,
    "lowerRoman": lambda n: to_roman(n).lower(),
    "upperLetter": lambda n: chr(64 + (n - 1) % 26 + 1),
    "lowerLetter": lambda n: chr(96 + (n - 1) % 26 + 1),
}


# Word numbers lists nine levels deep.
LEVELS = range(9)


class Numbering:
    """Counts Word's automatic numbering as the paragraphs go by."""

    def __init__(self, document):
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.starts: dict[tuple[str, int], int] = {}
        self.counters: dict[str, dict[int, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return
        abstract = {}
        for definition in root.iterchildren(qn("w:abstractNum")):
            abstract[definition.get(qn("w:abstractNumId"))] = definition
        for num in root.iterchildren(qn("w:num")):
            num_id = num.get(qn("w:numId"))
            ref = num.find(qn("w:abstractNumId"))
            definition = abstract.get(ref.get(W_VAL)) if ref is not None else None
            if definition is None:
                continue
            for lvl in definition.iterchildren(qn("w:lvl")):
                ilvl = int(lvl.get(qn("w:ilvl"), "0"))
                if ilvl not in LEVELS:
                    continue
                self.levels[num_id, ilvl] = (
                    _val(lvl, "w:numFmt", "decimal"),
                    _val(lvl, "w:lvlText", f"%{ilvl + 1}."),
                    int(_val(lvl, "w:start", "1")),
                )
            for override in num.iterchildren(qn("w:lvlOverride")):
                start = override.find(qn("w:startOverride"))
                if start is not None:
                    self.starts[num_id, int(override.get(qn("w:ilvl"), "0"))] = int(start.get(W_VAL))

    def label(self, num_pr: tuple[str, int] | None) -> str:
        """The number ("1.", "1.2.", "I.") or "-" for a bullet; empty when not in a list."""
        if num_pr is None or num_pr not in self.levels:
            return ""
        num_id, ilvl = num_pr
        fmt, text, start = self.levels[num_id, ilvl]
        if fmt == "bullet":
            return "-"
        counters = self.counters.setdefault(num_id, {})
        counters[ilvl] = counters.get(ilvl, self.starts.get((num_id, ilvl), start) - 1) + 1
        for deeper in [level for level in counters if level > ilvl]:
            del counters[deeper]
        if fmt == "none":
            return ""

        def value(match):
            level = int(match.group(1)) - 1
            level_fmt = self.levels.get((num_id, level), ("decimal", "", 1))[0]
            default = self.starts.get((num_id, level), self.levels.get((num_id, level), ("", "", 1))[2])
            return FORMATS.get(level_fmt, str)(counters.get(level, default))

        return re.sub(r"%(\d)", value, text).strip()


def _val(element, tag: str, default: str) -> str:
    child = element.find(qn(tag))
    return child.get(W_VAL, default) if child is not None else default


def _num_pr(ppr) -> tuple[str, int] | None:
    """The list that paragraph properties put a paragraph in; None for none (numId 0 ends a list)."""
    num_pr = ppr.numPr if ppr is not None else None
    if num_pr is None or num_pr.numId is None or str(num_pr.numId.val) == "0":
        return None
    ilvl = num_pr.ilvl.val if num_pr.ilvl is not None else 0
    return str(num_pr.numId.val), ilvl


W_R, W_RPR, W_RFONTS, W_RSTYLE = qn("w:r"), qn("w:rPr"), qn("w:rFonts"), qn("w:rStyle")
W_HANSI, W_ASCII = qn("w:hAnsi"), qn("w:ascii")


def legacy_font(name: str) -> tuple[str, bool] | None:
    """(encoding, capitals) of a font of the legacy encodings: ".VnTime" is TCVN3, ".VnTimeH"
    its capitals; "VNI-Times" is VNI; None for any other font."""
    if name.startswith(".Vn"):
        return TCVN3, name.endswith("H")
    if name.upper().startswith("VNI-") or name.upper().startswith("VNI "):
        return VNI, False
    return None


class Fonts:
    """The font a run of text is set in (its own, its character style's, its paragraph style's,
    or the document's default), for the text of runs set in TCVN3 and VNI fonts.

    Characters beyond ASCII take the "hAnsi" font of a run, ASCII the "ascii" one: the first
    given is the font of the run's legacy text. Each style is worked out once.
    """

    def __init__(self, document):
        root = document.styles.element
        self.by_id = {element.get(W_STYLE_ID): element for element in root.iterchildren(W_STYLE)}
        default = root.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{W_RPR}")
        self.default = _font(default) or ""
        # The style of a paragraph that names none.
        self.normal = next(
            (
                element.get(W_STYLE_ID)
                for element in root.iterchildren(W_STYLE)
                if element.get(W_TYPE) == "paragraph" and element.get(qn("w:default")) in ("1", "true", "on")
            ),
            None,
        )
        self.known: dict[str | None, str] = {}
        # The encodings of the runs converted.
        self.converted: set[str] = set()
        # The encodings whose runs read better converted (runs typed in Unicode in a legacy font
        # do not), judged on the document's runs in each.
        samples: dict[str, list[str]] = {}
        for p in document.element.body.iter(W_P):
            for t in p.iter(W_T):
                text = t.text or ""
                if not text.isascii() and (legacy := legacy_font(self.run(t.getparent(), p.style))):
                    samples.setdefault(legacy[0], []).append(text)
        self.encodings = {
            encoding for encoding, texts in samples.items() if reads_better(" ".join(texts), encoding)
        }

    def text(self, t, paragraph_style: str | None) -> str:
        """The text of the w:t element `t`, in Unicode."""
        text = t.text or ""
        if text.isascii():  # the same in every encoding
            return text
        legacy = legacy_font(self.run(t.getparent(), paragraph_style))
        if legacy is None or legacy[0] not in self.encodings or not _windows_characters(text):
            # A letter beyond code page 1252 is Unicode typed in a legacy font: left as it is.
            return text
        encoding, capitals = legacy
        self.converted.add(encoding)
        return convert(text, encoding, capitals=capitals)

    def run(self, run, paragraph_style: str | None) -> str:
        properties = run.find(W_RPR) if run is not None and run.tag == W_R else None
        if font := _font(properties):
            return font
        if properties is not None and (character := properties.find(W_RSTYLE)) is not None:
            if font := self.style(character.get(W_VAL), default=""):
                return font
        return self.style(paragraph_style or self.normal)

    def style(self, style_id: str | None, default: str | None = None) -> str:
        """The font a style (or those it is based on, or the document's default) sets."""
        if style_id in self.known:
            return self.known[style_id] or (self.default if default is None else default)
        chain, seen, font = [], set(), ""
        style = self.by_id.get(style_id)
        while style is not None and (key := style.get(W_STYLE_ID)) not in seen:
            if key in self.known:
                font = self.known[key]
                break
            seen.add(key)
            chain.append(key)
            if font := _font(style.find(W_RPR)):
                break
            style = self.by_id.get(_val(style, "w:basedOn", ""))
        for key in [style_id, *chain]:
            self.known[key] = font
        return font or (self.default if default is None else default)


def _windows_characters(text: str) -> bool:
    try:
        text.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


def _font(properties) -> str:
    fonts = properties.find(W_RFONTS) if properties is not None else None
    if fonts is None:
        return ""
    return fonts.get(W_HANSI) or fonts.get(W_ASCII) or ""
