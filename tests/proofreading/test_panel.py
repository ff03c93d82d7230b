"""The "Soát lỗi" panel: findings on the page that holds them, applied by one click through the
page's own save, dismissed for the report, counted on the tabs, and asked about before the text
goes out."""

import re

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.pages import areas, committee_approves, items, page
from unionreports.reports.models import AchievementItem, DismissedFinding, Report
from unionreports.reports.proofreading import open_findings

pytestmark = pytest.mark.django_db


def reload(report):
    return Report.objects.with_document_data().get(pk=report.pk)


def findings_of(report):
    return open_findings(reload(report))[0]


def slip_in_lesson(report, before="kinh nghiệm", after="kinh  nghiệm"):
    lesson = items(report, "lessons").first()
    lesson.text = lesson.text.replace(before, after, 1) if before in lesson.text else lesson.text + " các các"
    lesson.save()
    return lesson


def form_fields(html: str, action: str) -> list[dict]:
    """The hidden fields of each form posting to `action` on a page."""
    forms = []
    for form in re.findall(rf'<form method="post" action="{re.escape(action)}">(.*?)</form>', html, re.S):
        forms.append(dict(re.findall(r'name="([^"]+)" value="([^"]*)"', form)))
    return forms


def test_a_slip_is_shown_on_its_page_in_context_and_counted_on_its_tab(client, demo_report, secretary):
    item = items(demo_report, "limitations").first()
    item.text = item.text.replace(" ", " các các ", 1)
    item.save()
    client.force_login(secretary)
    html = client.get(page(demo_report, "limitations")).content.decode()
    panel = html.split('id="proofreading"')[1].split("</details>")[0]
    assert "<mark>các các</mark>" in panel
    # the words around it, to see where it is
    assert item.text.split(" các các ")[0][-10:] in panel
    tab = html.split(f'href="{page(demo_report, "limitations")}"')[1].split("</a>")[0]
    assert '<span class="badge rounded-pill text-bg-danger step-slips"' in tab and ">1</span>" in tab
    # other pages do not list it, and their tabs have no count
    other = client.get(page(demo_report, "lessons")).content.decode()
    assert "<mark>các các</mark>" not in other
    assert other.count("step-slips") == 1


def test_applying_a_suggestion_saves_the_item_through_its_page(client, demo_report, secretary):
    item = items(demo_report, "limitations").first()
    original = item.text
    item.text = original.replace(" ", "  ", 1)
    item.save()
    client.force_login(secretary)
    url = page(demo_report, "limitations")
    html = client.get(url).content.decode()
    [fields] = form_fields(html, f"/reports/{demo_report.pk}/proofreading/apply")
    assert fields["next"] == url
    response = client.post(f"/reports/{demo_report.pk}/proofreading/apply", fields)
    assert response.status_code == 302 and response["Location"] == f"{url}#proofreading"
    item.refresh_from_db()
    assert item.text == original
    assert findings_of(demo_report) == []
    # a normal save: the history has it
    assert item.history.count() >= 2
    html = client.get(url).content.decode()
    assert "step-slips" not in html


def test_applying_in_an_area_and_in_the_opening(client, demo_report, secretary):
    area = areas(demo_report).first()
    achievement = AchievementItem.objects.filter(area=area).order_by("position").first()
    achievement.text = achievement.text.replace(" ", " ,", 1)
    achievement.save()
    report = reload(demo_report)
    report.opening = report.opening.replace("Ban Chấp hành", "Ban chấp hành", 1)
    report.save()
    client.force_login(secretary)
    for url in (f"/reports/{demo_report.pk}/edit/areas/{area.pk}/", page(demo_report, "prose")):
        html = client.get(url).content.decode()
        forms = form_fields(html, f"/reports/{demo_report.pk}/proofreading/apply")
        assert forms, url
        client.post(f"/reports/{demo_report.pk}/proofreading/apply", forms[0])
    assert "Ban chấp hành" not in reload(demo_report).opening
    achievement.refresh_from_db()
    assert " ," not in achievement.text
    assert findings_of(demo_report) == [] or all(f.kind != "capitals" for f in findings_of(demo_report))


