"""Importing Word documents: our own export, and documents made by Pandoc and LibreOffice."""

import datetime
import io
import zipfile

import docx
import pytest

from tests.importing.sources import SEED, seed_fodt, seed_markdown
from tests.importing.test_text import SEED_OUTLINE, import_into, outline, share_in_order
from unionreports.importing.lines import ImportFailed
from unionreports.importing.services import read_report
from unionreports.rendering.docx import render_docx
from unionreports.rendering.text import render_text
from unionreports.reports.compose import compose_report
from unionreports.reports.models import Report

pytestmark = pytest.mark.django_db


def demo_document(demo_report):
    return compose_report(Report.objects.with_document_data().get(pk=demo_report.pk))


def test_an_exported_docx_reads_back_as_the_same_document(demo_report):
    document = demo_document(demo_report)
    imported = read_report("report.docx", render_docx(document))
    assert imported.document == document
    assert imported.leftovers == ()
    assert (imported.number, imported.date, imported.place) == (3, datetime.date(2023, 3, 5), "Hà Tĩnh")


def test_an_exported_docx_imported_into_its_term_gives_the_same_document(demo_report):
    document = demo_document(demo_report)
    report = import_into(demo_report.term, "report.docx", render_docx(document))
    assert report.signer is not None and report.signer.full_name == document.signature.name
    assert compose_report(report) == document


@pytest.mark.parametrize("numbers", [True, False], ids=["numbered headings", "heading styles only"])
def test_a_docx_made_by_pandoc_imports_with_its_footnote_and_outline(demo_report, pandoc_docx, numbers):
    data = pandoc_docx(seed_markdown(numbers=numbers))
    report = import_into(demo_report.term, "report.docx", data)
    document = compose_report(report)
    assert outline(document) == SEED_OUTLINE
    assert document.footnotes()[0].text.startswith("Đồng chí Trương Thiết Hùng")
    assert share_in_order(SEED.read_text(encoding="utf-8"), render_text(document)) >= 0.95


@pytest.mark.parametrize("numbers", [True, False], ids=["numbered headings", "heading styles only"])
def test_a_docx_made_by_libreoffice_imports_with_its_footnote_and_outline(
    demo_report, soffice, tmp_path, numbers
):
    source = tmp_path / "report.fodt"
    source.write_text(seed_fodt(numbers=numbers), encoding="utf-8")
    data = soffice(source, "docx:MS Word 2007 XML").read_bytes()
    report = import_into(demo_report.term, "report.docx", data)
    document = compose_report(report)
    assert outline(document) == SEED_OUTLINE
    assert document.footnotes()[0].text.startswith("Đồng chí Trương Thiết Hùng")
    assert share_in_order(SEED.read_text(encoding="utf-8"), render_text(document)) >= 0.95


def word_file(build) -> bytes:
    """A .docx written with python-docx's own template (its list and heading styles)."""
    word = docx.Document()
    build(word)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def test_word_numbering_and_bullet_lists_give_sections_items_and_lessons(demo_report):
    def build(word):
        word.add_paragraph("Mở đầu báo cáo.")
        word.add_paragraph("VỀ NHÂN SỰ BAN CHẤP HÀNH", style="Heading 1")
        word.add_paragraph("Nhân sự ổn định.")
        word.add_paragraph("KẾT QUẢ CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", style="Heading 1")
        word.add_paragraph("Công tác tổ chức", style="Heading 2")
        word.add_paragraph("Tổ chức tốt các hội nghị.", style="List Bullet")
        word.add_paragraph("Kiện toàn các tổ công đoàn.", style="List Bullet")
        word.add_paragraph("MỘT SỐ KINH NGHIỆM", style="Heading 1")
        word.add_paragraph("Bài học thứ nhất.", style="List Number")
        word.add_paragraph("Bài học thứ hai.", style="List Number")
        word.add_paragraph("Xin cảm ơn.")

    report = import_into(demo_report.term, "report.docx", word_file(build))
    document = compose_report(report)
    assert [(s.number, s.title) for s in document.sections()] == [
        ("I.", "VỀ NHÂN SỰ BAN CHẤP HÀNH"),
        ("II.", "KẾT QUẢ CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"),
        ("1.", "Công tác tổ chức"),
        ("III.", "MỘT SỐ KINH NGHIỆM"),
    ]
    assert [(p.style, p.text) for p in document.parts[1].children[0].blocks] == [
        ("bullet", "Tổ chức tốt các hội nghị."),
        ("bullet", "Kiện toàn các tổ công đoàn."),
    ]
    assert [(p.label, p.text) for p in document.parts[2].blocks] == [
        ("1.", "Bài học thứ nhất."),
        ("2.", "Bài học thứ hai."),
    ]
    assert [p.text for p in document.closing] == ["Xin cảm ơn."]


