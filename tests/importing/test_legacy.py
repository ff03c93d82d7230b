"""Text in TCVN3 (ABC) and VNI: the tables, both ways, and files in them read as Unicode."""

import io
import re
import unicodedata
import zipfile
from pathlib import Path

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from unionreports.importing.services import read_report, source_lines
from unionreports.lib.legacy_vietnamese import LETTERS, from_tcvn3, from_vni, to_tcvn3, to_vni

DATA = Path(__file__).resolve().parent.parent / "data"
ALPHABET = LETTERS + LETTERS.upper()
REPORT = """CÔNG ĐOÀN VIÊN CHỨC TỈNH HÀ TĨNH
Số: 03/BC-CĐCS
Hà Tĩnh, ngày 12 tháng 5 năm 2022
BÁO CÁO
KIỂM ĐIỂM CỦA BAN CHẤP HÀNH NHIỆM KỲ 2017 - 2022
I. VỀ NHÂN SỰ BAN CHẤP HÀNH
Đại hội đã bầu Ban Chấp hành gồm 7 đồng chí; trong nhiệm kỳ có 02 đồng chí chuyển công tác.
II. KẾT QUẢ CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH
Ban Chấp hành đã phối hợp với thủ trưởng cơ quan chăm lo đời sống, bảo vệ quyền lợi hợp pháp của đoàn viên.
- Tổ chức thăm hỏi đoàn viên ốm đau, gia đình có hoàn cảnh khó khăn.
TM. BAN CHẤP HÀNH
CHỦ TỊCH
Nguyễn Văn An
"""


def test_the_134_letters_have_a_code_in_each_table():
    assert len(ALPHABET) == len(set(ALPHABET)) == 134


@pytest.mark.parametrize("letter", ALPHABET)
def test_every_letter_goes_to_vni_and_back(letter):
    code = to_vni(letter)
    assert code != letter or letter in "ìíÌÍ"
    assert from_vni(code) == letter
    assert from_vni(f"x{code}y") == f"x{letter}y"


@pytest.mark.parametrize("letter", ALPHABET)
def test_every_letter_goes_to_tcvn3_and_back_capitals_in_the_capitals_font(letter):
    code = to_tcvn3(letter)
    assert len(code) == 1 and (code != letter or letter == "ý")  # TCVN3 keeps ý where Windows has it
    if letter.islower() or letter in "ĂÂĐÊÔƠƯ":
        assert from_tcvn3(code) == letter
    else:  # a capital with a tone mark is the lower-case byte set in .VnTimeH
        assert from_tcvn3(code, capitals=True) == letter


def test_known_words_in_each_encoding():
    assert from_tcvn3("B¸o c¸o kiÓm ®iÓm cña Ban ChÊp hµnh") == "Báo cáo kiểm điểm của Ban Chấp hành"
    assert from_vni("Baùo caùo kieåm ñieåm cuûa Ban Chaáp haønh") == "Báo cáo kiểm điểm của Ban Chấp hành"
    assert to_vni("Công đoàn cơ sở ước lượng") == "Coâng ñoaøn cô sôû öôùc löôïng"


def tcvn3_bytes(text: str) -> bytes:
    """The file a word processor writes for text typed in .VnTime (capitals in .VnTimeH)."""
    return to_tcvn3(text).encode("cp1252")


def capitals_of(document) -> list[str]:
    return [f"{part.number} {part.title}" for part in document.parts]


@pytest.mark.parametrize(
    ("name", "data", "notice"),
    [
        ("bao-cao.txt", to_vni(REPORT).encode("cp1252"), "vni"),
        ("bao-cao.txt", to_vni(REPORT).encode("utf-8"), "vni"),  # pasted into Notepad, saved as UTF-8
        ("bao-cao.txt", tcvn3_bytes(REPORT), "tcvn3"),
        ("bao-cao.txt", to_tcvn3(REPORT).encode("utf-8"), "tcvn3"),
    ],
)
def test_a_text_file_in_a_legacy_encoding_reads_as_unicode(name, data, notice):
    imported = read_report(name, data)
    assert imported.notices == (notice,)
    document = imported.document
    assert [part.title.casefold() for part in document.parts] == [
        "về nhân sự ban chấp hành",
        "kết quả công tác chỉ đạo, điều hành",
    ]
    text = "\n".join(source_lines(data))
    assert "Ban Chấp hành gồm 7 đồng chí; trong nhiệm kỳ có 02 đồng chí chuyển công tác." in text
    assert "Nguyễn Văn An" in text
    assert "Số: 03/BC-CĐCS" in text
    assert imported.document.signature.name == "Nguyễn Văn An"


