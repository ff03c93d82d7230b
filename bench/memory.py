"""A worker's resident memory while it renders the demo report again and again.

Renders the demo report (composed from the database each time) as HTML and as a PDF with
WeasyPrint, N times in one process on a throwaway SQLite database, and reads the resident set
size (VmRSS of /proc/self/status) after 10, 100 and every further hundred renders. The check:
after N renders, memory is within 20% of what it was after 10 (no cache without bounds, nothing
kept per render). Exit status 1 if not.
Usage: python bench/memory.py [--renders 1000]
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 1.20


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise SystemExit("memory: no VmRSS in /proc/self/status (Linux only)")


def main(renders: int) -> int:
    from django.core.management import call_command

    from unionreports.rendering.html import print_html
    from unionreports.rendering.pdf import render_pdf
    from unionreports.reports.compose import compose_report
    from unionreports.reports.demo import load_demo
    from unionreports.reports.models import Report

    call_command("migrate", verbosity=0, interactive=False)
    pk = load_demo().pk
    marks = {10, renders} | set(range(100, renders + 1, 100))
    seen: dict[int, float] = {}
    started = time.perf_counter()
    for n in range(1, renders + 1):
        document = compose_report(Report.objects.with_document_data().get(pk=pk))
        print_html(document)
        render_pdf(document)
        if n in marks:
            seen[n] = rss_mib()
            print(
                f"after {n:>5} renders: {seen[n]:7.1f} MiB ({time.perf_counter() - started:.0f} s)",
                flush=True,
            )
    ratio = seen[renders] / seen[min(10, renders)]
    print(
        f"memory: {seen[min(10, renders)]:.1f} MiB after 10 renders, {seen[renders]:.1f} MiB after "
        f"{renders} ({ratio:.2f}×, limit {LIMIT:.2f}×)"
    )
    return 0 if ratio <= LIMIT else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--renders", type=int, default=1000)
    args = parser.parse_args()
    if args.renders < 10:
        parser.error("--renders must be at least 10")
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "unionreports.settings"
    with tempfile.TemporaryDirectory(prefix="unionreports-memory-") as tmp:
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/memory.sqlite3"
        # As a production worker runs: without DEBUG, which keeps the last queries in memory.
        os.environ.update(DEBUG="false", SECRET_KEY="memory-bench-" + "x" * 50, SECURE_SSL_REDIRECT="false")
        import django

        django.setup()
        sys.exit(main(args.renders))
