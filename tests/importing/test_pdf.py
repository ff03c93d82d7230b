"""PDF files, and text copied from one: lines joined again into paragraphs, pages' furniture dropped."""

import datetime
import io
import re
from pathlib import Path

import docx
import pypdf
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from tests.importing.test_text import share_in_order
from tests.importing.test_views import payload_of
from unionreports.document import Footnote
from unionreports.importing import limits, pdf
from unionreports.importing.lines import ImportFailed
from unionreports.importing.reflow import looks_like_pdf_copy, reflow
from unionreports.importing.services import read_report, source_lines
from unionreports.importing.text import text_lines
from unionreports.rendering.pdf import render_pdf
from unionreports.rendering.text import render_text
from unionreports.reports.compose import compose_report
from unionreports.reports.models import Report

DATA = Path(__file__).resolve().parent.parent / "data"
COPY = DATA / "pdf" / "ban-sao-tu-pdf.txt"
PDF = DATA / "pdf" / "bao-cao-kiem-diem.pdf"
SOURCE = DATA / "pdf" / "bao-cao-kiem-diem.docx"


def paragraphs(text: str) -> list[str]:
    return [paragraph for _indices, paragraph in reflow(text.split("\n")).paragraphs]


def test_a_copied_pdf_is_joined_into_its_paragraphs_and_its_structure_kept():
    found = paragraphs(COPY.read_text(encoding="utf-8"))
    # The subject broken before its term is one line again.
    assert found[2:6] == [
        "Số: 12/BC-CĐCS",
        "Hà Tĩnh, ngày 15 tháng 6 năm 2023",
        "BÁO CÁO",
        "KIỂM ĐIỂM HOẠT ĐỘNG CỦA BAN CHẤP HÀNH CÔNG ĐOÀN CƠ SỞ NHIỆM KỲ 2017 - 2023",
    ]
    assert found[6] == (
        "Thực hiện Kế hoạch số 45/KH-CĐVC ngày 10 tháng 3 năm 2023 của Công đoàn Viên chức tỉnh về tổ "
        "chức đại hội công đoàn cơ sở, Ban Chấp hành Công đoàn cơ sở Sở Tư pháp báo cáo kiểm điểm hoạt "
        "động nhiệm kỳ 2017 - 2023 như sau:"
    )
    assert "1. Thuận lợi" in found and "2. Khó khăn" in found and "I. ĐẶC ĐIỂM TÌNH HÌNH" in found
    assert (
        "- Được sự quan tâm lãnh đạo, chỉ đạo của Đảng ủy, Ban Giám đốc Sở và sự hướng dẫn kịp thời "
        "của Công đoàn Viên chức tỉnh." in found
    )
    assert found[-3:] == ["TM. BAN CHẤP HÀNH", "CHỦ TỊCH", "Nguyễn Thị Hoa"]
    # Page numbers and the running header are gone; the union's name heading page 1 stays.
    assert not [p for p in found if re.fullmatch(r"- \d+ -", p)]
    assert not [p for p in found if p == "CÔNG ĐOÀN CƠ SỞ SỞ TƯ PHÁP"]
    assert found[1].startswith("CÔNG ĐOÀN CƠ SỞ SỞ TƯ PHÁP")


