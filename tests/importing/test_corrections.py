"""The preview a secretary corrects before saving: a part's kind and title, the members of a
committee table, the header lines the report replaces; what is saved is what was corrected."""

import datetime
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.factories import TermFactory
from tests.importing.test_views import outline_rows, payload_of, upload
from tests.pages import reading_order
from unionreports.committee.models import Membership
from unionreports.reports.models import Report, ReportItem

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parent.parent / "data" / "outline"


def preview_of(client, organization, term, name: str):
    path = DATA / name
    return upload(client, organization, term, name=path.name, data=path.read_bytes())


class FormFields(HTMLParser):
    """The values a browser would send with the preview's form: its inputs and chosen options."""

    def __init__(self):
        super().__init__()
        self.values: dict[str, str] = {}
        self.select = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("type") in ("text", "hidden") and attrs.get("name"):
            self.values[attrs["name"]] = attrs.get("value") or ""
        elif tag == "select":
            self.select = attrs.get("name", "")
        elif tag == "option" and self.select and "selected" in attrs:
            self.values[self.select] = attrs.get("value", "")


def confirm(client, organization, preview, **fields):
    """Sends the preview's form as shown, with `fields` changed."""
    parser = FormFields()
    parser.feed(preview.content.decode())
    data = {**parser.values, "payload": payload_of(preview), "number": "15", "date": "02/06/2023", **fields}
    data.pop("csrfmiddlewaretoken", None)
    return client.post(reverse("importing:confirm", args=[organization.pk]), data)


@pytest.fixture
def fresh_term(demo_report):
    """A term of the demo union with no committee recorded yet, for the reports of 2023."""
    organization = demo_report.term.organization
    return TermFactory(
        organization=organization, start_year=2023, end_year=2028, congress_date=datetime.date(2023, 1, 10)
    )


def test_beside_each_part_the_preview_shows_the_heading_it_came_from_and_its_kind(
    client, secretary, demo_report
):
    term = demo_report.term
    client.force_login(secretary)
    page = preview_of(client, term.organization, term, "du-bao.txt").content.decode()
    assert outline_rows(page) == [
        ("I.", "DỰ BÁO TÌNH HÌNH", "Văn xuôi"),
        ("II.", "KẾT QUẢ CÔNG TÁC NHIỆM KỲ", "Các lĩnh vực đánh số"),
        ("III.", "ĐÁNH GIÁ CHUNG", "Gồm các mục con"),
        ("1.", "Ưu điểm", "Danh sách"),
        ("2.", "Hạn chế, khuyết điểm", "Danh sách"),
        ("3.", "Nguyên nhân", "Danh sách"),
        ("IV.", "CÔNG TÁC PHỐI HỢP VỚI CHUYÊN MÔN", "Danh sách"),
    ]
    assert "“III. ĐÁNH GIÁ CHUNG”" in page and "“2. Hạn chế, khuyết điểm”" in page


def test_the_kind_and_title_the_secretary_chooses_are_what_is_saved(client, secretary, fresh_term):
    organization = fresh_term.organization
    client.force_login(secretary)
    preview = preview_of(client, organization, fresh_term, "du-bao.txt")
    # The strengths were read as a list; the secretary wants them as prose, and renames the last part.
    response = confirm(
        client, organization, preview, **{"kind-2.0": "prose", "title-3": "PHỐI HỢP VỚI CHUYÊN MÔN"}
    )
    report = Report.objects.latest("id")
    assert response.status_code == 302 and response["Location"] == report.get_absolute_url()
    sections = reading_order(report)
    strengths = next(s for s in sections if s.title == "Ưu điểm")
    assert strengths.kind == "prose" and "Ban Chấp hành đã chủ động đối thoại" in strengths.text
    assert not ReportItem.objects.filter(section=strengths).exists()
    assert [s.title for s in sections if s.parent_id is None][-1] == "PHỐI HỢP VỚI CHUYÊN MÔN"


def test_a_failed_save_shows_the_preview_again_with_the_choices_kept(client, secretary, fresh_term):
    organization = fresh_term.organization
    client.force_login(secretary)
    preview = preview_of(client, organization, fresh_term, "du-bao.txt")
    before = Report.objects.count()
    # A date outside the term: nothing is saved, and the choices are still there.
    response = confirm(
        client, organization, preview, date="01/01/2019", **{"kind-0": "list", "title-0": "DỰ BÁO"}
    )
    assert response.status_code == 422 and Report.objects.count() == before
    assert outline_rows(response.content.decode())[0] == ("I.", "DỰ BÁO", "Danh sách")


