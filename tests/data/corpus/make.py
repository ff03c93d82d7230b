"""Makes every format of each report of the corpus from its UTF-8 source, `<name>.txt`.

    python tests/data/corpus/make.py            # all reports (needs pandoc, soffice, pdftotext)
    python tests/data/corpus/make.py NAME ...   # some

The source is a report as Word's "save as text" gives it (the sample's convention): header
lines, "BÁO CÁO", the subject, the body, "Nơi nhận:", the signature; a footnote is called by
"[footnoteRef:N]" and its text follows as "[N: …]". From it:

- `<name>.md`: Markdown with headings, lists and footnotes, as a writer would type it.
- `<name>.pandoc.docx`: that Markdown through Pandoc (heading styles, real lists and footnotes).
- `<name>.soffice.docx`: a flat OpenDocument (header and signature in tables, numbers and
  bullets typed as text, real footnotes) through LibreOffice, as a report typed by hand.
- `<name>.word.docx`: python-docx with Word's own heading styles, "List Number"/"List Bullet"
  items whose numbers and bullets come from numbering, footnotes, a page number in the header
  from page 2, the header and signature blocks in borderless tables.
- `<name>.pdf`: the Word file printed by LibreOffice; `<name>.pdf.txt`: its text as copied from
  the PDF (pdftotext -layout, or pypdf for every second report), hard line breaks, page numbers.
- `<name>.tcvn3.txt`, `<name>.vni.txt`: the source in the legacy encodings (see legacy.py).
- for the reports in LEGACY_DOCX: `<name>.vntime.docx` / `<name>.vni.docx`, the Word file with
  every run in ".VnTime" (".VnTimeH" for lines in capitals) or "VNI-Times" and legacy text.

Nothing here reads the importer: the files do not depend on the code they test.
"""

import io
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

import docx
from docx.enum.section import WD_ORIENT  # noqa: F401  (A4 portrait is python-docx's default size)
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import legacy  # noqa: E402

# Reports also made with their headings numbered by Word's outline numbering, not typed.
NUMBERED_HEADINGS = ("doan-thanh-nien-abc", "kiem-diem-du-bao", "kiem-diem-uy-ban-prose")
# Legacy Word files: the report and the font its runs are set in.
LEGACY_DOCX = {"kiem-diem-danh-gia-chung": "tcvn3", "doan-thanh-nien-abc": "vni"}

ROMAN = re.compile(r"^(?:[IVX]{1,4}|[A-Đ])\.\s+\S")
DIVISION = re.compile(r"^PHẦN THỨ (?:NHẤT|HAI|BA)\b")
NUMBERED = re.compile(r"^(\d{1,2})\.\s+(.*)$")
BULLET = re.compile(r"^([-•+])\s+(.*)$")
NOTE_CALL = re.compile(r"\[footnoteRef:(\d+)\]")
NOTE_TEXT = re.compile(r"\s*\[(\d+):\s*([^\]]*)\]")


@dataclass
class Block:
    kind: str  # "division", "part", "section", "item", "bullet", "strong", "p", "table"
    text: str = ""
    marker: str = ""  # the bullet typed: "-", "•" or "+"
    level: int = 1  # heading level
    rows: list[list[str]] = field(default_factory=list)


@dataclass
class Report:
    name: str
    header_left: list[str]
    header_right: list[str]
    title: str
    subject: str
    body: list[Block]
    recipients: list[str]
    signature: list[str]  # "TM. BAN CHẤP HÀNH", "CHỦ TỊCH", name
    notes: dict[str, str]


