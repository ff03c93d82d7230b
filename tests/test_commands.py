import io

import pytest
from django.core.management import CommandError, call_command
from pypdf import PdfReader

from unionreports.publishing.state import report_state
from unionreports.reports.compose import compose_report
from unionreports.reports.models import Report, ReportItem

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_loaddemo_prints_the_report_page_last_and_can_run_twice():
    first = run("loaddemo").splitlines()
    second = run("loaddemo").splitlines()
    report = Report.objects.get(kind="kiem_diem")
    link = report.public_links.get()
    assert first[-2:] == second[-2:] == [f"report /reports/{report.pk}/", f"published /p/{link.token}/"]
    document = compose_report(Report.objects.with_document_data().get(pk=report.pk))
    assert report_state(report, document).status == "published" and report.publications.count() == 1
    assert report.term.memberships.count() == 9
    assert ReportItem.objects.filter(section__report=report).count() == 12
    summary = Report.objects.get(kind="tong_ket")
    assert f"/reports/{summary.pk}/" in first[-3]


@pytest.mark.parametrize(
    ("format", "check"),
    [
        # The demo report is not published: a draft, marked.
        ("txt", lambda data: data.decode().startswith("DỰ THẢO\nCÔNG ĐOÀN VIÊN CHỨC TỈNH HÀ TĨNH")),
        ("html", lambda data: b'<html lang="vi">' in data and b"@font-face" in data),
        ("pdf", lambda data: "BÁO CÁO" in PdfReader(io.BytesIO(data)).pages[0].extract_text()),
    ],
)
def test_render_report_writes_each_format(demo_report, tmp_path, format, check):
    target = tmp_path / f"report.{format}"
    output = run("render_report", str(demo_report.pk), "--format", format, "--output", str(target))
    assert str(target) in output
    assert check(target.read_bytes())


def test_render_report_says_when_there_is_no_such_report(db):
    with pytest.raises(CommandError, match="no report 404"):
        run("render_report", "404")
