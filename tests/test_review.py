"""Review by the committee: rounds, comments, verdicts, what changed, and publishing after approval."""

import pytest
from django.urls import reverse

from tests.factories import AffiliationFactory
from unionreports.lib.worddiff import word_diff
from unionreports.reports.models import Report

pytestmark = pytest.mark.django_db


@pytest.fixture
def members(demo_report):
    organization = demo_report.term.organization
    return [AffiliationFactory(organization=organization, role="member").user for _ in range(2)]


def url(name, report, *args):
    return reverse(f"publishing:{name}", args=[report.pk, *args])


def status(report) -> str:
    return Report.objects.values_list("status", flat=True).get(pk=report.pk)


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

    first, second = members
    client.force_login(first)
    client.post(url("comment", demo_report), {"anchor": "IV.", "text": "Nên thêm bài học về chuyển đổi số."})
    client.post(url("verdict", demo_report), {"decision": "changes"})
    client.force_login(second)
    client.post(url("verdict", demo_report), {"decision": "approve"})
    assert status(demo_report) == "review"

    client.force_login(secretary)
    page = client.get(url("review", demo_report)).text
    assert "Nên thêm bài học về chuyển đổi số." in page
    comment = demo_report.comments.get()
    client.post(url("resolve", demo_report, comment.pk), {"resolved": "1"})
    comment.refresh_from_db()
    assert comment.resolved_at is not None
    lesson = demo_report.items.filter(kind="lesson").order_by("position").last()
    lesson.text += " Đẩy mạnh chuyển đổi số trong hoạt động công đoàn."
    lesson.save()
    client.post(url("send_to_review", demo_report))

    client.force_login(first)
    page = client.get(url("review", demo_report)).text
    assert "<ins>Đẩy mạnh chuyển đổi số trong hoạt động công đoàn.</ins>" in page
    for member in members:
        client.force_login(member)
        client.post(url("verdict", demo_report), {"decision": "approve"})
    assert status(demo_report) == "approved"

    client.force_login(secretary)
    client.post(url("publish", demo_report))
    assert status(demo_report) == "published"
    assert demo_report.publications.count() == 1


def test_a_draft_cannot_be_published(client, demo_report, secretary):
    client.force_login(secretary)
    response = client.post(url("publish", demo_report), follow=True)
    assert "Chỉ báo cáo đã được thông qua mới được phát hành." in response.text
    assert not demo_report.publications.exists()


def test_a_majority_is_enough_when_the_union_says_so(client, demo_report, secretary, members):
    organization = demo_report.term.organization
    organization.approval_rule = "majority"
    organization.save()
    third = AffiliationFactory(organization=organization, role="member").user
    client.force_login(secretary)
    client.post(url("send_to_review", demo_report))
    for user in (*members,):
        client.force_login(user)
        client.post(url("verdict", demo_report), {"decision": "approve"})
    client.force_login(third)
    client.post(url("verdict", demo_report), {"decision": "changes"})
    assert status(demo_report) == "approved"


def test_an_edit_after_approval_makes_a_new_draft(client, demo_report, secretary, members):
    client.force_login(secretary)
    client.post(url("send_to_review", demo_report))
    for member in members:
        client.force_login(member)
        client.post(url("verdict", demo_report), {"decision": "approve"})
    client.force_login(secretary)
    edit = reverse("reports:edit", args=[demo_report.pk, "prose"])
    base = client.get(edit).text.split('name="base" value="')[1].split('"')[0]
    client.post(edit, {"base": base, "opening": "Đoạn mở đầu mới.", "closing": "Kết."})
    assert status(demo_report) == "draft"


def test_members_see_which_comments_are_theirs(client, demo_report, secretary, members):
    client.force_login(secretary)
    client.post(url("send_to_review", demo_report))
    first, second = members
    client.force_login(first)
    client.post(url("comment", demo_report), {"anchor": "I.", "text": "Ý kiến của người thứ nhất."})
    client.force_login(second)
    page = client.get(url("review", demo_report)).text
    assert "Ý kiến của người thứ nhất." in page
    assert "của bạn" not in page
    client.force_login(first)
    assert "của bạn" in client.get(url("review", demo_report)).text


def test_only_members_give_verdicts_and_only_the_secretary_resolves(client, demo_report, secretary, members):
    delegate = AffiliationFactory(organization=demo_report.term.organization, role="delegate").user
    client.force_login(secretary)
    client.post(url("send_to_review", demo_report))
    assert client.post(url("verdict", demo_report), {"decision": "approve"}).status_code == 403
    client.force_login(members[0])
    client.post(url("comment", demo_report), {"anchor": "I.", "text": "Góp ý."})
    comment = demo_report.comments.get()
    assert client.post(url("resolve", demo_report, comment.pk), {"resolved": "1"}).status_code == 403
    client.force_login(delegate)
    assert client.get(url("review", demo_report)).status_code == 403


def test_each_editing_page_shows_its_open_comments(client, demo_report, secretary, members):
    client.force_login(secretary)
    client.post(url("send_to_review", demo_report))
    client.force_login(members[0])
    client.post(url("comment", demo_report), {"anchor": "I.", "text": "Góp ý về nhân sự."})
    client.post(url("comment", demo_report), {"anchor": "III.2.", "text": "Góp ý về nguyên nhân."})
    client.force_login(secretary)
    page = client.get(reverse("reports:edit", args=[demo_report.pk, "header"])).text
    assert "2. Nhân sự Ban Chấp hành <span" in page
    assert "6. Nguyên nhân <span" in page
    assert "5. Hạn chế <span" not in page


def test_a_comment_can_be_about_one_item_of_a_section(client, demo_report, secretary, members):
    client.force_login(secretary)
    client.post(url("send_to_review", demo_report))
    client.force_login(members[0])
    client.post(url("comment", demo_report), {"anchor": "III.2.", "item": "3", "text": "Ý này cần số liệu."})
    comment = demo_report.comments.get()
    assert comment.anchor == "III.2.#3" and comment.item_number == 3
    page = client.get(url("review", demo_report)).text
    section = page.split('data-anchor="III.2."')[1].split("</section>")[0]
    assert "Ý này cần số liệu." in section and "về ý 3" in section
    client.force_login(secretary)
    assert "6. Nguyên nhân <span" in client.get(reverse("reports:edit", args=[demo_report.pk, "causes"])).text
