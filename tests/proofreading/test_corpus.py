"""Reports written for the tests, clean and with slips put in at known places, run through
`manage.py proofread --file … --format json`: no finding on the clean ones, and at least nine
slips in ten found for every kind."""

import io
import json
from collections import Counter
from pathlib import Path

import docx
import pytest
from django.core.management import call_command

from unionreports.proofreading import KINDS

CORPUS = Path(__file__).parent / "corpus"
KD = "kiem-diem-so-tu-phap.txt"
TK = "tong-ket-truong-thpt.md"
BV = "kiem-diem-benh-vien.txt"
DOCX = "kiem-diem-benh-vien.docx"  # the same report, written as a Word document
CT = "tong-ket-cong-ty.txt"

# (file, kind, passage in the clean copy, the same passage with the slip). A file has no records:
# its figures are checked against what it states first (part I, the title).
SLIPS = [
    (KD, "spacing", "phân công nhiệm vụ", "phân công nhiệm vụ,cho"),
    (KD, "spacing", "hình thức, chưa", "hình thức ,chưa"),
    (TK, "spacing", "nhiệt tình, có trình độ", "nhiệt tình,có trình độ"),
    (BV, "spacing", "kịp thời đoàn viên", "kịp thời  đoàn viên"),
    (DOCX, "spacing", "văn hóa, thể thao", "văn hóa;thể thao"),
    (KD, "glued", "quán triệt", "quántriệt"),
    (CT, "glued", "đời sống gặp", "đờisống gặp"),
    (CT, "spacing", "ổn định.", "ổn định ."),
    (CT, "digits", "nhiều người lao động phải", "nhiều người lao động năm2021 phải"),
    (CT, "repeated", "Công đoàn đã chủ động", "Công đoàn đã đã chủ động"),
    (CT, "spelling", "chính đáng của đoàn viên và", "chính đángg của đoàn viên và"),
    (CT, "confusion", "quan hệ lao động hài hòa", "quan hệ lao động hài hòa, bổ xung"),
    (CT, "norm", "đúng quy định; giải quyết", "đúng qui định; giải quyết"),
    (CT, "capitals", "Ủy ban Kiểm tra Công đoàn", "Uỷ ban kiểm tra Công đoàn"),
    (CT, "dash", "trong các năm 2020 – 2021", "trong các năm 2020—2021"),
    (CT, "consistency", "quan hệ lao động hài hòa", "quan hệ lao động hài hoà"),
    (KD, "numbering", "2. Công tác phối hợp với thủ trưởng", "3. Công tác phối hợp với thủ trưởng"),
    (KD, "numbering", "IV. MỘT SỐ KINH NGHIỆM", "V. MỘT SỐ KINH NGHIỆM"),
    (TK, "numbering", "### 3. Công tác thi đua", "### 4. Công tác thi đua"),
    (BV, "spacing", "1.1. Về phong trào thi đua", "1.1.Về phong trào thi đua"),
    (CT, "repeated", "nhiều khó khăn.", "nhiều khó khăn khăn."),
    (BV, "spacing", "bệnh nhân F0 tại cơ sở", "bệnh nhân ( F0 ) tại cơ sở"),
    (BV, "spacing", "đoàn viên ốm đau, hoàn cảnh", "đoàn viên ốm đau.hoàn cảnh"),
    (BV, "capitals", "sự lãnh đạo của Đảng ủy", "sự lãnh đạo của đảng ủy"),
    (CT, "confusion", "trao 350 suất quà", "trao 350 suất quà, chia xẻ"),
    (TK, "glued", "vững vàng", "vữngvàng"),
    (BV, "glued", "đoàn kết, thống nhất", "đoànkết, thống nhất"),
    (DOCX, "glued", "áp lực công việc", "áp lực côngviệc"),
    (KD, "digits", "năm 2012", "năm2012"),
    (TK, "digits", "năm 2021.", "năm 2021đã được ghi nhận."),
    (BV, "digits", "2020 – 2022, đoàn viên", "2020 – 2022đoàn viên"),
    (DOCX, "digits", "nhiệm kỳ 2019 – 2024 trân trọng", "nhiệm kỳ2019 – 2024 trân trọng"),
    (KD, "repeated", "chính sách, pháp luật", "chính sách, pháp luật của của"),
    (TK, "repeated", "tổ chức cho 100%", "tổ chức cho cho 100%"),
    (BV, "repeated", "Tổ chức thăm hỏi", "Tổ chức thăm hỏi thăm hỏi"),
    (DOCX, "repeated", "với nhiệm vụ chuyên môn", "với với nhiệm vụ chuyên môn"),
    (KD, "spelling", "thường xuyên", "thườngg xuyên"),
    (TK, "spelling", "nhiệt tình, có", "nhiệt tìnk, có"),
    (BV, "spelling", "áp lực", "áp lựk"),
    (DOCX, "spelling", "kịp thời.", "kịp thờii."),
    (KD, "confusion", "chặt chẽ", "chặt chẻ"),
    (TK, "confusion", "tổ chức tham quan", "tổ chức thăm quan"),
    (BV, "confusion", "nâng cao chất lượng", "nổ lực nâng cao chất lượng"),
    (BV, "confusion", "phát triển đoàn viên mới", "sát nhập các tổ, phát triển đoàn viên mới"),
    (DOCX, "confusion", "sự đoàn kết", "sự đoàn kết, nổ lực"),
    (KD, "norm", "quy chế dân chủ", "qui chế dân chủ"),
    (TK, "norm", "xây dựng quy chế", "xây dựng qui chế"),
    (BV, "norm", "quy chế chi tiêu", "qui chế chi tiêu"),
    (DOCX, "norm", "xây dựng quy chế", "xây dựng qui chế"),
    (KD, "consistency", "nâng lương định kỳ", "nâng lương định kì"),
    (TK, "consistency", "Công đoàn cấp trên;", "Công đoàn cấp trên hằng kì;"),
    (BV, "consistency", "văn hóa, thể thao", "văn hoá, thể thao"),
    (KD, "capitals", "lãnh đạo Sở tổ chức", "Phó chủ tịch Công đoàn tổ chức"),
    (TK, "capitals", "chất lượng hoạt động của Ban Chấp hành", "chất lượng hoạt động của Ban chấp hành"),
    (BV, "capitals", "Đồng chí Phó Chủ tịch Công đoàn", "Đồng chí Phó chủ tịch Công đoàn"),
    (KD, "capitals", "Ban Chấp hành đã chỉ đạo Ủy ban Kiểm tra", "Ban Chấp hành đã chỉ đạo Ủy ban kiểm tra"),
    (DOCX, "capitals", "Trưởng Ban Nữ công", "Trưởng ban nữ công, Ban chấp hành"),
    (KD, "dash", "các năm 2020 – 2021", "các năm 2020-2021"),
    (TK, "dash", "nhiệm kỳ 2022 – 2027.", "nhiệm kỳ 2022 - 2027."),
    (BV, "dash", "Trong những năm 2020 – 2022", "Trong những năm 2020 - 2022"),
    (KD, "date_line", "Quảng Trị, ngày 08 tháng 3 năm 2023", "Quảng Trị, ngày 8 tháng 3 năm 2023"),
    (TK, "date_line", "Cam Lộ, ngày 15 tháng 10 năm 2022", "Cam Lộ, ngày 15 tháng 10 năm 2022."),
    (BV, "date_line", "Yên Mô, ngày 02 tháng 02 năm 2024", "Yên Mô, ngày 02 tháng 2 năm 2024"),
    (KD, "numbering", "1.2. Về công tác chăm lo", "2.1. Về công tác chăm lo"),
    (KD, "numbering", "1.3. Về công tác kiểm tra", "3.1. Về công tác kiểm tra"),
    (BV, "numbering", "1.2. Về chăm lo đời sống", "2.1. Về chăm lo đời sống"),
    (
        KD,
        "figures",
        "của các ủy viên Ban Chấp hành.",
        "của các ủy viên; Đại hội đã bầu Ban Chấp hành gồm 10 đồng chí.",
    ),
    (TK, "figures", "nhiệm kỳ 2017 – 2022 như sau", "nhiệm kỳ 2017 – 2021 như sau"),
    (
        BV,
        "figures",
        "- Hoạt động văn hóa, thể thao chưa phong phú.",
        "- Có 02 đồng chí không tiếp tục tham gia.",
    ),
    (
        TK,
        "abbreviation",
        "Ban Chấp hành Công đoàn Trường THPT Tân Lâm báo cáo",
        "BCH Công đoàn Trường THPT Tân Lâm báo cáo",
    ),
    (BV, "abbreviation", "Thực hiện Hướng dẫn", "Thực hiện Hướng dẫn của LĐLĐ tỉnh và"),
    (DOCX, "abbreviation", "Thực hiện Hướng dẫn", "Thực hiện Hướng dẫn của LĐLĐ tỉnh và"),
]
# Abbreviations written out only after they are used.
DEFINITIONS = {
    TK: ("Ban Chấp hành đoàn kết", "Ban Chấp hành (BCH) đoàn kết"),
    BV: ("Công đoàn Ngành Y tế tỉnh, Ban", "Liên đoàn Lao động (LĐLĐ) tỉnh, Ban"),
    DOCX: (
        "Ban Chấp hành thường xuyên kiện toàn",
        "Ban Chấp hành phối hợp với Liên đoàn Lao động (LĐLĐ) tỉnh thường xuyên kiện toàn",
    ),
}


