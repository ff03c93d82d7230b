"""File names built from what users typed (a union's name), safe in any header or file system."""

import unicodedata

from .printable import printable

# Characters: file systems cap names near 255 bytes, and this keeps headers short.
LONGEST = 150


def safe_file_name(name: str, *, limit: int = LONGEST) -> str:
    """`name` without unprintable characters or slashes, whitespace folded, at most `limit` characters.

    The extension (after the last dot) is kept whole; the part before it is cut.
    """
    stem, dot, extension = unicodedata.normalize("NFC", name).rpartition(".")
    if not dot:
        stem, extension = extension, ""
    extension = "".join(ch for ch in extension if ch.isalnum())[:10]
    cleaned = printable(stem.replace("/", "-").replace("\\", "-"))
    room = limit - len(extension) - 1 if extension else limit
    cleaned = cleaned[:room].rstrip(" .") or "document"
    return f"{cleaned}.{extension}" if extension else cleaned
