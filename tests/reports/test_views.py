"""The report page, its PDF and its text: who may see them, and what they cost."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import (
    AchievementFactory,
    AffiliationFactory,
    AreaFactory,
    MembershipFactory,
    ReportItemFactory,
)
from tests.pages import committee_approves, section
from unionreports.publishing import review
from unionreports.publishing.services import report_publish
from unionreports.rendering import pdf as pdf_module
from unionreports.rendering.models import RenderedDocument

pytestmark = pytest.mark.django_db


def page_url(report, name="detail"):
    return reverse(f"reports:{name}", args=[report.pk])


@pytest.fixture
def delegate(demo_report):
    return AffiliationFactory(organization=demo_report.term.organization, role="delegate").user


def publish(report, secretary) -> str:
    """Has the committee approve and publish `report`; its public page's address."""
    review.round_start(report=report, by=secretary)
    committee_approves(report)
    report_publish(report=report, by=secretary)
    return report.public_links.get().get_absolute_url()


class TestAccess:
    @pytest.mark.parametrize("name", ["detail", "pdf", "text"])
    def test_anonymous_visitors_are_sent_to_log_in(self, client, demo_report, name):
        response = client.get(page_url(demo_report, name))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))

    @pytest.mark.parametrize("name", ["detail", "pdf", "text"])
    def test_users_of_another_union_do_not_learn_the_report_exists(self, client, demo_report, outsider, name):
        client.force_login(outsider)
        assert client.get(page_url(demo_report, name)).status_code == 404

    def test_the_not_found_page_speaks_vietnamese(self, client, demo_report, outsider):
        client.force_login(outsider)
        response = client.get(page_url(demo_report))
        assert "Không tìm thấy trang" in response.text
        assert "Trương Thiết Hùng" not in response.text

    def test_a_committee_member_reads_the_report(self, client, demo_report, member):
        client.force_login(member)
        response = client.get(page_url(demo_report))
        assert response.status_code == 200
        assert "VỀ NHÂN SỰ BAN CHẤP HÀNH" in response.text

    def test_the_list_shows_only_the_users_unions_reports(self, client, demo_report, outsider):
        client.force_login(outsider)
        assert demo_report.get_absolute_url() not in client.get(reverse("reports:list")).text

    def test_the_list_links_to_the_report(self, client, demo_report, secretary):
        client.force_login(secretary)
        assert demo_report.get_absolute_url() in client.get(reverse("reports:list")).text

    def test_a_delegate_is_told_the_draft_is_for_the_committee(self, client, demo_report, delegate):
        client.force_login(delegate)
        response = client.get(page_url(demo_report))
        assert response.status_code == 403
        assert "Chỉ Ban Chấp hành được đọc báo cáo trước khi phát hành" in response.text
        assert "Trương Thiết Hùng" not in response.text

    def test_a_delegate_asking_for_a_published_report_gets_the_published_version(
        self, client, demo_report, secretary, delegate
    ):
        public_url = publish(demo_report, secretary)
        client.force_login(delegate)
        response = client.get(page_url(demo_report, "pdf"), follow=True)
        assert response.redirect_chain == [(public_url, 302)]
        assert "VỀ NHÂN SỰ BAN CHẤP HÀNH" in response.text

    def test_a_delegates_list_shows_no_draft(self, client, demo_report, delegate):
        client.force_login(delegate)
        text = client.get(reverse("reports:list")).text
        assert demo_report.get_absolute_url() not in text
        assert page_url(demo_report, "pdf") not in text
        assert "Nhiệm kỳ này chưa có báo cáo." in text

    def test_a_delegates_list_links_to_the_published_version(self, client, demo_report, secretary, delegate):
        public_url = publish(demo_report, secretary)
        client.force_login(delegate)
        text = client.get(reverse("reports:list")).text
        assert f'href="{public_url}"' in text
        assert f'href="{public_url}pdf"' in text
        assert demo_report.get_absolute_url() not in text
        assert page_url(demo_report, "pdf") not in text


class TestPage:
    def test_the_page_shows_the_document_with_its_computed_numbering(self, client, demo_report, secretary):
        client.force_login(secretary)
        html = client.get(page_url(demo_report)).text
        assert "Hà Tĩnh, ngày 05 tháng 3 năm 2023" in html
        assert "1.2. Về trách nhiệm thực hiện quy chế" in html
        assert '<span class="label">1.3.</span>' in html
        assert "2.1." not in html

    def test_text_typed_by_users_is_escaped(self, client, demo_report, secretary):
        demo_report.opening = "<script>alert('x')</script>"
        demo_report.save()
        client.force_login(secretary)
        html = client.get(page_url(demo_report)).text
        assert "<script>alert" not in html
        assert "&lt;script&gt;alert" in html

    def test_warnings_are_shown_to_the_secretary(self, client, demo_report, secretary):
        demo_report.term.committee_size = 9
        demo_report.term.save()
        client.force_login(secretary)
        assert "report-warnings" in client.get(page_url(demo_report)).text

    def test_the_page_costs_the_same_queries_with_ten_times_the_items(self, client, demo_report, secretary):
        client.force_login(secretary)
        with CaptureQueriesContext(connection) as before:
            client.get(page_url(demo_report))
        grow_tenfold(demo_report)
        with CaptureQueriesContext(connection) as after:
            response = client.get(page_url(demo_report))
        assert response.status_code == 200
        assert response.text.count('class="bullet"') > 100
        assert len(after) == len(before) <= 15


