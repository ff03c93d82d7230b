"""Review by the committee: rounds, comments, verdicts, what changed, and publishing after approval."""

import re

import pytest
from django.contrib.admin.sites import site
from django.urls import reverse

from tests.factories import AffiliationFactory, ReportItemFactory, sitting_accounts
from tests.pages import approve, areas, items, page, read, review_rows, section
from unionreports.lib.worddiff import word_diff
from unionreports.publishing import review
from unionreports.publishing.state import report_state
from unionreports.reports import services
from unionreports.reports.compose import compose_report
from unionreports.reports.models import Report

pytestmark = pytest.mark.django_db


@pytest.fixture
def members(demo_report):
    """Accounts of the 7 committee members sitting on the demo report's date."""
    return sitting_accounts(demo_report)


def url(name, report, *args):
    return reverse(f"publishing:{name}", args=[report.pk, *args])


def status(report) -> str:
    report = Report.objects.with_document_data().get(pk=report.pk)
    return report_state(report, compose_report(report)).status


def answer(client, report, decision: str):
    """A member opens the review page, reads, and answers: the answer carries what was read."""
    digest = re.search(r'name="digest" value="([0-9a-f]+)"', client.get(url("review", report)).text)[1]
    return client.post(url("verdict", report), {"decision": decision, "digest": digest})


def anchor(report, name: str) -> str:
    return section(report, name).anchor


def item_anchor(item) -> str:
    return f"{item.section.anchor}/item-{item.pk}"


def test_words_inserted_and_deleted_are_told_apart():
    runs = word_diff("Ban Chấp hành có 07 đồng chí", "Ban Chấp hành có 08 đồng chí ủy viên")
    assert [(r.kind, r.text) for r in runs] == [
        ("same", "Ban Chấp hành có"),
        ("deleted", "07"),
        ("inserted", "08"),
        ("same", "đồng chí"),
        ("inserted", "ủy viên"),
    ]


def test_a_full_round_from_draft_to_a_published_version(client, demo_report, secretary, members):
    client.force_login(secretary)
    client.post(url("send_to_review", demo_report))
    assert status(demo_report) == "review"

    first, second = members[:2]
    client.force_login(first)
    lessons = anchor(demo_report, "lessons")
    client.post(
        url("comment", demo_report), {"anchor": lessons, "text": "Nên thêm bài học về chuyển đổi số."}
    )
    answer(client, demo_report, "changes")
    client.force_login(second)
    answer(client, demo_report, "approve")
    assert status(demo_report) == "review"

    client.force_login(secretary)
    review_page = client.get(url("review", demo_report)).text
    assert "Nên thêm bài học về chuyển đổi số." in review_page
    comment = demo_report.comments.get()
    client.post(url("resolve", demo_report, comment.pk), {"resolved": "1"})
    comment.refresh_from_db()
    assert comment.resolved_at is not None
    lesson = items(demo_report, "lessons").last()
    lesson.text += " Đẩy mạnh chuyển đổi số trong hoạt động công đoàn."
    lesson.save()
    client.post(url("send_to_review", demo_report))

    client.force_login(first)
    review_page = client.get(url("review", demo_report)).text
    assert "Đẩy mạnh chuyển đổi số trong hoạt động công đoàn." in read(
        review_rows(review_page)[item_anchor(lesson)]
    )
    for member in members:
        client.force_login(member)
        answer(client, demo_report, "approve")
    assert status(demo_report) == "approved"

    client.force_login(secretary)
    client.post(url("publish", demo_report))
    assert status(demo_report) == "published"
    publication = demo_report.publications.get()
    assert (
        publication.digest
        == compose_report(Report.objects.with_document_data().get(pk=demo_report.pk)).digest()
    )


def test_a_draft_cannot_be_published(client, demo_report, secretary):
    client.force_login(secretary)
    response = client.post(url("publish", demo_report), follow=True)
    assert "Chỉ báo cáo đã được Ban Chấp hành thông qua mới được phát hành." in response.text
    assert not demo_report.publications.exists()


def test_a_majority_is_enough_when_the_union_says_so(client, demo_report, secretary, members):
    organization = demo_report.term.organization
    organization.approval_rule = "majority"
    organization.save()
    client.force_login(secretary)
    client.post(url("send_to_review", demo_report))
    for user in members[:3]:
        client.force_login(user)
        answer(client, demo_report, "approve")
    client.force_login(members[3])
    answer(client, demo_report, "changes")
    assert status(demo_report) == "review"  # 3 of 7
    client.force_login(members[4])
    answer(client, demo_report, "approve")
    assert status(demo_report) == "approved"  # 4 of 7