def source(name: str) -> str:
    return (CORPUS / (BV if name == DOCX else name)).read_text(encoding="utf-8")


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    if name.endswith(".docx"):
        document = docx.Document()
        for line in text.splitlines():
            document.add_paragraph(line)
        document.save(path)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def run(path: Path) -> tuple[int, list[dict]]:
    out = io.StringIO()
    with pytest.raises(SystemExit) as exit_:
        call_command("proofread", file=str(path), format="json", stdout=out)
        raise SystemExit(0)
    return exit_.value.code, json.loads(out.getvalue() or "[]")


@pytest.mark.parametrize("name", [KD, TK, BV, DOCX, CT])
def test_no_finding_on_a_clean_report(tmp_path, name):
    code, findings = run(write(tmp_path, name, source(name)))
    assert findings == []
    assert code == 0


def test_every_kind_of_slip_is_found(tmp_path):
    found = Counter()
    missed = []
    for i, (name, kind, clean, slipped) in enumerate(SLIPS):
        text = source(name)
        assert text.count(clean) >= 1, clean
        text = text.replace(clean, slipped, 1)
        if kind == "abbreviation":
            before, after = DEFINITIONS[name]
            assert before in text, before
            text = text.replace(before, after, 1)
        code, findings = run(write(tmp_path, f"{i}-{name}", text))
        assert code == 1 or kind not in [f["kind"] for f in findings]
        hits = [f for f in findings if f["kind"] == kind and (f["text"] in slipped or slipped in f["text"])]
        if hits:
            found[kind] += 1
        else:
            missed.append((name, kind, slipped, findings))
    planted = Counter(kind for _name, kind, _clean, _slipped in SLIPS)
    assert set(planted) == set(KINDS)
    for kind, count in planted.items():
        assert found[kind] / count >= 0.9, (kind, missed)


