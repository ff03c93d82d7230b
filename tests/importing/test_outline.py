"""Reports laid out as unions, youth unions and associations write them: every part and item lands
where the writer meant it, whatever numbers the headings and marks the items.

The files in `tests/data/outline/` are short reports, one a layout: "PHẦN THỨ NHẤT" over Roman
parts; "ĐÁNH GIÁ CHUNG" with numbered sub-headings; "A./B." over Roman parts; a first part no kind
names ("DỰ BÁO TÌNH HÌNH") and one no word names at all; the committee stated in sentences of the
opening, with a table of its members; items as paragraphs, "(1) … (2) …" run together, "a) b)",
"+" under "-", "*", "1)"; sentences in capitals that name "kết quả". Each is read as written (.txt),
as Markdown, and two of them as Word files made by Pandoc.
"""

import datetime
import re
from pathlib import Path

import pytest

from tests.importing.test_text import share_in_order
from tests.rendering.test_text import words
from unionreports.importing.services import default_date, read_report, report_import
from unionreports.rendering.text import render_text
from unionreports.reports.compose import compose_report
from unionreports.reports.models import Report

DATA = Path(__file__).resolve().parent.parent / "data" / "outline"

# (number, title, kind, first words of each paragraph) of each section in reading order; a list
# says (number, title, "list", paragraphs of its introduction, first words of each item).
OUTLINES = {
    "phan-thu-nhat": [
        ("PHẦN THỨ NHẤT", "KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI NHIỆM KỲ 2019 – 2022", "group", []),
        ("I.", "ĐẶC ĐIỂM TÌNH HÌNH", "group", []),
        ("1.", "Thuận lợi", "list", 0, ["Đoàn Sở luôn", "Đội ngũ đoàn"]),
        ("2.", "Khó khăn", "list", 0, ["Phần lớn cán", "Kinh phí hoạt"]),
        ("II.", "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ", "areas", []),
        ("1.", "Công tác giáo dục chính trị, tư tưởng", "area", ["Ban Chấp hành"]),
        ("2.", "Phong trào thi đua tình nguyện", "area", ["Tổ chức chiến", "Duy trì câu"]),
        ("III.", "ĐÁNH GIÁ CHUNG", "group", []),
        ("1.", "Ưu điểm", "list", 0, ["Các hoạt động", "Đoàn viên tích"]),
        ("2.", "Hạn chế", "list", 0, ["Một số hoạt", "Công tác nắm"]),
        ("3.", "Nguyên nhân", "list", 0, ["Cán bộ Đoàn", "Sự phối hợp"]),
        ("4.", "Bài học kinh nghiệm", "list", 0, ["Phải bám sát", "Phải phát huy"]),
        ("PHẦN THỨ HAI", "PHƯƠNG HƯỚNG, NHIỆM VỤ NHIỆM KỲ 2022 – 2027", "group", []),
        ("I.", "MỤC TIÊU", "list", 1, ["100% đoàn viên", "Mỗi năm giới"]),
        ("II.", "NHIỆM VỤ VÀ GIẢI PHÁP", "areas", []),
        ("1.", "Đổi mới nội dung, phương thức sinh hoạt chi đoàn", "area", ["Tổ chức sinh"]),
        ("2.", "Nâng cao chất lượng đội ngũ cán bộ Đoàn", "area", ["Tăng cường tập"]),
    ],
    "danh-gia-chung": [
        ("I.", "VỀ NHÂN SỰ BAN CHẤP HÀNH", "personnel", ["Đại hội Công"]),
        ("II.", "KẾT QUẢ CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "areas", []),
        ("1.", "Công tác chăm lo đời sống đoàn viên", "area", ["Ban Chấp hành"]),
        ("2.", "Công tác tuyên truyền, giáo dục", "area", ["Các buổi sinh"]),
        ("3.", "Phong trào thi đua", "area", ["Phong trào “Giỏi"]),
        ("III.", "ĐÁNH GIÁ CHUNG", "group", []),
        ("1.", "Ưu điểm", "list", 0, ["Ban Chấp hành", "Các hoạt động"]),
        # Paragraphs without marks under a list's heading: the one ending with a colon introduces them.
        ("2.", "Hạn chế, khuyết điểm", "list", 1, ["Việc kiểm tra,", "Một số ủy", "Công tác lưu"]),
        ("3.", "Nguyên nhân", "list", 0, ["Các ủy viên", "Kinh phí hoạt"]),
        ("4.", "Bài học kinh nghiệm", "list", 0, ["Giữ vững sự", "Phối hợp chặt", "Thường xuyên lắng"]),
    ],
    "chu-cai": [
        ("PHẦN THỨ NHẤT", "KẾT QUẢ HOẠT ĐỘNG NHIỆM KỲ 2019 – 2024", "group", []),
        ("I.", "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ TRỌNG TÂM", "areas", []),
        ("1.", "Công tác tuyên truyền, giáo dục hội viên", "area", ["Hội đã tổ"]),
        ("2.", "Hỗ trợ phụ nữ phát triển kinh tế", "area", ["Hội đã phối"]),
        ("II.", "HẠN CHẾ VÀ NGUYÊN NHÂN", "group", []),
        ("1.", "Hạn chế", "list", 0, ["Nội dung sinh", "Việc phát triển", "Công tác kiểm"]),
        ("2.", "Nguyên nhân", "list", 0, ["Cán bộ chi", "Nhiều hội viên"]),
        ("PHẦN THỨ HAI", "PHƯƠNG HƯỚNG, NHIỆM VỤ NHIỆM KỲ 2024 – 2029", "group", []),
        ("I.", "PHƯƠNG HƯỚNG CHUNG", "prose", ["Tiếp tục đổi"]),
        ("II.", "CHỈ TIÊU", "list", 0, ["Hằng năm thu", "Giúp 30 hộ", "100% chi hội"]),
        ("III.", "NHIỆM VỤ VÀ GIẢI PHÁP", "areas", []),
        ("1.", "Nâng cao chất lượng sinh hoạt chi hội", "area", ["Đổi mới hình"]),
        ("2.", "Đẩy mạnh hỗ trợ phụ nữ khởi nghiệp", "area", ["Phối hợp với"]),
    ],
    "du-bao": [
        ("I.", "DỰ BÁO TÌNH HÌNH", "prose", ["Nhiệm kỳ tới,", "Việc làm và"]),
        ("II.", "KẾT QUẢ CÔNG TÁC NHIỆM KỲ", "areas", []),
        ("1.", "Đại diện, bảo vệ quyền lợi người lao động", "area", ["Ban Chấp hành"]),
        ("2.", "Chăm lo đời sống người lao động", "area", ["Tổ chức “Tết"]),
        ("III.", "ĐÁNH GIÁ CHUNG", "group", []),
        ("1.", "Ưu điểm", "list", 0, ["Ban Chấp hành", "Quan hệ lao"]),
        # "(1) …; (2) …; (3) …" run into the paragraph that introduces them.
        ("2.", "Hạn chế, khuyết điểm", "list", 1, ["tỷ lệ người", "hoạt động văn", "việc nắm bắt"]),
        ("3.", "Nguyên nhân", "list", 0, ["Người lao động", "Cán bộ công"]),
        # No declared word names it: a part of its own, a list by what it holds.
        ("IV.", "CÔNG TÁC PHỐI HỢP VỚI CHUYÊN MÔN", "list", 0, ["Duy trì đối", "Cùng xây dựng"]),
    ],
    "bch-dau-bao-cao": [
        # The sentences of the opening about the committee, as written, make part I, with its list.
        (
            "I.",
            "VỀ NHÂN SỰ BAN CHẤP HÀNH",
            "personnel",
            ["Ban Chấp hành", "Ban Chấp hành", "STT – Họ", "1 – Đỗ", "2 – Ngô", "3 – Bùi"],
        ),
        ("II.", "KẾT QUẢ CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "areas", []),
        ("1.", "Việc làm và thu nhập", "area", ["Ban Chấp hành"]),
        ("2.", "Thi đua, khen thưởng", "area", ["Phong trào thi"]),
        ("III.", "HẠN CHẾ, KHUYẾT ĐIỂM", "list", 1, ["Việc tổ chức", "Công tác phát", "Hoạt động của"]),
        ("IV.", "NGUYÊN NHÂN", "list", 0, ["Sản xuất có", "Một số ủy"]),
        ("V.", "BÀI HỌC KINH NGHIỆM", "list", 0, ["Ban Chấp hành", "Phải chủ động"]),
    ],
    "chu-in-hoa": [
        ("I.", "TÌNH HÌNH CHUNG", "prose", ["Xã Hòa Mỹ"]),
        ("II.", "KẾT QUẢ HOẠT ĐỘNG", "areas", []),
        # The sentence in capitals naming "kết quả" stays a paragraph of its area.
        ("1.", "Xây dựng gia đình, dòng họ học tập", "area", ["Hội đã công", "NHỮNG KẾT QUẢ"]),
        # A caption in capitals inside "2." stays there, not a part taking what follows.
        ("2.", "Quỹ khuyến học", "area", ["Quỹ khuyến học", "KẾT QUẢ KHEN", "Năm 2020 khen"]),
        ("III.", "HẠN CHẾ VÀ NGUYÊN NHÂN", "group", []),
        ("1.", "Hạn chế", "list", 1, ["việc vận động", "mô hình học", "ứng dụng công"]),
        ("2.", "Nguyên nhân", "list", 0, ["Nhận thức của", "Cán bộ hội"]),
        ("IV.", "PHƯƠNG HƯỚNG NHIỆM KỲ TỚI", "prose", ["Tiếp tục đẩy"]),
    ],
    "danh-gia-khong-so": [
        # A lead-in in capitals ending with a colon is text, not a part.
        ("I.", "KẾT QUẢ THỰC HIỆN NHIỆM VỤ", "areas", ["KẾT QUẢ CỤ"]),
        ("1.", "Công tác giáo dục chính trị", "area", ["Hội tổ chức"]),
        ("2.", "Phong trào giúp nhau làm kinh tế", "area", ["Hội đã giúp"]),
        # Sections marked "* Ưu điểm:" rather than numbered.
        ("II.", "ĐÁNH GIÁ CHUNG", "group", []),
        ("1.", "Ưu điểm", "list", 0, ["Ban Chấp hành", "Hội viên gương"]),
        ("2.", "Hạn chế", "list", 0, ["Sinh hoạt ở", "Việc ứng dụng"]),
        ("3.", "Bài học kinh nghiệm", "list", 0, ["Phải giữ vững", "Phải phát huy"]),
    ],
}
# (report kind, number, date, signer, footnotes, paragraphs of the opening)
FACTS = {
    "phan-thu-nhat": ("tong_ket", 12, datetime.date(2022, 10, 14), "Nguyễn Minh Khôi", 1, 1),
    "danh-gia-chung": ("kiem_diem", 7, datetime.date(2023, 3, 9), "Trần Thị Mai Anh", 1, 1),
    "chu-cai": ("tong_ket", 3, datetime.date(2024, 5, 20), "Lê Thị Hồng Nhung", 1, 1),
    "du-bao": ("kiem_diem", 15, datetime.date(2023, 6, 2), "Phạm Văn Hùng", 1, 0),
    "bch-dau-bao-cao": ("kiem_diem", 4, datetime.date(2023, 2, 16), "Đỗ Văn Minh", 1, 1),
    "chu-in-hoa": ("kiem_diem", 21, datetime.date(2024, 11, 28), "Vũ Đình Lộc", 1, 2),
    "danh-gia-khong-so": ("kiem_diem", 9, datetime.date(2022, 4, 5), "Trịnh Văn Sáu", 1, 1),
}
WORD_FILES = ("danh-gia-chung", "bch-dau-bao-cao")


def markdown_of(text: str, *, styled: bool = False) -> str:
    """The text as Markdown: a blank line between paragraphs, footnotes as "[^1]", a table's rows
    together. `styled` makes Roman parts "#" headings and numbered sections "##", without numbers."""
    out: list[str] = []
    for line in text.splitlines():
        line = re.sub(r"\[footnoteRef:(\d+)\]", r"[^\1]", line)
        line = re.sub(r"^\[(\d+):\s*(.*)\]$", r"[^\1]: \2", line)
        if styled and (match := re.match(r"^[IVX]+\. (.*)$", line)):
            line = f"# {match[1]}"
        elif styled and (match := re.match(r"^\d\. (\w.{0,60})$", line)) and not line.endswith("."):
            line = f"## {match[1]}"
        if out and line.startswith("|") and out[-1].startswith("|"):
            out[-1] += "\n" + line
        else:
            out.append(line)
    return "\n\n".join(out) + "\n"


def source(name: str) -> str:
    return (DATA / f"{name}.txt").read_text(encoding="utf-8")


def read(name: str, fmt: str, pandoc_docx=None):
    if fmt == "txt":
        return read_report(f"{name}.txt", source(name).encode())
    if fmt == "md":
        return read_report(f"{name}.md", markdown_of(source(name)).encode())
    return read_report(f"{name}.docx", pandoc_docx(markdown_of(source(name))))


def first_words(paragraph) -> str:
    return " ".join(paragraph.text.split()[:3])


def is_item(paragraph) -> bool:
    return paragraph.style == "bullet" or bool(paragraph.label)


def outline_of(document) -> list[tuple]:
    found = []
    for s in document.sections():
        if s.kind == "list":
            intro = sum(not is_item(p) for p in s.blocks)
            found.append((s.number, s.title, "list", intro, [first_words(p) for p in s.blocks if is_item(p)]))
        else:
            found.append((s.number, s.title, s.kind, [first_words(p) for p in s.blocks]))
    return found


FORMATS = [(name, fmt) for name in OUTLINES for fmt in ("txt", "md")] + [
    (name, "docx") for name in WORD_FILES
]


@pytest.mark.parametrize(("name", "fmt"), FORMATS)
def test_every_part_and_item_lands_where_the_writer_put_it(name, fmt, pandoc_docx):
    imported = read(name, fmt, pandoc_docx)
    assert outline_of(imported.document) == OUTLINES[name]


@pytest.mark.parametrize(("name", "fmt"), FORMATS)
def test_number_date_signer_footnotes_and_opening_are_found(name, fmt, pandoc_docx):
    imported = read(name, fmt, pandoc_docx)
    kind, number, date, signer, footnotes, opening = FACTS[name]
    assert (imported.report_kind, imported.number, imported.date) == (kind, number, date)
    assert imported.document.signature.name == signer
    assert len(imported.document.footnotes()) == footnotes
    assert len(imported.document.opening) == opening
    # Closed by "Trên đây là báo cáo …", or by a last paragraph addressed to the congress.
    assert imported.document.closing[-1].text.startswith(
        ("Trên đây là báo cáo", "Ban Chấp hành Công đoàn cơ sở")
    )
    assert all(
        imported.document.closing[-1].text != p.text for s in imported.document.sections() for p in s.blocks
    )


def test_a_heading_styled_in_word_is_read_by_its_words_whatever_its_number(pandoc_docx):
    """Heading 1 for the parts and Heading 2 for the sections, their numbers left to Word."""
    imported = read_report("du-bao.docx", pandoc_docx(markdown_of(source("du-bao"), styled=True)))
    assert outline_of(imported.document) == OUTLINES["du-bao"]


def test_a_dash_item_keeps_the_plus_items_under_it():
    limitations = read("phan-thu-nhat", "txt").document.parts[0].children[2].children[1]
    assert limitations.blocks[0].text == (
        "Một số hoạt động còn mang tính hình thức, chưa thu hút đông đảo đoàn viên: "
        "+ sinh hoạt chi đoàn chưa đều đặn; + nội dung sinh hoạt chưa phong phú."
    )


def test_a_sentence_in_capitals_naming_results_is_text_where_it_stands():
    document = read("chu-in-hoa", "txt").document
    assert document.opening[1].text.startswith("TOÀN HỘI ĐÃ ĐẠT ĐƯỢC NHỮNG KẾT QUẢ QUAN TRỌNG")
    assert [part.title for part in document.parts] == [
        "TÌNH HÌNH CHUNG",
        "KẾT QUẢ HOẠT ĐỘNG",
        "HẠN CHẾ VÀ NGUYÊN NHÂN",
        "PHƯƠNG HƯỚNG NHIỆM KỲ TỚI",
    ]


def test_the_header_lines_the_report_replaces_are_listed():
    imported = read("du-bao", "txt")
    assert imported.replaced == (
        "CÔNG ĐOÀN KHU CÔNG NGHIỆP PHÚ LỢI",
        "CÔNG ĐOÀN CƠ SỞ CÔNG TY TNHH MAY THÀNH ĐẠT",
        "Số: 15/BC-CĐ",
        "Phú Lợi, ngày 02 tháng 6 năm 2023",
        "BÁO CÁO",
        "Kiểm điểm trách nhiệm của Ban Chấp hành Công đoàn cơ sở Công ty TNHH May Thành Đạt nhiệm kỳ 2018 – 2023",
    )


def tabbed(text: str) -> str:
    """The text as Word saves it as text: a table's cells between tabs, no rule under the first row."""
    rows = [line.strip("|").split("|") for line in text.splitlines()]
    return "\n".join(
        "\t".join(cell.strip() for cell in cells) if len(cells) > 1 else cells[0]
        for cells in rows
        if len(cells) == 1 or any(cell.strip(" -") for cell in cells)
    )


@pytest.mark.parametrize("fmt", ["txt", "tabs", "md", "docx"])
def test_a_table_of_the_committee_is_offered_as_its_members(fmt, pandoc_docx):
    if fmt == "tabs":
        imported = read_report("bch-dau-bao-cao.txt", tabbed(source("bch-dau-bao-cao")).encode())
    else:
        imported = read("bch-dau-bao-cao", fmt, pandoc_docx)
    assert [row[:2] for row in imported.committee] == [
        ("Đỗ Văn Minh", "Chủ tịch"),
        ("Ngô Thị Hạnh", "Phó Chủ tịch"),
        ("Bùi Quang Huy", "Ủy viên"),
    ]
    assert "Bầu bổ sung" in imported.committee[2][2]
    # Printed where it stood, in part I, a row a paragraph.
    assert imported.document.parts[0].blocks[3].text == "1 – Đỗ Văn Minh – Chủ tịch"
    assert imported.leftovers == ()


def test_the_headings_are_kept_as_written_beside_what_they_became():
    imported = read("chu-cai", "txt")
    assert imported.headings[:5] == (
        ("0", "A. KẾT QUẢ HOẠT ĐỘNG NHIỆM KỲ 2019 – 2024"),
        ("0.0", "I. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ TRỌNG TÂM"),
        ("0.1", "II. HẠN CHẾ VÀ NGUYÊN NHÂN"),
        ("0.1.0", "1. Hạn chế"),
        ("0.1.1", "2. Nguyên nhân"),
    )
    assert dict(read("bch-dau-bao-cao", "txt").headings)["0"] == ""  # made of the opening's sentences


def body(name: str) -> str:
    """The source's body, from below the subject line to the signature, less a Markdown table's
    rule: its header and signer are replaced by the union's own."""
    lines = source(name).splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("BÁO CÁO")) + 2
    end = next(i for i, line in enumerate(lines) if line.startswith("TM."))
    return "\n".join(line for line in lines[start:end] if line.strip("|-: "))


# Marks and numbers the renderer makes again ("+", "1)", "(2)", "a)", "III."): not words of the text.
MARK = re.compile(r"^(?:[ivx]{1,4}|[a-e]|\d{1,2})[.)]$|^\(\d{1,2}\)$|^\W+$")


def text_words(text: str) -> str:
    return " ".join(word for word in words(text) if not MARK.match(word))


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "fmt"), FORMATS)
def test_saved_and_printed_the_report_keeps_its_words_in_order(demo_report, name, fmt, pandoc_docx):
    imported = read(name, fmt, pandoc_docx)
    term = demo_report.term
    report = report_import(
        term=term, imported=imported, number=imported.number, date=default_date(term, imported)
    )
    text = render_text(compose_report(Report.objects.with_document_data().get(pk=report.pk)))
    assert share_in_order(text_words(body(name)), text_words(text)) >= 0.97


