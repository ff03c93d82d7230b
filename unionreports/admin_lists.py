"""What every changelist of the admin shares: pages that cost the same with 1 union or 20,000."""

from django.contrib import admin
from django.core.paginator import Paginator
from django.db import connection
from django.utils.functional import cached_property

# Below this many rows a table is counted; above it, PostgreSQL's own estimate is shown.
EXACT_COUNT_LIMIT = 10_000


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


class ListAdmin(admin.ModelAdmin):
    """A changelist of a table that grows with the unions: paged, never counted twice."""

    list_per_page = 50
    show_full_result_count = False
    paginator = LargeTablePaginator
    # Newest first, by the primary key's index: sorting a large table by another column is slow.
    ordering = ["-pk"]