def test_a_report_changed_since_the_page_was_shown_is_not_written(client, demo_report, secretary):
    item = items(demo_report, "limitations").first()
    item.text = item.text.replace(" ", "  ", 1)
    item.save()
    client.force_login(secretary)
    html = client.get(demo_report.get_absolute_url()).content.decode()
    [fields] = form_fields(html, f"/reports/{demo_report.pk}/proofreading/apply")
    other = items(demo_report, "lessons").first()
    other.text += " Thêm một câu."
    other.save()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.post(f"/reports/{demo_report.pk}/proofreading/apply", fields, follow=True)
    assert "The report changed since this page was shown: nothing was written" in response.content.decode()
    item.refresh_from_db()
    assert "  " in item.text


def test_a_dismissed_finding_is_remembered_for_the_report_and_can_be_shown_again(
    client, demo_report, secretary
):
    item = items(demo_report, "limitations").first()
    item.text = item.text.replace(" ", "  ", 1)
    item.save()
    client.force_login(secretary)
    html = client.get(demo_report.get_absolute_url()).content.decode()
    [fields] = form_fields(html, f"/reports/{demo_report.pk}/proofreading/dismiss")
    client.post(f"/reports/{demo_report.pk}/proofreading/dismiss", fields)
    assert DismissedFinding.objects.filter(report=demo_report).count() == 1
    assert findings_of(demo_report) == []
    html = client.get(page(demo_report, "limitations")).content.decode()
    assert "step-slips" not in html and "proofreading-dismissed" in html
    # an edit elsewhere does not bring it back
    other = items(demo_report, "lessons").first()
    other.text += " Thêm một câu."
    other.save()
    assert findings_of(demo_report) == []
    [restore] = form_fields(html, f"/reports/{demo_report.pk}/proofreading/restore")
    client.post(f"/reports/{demo_report.pk}/proofreading/restore", restore)
    assert len(findings_of(demo_report)) == 1


def test_the_check_runs_after_each_save(client, demo_report, secretary):
    client.force_login(secretary)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    url = page(demo_report, "lessons")
    lesson = items(demo_report, "lessons").first()
    response = client.get(url)
    bound = response.context["forms"]
    from unionreports.reports.proofreading import _as_post

    post = _as_post(bound)
    post["base"] = response.context["base"]
    name = next(k for k, v in post.items() if v == lesson.text)
    post[name] = lesson.text + " các các"
    response = client.post(url, post, follow=True)
    page_html = response.content.decode()
    assert "Saved. Proofreading found 1 possible slip on this page" in page_html
    assert "<mark>các các</mark>" in page_html


def test_sending_a_round_or_publishing_with_open_findings_asks_first(client, demo_report, secretary):
    slip_in_lesson(demo_report)
    client.force_login(secretary)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    review = client.get(f"/reports/{demo_report.pk}/review/").content.decode()
    assert "open-slips" in review and 'name="despite_slips"' in review and "data-confirm=" in review
    rounds = demo_report.rounds.count()
    response = client.post(f"/reports/{demo_report.pk}/review/send", follow=True)
    assert demo_report.rounds.count() == rounds
    assert "possible slip not yet corrected or dismissed" in response.content.decode()
    client.post(f"/reports/{demo_report.pk}/review/send", {"despite_slips": "1"})
    assert demo_report.rounds.count() == rounds + 1
    committee_approves(demo_report)
    publications = demo_report.publications.count()
    client.post(f"/reports/{demo_report.pk}/publish")
    assert demo_report.publications.count() == publications
    client.post(f"/reports/{demo_report.pk}/publish", {"despite_slips": "1"})
    assert demo_report.publications.count() == publications + 1


def test_the_panel_costs_a_fixed_number_of_queries(client, demo_report, secretary):
    client.force_login(secretary)
    url = page(demo_report, "limitations")
    client.get(url)
    with CaptureQueriesContext(connection) as clean:
        client.get(url)
    for item in items(demo_report, "limitations")[:3]:
        item.text += " các các"
        item.save()
    DismissedFinding.objects.create(report=demo_report, key="x" * 32, kind="spacing", text="x")
    with CaptureQueriesContext(connection) as slips:
        client.get(url)
    assert len(slips) == len(clean)


def test_a_dismissal_holds_in_either_language(client, demo_report, secretary):
    report = reload(demo_report)
    report.opening = report.opening.replace(" ", "  ", 1)
    report.save()
    client.force_login(secretary)
    html = client.get(demo_report.get_absolute_url()).content.decode()
    [fields] = form_fields(html, f"/reports/{demo_report.pk}/proofreading/dismiss")
    client.post(f"/reports/{demo_report.pk}/proofreading/dismiss", fields)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(demo_report.get_absolute_url()).content.decode()
    assert "proofreading-finding" not in html and "proofreading-dismissed" in html
