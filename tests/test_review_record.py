"""The record of the review ("Tổng hợp ý kiến góp ý"), read back from the PDF and the Word file."""

import datetime
import io
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pypdf import PdfReader

from tests.factories import AffiliationFactory
from tests.pages import approve, areas, committee_approves, items, section
from unionreports.publishing import review
from unionreports.publishing.models import (
    Comment,
    Publication,
    PublishedRecord,
    ReviewRound,
    TextVersion,
    Verdict,
)
from unionreports.publishing.record import build_record, review_record
from unionreports.publishing.services import report_publish
from unionreports.reports import services
from unionreports.reports.compose import compose_report
from unionreports.reports.models import Report, ReportSection

pytestmark = pytest.mark.django_db

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
HANOI = datetime.timezone(datetime.timedelta(hours=7))


def at(day: int, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(2023, 3, day, hour, minute, tzinfo=HANOI)


def squash(text: str) -> str:
    return " ".join(text.replace("\xa0", " ").split())


def pdf_text(data: bytes) -> str:
    return squash(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages))


def docx_text(data: bytes) -> str:
    word = docx.Document(io.BytesIO(data))
    lines = [paragraph.text for paragraph in word.paragraphs]
    for table in word.tables:
        for row in table.rows:
            lines += [cell.text for cell in row.cells]
    return squash("\n".join(lines))


def in_order(text: str, *parts: str) -> None:
    """Each of `parts` is in `text`, after the one before it."""
    position = 0
    for part in parts:
        found = text.find(part, position)
        assert found >= 0, f"{part!r} missing after position {position}: …{text[position : position + 300]}…"
        position = found + len(part)


def written(comment: Comment, when: datetime.datetime, resolved: datetime.datetime | None = None) -> Comment:
    Comment.objects.filter(pk=comment.pk).update(created_at=when, resolved_at=resolved)
    return comment


def named(report, last: str, first: str):
    """A member's account, linked to a sitting committee member while one is left without an account."""
    organization = report.term.organization
    free = [
        s
        for s in review.committee_seats(Report.objects.with_document_data().get(pk=report.pk))
        if s.user_id is None
    ]
    return AffiliationFactory(
        organization=organization,
        role="member",
        person=free[0].person if free else None,
        user__profile__full_name=f"{last} {first}",
    ).user