@pytest.mark.django_db
def test_the_committee_stated_in_prose_is_printed_as_written_and_checked(demo_report):
    imported = read("bch-dau-bao-cao", "txt")
    term = demo_report.term
    report = report_import(term=term, imported=imported, number=4, date=default_date(term, imported))
    document = compose_report(Report.objects.with_document_data().get(pk=report.pk))
    part = document.parts[0]
    assert part.blocks[0].text.startswith(
        "Ban Chấp hành Công đoàn cơ sở Công ty nhiệm kỳ 2018 – 2023 được Đại hội"
    )
    assert part.blocks[1].text.startswith("Ban Chấp hành đã bầu bổ sung 01 đồng chí Ủy viên")
    text = render_text(document)
    # Stated once, as written: the opening does not say it again, nor does a computed part I.
    assert text.count("được Đại hội bầu gồm 09 đồng chí") == 1
    assert "đã bầu Ban Chấp hành Công đoàn gồm có" not in text
    # The demo committee counts 7 elected: the file's 9 and 8 are flagged.
    assert any("09" in w or " 9 " in w for w in document.warnings)
    assert any(" 8 " in w or "08" in w for w in document.warnings)


def test_a_title_line_naming_results_is_the_title_and_the_subject_not_a_part():
    document = read("danh-gia-khong-so", "txt").document
    assert document.title == "BÁO CÁO"
    assert document.subject == (
        "KẾT QUẢ HOẠT ĐỘNG CỦA BAN CHẤP HÀNH HỘI CỰU CHIẾN BINH XÃ PHƯỚC HẢI NHIỆM KỲ 2017 – 2022"
    )
    assert document.opening[0].text.startswith("Ban Chấp hành Hội Cựu chiến binh xã báo cáo")
