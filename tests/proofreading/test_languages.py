"""The proofreader's messages and places are in the reader's language: Vietnamese by default,
English on the English interface and on demand in the command."""

import html
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

from tests.proofreading.test_demo import proofread_command
from unionreports.reports.demo import load_demo
from unionreports.reports.models import ReportItem
from unionreports.reports.proofreading import clear_proofreading_cache

pytestmark = pytest.mark.django_db
CORPUS = Path(__file__).parent / "corpus"

SLIP = {
    "vi": ("Viết hoa sai: “Ban chấp hành” → “Ban Chấp hành” (Nghị định 30/2020/NĐ-CP, Phụ lục II"),
    "en": ("Wrong capitals: “Ban chấp hành” → “Ban Chấp hành” (Decree 30/2020/NĐ-CP, Appendix II"),
}
FIGURE = {
    "vi": ("Mở đầu › đoạn 1", "Số ủy viên Đại hội bầu ghi ở đây là 08, hồ sơ nhân sự ghi 07."),
    "en": (
        "Opening › paragraph 1",
        "The number of committee members the congress elected: 08 here, 07 in the personnel records.",
    ),
}


@pytest.fixture
def report():
    """The demo report with a capital missing in an item and a wrong figure in its opening."""
    report = load_demo()
    item = ReportItem.objects.filter(section__report=report).order_by("id").first()
    item.text = item.text.replace("Ban Chấp hành", "Ban chấp hành", 1)
    item.save()
    report.opening += " Đại hội đã bầu Ban Chấp hành gồm có 08 đồng chí."
    report.save()
    return report


def report_page(client, report, language: str) -> str:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return html.unescape(client.get(report.get_absolute_url()).content.decode())


def test_the_english_interface_shows_the_slips_in_english(client, secretary, report):
    client.force_login(secretary)
    page = report_page(client, report, "en")
    assert SLIP["en"] in page
    assert all(words in page for words in FIGURE["en"])
    assert "Viết hoa sai" not in page and "đoạn 1" not in page


@pytest.mark.parametrize("languages", [("en", "vi", "en"), ("vi", "en", "vi")])
def test_each_language_shows_its_own_messages_for_the_same_report(client, secretary, report, languages):
    """The findings are kept between views of an unchanged report: kept once per language."""
    clear_proofreading_cache()
    client.force_login(secretary)
    for language in languages:
        other = "vi" if language == "en" else "en"
        page = report_page(client, report, language)
        assert SLIP[language] in page and SLIP[other] not in page
        assert all(words in page for words in FIGURE[language])


def test_the_command_prints_vietnamese_whatever_language_is_active(report):
    with translation.override("en"):
        code, out, _err = proofread_command("--report", str(report.pk))
        assert code == 1
        assert SLIP["vi"] in out and FIGURE["vi"][1] in out and "2 lỗi." in out
        code, out, _err = proofread_command("--report", str(report.pk), "--format", "json")
    messages = [finding["message"] for finding in json.loads(out)]
    assert FIGURE["vi"][1] in messages and any(m.startswith(SLIP["vi"]) for m in messages)


def test_the_command_prints_english_when_asked(report):
    before = translation.get_language()
    code, out, _err = proofread_command("--report", str(report.pk), "--language", "en")
    assert code == 1
    assert SLIP["en"] in out and "Opening › paragraph 1:" in out and "2 slips." in out
    code, out, _err = proofread_command("--report", str(report.pk), "--language", "en", "--format", "json")
    assert {finding["where"]["label"] for finding in json.loads(out)} >= {"Opening › paragraph 1"}
    # and the command's language does not stay behind it
    assert translation.get_language() == before


@pytest.mark.parametrize(
    ("args", "message", "total"),
    [
        ([], "Thừa dấu cách: giữa hai chữ chỉ có một dấu cách.", "1 lỗi."),
        (["--language", "en"], "One space too many: two words are separated by a single space.", "1 slip."),
    ],
)
def test_the_command_run_from_a_shell_speaks_vietnamese_unless_asked(tmp_path, args, message, total):
    text = (CORPUS / "kiem-diem-so-tu-phap.txt").read_text().replace("hình thức, chưa", "hình thức,  chưa", 1)
    path = tmp_path / "bao-cao.txt"
    path.write_text(text)
    done = subprocess.run(
        [sys.executable, "manage.py", "proofread", "--file", str(path), *args],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1, done.stderr
    assert f"“thức,  chưa” → “thức, chưa”: {message}" in done.stdout
    assert done.stdout.strip().endswith(total)
