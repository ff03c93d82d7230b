"""The Vietnamese dictionary: Debian's hunspell-vi through spylls, loaded once per process.

Without the dictionary files the structure rules of `syllables` decide alone.
"""

import functools
import os
from pathlib import Path

from .syllables import is_syllable, other_placement

DICTIONARY = os.environ.get("UNIONREPORTS_HUNSPELL_VI", "/usr/share/hunspell/vi_VN")


@functools.cache
def load():
    """The hunspell dictionary, or None when it is not installed."""
    if not Path(DICTIONARY + ".dic").exists() or not Path(DICTIONARY + ".aff").exists():
        return None
    from spylls.hunspell import Dictionary

    return Dictionary.from_files(DICTIONARY)


@functools.lru_cache(maxsize=20000)
def known(syllable: str) -> bool:
    """Whether a lower-case syllable is Vietnamese: in the dictionary (either tone placement) or,
    without one, well formed."""
    dictionary = load()
    if dictionary is None:
        return is_syllable(syllable)
    return dictionary.lookup(syllable) or dictionary.lookup(other_placement(syllable))
