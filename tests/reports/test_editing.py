"""The secretary's editing pages: who may open them, what a save does, and what it refuses."""

import datetime
import re

import pytest
from django.contrib.sessions.models import Session
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import (
    AchievementFactory,
    AreaFactory,
    MembershipFactory,
    ReportFactory,
    ReportItemFactory,
    SectionFactory,
    TermFactory,
)
from tests.pages import areas, items, page, section
from unionreports.accounts.models import Affiliation
from unionreports.reports.models import Report, ReportItem

pytestmark = pytest.mark.django_db

PARTS = ["header", "committee", "prose", "outline", "personnel", "achievements", "limitations_part"]
PARTS += ["limitations", "causes", "lessons"]


def edit_urls(report) -> list[str]:
    area = areas(report).first()
    organization = report.term.organization
    return [
        *(page(report, part) for part in PARTS),
        reverse("reports:area", args=[report.pk, area.pk]),
        reverse("reports:create", args=[organization.pk]),
        reverse("committee:term_create", args=[organization.pk]),
        reverse("committee:term_edit", args=[report.term.pk]),
        reverse("committee:organization_edit", args=[organization.pk]),
    ]


class TestWhoMayEdit:
    def test_the_secretary_opens_every_editing_page(self, client, demo_report, secretary):
        client.force_login(secretary)
        for url in edit_urls(demo_report):
            assert client.get(url).status_code == 200, url

    def test_a_committee_member_may_read_but_not_edit(self, client, demo_report, member):
        client.force_login(member)
        for url in edit_urls(demo_report):
            assert client.get(url).status_code == 403, url
        assert (
            client.get(reverse("committee:organization", args=[demo_report.term.organization.pk])).status_code
            == 200
        )

    def test_a_user_of_another_union_gets_not_found(self, client, demo_report, outsider):
        client.force_login(outsider)
        for url in [
            *edit_urls(demo_report),
            reverse("committee:organization", args=[demo_report.term.organization.pk]),
        ]:
            assert client.get(url).status_code == 404, url

    def test_area_moves_and_deletions_are_the_secretarys(self, client, demo_report, member, outsider):
        area = areas(demo_report).first()
        move = reverse("reports:area_move", args=[demo_report.pk, area.pk, "down"])
        delete = reverse("reports:area_delete", args=[demo_report.pk, area.pk])
        client.force_login(member)
        assert client.post(move).status_code == 403
        assert client.post(delete).status_code == 403
        client.force_login(outsider)
        assert client.post(delete).status_code == 404
        assert areas(demo_report).filter(pk=area.pk).exists()

    def test_the_edit_button_shows_only_to_the_secretary(self, client, demo_report, secretary, member):
        edit = reverse("reports:edit", args=[demo_report.pk, "header"])
        client.force_login(secretary)
        assert edit in client.get(demo_report.get_absolute_url()).text
        client.force_login(member)
        assert edit not in client.get(demo_report.get_absolute_url()).text


def base_of(response) -> str:
    return re.search(r'name="base" value="([0-9a-f]*)"', response.text).group(1)


def items_post(report, name: str, texts: list[str], base: str, deleted=()) -> dict:
    """A post of a list section's page: its own fields as they are, and `texts` as its items."""
    listed = section(report, name)
    existing = list(items(report, name))
    data = {
        "base": base,
        "title": listed.title,
        "text": listed.text,
        "numbered": "on" if listed.numbered else "",
        "items-TOTAL_FORMS": str(len(texts)),
        "items-INITIAL_FORMS": str(len(existing)),
        "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "1000",
    }
    for i, text in enumerate(texts):
        data[f"items-{i}-text"] = text
        data[f"items-{i}-ORDER"] = str(i + 1)
        if i < len(existing):
            data[f"items-{i}-id"] = str(existing[i].pk)
        if i in deleted:
            data[f"items-{i}-DELETE"] = "on"
    return data


