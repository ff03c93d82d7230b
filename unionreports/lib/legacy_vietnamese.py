"""The two 8-bit encodings of Vietnamese that came before Unicode, to Unicode and back.

TCVN3 (TCVN 5712:1993, "ABC"; fonts .VnTime, .VnArial, …) puts each lower-case letter in one
byte; of the capitals it has only Ă Â Đ Ê Ô Ơ Ư. A capital with a tone mark is written with the
lower-case letter's byte in a capitals font (.VnTimeH, .VnArialH, …), so the font tells the case.

VNI (VNI-Windows; fonts VNI-Times, VNI-Helve, …) writes a letter as its base letter followed
by one byte for its marks (a few letters are one byte of their own: ơ, ư, đ, the i's, ỵ).

Both are read here as the characters Windows shows for those bytes (code page 1252), which is
what a .txt file holds once decoded, and what a .docx holds in runs set in such a font. No kept
Python library converts them (the ones published are unmaintained scripts), so the tables are
written out once from the published tables of each encoding.
"""

import re
import unicodedata

# The 67 lower-case letters with diacritics, in one order for both tables below.
LETTERS = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
_TCVN3_LOWER = "µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâä«åèæçé¬êíëìîïóñòô\xadõøö÷ùúýûüþ"
_TCVN3_CAPITALS = {"Ă": "¡", "Â": "¢", "Đ": "§", "Ê": "£", "Ô": "¤", "Ơ": "¥", "Ư": "¦"}

TCVN3_TO_UNICODE = dict(zip(_TCVN3_LOWER, LETTERS, strict=True)) | {v: k for k, v in _TCVN3_CAPITALS.items()}
UNICODE_TO_TCVN3 = {v: k for k, v in TCVN3_TO_UNICODE.items()}
# The characters TCVN3 gives a meaning other than code page 1252's.
TCVN3_CHARACTERS = frozenset(TCVN3_TO_UNICODE)

# VNI: the byte after a base letter for each mark (tone, breve, circumflex, or both), lower case;
# a capital letter takes the upper-case form of the same byte.
_VNI_MARKS = {
    "": "",
    "\u0300": "ø",  # huyền
    "\u0301": "ù",  # sắc
    "\u0309": "û",  # hỏi
    "\u0303": "õ",  # ngã
    "\u0323": "ï",  # nặng
}
_VNI_WITH_HAT = {"": "â", "\u0300": "à", "\u0301": "á", "\u0309": "å", "\u0303": "ã", "\u0323": "ä"}
_VNI_WITH_BREVE = {"": "ê", "\u0300": "è", "\u0301": "é", "\u0309": "ú", "\u0303": "ü", "\u0323": "ë"}
# Letters VNI writes as one byte, or as a byte and a tone mark.
_VNI_SINGLE = {"ì": "ì", "í": "í", "ỉ": "æ", "ĩ": "ó", "ị": "ò", "ỵ": "î", "đ": "ñ", "ơ": "ô", "ư": "ö"}


def _vni_lower() -> dict[str, str]:
    table = {}
    for letter in LETTERS:
        if letter in _VNI_SINGLE:
            table[letter] = _VNI_SINGLE[letter]
            continue
        decomposed = unicodedata.normalize("NFD", letter)
        base, marks = decomposed[0], decomposed[1:]
        tone = next((m for m in marks if m in _VNI_MARKS and m), "")
        if "\u0302" in marks:  # circumflex: â ê ô
            table[letter] = base + _VNI_WITH_HAT[tone]
        elif "\u0306" in marks:  # breve: ă
            table[letter] = base + _VNI_WITH_BREVE[tone]
        elif "\u031b" in marks:  # horn: ơ ư, then the tone
            table[letter] = _VNI_SINGLE[unicodedata.normalize("NFC", base + "\u031b")] + _VNI_MARKS[tone]
        else:
            table[letter] = base + _VNI_MARKS[tone]
    return table


_VNI_LOWER = _vni_lower()
UNICODE_TO_VNI = _VNI_LOWER | {letter.upper(): code.upper() for letter, code in _VNI_LOWER.items()}
VNI_TO_UNICODE = {code: letter for letter, code in UNICODE_TO_VNI.items()}
# Longest first: "ôù" (ớ) before "ô" (ơ).
_VNI_PATTERN = re.compile("|".join(sorted(map(re.escape, VNI_TO_UNICODE), key=len, reverse=True)))
_UNICODE_PATTERN = re.compile("|".join(map(re.escape, UNICODE_TO_VNI)))


def from_tcvn3(text: str, *, capitals: bool = False) -> str:
    """Unicode (NFC) for text in TCVN3; `capitals` for a run in a capitals font (.VnTimeH)."""
    converted = "".join(TCVN3_TO_UNICODE.get(ch, ch) for ch in text)
    return converted.upper() if capitals else converted


def to_tcvn3(text: str) -> str:
    """TCVN3 for NFC text; a capital with a tone mark has no byte and is written in lower case,
    to be set in a capitals font."""
    out = []
    for ch in text:
        if ch in UNICODE_TO_TCVN3:
            out.append(UNICODE_TO_TCVN3[ch])
        elif ch.lower() in UNICODE_TO_TCVN3:
            out.append(UNICODE_TO_TCVN3[ch.lower()])
        else:
            out.append(ch)
    return "".join(out)


def from_vni(text: str) -> str:
    """Unicode (NFC) for text in VNI."""
    return _VNI_PATTERN.sub(lambda match: VNI_TO_UNICODE[match.group()], text)


def to_vni(text: str) -> str:
    return _UNICODE_PATTERN.sub(lambda match: UNICODE_TO_VNI[match.group()], text)
