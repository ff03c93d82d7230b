"""The report as plain data: what every renderer draws and every check reads.

Nothing here knows about Django. `compose.compose_report` builds a `ReportDocument`
from the records; numbering and figures are fixed by then, renderers only lay it out.
"""

import dataclasses
import hashlib
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

    @property
    def text(self) -> str:
        return "".join(part for part in self.content if isinstance(part, str))

    @property
    def footnotes(self) -> tuple[Footnote, ...]:
        return tuple(part for part in self.content if isinstance(part, Footnote))


@dataclass(frozen=True)
class Section:
    number: str  # "I.", "1.", "1.1."
    title: str  # empty: the number runs into the first paragraph instead
    level: int  # 1 = part (I., II.), 2 = 1., 3 = 1.1.
    blocks: tuple[Paragraph, ...] = ()
    children: tuple["Section", ...] = ()

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
        data = dataclasses.asdict(self)
        data.pop("warnings")
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    def digest(self) -> str:
        """SHA-256 of the content: equal documents, equal digests."""
        return hashlib.sha256(self.to_json().encode()).hexdigest()
