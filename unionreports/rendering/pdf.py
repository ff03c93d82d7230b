"""PDF rendering with WeasyPrint, and the cache that renders each document version once."""

import functools
import hashlib
import inspect
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import weasyprint
from django.db import IntegrityError, transaction
from django.template.loader import get_template
from weasyprint.text.fonts import FontConfiguration

from unionreports.document import ReportDocument, lines

from . import fonts
from .html import document_css, numbered_css, print_html, review_print_html
from .models import RenderedDocument

# Bump when the layout changes in a way the template and stylesheet sources don't show.
RENDERER_VERSION = "1"

# One FontConfiguration per thread: building one costs a fontconfig scan, and sharing one
# between threads corrupted memory and hung WeasyPrint.
_local = threading.local()


def _font_config() -> FontConfiguration:
    if not hasattr(_local, "font_config"):
        _local.font_config = FontConfiguration()
    return _local.font_config


def forget_fonts() -> None:
    """Drops this thread's font configuration, which keeps the faces it has loaded.

    Only needed when the chosen font changes while the process runs (tests do that).
    """
    if hasattr(_local, "font_config"):
        del _local.font_config
    fonts.report_font.cache_clear()
    _layout_digest.cache_clear()
    _review_layout_digest.cache_clear()


def write_pdf(html: str) -> bytes:
    """Bare WeasyPrint: HTML in, PDF bytes out."""
    font_config = _font_config()
    return weasyprint.HTML(string=html).write_pdf(font_config=font_config)


def render_pdf(document: ReportDocument, *, draft: bool = True) -> bytes:
    """`draft`: marked "DỰ THẢO" on the first page (see `draft.py`)."""
    return write_pdf(print_html(document, draft=draft))


@functools.cache
def _layout_digest() -> str:
    """What besides the document decides the PDF's bytes."""
    sources = [RENDERER_VERSION, weasyprint.__version__, document_css(), fonts.font_face_css()]
    for name in (
        "rendering/document_print.html",
        "rendering/_document.html",
        "rendering/_document_header.html",
        "rendering/_document_end.html",
        "rendering/_section.html",
    ):
        sources.append(get_template(name).template.source)
    return hashlib.sha256("\0".join(sources).encode()).hexdigest()


@functools.cache
def _review_layout_digest() -> str:
    """What besides the document decides the review copy's bytes."""
    sources = [_layout_digest(), numbered_css(), inspect.getsource(lines)]
    for name in (
        "rendering/review_print.html",
        "rendering/_numbered_document.html",
        "rendering/_numbered_row.html",
    ):
        sources.append(get_template(name).template.source)
    return hashlib.sha256("\0".join(sources).encode()).hexdigest()


def cache_key(document: ReportDocument, *, draft: bool = True) -> str:
    """The stored render's key and the download's ETag: a draft and the final PDF are two files."""
    variant = "draft" if draft else "final"
    return hashlib.sha256(f"{_layout_digest()}\0{variant}\0{document.to_json()}".encode()).hexdigest()


def review_cache_key(document: ReportDocument) -> str:
    """The review copy's key: never the report PDF's, which has other bytes for the same text."""
    return hashlib.sha256(f"review\0{_review_layout_digest()}\0{document.to_json()}".encode()).hexdigest()


@dataclass(frozen=True)
class RenderedFile:
    key: str
    content: bytes
    sha256: str


def get_pdf(document: ReportDocument, *, draft: bool = True, subject: str = "") -> RenderedFile:
    """The document's PDF from the cache, rendering and storing it the first time."""
    return get_rendered(
        cache_key(document, draft=draft),
        lambda: render_pdf(document, draft=draft),
        subject=subject,
        text=document.digest(),
    )


def get_review_pdf(document: ReportDocument, *, subject: str = "") -> RenderedFile:
    """The review copy's PDF (numbered lines, "DỰ THẢO") from the cache, rendered the first time."""
    return get_rendered(
        review_cache_key(document),
        lambda: write_pdf(review_print_html(document)),
        subject=subject,
        text=document.digest(),
    )


def get_rendered(key: str, render: Callable[[], bytes], *, subject: str = "", text: str = "") -> RenderedFile:
    """The bytes stored under `key`, or those `render` makes, stored for every server to share.

    A render of a new `text` of a `subject` evicts the renders of its other texts, which no
    one asks for any more: each report keeps the files of its current text only.
    """
    stored = RenderedDocument.objects.filter(key=key).values_list("content", "sha256").first()
    if stored is not None:
        return RenderedFile(key, bytes(stored[0]), stored[1])
    started = time.perf_counter()
    content = render()
    elapsed = time.perf_counter() - started
    digest = hashlib.sha256(content).hexdigest()
    try:
        with transaction.atomic():
            RenderedDocument.objects.create(
                key=key,
                subject=subject,
                text=text,
                content=content,
                size=len(content),
                sha256=digest,
                render_seconds=elapsed,
            )
            if subject:
                renders_evict(subject=subject, keep_text=text)
    except IntegrityError:
        # Another server rendered the same version meanwhile; serve what it stored, so every
        # reader of one version gets the same bytes.
        stored = RenderedDocument.objects.get(key=key)
        return RenderedFile(key, bytes(stored.content), stored.sha256)
    return RenderedFile(key, content, digest)


def renders_evict(*, subject: str, keep_text: str = "", keep_keys=()) -> int:
    """Deletes the stored renders of `subject` but those of `keep_text` and those keyed `keep_keys`."""
    renders = RenderedDocument.objects.filter(subject=subject)
    if keep_text:
        renders = renders.exclude(text=keep_text)
    return renders.exclude(key__in=list(keep_keys)).delete()[0]