def test_a_syllable_split_by_the_line_end_is_mended():
    found = " ".join(paragraphs(COPY.read_text(encoding="utf-8")))
    assert "Ban Chấp hành đã giới thiệu 3 đoàn viên" in found  # "hà-" / "nh"
    assert "công tác kiểm tra của công đoàn còn ít." in found  # "đoà" / "n"


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["Ban Chấp hà-", "nh đã họp"], "Ban Chấp hành đã họp"),
        (["của công đoà", "n cơ sở"], "của công đoàn cơ sở"),
        (["phát triển kinh tế -", "xã hội của tỉnh"], "phát triển kinh tế - xã hội của tỉnh"),
        (["nhiệm kỳ 2017-", "2022 đã qua"], "nhiệm kỳ 2017-2022 đã qua"),
        (["tình anh", "em đồng chí"], "tình anh em đồng chí"),  # two syllables: not mended
        (["hoạt động của tổ chức", "công đoàn"], "hoạt động của tổ chức công đoàn"),
        # Words that start a block only as written in a header or a heading go on a sentence.
        (["tổng", "số đoàn viên là 86"], "tổng số đoàn viên là 86"),
        (["thực hiện các", "mục tiêu: đoàn kết"], "thực hiện các mục tiêu: đoàn kết"),
        (
            [
                "Tặng quà cho đoàn viên ốm đau, gia đình có hoàn cảnh khó khăn với tổng số tiền",
                "45.600.000 đồng.",
            ],
            "Tặng quà cho đoàn viên ốm đau, gia đình có hoàn cảnh khó khăn với tổng số tiền 45.600.000 đồng.",
        ),
        (
            ["theo Kế hoạch của Công đoàn Viên chức tỉnh", "ngày 10 tháng 3 năm 2023"],
            "theo Kế hoạch của Công đoàn Viên chức tỉnh ngày 10 tháng 3 năm 2023",
        ),
    ],
)
def test_words_across_a_line_end(lines, joined):
    text = "\n".join(["Đoạn mở đầu của báo cáo được viết đủ dài để chiếm cả một dòng của trang in.", *lines])
    assert paragraphs(text)[-1] == joined


@pytest.mark.parametrize("number", ["2", "- 2 -", "Trang 2", "2/7", "Trang 2/7", "– 12 –"])
def test_a_page_number_alone_on_its_line_is_dropped(number):
    text = COPY.read_text(encoding="utf-8").replace("- 2 -", number)
    assert number not in paragraphs(text)
    assert "- 2 -" not in " ".join(paragraphs(text))


def test_list_items_headings_and_lettered_points_keep_their_lines():
    text = "\n".join(
        [
            "Trong nhiệm kỳ, Ban Chấp hành đã lãnh đạo thực hiện các nhiệm vụ trọng tâm sau đây",
            "a) Chăm lo đời sống đoàn viên",
            "(1) Tuyên truyền, giáo dục đoàn viên",
            "+ Tổ chức hội thi",
            "• Tặng quà ngày Tết",
            "IV. PHƯƠNG HƯỚNG NHIỆM KỲ TỚI",
            "2.1. Về tổ chức",
        ]
    )
    assert paragraphs(text) == text.split("\n")


# The corpus's copies of PDFs are PDF copies, and its legacy copies are not read as Unicode.
TYPED = sorted(p for p in DATA.rglob("*.txt") if not p.name.endswith((".pdf.txt", ".tcvn3.txt", ".vni.txt")))


@pytest.mark.parametrize("path", TYPED, ids=lambda path: path.name)
def test_files_typed_a_paragraph_a_line_are_not_taken_for_pdf_copies(path):
    if path == COPY:
        pytest.skip("the PDF copy itself")
    assert not looks_like_pdf_copy(path.read_text(encoding="utf-8").split("\n"))


def test_a_copied_pdf_in_a_text_file_imports_with_its_notice():
    imported = read_report("bao-cao.txt", COPY.read_bytes())
    assert imported.notices == ("pdf_copy",)
    assert [part.title for part in imported.document.parts] == [
        "ĐẶC ĐIỂM TÌNH HÌNH",
        "KẾT QUẢ THỰC HIỆN NHIỆM VỤ NHIỆM KỲ 2017 - 2023",
        "NHỮNG TỒN TẠI, HẠN CHẾ",
    ]
    assert imported.number == 12
    assert imported.document.signature.name == "Nguyễn Thị Hoa"


def test_a_copied_pdf_pasted_in_word_a_line_a_paragraph_is_joined_too():
    document = docx.Document()
    for line in COPY.read_text(encoding="utf-8").split("\n"):
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    imported = read_report("bao-cao.docx", out.getvalue())
    assert imported.notices == ("pdf_copy",)
    texts = [p.text for p in imported.document.paragraphs()]
    assert any(
        t.startswith("Công đoàn cơ sở Sở Tư pháp có 5 công đoàn bộ phận") and t.endswith("được giao.")
        for t in texts
    )


def source_text() -> str:
    return "\n".join(p.text for p in docx.Document(SOURCE).paragraphs)


