"""Every page of a union with 1 union in the database and with 20,000, side by side.

Two PostgreSQL databases, made and seeded once by `manage.py seed_scale` (later runs find them
seeded and say so): `ur_bench_scale_1` holds the demo union alone, `ur_bench_scale` the demo
union and copies of it up to --unions. Both are ANALYZEd, then each page the demo union's
people open (`unionreports.backup.scale.union_pages`: the secretary's, a member's, the
delegates' public page and PDF, the import preview, the admin's lists) is opened with Django's
test client: one warm-up, then --runs timed requests, the two databases taking turns. Printed per page: SQL queries and median
milliseconds with 1 union and with N, and the ratio of the medians; and, with N unions, any
large table (20,000 rows or more) that a query of the page reads by a sequential scan (EXPLAIN
with the statistics of ANALYZE). The check: the same number
of queries on every page, every ratio at most 1.3, no large table read from end to end (exit
status 1 otherwise).
Usage: python bench/scale.py [--unions 20000] [--runs 15] [--server postgres://postgres@127.0.0.1:5432]
"""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "data" / "bao-cao-kiem-diem-bch-2017-2022.txt"
RATIO_LIMIT = 1.3
# Tables of at least this many rows are large: a plan reading one from end to end is reported.
LARGE_TABLE = 20_000
SEQ_SCAN = re.compile(r'Seq Scan on "?(\w+)"?')


def measure(runs: int, names: list[str]) -> None:
    """In a process of its own: each page's queries and times in each database of `names`, as JSON.

    The databases take turns, request by request, so that a busy moment of the machine weighs
    on both alike.
    """
    import django

    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "unionreports.settings"
    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    from unionreports.backup.scale import request_page, scale_admin, sign_in, union_pages
    from unionreports.reports.demo import load_demo

    setup_test_environment()  # the test client's host, and e-mail kept in memory
    client = Client()
    pages, large = {}, {}
    for name in names:
        use(connection, name)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
            cursor.execute(
                "SELECT relname FROM pg_class WHERE relkind = 'r' "
                "AND relnamespace = 'public'::regnamespace AND reltuples >= %s",
                [LARGE_TABLE],
            )
            large[name] = {row[0] for row in cursor.fetchall()}
        organization = load_demo().term.organization
        upload = (SAMPLE.name, SAMPLE.read_bytes())
        pages[name] = {
            page.name: page for page in union_pages(organization, admin=scale_admin(), upload=upload)
        }
    results = {name: {} for name in names}
    for title in pages[names[0]]:
        samples = {name: [] for name in names}
        for turn in range(runs + 2):
            for name in names:
                use(connection, name)
                page = pages[name][title]
                sign_in(client, page)
                if turn == 0:  # the warm-up, then the queries of one request
                    request_page(client, page)
                    continue
                if turn == 1:
                    connection.queries_log.clear()  # with DEBUG on, the log is capped
                    with CaptureQueriesContext(connection) as queries:
                        request_page(client, page)
                    results[name][title] = {
                        "queries": len(queries),
                        "scans": plans(connection, queries, large[name]),
                    }
                    continue
                started = time.perf_counter()
                request_page(client, page)
                samples[name].append((time.perf_counter() - started) * 1000)
        for name in names:
            results[name][title]["ms"] = statistics.median(samples[name])
    json.dump(results, sys.stdout)


def use(connection, name: str) -> None:
    """Points the default connection at database `name`, connected before any timing."""
    if connection.settings_dict["NAME"] != name:
        connection.close()
        connection.settings_dict["NAME"] = name
    connection.ensure_connection()


def plans(connection, queries, large: set[str]) -> list[str]:
    """The large tables that the captured SELECTs read by a sequential scan, with real statistics."""
    scans = set()
    for query in queries.captured_queries:
        sql = query["sql"].lstrip()
        # The admin's count of a large table is never run: its estimate is taken (admin_lists).
        if sql.upper().startswith("SELECT") and not sql.startswith("SELECT CASE WHEN reltuples"):
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN " + query["sql"])
                plan = "\n".join(row[0] for row in cursor.fetchall())
            scans |= set(SEQ_SCAN.findall(plan)) & large
    return sorted(scans)


def run(args: list[str], env: dict) -> str:
    done = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"scale: {' '.join(args[1:3])} failed:\n{done.stderr[-3000:]}")
    return done.stdout


def database(server: str, name: str, unions: int) -> None:
    import psycopg2

    connection = psycopg2.connect(f"{server}/postgres")
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone() is None:
            cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()
    env = {**os.environ, "DATABASE_URL": f"{server}/{name}"}
    run([sys.executable, "manage.py", "migrate", "--noinput"], env)
    seeded = run([sys.executable, "manage.py", "seed_scale", "--unions", str(unions)], env)
    print(f"{name}: {seeded.splitlines()[-1]}")


def main(unions: int, runs: int, server: str) -> int:
    names = ["ur_bench_scale_1", "ur_bench_scale"]
    database(server, names[0], 1)
    database(server, names[1], unions)
    env = {**os.environ, "DATABASE_URL": f"{server}/{names[0]}"}
    measured = json.loads(run([sys.executable, __file__, "--measure", "--runs", str(runs), *names], env))
    alone, crowded = measured[names[0]], measured[names[1]]
    print(f"{runs} runs per page, median milliseconds")
    print(f"{'page':<34}{'q@1':>6}{f'q@{unions}':>9}{'ms@1':>9}{f'ms@{unions}':>10}{'ratio':>7}")
    failures = []
    for name, one in alone.items():
        many = crowded[name]
        ratio = many["ms"] / one["ms"]
        flag = ""
        if many["queries"] != one["queries"] or ratio > RATIO_LIMIT or many.get("scans"):
            failures.append(name)
            flag = "  <-"
        print(
            f"{name:<34}{one['queries']:>6}{many['queries']:>9}{one['ms']:>9.1f}{many['ms']:>10.1f}{ratio:>7.2f}{flag}"
        )
    for name, many in crowded.items():
        if many["scans"]:
            print(f"{name}: reads from end to end at {unions} unions: {', '.join(many['scans'])}")
    ratios = [crowded[name]["ms"] / alone[name]["ms"] for name in alone]
    print(
        f"scale: {len(alone)} pages, same queries on {sum(alone[n]['queries'] == crowded[n]['queries'] for n in alone)}, "
        f"median ratio {statistics.median(ratios):.2f}, worst {max(ratios):.2f}"
        + (f"; over the limit: {', '.join(failures)}" if failures else "")
    )
    return 1 if failures else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--unions", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument(
        "--server", default=os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
    )
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("databases", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        measure(args.runs, args.databases)
    else:
        sys.exit(main(args.unions, args.runs, args.server))