def test_a_finding_says_what_where_and_why(tmp_path):
    text = source(KD).replace("quán triệt", "quántriệt", 1)
    _code, (finding,) = run(write(tmp_path, KD, text))
    assert finding["kind"] == "glued"
    assert finding["text"] == "quántriệt"
    assert finding["suggestion"] == "quán triệt"
    assert "âm tiết" in finding["message"]
    assert finding["where"]["label"].startswith("II. KẾT QUẢ")
    assert "1.1. Về công tác tuyên truyền" in finding["where"]["label"]


def test_double_spaces_typed_in_a_file_are_found_where_they_are(tmp_path):
    text = source(KD).replace("quán triệt các chỉ thị", "quán triệt  các  chỉ thị", 1)
    _code, findings = run(write(tmp_path, KD, text))
    assert [(f["kind"], f["text"], f["suggestion"]) for f in findings] == [
        ("spacing", "triệt  các", "triệt các"),
        ("spacing", "các  chỉ", "các chỉ"),
    ]
    paragraph_start = "Ban Chấp hành đã phối hợp với lãnh đạo Sở tổ chức quán triệt các chỉ thị"
    assert all(
        f["where"]["label"].endswith("1.1. Về công tác tuyên truyền, giáo dục › đoạn 1") for f in findings
    )
    assert paragraph_start[findings[0]["start"] : findings[0]["end"]] == "triệt các"


def test_a_name_keeps_its_own_tone_mark(tmp_path):
    """ "văn hóa" in the text and "Thuỷ", "Hoà" in names: names are written as their bearers write them."""
    text = source(KD).replace("phân công nhiệm vụ cho", "phân công đồng chí Trần Thị Thuỷ, Lê Văn Hoà", 1)
    code, findings = run(write(tmp_path, KD, text))
    assert (code, findings) == (0, [])


def test_the_next_committee_is_not_this_ones_figures(tmp_path):
    text = source(KD).replace(
        "kính trình Đại hội xem xét, góp ý.",
        "kính trình Đại hội xem xét, góp ý và bầu Ban Chấp hành khóa mới gồm 11 đồng chí.",
        1,
    )
    code, findings = run(write(tmp_path, KD, text))
    assert (code, findings) == (0, [])


def test_i_and_y_spellings_are_kept_to_one_in_a_document(tmp_path):
    text = source(TK).replace("Hội nghị viên chức", "Hội nghị viên chức, ký kết", 1)
    text = text.replace("tổ chức tham quan", "tổ chức kí kết và tham quan", 1)
    text = text.replace("hưởng ứng cuộc vận động", "hưởng ứng kỷ niệm và cuộc vận động", 1)
    _code, findings = run(write(tmp_path, TK, text))
    assert [(f["kind"], f["text"], f["suggestion"]) for f in findings] == [("consistency", "kí", "ký")]


def test_the_subject_line_is_proofread(tmp_path):
    text = source(KD).replace("Kiểm điểm trách nhiệm của", "Kiểm điểm trách nhiệm của của", 1)
    _code, findings = run(write(tmp_path, KD, text))
    assert [(f["kind"], f["text"], f["where"]["label"]) for f in findings] == [
        ("repeated", "của của", "Trích yếu")
    ]


def test_double_spaces_typed_in_a_word_file_are_found(tmp_path):
    text = source(DOCX).replace("hoàn cảnh khó khăn", "hoàn cảnh  khó khăn", 1)
    _code, findings = run(write(tmp_path, DOCX, text))
    assert [(f["kind"], f["text"], f["suggestion"]) for f in findings] == [
        ("spacing", "cảnh  khó", "cảnh khó")
    ]
    assert findings[0]["where"]["label"].endswith("1.2. Về chăm lo đời sống đoàn viên › đoạn 2")
