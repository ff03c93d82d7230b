"""The plain-text rendering of the demo report against the real report it was built from."""

import difflib
import re
from pathlib import Path

import pytest

from unionreports.rendering.text import render_text
from unionreports.reports.compose import compose_report
from unionreports.reports.models import Report

SEED = Path(__file__).resolve().parent.parent / "data" / "bao-cao-kiem-diem-bch-2017-2022.txt"

pytestmark = pytest.mark.django_db


def words(text: str) -> list[str]:
    """Case, whitespace and footnote markers folded away: '[footnoteRef:1]', '[1: …]', '[1]'."""
    text = re.sub(r"\[footnoteRef:\d+\]", "", text)
    text = re.sub(r"\[\d+:\s*", " ", text)
    text = re.sub(r"\[\d+\]", " ", text)
    text = text.replace("]", " ")
    return text.casefold().split()


# The sample's slips, which the demo data corrects (the proofreader finds each of them).
SLIPS = [
    (r"(\d{4}) ?- ?(\d{4})", r"\1 – \2"),
    (r"bảođảm", "bảo đảm"),
    (r"trọngtrong", "trọng trong"),
    (r"kỳ2017", "kỳ 2017"),
    (r"2022đã", "2022 đã"),
    (r"2025vào", "2025 vào"),
    (r"hành,bầu", "hành, bầu"),
    (r"trên,Nghị", "trên, Nghị"),
    (r"1\.1\.Về", "1.1. Về"),
    (r"các các", "các"),
    (r"nổ lực", "nỗ lực"),
    (r"\bqui\b", "quy"),
    (r"\bkì\b", "kỳ"),
    (r"thăm quan", "tham quan"),
]


def corrected(text: str) -> str:
    for slip, fix in SLIPS:
        text = re.sub(slip, fix, text)
    return text


@pytest.fixture
def comparison(demo_report):
    seed = words(corrected(SEED.read_text(encoding="utf-8")))
    ours = words(render_text(compose_report(Report.objects.with_document_data().get(pk=demo_report.pk))))
    matcher = difflib.SequenceMatcher(None, seed, ours, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return seed, ours, matcher, matched


def test_the_demo_report_carries_the_seeds_words_in_order(comparison):
    seed, _, _, matched = comparison
    assert matched / len(seed) >= 0.99  # the README quotes this figure


def test_the_demo_report_adds_little_beyond_header_numbering_and_signature(comparison):
    seed, ours, _, matched = comparison
    assert (len(ours) - matched) / len(seed) < 0.15


def test_the_differences_are_the_intended_ones(comparison):
    seed, ours, matcher, _ = comparison
    inserted = " ".join(
        " ".join(ours[j1:j2]) for tag, _, _, j1, j2 in matcher.get_opcodes() if tag in ("insert", "replace")
    )
    # The header, title and signature block, and the corrected numbering of part II.
    for expected in (
        "số: 03/bc-cđcs",
        "độc lập - tự do - hạnh phúc",
        "tm. ban chấp hành",
        "nơi nhận:",
        "1.2.",
        "1.3.",
    ):
        assert expected in inserted
    removed = [
        " ".join(seed[i1:i2]) for tag, i1, i2, _, _ in matcher.get_opcodes() if tag in ("delete", "replace")
    ]
    assert "2.1." in " ".join(removed) and "3.1." in " ".join(removed)
