"""The report as plain data: what every renderer draws and every check reads.

Nothing here knows about Django. `reports.compose.compose_report` builds a `ReportDocument`
from the records and the importers from files; `numbering.number_sections` numbers both, and
renderers only lay it out.

`anchor`s are the identities of the records a section or paragraph was made from ("section-12",
"area-7/item-91"): review comments point at them. They are not part of the text, so equal text
compares equal and has one digest whatever records it came from.
"""

import dataclasses
import hashlib
import itertools
import json
from dataclasses import dataclass, field
from typing import Literal


@dataclass(frozen=True)
class Footnote:
    number: int
    text: str


Inline = str | Footnote


@dataclass(frozen=True)
class Paragraph:
    content: tuple[Inline, ...]
    style: Literal["body", "bullet", "runin"] = "body"
    # A number run into the paragraph, e.g. "1." for a lesson or "1.3." for an untitled area.
    label: str = ""
    anchor: str = field(default="", compare=False)

    def __post_init__(self):
        # One run of text between footnotes, however it was put together: equal text, equal paragraphs.
        merged: list[Inline] = []
        for is_note, group in itertools.groupby(self.content, key=lambda part: isinstance(part, Footnote)):
            if is_note:
                merged += group
            elif text := "".join(group):
                merged.append(text)
        object.__setattr__(self, "content", tuple(merged))

    @property
    def text(self) -> str:
        return "".join(part for part in self.content if isinstance(part, str))

    @property
    def footnotes(self) -> tuple[Footnote, ...]:
        return tuple(part for part in self.content if isinstance(part, Footnote))


@dataclass(frozen=True)
class Section:
    number: str  # "PHẦN THỨ NHẤT", "I.", "1.", "1.1.", "a)"
    title: str  # empty: the number runs into the first paragraph instead
    level: int  # the kind of number: 0 = Phần thứ …, 1 = I., 2 = 1., 3 = 1.1., 4 = a)
    blocks: tuple[Paragraph, ...] = ()
    children: tuple["Section", ...] = ()
    # The part kind it was made from or read as ("areas", "list", …): how an import saves it.
    kind: str = field(default="", compare=False)
    anchor: str = field(default="", compare=False)

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class Header:
    superior: str  # "CÔNG ĐOÀN VIÊN CHỨC TỈNH HÀ TĨNH"
    issuer: str  # "CÔNG ĐOÀN BAN TỔ CHỨC TỈNH ỦY"
    number: str  # "Số: 03/BC-CĐCS"
    nation: str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    motto: str = "Độc lập - Tự do - Hạnh phúc"
    date_line: str = ""


@dataclass(frozen=True)
class Signature:
    on_behalf: str  # "TM. BAN CHẤP HÀNH"
    title: str  # "CHỦ TỊCH"
    name: str


@dataclass(frozen=True)
class ReportDocument:
    header: Header
    title: str
    subject: str
    opening: tuple[Paragraph, ...]
    parts: tuple[Section, ...]
    closing: tuple[Paragraph, ...]
    signature: Signature
    recipients: tuple[str, ...]
    author: str = ""
    language: str = "vi"
    # Problems the secretary should look at; not part of the document itself.
    warnings: tuple[str, ...] = field(default=(), compare=False)

    def sections(self):
        for part in self.parts:
            yield from part.walk()

    def paragraphs(self):
        yield from self.opening
        for section in self.sections():
            yield from section.blocks
        yield from self.closing

    def footnotes(self) -> tuple[Footnote, ...]:
        return tuple(note for paragraph in self.paragraphs() for note in paragraph.footnotes)

    def to_json(self) -> str:
        """The content as JSON: no warnings, no anchors (see the module's docstring)."""
        data = dataclasses.asdict(self, dict_factory=lambda pairs: {k: v for k, v in pairs if k != "anchor"})
        data.pop("warnings")
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> "ReportDocument":
        """The document `to_json` wrote (warnings are not kept)."""
        data = json.loads(text)

        def paragraphs(items) -> tuple[Paragraph, ...]:
            return tuple(
                Paragraph(
                    tuple(part if isinstance(part, str) else Footnote(**part) for part in item["content"]),
                    item["style"],
                    item["label"],
                )
                for item in items
            )

        def section(item) -> Section:
            children = tuple(section(child) for child in item["children"])
            blocks = paragraphs(item["blocks"])
            return Section(
                item["number"], item["title"], item["level"], blocks, children, item.get("kind", "")
            )

        return cls(
            header=Header(**data["header"]),
            title=data["title"],
            subject=data["subject"],
            opening=paragraphs(data["opening"]),
            parts=tuple(section(part) for part in data["parts"]),
            closing=paragraphs(data["closing"]),
            signature=Signature(**data["signature"]),
            recipients=tuple(data["recipients"]),
            author=data["author"],
            language=data["language"],
        )

    def digest(self) -> str:
        """SHA-256 of the content: equal documents, equal digests."""
        return hashlib.sha256(self.to_json().encode()).hexdigest()


