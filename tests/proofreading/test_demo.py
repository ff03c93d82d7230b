import pytest

from unionreports.reports.demo import load_demo
from unionreports.reports.proofreading import committee_records, proofread_report

pytestmark = pytest.mark.django_db


def test_the_demo_reports_have_no_finding():
    report = load_demo()
    assert [f.to_dict() for f in proofread_report(report)] == []
    summary = report.term.reports.get(kind="tong_ket")
    assert [f.to_dict() for f in proofread_report(summary)] == []


def test_the_records_of_the_demo_committee():
    records = committee_records(load_demo())
    assert (records.elected, records.left, records.by_elected, records.at_end) == (7, 2, 2, 7)
    assert (records.start_year, records.end_year) == (2017, 2022)
