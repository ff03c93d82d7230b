"""Every model has a working admin list, with its filters, and a working change form."""

import pytest
from django.contrib import admin
from django.urls import reverse
from django.utils import timezone

from tests.factories import UserFactory
from unionreports.accounts.models import Invitation
from unionreports.admin_lists import ListMixin

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, demo_report):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


@pytest.mark.parametrize("model", list(admin.site._registry), ids=lambda m: m._meta.label)
def test_the_admin_lists_and_edits_each_model(admin_client, model):
    meta = model._meta
    changelist = admin_client.get(reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist"))
    assert changelist.status_code == 200
    obj = model.objects.first()
    if obj is not None:
        change = admin_client.get(reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk]))
        assert change.status_code == 200


def test_a_committee_member_cannot_open_the_admin(client, member):
    client.force_login(member)
    assert client.get(reverse("admin:index")).status_code == 302


def test_a_full_page_of_rows_renders_no_template_per_row(admin_client):
    """A page of the admin costs about the same with one row as with a full page: no form
    template is rendered per row (Django's checkbox widget) and each row's checkbox and link
    are Django's own markup, so selecting all rows and the actions still work."""
    from django.contrib.admin.views.main import ChangeList

    from unionreports.admin_lists import ListMixin
    from unionreports.reports.models import ReportItem

    ReportItem.objects.bulk_create(
        ReportItem(section=item.section, position=item.position + 100 * n, text=f"{item.text} (bản {n})")
        for item in ReportItem.objects.all()
        for n in (1, 2)
    )
    url = reverse("admin:reports_reportitem_changelist")
    page = admin_client.get(url, {"q": "(bản"})
    rows = page.context["cl"].result_list
    assert len(rows) == ListMixin.list_per_page
    one = admin_client.get(url, {"q": rows[0].text})
    assert len(one.context["cl"].result_list) == 1
    assert [t.name for t in page.templates] == [t.name for t in one.templates]
    html = page.content.decode()
    model_admin = admin.site._registry[ReportItem]
    for row in rows:
        assert admin.ModelAdmin.action_checkbox(model_admin, row) in html
        django_link = ChangeList.url_for_result(page.context["cl"], row)
        assert page.context["cl"].url_for_result(row) == django_link
        assert f'href="{django_link}' in html


LISTS = [model for model, model_admin in admin.site._registry.items() if isinstance(model_admin, ListMixin)]


@pytest.mark.parametrize("model", LISTS, ids=lambda m: m._meta.label)
@pytest.mark.parametrize("query", [{}, {"q": "a", "o": "-1"}], ids=["plain", "searched"])
def test_each_list_shows_the_rows_django_would(admin_client, model, query):
    """The rows written a column at a time are Django's own, to the character: the cells, their
    classes, the link to each row (with the search and sort kept), escaped text, empty values;
    a name with markup in it shows as text."""
    from django.contrib.admin.templatetags.admin_list import results

    from unionreports.admin_lists import rows
    from unionreports.committee.models import Person

    demo = Person.objects.first()
    Invitation.objects.create(
        organization=demo.organization,
        email="a@example.org",
        role="member",
        person=demo,
        accepted_at=timezone.now(),
    )
    Invitation.objects.create(organization=demo.organization, email="b@example.org", role="secretary")
    Person.objects.filter(pk=demo.pk).update(full_name="<b>Lê & Anh</b>  ")
    meta = model._meta
    url = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
    if not admin.site._registry[model].search_fields:
        query = {key: value for key, value in query.items() if key != "q"}
    page = admin_client.get(url, query)
    assert page.status_code == 200
    cl = page.context["cl"]
    django_rows = ["".join(row) for row in results(cl)]
    assert ["".join(row) for row in rows(cl)] == django_rows
    html = page.content.decode()
    for row in django_rows:
        assert f"<tr>{row}</tr>" in html
    assert "<b>Lê" not in html
    if django_rows:  # the checkboxes named in the reader's language
        assert 'aria-label="Chọn tất cả đối tượng trên trang này cho một hoạt động"' in html
        assert 'aria-label="Chọn đối tượng này cho một hoạt động - ' in html
    assert "admin/list_change_list.html" in [template.name for template in page.templates]


def test_a_list_with_a_checkbox_of_its_own_shows_it_as_django_would(rf, demo_report):
    """An admin that writes its rows' checkboxes itself still gets Django's cell around them."""
    from django.contrib.admin.templatetags.admin_list import results

    from unionreports.admin_lists import ListAdmin, rows
    from unionreports.committee.models import Person

    class OwnCheckbox(ListAdmin):
        list_display = ["full_name", "organization"]

        def action_checkbox(self, obj):
            return super().action_checkbox(obj) + "!"

    request = rf.get("/")
    request.user = UserFactory(is_staff=True, is_superuser=True)
    cl = OwnCheckbox(Person, admin.site).get_changelist_instance(request)
    cl.formset = None
    django_rows = ["".join(row) for row in results(cl)]
    assert django_rows and 'class="action-checkbox"' in django_rows[0]
    assert ["".join(row) for row in rows(cl)] == django_rows


def test_a_full_page_looks_each_column_up_once(admin_client, monkeypatch):
    """The 20 rows of a page are written a column at a time: each column looked up once for the
    page, none of Django's per-cell `items_for_result`, whatever the number of rows."""
    from django.contrib.admin.templatetags import admin_list

    from unionreports import admin_lists
    from unionreports.reports.models import ReportItem

    ReportItem.objects.bulk_create(
        ReportItem(section=item.section, position=item.position + 100, text=f"{item.text} (bản sao)")
        for item in ReportItem.objects.all()
    )
    made, per_cell = [], []

    class CountedColumn(admin_lists.Column):
        def __init__(self, *args, **kwargs):
            made.append(args[2])
            super().__init__(*args, **kwargs)

    def counted_items_for_result(*args, **kwargs):
        per_cell.append(args[1])
        return items_for_result(*args, **kwargs)

    items_for_result = admin_list.items_for_result
    monkeypatch.setattr(admin_lists, "Column", CountedColumn)
    monkeypatch.setattr(admin_list, "items_for_result", counted_items_for_result)
    page = admin_client.get(reverse("admin:reports_reportitem_changelist"))
    cl = page.context["cl"]
    assert len(cl.result_list) == ListMixin.list_per_page
    assert made == list(cl.list_display)
    assert per_cell == []
