"""Timings of importing and exporting the demo report, in one process, on a throwaway SQLite database.

- read text: the seed report (Word's text export) parsed into a document;
- read docx: the demo report's own DOCX export parsed into a document;
- save: the parsed document saved as a report (one transaction, rolled back each time);
- upload + preview: POST of the seed file to the import page, which parses, saves in a
  rolled-back transaction, composes and renders the preview;
- export docx: the demo document written as a DOCX.

Medians of repeated runs after one warm-up run; also the process's peak resident memory.
Usage: python bench/exchange.py [--runs N]
"""

import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import cli, measure, peak_rss_mib  # noqa: E402


def main(runs: int) -> None:
    from django.contrib.auth import get_user_model
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from django.db import transaction
    from django.test import Client

    from unionreports.importing.services import read_report, report_import
    from unionreports.rendering.docx import render_docx
    from unionreports.reports.compose import compose_report
    from unionreports.reports.demo import DEMO_USERNAME, load_demo
    from unionreports.reports.models import Report

    call_command("migrate", verbosity=0, interactive=False)
    report = load_demo()
    term = report.term
    document = compose_report(Report.objects.with_document_data().get(pk=report.pk))
    seed = (ROOT / "tests" / "data" / "bao-cao-kiem-diem-bch-2017-2022.txt").read_bytes()
    exported = render_docx(document)
    imported = read_report("seed.txt", seed)
    client = Client()
    client.force_login(get_user_model().objects.get(username=DEMO_USERNAME))

    def save():
        with transaction.atomic():
            report_import(term=term, imported=imported, number=4, date=report.date)
            transaction.set_rollback(True)

    def upload():
        file = SimpleUploadedFile("seed.txt", seed)
        response = client.post(
            f"/unions/{term.organization_id}/reports/import/", {"term": term.pk, "file": file}
        )
        if response.status_code != 200:
            raise SystemExit(f"bench: the import page answered {response.status_code}")

    results = {
        "read text": measure(lambda: read_report("seed.txt", seed), runs),
        "read docx": measure(lambda: read_report("report.docx", exported), runs),
        "save": measure(save, runs),
        "upload + preview": measure(upload, runs),
        "export docx": measure(lambda: render_docx(document), runs),
    }
    print(f"{runs} runs each, milliseconds")
    print(f"{'':<18}{'median':>9}{'min':>9}{'max':>9}")
    for name, samples in results.items():
        print(f"{name:<18}{statistics.median(samples):>9.1f}{min(samples):>9.1f}{max(samples):>9.1f}")
    print(f"docx: {len(exported)} bytes; peak resident memory: {peak_rss_mib():.1f} MiB")


if __name__ == "__main__":
    cli(main, __doc__.splitlines()[0])
