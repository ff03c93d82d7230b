"""Ids posted by forms, read without trusting them."""

import re

# ASCII digits only ("²" and "١" pass str.isdigit), and no more than a bigint holds.
ID = re.compile(r"[0-9]{1,18}")


def parse_id(value: object) -> int | None:
    """The positive integer `value` spells, else None."""
    if isinstance(value, str) and ID.fullmatch(value):
        return int(value) or None
    return None