def is_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def read_source(path: Path) -> Report:
    """The source's structure, by the conventions of the corpus (see the module's docstring)."""
    lines = [line.rstrip() for line in path.read_text(encoding="utf-8").splitlines()]
    notes: dict[str, str] = {}
    title_at = lines.index("BÁO CÁO")
    head = [line for line in lines[:title_at] if line.strip()]
    nation = head.index("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    rest = lines[title_at + 1 :]
    subject_at = next(i for i, line in enumerate(rest) if line.strip())
    subject = rest[subject_at].strip()
    rest = rest[subject_at + 1 :]
    end = rest.index("Nơi nhận:")
    sign_at = next(i for i, line in enumerate(rest) if line.startswith("TM."))
    body_lines = [line for line in rest[:end] if line.strip()]
    recipients = [line for line in rest[end + 1 : sign_at] if line.strip()]
    signature = [line for line in rest[sign_at:] if line.strip()]
    divisions = any(DIVISION.match(line) for line in body_lines)
    body: list[Block] = []
    after_division = False
    for line in body_lines:
        for number, text in NOTE_TEXT.findall(line):
            notes[number] = text.strip()
        line = NOTE_TEXT.sub("", line).strip()
        if "\t" in line:
            row = line.split("\t")
            if body and body[-1].kind == "table":
                body[-1].rows.append(row)
            else:
                body.append(Block("table", rows=[row]))
            continue
        if DIVISION.match(line):
            body.append(Block("division", line, level=1))
            after_division = ":" not in line
            continue
        if after_division and is_capitals(line) and not ROMAN.match(line):
            body.append(Block("division", line, level=1))
            after_division = False
            continue
        after_division = False
        if ROMAN.match(line) and is_capitals(line.split(".", 1)[1]):
            body.append(Block("part", line, level=2 if divisions else 1))
        elif (match := NUMBERED.match(line)) and not match[2].endswith("."):
            body.append(Block("section", line, level=3 if divisions else 2))
        elif match:
            body.append(Block("item", match[2], marker=match[1]))
        elif match := BULLET.match(line):
            body.append(Block("bullet", match[2], marker=match[1]))
        elif is_capitals(line) and len(line) < 120:
            body.append(Block("strong", line))
        else:
            body.append(Block("p", line))
    return Report(
        path.stem, head[:nation], head[nation:], "BÁO CÁO", subject, body, recipients, signature, notes
    )


# -- Markdown -----------------------------------------------------------------------------------


def md_escape(text: str) -> str:
    text = text.replace("*", r"\*").replace("_", r"\_")
    # "(1) …", "a) …", "1.1." typed at the start of a paragraph are words, not a list.
    return re.sub(r"^(\(?[0-9a-zđ]{1,2})([.)])", r"\1\\\2", text)


def to_markdown(report: Report) -> str:
    out: list[str] = []
    definitions: list[str] = []

    def notes_md(text: str) -> str:
        def call(match):
            definitions.append(f"[^{match[1]}]: {md_escape(report.notes[match[1]])}")
            return f"[^{match[1]}]"

        return NOTE_CALL.sub(call, text)

    out += [md_escape(line) for line in report.header_left + report.header_right]
    out += [f"**{report.title}**", f"**{md_escape(report.subject)}**"]
    for block in report.body:
        text = notes_md(md_escape(block.text))
        if block.kind in ("division", "part", "section"):
            out.append("#" * block.level + " " + text)
        elif block.kind == "item":
            out.append(f"{block.marker}. {text}")
        elif block.kind == "bullet":
            out.append(f"- {text}")
        elif block.kind == "strong":
            out.append(f"**{text}**")
        elif block.kind == "table":
            rows = block.rows
            out.append(
                "\n".join(
                    ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
                    + ["| " + " | ".join(md_escape(c) for c in row) + " |" for row in rows[1:]]
                )
            )
        else:
            out.append(text)
    out.append("***Nơi nhận:***")
    out += [md_escape(line) for line in report.recipients]
    out += [f"**{report.signature[0]}**", f"**{report.signature[1]}**", f"**{report.signature[-1]}**"]
    # A list item next to a paragraph needs a blank line between them, as every block has.
    return "\n\n".join(out + definitions) + "\n"


# -- Flat OpenDocument, for LibreOffice -------------------------------------------------------


FODT_STYLES = (
    '<office:styles><style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph">'
    '<style:text-properties fo:font-weight="bold"/></style:style>'
    '<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph">'
    '<style:text-properties fo:font-weight="bold"/></style:style></office:styles>'
    '<office:automatic-styles><style:style style:name="B" style:family="text">'
    '<style:text-properties fo:font-weight="bold"/></style:style>'
    '<style:style style:name="I" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>'
    '<style:style style:name="C" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/>'
    "</style:style></office:automatic-styles>"
)


def to_fodt(report: Report) -> str:
    """A hand-typed report: bold paragraphs for headings, numbers and bullets typed as text."""

    def inline(text: str) -> str:
        xml = escape(text)

        def call(match):
            number = match[1]
            return (
                f'<text:note text:id="ftn{number}" text:note-class="footnote"><text:note-citation>{number}'
                f"</text:note-citation><text:note-body><text:p>{escape(report.notes[number])}</text:p>"
                "</text:note-body></text:note>"
            )

        return NOTE_CALL.sub(call, xml)

    def p(text: str, *, bold=False, italic=False, centre=False) -> str:
        style = ' text:style-name="C"' if centre else ""
        body = inline(text)
        if bold or italic:
            body = f'<text:span text:style-name="{"B" if bold else "I"}">{body}</text:span>'
        return f"<text:p{style}>{body}</text:p>"

    def table(rows: list[list[str]], bold_first=False) -> str:
        columns = max(len(r) for r in rows)
        cells = "".join(
            "<table:table-row>"
            + "".join(f"<table:table-cell>{p(c, bold=bold_first and i == 0)}</table:table-cell>" for c in row)
            + "</table:table-row>"
            for i, row in enumerate(rows)
        )
        return f'<table:table><table:table-column table:number-columns-repeated="{columns}"/>{cells}</table:table>'

    left, right = report.header_left, report.header_right
    header_rows = [
        [left[i] if i < len(left) else "", right[i] if i < len(right) else ""]
        for i in range(max(len(left), len(right)))
    ]
    body = [
        table(header_rows),
        p(report.title, bold=True, centre=True),
        p(report.subject, bold=True, centre=True),
    ]
    for block in report.body:
        if block.kind in ("division", "part", "section"):
            body.append(p(block.text, bold=True, centre=block.kind == "division"))
        elif block.kind == "item":
            body.append(p(f"{block.marker}. {block.text}"))
        elif block.kind == "bullet":
            body.append(p(f"{block.marker} {block.text}"))
        elif block.kind == "strong":
            body.append(p(block.text, bold=True))
        elif block.kind == "table":
            body.append(table(block.rows, bold_first=True))
        else:
            body.append(p(block.text))
    sign = report.signature
    signature_rows = [["Nơi nhận:", sign[0]]]
    signature_rows += [[r, sign[1] if i == 0 else ""] for i, r in enumerate(report.recipients)]
    signature_rows.append(["", sign[-1]])
    body.append(table(signature_rows))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
        'xmlns:fo="urn:oasis:names:xsl-formatting-objects:xmlns:xsl-fo-compatible:1.0" '
        'office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">'
        + FODT_STYLES
        + "<office:body><office:text>"
        + "".join(body)
        + "</office:text></office:body></office:document>"
    )


