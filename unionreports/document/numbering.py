"""The one numbering of a report: parts, sections, sub-sections and numbered items.

Compose, the importers, the review and the editing pages all number through
`number_sections`, so a report can never read "1.1., 2.1., 3.1." where it means 1.1., 1.2., 1.3.
"""

import dataclasses
import itertools
from collections.abc import Sequence

from unionreports.lib.vietnamese import to_roman

from .model import Paragraph, Section

# A paragraph labelled so is a numbered item of its section ("1.", "2.", … in order).
NUMBERED = "#"

ORDINALS = ("NHẤT", "HAI", "BA", "TƯ", "NĂM", "SÁU", "BẢY", "TÁM", "CHÍN", "MƯỜI")


def division(n: int) -> str:
    """ "PHẦN THỨ NHẤT", "PHẦN THỨ HAI", …"""
    return f"PHẦN THỨ {ORDINALS[n - 1] if n <= len(ORDINALS) else n}"


def number_sections(parts: Sequence[Section], *, divisions: bool = False) -> tuple[Section, ...]:
    """The parts numbered by depth: I., 1., 1.1., a); with `divisions`, "PHẦN THỨ NHẤT" above I.

    `level` is set to the kind of number (0 for a division, 1 for I., 2 for 1., 3 for 1.1.,
    4 below), an untitled section runs its number into its first paragraph, and paragraphs
    labelled `NUMBERED` are numbered 1., 2., … within their section.
    """
    first_level = 0 if divisions else 1
    return tuple(_number(part, i, first_level, "") for i, part in enumerate(parts, start=1))


def _number(section: Section, index: int, level: int, parent_number: str) -> Section:
    if level == 0:
        number = division(index)
    elif level == 1:
        number = f"{to_roman(index)}."
    elif level == 2:
        number = f"{index}."
    elif level == 3:
        number = f"{parent_number}{index}."
    else:
        number = f"{chr(ord('a') + (index - 1) % 26)})"
    children = tuple(
        _number(child, i, level + 1, number) for i, child in enumerate(section.children, start=1)
    )
    return dataclasses.replace(
        section, number=number, level=level, blocks=_label(section, number), children=children
    )


def _label(section: Section, number: str) -> tuple[Paragraph, ...]:
    counter = itertools.count(1)
    blocks = [
        dataclasses.replace(p, label=f"{next(counter)}.") if p.label == NUMBERED else p
        for p in section.blocks
    ]
    if not section.title and blocks and blocks[0].style == "runin":
        blocks[0] = dataclasses.replace(blocks[0], label=number)
    return tuple(blocks)