def test_a_pdf_reads_its_words_in_order():
    imported = read_report(PDF.name, PDF.read_bytes())
    assert imported.notices == ("pdf",)
    text = "\n".join(source_lines(PDF.read_bytes()))
    assert share_in_order(source_text(), text) >= 0.97


@pytest.mark.django_db
def test_the_command_imports_a_pdf_into_its_parts_and_tells_what_was_done(demo_report, capsys):
    call_command("import_report", str(PDF), "--term", str(demo_report.term.pk))
    report = Report.objects.latest("id")
    out = capsys.readouterr().out
    assert f"report /reports/{report.pk}/" in out
    assert "PDF" in out
    titles = list(report.sections.filter(parent=None).order_by("position").values_list("title", flat=True))
    assert titles == [
        "VỀ NHÂN SỰ BAN CHẤP HÀNH",
        "KẾT QUẢ CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
        "HẠN CHẾ, KHUYẾT ĐIỂM VÀ NGUYÊN NHÂN",
        "MỘT SỐ KINH NGHIỆM",
    ]
    assert report.number == 7


@pytest.mark.django_db
def test_the_web_import_previews_a_pdf_with_its_notice_and_saves_it(client, secretary, demo_report):
    organization, term = demo_report.term.organization, demo_report.term
    client.force_login(secretary)
    url = reverse("importing:upload", args=[organization.pk])
    response = client.post(url, {"term": term.pk, "file": SimpleUploadedFile(PDF.name, PDF.read_bytes())})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Văn bản được đọc từ tệp PDF" in page
    assert "MỘT SỐ KINH NGHIỆM" in page
    before = Report.objects.count()
    saved = client.post(
        reverse("importing:confirm", args=[organization.pk]),
        {"payload": payload_of(response), "number": "7", "date": "20/06/2022"},
    )
    assert saved.status_code == 302
    assert Report.objects.count() == before + 1
    report_page = client.get(saved["Location"]).content.decode()
    assert "Phải nghiêm túc thực hiện tốt quy chế làm việc" in report_page


@pytest.mark.django_db
def test_a_copied_pdf_uploaded_shows_its_notice(client, secretary, demo_report):
    organization, term = demo_report.term.organization, demo_report.term
    client.force_login(secretary)
    url = reverse("importing:upload", args=[organization.pk])
    response = client.post(
        url, {"term": term.pk, "file": SimpleUploadedFile("bao-cao.txt", COPY.read_bytes())}
    )
    assert "Văn bản có vẻ được sao chép từ PDF" in response.content.decode()


def blank_pdf(pages: int, password: str = "") -> bytes:
    writer = pypdf.PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    if password:
        writer.encrypt(password, algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (blank_pdf(3), "scanned"),
        (blank_pdf(400), "too_many_pages"),
        (PDF.read_bytes()[: len(PDF.read_bytes()) // 3], "damaged"),
        (b"%PDF-1.7\n" + b"0" * 5000, "damaged"),
        (b"GIF89a not a pdf", "not_pdf"),
    ],
)
def test_a_pdf_that_cannot_be_read_gets_its_reason(data, code):
    with pytest.raises(ImportFailed) as failure:
        read_report("bao-cao.pdf", data)
    assert failure.value.code == code


def test_a_password_protected_pdf_gets_its_reason():
    with pytest.raises(ImportFailed) as failure:
        read_report("bao-cao.pdf", blank_pdf(1, password="bí mật"))
    assert failure.value.code == "encrypted"


@pytest.mark.django_db
def test_a_scanned_pdf_gets_a_vietnamese_message_not_an_error_page(client, secretary, demo_report):
    organization, term = demo_report.term.organization, demo_report.term
    client.force_login(secretary)
    url = reverse("importing:upload", args=[organization.pk])
    response = client.post(url, {"term": term.pk, "file": SimpleUploadedFile("scan.pdf", blank_pdf(2))})
    assert response.status_code == 200
    assert "bản quét" in response.content.decode()


@pytest.mark.django_db
def test_the_command_refuses_a_scanned_pdf_with_its_message(demo_report, tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(blank_pdf(2))
    with pytest.raises(CommandError, match="bản quét"):
        call_command("import_report", str(path), "--term", str(demo_report.term.pk))


def pdf_with_contents(contents: bytes, pages: int = 1) -> bytes:
    """A PDF whose pages draw `contents`, compressed."""
    writer = pypdf.PdfWriter()
    stream = DecodedStreamObject()
    stream.set_data(contents)
    reference = writer._add_object(stream.flate_encode())
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    resources = DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})})
    for _ in range(pages):
        page = writer.add_blank_page(width=595, height=842)
        page[NameObject("/Contents")] = reference
        page[NameObject("/Resources")] = resources
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_page_that_unpacks_to_gigabytes_is_refused_before_it_is_read():
    data = pdf_with_contents(b"BT /F1 12 Tf " + b" " * (64 * 1024 * 1024) + b"(x) Tj ET")
    assert len(data) < 200_000
    with pytest.raises(ImportFailed) as failure:
        read_report("bom.pdf", data)
    assert failure.value.code == "too_large"


