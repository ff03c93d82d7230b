"""The document as an editable Word file, laid out like the PDF (Nghị định 30/2020/NĐ-CP).

python-docx writes the paragraphs, tables and styles. It has no footnote API, so the
footnotes part is added through its packaging layer. The rules under the issuer, the motto
and the subject are empty paragraphs with a bottom border, not drawing shapes, so that they
stay in place in Word and LibreOffice alike and move with the text when it is edited.
"""

import functools
import hashlib
import io
import re
import unicodedata
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Length, Mm, Pt, RGBColor

from unionreports.document import Footnote, Header, Paragraph, ReportDocument, Section, Signature
from unionreports.lib.printable import printable

from .draft import DRAFT_MARK

CONTENT_TYPE_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
FONT = "Times New Roman"
TEXT_WIDTH = Mm(210 - 30 - 15)
INDENT = Cm(1.27)
CENTER = WD_ALIGN_PARAGRAPH.CENTER
# Word styles "Heading 1" to "Heading 5": parts, sections, sub-sections and below.
HEADING_LEVELS = 5
# Zip entries dated like this make equal documents equal bytes (the zip format starts in 1980).
ZIP_DATE = (1980, 1, 1, 0, 0, 0)

# Characters XML 1.0 cannot hold (pasted from some programs); python-docx refuses them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

# Advance widths of Times New Roman Bold (and of the metric-compatible Liberation Serif and
# Tinos) for " " to "~", in thousandths of the font size: the rule under the motto is as wide
# as the motto, and Word cannot size a border to its text.
_BOLD_WIDTHS = dict(
    zip(
        map(chr, range(32, 127)),
        (
            250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500,
            500, 500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500, 930, 722, 667, 722, 722, 667,
            611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722,
            722, 667, 333, 278, 333, 581, 500, 333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556,
            278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520,
        ),
        strict=True,
    )
)  # fmt: skip


