"""What every changelist of the admin shares: pages that cost the same with 1 union or 20,000.

A page's cost is its queries, the same whatever the size of the tables (the related rows
joined, no second count, the estimate of a large table's size), and its rows, bounded by
`list_per_page`. A row is made cheap: Django renders each row's checkbox through a form
template and reverses each row's link; here the checkbox is written directly and the link is
reversed once per page.
"""

from django.contrib import admin
from django.contrib.admin import helpers
from django.contrib.admin.utils import quote
from django.contrib.admin.views.main import ChangeList
from django.core.paginator import Paginator
from django.db import connection
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

# Below this many rows a table is counted; above it, PostgreSQL's own estimate is shown.
EXACT_COUNT_LIMIT = 10_000
# The stand-in for a primary key in the change link reversed once per page.
PK_MARK = "0PK0"


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


class ListMixin:
    """A changelist of a table that grows with the unions: paged, never counted twice, with
    rows that cost little. Mixed into a ModelAdmin (before it) so that Django's own user admin
    can have it too."""

    list_per_page = 20
    show_full_result_count = False
    paginator = LargeTablePaginator
    # Newest first, by the primary key's index: sorting a large table by another column is slow.
    ordering = ["-pk"]

    def get_changelist(self, request, **kwargs):
        return OnceReversedChangeList

    @admin.display(description=mark_safe('<input type="checkbox" id="action-toggle">'))
    def action_checkbox(self, obj) -> str:
        """The row's checkbox for the actions: Django's markup, written without a template."""
        return format_html(
            '<input type="checkbox" name="{}" value="{}" class="action-select" aria-label="{}">',
            helpers.ACTION_CHECKBOX_NAME,
            str(obj.pk),
            format_html(_("Select this object for an action - {}"), str(obj)),
        )


class ListAdmin(ListMixin, admin.ModelAdmin):
    """The admin of a model with a row per union or more."""