@pytest.fixture
def reviewed(demo_report, secretary):
    """Two rounds: comments on a section, on an item, on a section since removed, with a reply;
    the lessons renamed between the rounds; verdicts, one of them on a text edited after sending."""
    lan, hung = named(demo_report, "Nguyễn Thị", "Lan"), named(demo_report, "Trần Văn", "Hùng")
    secretary.profile.full_name = "Lê Thư"
    secretary.profile.save()
    first = review.round_start(report=demo_report, by=secretary)
    ReviewRound.objects.filter(pk=first.pk).update(started_at=at(5, 8, 30))

    lessons, causes = section(demo_report, "lessons"), section(demo_report, "causes")
    cause = items(demo_report, "causes").first()
    area = areas(demo_report).filter(parent__isnull=True).first()
    on_lessons = review.comment_add(
        report=demo_report,
        author=lan,
        anchor=lessons.anchor,
        text="Nên thêm bài học về chuyển đổi số.",
        parent=None,
    )
    written(on_lessons, at(5, 9, 15), resolved=at(7, 10))
    reply = review.comment_add(
        report=demo_report, author=secretary, anchor="", text="Đã bổ sung ý thứ năm.", parent=on_lessons
    )
    written(reply, at(6, 14, 5))
    on_cause = review.comment_add(
        report=demo_report,
        author=hung,
        anchor=f"{causes.anchor}/item-{cause.pk}",
        quote=f"- {cause.text}",
        text="Ý này cần số liệu cụ thể.",
        parent=None,
    )
    written(on_cause, at(5, 9, 40))
    on_area = review.comment_add(
        report=demo_report,
        author=hung,
        anchor=area.anchor,
        text="Phần này nên gộp vào mục khác.",
        parent=None,
    )
    written(on_area, at(5, 9, 50))
    on_opening = review.comment_add(
        report=demo_report, author=lan, anchor="opening", text="Mở đầu cần nêu căn cứ.", parent=None
    )
    written(on_opening, at(5, 10, 0))
    Verdict.objects.filter(pk=approve(demo_report, lan, "changes").pk).update(decided_at=at(5, 11))

    # Between the rounds: the area is removed and the lessons renamed.
    area_heading = f"{area.title}"
    services.area_delete(area=area)
    ReportSection.objects.filter(pk=lessons.pk).update(title="BÀI HỌC KINH NGHIỆM")

    second = review.round_start(report=demo_report, by=secretary)
    ReviewRound.objects.filter(pk=first.pk).update(closed_at=at(8, 16))
    ReviewRound.objects.filter(pk=second.pk).update(started_at=at(9, 8))
    late = review.comment_add(
        report=demo_report,
        author=hung,
        anchor=lessons.anchor,
        text="Đồng ý với phần kinh nghiệm.",
        parent=None,
    )
    written(late, at(9, 9, 30))
    Verdict.objects.filter(pk=approve(demo_report, lan).pk).update(decided_at=at(9, 10))
    # An edit while the round is open: Hùng's approval is of a text the round did not send.
    item = items(demo_report, "causes").first()
    item.text += " (đã bổ sung)"
    item.save()
    Verdict.objects.filter(pk=approve(demo_report, hung).pk).update(decided_at=at(9, 11, 45))
    return {"area_heading": area_heading, "lan": lan, "hung": hung, "cause": cause}


def record_of(report):
    return review_record(Report.objects.with_document_data().get(pk=report.pk))


def download(client, report, name: str) -> bytes:
    response = client.get(reverse(f"publishing:{name}", args=[report.pk]))
    assert response.status_code == 200, response.status_code
    return response.content


EXPECTED = [
    "TỔNG HỢP Ý KIẾN GÓP Ý",
    "Dự thảo Báo cáo kiểm điểm trách nhiệm của Ban Chấp hành Công đoàn Ban Tổ chức Tỉnh ủy",
    "I. VÒNG GÓP Ý THỨ 1",
    "Gửi lấy ý kiến lúc 08:30 ngày 05/03/2023; kết thúc lúc 16:00 ngày 08/03/2023.",
    # By section, in the reading order of the round's text.
    "Phần “Mở đầu”",
    "Nguyễn Thị Lan (10:00 ngày 05/03/2023): Mở đầu cần nêu căn cứ.",
    "Chưa giải quyết.",
    "(nay không còn trong báo cáo)",
    "Trần Văn Hùng (09:50 ngày 05/03/2023): Phần này nên gộp vào mục khác.",
    "Chưa giải quyết.",
    "Phần “2. Nguyên nhân của hạn chế, khuyết điểm”",
    "Về đoạn: “Trước hết do kinh nghiệm công tác công đoàn",
    "Trần Văn Hùng (09:40 ngày 05/03/2023): Ý này cần số liệu cụ thể.",
    "Chưa giải quyết.",
    # The heading as round 1 sent it, before the lessons were renamed.
    "Phần “IV. MỘT SỐ KINH NGHIỆM”",
    "Nguyễn Thị Lan (09:15 ngày 05/03/2023): Nên thêm bài học về chuyển đổi số.",
    "Trả lời của Lê Thư (14:05 ngày 06/03/2023): Đã bổ sung ý thứ năm.",
    "Đã giải quyết ngày 07/03/2023.",
    "2. Ý kiến biểu quyết của Ủy viên Ban Chấp hành",
    "Nguyễn Thị Lan",
    "Đề nghị chỉnh sửa",
    "11:00 ngày 05/03/2023",
    "Văn bản gửi ở vòng này",
    "II. VÒNG GÓP Ý THỨ 2",
    "Gửi lấy ý kiến lúc 08:00 ngày 09/03/2023; đến nay chưa kết thúc.",
    "Phần “III. BÀI HỌC KINH NGHIỆM”",
    "Trần Văn Hùng (09:30 ngày 09/03/2023): Đồng ý với phần kinh nghiệm.",
    "Chưa giải quyết.",
    "Nguyễn Thị Lan",
    "Tán thành",
    "10:00 ngày 09/03/2023",
    "Văn bản gửi ở vòng này",
    "Trần Văn Hùng",
    "Tán thành",
    "11:45 ngày 09/03/2023",
    "Văn bản đã sửa sau khi gửi",
    "TM. BAN CHẤP HÀNH",
]


