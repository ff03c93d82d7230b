"""Text in TCVN3 or VNI, the encodings of Vietnamese before Unicode, told apart and converted.

An encoding is chosen by what the text reads as: the words it changes must be Vietnamese
syllables once converted and must not be before. Text in Unicode reads as Vietnamese already and
is never converted.
"""

import re

from unionreports.lib.legacy_vietnamese import TCVN3_TO_UNICODE, from_tcvn3, from_vni
from unionreports.proofreading.syllables import is_syllable

TCVN3, VNI = "tcvn3", "vni"
CONVERT = {TCVN3: from_tcvn3, VNI: from_vni}
# Enough words to tell; a long text is judged by its first ones, in time bounded whatever its size.
SAMPLE = 5_000
# Of the words a conversion changes: how many must read as Vietnamese after it, and may before.
AFTER, BEFORE = 0.8, 0.3
WORD = re.compile(r"[^\s\d.,;:!?()\[\]{}\"'“”‘’…/%=<>*&#@+|-]+")
ASCII_LETTERS = re.compile(r"[A-Za-z]")


def detect(text: str) -> str | None:
    """TCVN3 or VNI when `text` reads as Vietnamese only once converted from it; else None."""
    words = _words(text)
    best, best_score = None, 0.0
    for encoding in CONVERT:
        changed, after, before = _syllables(words, encoding)
        if changed < 3:
            continue
        if after >= AFTER * changed and before <= BEFORE * changed and after / changed > best_score:
            best, best_score = encoding, after / changed
    return best


def reads_better(text: str, encoding: str) -> bool:
    """Whether the words of `text` a conversion from `encoding` changes read as Vietnamese more
    often after it than before: text set in a legacy font but typed in Unicode does not."""
    _changed, after, before = _syllables(_words(text), encoding)
    return after > before


def _syllables(words: list[str], encoding: str) -> tuple[int, int, int]:
    """How many of `words` a conversion changes, and how many of those are syllables after it
    and before."""
    changed = after = before = 0
    for word in words:
        converted = CONVERT[encoding](word)
        if converted != word:
            changed += 1
            after += is_syllable(converted)
            before += is_syllable(word)
    return changed, after, before


def share_of_syllables(text: str) -> float:
    """Of the words of `text` with a letter other than ASCII, the share that are syllables."""
    words = _words(text)
    return sum(map(is_syllable, words)) / len(words) if words else 0.0


def _words(text: str) -> list[str]:
    """The first words of `text` with a character other than ASCII."""
    words = []
    for match in WORD.finditer(text):
        if not match.group().isascii():
            words.append(match.group())
            if len(words) >= SAMPLE:
                break
    return words


def convert(text: str, encoding: str, *, capitals: bool = False) -> str:
    """`text` in Unicode; `capitals` for a run in TCVN3's capitals font (.VnTimeH)."""
    if encoding == VNI:
        return from_vni(text)
    if capitals:
        return from_tcvn3(text, capitals=True)
    return "\n".join(_capitals_kept(line) for line in text.split("\n"))


# A capital typed after a lower-case letter's byte: "B¸O", "CHÊP" (a line typed with Caps Lock;
# "C§CS" is "CĐCS", Đ being one of TCVN3's capitals).
CAPS_LOCK = re.compile(
    "[" + re.escape("".join(code for code, letter in TCVN3_TO_UNICODE.items() if letter.islower())) + "][A-Z]"
)


def _capitals_kept(line: str) -> str:
    """A line typed with Caps Lock in TCVN3's lower-case font ("B¸O C¸O": its ASCII letters
    capitals, the others lower-case bytes) is put in capitals whole."""
    converted = from_tcvn3(line)
    letters = ASCII_LETTERS.findall(line)
    if all(letter.isupper() for letter in letters) and CAPS_LOCK.search(line) and converted != line:
        return converted.upper()
    return converted
