"""The seed report as other tools' input: Markdown for Pandoc, flat ODF for LibreOffice.

Built from the seed text with plain string work, so that the files fed to the importer do
not depend on the importer.
"""

import re
from xml.sax.saxutils import escape

from tests.rendering.test_text import SEED


def seed_blocks(*, numbers: bool = True) -> list[tuple[str, str, list[str]]]:
    """(kind, text, footnotes) of each line: kind is "h1", "h2", "h3", "bullet", "item" or "p".

    Footnote calls become "\0" in the text, in the order of `footnotes`. Without `numbers`,
    headings lose their numbers, as when a writer lets heading styles carry the outline.
    """
    text = SEED.read_text(encoding="utf-8")
    notes = dict(re.findall(r"\[(\d+):\s*([^\]]*)\]", text))
    text = re.sub(r"\[(\d+):\s*[^\]]*\]", "", text)
    blocks = []
    part = ""
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        calls = re.findall(r"\[footnoteRef:(\d+)\]", line)
        line = re.sub(r"\[footnoteRef:\d+\]", "\0", line)
        footnotes = [notes[n].strip() for n in calls]
        if match := re.match(r"^([IVX]+)\.\s+(.*)$", line):
            part = match.group(1)
            blocks.append(("h1", line if numbers else match.group(2), footnotes))
        elif (match := re.match(r"^(\d+\.\d+\.)\s*(.*)$", line)) and len(line) < 150:
            blocks.append(
                ("h3", f"{match.group(1)} {match.group(2)}" if numbers else match.group(2), footnotes)
            )
        elif (match := re.match(r"^(\d+)\.\s+(.*)$", line)) and part == "IV":
            blocks.append(("item", match.group(2), footnotes))
        elif (match := re.match(r"^(\d+\.)\s+(.*)$", line)) and len(line) < 150:
            blocks.append(("h2", line if numbers else match.group(2), footnotes))
        elif line.startswith("- "):
            blocks.append(("bullet", line[2:], footnotes))
        else:
            blocks.append(("p", line, footnotes))
    return blocks


def seed_markdown(*, numbers: bool = True) -> str:
    out, definitions, counter = [], [], 0
    for kind, text, footnotes in seed_blocks(numbers=numbers):
        for note in footnotes:
            counter += 1
            text = text.replace("\0", f"[^{counter}]", 1)
            definitions.append(f"[^{counter}]: {note}")
        text = text.replace("*", r"\*")
        prefix = {"h1": "# ", "h2": "## ", "h3": "### ", "bullet": "- ", "item": "1. ", "p": ""}[kind]
        if kind == "p":
            text = re.sub(r"^(\d+\.\d+)\.", r"\1\\.", text)  # a number run in, not a list
        out.append(prefix + text)
    return "\n\n".join(out + definitions) + "\n"


def seed_fodt(*, numbers: bool = True) -> str:
    """A flat OpenDocument text with outline headings and real footnotes."""
    body, counter = [], 0
    for kind, text, footnotes in seed_blocks(numbers=numbers):
        xml = escape(text)
        for note in footnotes:
            counter += 1
            xml = xml.replace(
                "\0",
                f'<text:note text:id="ftn{counter}" text:note-class="footnote"><text:note-citation>{counter}'
                f"</text:note-citation><text:note-body><text:p>{escape(note)}</text:p></text:note-body></text:note>",
                1,
            )
        if kind.startswith("h"):
            body.append(f'<text:h text:outline-level="{kind[1]}">{xml}</text:h>')
        elif kind == "bullet":
            body.append(f"<text:p>- {xml}</text:p>")
        elif kind == "item":
            body.append(f"<text:list><text:list-item><text:p>{xml}</text:p></text:list-item></text:list>")
        else:
            body.append(f"<text:p>{xml}</text:p>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
        'office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">'
        "<office:body><office:text>" + "".join(body) + "</office:text></office:body></office:document>"
    )
