"""Hostile input: parsing stays linear in the size of the file, and counters never run out.

Python's regular expressions report no count of their steps, so the patterns are checked for
what makes them linear: a run never holds the mark that opens it, so the scan from an unmatched
mark stops at the next one and every character is looked at a bounded number of times.
"""

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from unionreports.document import Footnote, Paragraph, Section, number_footnotes, number_sections
from unionreports.document.numbering import NUMBERED
from unionreports.importing import text
from unionreports.importing.lines import make_line

MARKS = st.text(alphabet="*_[]^{} a\\", max_size=40)


@pytest.mark.fuzz
@given(MARKS)
@example("*a *b* **c **d** ***e ***f*** _g _h_")
def test_an_emphasis_never_holds_the_mark_that_opens_it(line):
    # The mark each group of the pattern may not hold: "***", "**", "__", "*", "_" open them.
    forbidden = ("*", "**", "__", "*", "_")
    for match in text._EMPHASIS.finditer(line):
        for mark, group in zip(forbidden, match.groups(), strict=True):
            if group is not None:
                assert mark not in group


@pytest.mark.fuzz
@given(MARKS)
@example("[a [b]{c} [x]{y{z} [^a [^b]")
def test_a_span_or_a_footnote_call_never_holds_an_opening_bracket(line):
    for match in text._SPAN.finditer(line):
        assert "[" not in match.group(0)[1:]
        assert "{" not in match.group(0).split("]{", 1)[1]
    for match in text._NOTE_CALL.finditer(line):
        assert "[" not in match.group(0)[1:]


def test_thousands_of_unmatched_marks_are_kept_as_text():
    line = " *a" * 10_000 + " _a" * 10_000 + " [^a" * 10_000 + " [a]{" * 10_000
    assert text._with_notes(text._markdown_inline(line), {}) == [line]


def test_a_markdown_heading_loses_its_closing_hashes_but_not_its_words():
    paragraphs = text._markdown_paragraphs(["## Kết quả ##  ", "# C#", "#  " + " " * 5000 + "x"])
    assert paragraphs == [(2, "Kết quả"), (1, "C"), (1, "x")]


class Counted(str):
    """A run of text that counts the characters copied when a longer text is built on it."""

    copied = 0

    def __radd__(self, other):
        Counted.copied += len(other) + len(self)
        return str.__add__(other, self)


def test_a_paragraph_split_into_many_runs_is_joined_in_one_pass():
    Counted.copied = 0
    runs = [Counted("abcdefghij") for _ in range(4000)]
    line = make_line(runs)
    assert line.text == "abcdefghij" * 4000
    # Adding each run to what came before copies n²/2 characters: 80 million here.
    assert Counted.copied <= 2 * len(line.text)


def test_footnotes_and_numbered_items_beyond_ten_thousand_are_numbered_without_a_crash():
    notes = tuple(Paragraph((f"{i}", Footnote(0, "x"))) for i in range(10_050))
    items = tuple(Paragraph((f"bài học {i}",), label=NUMBERED) for i in range(100_050))
    (part,) = number_sections([Section("", "BÀI HỌC", 0, notes + items)])
    assert part.blocks[-1].label == "100050."
    document = number_footnotes(_document(part))
    assert document.footnotes()[-1].number == 10_050


def _document(part):
    from unionreports.document import Header, ReportDocument, Signature

    return ReportDocument(
        header=Header("", "", ""),
        title="BÁO CÁO",
        subject="",
        opening=(),
        parts=(part,),
        closing=(),
        signature=Signature("", "", ""),
        recipients=(),
    )


def test_items_run_into_a_paragraph_are_split_in_one_pass_and_at_most_ninety_nine_times():
    from unionreports.importing import outline

    repeated = make_line(["Hạn chế: " + "(1) x; " * 50_000])
    assert outline._inline_items(repeated) == [repeated]  # "(1)" again is no second item
    counted = make_line(["Hạn chế: " + " ".join(f"({n}) mục {n};" for n in range(1, 200))])
    pieces = outline._inline_items(counted)
    assert len(pieces) == 100 and pieces[-1].text.startswith("(99) mục 99;")


def test_thousands_of_captions_in_capitals_are_each_looked_at_a_bounded_number_of_times(monkeypatch):
    from unionreports.importing import outline

    calls = 0
    numbered = outline._numbered

    def counting(line):
        nonlocal calls
        calls += 1
        return numbered(line)

    monkeypatch.setattr(outline, "_numbered", counting)
    lines = ["BÁO CÁO", "Kiểm điểm", "I. KẾT QUẢ CÔNG TÁC", "1. Công tác tuyên truyền"]
    lines += ["KẾT QUẢ THI ĐUA", "Một đoạn văn."] * 2000
    parsed = outline.parse([make_line([line]) for line in lines])
    assert [part.title for part in parsed.document.parts] == ["KẾT QUẢ CÔNG TÁC"]
    assert calls <= 10 * len(lines)


def test_text_copied_from_a_pdf_is_joined_in_time_linear_in_its_size(monkeypatch):
    """Each line is joined to the one before it, not to the paragraph so far (which would copy
    the paragraph again for every line); the last word of a line is found without a scan back
    from each of its letters."""
    from unionreports.importing import reflow

    looked_at = []
    joint = reflow._joint
    monkeypatch.setattr(
        reflow, "_joint", lambda previous, text: looked_at.append(len(previous)) or joint(previous, text)
    )
    line = "Ban Chấp hành đã lãnh đạo thực hiện tốt các nhiệm vụ của công đoàn cơ sở trong"
    lines = [line] * 12_000 + ["x" * 300_000 + "-", "nh" + "y" * 300_000]
    ((_indices, paragraph),) = reflow.reflow(lines).paragraphs
    assert len(paragraph) > 1_500_000
    assert max(looked_at) <= 300_001
    assert sum(looked_at) <= 2 * sum(map(len, lines))
