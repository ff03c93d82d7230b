"""PDF files with a text layer: the text of each page, joined into paragraphs again.

A PDF keeps lines placed on pages, not paragraphs; its text goes through the same re-flow as
text copied from a PDF (`reflow`), which drops page numbers and running headers. A scan holds
pictures of pages and no text: it is refused with a message, not read as an empty report.
"""

import io
import logging
import time
import unicodedata

import pypdf
from django.utils.translation import gettext as _
from pypdf.errors import DependencyError, FileNotDecryptedError, LimitReachedError, PyPdfError

from . import legacy, limits
from .lines import ImportFailed, Line
from .text import CONTROL, text_lines

logger = logging.getLogger(__name__)
# What a damaged file makes pypdf raise besides its own errors.
DAMAGED = (ValueError, KeyError, TypeError, AttributeError, IndexError, OSError, ZeroDivisionError)
# pypdf's limits, lowered to what a report needs: each stream unpacks to a few dozen kilobytes.
LIMITS = {
    name: limits.PDF_STREAM_BYTES
    for name in (
        "maximum_declared_stream_length",
        "array_based_stream_maximum_output_length",
        "jbig2_maximum_output_length",
        "lzw_maximum_output_length",
        "run_length_maximum_output_length",
        "zlib_maximum_output_length",
        "brotli_maximum_output_length",
        "image_maximum_buffer_size",
    )
} | {
    "page_tree_maximum_entries": 10 * limits.PDF_PAGES,
    "stream_decoding_work_maximum_length": 4 * limits.PDF_STREAM_BYTES,
    "stream_parsing_work_maximum_count": limits.PDF_PAGE_OPERATIONS,
}
# A page of a report holds a thousand characters or more; a scan's text layer (if any) a few.
SCANNED_CHARACTERS_A_PAGE = 40


def read_pdf(data: bytes) -> tuple[list[Line], str, tuple[str, ...]]:
    """The lines of the PDF, its author, and what was done to read it (`services.READING_NOTICES`)."""
    text, author, notices = pdf_text(data)
    lines, _reflowed = text_lines(text, markdown=False, pdf=True)
    return lines, author, ("pdf", *notices)


def pdf_text(data: bytes) -> tuple[str, str, tuple[str, ...]]:
    """The text of the pages, a form feed before each page; its author; "tcvn3" or "vni" when
    the PDF's fonts held text in those encodings (converted)."""
    try:
        with pypdf.apply_configuration(**LIMITS):
            texts, pages, author = _pages(data)
    except ImportFailed:
        raise
    except (FileNotDecryptedError, DependencyError) as error:  # or an encryption pypdf cannot undo
        raise _protected() from error
    except LimitReachedError as error:
        raise limits.pdf_too_large() from error
    except (PyPdfError, NotImplementedError, RecursionError, *DAMAGED) as error:
        # pypdf raises these for damaged files, and NotImplementedError for unknown filters.
        logger.info("PDF not read: %r", error)
        raise _damaged() from error
    text = unicodedata.normalize("NFC", "\n\f".join(texts)).translate(CONTROL)
    if sum(ch.isalpha() for ch in text) < SCANNED_CHARACTERS_A_PAGE * max(1, pages):
        raise ImportFailed(
            _(
                "This PDF holds no text, only pictures of its pages (a scan). Import the Word "
                "document it was made from, or type the text."
            ),
            code="scanned",
        )
    notices: tuple[str, ...] = ()
    if encoding := legacy.detect(text):
        text, notices = legacy.convert(text, encoding), (encoding,)
    return text, author, notices


def _pages(data: bytes) -> tuple[list[str], int, str]:
    """The text of each page, the number of pages, and the author."""
    reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted and not reader.decrypt(""):
        raise _protected()
    pages = len(reader.pages)
    limits.check_pdf_pages(pages)
    started = time.monotonic()
    texts, characters = [], 0
    for page in reader.pages:
        text = page.extract_text() or ""
        characters += len(text)
        limits.check_characters(characters)
        if time.monotonic() - started > limits.PDF_SECONDS:
            raise limits.pdf_too_slow()
        texts.append(text)
    author = (reader.metadata.author if reader.metadata else None) or ""
    return texts, pages, str(author)


def _protected() -> ImportFailed:
    return ImportFailed(
        _("The PDF is protected by a password. Remove the password, save, and retry."), code="encrypted"
    )


def _damaged() -> ImportFailed:
    return ImportFailed(
        _("The PDF file is damaged and cannot be read. Save or export it again and retry."), code="damaged"
    )