LINE = b"(Bao cao kiem diem cua Ban Chap hanh) Tj T* "


def test_pages_drawing_more_text_than_a_report_holds_are_refused(monkeypatch):
    monkeypatch.setattr(limits, "CHARACTERS", 20_000)
    data = pdf_with_contents(b"BT /F1 12 Tf 14 TL " + LINE * 100 + b"ET", pages=limits.PDF_PAGES)
    with pytest.raises(ImportFailed) as failure:
        read_report("long.pdf", data)
    assert failure.value.code == "too_long"


def test_a_page_drawing_more_than_a_page_can_is_refused(monkeypatch):
    monkeypatch.setitem(pdf.LIMITS, "stream_parsing_work_maximum_count", 1_000)
    data = pdf_with_contents(b"BT /F1 12 Tf 14 TL " + LINE * 1_000 + b"ET")
    with pytest.raises(ImportFailed) as failure:
        read_report("dense.pdf", data)
    assert failure.value.code == "too_large"


def test_a_pdf_is_read_in_a_bounded_time(monkeypatch):
    """Reading stops once the time is up (checked between pages), with its message."""
    monkeypatch.setattr(limits, "PDF_SECONDS", -1)
    with pytest.raises(ImportFailed) as failure:
        read_report(PDF.name, PDF.read_bytes())
    assert failure.value.code == "too_slow"


@pytest.mark.django_db
def test_a_report_printed_to_pdf_by_the_app_reads_back_into_its_parts(demo_report):
    document = compose_report(Report.objects.with_document_data().get(pk=demo_report.pk))
    imported = read_report("bao-cao.pdf", render_pdf(document, draft=False))
    assert imported.notices == ("pdf",)
    assert [(s.number, s.title) for s in imported.document.sections()] == [
        (s.number, s.title) for s in document.sections()
    ]
    assert (imported.number, imported.date) == (3, datetime.date(2023, 3, 5))
    assert imported.document.signature.name == document.signature.name
    ours = render_text(imported.document, draft=False)
    assert share_in_order(render_text(document, draft=False), ours) >= 0.97


def test_a_running_footer_with_the_page_number_in_it_is_dropped():
    text = COPY.read_text(encoding="utf-8")
    for n in (1, 2, 3):
        text = text.replace(f"- {n} -", f"Báo cáo kiểm điểm BCH nhiệm kỳ 2017 - 2023 – Trang {n}/3\n- {n} -")
    found = paragraphs(text)
    assert not [p for p in found if "Trang" in p]
    assert found[-3:] == ["TM. BAN CHẤP HÀNH", "CHỦ TỊCH", "Nguyễn Thị Hoa"]


