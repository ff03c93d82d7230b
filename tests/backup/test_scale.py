"""Pages cost the same with one union or many: the number of queries does not grow with the
number of unions in the database (`seed_scale` fills it)."""

import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from unionreports.backup.scale import open_page, request_page, scale_admin, sign_in, union_pages
from unionreports.committee.models import Organization
from unionreports.reports.demo import load_demo

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "bao-cao-kiem-diem-bch-2017-2022.txt"


def query_counts(client, *, warm_up: bool) -> dict[str, int]:
    organization = load_demo().term.organization
    pages = union_pages(organization, admin=scale_admin(), upload=(SAMPLE.name, SAMPLE.read_bytes()))
    counts = {}
    for page in pages:
        sign_in(client, page)
        if warm_up:
            request_page(client, page)  # the first visit may store what later ones read
        with CaptureQueriesContext(connection) as queries:
            request_page(client, page)
        counts[page.name] = len(queries)
    return counts


@pytest.mark.django_db
def test_every_page_makes_as_many_queries_with_thirty_unions_as_with_one(client):
    call_command("seed_scale", unions=1, stdout=StringIO())
    alone = query_counts(client, warm_up=True)
    call_command("seed_scale", unions=30, stdout=StringIO())
    assert Organization.objects.count() == 30
    crowded = query_counts(client, warm_up=False)
    assert {name: (alone[name], crowded[name]) for name in alone if alone[name] != crowded[name]} == {}
    assert len(alone) > 40  # every editing page of both reports, the admin's lists…


# Tables small by nature, whatever the number of unions: a sequential scan of them is cheapest.
SMALL_TABLES = {
    "django_content_type",
    "auth_permission",
    "auth_group",
    "auth_group_permissions",
    "auth_user_groups",
    "auth_user_user_permissions",
    "django_site",
    "pg_class",
    # Read by its primary key; in a test it holds a few rows, which are read faster in a row.
    "django_session",
    # Failed logins, kept by django-axes: they grow with attacks, not with unions.
    "axes_accessattempt",
    "axes_accessfailurelog",
    "axes_accesslog",
}
SEQ_SCAN = re.compile(r'Seq Scan on "?(\w+)"?')


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the plans are PostgreSQL's")
@pytest.mark.django_db
def test_no_page_reads_a_large_table_from_end_to_end(client):
    call_command("seed_scale", unions=300, stdout=StringIO())
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    organization = load_demo().term.organization
    pages = union_pages(organization, admin=scale_admin(), upload=(SAMPLE.name, SAMPLE.read_bytes()))
    scans = {}
    for page in pages:
        open_page(client, page)
        with CaptureQueriesContext(connection) as queries:
            open_page(client, page)
        for query in queries.captured_queries:
            sql = query["sql"].lstrip()
            # The admin's count: an exact count runs only while the table is small (admin_lists).
            if not sql.upper().startswith("SELECT") or sql.startswith("SELECT CASE WHEN reltuples"):
                continue
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN " + query["sql"])
                plan = "\n".join(row[0] for row in cursor.fetchall())
            for table in set(SEQ_SCAN.findall(plan)) - SMALL_TABLES:
                scans.setdefault(f"{page.name}: {table}", query["sql"][:300])
    assert scans == {}