def test_an_answer_about_a_text_that_changed_meanwhile_is_refused(client, demo_report, secretary, members):
    client.force_login(secretary)
    client.post(url("send_to_review", demo_report))
    client.force_login(members[0])
    digest = re.search(r'name="digest" value="([0-9a-f]+)"', client.get(url("review", demo_report)).text)[1]
    demo_report.opening = "Đoạn mở đầu sửa trong lúc ủy viên đang đọc."
    demo_report.save()
    response = client.post(
        url("verdict", demo_report), {"decision": "approve", "digest": digest}, follow=True
    )
    assert "Báo cáo đã thay đổi trong lúc đồng chí đọc" in response.text
    assert members[0].pk not in {v.user_id for r in demo_report.rounds.all() for v in r.verdicts.all()}


# Every way the text can change after the committee approved it: each must reopen review.
# Each takes the secretary's logged-in client and the report, and changes one thing.
def edit_item(client, report):
    item = items(report, "causes").first()
    item.text += " Thêm một ý."
    item.save()


def delete_area(client, report):
    services.area_delete(area=areas(report).filter(parent__isnull=True).first())


def move_area(client, report):
    services.area_move(area=areas(report).filter(parent__isnull=False).first(), step=1)


def move_section(client, report):
    services.section_move(section=section(report, "lessons"), step=-1)


def add_section(client, report):
    ReportItemFactory(section=services.section_create(report=report, kind="list", title="MỚI", parent=None))


def rename_union(client, report):
    organization = report.term.organization
    organization.name = "Công đoàn Sở Nội vụ"
    organization.save()


def change_committee(client, report):
    membership = report.term.memberships.order_by("id").last()
    membership.role = "member" if membership.role != "member" else "vice_chair"
    membership.save()


def change_term(client, report):
    term = report.term
    term.end_year += 1
    term.save()


def change_opening(client, report):
    report.opening += " Thêm."
    report.save()


def union_page(client, report):
    organization = report.term.organization
    form = {
        "name": "Công đoàn Văn phòng Tỉnh ủy",
        "parent_name": organization.parent_name,
        "place_name": organization.place_name,
        "document_code": organization.document_code,
        "approval_rule": organization.approval_rule,
    }
    assert (
        client.post(reverse("committee:organization_edit", args=[organization.pk]), form).status_code == 302
    )


def term_page(client, report):
    term = report.term
    form = {
        "start_year": term.start_year,
        "end_year": term.end_year + 1,
        "congress_date": term.congress_date.strftime("%d/%m/%Y"),
        "committee_size": term.committee_size,
    }
    assert client.post(reverse("committee:term_edit", args=[term.pk]), form).status_code == 302


def section_page(client, report):
    lessons = section(report, "lessons")
    html = client.get(lessons.get_absolute_url()).text
    base = re.search(r'name="base" value="([0-9a-f]*)"', html)[1]
    form = {"base": base, "title": "BÀI HỌC KINH NGHIỆM", "text": lessons.text, "numbered": "on"}
    form |= {"items-TOTAL_FORMS": "0", "items-INITIAL_FORMS": "0", "items-MIN_NUM_FORMS": "0"}
    existing = list(items(report, "lessons"))
    form |= {"items-TOTAL_FORMS": str(len(existing)), "items-INITIAL_FORMS": str(len(existing))}
    for i, item in enumerate(existing):
        form |= {f"items-{i}-id": item.pk, f"items-{i}-text": item.text, f"items-{i}-ORDER": i + 1}
    assert client.post(lessons.get_absolute_url(), form).status_code == 302


WRITES = [edit_item, delete_area, move_area, move_section, add_section, rename_union, change_committee]
WRITES += [change_term, change_opening, union_page, term_page, section_page]


