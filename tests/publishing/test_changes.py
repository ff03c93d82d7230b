"""What changed since a round, as one document: edits marked, moves told as moves."""

import re

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import ReportItemFactory, sitting_accounts
from tests.pages import approve, items, section
from unionreports.publishing import review
from unionreports.publishing.models import TextVersion
from unionreports.reports import services

pytestmark = pytest.mark.django_db

BLOCK = re.compile(r'data-key="([^"]*)" data-status="(\w+)"( data-moved="1")?')


@pytest.fixture
def members(demo_report):
    # Two of the committee members sitting on the report's date, whose answers count.
    return sitting_accounts(demo_report, 2)


def changes_page(client, report, **query) -> str:
    # The page's words are checked in English, the interface's other language.
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(reverse("publishing:changes", args=[report.pk]), query)
    assert response.status_code == 200
    return response.text


def document(html: str) -> str:
    return html[html.index('<article class="changes-document') :]


def marked(html: str) -> list[tuple[str, str, bool]]:
    """(identity, status, moved) of each block of the document as the page marks it."""
    return [(key, status, bool(moved)) for key, status, moved in BLOCK.findall(html)]


def identity(item) -> str:
    return f"section/item-{item.pk}"


def swap(first, second) -> None:
    first.position, second.position = second.position, first.position
    first.save(update_fields=["position"])
    second.save(update_fields=["position"])


def send(report, secretary):
    return review.round_start(report=report, by=secretary)


def test_two_lessons_swapped_show_as_one_move_and_nothing_else(client, demo_report, secretary):
    send(demo_report, secretary)
    first, second = items(demo_report, "lessons")[:2]
    swap(first, second)
    client.force_login(secretary)
    html = changes_page(client, demo_report)
    moved = [key for key, _status, is_moved in marked(html) if is_moved]
    assert len(moved) == 1 and moved[0] in (identity(first), identity(second))
    assert {status for _key, status, _moved in marked(html)} == {"same"}
    assert "<ins>" not in document(html) and "<del>" not in document(html)
    assert "↕ moved from IV. MỘT SỐ KINH NGHIỆM, item" in html
    assert html.count('class="change-moved-away') == 1


def test_a_moved_lesson_with_one_word_changed_shows_the_move_and_the_word(client, demo_report, secretary):
    send(demo_report, secretary)
    lessons = list(items(demo_report, "lessons"))
    first = lessons[0]
    first.position = lessons[-1].position + 1
    words = first.text.split()
    first.text = " ".join([words[0], "luôn", *words[2:]])
    first.save()
    client.force_login(secretary)
    html = changes_page(client, demo_report)
    assert [(k, s) for k, s, moved in marked(html) if moved] == [(identity(first), "changed")]
    assert f"{words[0]} <del>{words[1]}</del> <ins>luôn</ins> {words[2]}" in html


def test_items_added_and_removed_are_shown_where_they_are_and_were(client, demo_report, secretary):
    send(demo_report, secretary)
    limitation = items(demo_report, "limitations").first()
    removed = identity(limitation)
    limitation.delete()
    added = ReportItemFactory(
        section=section(demo_report, "causes"), position=99, text="Kinh phí còn hạn hẹp."
    )
    client.force_login(secretary)
    html = changes_page(client, demo_report)
    assert (identity(added), "inserted", False) in marked(html)
    assert (removed, "deleted", False) in marked(html)
    assert "<ins>Kinh phí còn hạn hẹp.</ins>" in html
    assert f"<del>{limitation.text}</del>" in html
    assert not [m for m in marked(html) if m[2]]


def test_parts_moved_are_one_move_and_their_new_numbers_are_no_change(client, demo_report, secretary):
    send(demo_report, secretary)
    lessons = section(demo_report, "lessons")
    services.section_move(section=lessons, step=-1)
    client.force_login(secretary)
    html = changes_page(client, demo_report)
    assert [key for key, _s, moved in marked(html) if moved] == [lessons.anchor]
    assert "↕ moved from IV. MỘT SỐ KINH NGHIỆM" in html
    assert {status for _key, status, _moved in marked(html)} == {"same"}
    assert "<ins>" not in document(html) and "<del>" not in document(html)


