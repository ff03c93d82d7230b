"""What the proofreader reports: a slip, where it is, and what to write instead."""

from dataclasses import asdict, dataclass

# The kinds of findings, in the order a reader meets them in the rules.
KINDS = (
    "spacing",
    "glued",
    "digits",
    "repeated",
    "spelling",
    "confusion",
    "norm",
    "consistency",
    "capitals",
    "dash",
    "date_line",
    "numbering",
    "figures",
    "abbreviation",
)


@dataclass(frozen=True)
class Where:
    """The part, section and item a finding is in, as identities and as words for a person."""

    part: str = ""  # "I.", "PHẦN THỨ NHẤT", "" for the header, opening and closing
    section: str = ""  # the section's computed number ("1.2.") or ""
    item: str = ""  # the record's anchor ("area-7/item-91") or the block's position ("block-3")
    label: str = ""  # "II. KẾT QUẢ … › 1.2. Về trách nhiệm … › đoạn 3"


@dataclass(frozen=True)
class Finding:
    kind: str
    text: str  # the passage exactly as written
    suggestion: str | None
    message: str  # Vietnamese: why, citing the rule where there is one
    where: Where = Where()
    # Offsets of `text` in the paragraph's (or title's) text: where an editor applies the suggestion.
    start: int = 0
    end: int = 0

    def to_dict(self) -> dict:
        return asdict(self)
