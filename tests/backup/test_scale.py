"""Pages cost the same with one union or many: the number of queries does not grow with the
number of unions in the database (`seed_scale` fills it)."""

import re
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from unionreports.accounts.models import Invitation
from unionreports.backup.scale import open_page, request_page, scale_admin, sign_in, union_pages
from unionreports.committee.models import Organization
from unionreports.reports.demo import load_demo
from unionreports.reports.models import AchievementItem, ReportItem

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "bao-cao-kiem-diem-bch-2017-2022.txt"


def query_counts(client) -> dict[str, int]:
    """Each page's queries on its second visit: the first may store what later ones read, and
    what is remembered only a few seconds (a public link's answer) must not have lapsed."""
    organization = load_demo().term.organization
    pages = union_pages(organization, admin=scale_admin(), upload=(SAMPLE.name, SAMPLE.read_bytes()))
    counts = {}
    for page in pages:
        sign_in(client, page)
        request_page(client, page)
        with CaptureQueriesContext(connection) as queries:
            request_page(client, page)
        counts[page.name] = len(queries)
    return counts


@pytest.mark.django_db
def test_every_page_makes_as_many_queries_with_thirty_unions_as_with_one(client):
    call_command("seed_scale", unions=1, stdout=StringIO())
    alone = query_counts(client)
    call_command("seed_scale", unions=30, stdout=StringIO())
    assert Organization.objects.count() == 30
    crowded = query_counts(client)
    assert {name: (alone[name], crowded[name]) for name in alone if alone[name] != crowded[name]} == {}
    assert len(alone) > 40  # every editing page of both reports, the admin's lists…


# A table holding fewer rows than there are unions does not grow with them (permissions, content
# types, the sessions of a test…).
UNIONS = 30
SEQ_SCAN = re.compile(r'Seq Scan on "?(\w+)"?')


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the plans are PostgreSQL's")
@pytest.mark.django_db
def test_an_index_serves_every_query_of_every_page(client):
    """With a few unions a sequential scan is the planner's right choice, so the plans are asked
    with sequential scans off: a "Seq Scan" left in a plan then means no index could serve it.
    (`make bench` reads the plans at 20,000 unions with the real statistics.)"""
    call_command("seed_scale", unions=UNIONS, stdout=StringIO())
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        cursor.execute(
            "SELECT relname FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace "
            "AND reltuples >= %s",
            [UNIONS],
        )
        large = {row[0] for row in cursor.fetchall()}
    assert {"committee_organization", "reports_reportitem", "notices_notice"} <= large
    organization = load_demo().term.organization
    pages = union_pages(organization, admin=scale_admin(), upload=(SAMPLE.name, SAMPLE.read_bytes()))
    scans = {}
    for page in pages:
        with CaptureQueriesContext(connection) as queries:
            open_page(client, page)
        for query in queries.captured_queries:
            for table in seq_scans(query["sql"]) & large:
                scans.setdefault(f"{page.name}: {table}", query["sql"][:300])
    assert scans == {}


def seq_scans(sql: str) -> set[str]:
    """The tables a query reads from end to end even with sequential scans off."""
    sql = sql.lstrip()
    # The admin's count: an exact count runs only while the table is small (admin_lists).
    if not sql.upper().startswith("SELECT") or sql.startswith("SELECT CASE WHEN reltuples"):
        return set()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql)
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("SET LOCAL enable_seqscan = on")
    return set(SEQ_SCAN.findall(plan))


@pytest.mark.django_db
def test_each_copy_is_a_union_of_its_own_with_full_size_reports(client):
    call_command("seed_scale", unions=6, stdout=StringIO())
    demo = load_demo().term.organization
    copies = Organization.objects.exclude(pk=demo.pk).order_by("id")
    # Committees of 7 to 15 elected members, of different sizes, each as its term declares.
    sizes = set()
    for other in copies:
        term = other.terms.get()
        elected = term.memberships.filter(joined_how="elected").count()
        assert 7 <= elected <= 15 and elected == term.committee_size
        assert other.people.count() == term.memberships.count()
        sizes.add(elected)
    assert len(sizes) > 1
    copy = copies.first()
    assert copy.name != demo.name
    # Each copy's accounts and invitations have addresses of their own.
    invited = list(Invitation.objects.values_list("email", flat=True))
    assert len(invited) == len(set(invited)) == copies.count() + 1
    emails = [e for e in get_user_model().objects.values_list("email", flat=True) if e]
    assert len(emails) == len(set(emails))
    term = copy.terms.get()
    memberships = term.memberships.all()
    assert memberships.filter(left_on__isnull=False).exists()
    assert memberships.filter(joined_how="by_election").exists()
    report = term.reports.get(kind="kiem_diem")
    items = ReportItem.objects.filter(section__report=report).count()
    items += AchievementItem.objects.filter(area__section__report=report).count()
    assert 30 <= items <= 80
    assert report.publications.get().sha256 and report.rounds.get().verdicts.count() >= 7
    assert report.comments.exists()
    secretary = copy.affiliations.get(role="secretary").user
    client.force_login(secretary)
    assert client.get(report.get_absolute_url()).status_code == 200
    assert client.get(load_demo().get_absolute_url()).status_code == 404
    home = client.get("/").content.decode()
    assert copy.name in home and demo.name not in home


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the limit is SQLite's")
@pytest.mark.django_db
def test_thousands_of_unions_are_refused_on_sqlite():
    with pytest.raises(CommandError, match="PostgreSQL"):
        call_command("seed_scale", unions=20000, stdout=StringIO())
    assert not Organization.objects.exists()