class TestLists:
    def test_items_are_saved_in_the_order_shown_and_deleted_when_marked(self, client, demo_report, secretary):
        client.force_login(secretary)
        url = page(demo_report, "causes")
        base = base_of(client.get(url))
        causes = [c.text for c in items(demo_report, "causes")]
        data = items_post(demo_report, "causes", [*causes, "Nguyên nhân mới."], base, deleted={1})
        # Shown as: the new cause, the last old one, then the first and the third.
        for row, order in ((4, 1), (3, 2), (0, 3), (2, 4)):
            data[f"items-{row}-ORDER"] = str(order)
        response = client.post(url, data)
        assert response.status_code == 302
        saved = list(items(demo_report, "causes").values_list("text", flat=True))
        assert saved == ["Nguyên nhân mới.", causes[3], causes[0], causes[2]]

    def test_a_stale_form_is_refused_with_the_typed_text_kept(self, client, demo_report, secretary):
        client.force_login(secretary)
        url = page(demo_report, "lessons")
        base = base_of(client.get(url))
        lessons = [c.text for c in items(demo_report, "lessons")]
        client.post(url, items_post(demo_report, "lessons", [*lessons[:3], "Sửa bởi người thứ nhất."], base))
        response = client.post(
            url, items_post(demo_report, "lessons", [*lessons[:3], "Sửa bởi người thứ hai."], base)
        )
        assert response.status_code == 409
        assert "Sửa bởi người thứ hai." in response.text
        assert items(demo_report, "lessons").get(position=3).text == "Sửa bởi người thứ nhất."

    def test_text_past_a_sane_length_is_refused_in_vietnamese(self, client, demo_report, secretary):
        client.force_login(secretary)
        url = page(demo_report, "causes")
        response = client.post(url, items_post(demo_report, "causes", ["x" * 5000], base_of(client.get(url))))
        assert response.status_code == 200
        assert "Giá trị này chỉ có tối đa 4000 kí tự (hiện có 5000)" in response.text

    def test_an_emptied_item_is_an_error_not_a_silent_deletion(self, client, demo_report, secretary):
        client.force_login(secretary)
        url = page(demo_report, "causes")
        response = client.post(url, items_post(demo_report, "causes", [""], base_of(client.get(url))))
        assert "Trường này là bắt buộc" in response.text
        assert items(demo_report, "causes").count() == 4


def committee_post(report, rows: list[dict], base: str) -> dict:
    data = {
        "base": base,
        "committee-TOTAL_FORMS": str(len(rows)),
        "committee-INITIAL_FORMS": str(len(rows)),
        "committee-MIN_NUM_FORMS": "0",
        "committee-MAX_NUM_FORMS": "1000",
    }
    for i, row in enumerate(rows):
        for key, value in row.items():
            if value not in (None, False):
                data[f"committee-{i}-{key}"] = "on" if value is True else value
        data[f"committee-{i}-ORDER"] = str(i + 1)
    return data


def committee_rows(report) -> list[dict]:
    rows = []
    for m in report.term.memberships.select_related("person").order_by("position"):
        rows.append(
            {
                "membership": str(m.pk),
                "full_name": m.person.full_name,
                "qualification": m.person.qualification,
                "union_trained": m.person.union_trained,
                "role": m.role,
                "joined_how": m.joined_how,
                "joined_on": m.joined_on.isoformat(),
                "left_on": m.left_on.isoformat() if m.left_on else "",
                "left_reason": m.left_reason,
                "left_destination": m.left_destination,
            }
        )
    return rows


class TestCommittee:
    def test_a_second_chair_refuses_the_whole_table(self, client, demo_report, secretary):
        client.force_login(secretary)
        url = page(demo_report, "committee")
        rows = committee_rows(demo_report)
        rows[3]["full_name"] = "Tên đã sửa"
        rows[4]["role"] = "chair"
        response = client.post(url, committee_post(demo_report, rows, base_of(client.get(url))))
        assert response.status_code == 200
        assert "Trong thời gian này Ban Chấp hành đã có Chủ tịch." in response.text
        # Nothing of the table was saved, not even the rows before the error.
        assert not demo_report.term.organization.people.filter(full_name="Tên đã sửa").exists()

    def test_leaving_before_joining_is_shown_on_its_row(self, client, demo_report, secretary):
        client.force_login(secretary)
        url = page(demo_report, "committee")
        rows = committee_rows(demo_report)
        rows[5].update(left_on="2016-01-01", left_reason="retirement")
        response = client.post(url, committee_post(demo_report, rows, base_of(client.get(url))))
        assert "Ngày thôi tham gia không được trước ngày tham gia." in response.text

    def test_a_retirement_recorded_in_the_table_reaches_part_one(self, client, demo_report, secretary):
        client.force_login(secretary)
        url = page(demo_report, "committee")
        rows = committee_rows(demo_report)
        rows[5].update(left_on="2022-01-10", left_reason="retirement")
        assert (
            client.post(url, committee_post(demo_report, rows, base_of(client.get(url)))).status_code == 302
        )
        text = client.get(demo_report.get_absolute_url()).text
        assert "(02/03 đồng chí chuyển công tác, 01/03 đồng chí nghỉ hưu" in text


