"""Block by block comparison: edits, insertions, deletions and moves, the fewest moves told."""

from hypothesis import given
from hypothesis import strategies as st

from unionreports.lib.blockdiff import Block, compare


def doc(*spec: str) -> list[Block]:
    """ "#a" is a heading keyed "a"; "x" an item keyed "x" of the heading before; "x=text" with its text."""
    blocks, parent = [], ""
    for entry in spec:
        if entry.startswith("#"):
            parent = entry[1:]
            blocks.append(Block(parent, "heading", parent.upper()))
        else:
            key, _eq, text = entry.partition("=")
            blocks.append(Block(key, "text", text or f"text of {key}", parent=parent))
    return blocks


def marks(changes) -> list[tuple[str, str]]:
    return [(c.block.key, "moved " + c.status if c.moved else c.status) for c in changes]


def test_swapping_two_items_moves_one_of_them_and_nothing_else():
    changes = compare(doc("#a", "1", "2", "3", "4"), doc("#a", "1", "3", "2", "4"))
    assert [c for c in changes if c.moved] and len([c for c in changes if c.moved]) == 1
    assert not [c for c in changes if c.status in ("inserted", "deleted", "changed")]
    moved = next(c for c in changes if c.moved)
    away = [c for c in changes if c.status == "moved_away"]
    assert [c.block.key for c in away] == [moved.block.key]


def test_moving_one_item_to_the_top_tells_that_one_not_every_other():
    changes = compare(doc("#a", "1", "2", "3", "4", "5"), doc("#a", "5", "1", "2", "3", "4"))
    assert [key for key, mark in marks(changes) if mark.startswith("moved ")] == ["5"]
    assert marks(changes)[-1] == ("5", "moved_away")


def test_an_item_moved_and_edited_shows_both():
    changes = compare(doc("#a", "1=một hai ba", "2", "3"), doc("#a", "2", "3", "1=một bốn ba"))
    edited = next(c for c in changes if c.block.key == "1" and c.status != "moved_away")
    assert edited.status == "changed" and edited.moved
    assert [(r.kind, r.text) for r in edited.runs] == [
        ("same", "một"),
        ("deleted", "hai"),
        ("inserted", "bốn"),
        ("same", "ba"),
    ]


def test_inserted_and_deleted_items_stand_where_they_stand_and_stood():
    changes = compare(doc("#a", "1", "2", "3"), doc("#a", "1", "new", "3"))
    assert marks(changes) == [
        ("a", "same"),
        ("1", "same"),
        ("2", "deleted"),
        ("new", "inserted"),
        ("3", "same"),
    ]


def test_a_section_moved_is_told_once_by_its_heading():
    changes = compare(doc("#a", "1", "2", "3", "#b", "4"), doc("#b", "4", "#a", "1", "2", "3"))
    assert [key for key, mark in marks(changes) if mark.startswith("moved ")] == ["b"]
    assert [c.block.key for c in changes if c.status == "moved_away"] == ["b"]


def test_an_item_moved_to_another_section_is_a_move_even_in_order():
    changes = compare(doc("#a", "1", "2", "#b", "3"), doc("#a", "1", "#b", "2", "3"))
    moved = next(c for c in changes if c.moved)
    assert moved.block.key == "2" and moved.moved_from.heading == "A"


def test_a_heading_renumbered_is_not_a_change():
    old = [Block("a", "heading", "Kinh nghiệm", "3."), Block("b", "heading", "Hạn chế", "4.")]
    new = [Block("b", "heading", "Hạn chế", "3."), Block("a", "heading", "Kinh nghiệm", "4.")]
    changes = compare(old, new)
    assert {c.status for c in changes} <= {"same", "moved_away"}
    assert next(c for c in changes if c.block.key == "b").old_number == "4."


def test_paragraphs_without_identity_are_matched_by_their_text():
    old = [Block("", "text", t, parent="opening") for t in ("Mở đầu.", "Đoạn hai.", "Đoạn ba.")]
    new = [Block("", "text", t, parent="opening") for t in ("Mở đầu.", "Đoạn hai sửa.", "Đoạn ba.")]
    assert [(c.status, c.block.text) for c in compare(old, new)] == [
        ("same", "Mở đầu."),
        ("changed", "Đoạn hai sửa."),
        ("same", "Đoạn ba."),
    ]


def longest_increasing(values: list[int]) -> int:
    best = [1] * len(values)
    for j in range(len(values)):
        for i in range(j):
            if values[i] < values[j]:
                best[j] = max(best[j], best[i] + 1)
    return max(best, default=0)


@st.composite
def versions(draw):
    old = draw(st.lists(st.integers(0, 40), unique=True, max_size=25))
    kept = draw(st.permutations(draw(st.lists(st.sampled_from(old), unique=True)) if old else []))
    added = draw(st.lists(st.integers(41, 80), unique=True, max_size=5))
    new = list(kept)
    for key in added:
        new.insert(draw(st.integers(0, len(new))), key)
    return old, new


@given(versions())
def test_the_new_text_reads_in_order_and_the_fewest_blocks_are_told_as_moved(pair):
    old_keys, new_keys = pair
    old = [Block(str(k), "text", f"t{k}", parent="s") for k in old_keys]
    new = [Block(str(k), "text", f"t{k}", parent="s") for k in new_keys]
    changes = compare(old, new)
    assert [c.block for c in changes if c.status not in ("deleted", "moved_away")] == new
    assert sorted(c.block.key for c in changes if c.status == "deleted") == sorted(
        str(k) for k in set(old_keys) - set(new_keys)
    )
    assert {c.block.key for c in changes if c.status == "inserted"} == {
        str(k) for k in set(new_keys) - set(old_keys)
    }
    common = [old_keys.index(k) for k in new_keys if k in old_keys]
    told = [c for c in changes if c.moved]
    assert len(told) == len(common) - longest_increasing(common)
    assert sorted(c.block.key for c in told) == sorted(
        c.block.key for c in changes if c.status == "moved_away"
    )


@given(st.lists(st.text(max_size=8), max_size=12))
def test_a_text_compared_with_itself_is_unchanged(texts):
    blocks = [Block("", "text", t, parent="opening") for t in texts]
    assert {c.status for c in compare(blocks, blocks)} <= {"same"}
