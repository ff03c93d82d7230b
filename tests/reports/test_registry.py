"""A new kind of part, or of report, is one declaration: forms, composing and import follow it."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import ReportItemFactory, TermFactory
from unionreports.importing.services import read_report
from unionreports.reports import kinds
from unionreports.reports.compose import compose_report
from unionreports.reports.models import Report

pytestmark = pytest.mark.django_db


class TargetsKind(kinds.ListKind):
    """Targets (chỉ tiêu): a numbered list, recognised by its own heading words."""

    slug = "targets"
    label = "Chỉ tiêu"
    help = "Các chỉ tiêu, đánh số."
    words = ("chi tieu",)

    def compose(self, section, composing):
        section.numbered = True
        return super().compose(section, composing)


@pytest.fixture
def targets_kind(monkeypatch):
    # Declared last, it names "CHỈ TIÊU" before the plain list that also knows the words.
    monkeypatch.setitem(kinds.PART_KINDS, "targets", TargetsKind())


def test_a_new_part_kind_is_offered_composed_and_imported(client, demo_report, secretary, targets_kind):
    client.force_login(secretary)
    outline = client.get(reverse("reports:outline", args=[demo_report.pk])).text
    assert '<option value="targets">Chỉ tiêu</option>' in outline
    client.post(
        reverse("reports:outline", args=[demo_report.pk]),
        {"new-kind": "targets", "new-title": "CHỈ TIÊU", "new-parent": ""},
    )
    added = demo_report.sections.get(kind="targets")
    ReportItemFactory(section=added, text="100% đoàn viên tham gia.")
    document = compose_report(Report.objects.with_document_data().get(pk=demo_report.pk))
    assert (document.parts[-1].title, document.parts[-1].blocks[0].label) == ("CHỈ TIÊU", "1.")
    source = (
        "I. VỀ NHÂN SỰ BAN CHẤP HÀNH\nNhân sự ổn định.\nII. CHỈ TIÊU NHIỆM KỲ TỚI\n- Kết nạp 20 đoàn viên.\n"
    )
    assert [p.kind for p in read_report("r.txt", source.encode()).document.parts] == ["personnel", "targets"]


def test_a_new_report_kind_is_offered_with_its_title_subject_and_outline(
    client, demo_report, secretary, monkeypatch
):
    thematic = kinds.ReportKind(
        "chuyen_de",
        "Báo cáo chuyên đề",
        lambda name, term: f"Chuyên đề công tác nữ công {name} {term.label}",
        lambda term: (kinds.Outline("prose", "KẾT QUẢ"), kinds.Outline("list", "KIẾN NGHỊ")),
        name="Báo cáo chuyên đề",
    )
    monkeypatch.setitem(kinds.REPORT_KINDS, "chuyen_de", thematic)
    term = TermFactory(
        organization=demo_report.term.organization,
        start_year=2023,
        end_year=2028,
        congress_date=datetime.date(2023, 5, 1),
    )
    client.force_login(secretary)
    url = reverse("reports:create", args=[term.organization.pk])
    assert '<option value="chuyen_de">Báo cáo chuyên đề</option>' in client.get(url).text
    client.post(
        url, {"term": term.pk, "kind": "chuyen_de", "number": 1, "date": "01/03/2028", "start_from": "kind"}
    )
    report = Report.objects.get(term=term)
    assert [s.title for s in report.sections.order_by("position")] == ["KẾT QUẢ", "KIẾN NGHỊ"]
    assert compose_report(Report.objects.with_document_data().get(pk=report.pk)).subject.startswith(
        "Chuyên đề"
    )
