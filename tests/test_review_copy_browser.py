"""The review page in Chromium: comments beside their paragraph, on a footnote and on a selected passage."""

import pytest

from tests.conftest import ARTIFACTS
from tests.factories import AffiliationFactory
from tests.pages import items, section
from tests.test_review_browser import as_user
from unionreports.document.lines import normalized
from unionreports.publishing.review import round_start
from unionreports.reports.demo import load_demo
from unionreports.reports.models import AchievementItem

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = ARTIFACTS / "review-copy"


def row(page, anchor: str):
    return page.locator(f".nl-row[data-anchor='{anchor}']")


def comment_on(page, anchor: str, text: str) -> None:
    block = row(page, anchor)
    block.locator("details.nl-new > summary").click()
    block.locator("textarea[name=text]").fill(text)
    block.get_by_role("button", name="Gửi").click()
    row(page, anchor).get_by_text(text).wait_for()


# Selects from the 6th character of the block's first line to the 12th of its second, as a
# member would drag the mouse across a line break.
SELECT = """anchor => {
    const lines = document.querySelector(`.nl-row[data-anchor="${anchor}"]`).querySelectorAll(".nl-line");
    const textOf = line => [...line.childNodes].filter(n => n.nodeType === 3).pop();
    const range = document.createRange();
    range.setStart(textOf(lines[0]), 5);
    range.setEnd(textOf(lines[1]), 12);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
}"""


@pytest.fixture
def reviewing(browser, live_server):
    report = load_demo()
    organization = report.term.organization
    secretary = organization.affiliations.get(role="secretary").user
    round_start(report=report, by=secretary)
    member = AffiliationFactory(organization=organization, role="member", user__profile__full_name="An").user
    page = as_user(browser, live_server, member)
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto(f"{live_server.url}/reports/{report.pk}/review/")
    return report, page


def test_comments_land_beside_their_paragraph_footnote_and_passage(reviewing, live_server):
    report, page = reviewing
    page.screenshot(path=SHOTS / "review-wide-top.png")
    lesson = items(report, "lessons")[1]
    lesson_anchor = f"{section(report, 'lessons').anchor}/item-{lesson.pk}"
    comment_on(page, lesson_anchor, "Đề nghị nói rõ hơn bài học này.")

    note = page.locator(".nl-row[data-anchor$='/note-1']")
    note_anchor = note.get_attribute("data-anchor")
    comment_on(page, note_anchor, "Ghi rõ ngày chuyển công tác.")

    area_item = page.locator(".nl-row[data-anchor*='/item-']").nth(3)
    area_anchor = area_item.get_attribute("data-anchor")
    page.evaluate(SELECT, area_anchor)
    button = page.locator(".nl-select-button")
    button.wait_for()
    button.click()
    block = row(page, area_anchor)
    block.locator("textarea[name=text]").fill("Câu này cần số liệu.")
    block.get_by_role("button", name="Gửi").click()
    block.get_by_text("Câu này cần số liệu.").wait_for()

    saved = report.comments.get(text="Câu này cần số liệu.")
    assert saved.anchor == area_anchor
    item = AchievementItem.objects.get(pk=area_anchor.rsplit("-", 1)[1])
    # Words from two lines, joined by one space, without the line number between them.
    assert len(saved.quote.split()) >= 10 and saved.quote in normalized(item.text)
    assert f"về «{saved.quote[:40]}" in normalized(row(page, area_anchor).inner_text())
    assert report.comments.get(text="Ghi rõ ngày chuyển công tác.").anchor == note_anchor

    page.screenshot(path=SHOTS / "review-wide.png", full_page=False)
    page.locator(f".nl-row[data-anchor='{lesson_anchor}']").scroll_into_view_if_needed()
    page.screenshot(path=SHOTS / "review-wide-lessons.png")
    note.scroll_into_view_if_needed()
    page.screenshot(path=SHOTS / "review-wide-notes.png")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(page.url.split("#")[0])
    page.screenshot(path=SHOTS / "review-phone.png")
    row(page, area_anchor).scroll_into_view_if_needed()
    page.screenshot(path=SHOTS / "review-phone-comment.png")
