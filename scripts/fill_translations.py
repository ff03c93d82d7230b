"""Fills empty Vietnamese translations from a dict module: `python scripts/fill_translations.py FILE`.

FILE defines VI = {english: vietnamese}; its translations replace those in the catalogue,
and clear the "fuzzy" guesses of makemessages. The script lists the interface strings that
still have no translation, or only a guess.
"""

import runpy
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

CATALOGUE = Path(__file__).resolve().parent.parent / "locale" / "vi" / "LC_MESSAGES" / "django.po"


def main(source: str) -> None:
    translations = runpy.run_path(source)["VI"]
    with CATALOGUE.open("rb") as file:
        catalogue = read_po(file, locale="vi")
    catalogue.project, catalogue.version = "unionreports", "1"
    catalogue.language_team = "Vietnamese"
    # A catalogue marked fuzzy as a whole is not compiled at all.
    catalogue.fuzzy = False
    missing = []
    for message in catalogue:
        if not message.id:
            continue
        # A plural entry has a tuple of ids; Vietnamese has one plural form.
        key = message.id[0] if isinstance(message.id, tuple) else message.id
        if key in translations:
            message.string = (translations[key],) if isinstance(message.id, tuple) else translations[key]
            message.flags.discard("fuzzy")
            message.previous_id = []
        string = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(string) or message.fuzzy:
            missing.append(key)
    with CATALOGUE.open("wb") as file:
        write_po(file, catalogue, width=100)
    for message_id in missing:
        print(f"untranslated: {message_id!r}")


if __name__ == "__main__":
    main(sys.argv[1])
