"""The review copy's lines: every word kept in order, no line too wide, one numbering, stable identities."""

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unionreports.document import Footnote, Header, Paragraph, ReportDocument, Section, Signature
from unionreports.document.lines import INDENT, WIDTH, measure, number_lines, wrap

LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
word = st.text(LETTERS + LETTERS.upper() + "0123456789.,;:()%–-", min_size=1, max_size=20)
long_word = st.text(LETTERS + "/.:", min_size=1, max_size=200)
text = st.lists(word, min_size=1, max_size=120).map(" ".join)


def line_text(parts) -> str:
    return "".join(part if isinstance(part, str) else str(part.number) for part in parts)


@pytest.mark.fuzz
# Words of up to 20 letters, lines wide enough for any of them: nothing is cut.
@given(text, st.integers(min_value=45, max_value=90), st.integers(min_value=0, max_value=8))
def test_every_word_is_kept_in_order_and_no_line_is_too_wide(source, width, indent):
    lines = wrap((source,), width=width, first_indent=indent)
    assert " ".join(line_text(line) for line in lines).split() == source.split()
    assert measure(line_text(lines[0])) <= 50 * (width - indent)
    assert all(measure(line_text(line)) <= 50 * width for line in lines[1:])
    assert all(line_text(line) == line_text(line).strip() and "  " not in line_text(line) for line in lines)


@pytest.mark.fuzz
@given(st.lists(long_word, min_size=1, max_size=5).map(" ".join))
def test_a_word_wider_than_a_line_is_cut_and_nothing_is_lost(source):
    lines = wrap((source,), width=20)
    assert "".join(line_text(line).replace(" ", "") for line in lines) == source.replace(" ", "")
    assert all(measure(line_text(line)) <= 50 * 20 for line in lines)


def test_a_footnote_call_stays_with_the_word_it_follows():
    content = ("chuyển công ", "tác", Footnote(1, "Đồng chí …"), "). Đến cuối nhiệm kỳ")
    lines = wrap(content, width=12)
    text = [line_text(line) for line in lines]
    assert "tác1)." in " ".join(text).replace(" 1", "1")
    host = next(line for line in lines if any(isinstance(part, Footnote) for part in line))
    assert "tác" in line_text(host)


def paragraph(text: str, **kwargs) -> Paragraph:
    return Paragraph((text,), **kwargs)


LONG = "Ban Chấp hành đã quán triệt, vận dụng các chủ trương, đường lối, chỉ thị, nghị quyết của Đảng. " * 3


def document(*, opening=(), parts=(), closing=()) -> ReportDocument:
    return ReportDocument(
        header=Header("CÔNG ĐOÀN CẤP TRÊN", "CÔNG ĐOÀN CƠ SỞ", "Số: 01/BC-CĐCS"),
        title="BÁO CÁO",
        subject="Kiểm điểm",
        opening=tuple(opening),
        parts=tuple(parts),
        closing=tuple(closing),
        signature=Signature("TM. BAN CHẤP HÀNH", "CHỦ TỊCH", "Nguyễn Văn A"),
        recipients=("Lưu: VT.",),
    )


def sample() -> ReportDocument:
    noted = Paragraph(("Có 02 đồng chí chuyển công tác", Footnote(1, LONG), "."), anchor="section-1/item-5")
    area = Section(
        "1.3.",
        "",
        3,
        (paragraph(LONG, style="runin", label="1.3.", anchor="area-7/item-9"),),
        anchor="area-7",
    )
    return document(
        opening=[paragraph(LONG), paragraph("Như sau:")],
        parts=[
            Section("I.", "VỀ NHÂN SỰ", 1, (paragraph(LONG), noted), anchor="section-1"),
            Section("II.", "KẾT QUẢ", 1, (paragraph("Mở đầu."),), (area,), anchor="section-2"),
        ],
        closing=[paragraph(LONG)],
    )


def test_lines_are_numbered_once_and_in_reading_order_footnotes_last():
    numbered = number_lines(sample())
    numbers = [line.number for line in numbered.lines()]
    assert numbers == list(range(1, len(numbers) + 1))
    kinds = [block.kind for block in numbered.all_blocks()]
    assert kinds[-1] == "footnote" and "footnote" not in kinds[:-1]
    assert [b.kind for b in numbered.blocks][:3] == ["paragraph", "paragraph", "heading"]


def test_a_run_in_number_is_drawn_once_before_the_words():
    numbered = number_lines(sample())
    runin = numbered.identities()["area-7/item-9"]
    assert runin.prefix == "1.3."
    assert not runin.lines[0].parts[0].startswith("1.3.")
    assert runin.lines[0].parts[0].startswith("Ban Chấp hành")
    # The untitled area has no heading: its own comments show at its first paragraph.
    assert numbered.identities()["area-7"] is runin


def test_the_first_line_leaves_room_for_the_indent_and_the_label():
    numbered = number_lines(sample())
    for block in numbered.blocks:
        first = block.lines[0]
        used = measure(f"{block.prefix} " if block.prefix else "") + measure(first.text)
        assert used <= 50 * (WIDTH - INDENT)


def test_identities_of_records_and_of_paragraphs_without_one():
    identities = number_lines(sample()).identities()
    assert "section-1/item-5" in identities
    assert "section-1/item-5/note-1" in identities
    assert identities["section-1"].kind == "heading"
    assert identities["opening"].text == LONG.strip() or identities["opening"].text == LONG
    assert any(identity.startswith("section-1/p-") for identity in identities)
    assert any(identity.startswith("opening/p-") for identity in identities)


def test_a_paragraph_keeps_its_identity_when_paragraphs_are_added_before_it():
    before = number_lines(sample())
    changed = sample()
    first = changed.parts[0]
    changed = dataclasses.replace(
        changed,
        opening=(paragraph("Một đoạn mới."), *changed.opening),
        parts=(
            dataclasses.replace(first, blocks=(paragraph("Đoạn chèn."), *first.blocks)),
            *changed.parts[1:],
        ),
    )
    after = number_lines(changed)
    ids_before = {block.text: block.identity for block in before.all_blocks()}
    ids_after = {block.text: block.identity for block in after.all_blocks()}
    assert all(ids_after[text] == identity for text, identity in ids_before.items())


def test_equal_paragraphs_under_one_heading_are_told_apart():
    twice = document(
        parts=[Section("I.", "A", 1, (paragraph("Như trên."), paragraph("Như trên.")), anchor="s-1")]
    )
    blocks = number_lines(twice).blocks
    assert blocks[1].identity != blocks[2].identity
