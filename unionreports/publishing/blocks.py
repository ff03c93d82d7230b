"""A report's text as blocks in reading order, each with its identity: what "what changed" compares."""

from unionreports.document import ReportDocument
from unionreports.lib.blockdiff import Block


def header_text(document: ReportDocument) -> str:
    header = document.header
    return "\n".join(
        [header.superior, header.issuer, header.number, header.date_line, document.title, document.subject]
    )


def end_text(document: ReportDocument) -> str:
    signature = document.signature
    return "\n".join([signature.on_behalf, signature.title, signature.name, *document.recipients])


def _identity(anchor: str) -> str:
    """An item keeps its identity when it moves to another section: "area-7/item-91" → "area/item-91"."""
    head, _slash, item = anchor.partition("/")
    return f"{head.rsplit('-', 1)[0]}/{item}" if item else anchor


def _marker(paragraph) -> str:
    if paragraph.style == "bullet":
        return "-"
    # A run-in number ("1.3. Ban Chấp hành …") is the section's own, shown as its heading.
    return "" if paragraph.style == "runin" else paragraph.label


def document_blocks(document: ReportDocument) -> list[Block]:
    """The document's headings and paragraphs in reading order, each with its identity."""
    blocks = [Block("header", "text", header_text(document))]
    blocks += [Block("", "text", p.text, parent="opening") for p in document.opening]

    def walk(section, parent: str) -> None:
        key = section.anchor or section.number
        blocks.append(Block(key, "heading", section.title, section.number, parent, section.level))
        for paragraph in section.blocks:
            identity = _identity(paragraph.anchor) if paragraph.anchor else ""
            blocks.append(Block(identity, "text", paragraph.text, _marker(paragraph), key))
        for child in section.children:
            walk(child, key)

    for part in document.parts:
        walk(part, "")
    blocks += [Block("", "text", p.text, parent="closing") for p in document.closing]
    blocks.append(Block("end", "text", end_text(document)))
    return blocks
