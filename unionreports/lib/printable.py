"""Text users typed, made safe for places that accept no control characters (headers, XML)."""

import unicodedata

# Categories that have no business in a name or a title: controls (CR, LF, NUL…), format
# characters, surrogates, private use, unassigned, and the Unicode line and paragraph separators.
UNPRINTABLE = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}


def has_unprintable(text: str) -> bool:
    return any(unicodedata.category(ch) in UNPRINTABLE for ch in text)


def printable(text: str) -> str:
    """`text` on one line: unprintable characters become spaces, runs of whitespace one space."""
    return " ".join("".join(" " if unicodedata.category(ch) in UNPRINTABLE else ch for ch in text).split())