@pytest.mark.parametrize("write", WRITES, ids=lambda write: write.__name__)
def test_any_change_after_approval_reopens_review_and_publishing_says_why(
    client, demo_report, secretary, members, write
):
    client.force_login(secretary)
    client.post(url("send_to_review", demo_report))
    for member in members:
        client.force_login(member)
        answer(client, demo_report, "approve")
    assert status(demo_report) == "approved"
    client.force_login(secretary)
    write(client, Report.objects.get(pk=demo_report.pk))
    assert status(demo_report) == "changed"
    response = client.post(url("publish", demo_report), follow=True)
    assert "thay đổi từ khi Ban Chấp hành thông qua" in response.text
    assert not demo_report.publications.exists()
    assert "thay đổi từ khi Ban Chấp hành thông qua" in client.get(demo_report.get_absolute_url()).text
    # The review page names what changed.
    changed = client.get(url("review", demo_report)).text.split("changed-since-approved")[1].split("</ul>")[0]
    assert re.search(r"<li>\S", changed), changed


def test_a_change_made_in_the_admin_reopens_review_too(admin_client, demo_report, secretary, members):
    """The admin knows nothing of review; the state follows from the text all the same."""
    review.round_start(report=demo_report, by=secretary)
    for member in members:
        approve(demo_report, member)
    assert status(demo_report) == "approved"
    item = items(demo_report, "lessons").first()
    change = reverse("admin:reports_reportitem_change", args=[item.pk])
    admin_client.post(
        change, {"section": item.section_id, "position": item.position, "text": "Sửa trong admin."}
    )
    assert status(demo_report) == "changed"
    assert site.is_registered(type(item))


def test_changing_it_back_makes_it_approved_again(client, demo_report, secretary, members):
    client.force_login(secretary)
    client.post(url("send_to_review", demo_report))
    for member in members:
        client.force_login(member)
        answer(client, demo_report, "approve")
    original = demo_report.opening
    demo_report.opening = "Tạm sửa."
    demo_report.save()
    assert status(demo_report) == "changed"
    client.force_login(secretary)
    assert "Mở đầu" in client.get(url("review", demo_report)).text.split("changed-since-approved")[1][:2000]
    demo_report.opening = original
    demo_report.save()
    assert status(demo_report) == "approved"
    client.post(url("publish", demo_report))
    assert demo_report.publications.count() == 1


def test_members_see_which_comments_are_theirs(client, demo_report, secretary, members):
    client.force_login(secretary)
    client.post(url("send_to_review", demo_report))
    first, second = members[:2]
    client.force_login(first)
    client.post(
        url("comment", demo_report),
        {"anchor": anchor(demo_report, "personnel"), "text": "Ý kiến của người thứ nhất."},
    )
    client.force_login(second)
    review_page = client.get(url("review", demo_report)).text
    assert "Ý kiến của người thứ nhất." in review_page
    assert "của bạn" not in review_page
    client.force_login(first)
    assert "của bạn" in client.get(url("review", demo_report)).text


def test_only_members_give_verdicts_and_only_the_secretary_resolves(client, demo_report, secretary, members):
    delegate = AffiliationFactory(organization=demo_report.term.organization, role="delegate").user
    client.force_login(secretary)
    client.post(url("send_to_review", demo_report))
    digest = compose_report(Report.objects.with_document_data().get(pk=demo_report.pk)).digest()
    refused = client.post(url("verdict", demo_report), {"decision": "approve", "digest": digest}, follow=True)
    assert "alert-error" in refused.text and not demo_report.rounds.get().verdicts.exists()
    client.force_login(members[0])
    client.post(url("comment", demo_report), {"anchor": anchor(demo_report, "personnel"), "text": "Góp ý."})
    comment = demo_report.comments.get()
    assert client.post(url("resolve", demo_report, comment.pk), {"resolved": "1"}).status_code == 403
    client.force_login(delegate)
    assert client.get(url("review", demo_report)).status_code == 403


def tab(html: str, title: str) -> str:
    """The editing tab whose text starts with `title`, as HTML."""
    return next(
        link for link in re.findall(r'<a class="nav-link[^>]*>(.*?)</a>', html) if link.startswith(title)
    )


def test_each_editing_page_shows_its_open_comments(client, demo_report, secretary, members):
    client.force_login(secretary)
    client.post(url("send_to_review", demo_report))
    client.force_login(members[0])
    client.post(
        url("comment", demo_report), {"anchor": anchor(demo_report, "personnel"), "text": "Về nhân sự."}
    )
    client.post(
        url("comment", demo_report), {"anchor": anchor(demo_report, "causes"), "text": "Về nguyên nhân."}
    )
    client.force_login(secretary)
    html = client.get(page(demo_report, "header")).text
    assert "badge" in tab(html, "I. VỀ NHÂN SỰ")
    assert "badge" in tab(html, "2. Nguyên nhân")
    assert "badge" not in tab(html, "1. Hạn chế")