def test_checking_again_shows_the_corrected_report_and_saves_nothing(client, secretary, fresh_term):
    organization = fresh_term.organization
    client.force_login(secretary)
    preview = preview_of(client, organization, fresh_term, "du-bao.txt")
    before = Report.objects.count()
    response = confirm(client, organization, preview, check="1", **{"kind-3": "prose"})
    assert response.status_code == 200 and Report.objects.count() == before
    assert outline_rows(response.content.decode())[-1] == (
        "IV.",
        "CÔNG TÁC PHỐI HỢP VỚI CHUYÊN MÔN",
        "Văn xuôi",
    )


def test_the_header_lines_the_report_replaces_are_listed_on_the_preview(client, secretary, demo_report):
    term = demo_report.term
    client.force_login(secretary)
    page = preview_of(client, term.organization, term, "du-bao.txt").content.decode()
    replaced = page.split("import-replaced")[1].split("</section>")[0]
    assert "Thay bằng phần đầu của chính báo cáo" in replaced
    assert "Số: 15/BC-CĐ" in replaced and "Phú Lợi, ngày 02 tháng 6 năm 2023" in replaced
    assert "CÔNG ĐOÀN CƠ SỞ CÔNG TY TNHH MAY THÀNH ĐẠT" in replaced


def test_the_committee_tables_rows_ticked_join_the_committee_with_the_report(client, secretary, fresh_term):
    organization = fresh_term.organization
    client.force_login(secretary)
    preview = preview_of(client, organization, fresh_term, "bch-dau-bao-cao.txt")
    boxes = re.findall(r'name="members" value="(\d+)"[^>]*>\s*<label[^>]*>([^<]*)<', preview.content.decode())
    assert [label for _value, label in boxes] == [
        "Đỗ Văn Minh – Chủ tịch",
        "Ngô Thị Hạnh – Phó Chủ tịch",
        "Bùi Quang Huy – Ủy viên",
    ]
    response = confirm(client, organization, preview, date="16/02/2023", members=["0", "1", "2"])
    report = Report.objects.latest("id")
    assert response["Location"] == report.get_absolute_url()
    members = {
        m.person.full_name: (m.role, m.joined_how) for m in fresh_term.memberships.select_related("person")
    }
    assert members == {
        "Đỗ Văn Minh": ("chair", "elected"),
        "Ngô Thị Hạnh": ("vice_chair", "elected"),
        "Bùi Quang Huy": ("member", "by_election"),
    }
    assert report.signer.full_name == "Đỗ Văn Minh"


def test_rows_left_unticked_add_nobody(client, secretary, fresh_term):
    organization = fresh_term.organization
    client.force_login(secretary)
    confirm(
        client,
        organization,
        preview_of(client, organization, fresh_term, "bch-dau-bao-cao.txt"),
        date="16/02/2023",
    )
    assert not fresh_term.memberships.exists() and Report.objects.filter(term=fresh_term).count() == 1


def test_members_that_break_a_rule_save_nothing_and_say_who(client, secretary, demo_report):
    """The demo committee has its chair: a second sitting chair is refused, with the report."""
    term = demo_report.term
    client.force_login(secretary)
    preview = preview_of(client, term.organization, term, "bch-dau-bao-cao.txt")
    reports, memberships = Report.objects.count(), Membership.objects.count()
    response = confirm(client, term.organization, preview, date="05/03/2022", members=["0"])
    assert response.status_code == 422
    assert (Report.objects.count(), Membership.objects.count()) == (reports, memberships)
    page = response.content.decode()
    assert "Đỗ Văn Minh:" in page
    assert re.search(r'name="members" value="0"[^>]*checked', page)


def test_the_preview_warns_where_the_committee_stated_disagrees_with_the_records(
    client, secretary, demo_report
):
    term = demo_report.term
    client.force_login(secretary)
    page = preview_of(client, term.organization, term, "bch-dau-bao-cao.txt").content.decode()
    assert "“VỀ NHÂN SỰ BAN CHẤP HÀNH” được in như đã viết" in page
    assert re.search(r"“VỀ NHÂN SỰ BAN CHẤP HÀNH” [^<]*\b9\b", page)


def test_the_command_prints_the_warnings_and_may_add_the_members(fresh_term, capsys):
    call_command(
        "import_report", str(DATA / "bch-dau-bao-cao.txt"), "--term", str(fresh_term.pk), "--add-members"
    )
    captured = capsys.readouterr()
    assert captured.out.startswith("report /reports/")
    assert "replaced by the report's own header: Số: 04/BC-CĐCS" in captured.err
    assert "warning: “VỀ NHÂN SỰ BAN CHẤP HÀNH”" in captured.err
    assert fresh_term.memberships.count() == 3