def test_a_member_sees_what_changed_since_the_round_they_last_answered(
    client, demo_report, secretary, members
):
    answered, silent = members
    lessons = list(items(demo_report, "lessons"))
    send(demo_report, secretary)
    approve(demo_report, answered)
    lessons[0].text += " Lần sửa thứ nhất."
    lessons[0].save()
    send(demo_report, secretary)
    lessons[1].text += " Lần sửa thứ hai."
    lessons[1].save()
    send(demo_report, secretary)

    client.force_login(answered)
    html = changes_page(client, demo_report)
    assert "against the text you answered in round 1" in html
    changed = [key for key, status, _m in marked(html) if status == "changed"]
    assert changed == [identity(lessons[0]), identity(lessons[1])]

    client.force_login(silent)
    html = changes_page(client, demo_report)
    assert "against round 2" in html
    assert [key for key, status, _m in marked(html) if status == "changed"] == [identity(lessons[1])]
    # Any earlier round can be chosen.
    html = changes_page(client, demo_report, since="1")
    assert len([key for key, status, _m in marked(html) if status == "changed"]) == 2


def test_the_secretary_sees_what_the_committee_will_see_changed_before_sending(
    client, demo_report, secretary
):
    send(demo_report, secretary)
    lesson = items(demo_report, "lessons").first()
    lesson.text = "Bài học mới hoàn toàn."
    lesson.save()
    client.force_login(secretary)
    review_page = client.get(reverse("publishing:review", args=[demo_report.pk])).text
    link = reverse("publishing:changes", args=[demo_report.pk])
    assert f'href="{link}">Những điểm thay đổi Ban Chấp hành sẽ thấy' in review_page
    html = changes_page(client, demo_report)
    assert "what the committee will see changed if you send a new round" in html
    assert [key for key, status, _m in marked(html) if status != "same"] == [identity(lesson)]


def test_texts_kept_before_blocks_were_are_compared_by_their_sections(client, demo_report, secretary):
    sent = send(demo_report, secretary)
    TextVersion.objects.filter(digest=sent.digest).update(blocks=[])
    lesson = items(demo_report, "lessons").first()
    lesson.text += " Thêm một câu."
    lesson.save()
    client.force_login(secretary)
    html = changes_page(client, demo_report)
    assert "<ins>Thêm một câu.</ins>" in html
    assert [status for _key, status, _m in marked(html) if status != "same"] == ["changed"]


@pytest.mark.parametrize("since", ["7", "abc", "-1", "99999999999999999999999"])
def test_a_round_that_does_not_exist_is_told_not_failed(client, demo_report, secretary, since):
    send(demo_report, secretary)
    client.force_login(secretary)
    html = changes_page(client, demo_report, since=since)
    assert "There is no such round of review" in html


def test_nothing_to_compare_with_before_the_first_round(client, demo_report, secretary, member):
    client.force_login(secretary)
    assert "has not been sent to the committee yet" in changes_page(client, demo_report)
    send(demo_report, secretary)
    client.force_login(member)
    assert "no earlier round to compare with" in changes_page(client, demo_report)


def test_only_the_union_sees_what_changed(client, demo_report, secretary, outsider, stranger):
    send(demo_report, secretary)
    url = reverse("publishing:changes", args=[demo_report.pk])
    for user in (outsider, stranger):
        client.force_login(user)
        assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302


def test_the_page_costs_the_same_queries_however_many_items(client, demo_report, secretary, members):
    send(demo_report, secretary)
    approve(demo_report, members[0])
    send(demo_report, secretary)
    client.force_login(members[0])

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            changes_page(client, demo_report)
        return len(captured)

    before = queries()
    for n in range(10):
        ReportItemFactory(section=section(demo_report, "lessons"), position=50 + n)
    assert queries() == before


def test_the_first_change_is_one_click_away_and_no_change_is_said(client, demo_report, secretary):
    send(demo_report, secretary)
    client.force_login(secretary)
    assert "Nothing changed." in changes_page(client, demo_report)
    lesson = items(demo_report, "lessons").last()
    lesson.text += " Câu mới."
    lesson.save()
    html = changes_page(client, demo_report)
    assert "Nothing changed." not in html and 'href="#change-1"' in html
    assert re.search(rf'data-key="{identity(lesson)}" data-status="changed" id="change-1"', html)