LAYOUT_COPY = """\
  LIÊN ĐOÀN LAO ĐỘNG HUYỆN ĐỨC             CỘNG HÒA XÃ HỘI CHỦ NGHĨA
            THỌ                                       VIỆT NAM

 CÔNG ĐOÀN CƠ SỞ TRƯỜNG TIỂU                  Độc lập - Tự do - Hạnh phúc
   HỌC THỊ TRẤN ĐỨC THỌ
                                          Đức Thọ, ngày 15 tháng 5 năm 2023
          Số: 02/BC-CĐCS

                                BÁO CÁO
     Kiểm điểm trách nhiệm của Ban Chấp hành Công đoàn cơ sở nhiệm kỳ 2018 – 2023

I. VỀ NHÂN SỰ BAN CHẤP HÀNH
Đại hội Công đoàn cơ sở nhiệm kỳ 2018 – 2023 đã bầu Ban Chấp hành gồm 05 đồng chí; trong
nhiệm kỳ có 01 đồng chí chuyển công tác và Công đoàn cấp trên đã chỉ định bổ sung 01 đồng
chí, nên đến cuối nhiệm kỳ Ban Chấp hành vẫn có đủ 05 đồng chí tham gia sinh hoạt đều đặn
theo quy chế làm việc của Ban Chấp hành đã được thông qua tại phiên họp thứ nhất.
II. KẾT QUẢ LÃNH ĐẠO, CHỈ ĐẠO
Ban Chấp hành đã phối hợp với Ban Giám hiệu phát động thi đua theo từng đợt gắn với các
ngày lễ lớn; toàn thể đoàn viên đăng ký danh hiệu thi đua đầu năm học và tham gia đầy đủ
các hoạt động do Công đoàn tổ chức, góp phần hoàn thành tốt nhiệm vụ năm học của trường.
                                           2
Trên đây là báo cáo kiểm điểm của Ban Chấp hành Công đoàn cơ sở nhiệm kỳ 2018 – 2023.

Nơi nhận:                                           TM. BAN CHẤP HÀNH
- LĐLĐ huyện Đức Thọ;                                   CHỦ TỊCH
- Lưu: VT.
                                                    Trần Thị Thu Thủy
"""


def test_a_pdf_copied_with_its_layout_has_its_header_and_signature_read_a_column_at_a_time():
    document = read_report("bao-cao.txt", LAYOUT_COPY.encode()).document
    assert (document.header.superior, document.header.issuer) == (
        "LIÊN ĐOÀN LAO ĐỘNG HUYỆN ĐỨC THỌ",
        "CÔNG ĐOÀN CƠ SỞ TRƯỜNG TIỂU HỌC THỊ TRẤN ĐỨC THỌ",
    )
    assert document.header.date_line == "Đức Thọ, ngày 15 tháng 5 năm 2023"
    assert document.subject == "Kiểm điểm trách nhiệm của Ban Chấp hành Công đoàn cơ sở nhiệm kỳ 2018 – 2023"
    assert document.recipients == ("LĐLĐ huyện Đức Thọ;", "Lưu: VT.")
    signature = document.signature
    assert (signature.on_behalf, signature.title, signature.name) == (
        "TM. BAN CHẤP HÀNH",
        "CHỦ TỊCH",
        "Trần Thị Thu Thủy",
    )


@pytest.mark.parametrize("glyph", ["\uf0b7", "\uf0a7", "\uf076", "\uf0d8", "▪", "■", "●", "◦", "❖", "➢"])
def test_a_bullet_of_the_symbol_font_or_a_typed_glyph_marks_a_list_item(glyph):
    text = "\n".join(
        [
            "II. KẾT QUẢ CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
            "Các hoạt động chính:",
            f"{glyph} Phối hợp với Ban Giám hiệu phát động thi đua.",
            f"{glyph}Tặng quà ngày Tết cho đoàn viên.",
        ]
    )
    part = read_report("report.txt", text.encode()).document.parts[0]
    assert [(p.style, p.text) for p in part.blocks] == [
        ("body", "Các hoạt động chính:"),
        ("bullet", "Phối hợp với Ban Giám hiệu phát động thi đua."),
        ("bullet", "Tặng quà ngày Tết cho đoàn viên."),
    ]


def test_a_line_of_a_pdf_going_on_with_a_figure_is_joined():
    lines = [
        "• Phối hợp với Ban Giám hiệu phát động thi đua theo từng đợt gắn với các ngày lễ lớn;",
        "100% đoàn viên đăng ký danh hiệu thi đua đầu năm học.",
        "• Có 18 lượt giáo viên đạt giáo viên dạy giỏi cấp huyện.",
    ]
    assert paragraphs("\n".join(lines)) == [f"{lines[0]} {lines[1]}", lines[2]]


