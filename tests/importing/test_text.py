"""Importing text: the seed as Word exports it, Markdown, and what a careless file holds."""

import datetime
import difflib
import unicodedata

import pytest

from tests.importing.sources import SEED, seed_markdown
from tests.pages import items, reading_order, section
from tests.rendering.test_text import words
from unionreports.document import Footnote
from unionreports.importing.lines import ImportFailed
from unionreports.importing.services import read_report, report_import
from unionreports.rendering.text import render_text
from unionreports.reports.compose import compose_report
from unionreports.reports.models import Report


def share_in_order(source: str, ours: str) -> float:
    """How much of `source`'s words `ours` carries, in order."""
    a, b = words(source), words(ours)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / len(a)


def import_into(term, name: str, data: bytes) -> Report:
    imported = read_report(name, data)
    # The seed's own date: the committee's figures are counted on it.
    date = imported.date or datetime.date(2023, 3, 5)
    report = report_import(term=term, imported=imported, number=imported.number or 9, date=date)
    return Report.objects.with_document_data().get(pk=report.pk)


def outline(document) -> list:
    """Numbers and titles of the sections, with how many paragraphs each holds."""
    return [(s.number, s.title, len(s.blocks)) for s in document.sections()]


SEED_OUTLINE = [
    ("I.", "VỀ NHÂN SỰ BAN CHẤP HÀNH", 4),
    ("II.", "KẾT QUẢ CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", 0),
    ("1.", "Trách nhiệm của Ban Chấp hành", 1),
    ("1.1.", "Về công tác chỉ đạo và điều hành thực hiện Nghị quyết Đại hội Công đoàn", 3),
    (
        "1.2.",
        "Về trách nhiệm thực hiện quy chế Ban Chấp hành và quy chế phối hợp công tác với lãnh đạo cơ quan",
        5,
    ),
    ("1.3.", "", 1),
    ("III.", "HẠN CHẾ, KHUYẾT ĐIỂM VÀ NGUYÊN NHÂN", 0),
    ("1.", "Hạn chế, khuyết điểm", 5),
    ("2.", "Nguyên nhân của hạn chế, khuyết điểm", 4),
    ("IV.", "MỘT SỐ KINH NGHIỆM", 5),
]


@pytest.mark.django_db
def test_the_seed_text_imports_with_99_percent_of_its_words_in_order(demo_report):
    source = SEED.read_text(encoding="utf-8")
    report = import_into(demo_report.term, SEED.name, SEED.read_bytes())
    assert share_in_order(source, render_text(compose_report(report))) >= 0.99  # as the README says


@pytest.mark.django_db
def test_the_seed_text_is_read_into_its_parts_sections_and_items(demo_report):
    report = import_into(demo_report.term, SEED.name, SEED.read_bytes())
    document = compose_report(report)
    assert outline(document) == SEED_OUTLINE
    assert report.opening.startswith("Trên cơ sở kết quả hoạt động")
    # The slips "2.1." and "3.1." of the seed are numbered again: 1.2. and a run-in 1.3.
    assert document.parts[1].children[0].children[2].blocks[0].label == "1.3."
    assert [s.kind for s in reading_order(report)] == ["personnel", "areas", "group", "list", "list", "list"]
    assert items(report, "limitations").count() == 4
    assert items(report, "causes").count() == 4
    assert items(report, "lessons").count() == 4
    assert section(report, "lessons").text.startswith("Từ kết quả đạt được")
    assert section(report, "lessons").numbered and not section(report, "causes").numbered
    assert report.closing.splitlines()[1].startswith("Ban chấp hành nhiệm kỳ 2017 - 2022 xin chân thành")
    assert report.unplaced == ""


@pytest.mark.django_db
def test_the_footnote_of_part_one_stays_a_footnote_where_it_was_called(demo_report):
    report = import_into(demo_report.term, SEED.name, SEED.read_bytes())
    first = compose_report(report).parts[0].blocks[0]
    assert first.content[-1] == ")."
    assert isinstance(first.content[1], Footnote) and first.content[1].number == 1
    assert first.content[1].text.startswith("Đồng chí Trương Thiết Hùng, Phó Chủ tịch Công đoàn")
    assert "[footnoteRef" not in render_text(compose_report(report))


@pytest.mark.django_db
def test_part_one_is_kept_as_prose_and_checked_against_the_records(demo_report):
    report = import_into(demo_report.term, SEED.name, SEED.read_bytes())
    personnel = section(report, "personnel")
    assert "gồm có 7 đồng chí" in personnel.text
    warnings = compose_report(report).warnings
    assert "“VỀ NHÂN SỰ BAN CHẤP HÀNH” được in như đã viết, không tính từ bảng Ban Chấp hành." in warnings
    # The demo committee records 7 elected: nothing in the prose contradicts them.
    assert not any("bảng Ban Chấp hành không cho số này" in w for w in warnings)
    personnel.text = personnel.text.replace("gồm có 7 đồng chí", "gồm có 9 đồng chí")
    personnel.save()
    warnings = compose_report(Report.objects.with_document_data().get(pk=report.pk)).warnings
    assert "“VỀ NHÂN SỰ BAN CHẤP HÀNH” nêu 9 đồng chí, bảng Ban Chấp hành không cho số này." in warnings


