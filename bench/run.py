"""Timings of the demo report's page and PDF, in one process, on a throwaway SQLite database.

Each figure is the median of repeated runs after one warm-up run:

- html: the report page, GET /reports/<id>/, and the number of SQL queries it makes (its writer
  sees the proofreading findings, so it includes a proofreading);
- cold pdf: GET /reports/<id>/pdf with the PDF cache emptied first, so the view composes the
  document, lays it out with WeasyPrint and stores the result;
- cached pdf: the same request with the PDF stored. Downloading a report again must stay
  cheap, whatever the cost of laying it out;
- bare weasyprint: `write_pdf` on the same print HTML, computed once beforehand. It is the
  floor for a cold render, and the ratio cold pdf / bare weasyprint is the application's
  overhead (composing, hashing, storing), which must stay small;
- proofread: `proofread_report` on the report (composing it, reading the committee records and
  every check), its cache of unchanged texts emptied first. It must stay well under one cold pdf. The first call, which loads the
  Vietnamese dictionary, is printed apart.

Also printed: the PDF's size and page count, and the process's peak resident memory.
Usage: python bench/run.py [--runs N]
"""

import argparse
import io
import os
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent


def measure(run: Callable[[], object], runs: int, before: Callable[[], object] | None = None) -> list[float]:
    """Milliseconds of `runs` calls of `run` after a warm-up; `before` runs untimed each time."""
    samples: list[float] = []
    for _ in range(runs + 1):
        if before is not None:
            before()
        started = time.perf_counter()
        run()
        samples.append((time.perf_counter() - started) * 1000)
    return samples[1:]


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def peak_rss_mib() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10  # bytes on macOS, KiB elsewhere


def main(runs: int) -> None:
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from unionreports.rendering.html import print_html
    from unionreports.rendering.models import RenderedDocument
    from unionreports.rendering.pdf import write_pdf
    from unionreports.reports.compose import compose_report
    from unionreports.reports.demo import DEMO_USERNAME, load_demo
    from unionreports.reports.models import Report
    from unionreports.reports.proofreading import clear_proofreading_cache, proofread_report

    call_command("migrate", verbosity=0, interactive=False)
    report = load_demo()
    client = Client()
    client.force_login(get_user_model().objects.get(username=DEMO_USERNAME))

    def get(url: str) -> bytes:
        response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"bench: GET {url} answered {response.status_code}")
        return response.content

    # Before the report page, which proofreads for its writer: this call loads the dictionary.
    started = time.perf_counter()
    findings = proofread_report(report)
    first_proofread = (time.perf_counter() - started) * 1000
    page_url, pdf_url = f"/reports/{report.pk}/", f"/reports/{report.pk}/pdf"
    html = print_html(compose_report(Report.objects.with_document_data().get(pk=report.pk)))
    results = {"html": measure(lambda: get(page_url), runs), "cold pdf": [], "bare weasyprint": []}
    # Cold and bare renders alternate, so that a busy moment of the machine weighs on both.
    for _ in range(runs):
        results["cold pdf"] += measure(lambda: get(pdf_url), 1, before=RenderedDocument.objects.all().delete)
        results["bare weasyprint"] += measure(lambda: write_pdf(html), 1)
    results["cached pdf"] = measure(lambda: get(pdf_url), runs)
    # Uncached: the report page keeps the findings of an unchanged text, this is the cost of a new one.
    results["proofread"] = measure(lambda: proofread_report(report), runs, before=clear_proofreading_cache)
    connection.queries_log.clear()  # with DEBUG on, the log is capped and migrate has filled it
    with CaptureQueriesContext(connection) as queries:
        get(page_url)
    pdf = get(pdf_url)
    connection.close()

    medians = {name: statistics.median(samples) for name, samples in results.items()}
    ratio = medians["cold pdf"] / medians["bare weasyprint"]
    print(f"{runs} runs each, milliseconds")
    print(f"{'':<16}{'median':>9}{'min':>9}{'max':>9}")
    for name in ("html", "cold pdf", "cached pdf", "bare weasyprint", "proofread"):
        samples = results[name]
        print(f"{name:<16}{medians[name]:>9.1f}{min(samples):>9.1f}{max(samples):>9.1f}")
    print(f"html queries: {len(queries)}; pdf: {len(pdf)} bytes, {page_count(pdf)} pages")
    print(
        f"proofread: {len(findings)} findings; first call, loading the dictionary: {first_proofread:.1f} ms"
    )
    print(f"peak resident memory: {peak_rss_mib():.1f} MiB")
    print(
        f"bench: html {medians['html']:.1f} ms, cold pdf {medians['cold pdf']:.1f} ms, "
        f"cached pdf {medians['cached pdf']:.1f} ms, bare weasyprint {medians['bare weasyprint']:.1f} ms, "
        f"ratio {ratio:.2f}, proofread {medians['proofread']:.1f} ms "
        f"({medians['proofread'] / medians['cold pdf']:.0%} of a cold pdf)"
    )


def cli(main: Callable[[int], None], description: str) -> None:
    """Runs `main(runs)` with Django set up on a throwaway SQLite database."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--runs", type=int, default=15, help="timed runs per measure (default 15)")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "unionreports.settings"
    with tempfile.TemporaryDirectory(prefix="unionreports-bench-") as tmp:
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
        import django

        django.setup()
        main(args.runs)


if __name__ == "__main__":
    cli(main, __doc__.splitlines()[0])
