"""Unicode → TCVN3 (ABC, TCVN 5712:1993 for the .VnTime fonts) and → VNI (VNI-Times), for the corpus.

Written from the published tables, independently of the importer, so that the legacy files of the
corpus do not depend on the code they test. Both encodings are 8-bit: the bytes a legacy file
holds are these characters in Windows-1252 (their code points are the byte values here, since
every Vietnamese byte lies in 0xA1–0xFF).

TCVN3 has capitals only for the seven base letters Ă Â Ê Ô Ơ Ư Đ: a capital with a tone mark is
written with the small letter's code (in Word the .VnTimeH font shows it as a capital). The round
trip keeps every small letter and every capital without a tone mark; toned capitals come back
small. VNI writes a base letter followed by a mark byte, and has a capital for every letter.
"""

import unicodedata

# Each Vietnamese vowel in order, then its five toned forms: grave, hook, tilde, acute, dot below.
_VOWELS = "aăâeêioôơuưy"
_TONES = "\u0300\u0309\u0303\u0301\u0323"

# TCVN3 (ABC): base letter, then the codes of the letter with the tones above, in that order.
_TCVN3_SMALL = {
    "a": ("a", "\xb5\xb6\xb7\xb8\xb9"),
    "ă": ("\xa8", "\xbb\xbc\xbd\xbe\xc6"),
    "â": ("\xa9", "\xc7\xc8\xc9\xca\xcb"),
    "e": ("e", "\xcc\xce\xcf\xd0\xd1"),
    "ê": ("\xaa", "\xd2\xd3\xd4\xd5\xd6"),
    "i": ("i", "\xd7\xd8\xdc\xdd\xde"),
    "o": ("o", "\xdf\xe1\xe2\xe3\xe4"),
    "ô": ("\xab", "\xe5\xe6\xe7\xe8\xe9"),
    "ơ": ("\xac", "\xea\xeb\xec\xed\xee"),
    "u": ("u", "\xef\xf1\xf2\xf3\xf4"),
    "ư": ("\xad", "\xf5\xf6\xf7\xf8\xf9"),
    "y": ("y", "\xfa\xfb\xfc\xfd\xfe"),
}
_TCVN3_CAPITALS = {"Ă": "\xa1", "Â": "\xa2", "Ê": "\xa3", "Ô": "\xa4", "Ơ": "\xa5", "Ư": "\xa6", "Đ": "\xa7"}

# VNI: the mark bytes after a base letter (small / capital): grave, hook, tilde, acute, dot below.
_VNI_TONES = ("\xf8\xfb\xf5\xf9\xef", "\xd8\xdb\xd5\xd9\xcf")
# After â, ê, ô (circumflex) and ă (breve) the tone and the hat are one byte.
_VNI_HAT = ("\xe2", "\xc2")
_VNI_HAT_TONES = ("\xe0\xe5\xe3\xe1\xe4", "\xc0\xc5\xc3\xc1\xc4")
_VNI_BREVE = ("\xea", "\xca")
_VNI_BREVE_TONES = ("\xe8\xfa\xfc\xe9\xeb", "\xc8\xda\xdc\xc9\xcb")
# Letters VNI writes in one byte: ơ, ư, đ, and i with each tone.
_VNI_SINGLE = {"ơ": ("\xf4", "\xd4"), "ư": ("\xf6", "\xd6"), "đ": ("\xf1", "\xd1")}
_VNI_I_TONES = ("\xec\xe6\xf3\xed\xf2", "\xcc\xc6\xd3\xcd\xd2")
_VNI_Y_DOT = ("\xee", "\xce")


def _letters():
    """(unicode letter, base vowel, tone index or None, capital) for every Vietnamese vowel form."""
    for vowel in _VOWELS:
        for capital in (False, True):
            base = vowel.upper() if capital else vowel
            yield base, vowel, None, capital
            for index, tone in enumerate(_TONES):
                yield unicodedata.normalize("NFC", base + tone), vowel, index, capital


def _tcvn3_table() -> dict[str, str]:
    table = {"đ": "\xae", "Đ": "\xa7"}
    for letter, vowel, tone, capital in _letters():
        plain, toned = _TCVN3_SMALL[vowel]
        if tone is not None:
            table[letter] = toned[tone]
        elif capital:
            table[letter] = _TCVN3_CAPITALS.get(letter, letter)
        else:
            table[letter] = plain
    return table


def _vni_table() -> dict[str, str]:
    table = {letter: pair[0] for letter, pair in _VNI_SINGLE.items()}
    table.update({letter.upper(): pair[1] for letter, pair in _VNI_SINGLE.items()})
    for letter, vowel, tone, capital in _letters():
        case = int(capital)
        base = vowel.upper() if capital else vowel
        if vowel in "âêô":
            plain = {"â": "a", "ê": "e", "ô": "o"}[vowel]
            plain = plain.upper() if capital else plain
            table[letter] = plain + (_VNI_HAT[case] if tone is None else _VNI_HAT_TONES[case][tone])
        elif vowel == "ă":
            plain = "A" if capital else "a"
            table[letter] = plain + (_VNI_BREVE[case] if tone is None else _VNI_BREVE_TONES[case][tone])
        elif vowel in "ơư":
            single = _VNI_SINGLE[vowel][case]
            table[letter] = single if tone is None else single + _VNI_TONES[case][tone]
        elif vowel == "i":
            table[letter] = base if tone is None else _VNI_I_TONES[case][tone]
        elif vowel == "y" and tone == 4:
            table[letter] = _VNI_Y_DOT[case]
        else:
            table[letter] = base if tone is None else base + _VNI_TONES[case][tone]
    return table


TCVN3 = _tcvn3_table()
VNI = _vni_table()


def encode(text: str, table: dict[str, str]) -> str:
    """`text` in the legacy encoding, as the characters a legacy font shows (Windows-1252 code points)."""
    return "".join(table.get(ch, ch) for ch in unicodedata.normalize("NFC", text))


def to_bytes(text: str, table: dict[str, str]) -> bytes:
    return encode(text, table).encode("cp1252", errors="replace")


def decode(text: str, table: dict[str, str]) -> str:
    """The inverse of `encode`, longest code first (VNI writes a letter in up to two characters)."""
    reverse: dict[str, str] = {}
    for letter, code in table.items():
        # Where two letters share a code (TCVN3's toned capitals), the small letter wins.
        if code not in reverse or letter.islower():
            reverse[code] = letter
    out, i = [], 0
    while i < len(text):
        for size in (2, 1):
            piece = text[i : i + size]
            if len(piece) == size and piece in reverse:
                out.append(reverse[piece])
                i += size
                break
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def alphabet() -> str:
    """Every letter of Vietnamese, small and capital."""
    letters = [letter for letter, *_ in _letters()]
    return "".join(letters) + "đĐ" + "bcdghklmnpqrstvx" + "BCDGHKLMNPQRSTVX"
