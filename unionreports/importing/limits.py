"""How much an imported file may hold: a report is far below each limit, a trap far above.

A file is read in time linear in its size; these limits keep that time to a second or so of
one worker, and answer the user a message (`ImportFailed`) rather than a timeout. A report of
the committee runs to 20–40 pages: a few hundred paragraphs, a few dozen sections, a few
footnotes.
"""

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from unionreports.document import Footnote, ReportDocument
from unionreports.reports.kinds import PART_KINDS

from .lines import ImportFailed, Line

# The XML of a .docx (document, footnotes, numbering, styles…), unpacked: a 40-page report
# holds about 1 MB of it. Pictures are not unpacked at all.
UNPACKED_BYTES = 20 * 1024 * 1024
# Parts of a .docx (XML, pictures, …): Word writes a few dozen.
PACKAGE_MEMBERS = 2_000
# Characters of text, about 300 pages.
CHARACTERS = 1_000_000
PARAGRAPHS = 5_000
SECTIONS = 500
ITEMS = 500
FOOTNOTES = 500
# Pages of a PDF: a report runs to a few dozen.
PDF_PAGES = 300
# What one stream of a PDF (a page's text, a picture) may unpack to, and how many operators and
# operands a page may draw: a page of a report unpacks to some 10 kB and draws a few hundred.
# pypdf reads some 20,000 a second, so one page costs a few seconds at most.
PDF_STREAM_BYTES = 4 * 1024 * 1024
PDF_PAGE_OPERATIONS = 100_000
# Reading a PDF's text stops after this long (checked between pages): a report's takes a second.
PDF_SECONDS = 10


def unpacked_too_large() -> ImportFailed:
    return ImportFailed(_("The Word file unpacks to more than a report can hold."), code="too_large")


def check_characters(count: int) -> None:
    if count > CHARACTERS:
        raise ImportFailed(
            _(
                "The file holds more than %(limit)s characters of text; a report is much shorter. "
                "Remove what is not part of the report and try again."
            )
            % {"limit": number_format(CHARACTERS, force_grouping=True)},
            code="too_long",
        )


def check_pdf_pages(count: int) -> None:
    if count > PDF_PAGES:
        raise ImportFailed(
            _("The PDF has more than %(limit)s pages; a report has far fewer.") % {"limit": PDF_PAGES},
            code="too_many_pages",
        )


def pdf_too_large() -> ImportFailed:
    return ImportFailed(_("The PDF unpacks to more than a report can hold."), code="too_large")


def pdf_too_slow() -> ImportFailed:
    return ImportFailed(
        _(
            "Reading the text of this PDF takes too long. Import the Word document it was made from, "
            "or save the PDF again and retry."
        ),
        code="too_slow",
    )


def check_paragraphs(count: int) -> None:
    if count > PARAGRAPHS:
        raise ImportFailed(
            _(
                "The file holds more than %(limit)s paragraphs; a report holds far fewer. "
                "Remove what is not part of the report and try again."
            )
            % {"limit": number_format(PARAGRAPHS, force_grouping=True)},
            code="too_many_paragraphs",
        )


def check_lines(lines: list[Line]) -> None:
    """The paragraphs and footnotes a reader found, before any meaning is given to them."""
    check_paragraphs(len(lines))
    footnotes = sum(isinstance(part, Footnote) for line in lines for part in line.content)
    if footnotes > FOOTNOTES:
        raise ImportFailed(
            _("The file holds more than %(limit)s footnotes; a report holds far fewer.")
            % {"limit": FOOTNOTES},
            code="too_many_footnotes",
        )


def check_outline(document: ReportDocument) -> None:
    """The parts, sections and areas, and the items of each list, the parse made."""
    if sum(1 for _section in document.sections()) > SECTIONS:
        raise ImportFailed(
            _("The file holds more than %(limit)s parts and sections; a report holds far fewer.")
            % {"limit": SECTIONS},
            code="too_many_sections",
        )
    for section in document.sections():
        kind = PART_KINDS.get(section.kind)
        if kind is not None and kind.structure == "list" and len(section.blocks) > ITEMS:
            raise ImportFailed(
                _("“%(title)s” holds more than %(limit)s items; a list in a report holds far fewer.")
                % {"title": section.title[:80], "limit": ITEMS},
                code="too_many_items",
            )
