"""What every changelist of the admin shares: pages that cost the same with 1 union or 20,000.

A page's cost is its queries, the same whatever the size of the tables (the related rows
joined, no second count, the estimate of a large table's size), and its rows, bounded by
`list_per_page`. A row is made cheap, so that a full page costs about what an empty one does:
Django renders each row's checkbox through a form template, reverses each row's link and, for
every cell, looks up again what its column is (`items_for_result`); here the checkbox is written
directly, the link is reversed once per page and each column is looked up once per page
(`Column`), the cells keeping Django's markup to the character.
"""

import datetime

from django.contrib import admin
from django.contrib.admin import helpers
from django.contrib.admin.templatetags import admin_list
from django.contrib.admin.templatetags.admin_urls import add_preserved_filters
from django.contrib.admin.utils import (
    FieldIsAForeignKeyColumnName,
    _get_non_gfk_field,
    display_for_field,
    display_for_value,
    lookup_field,
    quote,
)
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist
from django.core.paginator import Paginator
from django.db import connection, models
from django.urls import NoReverseMatch, reverse
from django.utils import dateformat, timezone
from django.utils.formats import get_format
from django.utils.functional import cached_property
from django.utils.html import conditional_escape, escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

# Below this many rows a table is counted; above it, PostgreSQL's own estimate is shown.
EXACT_COUNT_LIMIT = 10_000
# The stand-in for a primary key in the change link reversed once per page.
PK_MARK = "0PK0"
# Fields whose value Django shows as it is (`display_for_field` ends in `str(value)`).
PLAIN_TEXT = (models.CharField, models.TextField, models.EmailField, models.SlugField)


def checkbox(pk, name: str, label: str) -> str:
    """A row's checkbox for the actions, as Django's `action_checkbox` writes it; `label` is the
    translated "Select this object for an action - {}", `name` the row's `str()`."""
    return format_html(
        '<input type="checkbox" name="{}" value="{}" class="action-select" aria-label="{}">',
        helpers.ACTION_CHECKBOX_NAME,
        str(pk),
        format_html(label, name),
    )


class LargeTablePaginator(Paginator):
    """Counting every row of a table of millions takes longer than the page: an unfiltered list
    on PostgreSQL takes the planner's estimate of a large table's size, in the one query that
    counts a small table exactly (the count runs only when the estimate is small)."""

    @cached_property
    def count(self) -> int:
        query = getattr(self.object_list, "query", None)
        if connection.vendor != "postgresql" or query is None or query.where:
            return super().count
        table = connection.ops.quote_name(self.object_list.model._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT CASE WHEN reltuples < %s THEN (SELECT COUNT(*) FROM {table}) "
                "ELSE reltuples::bigint END FROM pg_class WHERE oid = %s::regclass",
                [EXACT_COUNT_LIMIT, table],
            )
            return int(cursor.fetchone()[0])


class OnceReversedChangeList(ChangeList):
    """Each row's link to its change page, from one URL reversed for the page."""

    @cached_property
    def _change_url(self) -> str:
        return reverse(
            f"admin:{self.opts.app_label}_{self.opts.model_name}_change",
            args=(PK_MARK,),
            current_app=self.model_admin.admin_site.name,
        )

    def url_for_result(self, result) -> str:
        pk = str(quote(getattr(result, self.pk_attname)))
        if not pk.isalnum():  # a key that the URL would escape: reversed as Django does
            return super().url_for_result(result)
        return self._change_url.replace(PK_MARK, pk, 1)

    def result_table(self) -> dict:
        """What Django's `result_list` tag gives its template, with the rows of `rows`; a popup's
        or an editable list's rows are Django's own."""
        if self.formset is not None or self.is_popup:
            return admin_list.result_list(self)
        headers = list(admin_list.result_headers(self))
        return {
            "cl": self,
            "result_hidden_fields": [],
            "result_headers": headers,
            "num_sorted_fields": sum(1 for header in headers if header["sortable"] and header["sorted"]),
            "results": list(rows(self)),
        }


