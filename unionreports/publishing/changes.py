"""What changed in a report since a round of review, block by block, moves shown as moves."""

from dataclasses import dataclass

from django.db.models import Q

from unionreports.document import ReportDocument
from unionreports.lib.blockdiff import Block, Change, compare

from .blocks import document_blocks
from .models import ReviewRound, TextVersion, Verdict


def _by_sections(blocks: list[Block]) -> list[Block]:
    """`blocks` as a text kept only by sections reads: headings with their numbers, no items' identities."""
    out = []
    for block in blocks:
        if block.kind == "heading":
            out.append(Block(block.key, "heading", f"{block.number} {block.text}".strip()))
        elif block.key in ("header", "end"):
            out.append(block)
        else:
            out.append(
                Block("", "text", " ".join(p for p in (block.number, block.text) if p), parent=block.parent)
            )
    return out


def _from_sections(sections: dict, headings: dict[str, str]) -> list[Block]:
    """Blocks of a text kept as {anchor: (heading, text)} or {anchor: text}; headings missing
    from it are taken from `headings` (the current ones), so they read as unchanged."""
    blocks = []
    for anchor, value in sections.items():
        heading, text = value if isinstance(value, list | tuple) else (headings.get(anchor, ""), value)
        if anchor in ("header", "end"):
            blocks.append(Block(anchor, "text", text))
            continue
        if anchor not in ("opening", "closing"):
            blocks.append(Block(anchor, "heading", heading))
        blocks += [Block("", "text", line, parent=anchor) for line in text.split("\n") if line.strip()]
    header = [b for b in blocks if b.key == "header"]
    end = [b for b in blocks if b.key == "end"]
    return header + [b for b in blocks if b.key not in ("header", "end")] + end


@dataclass(frozen=True)
class Comparison:
    since: ReviewRound | None
    changes: list[Change]
    answered: bool  # compared with the text the member answered in that round, not the one sent

    @property
    def numbered(self) -> list[tuple[Change, int]]:
        """Each change with its number among those a reader looks for (0 for what stayed as it was)."""
        out, n = [], 0
        for change in self.changes:
            told = change.status != "same" or change.moved
            n += told
            out.append((change, n if told else 0))
        return out

    @property
    def counts(self) -> dict[str, int]:
        """How many blocks were inserted, deleted, changed and moved."""
        counts = dict.fromkeys(("inserted", "deleted", "changed", "moved"), 0)
        for change in self.changes:
            if change.status in counts:
                counts[change.status] += 1
            counts["moved"] += change.moved
        return counts


def changes_since(document: ReportDocument, since: ReviewRound | None, user=None) -> Comparison:
    """The current `document` marked against the text of `since`: the text `user` answered in
    that round if they did, else the text sent. Two queries."""
    new = document_blocks(document)
    if since is None:
        return Comparison(None, [Change("same", block) for block in new], False)
    answered = (
        Verdict.objects.filter(round=since, user=user)
        .exclude(digest="")
        .values_list("digest", flat=True)
        .first()
        if user is not None
        else None
    )
    versions = {
        v.digest: v
        for v in TextVersion.objects.filter(report_id=since.report_id).filter(
            Q(digest=since.digest) | Q(digest=answered or since.digest)
        )
    }
    version = versions.get(answered) or versions.get(since.digest)
    if version is not None and version.blocks:
        old = [Block.from_json(item) for item in version.blocks]
    else:
        headings = {b.key: f"{b.number} {b.text}".strip() for b in new if b.kind == "heading"}
        old = _from_sections(version.sections if version else since.snapshot, headings)
        kept = {b.key for b in old}
        # A round's snapshot holds no heading block or signature: those then read as unchanged.
        new = [b for b in _by_sections(new) if b.key not in ("header", "end") or b.key in kept]
    return Comparison(since, compare(old, new), version is not None and version.digest == answered)
