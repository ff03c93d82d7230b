"""The checks on single passages: what they find, and what they must leave alone."""

import time

import pytest

from unionreports.proofreading import dictionary
from unionreports.proofreading.checks import check
from unionreports.proofreading.syllables import is_syllable, other_placement, placement


def kinds(text: str) -> list[tuple[str, str]]:
    return [(slip.kind, text[slip.start : slip.end]) for slip in check(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư.",
        "Số: 05/BC-CĐCS",
        "Ban Chấp hành gồm có 07 đồng chí; 02/02 đồng chí chuyển công tác.",
        "BCH và UBKT của CĐCS đã họp; Sở NN&PTNT, Ủy ban MTTQ tỉnh, HĐND, UBND.",
        "Phần II và mục IV của báo cáo; điều trị bệnh nhân F0 trong dịch Covid-19.",
        "Phong trào “Giỏi việc nước, đảm việc nhà” được hưởng ứng.",
        "Quan hệ lao động hài hòa; quan hệ lao động hài hoà; thủy lợi, thuỷ lợi; Ủy ban, Uỷ ban.",
        "Đồng chí Trương Thiết Hùng, Nguyễn Thị Ngọc Huyền và Đặng Thị Hạnh.",
        "Tổ chức hội thảo trực tuyến (online), gửi email và đăng trên website, Zalo.",
        "Đoàn viên công đoàn đoàn kết; người người thi đua, ngày ngày thi đua.",
        "Ban chấp hành công đoàn các cấp và các ban chấp hành tổ công đoàn.",
        "Tổ chức các hoạt động văn hóa… đảm bảo an toàn.",
        "Kết quả đạt 95,5%; diện tích 120 m2; năm 2021.",
        "Ủy ban Kiểm tra, Ban Thường vụ, Phó Chủ tịch, Phó Giám đốc Sở, Tổng Liên đoàn Lao động Việt Nam.",
    ],
)
def test_clean_text_has_no_finding(text):
    assert kinds(text) == []


@pytest.mark.parametrize(
    ("text", "kind", "passage"),
    [
        ("Tổng kết năm học,tổ chức", "spacing", "học,tổ"),
        ("Tổng kết năm học , tổ chức", "spacing", "học ,"),
        ("Tổng kết  năm học", "spacing", "kết  năm"),
        ("1.2.Về công tác", "spacing", "1.2.Về"),
        ("đã bảođảm chế độ", "glued", "bảođảm"),
        ("góp phần quan trọngtrong việc", "glued", "trọngtrong"),
        ("nhiệm kỳ2017 – 2022", "digits", "kỳ2017"),
        ("2017 – 2022đã đề ra", "digits", "2022đã"),
        ("nhân các các ngày lễ", "repeated", "các các"),
        ("công tác công tác kiểm tra", "repeated", "công tác công tác"),
        ("thực hiện tốtt nhiệm vụ", "spelling", "tốtt"),
        ("đã nổ lực phấn đấu", "confusion", "nổ lực"),
        ("Sát nhập hai tổ", "confusion", "Sát nhập"),
        ("theo đúng qui định", "norm", "qui"),
        ("01 Phó chủ tịch", "capitals", "Phó chủ tịch"),
        ("Ủy ban kiểm tra công đoàn", "capitals", "Ủy ban kiểm tra"),
    ],
)
def test_a_slip_is_found(text, kind, passage):
    assert (kind, passage) in kinds(text)


def test_the_suggestion_keeps_the_capital():
    (slip,) = check("Sát nhập hai tổ công đoàn.")
    assert slip.suggestion == "Sáp nhập"


def test_both_placements_of_the_tone_mark_are_one_syllable():
    assert (placement("hòa"), placement("hoà"), placement("Ủy"), placement("uỷ")) == (
        "new",
        "old",
        "new",
        "old",
    )
    assert placement("quý") == placement("hoa") == ""
    assert other_placement("thủy") == "thuỷ"
    assert other_placement("Hoà") == "Hòa"


@pytest.mark.parametrize(
    "syllable", ["nghiêng", "quốc", "giếng", "khuya", "ngoằng", "oái", "gìn", "ủy", "thuở"]
)
def test_the_structure_rules_accept_syllables(syllable):
    assert is_syllable(syllable)


@pytest.mark.parametrize("word", ["bảođảm", "thờii", "lựk", "ka", "cê", "ngha", "quọ", "tàp", "xuyênn"])
def test_the_structure_rules_reject_what_is_no_syllable(word):
    assert not is_syllable(word)


@pytest.fixture
def no_dictionary(monkeypatch, tmp_path):
    monkeypatch.setattr(dictionary, "DICTIONARY", str(tmp_path / "vi_VN"))
    dictionary.load.cache_clear()
    dictionary.known.cache_clear()
    yield
    dictionary.load.cache_clear()
    dictionary.known.cache_clear()


def test_without_the_dictionary_the_syllable_rules_still_check(no_dictionary):
    assert dictionary.load() is None
    assert ("spelling", "tốtt") in kinds("thực hiện tốtt nhiệm vụ")
    assert ("glued", "bảođảm") in kinds("đã bảođảm chế độ")
    assert kinds("Ban Chấp hành đã hoàn thành xuất sắc nhiệm vụ, quan hệ hài hòa.") == []


def test_the_dictionary_is_loaded_once_per_process(monkeypatch):
    if dictionary.load() is None:
        pytest.skip("hunspell-vi is not installed")
    from spylls.hunspell import Dictionary

    dictionary.load.cache_clear()
    dictionary.known.cache_clear()
    calls = []
    real = Dictionary.from_files
    monkeypatch.setattr(Dictionary, "from_files", lambda path: calls.append(path) or real(path))
    for _ in range(3):
        check("Ban Chấp hành đã nỗ lực hoàn thành nhiệm vụ, thựcc hiện tốt.")
    assert calls == [dictionary.DICTIONARY]


@pytest.mark.parametrize(
    "text",
    [
        "Phong trào “Xanh - sạch - đẹp, bảo đảm an toàn vệ sinh lao động” và cuốn sách “Tuổi trẻ không hối tiếc”.",
        "Các nội dung: i) tuyên truyền; ii) chăm lo; iii) kiểm tra.",
        "Theo khoản 2 Điều 10 Luật Công đoàn năm 2012 và Điều lệ Công đoàn Việt Nam khóa XIII.",
    ],
)
def test_quotes_roman_figures_and_citations_are_left_alone(text):
    assert kinds(text) == []


@pytest.mark.parametrize(
    "text", ["a" * 100_000, " " * 100_000, "a,a " * 25_000, "“" * 50_000 + "a", "1" * 50_000 + "a"]
)
def test_no_text_makes_the_checks_slow(text):
    started = time.perf_counter()
    check(text)
    assert time.perf_counter() - started < 5


@pytest.mark.parametrize(
    "text",
    [
        "Tổ chức giải tennis, pickleball và chương trình gala, team building cho đoàn viên.",
        "Phối hợp với Samsung, Honda và Viettel tổ chức hội thao; in slogan trên banner.",
        "Đại hội bầu một phó chủ tịch; ban tổ chức hội thi đã họp.",
    ],
)
def test_loanwords_names_and_common_nouns_are_left_alone(text):
    assert kinds(text) == []
