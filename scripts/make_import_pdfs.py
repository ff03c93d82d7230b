"""Makes the PDF the import tests read: a report in Word, printed to PDF by LibreOffice.

    .venv/bin/python scripts/make_import_pdfs.py

writes tests/data/pdf/bao-cao-kiem-diem.docx and .pdf (committed: LibreOffice's output varies a
little between versions, and the tests should read one file). The body is the seed report's
text less its footnotes; each page is headed by the union's name and numbered at its foot, as
reports are printed.
"""

import re
import subprocess
import tempfile
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests/data/bao-cao-kiem-diem-bch-2017-2022.txt"
OUT = ROOT / "tests/data/pdf"
RUNNING_HEADER = "CÔNG ĐOÀN CƠ SỞ BAN TỔ CHỨC TỈNH ỦY"
HEAD = [
    "CÔNG ĐOÀN VIÊN CHỨC TỈNH HÀ TĨNH",
    "CÔNG ĐOÀN CƠ SỞ BAN TỔ CHỨC TỈNH ỦY",
    "Số: 07/BC-CĐCS",
    "Hà Tĩnh, ngày 20 tháng 6 năm 2022",
    "BÁO CÁO",
    "KIỂM ĐIỂM CỦA BAN CHẤP HÀNH CÔNG ĐOÀN NHIỆM KỲ 2017 - 2022",
]
TAIL = ["TM. BAN CHẤP HÀNH", "CHỦ TỊCH", "Nguyễn Văn An"]


def body() -> list[str]:
    text = SEED.read_text(encoding="utf-8")
    text = re.sub(r"\[\d+:[^\]]*\]", "", text)
    text = re.sub(r"\[footnoteRef:\d+\]", "", text)
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def page_number_field(paragraph) -> None:
    run = paragraph.add_run()
    for tag, attrs in (
        ("w:fldChar", {"w:fldCharType": "begin"}),
        ("w:instrText", {}),
        ("w:fldChar", {"w:fldCharType": "end"}),
    ):
        element = OxmlElement(tag)
        for key, value in attrs.items():
            element.set(qn(key), value)
        if tag == "w:instrText":
            element.set(qn("xml:space"), "preserve")
            element.text = " PAGE "
        run._r.append(element)


def make_docx(path: Path) -> None:
    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)
    section = document.sections[0]
    section.different_first_page_header_footer = True
    header = section.header.paragraphs[0]
    header.text = RUNNING_HEADER
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    page_number_field(footer)
    for line in HEAD:
        paragraph = document.add_paragraph(line)
        if line.isupper() and line.startswith(("BÁO", "KIỂM")):
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for line in body():
        paragraph = document.add_paragraph(line)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    for line in TAIL:
        document.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.save(path)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    source = OUT / "bao-cao-kiem-diem.docx"
    make_docx(source)
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(OUT),
                str(source),
            ],
            check=True,
            timeout=240,
        )


if __name__ == "__main__":
    main()
