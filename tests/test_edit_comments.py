"""Open comments on the secretary's editing pages: beside their item, with reply and resolve there."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import AffiliationFactory
from tests.pages import areas, items, page, section
from unionreports.document.lines import text_hash
from unionreports.publishing import review
from unionreports.publishing.models import Comment

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_review(demo_report, secretary):
    review.round_start(report=demo_report, by=secretary)
    return demo_report


def comment_on(report, author, anchor: str, text: str, quote: str = "") -> Comment:
    """A comment as the review page makes it: about an anchor, quoting what it read."""
    return review.comment_add(
        report=report, author=author, anchor=anchor, quote=quote, text=text, parent=None
    )


def about_item(report, author, name: str, index: int, text: str) -> Comment:
    sec, item = section(report, name), items(report, name)[index]
    return comment_on(report, author, f"{sec.anchor}/item-{item.pk}", text, quote=f"- {item.text}")


def row_of(html: str, item) -> str:
    """The editing row (<li>) holding the item with this id."""
    rows = html.split('<li class="card card-body mb-2 ordered-row">')[1:]
    return next(row for row in rows if re.search(rf'name="items-\d+-id" value="{item.pk}"', row))


def place(html: str, key: str) -> str:
    start = html.index(f'id="comments-{key}"')
    return html[start : html.index("data-resolved-threads", start)]


def tab(html: str, title: str) -> str:
    return next(
        link for link in re.findall(r'<a class="nav-link[^>]*>(.*?)</a>', html) if link.startswith(title)
    )


def reply_url(report, thread) -> str:
    return reverse("publishing:thread_reply", args=[report.pk, thread.pk])


def resolve_url(report, thread) -> str:
    return reverse("publishing:thread_resolve", args=[report.pk, thread.pk])


def test_a_comment_about_an_item_is_shown_on_that_items_row(client, in_review, secretary, member):
    about_item(in_review, member, "causes", 2, "Ý này cần số liệu.")
    client.force_login(secretary)
    html = client.get(page(in_review, "causes")).text
    causes = list(items(in_review, "causes"))
    assert "Ý này cần số liệu." in row_of(html, causes[2])
    assert "Ý này cần số liệu." not in row_of(html, causes[1])
    assert html.count("Ý này cần số liệu.") == 1
    # Nowhere else: the other sections' pages don't show it.
    assert "Ý này cần số liệu." not in client.get(page(in_review, "limitations")).text


def test_a_comment_made_on_the_review_page_reaches_the_editing_row(client, in_review, secretary, member):
    client.force_login(member)
    causes = section(in_review, "causes")
    client.post(
        reverse("publishing:comment", args=[in_review.pk]),
        {
            "anchor": f"{causes.anchor}/item-{items(in_review, 'causes')[2].pk}",
            "text": "Góp ý từ trang góp ý.",
        },
    )
    assert in_review.comments.count() == 1
    client.force_login(secretary)
    html = client.get(page(in_review, "causes")).text
    assert "Góp ý từ trang góp ý." in row_of(html, items(in_review, "causes")[2])


def test_a_comment_on_the_whole_section_is_at_the_top(client, in_review, secretary, member):
    comment_on(in_review, member, section(in_review, "causes").anchor, "Cả phần còn thiếu.")
    client.force_login(secretary)
    html = client.get(page(in_review, "causes")).text
    assert "Cả phần còn thiếu." in place(html, "top")
    assert html.index('id="comments-top"') < html.index('name="items-0-text"')


def test_a_comment_quoting_the_sections_text_is_beside_that_field(client, in_review, secretary, member):
    causes = section(in_review, "causes")
    causes.text = "Đoạn dẫn của phần nguyên nhân.\nĐoạn thứ hai."
    causes.save()
    comment_on(in_review, member, causes.anchor, "Đoạn này nên bỏ.", quote="Đoạn thứ hai.")
    client.force_login(secretary)
    html = client.get(page(in_review, "causes")).text
    assert "Đoạn này nên bỏ." in place(html, "field-text")


def test_a_comment_on_a_paragraph_of_the_review_copy_is_beside_its_field(
    client, in_review, secretary, member
):
    """The review copy names a paragraph without a record by its section and a hash of its words."""
    causes = section(in_review, "causes")
    causes.text = "Đoạn dẫn của phần nguyên nhân.\nĐoạn thứ hai."
    causes.save()
    anchor = f"{causes.anchor}/p-{text_hash('Đoạn thứ hai.')}"
    client.force_login(member)
    client.post(
        reverse("publishing:comment", args=[in_review.pk]), {"anchor": anchor, "text": "Bỏ đoạn này."}
    )
    assert in_review.comments.get().anchor == anchor
    client.force_login(secretary)
    html = client.get(page(in_review, "causes")).text
    assert "Bỏ đoạn này." in place(html, "field-text")
    assert html.count("Bỏ đoạn này.") == 1


def test_comments_on_the_opening_and_closing_are_beside_their_fields(client, in_review, secretary, member):
    comment_on(in_review, member, "opening", "Về mở đầu.")
    comment_on(in_review, member, "closing", "Về kết luận.")
    client.force_login(secretary)
    html = client.get(page(in_review, "prose")).text
    assert "Về mở đầu." in place(html, "field-opening")
    assert "Về kết luận." in place(html, "field-closing")
    assert html.index('id="comments-field-opening"') < html.index('name="closing"')


def test_an_areas_comments_are_on_its_page_and_counted_on_its_line(client, in_review, secretary, member):
    area = areas(in_review).filter(parent__isnull=True).first()
    item = area.items.first()
    comment_on(in_review, member, f"{area.anchor}/item-{item.pk}", "Về đoạn này.", quote=item.text)
    comment_on(in_review, member, area.anchor, "Về cả lĩnh vực.")
    client.force_login(secretary)
    html = client.get(reverse("reports:area", args=[in_review.pk, area.pk])).text
    assert "Về đoạn này." in row_of(html, item)
    assert "Về cả lĩnh vực." in place(html, "top")
    section_page = client.get(page(in_review, "achievements")).text
    line = section_page[section_page.index(reverse("reports:area", args=[in_review.pk, area.pk])) :]
    assert "badge" in line[: line.index("</a>")]
    assert "Về đoạn này." not in section_page


def test_a_comment_on_an_item_since_deleted_is_shown_as_removed(client, in_review, secretary, member):
    about_item(in_review, member, "causes", 0, "Ý này trùng lặp.")
    items(in_review, "causes")[0].delete()
    client.force_login(secretary)
    html = client.get(page(in_review, "causes")).text
    removed = place(html, "removed")
    assert "Ý này trùng lặp." in removed
    assert "Comments on items since removed" in removed or "đã bị xóa" in removed
    # The item's text as it read then is shown, since no row holds it any more.
    assert "thread-quote" in removed


def test_a_reply_from_the_editing_page_joins_the_thread(client, in_review, secretary, member):
    thread = about_item(in_review, member, "causes", 1, "Cần sửa ý này.")
    editing = page(in_review, "causes")
    client.force_login(secretary)
    response = client.post(reply_url(in_review, thread), {"text": "Đã sửa theo góp ý.", "next": editing})
    reply = thread.replies.get()
    assert response.status_code == 302 and response["Location"] == f"{editing}#comment-{thread.pk}"
    html = client.get(editing).text
    assert "Đã sửa theo góp ý." in row_of(html, items(in_review, "causes")[1])
    client.force_login(member)
    review_page = client.get(reverse("publishing:review", args=[in_review.pk])).text
    assert "Đã sửa theo góp ý." in review_page and f'id="comment-{reply.pk}"' in review_page


def test_a_reply_posted_by_the_pages_script_answers_with_the_thread(client, in_review, secretary, member):
    thread = about_item(in_review, member, "causes", 1, "Cần sửa ý này.")
    client.force_login(secretary)
    response = client.post(
        reply_url(in_review, thread), {"text": "Trả lời tại chỗ."}, headers={"X-Requested-With": "fetch"}
    )
    assert response.status_code == 200
    assert f'data-thread="{thread.pk}"' in response.text and "Trả lời tại chỗ." in response.text
    empty = client.post(reply_url(in_review, thread), {"text": "  "}, headers={"X-Requested-With": "fetch"})
    assert empty.status_code == 400 and thread.replies.count() == 1


def test_an_empty_reply_is_refused_with_a_message(client, in_review, secretary, member):
    thread = about_item(in_review, member, "causes", 1, "Cần sửa ý này.")
    editing = page(in_review, "causes")
    client.force_login(secretary)
    response = client.post(reply_url(in_review, thread), {"text": "", "next": editing}, follow=True)
    assert response.redirect_chain[-1][0].startswith(editing)
    assert "alert-error" in response.text or "alert-danger" in response.text
    assert not thread.replies.exists()


def test_resolving_on_the_editing_page_folds_it_away_and_the_tab_count_drops(
    client, in_review, secretary, member
):
    thread = about_item(in_review, member, "causes", 1, "Cần sửa ý này.")
    editing = page(in_review, "causes")
    client.force_login(secretary)
    assert ">1</span>" in tab(client.get(editing).text, "2. Nguyên nhân")
    response = client.post(resolve_url(in_review, thread), {"resolved": "1", "next": editing})
    assert response["Location"] == f"{editing}#comment-{thread.pk}"
    html = client.get(editing).text
    assert "badge" not in tab(html, "2. Nguyên nhân")
    row = row_of(html, items(in_review, "causes")[1])
    assert "Cần sửa ý này." in row.split("data-resolved-threads")[1]
    assert "data-resolved-threads hidden" not in row
    client.post(resolve_url(in_review, thread), {"resolved": "0", "next": editing})
    assert ">1</span>" in tab(client.get(editing).text, "2. Nguyên nhân")


def test_only_the_secretary_resolves(client, in_review, secretary, member, outsider):
    thread = about_item(in_review, member, "causes", 1, "Cần sửa ý này.")
    delegate = AffiliationFactory(organization=in_review.term.organization, role="delegate").user
    for user, status in ((member, 403), (delegate, 403), (outsider, 404)):
        client.force_login(user)
        assert client.post(resolve_url(in_review, thread), {"resolved": "1"}).status_code == status
    client.force_login(outsider)
    assert client.post(reply_url(in_review, thread), {"text": "Xen vào."}).status_code == 404
    thread.refresh_from_db()
    assert thread.resolved_at is None and not thread.replies.exists()


def test_a_reply_goes_back_only_to_a_page_of_this_site(client, in_review, secretary, member):
    thread = about_item(in_review, member, "causes", 1, "Cần sửa ý này.")
    client.force_login(secretary)
    review_page = reverse("publishing:review", args=[in_review.pk]) + f"#comment-{thread.pk}"
    for elsewhere in ("https://evil.example/x", "//evil.example/x", "achievement", "javascript:alert(1)"):
        response = client.post(reply_url(in_review, thread), {"text": "Được.", "next": elsewhere})
        assert response.status_code == 302 and response["Location"] == review_page


def test_a_reply_to_a_reply_is_refused(client, in_review, secretary, member):
    thread = about_item(in_review, member, "causes", 1, "Cần sửa ý này.")
    reply = review.comment_add(report=in_review, author=secretary, anchor="", text="Đã sửa.", parent=thread)
    client.force_login(secretary)
    assert client.post(resolve_url(in_review, reply), {"resolved": "1"}).status_code == 404


def editing_queries(client, report) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(page(report, "causes")).status_code == 200
    return len(queries)


def test_the_editing_page_costs_the_same_whatever_the_number_of_comments(
    client, in_review, secretary, member
):
    client.force_login(secretary)
    about_item(in_review, member, "causes", 0, "Một.")
    few = editing_queries(client, in_review)
    sec = section(in_review, "causes")
    for index, item in enumerate(items(in_review, "causes")):
        for n in range(3):
            thread = about_item(in_review, member, "causes", index, f"Ý kiến {n} về ý {item.pk}.")
            review.comment_add(report=in_review, author=secretary, anchor="", text="Trả lời.", parent=thread)
            review.comment_add(report=in_review, author=member, anchor="", text="Cảm ơn.", parent=thread)
    comment_on(in_review, member, sec.anchor, "Cả phần.")
    comment_on(in_review, member, f"{sec.anchor}/item-999999", "Ý đã xóa.")
    many = editing_queries(client, in_review)
    assert in_review.comments.count() > 30
    assert many == few


def test_the_comments_of_a_page_are_read_in_one_query(django_assert_num_queries, in_review, member):
    from unionreports.publishing.page_comments import section_comments
    from unionreports.reports.models import Report

    for index in range(3):
        thread = about_item(in_review, member, "causes", index, "Ý kiến.")
        review.comment_add(report=in_review, author=member, anchor="", text="Trả lời.", parent=thread)
    report = Report.objects.with_document_data().get(pk=in_review.pk)
    causes = next(s for s in report.sections.all() if s.pk == section(in_review, "causes").pk)
    with django_assert_num_queries(1):
        comments = section_comments(report, causes)
        names = [reply.author.username for thread in comments.threads() for reply in thread.thread_replies]
    assert len(names) == 3


def test_comments_on_a_part_since_removed_are_on_the_outline_page(client, in_review, secretary, member):
    from unionreports.reports import services

    causes = section(in_review, "causes")
    about_item(in_review, member, "causes", 0, "Về một ý của phần đã bỏ.")
    comment_on(in_review, member, section(in_review, "lessons").anchor, "Về phần còn lại.")
    services.section_delete(section=causes)
    client.force_login(secretary)
    html = client.get(page(in_review, "outline")).text
    assert "Về một ý của phần đã bỏ." in place(html, "removed")
    assert "Về phần còn lại." not in html
    assert ">1</span>" in tab(html, "Bố cục")