def test_a_comment_can_be_about_one_item_of_a_section(client, demo_report, secretary, members):
    client.force_login(secretary)
    client.post(url("send_to_review", demo_report))
    client.force_login(members[0])
    causes = anchor(demo_report, "causes")
    third = items(demo_report, "causes")[2]
    response = client.post(
        url("comment", demo_report), {"anchor": item_anchor(third), "text": "Ý này cần số liệu."}
    )
    comment = demo_report.comments.get()
    assert comment.anchor == f"{causes}/item-{third.pk}" and comment.quote == ""
    assert response["Location"].endswith(f"#comment-{comment.pk}")
    review_page = client.get(url("review", demo_report)).text
    assert "Góp ý đã được lưu" in review_page
    rows = review_rows(review_page)
    assert "Ý này cần số liệu." in rows[item_anchor(third)]
    assert "Ý này cần số liệu." not in rows[causes]
    client.force_login(secretary)
    assert "badge" in tab(client.get(page(demo_report, "causes")).text, "2. Nguyên nhân")


def ids(html: str) -> list[str]:
    return re.findall(r'\sid="([^"]+)"', html)


def test_element_ids_are_unique_on_the_review_page(client, demo_report, secretary, members):
    client.force_login(secretary)
    client.post(url("send_to_review", demo_report))
    client.force_login(members[0])
    personnel = anchor(demo_report, "personnel")
    for _ in range(3):
        client.post(url("comment", demo_report), {"anchor": personnel, "text": "Góp ý."})
    found = ids(client.get(url("review", demo_report)).text)
    assert len(found) == len(set(found))


class TestCommentsStayOnTheirItem:
    """A comment points at what it is about, not at a number: moving things moves no comment."""

    @pytest.fixture
    def commented(self, client, demo_report, secretary, members):
        client.force_login(secretary)
        client.post(url("send_to_review", demo_report))
        client.force_login(members[0])
        lesson = items(demo_report, "lessons")[1]
        client.post(url("comment", demo_report), {"anchor": item_anchor(lesson), "text": "Về bài học này."})
        return demo_report.comments.get()

    def block_of(self, client, report, comment) -> str:
        """The text of the block the comment is shown beside."""
        rows = review_rows(client.get(url("review", report)).text)
        return read(
            next(row for row in rows.values() if f'id="comment-{comment.pk}"' in row).split("<aside")[0]
        )

    def lessons_heading(self, client, report, comment) -> str:
        rows = review_rows(client.get(url("review", report)).text)
        return read(rows[comment.section_anchor].split("<aside")[0])

    def test_after_reordering_parts(self, client, demo_report, commented):
        services.section_move(section=section(demo_report, "lessons"), step=-1)
        assert self.lessons_heading(client, demo_report, commented) == "III. MỘT SỐ KINH NGHIỆM"

    def test_after_emptying_the_parts_before_it(self, client, demo_report, commented):
        for area in areas(demo_report).filter(parent__isnull=True):
            services.area_delete(area=area)
        for name in ("limitations", "causes"):
            items(demo_report, name).delete()
            emptied = section(demo_report, name)
            emptied.text = ""
            emptied.save()
        assert self.lessons_heading(client, demo_report, commented) == "II. MỘT SỐ KINH NGHIỆM"
        client.force_login(
            Report.objects.get(pk=demo_report.pk).term.organization.affiliations.get(role="secretary").user
        )
        html = client.get(page(demo_report, "header")).text
        assert "badge" in tab(html, "II. MỘT SỐ KINH NGHIỆM")

    def test_after_adding_a_part_before_it(self, client, demo_report, commented):
        lesson = items(demo_report, "lessons")[1]
        added = services.section_create(report=demo_report, kind="list", title="PHẦN MỚI", parent=None)
        ReportItemFactory(section=added)
        services.section_move(section=added, step=-1)
        assert self.lessons_heading(client, demo_report, commented) == "V. MỘT SỐ KINH NGHIỆM"
        commented.refresh_from_db()
        assert commented.anchor.endswith(f"/item-{lesson.pk}")

    def test_after_reordering_the_items(self, client, demo_report, commented):
        lesson = items(demo_report, "lessons")[1]
        lesson.position = 99
        lesson.save()
        assert commented.anchor.endswith(f"/item-{lesson.pk}")
        assert lesson.text[:40] in self.block_of(client, demo_report, commented)
