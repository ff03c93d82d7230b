"""Reports written in other layouts than the sample import with every part in its place.

The files in `tests/data/layouts/` are reports as unions write them: "PHẦN THỨ NHẤT / PHẦN THỨ
HAI" on a line of their own or with their title, "ĐẶC ĐIỂM TÌNH HÌNH" before the results,
"ĐÁNH GIÁ CHUNG" holding strengths, limitations, causes and lessons, a final "PHƯƠNG HƯỚNG",
headings typed without diacritics, "+" and "•" bullets. `expected.json` says, for each, the
outline a reader sees on paper: each part's title, kind and what it holds.
"""

import datetime
import json
from pathlib import Path

import pytest

from tests.pages import reading_order
from unionreports.importing.services import read_report, report_import
from unionreports.rendering.text import render_text
from unionreports.reports.compose import compose_report
from unionreports.reports.models import Report

LAYOUTS = Path(__file__).resolve().parent.parent / "data" / "layouts"
EXPECTED = json.loads((LAYOUTS / "expected.json").read_text(encoding="utf-8"))


def shape(section) -> dict:
    """A section as `expected.json` describes it."""
    found = {"title": section.title, "kind": section.kind}
    if section.kind == "group":
        found["children"] = [shape(child) for child in section.children]
    elif section.kind == "areas":
        found["areas"] = len(section.children)
    elif section.kind == "list":
        found["items"] = sum(1 for p in section.blocks if p.style == "bullet" or p.label)
    elif section.kind == "prose":
        found["items"] = len(section.blocks)
    return found


def expected_shape(entry: dict) -> dict:
    wanted = {"title": entry["title"], "kind": entry["kind"]}
    for key in ("children", "areas", "items"):
        if key in entry and entry["kind"] != "personnel":
            wanted[key] = [expected_shape(c) for c in entry[key]] if key == "children" else entry[key]
    return wanted


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_part_is_read_as_its_kind_with_what_it_holds(name):
    imported = read_report(name, (LAYOUTS / name).read_bytes())
    expected = EXPECTED[name]
    assert [shape(part) for part in imported.document.parts] == [expected_shape(p) for p in expected["parts"]]
    assert imported.report_kind == expected["report_kind"]
    assert imported.number == expected["number"]
    assert imported.document.signature.name == expected["signer"]
    assert len(imported.document.opening) == expected["opening"]
    assert imported.leftovers == ()


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_report_ends_with_its_closing_not_inside_its_last_part(name):
    imported = read_report(name, (LAYOUTS / name).read_bytes())
    lines = [line.strip() for line in (LAYOUTS / name).read_text(encoding="utf-8").splitlines()]
    end = next(i for i, line in enumerate(lines) if line.startswith(("TM.", "Nơi nhận")))
    last_words = next(line for line in reversed(lines[:end]) if line)
    assert imported.document.closing[-1].text == last_words
    assert all(last_words != p.text for s in imported.document.sections() for p in s.blocks)


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_saved_and_composed_again_it_reads_the_same(demo_report, name):
    imported = read_report(name, (LAYOUTS / name).read_bytes())
    report = report_import(
        term=demo_report.term, imported=imported, number=imported.number, date=datetime.date(2023, 3, 5)
    )
    report = Report.objects.with_document_data().get(pk=report.pk)
    document = compose_report(report)
    assert report.kind == EXPECTED[name]["report_kind"]
    # The outline saved is the one read, part for part, kind for kind, numbered the same way.
    assert [(s.number, s.title, s.kind) for s in document.sections() if s.kind != "area"] == [
        (s.number, s.title, s.kind) for s in imported.document.sections() if s.kind != "area"
    ]
    assert [s.kind for s in reading_order(report)] == [
        s.kind for s in imported.document.sections() if s.kind != "area"
    ]
    text = render_text(document)
    for part in imported.document.parts:
        assert part.title in text
    if report.kind == "tong_ket":
        assert "PHẦN THỨ NHẤT" in text and "PHẦN THỨ HAI" in text
        assert document.subject.startswith("Tổng kết hoạt động")
