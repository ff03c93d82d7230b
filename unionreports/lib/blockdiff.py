"""Block by block differences between two versions of a document, with moves shown as moves.

A document is a list of blocks in reading order: headings and paragraphs. A block with an
identity (`key`) is the same block in both versions wherever it stands; a paragraph without one
(an introduction, the opening) is matched by its text among the paragraphs of its section.

Of the blocks found in both versions, the longest run that kept its order (a longest increasing
subsequence of their old places) stays in place; the others moved. So swapping two lessons moves
one of them, not both, and not every lesson after them.
"""

import difflib
from dataclasses import dataclass
from typing import Literal

from .worddiff import Run, word_diff


@dataclass(frozen=True)
class Block:
    key: str  # identity: "section-12", "section/item-5"; "" for a paragraph matched by its text
    kind: Literal["heading", "text"]
    text: str
    number: str = ""  # a heading's printed number, or a numbered item's label
    parent: str = ""  # key of the heading it stands under; "opening", "closing" at the ends
    level: int = 0  # depth of a heading

    def to_json(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v not in ("", 0) or k in ("key", "kind", "text")}

    @classmethod
    def from_json(cls, data: dict) -> "Block":
        return cls(**{name: data[name] for name in cls.__dataclass_fields__ if name in data})


@dataclass(frozen=True)
class Place:
    """Where a block stands: under which heading, and which block of it (1-based) it is."""

    heading: str
    index: int  # 0 for the heading itself
    number: str = ""  # a numbered item's number there ("2."), the surest way to tell it


@dataclass(frozen=True)
class Change:
    status: Literal["same", "changed", "inserted", "deleted", "moved_away"]
    block: Block  # the new block; the old one for "deleted" and "moved_away"
    runs: tuple[Run, ...] = ()  # words kept, inserted and deleted, when "changed"
    moved_from: Place | None = None  # where a moved block stood before
    moved_to: Place | None = None  # where a "moved_away" block stands now
    old_number: str = ""  # a heading's number before, when only that changed (not a change)

    @property
    def moved(self) -> bool:
        return self.moved_from is not None


def _same_words(a: str, b: str) -> bool:
    return a.split() == b.split()


def _identities(old: list[Block], new: list[Block]) -> tuple[list[str], list[str]]:
    """The keys of both versions, blocks without a key matched by text within their section."""
    old_keys = [b.key for b in old]
    new_keys = [b.key for b in new]
    parents = dict.fromkeys(b.parent for b in [*old, *new] if not b.key)
    for parent in parents:
        before = [i for i, b in enumerate(old) if not b.key and b.parent == parent]
        after = [j for j, b in enumerate(new) if not b.key and b.parent == parent]
        for i in before:
            old_keys[i] = f"{parent}#{i}"
        for j in after:
            new_keys[j] = f"{parent}#new{j}"
        matcher = difflib.SequenceMatcher(
            None,
            [" ".join(old[i].text.split()) for i in before],
            [" ".join(new[j].text.split()) for j in after],
            autojunk=False,
        )
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            # Equal paragraphs pair up; replaced ones pair in order, as edited paragraphs.
            if tag in ("equal", "replace"):
                for i, j in zip(before[i1:i2], after[j1:j2], strict=False):
                    new_keys[j] = old_keys[i]
    return old_keys, new_keys


def _kept_in_order(places: list[int]) -> set[int]:
    """Indexes into `places` of one longest increasing subsequence, in O(n log n)."""
    tails: list[int] = []  # tails[k]: the index ending the best run of length k + 1 so far
    previous = [-1] * len(places)
    for index, value in enumerate(places):
        low, high = 0, len(tails)
        while low < high:
            middle = (low + high) // 2
            if places[tails[middle]] < value:
                low = middle + 1
            else:
                high = middle
        if low:
            previous[index] = tails[low - 1]
        if low == len(tails):
            tails.append(index)
        else:
            tails[low] = index
    kept = set()
    index = tails[-1] if tails else -1
    while index != -1:
        kept.add(index)
        index = previous[index]
    return kept


def _places(blocks: list[Block]) -> list[Place]:
    places, heading, index = [], "", 0
    headings = {b.key: f"{b.number} {b.text}".strip() for b in blocks if b.kind == "heading"}
    for block in blocks:
        if block.kind == "heading":
            heading, index = headings[block.key], 0
        else:
            heading = headings.get(block.parent, "")
            index = index + 1 if places and places[-1].heading == heading else 1
        places.append(
            Place(
                heading,
                index,
                block.number.rstrip(".") if block.kind == "text" and block.number != "-" else "",
            )
        )
    return places


def compare(old: list[Block], new: list[Block]) -> list[Change]:
    """The new document in reading order, each block marked against `old`; blocks removed, and
    the old places of blocks moved, stand where they stood (after what preceded them)."""
    old_keys, new_keys = _identities(old, new)
    old_at = {key: i for i, key in enumerate(old_keys)}
    matched = [j for j, key in enumerate(new_keys) if key in old_at]
    # A block now under another heading moved whatever its order; the others keep their order
    # but for the fewest.
    stayed = [j for j in matched if old[old_at[new_keys[j]]].parent == new[j].parent]
    kept = {stayed[k] for k in _kept_in_order([old_at[new_keys[j]] for j in stayed])}

    new_at = {key: j for j, key in enumerate(new_keys)}
    moved: dict[int, bool] = {}  # new index → whether the move is worth telling
    for j in matched:
        i = old_at[new_keys[j]]
        if j in kept:
            continue
        # A block that moved with its heading, under the same heading, is told by its heading.
        parent = new_at.get(new[j].parent) if new[j].parent else None
        moved[j] = not (parent in moved and old[i].parent == new[j].parent)

    old_places, new_places = _places(old), _places(new)
    # What no longer stands where it stood: after the last block before it that did not move,
    # or, in a section that moved, after the last block before it in that section.
    ghosts: dict[int, list[Change]] = {}
    anchor, last_in = -1, {}
    for i, key in enumerate(old_keys):
        j = new_at.get(key)
        if j is not None:
            if j in kept and j not in moved:
                anchor = j
            if old[i].kind == "heading":
                last_in[key] = j
            elif new[j].parent == old[i].parent:
                last_in[old[i].parent] = j
            if not moved.get(j):
                continue
        parent = new_at.get(old[i].parent)
        at = last_in.get(old[i].parent, anchor) if parent in moved else anchor
        if j is None:
            ghosts.setdefault(at, []).append(Change("deleted", old[i]))
        else:
            ghosts.setdefault(at, []).append(Change("moved_away", old[i], moved_to=new_places[j]))

    changes = list(ghosts.get(-1, []))
    for j, block in enumerate(new):
        i = old_at.get(new_keys[j])
        if i is None:
            changes.append(Change("inserted", block))
        else:
            before = old[i]
            moved_from = old_places[i] if moved.get(j) else None
            old_number = before.number if block.kind == "heading" and before.number != block.number else ""
            if _same_words(before.text, block.text):
                changes.append(Change("same", block, moved_from=moved_from, old_number=old_number))
            else:
                runs = tuple(word_diff(before.text, block.text))
                changes.append(Change("changed", block, runs, moved_from=moved_from, old_number=old_number))
        changes.extend(ghosts.get(j, []))
    return changes