def number_footnotes(document: ReportDocument) -> ReportDocument:
    """The document with its footnotes numbered 1, 2, … in reading order."""
    counter = itertools.count(1)

    def renumber(paragraphs: tuple[Paragraph, ...]) -> tuple[Paragraph, ...]:
        return tuple(
            dataclasses.replace(
                p,
                content=tuple(
                    Footnote(next(counter), c.text) if isinstance(c, Footnote) else c for c in p.content
                ),
            )
            if p.footnotes
            else p
            for p in paragraphs
        )

    def renumber_section(s: Section) -> Section:
        children = tuple(renumber_section(c) for c in s.children)
        return dataclasses.replace(s, blocks=renumber(s.blocks), children=children)

    opening = renumber(document.opening)
    parts = tuple(renumber_section(part) for part in document.parts)
    closing = renumber(document.closing)
    return dataclasses.replace(document, opening=opening, parts=parts, closing=closing)


# A footnote inside stored text, written as in Pandoc's Markdown: "… công tác^[Đồng chí …])."
FOOTNOTE_OPEN = "^["


def parse_inline(text: str) -> tuple[Inline, ...]:
    """Text with ^[…] footnotes as content: runs of text and (unnumbered) footnotes.

    Brackets inside a footnote nest; an opening "^[" that is never closed stays text.
    """
    content: list[Inline] = []
    run: list[str] = []
    i = 0
    while i < len(text):
        start = text.find(FOOTNOTE_OPEN, i)
        if start < 0:
            run.append(text[i:])
            break
        depth, j = 1, start + 2
        while j < len(text) and depth:
            depth += {"[": 1, "]": -1}.get(text[j], 0)
            j += 1
        if depth:
            run.append(text[i:])
            break
        run.append(text[i:start])
        if "".join(run):
            content.append("".join(run))
        run = []
        content.append(Footnote(0, text[start + 2 : j - 1].strip()))
        i = j
    if "".join(run):
        content.append("".join(run))
    return tuple(content)


def inline_markup(content: tuple[Inline, ...]) -> str:
    """The stored text of `content`: the inverse of `parse_inline`."""
    return "".join(f"{FOOTNOTE_OPEN}{part.text}]" if isinstance(part, Footnote) else part for part in content)


def paragraphs_of(text: str) -> tuple[Paragraph, ...]:
    """Stored prose as paragraphs: one a line, "- " before a bullet point, footnotes as ^[…]."""
    paragraphs = []
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("- "):
            paragraphs.append(Paragraph(parse_inline(line[2:].strip()), style="bullet"))
        elif line:
            paragraphs.append(Paragraph(parse_inline(line)))
    return tuple(paragraphs)


def prose_of(paragraphs) -> str:
    """The stored prose of `paragraphs`: the inverse of `paragraphs_of`."""
    return "\n".join(("- " if p.style == "bullet" else "") + inline_markup(p.content) for p in paragraphs)
