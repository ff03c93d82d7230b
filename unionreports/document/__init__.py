"""The report as plain data, and its numbering: the bottom layer, knowing nothing of Django."""

from .model import (
    FOOTNOTE_OPEN,
    Footnote,
    Header,
    Inline,
    Paragraph,
    ReportDocument,
    Section,
    Signature,
    inline_markup,
    number_footnotes,
    paragraphs_of,
    parse_inline,
    prose_of,
)
from .numbering import NUMBERED, division, number_sections

__all__ = [
    "FOOTNOTE_OPEN",
    "NUMBERED",
    "Footnote",
    "Header",
    "Inline",
    "Paragraph",
    "ReportDocument",
    "Section",
    "Signature",
    "division",
    "inline_markup",
    "number_footnotes",
    "number_sections",
    "paragraphs_of",
    "parse_inline",
    "prose_of",
]
