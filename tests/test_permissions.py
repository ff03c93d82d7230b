"""Every URL of the project, as each kind of visitor, against the expected answer.

The patterns come from the URL resolver, so a new view without a row here fails the test
that checks the table is complete.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from tests.factories import AffiliationFactory, sitting_accounts
from tests.pages import areas, committee_approves, reading_order, section
from unionreports.accounts.models import Invitation
from unionreports.publishing import review
from unionreports.publishing.services import link_renew, report_publish
from unionreports.rendering import pdf as pdf_module
from unionreports.reports.editing import PAGES

ROLES = ["anonymous", "outsider", "delegate", "member", "secretary"]
LOGIN = 302  # anonymous visitors are sent to the login page
PUBLIC = 302  # a delegate is sent to the public page of the published version
SECRETARY_PAGE = (LOGIN, 404, 403, 403, 200)
SECRETARY_ACTION = (LOGIN, 404, 403, 403, 302)
UNION_PAGE = (LOGIN, 404, 200, 200, 200)
REPORT_PAGE = (LOGIN, 404, PUBLIC, 200, 200)
EVERYONE = (200, 200, 200, 200, 200)
# The committee's working papers: its members and the secretary, no delegate.
COMMITTEE = (LOGIN, 404, 403, 200, 200)

# name: (method, arguments, expected status per role in ROLES order)
TABLE = {
    "health": ("get", {}, EVERYONE),
    "login": ("get", {}, EVERYONE),
    "logout": ("post", {}, (302, 302, 302, 302, 302)),
    "password_change": ("get", {}, (LOGIN, 200, 200, 200, 200)),
    "password_change_done": ("get", {}, (LOGIN, 200, 200, 200, 200)),
    "password_reset": ("get", {}, EVERYONE),
    "password_reset_done": ("get", {}, EVERYONE),
    "password_reset_confirm": ("get", {"uidb64": "MQ", "token": "no-such-token"}, EVERYONE),
    "password_reset_complete": ("get", {}, EVERYONE),
    "account": ("get", {}, (LOGIN, 200, 200, 200, 200)),
    "notices:list": ("get", {}, (LOGIN, 200, 200, 200, 200)),
    # The secretary's notice of the member's comment: only its recipient opens it.
    "notices:open": ("get", {"pk": "notice"}, (LOGIN, 404, 404, 404, 302)),
    "notices:mark_all_read": ("post", {}, (LOGIN, 302, 302, 302, 302)),
    "accept_invitation": ("get", {"token": "no-such-token"}, (410, 410, 410, 410, 410)),
    "invite": ("post", {"org_pk": "org"}, (LOGIN, 404, 403, 403, 400)),
    "invitation_resend": ("post", {"org_pk": "org", "pk": "invitation"}, SECRETARY_ACTION),
    "invitation_revoke": ("post", {"org_pk": "org", "pk": "invitation"}, SECRETARY_ACTION),
    "committee:affiliation_link": ("post", {"pk": "org", "affiliation_pk": "affiliation"}, SECRETARY_ACTION),
    "committee:affiliation_remove": (
        "post",
        {"pk": "org", "affiliation_pk": "affiliation"},
        SECRETARY_ACTION,
    ),
    "set_language": ("post", {}, (302, 302, 302, 302, 302)),
    "rendering:font": ("get", {"face": "regular"}, EVERYONE),
    "reports:list": ("get", {}, (LOGIN, 200, 200, 200, 200)),
    "reports:detail": ("get", {"pk": "report"}, REPORT_PAGE),
    "reports:pdf": ("get", {"pk": "report"}, REPORT_PAGE),
    "reports:docx": ("get", {"pk": "report"}, REPORT_PAGE),
    "reports:text": ("get", {"pk": "report"}, REPORT_PAGE),
    "reports:create": ("get", {"org_pk": "org"}, SECRETARY_PAGE),
    "reports:outline": ("get", {"pk": "report"}, SECRETARY_PAGE),
    "reports:outline_template": ("post", {"pk": "report"}, SECRETARY_ACTION),
    "reports:section": ("get", {"pk": "report", "section_pk": "section"}, SECRETARY_PAGE),
    "reports:section_move": (
        "post",
        {"pk": "report", "section_pk": "section", "direction": "down"},
        SECRETARY_ACTION,
    ),
    "reports:section_delete": ("post", {"pk": "report", "section_pk": "section"}, SECRETARY_ACTION),
    "reports:area_add": ("post", {"pk": "report", "section_pk": "areas"}, SECRETARY_ACTION),
    "reports:area": ("get", {"pk": "report", "area_pk": "area"}, SECRETARY_PAGE),
    "reports:area_move": ("post", {"pk": "report", "area_pk": "area", "direction": "down"}, SECRETARY_ACTION),
    "reports:area_delete": ("post", {"pk": "report", "area_pk": "area"}, SECRETARY_ACTION),
    "reports:edit": ("get", {"pk": "report", "part": "header"}, SECRETARY_PAGE),
    "reports:history": ("get", {"pk": "report"}, SECRETARY_PAGE),
    "reports:restore": ("post", {"pk": "report"}, (LOGIN, 404, 403, 403, 404)),
    "reports:finding_apply": ("post", {"pk": "report"}, SECRETARY_ACTION),
    "reports:finding_dismiss": ("post", {"pk": "report"}, SECRETARY_ACTION),
    "reports:finding_restore": ("post", {"pk": "report"}, SECRETARY_ACTION),
    "importing:upload": ("get", {"org_pk": "org"}, SECRETARY_PAGE),
    # An empty confirmation goes back to the upload page.
    "importing:confirm": ("post", {"org_pk": "org"}, SECRETARY_ACTION),
    "committee:organization_create": ("get", {}, (LOGIN, 200, 200, 200, 200)),
    "committee:organization": ("get", {"pk": "org"}, UNION_PAGE),
    "committee:organization_edit": ("get", {"pk": "org"}, SECRETARY_PAGE),
    "committee:term_create": ("get", {"org_pk": "org"}, SECRETARY_PAGE),
    "committee:term_edit": ("get", {"pk": "term"}, SECRETARY_PAGE),
    "backup:export": ("get", {"pk": "org"}, SECRETARY_PAGE),
    "publishing:public": ("get", {"token": "token"}, EVERYONE),
    "publishing:public_pdf": ("get", {"token": "token"}, EVERYONE),
    "publishing:publications": ("get", {"pk": "report"}, SECRETARY_PAGE),
    "publishing:publish": ("post", {"pk": "report"}, SECRETARY_ACTION),
    "publishing:renew_link": ("post", {"pk": "report"}, SECRETARY_ACTION),
    "publishing:review": ("get", {"pk": "report"}, (LOGIN, 404, 403, 200, 200)),
    "publishing:review_pdf": ("get", {"pk": "report"}, (LOGIN, 404, 403, 200, 200)),
    "publishing:changes": ("get", {"pk": "report"}, (LOGIN, 404, 403, 200, 200)),
    "publishing:send_to_review": ("post", {"pk": "report"}, SECRETARY_ACTION),
    "publishing:withdraw": ("post", {"pk": "report"}, SECRETARY_ACTION),
    # A secretary's answer is refused with a message unless the account is a sitting member's.
    "publishing:verdict": ("post", {"pk": "report"}, (LOGIN, 404, 403, 302, 302)),
    "publishing:comment": ("post", {"pk": "report"}, (LOGIN, 404, 403, 302, 302)),
    "publishing:resolve": ("post", {"pk": "report", "comment_pk": "comment"}, SECRETARY_ACTION),
    "publishing:record_pdf": ("get", {"pk": "report"}, COMMITTEE),
    "publishing:record_docx": ("get", {"pk": "report"}, COMMITTEE),
    "publishing:published_record_pdf": ("get", {"pk": "report", "version": 1}, COMMITTEE),
    "publishing:published_record_docx": ("get", {"pk": "report", "version": 1}, COMMITTEE),
    # An empty reply is refused with a message, back on the page it came from.
    "publishing:thread_reply": (
        "post",
        {"pk": "report", "comment_pk": "comment"},
        (LOGIN, 404, 403, 302, 302),
    ),
    "publishing:thread_resolve": ("post", {"pk": "report", "comment_pk": "comment"}, SECRETARY_ACTION),
}
# The admin is for staff only; none of these roles is staff.
ADMIN = "admin:"

# A delegate and every URL of one report, in each state the report can be in. Delegates read
# only what is published: the four ways of reading lead to the public page when a version is
# published behind an active link; everything else, and any draft, is a 403.
STATES = ["published", "draft", "link_revoked", "link_without_publication"]
READ = (PUBLIC, 403, 403, 403)
CLOSED = (403, 403, 403, 403)
DELEGATE_TABLE = {
    "reports:detail": READ,
    "reports:pdf": READ,
    "reports:docx": READ,
    "reports:text": READ,
    "reports:outline": CLOSED,
    "reports:outline_template": CLOSED,
    "reports:section": CLOSED,
    "reports:section_move": CLOSED,
    "reports:section_delete": CLOSED,
    "reports:area_add": CLOSED,
    "reports:area": CLOSED,
    "reports:area_move": CLOSED,
    "reports:area_delete": CLOSED,
    "reports:edit": CLOSED,
    "reports:history": CLOSED,
    "reports:restore": CLOSED,
    "reports:finding_apply": CLOSED,
    "reports:finding_dismiss": CLOSED,
    "reports:finding_restore": CLOSED,
    "publishing:publications": CLOSED,
    "publishing:publish": CLOSED,
    "publishing:renew_link": CLOSED,
    "publishing:review": CLOSED,
    "publishing:review_pdf": CLOSED,
    "publishing:changes": CLOSED,
    "publishing:send_to_review": CLOSED,
    "publishing:withdraw": CLOSED,
    "publishing:verdict": CLOSED,
    "publishing:comment": CLOSED,
    "publishing:resolve": CLOSED,
    "publishing:record_pdf": CLOSED,
    "publishing:record_docx": CLOSED,
    "publishing:published_record_pdf": CLOSED,
    "publishing:published_record_docx": CLOSED,
    "publishing:thread_reply": CLOSED,
    "publishing:thread_resolve": CLOSED,
}
DRAFT_CLOSED = "Chỉ Ban Chấp hành được đọc báo cáo trước khi phát hành"


def pattern_names(resolver: URLResolver = None, namespace: str = "") -> list[str]:
    names = []
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names += pattern_names(pattern, inner)
        elif isinstance(pattern, URLPattern):
            names.append(
                f"{namespace}{pattern.name}" if pattern.name else f"{namespace}<unnamed {pattern.pattern}>"
            )
    return names


def test_every_url_pattern_has_a_row_in_the_table():
    missing = [name for name in pattern_names() if not name.startswith(ADMIN) and name not in TABLE]
    assert missing == []
    assert set(TABLE) <= set(pattern_names())


def test_every_url_of_a_report_has_a_delegate_row():
    report_urls = {
        name for name, (_method, arguments, _expected) in TABLE.items() if arguments.get("pk") == "report"
    }
    assert set(DELEGATE_TABLE) == report_urls


@pytest.fixture(scope="module", autouse=True)
def render_once():
    """The same demo document is published in every test here: lay it out once."""
    rendered: dict[str, bytes] = {}
    real = pdf_module.write_pdf
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            pdf_module, "write_pdf", lambda html: rendered.get(html) or rendered.setdefault(html, real(html))
        )
        yield


@pytest.fixture
def world(db, demo_report, secretary):
    organization = demo_report.term.organization
    member = sitting_accounts(demo_report, 1)[0]
    review.round_start(report=demo_report, by=secretary)
    committee_approves(demo_report)
    report_publish(report=demo_report, by=secretary)
    comment = review.comment_add(
        report=demo_report,
        author=member,
        anchor=section(demo_report, "personnel").anchor,
        text="Góp ý.",
        parent=None,
    )
    users = {
        "anonymous": None,
        "outsider": AffiliationFactory().user,
        "delegate": AffiliationFactory(organization=organization, role="delegate").user,
        "member": member,
        "secretary": secretary,
    }
    values = {
        "org": organization.pk,
        "report": demo_report.pk,
        "term": demo_report.term.pk,
        "area": areas(demo_report).first().pk,
        "areas": section(demo_report, "achievements").pk,
        # The last section: moving it down or removing it is the test's last word on the report.
        "section": reading_order(demo_report)[-1].pk,
        "comment": comment.pk,
        "notice": secretary.notices.get(kind="comment").pk,
        "token": demo_report.public_links.get().token,
        "invitation": Invitation.objects.create(
            organization=organization, email="a@example.vn", role="member"
        ).pk,
        "affiliation": organization.affiliations.get(user=member).pk,
    }
    return users, values


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(TABLE))
def test_each_url_answers_each_role_as_expected(client, world, name, role):
    users, values = world
    method, arguments, expected = TABLE[name]
    kwargs = {key: values.get(value, value) for key, value in arguments.items()}
    if users[role] is not None:
        client.force_login(users[role])
    response = getattr(client, method)(reverse(name, kwargs=kwargs))
    assert response.status_code == expected[ROLES.index(role)]


def report_in_state(report, secretary, state: str) -> dict:
    """Puts the demo report in `state` (one of STATES); the values the table's URLs need."""
    member = sitting_accounts(report, 1)[0]
    review.round_start(report=report, by=secretary)
    personnel = section(report, "personnel").anchor
    comment = review.comment_add(report=report, author=member, anchor=personnel, text="Góp ý.", parent=None)
    if state in ("published", "link_revoked"):
        committee_approves(report)
        report_publish(report=report, by=secretary)
    if state == "link_revoked":
        report.public_links.update(revoked_at=timezone.now())
    if state == "link_without_publication":
        link_renew(report=report)
    return {
        "report": report.pk,
        "area": areas(report).first().pk,
        "areas": section(report, "achievements").pk,
        "section": reading_order(report)[-1].pk,
        "comment": comment.pk,
    }


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("name", sorted(DELEGATE_TABLE))
def test_a_delegate_reads_only_the_published_version(client, demo_report, secretary, name, state):
    values = report_in_state(demo_report, secretary, state)
    client.force_login(AffiliationFactory(organization=demo_report.term.organization, role="delegate").user)
    method, arguments, _expected = TABLE[name]
    kwargs = {key: values.get(value, value) for key, value in arguments.items()}
    response = getattr(client, method)(reverse(name, kwargs=kwargs))
    expected = DELEGATE_TABLE[name][STATES.index(state)]
    assert response.status_code == expected
    if expected == PUBLIC:
        assert response["Location"] == demo_report.public_links.get().get_absolute_url()
    else:
        assert DRAFT_CLOSED in response.text


@pytest.mark.parametrize("part", sorted(PAGES))
def test_a_delegate_opens_no_editing_page_even_of_a_published_report(client, demo_report, secretary, part):
    report_in_state(demo_report, secretary, "published")
    client.force_login(AffiliationFactory(organization=demo_report.term.organization, role="delegate").user)
    for method in ("get", "post"):
        response = getattr(client, method)(reverse("reports:edit", args=[demo_report.pk, part]))
        assert response.status_code == 403
        assert DRAFT_CLOSED in response.text


@pytest.mark.parametrize("role", ROLES)
def test_the_admin_is_closed_to_everyone_but_staff(client, world, role):
    users, _ = world
    if users[role] is not None:
        client.force_login(users[role])
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