def test_a_footnote_at_the_foot_of_a_pdfs_page_is_put_back_where_it_was_called():
    text = "\n".join(
        [
            "II. KẾT QUẢ CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
            "• Tổ chức thăm hỏi đoàn viên ốm đau, hỗ trợ 02 đoàn viên sửa chữa nhà ở1.",
            "• Tặng quà cho 12 cháu là con đoàn viên.",
            "1 Mỗi trường hợp được hỗ trợ 10.000.000 đồng từ quỹ “Mái ấm Công đoàn” của Liên",
            "đoàn Lao động huyện.",
            "2",
            "III. HẠN CHẾ",
            "Có 3 đoàn viên chưa tham gia đầy đủ.",
        ]
    )
    lines, _reflowed = text_lines(text, markdown=False, pdf=True)
    assert [line.text for line in lines] == [
        "II. KẾT QUẢ CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
        "- Tổ chức thăm hỏi đoàn viên ốm đau, hỗ trợ 02 đoàn viên sửa chữa nhà ở.",
        "- Tặng quà cho 12 cháu là con đoàn viên.",
        "III. HẠN CHẾ",
        "Có 3 đoàn viên chưa tham gia đầy đủ.",
    ]
    assert [part.text for part in lines[1].content if isinstance(part, Footnote)] == [
        "Mỗi trường hợp được hỗ trợ 10.000.000 đồng từ quỹ “Mái ấm Công đoàn” của Liên đoàn Lao động huyện."
    ]


def test_a_line_starting_with_a_number_never_called_stays_in_the_text():
    text = "Ban Chấp hành gồm các đồng chí sau đây:\n1  Nguyễn Văn An\n2  Trần Thị Bình\n3"
    lines, _reflowed = text_lines(text, markdown=False, pdf=True)
    assert [line.text for line in lines] == [
        "Ban Chấp hành gồm các đồng chí sau đây:",
        "1 Nguyễn Văn An",
        "2 Trần Thị Bình",
    ]


def test_a_title_broken_before_its_years_is_joined_again():
    lines = [
        "PHẦN THỨ NHẤT: KẾT QUẢ HOẠT ĐỘNG NHIỆM KỲ 2017 – ",
        "2022",
        "PHẦN THỨ HAI: PHƯƠNG HƯỚNG, NHIỆM VỤ NHIỆM KỲ ",
        "2022 – 2027",
        "Tiếp tục đổi mới nội dung hoạt động.",
    ]
    assert paragraphs("\n".join(lines)) == [
        "PHẦN THỨ NHẤT: KẾT QUẢ HOẠT ĐỘNG NHIỆM KỲ 2017 – 2022",
        "PHẦN THỨ HAI: PHƯƠNG HƯỚNG, NHIỆM VỤ NHIỆM KỲ 2022 – 2027",
        "Tiếp tục đổi mới nội dung hoạt động.",
    ]


def test_a_range_of_years_broken_at_its_dash_is_not_read_as_a_list_item():
    lines = [
        "Tổng kết hoạt động Công đoàn Bệnh viện Đa khoa huyện Yên Thành nhiệm kỳ 2017",
        "– 2022 và phương hướng, nhiệm vụ nhiệm kỳ 2023 – 2028",
        "– Tổ chức hội thi cho đoàn viên.",
    ]
    assert paragraphs("\n".join(lines)) == [f"{lines[0]} {lines[1]}", lines[2]]


def test_the_letter_o_of_a_second_level_bullet_marks_an_item_in_a_pdf():
    text = "Các hoạt động chính:\no Tổ chức hội thi cho đoàn viên.\no Tặng quà ngày Tết."
    lines, _reflowed = text_lines(text, markdown=False, pdf=True)
    assert [line.text for line in lines] == [
        "Các hoạt động chính:",
        "- Tổ chức hội thi cho đoàn viên.",
        "- Tặng quà ngày Tết.",
    ]
