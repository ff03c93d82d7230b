"""Each event of a report's review tells exactly the right people, on the site and by e-mail."""

import logging

import pytest
from django.core import mail
from django.urls import reverse

from tests.pages import committee_approves
from unionreports.accounts.models import Affiliation
from unionreports.notices.models import Notice
from unionreports.publishing import review
from unionreports.publishing.services import report_publish
from unionreports.reports.compose import compose_report
from unionreports.reports.models import Report

pytestmark = pytest.mark.django_db


def told(kind: str) -> set[str]:
    return {n.recipient.username for n in Notice.objects.filter(kind=kind).select_related("recipient")}


def mailed() -> list[str]:
    return sorted(address for message in mail.outbox for address in message.to)


def digest(report) -> str:
    return compose_report(Report.objects.with_document_data().get(pk=report.pk)).digest()


@pytest.fixture
def in_review(union, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        review.round_start(report=union["report"], by=union["secretary"])
    mail.outbox.clear()
    return union


def test_a_round_opened_tells_the_committee_members_and_no_one_else(
    client, union, django_capture_on_commit_callbacks, settings
):
    settings.SITE_URL = "https://baocao.example.vn"
    client.force_login(union["secretary"])
    report = union["report"]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("publishing:send_to_review", args=[report.pk]))
    assert told("round_opened") == {union["an"].username, union["binh"].username}
    assert mailed() == ["an@example.vn", "binh@example.vn"]
    message = mail.outbox[0]
    assert "Nguyễn Thị Thu Hà" in message.subject and "1" in message.subject
    assert f"https://baocao.example.vn/reports/{report.pk}/review/" in message.body


def test_a_verdict_tells_the_secretaries_not_the_member(
    client, in_review, django_capture_on_commit_callbacks
):
    report, an = in_review["report"], in_review["an"]
    client.force_login(an)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("publishing:verdict", args=[report.pk]), {"decision": "approve", "digest": digest(report)}
        )
    assert told("verdict") == {"thuky", in_review["deputy"].username}
    assert mailed() == ["pho@example.vn", "thuky@example.vn"]
    assert "Nguyễn Văn An" in mail.outbox[0].subject


def comment(client, user, report, text, parent=None):
    client.force_login(user)
    data = {"text": text, "anchor": "opening"} | ({"parent": parent.pk} if parent else {})
    return client.post(reverse("publishing:comment", args=[report.pk]), data)


def test_a_comment_tells_the_secretaries_only(client, in_review, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        comment(client, in_review["an"], in_review["report"], "Đề nghị bổ sung số liệu.")
    assert told("comment") == {"thuky", in_review["deputy"].username}
    assert mailed() == ["pho@example.vn", "thuky@example.vn"]
    assert "«Đề nghị bổ sung số liệu.»" in mail.outbox[0].body


def test_a_reply_tells_the_secretaries_and_the_thread_but_not_its_author_nor_others(
    client, in_review, django_capture_on_commit_callbacks
):
    report, an, binh = in_review["report"], in_review["an"], in_review["binh"]
    comment(client, an, report, "Đề nghị bổ sung số liệu.")
    root = report.comments.get()
    comment(client, binh, report, "Tôi đồng ý.", parent=root)
    Notice.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        comment(client, in_review["secretary"], report, "Đã bổ sung.", parent=root)
    # The secretary replies: the other secretary, the author of the comment and the member who
    # replied before hear of it; the secretary who wrote does not.
    assert told("reply") == {in_review["deputy"].username, an.username, binh.username}
    assert mailed() == ["an@example.vn", "binh@example.vn", "pho@example.vn"]
    notice = Notice.objects.filter(recipient=an).get()
    assert (
        notice.target
        == reverse("publishing:review", args=[report.pk]) + f"#comment-{report.comments.last().pk}"
    )


def test_publishing_tells_the_committee_but_not_who_published(in_review, django_capture_on_commit_callbacks):
    report = in_review["report"]
    committee_approves(report)  # An and Bình, and accounts for the other sitting members
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        report_publish(report=report, by=in_review["secretary"])
    members = Affiliation.objects.filter(organization=report.term.organization, role=Affiliation.Role.MEMBER)
    assert {in_review["an"].username, in_review["binh"].username} <= told("published")
    assert told("published") == {
        in_review["deputy"].username,
        *members.values_list("user__username", flat=True),
    }
    assert "pho@example.vn" in mailed() and "thuky@example.vn" not in mailed()
    assert Notice.objects.filter(kind="published").first().target == report.get_absolute_url()


def test_who_turned_e_mail_off_is_told_on_the_site_only(client, union, django_capture_on_commit_callbacks):
    union["binh"].profile.email_notices = False
    union["binh"].profile.save()
    with django_capture_on_commit_callbacks(execute=True):
        review.round_start(report=union["report"], by=union["secretary"])
    assert told("round_opened") == {union["an"].username, union["binh"].username}
    assert mailed() == ["an@example.vn"]


def test_a_mail_server_down_leaves_the_comment_saved_and_the_notice_shown(
    client, in_review, django_capture_on_commit_callbacks, settings, caplog
):
    settings.EMAIL_BACKEND = "tests.notices.conftest.FailingBackend"
    report = in_review["report"]
    with caplog.at_level(logging.ERROR, logger="unionreports.accounts.mail"):
        with django_capture_on_commit_callbacks(execute=True):
            response = comment(client, in_review["an"], report, "Đề nghị bổ sung số liệu.")
    assert response.status_code == 302
    assert report.comments.get().text == "Đề nghị bổ sung số liệu."
    assert told("comment") == {"thuky", in_review["deputy"].username}
    assert "could not be sent" in caplog.text
    client.force_login(in_review["secretary"])
    assert "Nguyễn Văn An" in client.get(reverse("notices:list")).text