class TestCreating:
    def test_a_new_union_makes_its_creator_secretary(self, client, stranger):
        client.force_login(stranger)
        response = client.post(
            reverse("committee:organization_create"),
            {
                "name": "Công đoàn Sở Tư pháp",
                "parent_name": "Công đoàn Viên chức tỉnh",
                "place_name": "Hà Tĩnh",
                "document_code": "BC-CĐCS",
                "approval_rule": "all",
            },
        )
        affiliation = Affiliation.objects.get(user=stranger)
        assert affiliation.role == "secretary"
        assert response["Location"] == reverse("committee:term_create", args=[affiliation.organization.pk])

    def test_a_new_report_can_start_from_the_previous_terms_outline(self, client, demo_report, secretary):
        organization = demo_report.term.organization
        term = TermFactory(
            organization=organization, start_year=2023, end_year=2028, congress_date=datetime.date(2023, 5, 1)
        )
        client.force_login(secretary)
        response = client.post(
            reverse("reports:create", args=[organization.pk]),
            {
                "term": term.pk,
                "kind": "kiem_diem",
                "number": 1,
                "date": "2028-03-01",
                "start_from": f"report-{demo_report.pk}",
            },
        )
        report = Report.objects.get(term=term)
        assert response["Location"] == reverse("reports:edit", args=[report.pk, "header"])
        titles = list(areas(report).values_list("title", flat=True))
        assert "Trách nhiệm của Ban Chấp hành" in titles and len(titles) == 4
        assert ReportItem.objects.filter(section__report=report).count() == 0
        assert report.recipients == demo_report.recipients

    def test_a_term_ending_before_it_starts_is_refused_in_vietnamese(self, client, demo_report, secretary):
        client.force_login(secretary)
        url = reverse("committee:term_create", args=[demo_report.term.organization.pk])
        response = client.post(
            url, {"start_year": 2030, "end_year": 2025, "congress_date": "2030-01-01", "committee_size": 5}
        )
        assert "Năm kết thúc phải sau năm bắt đầu." in response.text


class TestNoLostWork:
    def test_a_post_after_the_session_ended_comes_back_after_logging_in(self, client, demo_report, secretary):
        url = page(demo_report, "prose")
        client.post(reverse("login"), {"username": "thuky", "password": "thuky-demo-2023"})
        base = base_of(client.get(url))
        # The session runs out on the server; the browser still has its cookies.
        Session.objects.all().delete()
        typed = {"base": base, "opening": "Đoạn mở đầu gõ rất lâu.", "closing": "Kết."}
        response = client.post(url, typed)
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
        client.post(reverse("login"), {"username": "thuky", "password": "thuky-demo-2023"})
        again = client.get(url)
        assert "Đoạn mở đầu gõ rất lâu." in again.text
        assert "Phiên làm việc đã hết hạn" in again.text
        demo_report.refresh_from_db()
        assert demo_report.opening != "Đoạn mở đầu gõ rất lâu."


class TestInvitations:
    def test_an_invited_member_joins_with_the_one_time_link(
        self, client, demo_report, secretary, django_capture_on_commit_callbacks
    ):
        organization = demo_report.term.organization
        client.force_login(secretary)
        with django_capture_on_commit_callbacks(execute=True):
            client.post(
                reverse("invite", args=[organization.pk]), {"email": "uyvien@example.vn", "role": "member"}
            )
        (message,) = mail.outbox
        link = re.search(r"http://testserver(/accounts/invitations/\S+/)", message.body).group(1)
        client.logout()
        form = {
            "full_name": "Lê Văn Minh",
            "username": "uyvien",
            "password1": "mat-khau-rat-dai-2023",
            "password2": "mat-khau-rat-dai-2023",
        }
        assert client.post(link, form).status_code == 302
        assert Affiliation.objects.get(user__username="uyvien").role == "member"
        assert client.get(demo_report.get_absolute_url()).status_code == 200
        client.logout()
        used = client.get(link)
        assert used.status_code == 410
        assert "Lời mời này không còn dùng được" in used.text

    def test_only_the_secretary_invites(self, client, demo_report, member):
        client.force_login(member)
        response = client.post(
            reverse("invite", args=[demo_report.term.organization.pk]), {"email": "a@b.vn", "role": "member"}
        )
        assert response.status_code == 403
        assert mail.outbox == []


