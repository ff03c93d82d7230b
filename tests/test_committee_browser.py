"""In Chromium: the secretary invites a committee member from the review page's list, copies the
link, and the member joins with it and is listed as not yet answered."""

import pytest

from tests.conftest import ARTIFACTS
from tests.factories import sitting_accounts
from tests.pages import approve
from tests.test_review_browser import as_user
from unionreports.accounts.models import Affiliation
from unionreports.publishing import review
from unionreports.reports.demo import load_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = ARTIFACTS / "committee"


def test_the_secretary_invites_a_member_from_the_committee_list_and_the_member_joins(browser, live_server):
    report = load_demo()
    organization = report.term.organization
    secretary = organization.affiliations.get(role="secretary").user
    secretary.set_password("password")
    secretary.save()
    review.round_start(report=report, by=secretary)
    review_url = f"{live_server.url}/reports/{report.pk}/review/"
    SHOTS.mkdir(parents=True, exist_ok=True)

    boss = as_user(browser, live_server, secretary)
    boss.context.grant_permissions(["clipboard-read", "clipboard-write"])
    boss.goto(review_url)
    row = boss.locator(".committee-verdict", has_text="Trần Thị B")
    assert row.get_attribute("data-status") == "no_account"
    assert boss.locator(".committee-verdict[data-status=no_account]").count() == 7
    row.locator(".invite-member").click()

    # The union page, the member chosen, the role "member": only the e-mail is asked.
    form = boss.locator("#invite")
    assert form.locator("[name=person] option:checked").inner_text() == "Trần Thị B"
    assert form.locator("[name=role]").input_value() == "member"
    form.locator("[name=email]").fill("tranthib@example.vn")
    form.locator("button[type=submit]").click()
    invitation = boss.locator(".invitation", has_text="tranthib@example.vn")
    invitation.wait_for()
    invitation.get_by_role("button").first.click()
    boss.wait_for_function("document.querySelector('.copy-status').textContent.trim() !== ''")
    link = invitation.locator("input.invitation-link").input_value()
    assert link == boss.evaluate("navigator.clipboard.readText()")
    boss.screenshot(path=SHOTS / "union-page-wide.png", full_page=True)

    newcomer = as_user(browser, live_server, None)
    newcomer.goto(link)
    newcomer.locator("[name=username]").fill("tranthib")
    # The name comes filled in from the committee's records.
    assert newcomer.locator("[name=full_name]").input_value() == "Trần Thị B"
    newcomer.locator("[name=password1]").fill("mat-khau-rat-dai-2023")
    newcomer.locator("[name=password2]").fill("mat-khau-rat-dai-2023")
    newcomer.locator("form button[type=submit]").click()
    newcomer.wait_for_url(f"{live_server.url}/")
    assert Affiliation.objects.get(user__username="tranthib").person.full_name == "Trần Thị B"

    boss.goto(review_url)
    assert row.get_attribute("data-status") == "waiting"
    assert boss.locator(".committee-verdict[data-status=no_account]").count() == 6
    # Two more members answer, so that the pictures show each kind of row.
    approving, asking = sitting_accounts(report, 2)
    approve(report, approving)
    approve(report, asking, "changes")
    boss.reload()
    boss.locator("section.card", has=boss.locator(".committee-verdicts")).screenshot(
        path=SHOTS / "review-committee-wide.png"
    )
    boss.set_viewport_size({"width": 390, "height": 844})
    boss.goto(review_url)
    boss.locator("section.card", has=boss.locator(".committee-verdicts")).screenshot(
        path=SHOTS / "review-committee-phone.png"
    )
    boss.goto(f"{live_server.url}{organization.get_absolute_url()}")
    boss.screenshot(path=SHOTS / "union-page-phone.png", full_page=True)
    for page in (boss, newcomer):
        page.context.close()
