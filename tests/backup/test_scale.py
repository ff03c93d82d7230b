"""Pages cost the same with one union or many: the number of queries does not grow with the
number of unions in the database (`seed_scale` fills it)."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from unionreports.backup.scale import open_page, scale_admin, union_pages
from unionreports.committee.models import Organization
from unionreports.reports.demo import load_demo

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "bao-cao-kiem-diem-bch-2017-2022.txt"


def query_counts(client, *, warm_up: bool) -> dict[str, int]:
    organization = load_demo().term.organization
    pages = union_pages(organization, admin=scale_admin(), upload=(SAMPLE.name, SAMPLE.read_bytes()))
    counts = {}
    for page in pages:
        if warm_up:
            open_page(client, page)  # the first visit may store what later ones read
        with CaptureQueriesContext(connection) as queries:
            open_page(client, page)
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