def test_a_report_of_another_union_cannot_be_given_an_area_of_ours(client, demo_report, secretary):
    other = AreaFactory(section=section(ReportFactory(), "achievements"))
    client.force_login(secretary)
    assert client.get(reverse("reports:area", args=[demo_report.pk, other.pk])).status_code == 404


@pytest.mark.parametrize("part", ["committee", "lessons", "header", "outline", "achievements"])
def test_an_editing_page_costs_the_same_queries_with_many_more_rows(client, demo_report, secretary, part):
    client.force_login(secretary)
    url = page(demo_report, part)
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    MembershipFactory.create_batch(30, term=demo_report.term)
    ReportItemFactory.create_batch(30, section=section(demo_report, "lessons"))
    for _ in range(5):
        AchievementFactory.create_batch(5, area=AreaFactory(section=section(demo_report, "achievements")))
    ReportItemFactory.create_batch(5, section=SectionFactory(report=demo_report, position=9))
    with CaptureQueriesContext(connection) as after:
        client.get(url)
    assert len(after) == len(before)


class TestRulesOfTheRecords:
    def test_a_term_overlapping_another_is_refused(self, client, demo_report, secretary):
        client.force_login(secretary)
        url = reverse("committee:term_create", args=[demo_report.term.organization.pk])
        data = {"start_year": 2020, "end_year": 2025, "congress_date": "15/06/2020", "committee_size": 7}
        response = client.post(url, data)
        assert response.status_code == 200
        assert "Công đoàn đã có nhiệm kỳ 2017 – 2022, trùng thời gian với nhiệm kỳ này." in response.text

    def test_moving_the_congress_moves_the_members_it_elected(self, client, demo_report, secretary):
        client.force_login(secretary)
        term = demo_report.term
        data = {"start_year": 2017, "end_year": 2022, "congress_date": "20/06/2017", "committee_size": 7}
        assert client.post(reverse("committee:term_edit", args=[term.pk]), data).status_code == 302
        elected = term.memberships.filter(joined_how="elected")
        assert set(elected.values_list("joined_on", flat=True)) == {datetime.date(2017, 6, 20)}

    def test_a_report_dated_outside_its_term_is_refused(self, client, demo_report, secretary):
        client.force_login(secretary)
        url = reverse("reports:edit", args=[demo_report.pk, "header"])
        base = base_of(client.get(url))
        data = {"base": base, "number": 3, "date": "01/01/2010", "recipients": ""}
        response = client.post(url, data)
        assert "Ngày báo cáo phải từ ngày Đại hội 15/06/2017 đến hết năm 2023." in response.text
        assert "Chưa lưu" in response.text

    def test_a_failed_invitation_keeps_the_typed_address(self, client, demo_report, secretary):
        client.force_login(secretary)
        response = client.post(
            reverse("invite", args=[demo_report.term.organization.pk]),
            {"email": "khong-hop-le", "role": "member"},
        )
        assert response.status_code == 400
        assert 'value="khong-hop-le"' in response.text


class TestHistory:
    def test_an_earlier_text_of_an_item_can_be_restored(self, client, demo_report, secretary):
        client.force_login(secretary)
        url = page(demo_report, "causes")
        causes = [c.text for c in items(demo_report, "causes")]
        first = client.post(
            url,
            items_post(demo_report, "causes", ["Bản sửa lần một.", *causes[1:]], base_of(client.get(url))),
        )
        assert first.status_code == 302
        client.post(
            url,
            items_post(demo_report, "causes", ["Bản sửa lần hai.", *causes[1:]], base_of(client.get(url))),
        )
        history = client.get(reverse("reports:history", args=[demo_report.pk]))
        assert "Bản sửa lần một." in history.text and "Bản sửa lần hai." in history.text
        item = items(demo_report, "causes").get(position=0)
        record = item.history.filter(text="Bản sửa lần một.").get()
        client.post(
            reverse("reports:restore", args=[demo_report.pk]),
            {"model": "item", "history_id": record.history_id},
        )
        item.refresh_from_db()
        assert item.text == "Bản sửa lần một."
        assert item.history.first().history_user == secretary

    def test_the_history_of_another_unions_report_is_not_found(self, client, demo_report, outsider, member):
        client.force_login(outsider)
        assert client.get(reverse("reports:history", args=[demo_report.pk])).status_code == 404
        client.force_login(member)
        assert client.get(reverse("reports:history", args=[demo_report.pk])).status_code == 403
