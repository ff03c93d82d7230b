import io
import json

import pytest
from django.core.management import call_command

from unionreports.reports.demo import load_demo
from unionreports.reports.models import ReportItem
from unionreports.reports.proofreading import committee_records, proofread_report

pytestmark = pytest.mark.django_db


def test_the_demo_reports_have_no_finding():
    report = load_demo()
    assert [f.to_dict() for f in proofread_report(report)] == []
    summary = report.term.reports.get(kind="tong_ket")
    assert [f.to_dict() for f in proofread_report(summary)] == []


def test_the_records_of_the_demo_committee():
    report = load_demo()
    records = committee_records(report.term, report.date)
    assert (records.elected, records.left, records.by_elected, records.at_end) == (7, 2, 2, 7)
    assert (records.start_year, records.end_year) == (2017, 2022)
    assert (records.degree_share, records.trained_share) == (100, 100)


def test_shares_in_per_cent_are_checked_against_the_records():
    report = load_demo()
    report.opening += " Có 80% Ủy viên Ban Chấp hành có trình độ đại học và được tập huấn nghiệp vụ."
    report.save()
    findings = [(f.text, f.suggestion) for f in proofread_report(report)]
    assert findings == [("80", "100"), ("80", "100")]


def proofread_command(*args) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(SystemExit) as exit_:
        call_command("proofread", *args, stdout=out, stderr=err)
        raise SystemExit(0)
    return exit_.value.code, out.getvalue(), err.getvalue()


def test_the_command_passes_the_demo_report():
    report = load_demo()
    code, out, _err = proofread_command("--report", str(report.pk), "--format", "json")
    assert (code, json.loads(out)) == (0, [])
    code, out, _err = proofread_command("--report", str(report.pk))
    assert code == 0
    assert "Không phát hiện lỗi" in out


def test_figures_in_the_prose_are_checked_against_the_committee_records():
    report = load_demo()
    report.opening += " Đại hội đã bầu Ban Chấp hành gồm có 08 đồng chí, trong nhiệm kỳ có 03 đồng chí không tiếp tục tham gia."
    report.save()
    code, out, _err = proofread_command("--report", str(report.pk), "--format", "json")
    found = [(f["kind"], f["text"], f["suggestion"], f["where"]["label"]) for f in json.loads(out)]
    assert code == 1
    assert found == [("figures", "08", "07", "Mở đầu › đoạn 1"), ("figures", "03", "02", "Mở đầu › đoạn 1")]
    assert "hồ sơ nhân sự" in json.loads(out)[0]["message"]


def test_a_slip_typed_into_a_saved_report_is_found_where_it_is():
    report = load_demo()
    item = ReportItem.objects.filter(section__report=report).order_by("id").first()
    item.text = item.text.replace("hội nghị", "hội nghị nghị", 1).replace("Ban Chấp hành", "Ban chấp hành", 1)
    item.save()
    code, out, _err = proofread_command("--report", str(report.pk), "--format", "json")
    findings = json.loads(out)
    assert code == 1
    assert [f["kind"] for f in findings] == ["capitals"]
    assert findings[0]["where"]["item"].endswith(f"/item-{item.pk}")
    assert findings[0]["where"]["label"].startswith("III.")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--report", "999999"], "There is no report 999999"),
        (["--file", "/nonexistent/bao-cao.txt"], "Cannot read"),
    ],
)
def test_bad_input_exits_with_2(args, message):
    code, out, err = proofread_command(*args)
    assert code == 2
    assert message in err
    assert out == ""


def test_a_file_of_the_wrong_kind_exits_with_2(tmp_path):
    path = tmp_path / "bao-cao.pdf"
    path.write_bytes(b"%PDF-1.7")
    code, _out, err = proofread_command("--file", str(path))
    assert code == 2
    assert err.strip()


def test_the_report_page_shows_the_writer_the_slips(client, secretary, member):
    report = load_demo()
    item = ReportItem.objects.filter(section__report=report).order_by("id").first()
    item.text = item.text.replace("Ban Chấp hành", "Ban chấp hành", 1)
    item.save()
    client.force_login(secretary)
    page = client.get(f"/reports/{report.pk}/").content.decode()
    assert "proofreading-panel" in page
    assert "<mark>Ban chấp hành</mark>" in page
    assert "Sửa thành “Ban Chấp hành”" in page
    client.force_login(member)
    assert "proofreading-panel" not in client.get(f"/reports/{report.pk}/").content.decode()


def test_the_report_page_proofreads_the_text_as_it_is_now(client, secretary):
    report = load_demo()
    client.force_login(secretary)
    assert "proofreading-finding" not in client.get(f"/reports/{report.pk}/").content.decode()
    item = ReportItem.objects.filter(section__report=report).order_by("id").first()
    item.text = item.text.replace("hội nghị", "hội  nghị", 1)
    item.save()
    page = client.get(f"/reports/{report.pk}/").content.decode()
    assert "<mark>hội  nghị</mark>" in page