# -- Word, with python-docx -------------------------------------------------------------------

NOTE_MARK = "\u2063{%s}"  # an invisible placeholder, replaced by a footnote reference after saving
FOOTNOTES_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _page_number_header(section) -> None:
    """A centred page number in the top margin, from page 2 on (Nghị định 30/2020)."""
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def _no_borders(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)


HEADING_LABEL = re.compile(r"^(?:[IVX]{1,4}|[A-Đ]|\d{1,2})\.\s+")


def _number_headings(document, part_format: str) -> None:
    """Numbers "Heading 1" and "Heading 2" from a multilevel list, as Word's outline numbering does."""
    numbering = document.part.numbering_part.element
    levels = "".join(
        f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:pStyle w:val="Heading{level + 1}"/><w:lvlText w:val="%{level + 1}."/><w:lvlJc w:val="left"/></w:lvl>'
        for level, fmt in enumerate((part_format, "decimal"))
    )
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90"><w:multiLevelType w:val="multilevel"/>'
        f"{levels}</w:abstractNum>"
    )
    first_num = numbering.find(qn("w:num"))
    if first_num is None:
        numbering.append(abstract)
    else:
        first_num.addprevious(abstract)
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    for level in (0, 1):
        style = document.styles[f"Heading {level + 1}"]
        # Through python-docx, so that numPr takes its place in the schema's order of pPr.
        number = style.element.get_or_add_pPr().get_or_add_numPr()
        number.get_or_add_ilvl().val = level
        number.get_or_add_numId().val = 90


