"""The document as plain text: for the command line, diffs and tests."""

import textwrap

from unionreports.document import Footnote, Paragraph, ReportDocument, Section

from .draft import DRAFT_MARK


def render_text(document: ReportDocument, width: int = 0, *, draft: bool = True) -> str:
    """Reading order; a footnote's text follows the paragraph that calls it, as "[1] …".

    `width` wraps paragraphs (0: one line a paragraph). `draft`: the first line is "DỰ THẢO".
    """
    header = document.header
    lines = [DRAFT_MARK] if draft else []
    lines += [
        header.superior,
        header.issuer,
        header.number,
        header.nation,
        header.motto,
        header.date_line,
        "",
    ]
    lines += [document.title, document.subject, ""]
    for paragraph in document.opening:
        lines += _paragraph(paragraph, width)
    for part in document.parts:
        lines += _section(part, width)
    for paragraph in document.closing:
        lines += _paragraph(paragraph, width)
    signature = document.signature
    lines += ["", signature.on_behalf, *signature.title.splitlines(), signature.name, ""]
    lines += ["Nơi nhận:", *(f"- {recipient}" for recipient in document.recipients)]
    return "\n".join(lines) + "\n"


def _section(section: Section, width: int) -> list[str]:
    if not section.title:
        lines = []
    elif section.level == 0:
        lines = [section.number, section.title]  # "PHẦN THỨ NHẤT" over its title
    else:
        lines = [f"{section.number} {section.title}"]
    for paragraph in section.blocks:
        lines += _paragraph(paragraph, width)
    for child in section.children:
        lines += _section(child, width)
    return lines


def _paragraph(paragraph: Paragraph, width: int) -> list[str]:
    text = "".join(f"[{part.number}]" if isinstance(part, Footnote) else part for part in paragraph.content)
    if paragraph.label:
        text = f"{paragraph.label} {text}"
    if paragraph.style == "bullet":
        text = f"- {text}"
    notes = [f"[{note.number}] {note.text}" for note in paragraph.footnotes]
    if width:
        return [textwrap.fill(line, width) for line in (text, *notes)]
    return [text, *notes]
