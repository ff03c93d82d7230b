"""Reports in the layouts unions write, in every format, imported with every piece in its place.

Each report of `tests/data/corpus/` (or of the directory `CORPUS_DIR` names) is imported from
each of its files as `manage.py import_report` imports it, then composed and rendered back; what
a reader sees is compared with the report's manifest, one aspect per test:

- header: the issuing union, the document's number, place and date, the kind of report, its subject
  as read and as printed;
- outline: the opening, each part and section in order with its kind, title and items, the
  committee's figures in part I, the closing, and nothing left unplaced;
- signature: who signs and as what, the recipients, the footnotes;
- words: 97 in a hundred of the source's words, in order, in the rendered text.

Drop a report in with its manifest and run the check on it:

    CORPUS_DIR=path/to/reports make test PYTEST_ARGS="tests/importing/test_corpus.py"
"""

import os
from pathlib import Path

import pytest

from tests.importing.corpus import ASPECTS, CORPUS, Case, cases, check

DIRECTORY = Path(os.environ.get("CORPUS_DIR", CORPUS))
CASES = cases(DIRECTORY)

# What the importer does not read yet on main, by (report, format, aspect); "*" stands for any,
# and the reasons of every line that matches a case are given. Remove a line once its cases pass:
# the marks are not strict, so a case that passes early is reported, not failed.
NOT_YET: dict[tuple[str, str, str], str] = {
    ("doan-thanh-nien-abc", "*", "header"): "the subject printed is the report kind's own (“Tổng kết hoạt "
    "động Đoàn cơ sở … và phương hướng, nhiệm vụ nhiệm kỳ 2022 – 2025”), not the file's",
    (
        "tong-ket-phan-thu",
        "*",
        "header",
    ): "the subject printed is the report kind's own, naming the next term "
    "2022 – 2027 where the file says 2023 – 2028 (its congress is in 2023)",
    ("doan-thanh-nien-abc", "*", "signature"): "the signer's title BÍ THƯ is printed as the chair's CHỦ TỊCH",
    (
        "doan-thanh-nien-abc",
        "tcvn3.txt",
        "outline",
    ): "TCVN3 converted gives the title “Bí THƯ” (a capital written with a small letter's code): "
    "not read as the signer's title, it is left unplaced",
    (
        "doan-thanh-nien-abc",
        "vni.docx",
        "words",
    ): "the file's call of its footnote is an empty superscript run (no w:footnoteReference): the "
    "footnote is never called, its words are missing (95 in a hundred come back, not 97)",
    (
        "kiem-diem-danh-gia-chung",
        "vntime.docx",
        "signature",
    ): "the file's call of its footnote is an empty superscript run (no w:footnoteReference): "
    "the footnote in footnotes.xml is never called, so none is read",
}


def expected_failure(case: Case, aspect: str) -> str | None:
    reasons = [
        NOT_YET[key]
        for key in (
            ("*", case.format, "*"),
            ("*", case.format, aspect),
            (case.report, case.format, aspect),
            (case.report, "*", aspect),
        )
        if key in NOT_YET
    ]
    return "; ".join(reasons) or None


def params():
    for case in CASES:
        for aspect in ASPECTS:
            reason = expected_failure(case, aspect) if DIRECTORY == CORPUS else None
            marks = [pytest.mark.xfail(strict=False, reason=reason)] if reason else []
            yield pytest.param(case, aspect, marks=marks, id=f"{case.id}:{aspect}")


_results = {}


def result_of(case: Case):
    """The check of `case`, made once for its four aspects (the data it returns outlives the test's transaction)."""
    if case not in _results:
        _results[case] = check(case)
    return _results[case]


@pytest.mark.django_db
@pytest.mark.parametrize(("case", "aspect"), list(params()))
def test_what_a_reader_sees_is_what_the_report_says(case, aspect):
    differences = result_of(case).differences[aspect]
    assert not differences, "\n".join(differences)


def test_the_corpus_holds_every_layout_in_every_format():
    formats = {case.format for case in cases(CORPUS)}
    assert {
        "txt",
        "md",
        "pandoc.docx",
        "soffice.docx",
        "word.docx",
        "pdf",
        "pdf.txt",
        "tcvn3.txt",
        "vni.txt",
    } <= formats
    assert {"numbered.docx", "vntime.docx", "vni.docx"} <= formats
    assert len({case.report for case in cases(CORPUS)}) >= 8