def render_docx(document: ReportDocument, *, draft: bool = True) -> bytes:
    """The DOCX file; equal documents give equal bytes. `draft`: boxed "DỰ THẢO" above the header."""
    word = docx.Document()
    _set_up_page(word.sections[0])
    _set_up_styles(word)
    notes = _add_footnotes_part(word)
    if draft:
        _draft_mark(word)
    _header(word, document.header)
    title = _paragraph(word, align=CENTER, before=18)
    _run(title, document.title, bold=True)
    subject = _paragraph(word, align=CENTER, before=0)
    _run(subject, document.subject, bold=True)
    _rule(word, width=TEXT_WIDTH * 25 // 100, within=TEXT_WIDTH, before=2, after=12)
    for paragraph in document.opening:
        _body_paragraph(word, paragraph, notes)
    for part in document.parts:
        _section(word, part, notes)
    for paragraph in document.closing:
        _body_paragraph(word, paragraph, notes)
    # The signature never stands alone on a page: the last lines of text go with it.
    word.paragraphs[-1].paragraph_format.keep_with_next = True
    _end(word, document.signature, document.recipients)
    _set_properties(word, document)
    buffer = io.BytesIO()
    word.save(buffer)
    return _with_fixed_dates(buffer.getvalue())


@functools.cache
def _renderer_digest() -> str:
    # This module's source stands for the layout, as the templates and CSS do for the PDF.
    source = Path(__file__).read_bytes() + docx.__version__.encode()
    return hashlib.sha256(source).hexdigest()


def docx_key(document: ReportDocument, *, draft: bool = True) -> str:
    """What decides the DOCX's bytes, hashed: the stored render's key and the download's ETag."""
    variant = "draft" if draft else "final"
    return hashlib.sha256(f"{_renderer_digest()}\0{variant}\0{document.to_json()}".encode()).hexdigest()


def _set_up_page(section) -> None:
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    # The page number sits in the top margin, a few millimetres above the text, as in the PDF.
    section.header_distance, section.footer_distance = Mm(10), Mm(10)
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    number = section.header.paragraphs[0]
    number.alignment = CENTER
    number.paragraph_format.first_line_indent = Pt(0)
    number.paragraph_format.space_before = Pt(0)
    _page_field(number)


def _page_field(paragraph) -> None:
    """A PAGE field: Word and LibreOffice put each page's number in its place."""
    parts = (
        '<w:fldChar {ns} w:fldCharType="begin"/>',
        '<w:instrText {ns} xml:space="preserve"> PAGE </w:instrText>',
        '<w:fldChar {ns} w:fldCharType="separate"/>',
        "<w:t {ns}>2</w:t>",
        '<w:fldChar {ns} w:fldCharType="end"/>',
    )
    for part in parts:
        run = paragraph.add_run()
        run.font.size = Pt(13)
        run._r.append(parse_xml(part.format(ns=nsdecls("w"))))


def _set_up_styles(word) -> None:
    """Times New Roman 14 pt body; headings in Word's own heading styles, looking like the body."""
    styles = word.styles
    defaults = styles.element.find(qn("w:docDefaults"))
    default_run = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_font(default_run)
    default_run.find(qn("w:lang")).set(qn("w:val"), "vi-VN")

    normal = styles["Normal"]
    _set_font(normal.element.get_or_add_rPr())
    normal.font.size = Pt(14)
    normal.font.color.rgb = RGBColor(0, 0, 0)
    body = normal.paragraph_format
    body.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    body.first_line_indent = INDENT
    body.space_before, body.space_after = Pt(6), Pt(0)
    # The PDF's lines are 1.25 × the font size; Word's single spacing of Times New Roman is
    # about 1.15 × already, so 1.09 of it gives the PDF's lines and page breaks.
    body.line_spacing = 1.09
    body.widow_control = True

    for level in range(1, HEADING_LEVELS + 1):
        heading = styles[f"Heading {level}"]
        run_properties = heading.element.get_or_add_rPr()
        for child in list(run_properties):
            run_properties.remove(child)  # the template's theme font, colour and size
        heading.font.bold = True
        heading.font.italic = False
        heading.font.size = Pt(14)
        layout = heading.paragraph_format
        layout.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        layout.first_line_indent = INDENT
        layout.space_before, layout.space_after = Pt(6), Pt(0)
        layout.keep_with_next = True

    styles.element.append(
        parse_xml(
            f'<w:style {nsdecls("w")} w:type="paragraph" w:styleId="FootnoteText">'
            '<w:name w:val="footnote text"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/>'
            '<w:unhideWhenUsed/><w:pPr><w:spacing w:before="0" w:after="0"/><w:ind w:firstLine="0"/>'
            '<w:jc w:val="both"/></w:pPr><w:rPr><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>'
        )
    )
    styles.element.append(
        parse_xml(
            f'<w:style {nsdecls("w")} w:type="character" w:styleId="FootnoteReference">'
            '<w:name w:val="footnote reference"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
            '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>'
        )
    )
    # Word 2010 reads this copy of the styles instead of styles.xml; it has the old ones.
    _drop_relationships(
        word.part.rels, "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
    )


def _set_font(run_properties) -> None:
    fonts = run_properties.get_or_add_rFonts()
    for name in list(fonts.attrib):
        del fonts.attrib[name]  # theme fonts would win over the named ones
    for script in ("ascii", "hAnsi", "cs", "eastAsia"):
        fonts.set(qn(f"w:{script}"), FONT)


def _drop_relationships(rels, reltype: str) -> None:
    for rid in [rid for rid, rel in rels.items() if rel.reltype == reltype]:
        del rels[rid]


class _Footnotes:
    """The footnotes part: Word's two separators, then the document's notes."""

    def __init__(self, element):
        self.element = element

    def reference(self, paragraph, note: Footnote) -> None:
        """The note's number, superscript, in `paragraph`; its text in the footnotes part."""
        call = paragraph.add_run()
        call._r.get_or_add_rPr().style = "FootnoteReference"
        call.font.superscript = True
        call._r.append(parse_xml(f'<w:footnoteReference {nsdecls("w")} w:id="{note.number}"/>'))
        self.element.append(
            parse_xml(
                f'<w:footnote {nsdecls("w")} w:id="{note.number}"><w:p>'
                '<w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
                '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/><w:vertAlign w:val="superscript"/></w:rPr>'
                f'<w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {escape(_NOT_XML.sub("", note.text))}</w:t></w:r>'
                "</w:p></w:footnote>"
            )
        )


def _add_footnotes_part(word) -> _Footnotes:
    separators = "".join(
        f'<w:footnote w:type="{kind}" w:id="{number}"><w:p><w:pPr><w:spacing w:before="0" w:after="0"'
        f' w:line="240" w:lineRule="auto"/><w:ind w:firstLine="0"/></w:pPr><w:r><w:{kind}/></w:r></w:p>'
        "</w:footnote>"
        for number, kind in ((-1, "separator"), (0, "continuationSeparator"))
    )
    element = parse_xml(f"<w:footnotes {nsdecls('w')}>{separators}</w:footnotes>")
    package = word.part.package
    part = XmlPart(PackURI("/word/footnotes.xml"), CONTENT_TYPE.WML_FOOTNOTES, element, package)
    word.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
    # Word's own files name the separators in the settings too.
    settings = word.settings.element
    properties = parse_xml(
        f'<w:footnotePr {nsdecls("w")}><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
    )
    settings.find(qn("w:compat")).addprevious(properties)  # the schema puts it just before
    return _Footnotes(element)


def _paragraph(container, *, align=CENTER, before: float = 0, after: float = 0):
    """A paragraph without the body's first-line indent (header, title, tables)."""
    paragraph = container.add_paragraph()
    layout = paragraph.paragraph_format
    layout.alignment = align
    layout.first_line_indent = Pt(0)
    layout.space_before, layout.space_after = Pt(before), Pt(after)
    return paragraph


def _run(paragraph, text: str, *, size: float = 0, bold: bool = False, italic: bool = False):
    run = paragraph.add_run(_NOT_XML.sub("", text))
    if size:
        run.font.size = Pt(size)
    run.bold = bold or None
    run.italic = italic or None
    return run


# What may follow w:pBdr in a w:pPr, in the schema's order.
_AFTER_BORDER = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
    "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
    "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
    "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle",
    "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip


def _rule(container, *, width: Length, within: Length, before: float = 0, after: float = 0) -> None:
    """A short centred rule: an empty paragraph one point high with a bottom border."""
    paragraph = _paragraph(container, before=before, after=after)
    layout = paragraph.paragraph_format
    layout.left_indent = layout.right_indent = Length((within - width) // 2)
    layout.line_spacing = Pt(1)  # exactly
    border = parse_xml(
        f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="6" w:space="0" w:color="000000"/></w:pBdr>'
    )
    paragraph._p.get_or_add_pPr().insert_element_before(border, *_AFTER_BORDER)


def _bold_width(text: str, size: float) -> Length:
    """The width of `text` in Times New Roman Bold; a Vietnamese letter is as wide as its base."""
    base = (unicodedata.normalize("NFD", char.replace("Đ", "D").replace("đ", "d"))[0] for char in text)
    return Pt(sum(_BOLD_WIDTHS.get(char, 500) for char in base) * size / 1000)


def _table(word, widths: tuple[Length, ...]):
    """A borderless table of one row, its columns `widths` wide, with no cell padding."""
    table = word.add_table(rows=1, cols=len(widths))
    total = sum(widths)
    properties = parse_xml(
        f'<w:tblPr {nsdecls("w")}><w:tblW w:w="{Length(total).twips}" w:type="dxa"/>'
        '<w:tblInd w:w="0" w:type="dxa"/><w:tblBorders>'
        + "".join(
            f'<w:{edge} w:val="nil"/>' for edge in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        + '</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="0" w:type="dxa"/>'
        '<w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr>'
    )
    table._tbl.replace(table._tbl.tblPr, properties)
    for column, cell, width in zip(table.columns, table.rows[0].cells, widths, strict=True):
        column.width = cell.width = width
    # Kept on one page, as the signature block must be.
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    return table


def _drop_first_paragraph(cell) -> None:
    """Removes the empty paragraph a new cell starts with, once the cell has its lines."""
    cell._tc.remove(cell.paragraphs[0]._p)


def _draft_mark(word) -> None:
    """The draft's mark, bold and boxed at the right: a paragraph with a border all round,
    indented from the left so that the box is as wide as the words."""
    size, pad, line = 13, 6, 1
    paragraph = _paragraph(word, after=6)
    layout = paragraph.paragraph_format
    # Word draws the border `pad` points outside the text, and the box stays inside the margins.
    layout.right_indent = Pt(pad + line)
    layout.left_indent = Length(
        TEXT_WIDTH - layout.right_indent - _bold_width(DRAFT_MARK, size) - Pt(pad + line)
    )
    edges = "".join(
        f'<w:{edge} w:val="single" w:sz="{line * 8}" w:space="{pad if edge in ("left", "right") else 1}"'
        ' w:color="000000"/>'
        for edge in ("top", "left", "bottom", "right")
    )
    border = parse_xml(f"<w:pBdr {nsdecls('w')}>{edges}</w:pBdr>")
    paragraph._p.get_or_add_pPr().insert_element_before(border, *_AFTER_BORDER)
    _run(paragraph, DRAFT_MARK, size=size, bold=True)


def _header(word, header: Header) -> None:
    # LibreOffice puts an empty line of body text before a table that starts a document; a
    # paragraph one point high there instead keeps the header where Word has it.
    _paragraph(word).paragraph_format.line_spacing = Pt(1)
    left_width = TEXT_WIDTH * 43 // 100
    right_width = TEXT_WIDTH - left_width
    left, right = _table(word, (left_width, right_width)).rows[0].cells
    # 3 mm between the columns, on the left one's side.
    margins = parse_xml(f'<w:tcMar {nsdecls("w")}><w:right w:w="{Mm(3).twips}" w:type="dxa"/></w:tcMar>')
    left._tc.get_or_add_tcPr().append(margins)
    inner = left_width - Mm(3)

    _run(_paragraph(left), header.superior, size=12.5)
    _run(_paragraph(left), header.issuer, size=12.5, bold=True)
    _rule(left, width=inner * 30 // 100, within=inner, before=1, after=6)
    _run(_paragraph(left), header.number, size=13)
    _run(_paragraph(right), header.nation, size=12, bold=True)
    _run(_paragraph(right), header.motto, size=14, bold=True)
    _rule(right, width=_bold_width(header.motto, 14), within=right_width, before=1)
    _run(_paragraph(right, before=8), header.date_line, size=14, italic=True)
    for cell in (left, right):
        _drop_first_paragraph(cell)


def _section(word, section: Section, notes: _Footnotes, depth: int = 1) -> None:
    """A heading in Word's "Heading n" style by depth, so that Word's outline is the report's."""
    if section.title:
        heading = word.add_paragraph(style=f"Heading {min(depth, HEADING_LEVELS)}")
        if section.level == 0:
            # "PHẦN THỨ NHẤT" over its title, centred.
            heading.paragraph_format.alignment = CENTER
            heading.paragraph_format.first_line_indent = Pt(0)
            _run(heading, section.number)
            heading.add_run().add_break()
            _run(heading, section.title)
        else:
            run = _run(heading, f"{section.number} {section.title}")
            run.italic = True if section.level >= 3 else None
    for paragraph in section.blocks:
        _body_paragraph(word, paragraph, notes)
    for child in section.children:
        _section(word, child, notes, depth + 1)


def _body_paragraph(word, paragraph: Paragraph, notes: _Footnotes) -> None:
    """A paragraph in the Normal style; a bullet starts with "- ", a run-in label is bold."""
    out = word.add_paragraph("- " if paragraph.style == "bullet" else "")
    if paragraph.label:
        _run(out, paragraph.label, bold=paragraph.style == "runin")
        out.add_run(" ")
    for part in paragraph.content:
        if isinstance(part, Footnote):
            notes.reference(out, part)
        else:
            _run(out, part)


def _end(word, signature: Signature, recipients: tuple[str, ...]) -> None:
    """The distribution list at the left and the signature at the right, side by side."""
    half = TEXT_WIDTH // 2
    left, right = _table(word, (half, TEXT_WIDTH - half)).rows[0].cells
    heading = _paragraph(left, align=WD_ALIGN_PARAGRAPH.LEFT, before=12)
    _run(heading, "Nơi nhận:", size=12, bold=True, italic=True)
    for recipient in recipients:
        _run(_paragraph(left, align=WD_ALIGN_PARAGRAPH.LEFT), f"- {recipient}", size=11)
    _run(_paragraph(right, before=12), signature.on_behalf, bold=True)
    for line in signature.title.splitlines():
        _run(_paragraph(right), line, bold=True)
    # Room for the signature and the seal.
    _run(_paragraph(right, before=60), signature.name, bold=True)
    for cell in (left, right):
        _drop_first_paragraph(cell)


def _property(text: str) -> str:
    """A core property: Word allows at most 255 characters, XML no control characters."""
    return printable(text)[:255]


def _set_properties(word, document: ReportDocument) -> None:
    properties = word.core_properties
    properties.title = _property(f"{document.title} {document.subject}")
    properties.author = properties.last_modified_by = _property(document.author)
    properties.language = "vi-VN" if document.language == "vi" else document.language
    properties.comments = ""
    properties.revision = 1
    # No creation or modification time: the file is the same whenever it is made.
    element = properties._element
    for name in ("dcterms:created", "dcterms:modified"):
        for found in element.findall(qn(name)):
            element.remove(found)
    # The template's thumbnail shows an empty page.
    _drop_relationships(word.part.package.rels, RELATIONSHIP_TYPE.THUMBNAIL)


def _with_fixed_dates(data: bytes) -> bytes:
    """The zip again, every entry dated ZIP_DATE instead of the time it was written."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            fixed = zipfile.ZipInfo(entry.filename, date_time=ZIP_DATE)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(entry))
    return out.getvalue()
