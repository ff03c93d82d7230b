"""Vietnamese syllables: tone marks, the two placements of a tone mark, and the structure rules.

A syllable is onset + (medial) + nucleus + (coda), with one of six tones; the stop codas
(c, ch, p, t) take only the sắc or nặng tone. `is_syllable` checks this without a dictionary.
"""

import re
import unicodedata

TONES = {"\u0300": "huyền", "\u0301": "sắc", "\u0309": "hỏi", "\u0303": "ngã", "\u0323": "nặng"}

ONSETS = "ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x"
# Rhymes without tone: (medial) nucleus (coda). Listed, since the combinations are few and fixed.
_RHYMES = """
a ai ao au ay am an ang anh ac ach ap at
ăm ăn ăng ăc ăp ăt
âu ây âm ân âng âc âp ât
e eo em en eng ec ep et
ê êu êm ên ênh êch êp êt
i ia iu im in inh ich ip it
iê iêu iêm iên iêng iêc iêp iêt
y ya yêu yêm yên yêng yêt
o oi om on ong oc op ot oong ooc
ô ôi ôm ôn ông ôc ôp ôt
ơ ơi ơm ơn ơp ơt
u ua ui um un ung uc up ut
uô uôi uôm uôn uông uôc uôt
ư ưa ưi ưu ưng ưc ưt ưm ưn
ươ ươi ươu ươm ươn ương ươc ươp ươt
oa oai oao oay oam oan oang oanh oac oach oap oat
oă oăm oăn oăng oăc oăt
oe oeo oem oen oet
uâ uân uâng uât uây
uê uêch uênh uên uêt
uy uya uyu uych uyn uynh uyt uyp uyên uyêt
uơ
""".split()
RHYMES = frozenset(_RHYMES)
STOPS = ("c", "ch", "p", "t")
SYLLABLE = re.compile(rf"^({ONSETS})?(.+)$")
_ALPHABET = set("aăâbcdđeêghiklmnoôơpqrstuưvxy")


def split_tone(word: str) -> tuple[str, str]:
    """The syllable without its tone mark, and the tone mark ("" for none)."""
    tone = ""
    kept = []
    for ch in unicodedata.normalize("NFD", word):
        if ch in TONES:
            tone = ch
        else:
            kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept)), tone


def is_syllable(word: str) -> bool:
    """Whether `word` (any case) is a well-formed Vietnamese syllable."""
    base, tone = split_tone(word.lower())
    if not base or not set(base) <= _ALPHABET:
        return False
    for onset in [o for o in ONSETS.split("|") if base.startswith(o)] + [""]:
        rhyme = base[len(onset) :]
        if onset == "gi" and ("i" + rhyme in RHYMES and rhyme not in RHYMES):
            rhyme = "i" + rhyme  # gì, gìn, giếng: gi + a rhyme in i
        if onset == "qu":  # the u of qu is the medial: qua = /kwa/ as hoa, quê as huê
            if not rhyme:
                continue
            rhyme = ("o" if rhyme[0] in "aăe" else "u") + rhyme
        if rhyme not in RHYMES:
            continue
        if (onset in ("c", "g", "ng") and rhyme[0] in "eêiy") or (
            onset in ("k", "gh", "ngh") and rhyme[0] not in "eêiy"
        ):
            continue
        if rhyme.endswith(STOPS) and tone not in ("\u0301", "\u0323"):
            continue
        return True
    return False


_TONED_VOWEL = re.compile(r"([oóòỏõọuúùủũụ])([aáàảãạeéèẻẽẹyýỳỷỹỵ])$")


def placement(word: str) -> str:
    """ "new" for hòa/thủy/ủy, "old" for hoà/thuỷ/uỷ, "" when the placement cannot differ."""
    lower = word.lower()
    if lower.startswith("qu") or lower.startswith("gi"):
        return ""
    match = _TONED_VOWEL.search(lower)
    if not match:
        return ""
    first, second = (split_tone(ch)[1] for ch in match.groups())
    if first and not second:
        return "new"
    if second and not first:
        return "old"
    return ""


def other_placement(word: str) -> str:
    """The same syllable with its tone mark on the other vowel of oa/oe/uy (hòa ↔ hoà)."""
    match = _TONED_VOWEL.search(word.lower())
    if not match:
        return word
    at = match.start()
    a, b = word[at], word[at + 1]
    (a_base, a_tone), (b_base, b_tone) = split_tone(a), split_tone(b)
    tone = a_tone or b_tone
    new_a = unicodedata.normalize("NFC", a_base + (b_tone and tone))
    new_b = unicodedata.normalize("NFC", b_base + (a_tone and tone))
    return word[:at] + new_a + new_b + word[at + 2 :]