def variants():
    text = SEED.read_text(encoding="utf-8")
    decomposed = unicodedata.normalize("NFD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).replace("Đ", "D").replace("đ", "d")
    return {
        "decomposed": decomposed,
        "lower case headings": text.replace(
            "I. VỀ NHÂN SỰ BAN CHẤP HÀNH", "I. Về nhân sự Ban Chấp hành"
        ).replace("IV. MỘT SỐ KINH NGHIỆM", "IV. Một số kinh nghiệm"),
        "no diacritics": plain,
    }


@pytest.mark.django_db
@pytest.mark.parametrize("variant", ["decomposed", "lower case headings", "no diacritics"])
def test_parts_are_recognised_whatever_the_case_and_the_diacritics(demo_report, variant):
    source = variants()[variant]
    report = import_into(demo_report.term, "report.txt", source.encode())
    document = compose_report(report)
    assert [s.number for s in document.sections()] == [number for number, _, _ in SEED_OUTLINE]
    assert report.unplaced == ""
    # Stored as NFC, whatever the file held.
    assert unicodedata.is_normalized("NFC", report.opening)


@pytest.mark.django_db
def test_markdown_with_footnotes_headings_and_a_numbered_list_imports(demo_report):
    source = seed_markdown()
    report = import_into(demo_report.term, "report.md", source.encode())
    document = compose_report(report)
    assert outline(document) == SEED_OUTLINE
    assert document.footnotes()[0].text.startswith("Đồng chí Trương Thiết Hùng")
    assert share_in_order(SEED.read_text(encoding="utf-8"), render_text(document)) >= 0.97


@pytest.mark.django_db
def test_markdown_wrapped_over_several_lines_is_joined_into_paragraphs(demo_report):
    source = "\n".join(
        [
            "# I. VỀ NHÂN SỰ BAN CHẤP HÀNH",
            "",
            "Đại hội đã bầu Ban Chấp hành",
            "gồm có 7 đồng chí[^a].",
            "",
            "- Một ý",
            "  viết trên hai dòng.",
            "",
            "[^a]: Chú thích",
            "    dài hai dòng.",
        ]
    )
    report = import_into(demo_report.term, "report.md", source.encode())
    assert section(report, "personnel").text == (
        "Đại hội đã bầu Ban Chấp hành gồm có 7 đồng chí^[Chú thích dài hai dòng.].\n- Một ý viết trên hai dòng."
    )


@pytest.mark.django_db
def test_text_before_the_first_area_and_a_part_of_no_known_kind_are_printed_in_their_place(demo_report):
    source = SEED.read_text(encoding="utf-8")
    source = source.replace(
        "1. Trách nhiệm của Ban Chấp hành", "Đoạn mở đầu phần II.\n1. Trách nhiệm của Ban Chấp hành"
    )
    source = source.rstrip() + "\nV. CÔNG TÁC KHÁC\nTiếp tục đổi mới nội dung hoạt động.\n"
    imported = read_report("report.txt", source.encode())
    assert imported.leftovers == ()
    report = import_into(demo_report.term, "report.txt", source.encode())
    document = compose_report(report)
    assert [f"{p.number} {p.title}" for p in document.parts][-1] == "V. CÔNG TÁC KHÁC"
    assert [p.text for p in document.parts[-1].blocks] == ["Tiếp tục đổi mới nội dung hoạt động."]
    assert document.parts[1].blocks[0].text == "Đoạn mở đầu phần II."
    assert report.unplaced == ""


def test_the_header_signature_and_distribution_list_are_read():
    source = "\n".join(
        [
            "CÔNG ĐOÀN VIÊN CHỨC TỈNH HÀ TĨNH",
            "CÔNG ĐOÀN BAN TỔ CHỨC TỈNH ỦY",
            "Số: 07/BC-CĐCS",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Kỳ Anh, ngày 05 tháng 3 năm 2023",
            "BÁO CÁO",
            "Kiểm điểm trách nhiệm của Ban Chấp hành nhiệm kỳ 2017 – 2022",
            "Mở đầu.",
            "I. VỀ NHÂN SỰ BAN CHẤP HÀNH",
            "Nội dung.",
            "TM. BAN CHẤP HÀNH",
            "KT. CHỦ TỊCH",
            "PHÓ CHỦ TỊCH",
            "Nguyễn Thị Lan",
            "Nơi nhận:",
            "- Công đoàn Viên chức tỉnh;",
            "- Lưu: VT.",
        ]
    )
    imported = read_report("report.txt", source.encode())
    header = imported.document.header
    assert (header.superior, header.issuer) == (
        "CÔNG ĐOÀN VIÊN CHỨC TỈNH HÀ TĨNH",
        "CÔNG ĐOÀN BAN TỔ CHỨC TỈNH ỦY",
    )
    assert (imported.number, imported.date, imported.place) == (
        7,
        datetime.date(2023, 3, 5),
        "Kỳ Anh",
    )
    assert imported.document.subject == "Kiểm điểm trách nhiệm của Ban Chấp hành nhiệm kỳ 2017 – 2022"
    assert [p.text for p in imported.document.opening] == ["Mở đầu."]
    assert imported.document.signature.title == "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"
    assert imported.document.signature.name == "Nguyễn Thị Lan"
    assert imported.document.recipients == ("Công đoàn Viên chức tỉnh;", "Lưu: VT.")
    assert imported.leftovers == ()


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("report.pdf", b"%PDF-1.7 ...", "damaged"),
        ("report.png", b"\x89PNG\r\n\x1a\n", "wrong_type"),
        ("report.txt", b"", "empty"),
        ("report.txt", "Báo cáo".encode("cp1258") + b"\xff\xfe\xfa", "not_utf8"),
        ("report.txt", b"Just a shopping list\nmilk\n", "no_parts"),
        ("report.txt", b"\x00\x01\x02binary", "not_text"),
    ],
)
def test_a_file_that_is_not_a_report_gets_a_clear_refusal(name, data, code):
    with pytest.raises(ImportFailed) as failure:
        read_report(name, data)
    assert failure.value.code == code
    assert str(failure.value.message)


