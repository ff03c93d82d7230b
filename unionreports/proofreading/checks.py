"""The checks of one paragraph's text. Each is linear in the text: its patterns have no nested
repetition, so no input makes them backtrack.

A check yields `Slip`s: offsets in the text, the kind, the suggestion (None when not sure) and
the message that says why, in the active language: it is translated when the slip is made.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .dictionary import known


@dataclass(frozen=True)
class Slip:
    kind: str
    start: int
    end: int
    suggestion: str | None
    message: str


LETTERS = r"[^\W\d_]"
WORD = re.compile(rf"{LETTERS}+")
RUN = re.compile(r"[^\W_]+")  # letters and digits together: "kỳ2017", "F0", "2022đã"

# Letters that Vietnamese does not write: a word with one of them is a loanword or a name.
FOREIGN = set("fjwzFJWZ")
LOANWORDS = frozenset(
    """internet email online offline video clip website web zalo facebook youtube covid karaoke radio
    ok marketing logo slogan poster banner pano panô camera photo photocopy laptop wifi hotline app
    container test virus vaccine gala festival marathon tour show game livestream team building
    teambuilding golf tennis yoga gym pickleball cafe café taxi bus visa inox ga mail fax file
    pin gas ti vi tivi oxy""".split()
)
# Consonants Vietnamese never writes side by side: a word with such a pair and no Vietnamese mark
# is a loanword ("slogan", "tennis").
FOREIGN_CLUSTER = re.compile(r"(?![cgknpt]h|tr|ng|gi|qu)[bcdghklmnpqrstvx]{2}")
VIETNAMESE_MARKS = re.compile(r"[^a-zA-Z]")


# --- spacing --------------------------------------------------------------------------------

NO_SPACE_AFTER = re.compile(
    rf"(?<=[^\W\d_)\]”\"])([,;:!?])(?={LETTERS})|(?<=[^\W\d_A-ZĐ])(\.)(?=[A-ZĐ\u00C0-\u1EF9][a-zđ\u00E0-\u1EF9])"
)
NUMBER_GLUED = re.compile(rf"^\s*(\d{{1,2}}(?:\.\d{{1,2}})*\.)(?={LETTERS})")
SPACE_BEFORE = re.compile(r"(?<=\S)([ \u00A0]+)(?=[,;:!?]|\.(?!\.))")
DOUBLE_SPACE = re.compile(r"(?<=\S)( {2,})(?=\S)")
INSIDE_PARENTHESES = re.compile(r"\((?= )|(?<= )\)")
# "động.tổ chức": a full stop run into a word with a Vietnamese mark (not "congdoan.vn", "v.v.")
STOP_RUN_IN = re.compile(rf"(?<={LETTERS}{LETTERS})\.(?=[^\W\d_A-Z]*[à-ỹđ])(?=[a-zà-ỹđ])")


def _word_start(text: str, at: int) -> int:
    """Where the word ending at `at` begins (at most 30 characters back)."""
    start = at
    while start > 0 and at - start < 30 and not text[start - 1].isspace():
        start -= 1
    return start


def _word_end(text: str, at: int) -> int:
    end = at
    while end < len(text) and end - at < 30 and not text[end].isspace():
        end += 1
    return end


def spacing(text: str) -> Iterator[Slip]:
    for match in NO_SPACE_AFTER.finditer(text):
        if text[max(0, match.start() - 5) : match.start()].lower().endswith(("http", "https")):
            continue
        mark = match.group(1) or match.group(2)
        start, end = _word_start(text, match.start()), _word_end(text, match.end())
        yield Slip(
            "spacing", start, end, text[start : match.end()] + " " + text[match.end() : end],
            _("No space after “%(mark)s”: a punctuation mark is followed by one space.") % {"mark": mark},
        )  # fmt: skip
    for match in NUMBER_GLUED.finditer(text):
        yield Slip(
            "spacing", match.start(1), _word_end(text, match.end(1)),
            match.group(1) + " " + text[match.end(1) : _word_end(text, match.end(1))],
            _("No space between the number and the text."),
        )  # fmt: skip
    for match in SPACE_BEFORE.finditer(text):
        start = _word_start(text, match.start())
        yield Slip(
            "spacing", start, match.end() + 1, text[start : match.start()] + text[match.end()],
            _("A space before a punctuation mark: the mark is written against the word before it."),
        )  # fmt: skip
    for match in STOP_RUN_IN.finditer(text):
        start, end = _word_start(text, match.start()), _word_end(text, match.end())
        yield Slip(
            "spacing", start, end, text[start : match.end()] + " " + text[match.end() : end],
            _("No space after “%(mark)s”: a punctuation mark is followed by one space.") % {"mark": "."},
        )  # fmt: skip
    for match in INSIDE_PARENTHESES.finditer(text):
        start, end = (
            (match.start(), _word_end(text, match.end() + 1))
            if match.group() == "("
            else (_word_start(text, match.start() - 1), match.end())
        )
        yield Slip(
            "spacing", start, end, None,
            _("A space inside parentheses: a parenthesis is written against the word inside it."),
        )  # fmt: skip
    for match in DOUBLE_SPACE.finditer(text):
        start, end = _word_start(text, match.start()), _word_end(text, match.end())
        yield Slip(
            "spacing", start, end, text[start : match.start()] + " " + text[match.end() : end],
            _("One space too many: two words are separated by a single space."),
        )  # fmt: skip


# --- words run together, letters run into figures ----------------------------------------------


def _splits(word: str) -> list[tuple[str, str]]:
    """The ways `word` reads as two syllables (a syllable has at most seven letters: "nghiêng")."""
    lower = word.lower()
    found = []
    if len(word) > 14:
        return found
    for cut in range(1, len(word)):
        left, right = lower[:cut], lower[cut:]
        if len(left) >= 2 and len(right) >= 2 and known(left) and known(right):
            found.append((word[:cut], word[cut:]))
    return found


ROMAN = re.compile(r"^(?:i{1,3}|iv|vi{0,3}|ix|xi{0,3})$", re.IGNORECASE)


def _is_foreign(word: str) -> bool:
    lower = word.lower()
    if set(word) & FOREIGN or lower in LOANWORDS:
        return True
    return not VIETNAMESE_MARKS.search(word) and bool(FOREIGN_CLUSTER.search(lower.replace("ngh", "ng")))


def _is_acronym(word: str) -> bool:
    # CĐCS, NĐ, UBKT, HĐND, iPhone: capitals after the first letter
    return any(ch.isupper() for ch in word[1:])


def words(text: str) -> Iterator[Slip]:
    """Spelling, and syllables run together ("bảođảm", "trọngtrong")."""
    for match in WORD.finditer(text):
        word = match.group()
        start, end = match.span()
        # part of a run with digits, a hyphenated or slashed code, a name in quotes: not a syllable here
        if (start and (text[start - 1].isdigit() or text[start - 1] in "-/&_.@'")) or (
            end < len(text) and (text[end].isdigit() or text[end] in "-/&_@'")
        ):
            continue
        if _is_acronym(word) or _is_foreign(word) or ROMAN.match(word):
            continue
        lower = word.lower()
        if lower in NORM_WORDS or known(lower):
            continue
        # "Samsung", "Honda", "online": a word in plain Latin letters is a name or a loanword, not two
        # Vietnamese syllables run together (those carry marks)
        splits = _splits(word) if VIETNAMESE_MARKS.search(word) else []
        if len(splits) == 1:
            left, right = splits[0]
            yield Slip(
                "glued", start, end, f"{left} {right}",
                _("Two syllables run together: “%(word)s” is “%(left)s %(right)s”.")
                % {"word": word, "left": left, "right": right},
            )  # fmt: skip
        elif word[0].islower() and len(word) > 1:
            yield Slip(
                "spelling", start, end, None,
                _("“%(word)s” is not a correctly spelt Vietnamese syllable.") % {"word": word},
            )  # fmt: skip


def digits(text: str) -> Iterator[Slip]:
    for match in RUN.finditer(text):
        run = match.group()
        if run.isdigit() or run.isalpha():
            continue
        for part in re.finditer(rf"{LETTERS}+", run):
            letters = part.group()
            if _is_acronym(letters) or (len(letters) < 2 and not known(letters.lower())):
                continue
            if letters.isupper() or not known(letters.lower()):
                continue
            if part.end() < len(run):  # letters before digits: "kỳ2017"
                yield Slip(
                    "digits", match.start(), match.end(), f"{run[: part.end()]} {run[part.end() :]}",
                    _("Letters run into a figure: a space goes between the letters and the figure."),
                )  # fmt: skip
            if part.start() > 0:  # digits before letters: "2022đã"
                yield Slip(
                    "digits", match.start(), match.end(), f"{run[: part.start()]} {run[part.start() :]}",
                    _("A figure runs into letters: a space goes between the figure and the letters."),
                )  # fmt: skip


# --- a word typed twice --------------------------------------------------------------------

# A word typed twice: one of the small words a sentence never says twice ("các các", "của của"), or
# two words typed twice ("công tác công tác"). Other syllables may repeat across two words
# ("công đoàn đoàn kết"), so they are left alone.
SMALL_WORDS = (
    "các|của|và|là|đã|được|trong|những|với|cho|có|để|thì|một|này|đó|theo|về|tại|bị|sẽ|đang|vẫn|cũng|"
    "đến|rằng|mà|nhưng|hoặc|khi|nên|vì|do|nếu|như|trên|dưới|sau|trước|việc|sự|phải|không|chưa|"
    "ở|cùng|nhằm|cần|rất|hơn|bằng|qua|giữa|hay|tuy|song|còn|nay|đây|ấy|nhất|thêm|vào|lên|lại"
)
# Any syllable said twice just before a punctuation mark: "nhiệm vụ vụ." begins no new word.
REPEATED_AT_END = re.compile(rf"(?<![^\W_])({LETTERS}+)\s+(\1)(?=\s*[,.;:!?)…]|\s*$)", re.IGNORECASE)
REPEATED = re.compile(
    rf"(?<![^\W_])(?:({SMALL_WORDS})\s+(\1)|({LETTERS}+\s{LETTERS}+)\s+(\3))(?![^\W_])", re.IGNORECASE
)


# Syllables said twice on purpose ("dần dần", "ngày ngày").
REDUPLICATED = frozenset("từ dần ngày người nhà đời mãi thường luôn đâu ai xa năm tháng đều".split())


def repeated(text: str) -> Iterator[Slip]:
    seen = set()
    for pattern in (REPEATED, REPEATED_AT_END):
        for match in pattern.finditer(text):
            word = match.group(1) or match.group(3)
            if match.start() in seen or word.lower() in REDUPLICATED:
                continue
            seen.add(match.start())
            message = _("The word “%(word)s” is repeated.") % {"word": word}
            yield Slip("repeated", match.start(), match.end(), word, message)


# --- common confusions and current norms ------------------------------------------------------

CONFUSIONS = {
    "nổ lực": "nỗ lực",
    "sát nhập": "sáp nhập",
    "xáp nhập": "sáp nhập",
    "chuẩn đoán": "chẩn đoán",
    "xuất xắc": "xuất sắc",
    "suất sắc": "xuất sắc",
    "dành được": "giành được",
    "dành thắng lợi": "giành thắng lợi",
    "giành cho": "dành cho",
    "thăm quan": "tham quan",
    "bổ xung": "bổ sung",
    "sử lý": "xử lý",
    "sử phạt": "xử phạt",
    "sơ xuất": "sơ suất",
    "năng xuất": "năng suất",
    "sản suất": "sản xuất",
    "đề suất": "đề xuất",
    "trao dồi": "trau dồi",
    "chặt chẻ": "chặt chẽ",
    "giúp đở": "giúp đỡ",
    "lảng phí": "lãng phí",
    "vô hình chung": "vô hình trung",
    "tựu chung": "tựu trung",
    "sán lạn": "xán lạn",
    "dãi bày": "giãi bày",
    "chính chắn": "chín chắn",
    "kiêm quyết": "kiên quyết",
    "xác xuất": "xác suất",
    "chân trọng": "trân trọng",
    "khuyếch trương": "khuếch trương",
    "khuyếch đại": "khuếch đại",
    "cọ sát": "cọ xát",
    "xắp xếp": "sắp xếp",
    "xúc tích": "súc tích",
    "rãnh rỗi": "rảnh rỗi",
    "lảnh đạo": "lãnh đạo",
    "chia xẻ": "chia sẻ",
    "suyên suốt": "xuyên suốt",
    "sâu xát": "sâu sát",
    "xâu sát": "sâu sát",
    "dải quyết": "giải quyết",
    "kỹ luật": "kỷ luật",
    "kĩ luật": "kỷ luật",
}
CONFUSION = re.compile(
    r"(?<![^\W_])("
    + "|".join(re.escape(k) for k in sorted(CONFUSIONS, key=len, reverse=True))
    + r")(?![^\W_])",
    re.IGNORECASE,
)

# Spellings the current norm replaces: "qui" → "quy", as the dictionaries and administrative texts write today.
NORMS = {"qui": "quy", "quí": "quý", "quì": "quỳ", "quỉ": "quỷ", "quĩ": "quỹ", "quị": "quỵ"}
NORM_WORDS = frozenset(NORMS)
NORM = re.compile(r"(?<![^\W_])(" + "|".join(NORMS) + r")(?![^\W_])", re.IGNORECASE)


def _cased(found: str, replacement: str) -> str:
    return replacement[:1].upper() + replacement[1:] if found[:1].isupper() else replacement


def confusions(text: str) -> Iterator[Slip]:
    for match in CONFUSION.finditer(text):
        found = match.group()
        right = _cased(found, CONFUSIONS[found.lower()])
        yield Slip(
            "confusion", match.start(), match.end(), right,
            _("Misspelt: “%(found)s” should be “%(right)s”.") % {"found": found, "right": right},
        )  # fmt: skip
    for match in NORM.finditer(text):
        found = match.group()
        right = _cased(found, NORMS[found.lower()])
        yield Slip(
            "norm", match.start(), match.end(), right,
            _("The current spelling is “%(right)s”, not “%(found)s”.") % {"right": right, "found": found},
        )  # fmt: skip


# --- capitals of bodies and positions (Nghị định 30/2020/NĐ-CP, Phụ lục II) -----------------------

CAPITALS_RULE = gettext_lazy(
    "Decree 30/2020/NĐ-CP, Appendix II: the first letter of each element of the name of a position "
    "or a body is a capital"
)
NAMES = [
    "Ban Chấp hành",
    "Ban Thường vụ",
    "Ủy ban Kiểm tra",
    "Uỷ ban Kiểm tra",
    "Ban Nữ công",
    "Phó Chủ tịch",
    "Phó Giám đốc",
    "Phó Trưởng ban",
    "Phó Bí thư",
    "Tổng Liên đoàn Lao động",
    "Liên đoàn Lao động",
    "Đảng ủy",
    "Đảng uỷ",
    "Đảng bộ",
]
# Positions are written in lower case where they name no one ("bầu một phó chủ tịch"); bodies are not.
POSITIONS = ("Phó ",)


def _capitals_pattern(name: str) -> str:
    first, *rest = name.split()
    # the first word as written or in lower case, the others in any case; a title not exactly so is a slip
    return (
        "(?:"
        + first
        + "|"
        + first.lower()
        + ")"
        + "".join(r"\s(?:" + w + "|" + w.lower() + ")" for w in rest)
    )


CAPITALS = re.compile(r"(?<![^\W_])(" + "|".join(_capitals_pattern(n) for n in NAMES) + r")(?![^\W_])")
_BY_LOWER = {n.lower(): n for n in NAMES}
# "các ban chấp hành", "ban chấp hành công đoàn các cấp": the common noun, not one body.
GENERIC_BEFORE = re.compile(r"(?:các|những|mỗi|từng)\s$", re.IGNORECASE)


def capitals(text: str) -> Iterator[Slip]:
    for match in CAPITALS.finditer(text):
        found = match.group()
        right = _BY_LOWER[re.sub(r"\s", " ", found).lower()]
        generic = GENERIC_BEFORE.search(text[max(0, match.start() - 8) : match.start()]) or (
            "các cấp" in text[match.end() : match.end() + 25]
        )
        if found == right or generic or (found[0].islower() and right.startswith(POSITIONS)):
            continue
        yield Slip(
            "capitals",
            match.start(),
            match.end(),
            right,
            _("Wrong capitals: “%(found)s” → “%(right)s” (%(rule)s).")
            % {"found": found, "right": right, "rule": CAPITALS_RULE},
        )


PARAGRAPH_CHECKS = (spacing, words, digits, repeated, confusions, capitals)


# A quoted title or motto is cited as it was written: its words are not this text's to correct.
QUOTED = re.compile(r"“[^”]{1,300}”|\"[^\"]{1,300}\"")
AS_WRITTEN = {"spacing", "repeated"}


def check(text: str) -> list[Slip]:
    quoted = [match.span() for match in QUOTED.finditer(text)]
    slips = [
        slip
        for run in PARAGRAPH_CHECKS
        for slip in run(text)
        if slip.kind in AS_WRITTEN or not any(a <= slip.start < b for a, b in quoted)
    ]
    return sorted(slips, key=lambda slip: (slip.start, slip.kind))