def test_a_line_typed_in_capitals_in_tcvn3_stays_in_capitals():
    # Caps Lock in .VnTime: the ASCII letters are capitals, the others the lower-case bytes.
    line = "".join(ch if ch.isascii() else to_tcvn3(ch) for ch in "I. VỀ NHÂN SỰ BAN CHẤP HÀNH")
    data = tcvn3_bytes(REPORT).replace(tcvn3_bytes("I. VỀ NHÂN SỰ BAN CHẤP HÀNH"), line.encode("cp1252"))
    assert read_report("r.txt", data).document.parts[0].title == "VỀ NHÂN SỰ BAN CHẤP HÀNH"


def cp1258(text: str) -> bytes:
    """Windows' Vietnamese code page: a tone mark is a character of its own after its letter."""
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFD", ch)
            tone = "".join(mark for mark in decomposed if mark in "\u0300\u0301\u0303\u0309\u0323")
            base = unicodedata.normalize("NFC", "".join(mark for mark in decomposed if mark not in tone))
            out += (base + tone).encode("cp1258")
    return out


def test_windows_vietnamese_code_page_is_read_not_converted():
    data = cp1258(REPORT)
    imported = read_report("bao-cao.txt", data)
    assert imported.notices == ("cp1258",)
    assert imported.document.parts[0].title == "VỀ NHÂN SỰ BAN CHẤP HÀNH"


# The corpus's legacy copies are what is converted; every other text file is Unicode.
UNICODE_FILES = sorted(p for p in DATA.rglob("*.txt") if not p.name.endswith((".tcvn3.txt", ".vni.txt")))


@pytest.mark.parametrize("path", UNICODE_FILES, ids=lambda path: path.name)
def test_unicode_files_are_never_converted(path):
    data = path.read_bytes()
    text = data.decode("utf-8")
    assert source_lines(data) == text.replace("\r\n", "\n").split("\n") or "\x0c" in text
    try:
        imported = read_report(path.name, data)
    except Exception:  # some files of the data are not whole reports; what matters is no conversion
        return
    assert not {"tcvn3", "vni", "cp1258"} & set(imported.notices)


def test_unicode_with_every_letter_is_not_converted():
    data = (REPORT + " ".join(ALPHABET) + "\n").encode("utf-8")
    assert "tcvn3" not in read_report("r.txt", data).notices
    assert "vni" not in read_report("r.txt", data).notices


def legacy_docx(runs) -> bytes:
    """A Word file: each paragraph a list of (text, font) runs; a font of None sets none."""
    document = docx.Document()
    for paragraph_runs in runs:
        paragraph = document.add_paragraph()
        for text, font in paragraph_runs:
            run = paragraph.add_run(text)
            if font:
                run.font.name = font
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def report_runs(encode, font, capitals_font):
    runs = []
    for line in REPORT.strip().split("\n"):
        if line.isupper():
            runs.append([(encode(line.lower()) if capitals_font else encode(line), capitals_font or font)])
        else:
            runs.append([(encode(line), font)])
    return runs


@pytest.mark.parametrize(
    ("encode", "font", "capitals_font", "notice"),
    [
        (to_tcvn3, ".VnTime", ".VnTimeH", "tcvn3"),
        (to_vni, "VNI-Times", None, "vni"),
    ],
)
def test_a_word_file_in_legacy_fonts_reads_as_unicode(encode, font, capitals_font, notice):
    data = legacy_docx(report_runs(encode, font, capitals_font))
    imported = read_report("bao-cao.docx", data)
    assert imported.notices == (notice,)
    assert capitals_of(imported.document) == [
        "I. VỀ NHÂN SỰ BAN CHẤP HÀNH",
        "II. KẾT QUẢ CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
    ]
    assert imported.document.signature.name == "Nguyễn Văn An"
    assert "Nguyễn Văn An" in source_lines(data)


def test_only_the_runs_in_legacy_fonts_of_a_mixed_word_file_are_converted():
    runs = [[(line, "Times New Roman")] for line in REPORT.strip().split("\n")]
    runs[6] = [
        ("Đại hội đã bầu ", "Times New Roman"),
        (to_tcvn3("Ban Chấp hành gồm 7 đồng chí"), ".VnTime"),
        ("; rõ.", None),
    ]
    runs[8] = [(to_vni("Ban Chấp hành đã phối hợp"), "VNI-Times"), (" với thủ trưởng cơ quan.", "Arial")]
    imported = read_report("bao-cao.docx", legacy_docx(runs))
    assert set(imported.notices) == {"tcvn3", "vni"}
    text = "\n".join(p.text for p in imported.document.paragraphs())
    assert "Đại hội đã bầu Ban Chấp hành gồm 7 đồng chí; rõ." in text
    assert "Ban Chấp hành đã phối hợp với thủ trưởng cơ quan." in text