def test_a_file_over_the_size_limit_is_refused(settings):
    from unionreports.importing import services

    with pytest.raises(ImportFailed) as failure:
        read_report("report.txt", b"I. VE NHAN SU\n" + b"x" * services.MAX_BYTES)
    assert failure.value.code == "too_large"


@pytest.mark.django_db
def test_a_signer_missing_from_the_committee_is_kept_and_the_figures_of_a_footnote_not_checked(demo_report):
    from unionreports.importing.services import leftovers

    source = SEED.read_text(encoding="utf-8").replace("Phó Giám đốc Sở]", "Phó Giám đốc Sở cùng 03 ủy viên]")
    source += "\nTM. BAN CHẤP HÀNH\nCHỦ TỊCH\nNguyễn Văn Z\n"
    imported = read_report("report.txt", source.encode())
    assert [(item.where, item.text) for item in leftovers(demo_report.term, imported)] == [
        ("Người ký (không có trong Ban Chấp hành nhiệm kỳ này)", "Nguyễn Văn Z")
    ]
    report = import_into(demo_report.term, "report.txt", source.encode())
    assert report.signer is None and "Nguyễn Văn Z" in report.unplaced
    assert not any("con số 3" in warning for warning in compose_report(report).warnings)


def test_a_bare_number_at_the_start_of_a_line_is_not_a_section_number():
    source = "II. KẾT QUẢ CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH\n1. Công tác tổ chức\n12 đoàn viên mới được kết nạp.\n"
    area = read_report("report.txt", source.encode()).document.parts[0].children[0]
    assert [p.text for p in area.blocks] == ["12 đoàn viên mới được kết nạp."]


@pytest.mark.django_db
def test_a_markdown_part_heading_typed_without_a_hash_does_not_swallow_the_next_line(demo_report):
    source = "I. VỀ NHÂN SỰ BAN CHẤP HÀNH\nNhân sự ổn định[^1].\n\nKẾT QUẢ CÔNG TÁC\nĐoạn đầu.\n\n[^1]: Chú thích.\n"
    imported = read_report("report.md", source.encode())
    assert [part.title for part in imported.document.parts] == [
        "VỀ NHÂN SỰ BAN CHẤP HÀNH",
        "KẾT QUẢ CÔNG TÁC",
    ]
    assert imported.document.parts[1].blocks[0].text == "Đoạn đầu."
    report = import_into(demo_report.term, "report.md", source.encode())
    assert section(report, "personnel").text == "Nhân sự ổn định^[Chú thích.]."


@pytest.mark.parametrize("mark", ["*", "**", "***", "_"])
def test_a_signature_typed_with_emphasis_in_markdown_is_read(mark):
    source = "\n\n".join(
        [
            "I. VỀ NHÂN SỰ BAN CHẤP HÀNH",
            "Nội dung.",
            "Trên đây là báo cáo của Ban Chấp hành.",
            f"{mark}Nơi nhận:{mark}",
            "- Công đoàn Viên chức tỉnh;\n- Lưu: VT.",
            f"{mark}TM. BAN CHẤP HÀNH{mark}",
            f"{mark}CHỦ TỊCH{mark}",
            f"{mark}Nguyễn Thị Lan{mark}",
        ]
    )
    document = read_report("report.md", source.encode()).document
    assert [p.text for p in document.closing] == ["Trên đây là báo cáo của Ban Chấp hành."]
    assert document.recipients == ("Công đoàn Viên chức tỉnh;", "Lưu: VT.")
    signature = document.signature
    assert (signature.on_behalf, signature.title, signature.name) == (
        "TM. BAN CHẤP HÀNH",
        "CHỦ TỊCH",
        "Nguyễn Thị Lan",
    )