def to_word(report: Report, *, numbered_headings: bool = False) -> bytes:
    """The report as Word writes it; with `numbered_headings`, its headings' numbers are not typed
    but come from outline numbering tied to the heading styles."""
    document = docx.Document()
    if numbered_headings:
        first = next(b.text for b in report.body if b.kind == "part")
        _number_headings(document, "upperLetter" if first.startswith("A.") else "upperRoman")
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21)
    section.top_margin = section.bottom_margin = Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = "Times New Roman", Pt(13)
    _page_number_header(section)

    def add(text: str, style: str | None = None, *, bold=False, italic=False, centre=False, to=None):
        paragraph = (to or document).add_paragraph(style=style)
        pieces = NOTE_CALL.split(text)
        for i, piece in enumerate(pieces):
            if i % 2:
                paragraph.add_run(NOTE_MARK % piece)
            elif piece:
                run = paragraph.add_run(piece)
                run.bold, run.italic = bold or None, italic or None
        if centre:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        return paragraph

    left, right = report.header_left, report.header_right
    header = document.add_table(rows=1, cols=2)
    _no_borders(header)
    for cell, lines in zip(header.rows[0].cells, (left, right), strict=False):
        cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
        for i, line in enumerate(lines):
            add(
                line,
                bold=(is_capitals(line) and i > 0) or line.startswith("Độc"),
                italic=", ngày" in line,
                centre=True,
                to=cell,
            )
    add(report.title, "Title", centre=True)
    add(report.subject, bold=True, centre=True)
    for block in report.body:
        if block.kind in ("division", "part", "section"):
            add(
                HEADING_LABEL.sub("", block.text) if numbered_headings else block.text,
                f"Heading {block.level}",
            )
        elif block.kind == "item":
            add(block.text, "List Number")
        elif block.kind == "bullet":
            add(block.text, "List Bullet")
        elif block.kind == "strong":
            add(block.text, bold=True)
        elif block.kind == "table":
            table = document.add_table(rows=0, cols=len(block.rows[0]))
            table.style = "Table Grid"
            for row in block.rows:
                cells = table.add_row().cells
                for cell, text in zip(cells, row, strict=False):
                    cell.text = text
        else:
            add(block.text)
    sign = report.signature
    signature = document.add_table(rows=1, cols=2)
    _no_borders(signature)
    left_cell, right_cell = signature.rows[0].cells
    left_cell.paragraphs[0]._p.getparent().remove(left_cell.paragraphs[0]._p)
    add("Nơi nhận:", bold=True, italic=True, to=left_cell)
    for recipient in report.recipients:
        add(recipient, to=left_cell)
    right_cell.paragraphs[0]._p.getparent().remove(right_cell.paragraphs[0]._p)
    add(sign[0], bold=True, centre=True, to=right_cell)
    add(sign[1], bold=True, centre=True, to=right_cell)
    add("", to=right_cell)
    add(sign[-1], bold=True, centre=True, to=right_cell)
    out = io.BytesIO()
    document.save(out)
    return _with_footnotes(out.getvalue(), report.notes)


def _with_footnotes(data: bytes, notes: dict[str, str]) -> bytes:
    """The package with a footnotes part and a footnote reference where each placeholder is."""
    if not notes:
        return data
    body = "".join(
        f'<w:footnote w:id="{n}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
        f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
        f'<w:r><w:t xml:space="preserve"> {escape(text)}</w:t></w:r></w:p></w:footnote>'
        for n, text in notes.items()
    )
    separators = (
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
    )
    footnotes = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{W_NS}">{separators}{body}</w:footnotes>'
    document_xml = re.compile(r"<w:r>(?:<w:rPr>.*?</w:rPr>)?<w:t(?: [^>]*)?>\u2063\{(\d+)\}</w:t></w:r>")
    reference = (
        r'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="\1"/></w:r>'
    )
    relationship = f'<Relationship Id="rIdFootnotes" Type="{FOOTNOTES_TYPE}" Target="footnotes.xml"/>'
    override = (
        '<Override PartName="/word/footnotes.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
    )
    return _rewritten(
        data,
        {
            "word/document.xml": lambda text: document_xml.sub(reference, text),
            "word/_rels/document.xml.rels": lambda text: text.replace(
                "</Relationships>", relationship + "</Relationships>"
            ),
            "[Content_Types].xml": lambda text: text.replace("</Types>", override + "</Types>"),
        },
        added={"word/footnotes.xml": footnotes},
    )


