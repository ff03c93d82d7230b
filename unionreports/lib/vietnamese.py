"""Vietnamese administrative writing conventions (Nghị định 30/2020/NĐ-CP)."""

import datetime
import unicodedata


def nfc(text: str) -> str:
    """Unicode NFC: one code point per accented letter, as fonts and search expect."""
    return unicodedata.normalize("NFC", text)


def count(n: int) -> str:
    """Counts of people are written with two digits below ten: 02 đồng chí."""
    return f"{n:02d}"


def date_line(place: str, day: datetime.date) -> str:
    """The place and date line: 'Hà Tĩnh, ngày 05 tháng 3 năm 2023'.

    Days below 10 and the months January and February take a leading zero, so that
    nobody can add a digit in front of them.
    """
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


def upper(text: str) -> str:
    return nfc(text).upper()


def sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def to_roman(n: int) -> str:
    numerals = [
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ]  # fmt: skip
    out = []
    for value, numeral in numerals:
        while n >= value:
            out.append(numeral)
            n -= value
    return "".join(out)