def test_the_pdf_lists_every_comment_reply_resolution_and_verdict_by_round_and_section(
    client, demo_report, secretary, reviewed
):
    client.force_login(secretary)
    text = pdf_text(download(client, demo_report, "record_pdf"))
    in_order(text, *EXPECTED)
    # The removed area is listed under its heading as round 1 sent it.
    in_order(text, "VÒNG GÓP Ý THỨ 1", reviewed["area_heading"], "Phần này nên gộp", "VÒNG GÓP Ý THỨ 2")


def test_the_word_file_holds_the_same_record_in_the_same_order(client, demo_report, member, reviewed):
    client.force_login(member)
    response = client.get(reverse("publishing:record_docx", args=[demo_report.pk]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert (
        "T%E1%BB%95ng%20h%E1%BB%A3p%20%C3%BD%20ki%E1%BA%BFn%20g%C3%B3p%20%C3%BD"
        in response["Content-Disposition"]
    )
    text = docx_text(response.content)
    in_order(text, *EXPECTED[:18])
    # The verdicts are a table, read after the paragraphs.
    in_order(text, "Đề nghị chỉnh sửa", "Văn bản gửi ở vòng này", "Tán thành", "Văn bản đã sửa sau khi gửi")


def test_the_record_is_vietnamese_whatever_the_interface_language(client, demo_report, secretary, reviewed):
    client.force_login(secretary)
    client.cookies["django_language"] = "en"
    text = pdf_text(
        client.get(reverse("publishing:record_pdf", args=[demo_report.pk]), HTTP_ACCEPT_LANGUAGE="en").content
    )
    assert (
        "Phần “Mở đầu”" in text and "Tán thành" in text and "Opening" not in text and "Approves" not in text
    )


def test_a_report_never_sent_says_so(client, demo_report, secretary):
    client.force_login(secretary)
    text = pdf_text(download(client, demo_report, "record_pdf"))
    assert "Dự thảo báo cáo chưa được gửi lấy ý kiến Ban Chấp hành." in text
    assert "VÒNG GÓP Ý" not in text


def test_comments_without_a_round_are_listed_after_the_rounds(client, demo_report, secretary, member):
    review.round_start(report=demo_report, by=secretary)
    Comment.objects.create(report=demo_report, round=None, anchor="closing", author=member, text="Góp ý lẻ.")
    client.force_login(secretary)
    text = pdf_text(download(client, demo_report, "record_pdf"))
    in_order(
        text, "I. VÒNG GÓP Ý THỨ 1", "II. Ý KIẾN KHÔNG GẮN VỚI VÒNG GÓP Ý NÀO", "Phần “Kết luận”", "Góp ý lẻ."
    )


def test_the_builder_makes_no_query(demo_report, reviewed, django_assert_num_queries):
    report = Report.objects.with_document_data().get(pk=demo_report.pk)
    document = compose_report(report)
    rounds = list(report.rounds.all())
    comments = list(report.comments.select_related("author__profile"))
    verdicts = list(Verdict.objects.filter(round__report=report).select_related("user__profile"))
    versions = {v.digest: v for v in TextVersion.objects.filter(report=report)}
    with django_assert_num_queries(0):
        record = build_record(
            document=document,
            place="Hà Tĩnh",
            day=datetime.date(2023, 3, 10),
            rounds=rounds,
            comments=comments,
            verdicts=verdicts,
            versions=versions,
        )
    assert record.header.date_line == "Hà Tĩnh, ngày 10 tháng 3 năm 2023"
    assert [r.title for r in record.rounds] == ["VÒNG GÓP Ý THỨ 1", "VÒNG GÓP Ý THỨ 2"]
    assert [len(list(s.comments)) for s in record.rounds[0].sections] == [1, 1, 1, 1]


def test_an_unchanged_record_is_answered_304(client, demo_report, secretary, reviewed):
    client.force_login(secretary)
    first = client.get(reverse("publishing:record_pdf", args=[demo_report.pk]))
    again = client.get(
        reverse("publishing:record_pdf", args=[demo_report.pk]), HTTP_IF_NONE_MATCH=first["ETag"]
    )
    assert again.status_code == 304
    review.comment_add(report=demo_report, author=secretary, anchor="closing", text="Thêm.", parent=None)
    assert (
        client.get(
            reverse("publishing:record_pdf", args=[demo_report.pk]), HTTP_IF_NONE_MATCH=first["ETag"]
        ).status_code
        == 200
    )


def test_building_the_record_costs_the_same_queries_for_1_or_20_comments(demo_report, secretary):
    member = named(demo_report, "Phạm", "An")
    review.round_start(report=demo_report, by=secretary)
    approve(demo_report, member)
    lessons = section(demo_report, "lessons")

    def queries() -> int:
        report = Report.objects.with_document_data().get(pk=demo_report.pk)
        with CaptureQueriesContext(connection) as captured:
            review_record(report)
        return len(captured)

    first = review.comment_add(
        report=demo_report, author=member, anchor=lessons.anchor, text="Một.", parent=None
    )
    one = queries()
    for n in range(19):
        parent = review.comment_add(
            report=demo_report,
            author=named(demo_report, "Võ", f"Số {n}"),
            anchor="opening",
            text=f"Ý {n}.",
            parent=None,
        )
        review.comment_add(report=demo_report, author=secretary, anchor="", text="Trả lời.", parent=parent)
    review.round_start(report=demo_report, by=secretary)
    approve(demo_report, member)
    review.comment_add(report=demo_report, author=member, anchor="", text="Trả lời.", parent=first)
    assert queries() == one <= 4
    assert len(list(record_of(demo_report).comments())) == 20


@pytest.mark.parametrize("name", ["record_pdf", "record_docx"])
def test_nobody_outside_the_committee_gets_the_record(client, demo_report, outsider, stranger, name):
    url = reverse(f"publishing:{name}", args=[demo_report.pk])
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    client.force_login(stranger)
    assert client.get(url).status_code == 404
    delegate = AffiliationFactory(organization=demo_report.term.organization, role="delegate").user
    client.force_login(delegate)
    assert client.get(url).status_code == 403


def publish(client, report, secretary, member) -> Publication:
    review.round_start(report=report, by=secretary)
    committee_approves(report)
    return report_publish(report=report, by=secretary)


def test_the_record_is_frozen_with_the_published_version(client, demo_report, secretary, member):
    review.round_start(report=demo_report, by=secretary)
    review.comment_add(
        report=demo_report, author=member, anchor="opening", text="Góp ý trước khi phát hành.", parent=None
    )
    publication = publish(client, demo_report, secretary, member)
    record = PublishedRecord.objects.get(publication=publication)
    frozen_pdf, frozen_docx = bytes(record.pdf), bytes(record.docx)
    assert "Góp ý trước khi phát hành." in pdf_text(frozen_pdf)
    assert "Góp ý trước khi phát hành." in docx_text(frozen_docx)

    review.comment_add(
        report=demo_report, author=member, anchor="opening", text="Góp ý sau khi phát hành.", parent=None
    )
    client.force_login(secretary)
    page = client.get(reverse("publishing:publications", args=[demo_report.pk])).text
    link = reverse("publishing:published_record_pdf", args=[demo_report.pk, publication.version])
    assert link in page
    served = client.get(link)
    assert served.content == frozen_pdf
    assert client.get(link, HTTP_IF_NONE_MATCH=served["ETag"]).status_code == 304
    assert served["ETag"] == f'"{record.pdf_sha256}"'
    assert "Góp ý sau khi phát hành." not in pdf_text(served.content)
    assert (
        client.get(reverse("publishing:published_record_docx", args=[demo_report.pk, 1])).content
        == frozen_docx
    )
    # The record as it stands has the later comment.
    assert "Góp ý sau khi phát hành." in pdf_text(download(client, demo_report, "record_pdf"))


def test_the_frozen_record_is_refused_outside_the_committee(client, demo_report, secretary, member, outsider):
    publication = publish(client, demo_report, secretary, member)
    url = reverse("publishing:published_record_pdf", args=[demo_report.pk, publication.version])
    assert client.get(url).status_code == 302
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    client.force_login(AffiliationFactory(organization=demo_report.term.organization, role="delegate").user)
    assert client.get(url).status_code == 403
    client.force_login(member)
    assert client.get(url).status_code == 200
    assert client.get(reverse("publishing:published_record_pdf", args=[demo_report.pk, 9])).status_code == 404


def test_the_review_page_links_to_the_record(client, demo_report, secretary):
    review.round_start(report=demo_report, by=secretary)
    client.force_login(secretary)
    page = client.get(reverse("publishing:review", args=[demo_report.pk])).text
    assert reverse("publishing:record_pdf", args=[demo_report.pk]) in page
    assert reverse("publishing:record_docx", args=[demo_report.pk]) in page


def test_user_text_is_escaped_in_the_record(client, demo_report, secretary, member):
    review.round_start(report=demo_report, by=secretary)
    review.comment_add(
        report=demo_report, author=member, anchor="opening", text="<b>đậm</b> & <img src=x>", parent=None
    )
    client.force_login(secretary)
    text = pdf_text(download(client, demo_report, "record_pdf"))
    assert "<b>đậm</b> & <img src=x>" in text


@pytest.mark.libreoffice
def test_look_at_the_record(demo_report, secretary, reviewed, tmp_path):
    """Writes the record's pages as images into tests/artifacts, the Word file laid out by LibreOffice."""
    from unionreports.rendering.record import render_record_docx, render_record_pdf

    soffice, pdftoppm = shutil.which("soffice"), shutil.which("pdftoppm")
    if not (soffice and pdftoppm):
        pytest.skip("LibreOffice and poppler-utils are needed to look at the pages.")
    record = record_of(demo_report)
    ARTIFACTS.mkdir(exist_ok=True)
    (tmp_path / "record.pdf").write_bytes(render_record_pdf(record))
    (tmp_path / "word").mkdir()
    (tmp_path / "word" / "record.docx").write_bytes(render_record_docx(record))
    subprocess.run(
        [
            soffice,
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "word"),
            str(tmp_path / "word" / "record.docx"),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    for source, stem in (
        (tmp_path / "record.pdf", "record-pdf"),
        (tmp_path / "word" / "record.pdf", "record-docx"),
    ):
        subprocess.run(
            [pdftoppm, "-r", "70", "-png", str(source), str(ARTIFACTS / stem)], check=True, timeout=60
        )
    assert list(ARTIFACTS.glob("record-pdf*.png")) and list(ARTIFACTS.glob("record-docx*.png"))
    word_text = pdf_text((tmp_path / "word" / "record.pdf").read_bytes())
    assert re.search(r"VÒNG GÓP Ý THỨ 2", word_text)