def grow_tenfold(report):
    """Ten times the areas, achievements, limitations, causes, lessons and members."""
    areas = section(report, "achievements")
    for area in list(areas.areas.all()):
        for _ in range(9):
            for item in list(area.items.all()):
                AchievementFactory(area=area, kind=item.kind, text=item.text)
    for i in range(9):
        top = AreaFactory(section=areas, position=10 + i)
        for j in range(3):
            sub = AreaFactory(section=areas, parent=top, position=j)
            AchievementFactory.create_batch(3, area=sub)
    for listed in report.sections.filter(kind="list"):
        for item in list(listed.items.all()):
            ReportItemFactory.create_batch(9, section=listed, text=item.text)
    MembershipFactory.create_batch(20, term=report.term)


class TestPdf:
    def test_the_pdf_is_a_download_with_its_vietnamese_name(self, client, demo_report, secretary):
        client.force_login(secretary)
        response = client.get(page_url(demo_report, "pdf"))
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert response.content.startswith(b"%PDF-")
        disposition = response["Content-Disposition"]
        assert disposition.startswith(
            "attachment; filename*=utf-8''B%C3%A1o%20c%C3%A1o%2003-BC-C%C4%90CS%20C%C3%B4ng"
        )

    def test_a_second_download_serves_the_stored_bytes_without_rendering(
        self, client, demo_report, secretary, monkeypatch
    ):
        calls = count_renders(monkeypatch)
        client.force_login(secretary)
        first = client.get(page_url(demo_report, "pdf"))
        second = client.get(page_url(demo_report, "pdf"))
        assert calls == [1]
        assert first.content == second.content
        assert first["ETag"] == second["ETag"]
        assert RenderedDocument.objects.count() == 1

    def test_an_unchanged_pdf_is_not_sent_again(self, client, demo_report, secretary, monkeypatch):
        client.force_login(secretary)
        etag = client.get(page_url(demo_report, "pdf"))["ETag"]
        calls = count_renders(monkeypatch)
        response = client.get(page_url(demo_report, "pdf"), headers={"if-none-match": etag})
        assert response.status_code == 304
        assert calls == []

    def test_any_stored_version_counts_as_unchanged(self, client, demo_report, secretary):
        client.force_login(secretary)
        response = client.get(page_url(demo_report, "pdf"), headers={"if-none-match": "*"})
        assert response.status_code == 304
        assert response["Cache-Control"] == "private, no-store"

    def test_the_pdf_says_it_is_vietnamese_in_an_english_interface(self, client, demo_report, secretary):
        client.force_login(secretary)
        client.cookies["django_language"] = "en"
        assert client.get(page_url(demo_report, "pdf"))["Content-Language"] == "vi"

    def test_a_changed_report_is_rendered_again(self, client, demo_report, secretary):
        client.force_login(secretary)
        etag = client.get(page_url(demo_report, "pdf"))["ETag"]
        demo_report.closing += "\nĐoạn kết mới."
        demo_report.save()
        response = client.get(page_url(demo_report, "pdf"), headers={"if-none-match": etag})
        assert response.status_code == 200
        assert response["ETag"] != etag
        # The old text's file is no longer asked for: it went when the new one was stored.
        assert RenderedDocument.objects.count() == 1


def count_renders(monkeypatch) -> list[int]:
    """Counts calls to WeasyPrint through the real function."""
    calls: list[int] = []
    real = pdf_module.write_pdf

    def counting(html):
        calls.append(1)
        return real(html)

    monkeypatch.setattr(pdf_module, "write_pdf", counting)
    return calls


class TestText:
    def test_the_text_rendering_is_plain_utf8(self, client, demo_report, secretary):
        client.force_login(secretary)
        response = client.get(page_url(demo_report, "text"))
        assert response["Content-Type"] == "text/plain; charset=utf-8"
        body = response.content.decode("utf-8")
        # An unpublished report: the first line marks the draft.
        assert body.startswith("DỰ THẢO\nCÔNG ĐOÀN VIÊN CHỨC TỈNH HÀ TĨNH\n")
        assert "[1] Đồng chí Trương Thiết Hùng" in body


class TestLanguage:
    def test_the_interface_speaks_vietnamese_even_to_an_english_browser(self, client, demo_report, secretary):
        client.force_login(secretary)
        response = client.get(page_url(demo_report), headers={"accept-language": "en-US,en;q=0.9"})
        assert "Tải PDF" in response.text
        assert '<html lang="vi">' in response.text

    def test_english_is_available_from_the_language_switch(self, client, demo_report, secretary):
        client.force_login(secretary)
        client.post(reverse("set_language"), {"language": "en", "next": page_url(demo_report)})
        response = client.get(page_url(demo_report))
        assert "Download PDF" in response.text
        # The document itself stays Vietnamese.
        assert "VỀ NHÂN SỰ BAN CHẤP HÀNH" in response.text