def _rewritten(data: bytes, changes: dict, added: dict | None = None) -> bytes:
    """The package `data` with each part named in `changes` passed through its function (as text)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            content = source.read(name)
            if name in changes:
                content = changes[name](content.decode("utf-8")).encode("utf-8")
            target.writestr(name, content)
        for name, text in (added or {}).items():
            target.writestr(name, text)
    return out.getvalue()


def to_legacy_word(data: bytes, encoding: str) -> bytes:
    """The Word file with each run's text in the legacy encoding and its font set to match."""
    table = legacy.TCVN3 if encoding == "tcvn3" else legacy.VNI
    document = docx.Document(io.BytesIO(data))

    def convert(paragraph):
        capitals = is_capitals(paragraph.text)
        for run in paragraph.runs:
            if encoding == "tcvn3":
                # Lines in capitals are typed in small letters in the capitals font, .VnTimeH.
                run.text = legacy.encode(run.text.lower() if capitals else run.text, table)
                font = ".VnTimeH" if capitals else ".VnTime"
            else:
                run.text = legacy.encode(run.text, table)
                font = "VNI-Times"
            run.font.name = font
            fonts = run._r.get_or_add_rPr().get_or_add_rFonts()
            for attribute in ("w:ascii", "w:hAnsi", "w:cs"):
                fonts.set(qn(attribute), font)

    for paragraph in document.paragraphs:
        convert(paragraph)
    for table_ in document.tables:
        for row in table_.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    convert(paragraph)
    out = io.BytesIO()
    document.save(out)
    # The footnotes too, run by run, in the part python-docx does not model.
    text_run = re.compile(r'(<w:t xml:space="preserve">)([^<]*)(</w:t>)')
    return _rewritten(
        out.getvalue(),
        {
            "word/footnotes.xml": lambda text: text_run.sub(
                lambda m: m[1] + escape(legacy.encode(m[2], table)) + m[3], text
            )
        },
    )


# -- Running the tools ------------------------------------------------------------------------


def soffice(source: Path, to: str, outdir: Path, profile: Path) -> Path:
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            to,
            "--outdir",
            str(outdir),
            str(source),
        ],
        check=True,
        timeout=300,
        capture_output=True,
    )
    return outdir / f"{source.stem}.{to.split(':')[0]}"


def pdf_text(pdf: Path, *, layout: bool) -> str:
    """The PDF's text as a reader copies it: its hard line breaks and its page numbers kept."""
    if layout:
        return subprocess.run(
            ["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    import pypdf

    return "\n".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages)


def make(name: str, index: int) -> None:
    source = HERE / f"{name}.txt"
    report = read_source(source)
    text = source.read_text(encoding="utf-8")
    markdown = to_markdown(report)
    (HERE / f"{name}.md").write_text(markdown, encoding="utf-8")
    (HERE / f"{name}.tcvn3.txt").write_bytes(legacy.to_bytes(text, legacy.TCVN3))
    (HERE / f"{name}.vni.txt").write_bytes(legacy.to_bytes(text, legacy.VNI))
    word = to_word(report)
    (HERE / f"{name}.word.docx").write_bytes(word)
    if name in NUMBERED_HEADINGS:
        (HERE / f"{name}.numbered.docx").write_bytes(to_word(report, numbered_headings=True))
    if name in LEGACY_DOCX:
        encoding = LEGACY_DOCX[name]
        suffix = "vntime" if encoding == "tcvn3" else "vni"
        (HERE / f"{name}.{suffix}.docx").write_bytes(to_legacy_word(word, encoding))
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        (work / f"{name}.md").write_text(markdown, encoding="utf-8")
        subprocess.run(
            ["pandoc", str(work / f"{name}.md"), "-o", str(HERE / f"{name}.pandoc.docx")],
            check=True,
            timeout=120,
        )
        (work / f"{name}.fodt").write_text(to_fodt(report), encoding="utf-8")
        converted = soffice(work / f"{name}.fodt", "docx:MS Word 2007 XML", work / "out", work / "profile")
        shutil.copy(converted, HERE / f"{name}.soffice.docx")
        (work / f"{name}.docx").write_bytes(word)
        pdf = soffice(work / f"{name}.docx", "pdf", work / "pdf", work / "profile")
        shutil.copy(pdf, HERE / f"{name}.pdf")
    (HERE / f"{name}.pdf.txt").write_text(
        pdf_text(HERE / f"{name}.pdf", layout=index % 2 == 0), encoding="utf-8"
    )


SOURCE_SUFFIXES = (".md", ".tcvn3.txt", ".vni.txt", ".pdf.txt")


def sources() -> list[str]:
    return sorted(p.stem for p in HERE.glob("*.txt") if not any(p.name.endswith(s) for s in SOURCE_SUFFIXES))


if __name__ == "__main__":
    names = sources()
    for index, name in enumerate(names):
        if len(sys.argv) == 1 or name in sys.argv[1:]:
            print(name)
            make(name, index)