def test_a_damaged_docx_is_refused():
    good = word_file(lambda word: word.add_paragraph("I. VỀ NHÂN SỰ BAN CHẤP HÀNH"))
    with pytest.raises(ImportFailed) as failure:
        read_report("report.docx", good[: len(good) // 2])
    assert failure.value.code == "damaged"


def test_a_zip_that_is_not_a_word_document_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(ImportFailed) as failure:
        read_report("report.docx", out.getvalue())
    assert failure.value.code == "not_docx"


def test_a_password_protected_document_is_refused_with_its_reason():
    # Word saves an encrypted document as an OLE compound file holding "EncryptionInfo".
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512 + "EncryptionInfo".encode("utf-16-le")
    with pytest.raises(ImportFailed) as failure:
        read_report("report.docx", data)
    assert failure.value.code == "encrypted"


def test_an_old_word_document_is_refused_with_its_reason():
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512 + "WordDocument".encode("utf-16-le")
    with pytest.raises(ImportFailed) as failure:
        read_report("report.doc", data)
    assert failure.value.code == "legacy_doc"


def test_a_docx_holding_words_text_export_gets_its_footnotes_back(demo_report, soffice, tmp_path):
    source = tmp_path / "report.txt"
    source.write_bytes(SEED.read_bytes())
    data = soffice(source, "docx:MS Word 2007 XML").read_bytes()
    report = import_into(demo_report.term, "report.docx", data)
    document = compose_report(report)
    assert outline(document) == SEED_OUTLINE
    assert document.footnotes()[0].text.startswith("Đồng chí Trương Thiết Hùng")
    assert "footnoteRef" not in render_text(document)


def test_a_table_in_a_part_is_kept_whole_as_text_without_a_place(demo_report):
    def build(word):
        word.add_paragraph("KẾT QUẢ CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", style="Heading 1")
        word.add_paragraph("Công tác tổ chức", style="Heading 2")
        word.add_paragraph("Trước bảng.")
        table = word.add_table(rows=2, cols=2)
        for row, cells in zip(
            table.rows, [("Chỉ tiêu", "Kết quả"), ("12 đoàn viên mới", "đạt")], strict=True
        ):
            for cell, text in zip(row.cells, cells, strict=True):
                cell.text = text
        word.add_paragraph("Sau bảng.")

    imported = read_report("report.docx", word_file(build))
    area = imported.document.parts[0].children[0]
    assert (area.title, [p.text for p in area.blocks]) == ("Công tác tổ chức", ["Trước bảng.", "Sau bảng."])
    assert [(item.where, item.text) for item in imported.leftovers] == [
        ("KẾT QUẢ CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH: một bảng", "Chỉ tiêu | Kết quả\n12 đoàn viên mới | đạt")
    ]


def test_a_signature_table_beside_the_recipients_gives_the_signer_and_the_recipients():
    def build(word):
        word.add_paragraph("I. VỀ NHÂN SỰ BAN CHẤP HÀNH")
        word.add_paragraph("Nội dung.")
        table = word.add_table(rows=4, cols=2)
        rows = [
            ("Nơi nhận:", "TM. BAN CHẤP HÀNH"),
            ("- Liên đoàn Lao động huyện;", "CHỦ TỊCH"),
            ("- Lưu: VT.", ""),
            ("", "Trần Thị Thu Thủy"),
        ]
        for row, cells in zip(table.rows, rows, strict=True):
            for cell, text in zip(row.cells, cells, strict=True):
                cell.text = text

    imported = read_report("report.docx", word_file(build))
    signature = imported.document.signature
    assert (signature.on_behalf, signature.title, signature.name) == (
        "TM. BAN CHẤP HÀNH",
        "CHỦ TỊCH",
        "Trần Thị Thu Thủy",
    )
    assert imported.document.recipients == ("Liên đoàn Lao động huyện;", "Lưu: VT.")
    assert imported.leftovers == ()
