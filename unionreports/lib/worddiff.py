"""Word-by-word differences between two versions of a text, for reviewers."""

import difflib
from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Run:
    kind: Literal["same", "inserted", "deleted"]
    text: str


def word_diff(old: str, new: str) -> list[Run]:
    """Runs of words kept, inserted and deleted, in reading order (whitespace normalised)."""
    before, after = old.split(), new.split()
    runs: list[Run] = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            runs.append(Run("same", " ".join(before[i1:i2])))
            continue
        if i2 > i1:
            runs.append(Run("deleted", " ".join(before[i1:i2])))
        if j2 > j1:
            runs.append(Run("inserted", " ".join(after[j1:j2])))
    return runs