class Column:
    """One column of a changelist: what Django's `items_for_result` decides for each of its cells
    (the field, how a value is shown, the cell's classes, whether it links to the row), decided
    once for the page. `cell` writes the markup Django writes."""

    NAMED = ("action_checkbox", "__str__")  # the kinds of column that show a row's str()

    def __init__(self, changelist: ChangeList, index: int, name, link_tag: str | None):
        self.name = name
        self.model_admin = changelist.model_admin
        self.empty = conditional_escape(self.model_admin.get_empty_value_display())
        self.link_tag = link_tag  # "th" or "td" for the cell that links to the row's change page
        self.classes = f"field-{admin_list._coerce_field_name(name, index)}"
        self.field, self.kind = None, "other"  # a method, a property, a lookup: Django's way, per cell
        if name == "action_checkbox" and type(self.model_admin).action_checkbox is ListMixin.action_checkbox:
            self.kind = name  # ListMixin.action_checkbox, its label translated once for the page
            self.label = _("Select this object for an action - {}")
            return
        if name == "__str__":
            self.kind = name
            return
        try:
            field = _get_non_gfk_field(changelist.lookup_opts, name) if isinstance(name, str) else None
        except (FieldDoesNotExist, FieldIsAForeignKeyColumnName):
            field = None
        if field is not None and not field.auto_created:
            self.field = field
            self.kind = "relation" if isinstance(field.remote_field, models.ManyToOneRel) else "field"
            if isinstance(field, (models.DateField, models.TimeField, models.ForeignKey)):
                self.classes += " nowrap"
            if self.kind == "field" and field.flatchoices:
                try:  # the labels translated once for the page, not once per cell
                    self.choices = {value: str(label) for value, label in field.flatchoices}
                    self.kind = "choice"
                except TypeError:  # list-like choices: Django's way
                    pass
            elif type(field) in PLAIN_TEXT:
                self.kind = "text"
            elif type(field) in (models.DateTimeField, models.DateField):  # formats.localize's format, once
                self.kind = "date"
                self.format = get_format(
                    "DATETIME_FORMAT" if type(field) is models.DateTimeField else "DATE_FORMAT"
                )

    def cell(self, result, url: str | None, name: str | None) -> str:
        """The cell of `result`, whose `str()` is `name` for a column that shows it (`NAMED`);
        `url`, its change page's, for the column that links to it."""
        classes = self.classes
        try:
            if self.kind == "action_checkbox":
                return f'<td class="action-checkbox">{checkbox(result.pk, name, self.label)}</td>'
            if self.kind == "__str__":
                text = name if name.strip() else ""
            elif self.kind == "date":
                value = getattr(result, self.name)
                if value is None:
                    text = self.empty
                else:
                    text = dateformat.format(timezone.template_localtime(value), self.format)
            elif self.kind == "relation":
                value = getattr(result, self.name)
                text = self.empty if value is None else value
            elif self.kind == "text":
                value = getattr(result, self.name)
                text = self.empty if value in self.field.empty_values or not value.strip() else value
            elif self.kind == "choice":
                text = self.choices.get(getattr(result, self.name), self.empty)
            elif self.kind == "field":
                value = getattr(result, self.name)
                if isinstance(value, str) and value.strip() == "":
                    value = ""
                text = display_for_field(value, self.field, self.empty, avoid_link=self.link_tag is not None)
            else:
                text, classes = self.other(result)
        except ObjectDoesNotExist:
            text = self.empty
        text = conditional_escape(text)
        if self.link_tag is None:
            return f'<td class="{classes}">{text}</td>'
        if url is not None:
            text = f'<a href="{escape(url)}">{text}</a>'
        return f'<{self.link_tag} class="{classes}">{text}</{self.link_tag}>'

    def other(self, result) -> tuple[str, str]:
        """A column that is not a field of the model, shown as Django shows it."""
        _field, attr, value = lookup_field(self.name, result, self.model_admin)
        empty = getattr(attr, "empty_value_display", self.empty)
        if isinstance(value, str) and value.strip() == "":
            value = ""
        boolean = getattr(attr, "boolean", False)
        if isinstance(attr, property) and hasattr(attr, "fget"):
            boolean = getattr(attr.fget, "boolean", False)
        classes = "action-checkbox" if self.name == "action_checkbox" else self.classes
        if isinstance(value, (datetime.date, datetime.time)):
            classes += " nowrap"
        return display_for_value(value, empty, boolean), classes


def rows(changelist: ChangeList):
    """The page's rows as Django's `results` gives them, each row's cells written at once."""
    columns, linked = [], False
    links = changelist.list_display_links
    for index, name in enumerate(changelist.list_display):
        is_link = links is not None and ((not linked and not links) or name in links)
        columns.append(Column(changelist, index, name, ("td" if linked else "th") if is_link else None))
        linked = linked or is_link
    named = any(column.kind in Column.NAMED for column in columns)
    for result in changelist.result_list:
        url = None
        if linked:
            try:
                url = changelist.url_for_result(result)
            except NoReverseMatch:
                pass
            else:
                if changelist.preserved_filters:
                    context = {"preserved_filters": changelist.preserved_filters, "opts": changelist.opts}
                    url = add_preserved_filters(context, url)
        name = str(result) if named else None  # made once for the checkbox and the name column
        cells = "".join(column.cell(result, url, name) for column in columns)
        yield admin_list.ResultList(None, [mark_safe(cells)])  # each cell escaped


class ListMixin:
    """A changelist of a table that grows with the unions: paged, never counted twice, with
    rows that cost little. Mixed into a ModelAdmin (before it) so that Django's own user admin
    can have it too."""

    list_per_page = 20
    show_full_result_count = False
    paginator = LargeTablePaginator
    # Newest first, by the primary key's index: sorting a large table by another column is slow.
    ordering = ["-pk"]
    change_list_template = "admin/list_change_list.html"

    def get_changelist(self, request, **kwargs):
        return OnceReversedChangeList

    @admin.display(description=mark_safe('<input type="checkbox" id="action-toggle">'))
    def action_checkbox(self, obj) -> str:
        """The row's checkbox for the actions: Django's markup, written without a template."""
        return checkbox(obj.pk, str(obj), _("Select this object for an action - {}"))


class ListAdmin(ListMixin, admin.ModelAdmin):
    """The admin of a model with a row per union or more."""
