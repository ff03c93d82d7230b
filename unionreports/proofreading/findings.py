"""What the proofreader reports: a slip, where it is, and what to write instead."""

import hashlib
from dataclasses import asdict, dataclass

from django.utils.translation import gettext_lazy as _

# The kinds of findings, in the order a reader meets them in the rules, with their names.
KIND_LABELS = {
    "spacing": _("Spacing"),
    "glued": _("Words run together"),
    "digits": _("Letters run into figures"),
    "repeated": _("Word repeated"),
    "spelling": _("Spelling"),
    "confusion": _("Commonly confused words"),
    "norm": _("Current spelling norm"),
    "consistency": _("Spelt two ways"),
    "capitals": _("Capitals"),
    "dash": _("Dashes in year ranges"),
    "date_line": _("Place and date line"),
    "numbering": _("Numbering"),
    "figures": _("Figures against the records"),
    "abbreviation": _("Abbreviation"),
}
KINDS = tuple(KIND_LABELS)


@dataclass(frozen=True)
class Where:
    """The part, section and item a finding is in, as identities and as words for a person."""

    part: str = ""  # "I.", "PHẦN THỨ NHẤT", "" for the header, opening and closing
    section: str = ""  # the section's computed number ("1.2.") or ""
    item: str = ""  # the record's anchor ("area-7/item-91") or the block's position ("block-3")
    label: str = ""  # "II. KẾT QUẢ … › 1.2. Về trách nhiệm … › đoạn 3", in the language active when found
    # What holds the passage: the anchor of its section or area ("section-12", "area-7"), or
    # "subject", "opening", "closing", "header" for the report's own fields.
    holder: str = ""


@dataclass(frozen=True)
class Finding:
    kind: str
    text: str  # the passage exactly as written
    suggestion: str | None
    message: str  # why, citing the rule where there is one, in the language active when found
    where: Where = Where()
    # Offsets of `text` in the paragraph's (or title's) text: where an editor applies the suggestion.
    start: int = 0
    end: int = 0
    # The words around the passage in its paragraph: to show it in context, and to find it again in
    # the field the writer typed it into.
    before: str = ""
    after: str = ""

    @property
    def kind_label(self) -> str:
        return str(KIND_LABELS[self.kind])

    @property
    def key(self) -> str:
        """The finding's identity in its report, the same while the passage and what holds it stay:
        a dismissal is remembered by it. Nothing in it depends on the interface language, nor on
        a paragraph's position: a paragraph without a record of its own is known by the words
        before the passage."""
        where = "" if self.where.item.startswith("block-") else self.where.item
        words = "\x1f".join(
            (self.kind, self.where.holder, where, self.text, self.suggestion or "", self.before[-12:])
        )
        return hashlib.sha256(words.encode()).hexdigest()[:32]

    def to_dict(self) -> dict:
        return asdict(self)
