"""Word-by-word differences between two versions of a text, for reviewers."""

import difflib
import re
from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Run:
    kind: Literal["same", "inserted", "deleted"]
    text: str


TOKEN = re.compile(r"\n|[^\s]+")


def _join(tokens: list[str]) -> str:
    # Line breaks are tokens of their own, so paragraphs stay paragraphs.
    return " ".join(tokens).replace(" \n ", "\n").replace("\n ", "\n").replace(" \n", "\n")


def word_diff(old: str, new: str) -> list[Run]:
    """Runs of words kept, inserted and deleted, in reading order (spaces normalised)."""
    before, after = TOKEN.findall(old), TOKEN.findall(new)
    runs: list[Run] = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            runs.append(Run("same", _join(before[i1:i2])))
            continue
        if i2 > i1:
            runs.append(Run("deleted", _join(before[i1:i2])))
        if j2 > j1:
            runs.append(Run("inserted", _join(after[j1:j2])))
    return runs