def test_a_font_set_by_the_style_decides_too():
    document = docx.Document()
    document.styles["Normal"].font.name = ".VnTime"
    for line in REPORT.strip().split("\n"):
        if line.isupper():  # capitals: the run in the capitals font, the paragraph's style the rest
            document.add_paragraph().add_run(to_tcvn3(line.lower())).font.name = ".VnTimeH"
        else:
            document.add_paragraph(to_tcvn3(line))
    out = io.BytesIO()
    document.save(out)
    imported = read_report("bao-cao.docx", out.getvalue())
    assert imported.notices == ("tcvn3",)
    assert "Ban Chấp hành gồm 7 đồng chí" in "\n".join(p.text for p in imported.document.paragraphs())


def test_unicode_typed_in_a_legacy_font_is_left_as_it_is():
    runs = [[(line, ".VnTime")] for line in REPORT.strip().split("\n")]
    imported = read_report("bao-cao.docx", legacy_docx(runs))
    assert imported.notices == ()
    assert imported.document.signature.name == "Nguyễn Văn An"


@pytest.mark.django_db
def test_the_preview_and_the_command_say_the_text_was_converted(
    client, secretary, demo_report, tmp_path, capsys
):
    organization, term = demo_report.term.organization, demo_report.term
    client.force_login(secretary)
    data = tcvn3_bytes(REPORT)
    response = client.post(
        reverse("importing:upload", args=[organization.pk]),
        {"term": term.pk, "file": SimpleUploadedFile("bao-cao.txt", data)},
    )
    page = response.content.decode()
    assert "Văn bản dùng bảng mã TCVN3 (ABC) và đã được chuyển sang Unicode." in page
    assert "VỀ NHÂN SỰ BAN CHẤP HÀNH" in page
    path = tmp_path / "bao-cao.txt"
    path.write_bytes(to_vni(REPORT).encode("cp1252"))
    call_command("import_report", str(path), "--term", str(term.pk))
    assert "note: Văn bản dùng bảng mã VNI và đã được chuyển sang Unicode." in capsys.readouterr().out


def test_a_pdf_printed_from_a_word_file_in_tcvn3_fonts_reads_as_unicode(tmp_path, soffice):
    """Capitals typed with Caps Lock (a PDF does not tell which font was the capitals font)."""
    source = tmp_path / "bao-cao.docx"
    source.write_bytes(legacy_docx([[(to_tcvn3(line), ".VnTime")] for line in REPORT.strip().split("\n")]))
    imported = read_report("bao-cao.pdf", soffice(source, "pdf").read_bytes())
    assert set(imported.notices) == {"pdf", "tcvn3"}
    assert imported.document.signature.name == "Nguyễn Văn An"
    assert [part.title.casefold() for part in imported.document.parts] == [
        "về nhân sự ban chấp hành",
        "kết quả công tác chỉ đạo, điều hành",
    ]


def test_a_footnote_in_a_legacy_font_is_converted_too(demo_report):
    from unionreports.rendering.docx import render_docx
    from unionreports.reports.compose import compose_report
    from unionreports.reports.models import Report

    data = render_docx(compose_report(Report.objects.with_document_data().get(pk=demo_report.pk)))
    package = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as copy:
        for info in package.infolist():
            content = package.read(info)
            if info.filename in ("word/document.xml", "word/footnotes.xml"):
                xml = content.decode()
                # Every run in .VnTime, its text in TCVN3.
                xml = re.sub(r"<w:rFonts [^>]*/>", "", xml)
                xml = xml.replace(
                    "<w:r>", '<w:r><w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/></w:rPr>'
                )
                xml = re.sub(
                    r"(<w:t(?: [^>]*)?>)([^<]*)", lambda m: m.group(1) + to_tcvn3(m.group(2).lower()), xml
                )
                content = xml.encode()
            copy.writestr(info, content)
    imported = read_report("bao-cao.docx", out.getvalue())
    assert "tcvn3" in imported.notices
    notes = [note.text for note in imported.document.footnotes()]
    assert any("đồng chí trương thiết hùng" in note for note in notes)
