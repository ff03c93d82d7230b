import sys

from django.core.management.base import BaseCommand, CommandError

from unionreports.rendering.docx import render_docx
from unionreports.rendering.html import print_html
from unionreports.rendering.pdf import render_pdf
from unionreports.rendering.text import render_text
from unionreports.reports.compose import compose_report
from unionreports.reports.drafts import is_draft
from unionreports.reports.models import Report


class Command(BaseCommand):
    help = "Renders a report to HTML, PDF, Word (DOCX) or plain text."

    def add_arguments(self, parser):
        parser.add_argument("report_id", type=int)
        parser.add_argument("--format", choices=["html", "pdf", "docx", "txt"], default="txt")
        parser.add_argument(
            "--output", "-o", help="File to write; standard output if omitted (not for PDF or DOCX)."
        )

    def handle(self, *args, report_id, format, output, **options):
        try:
            report = Report.objects.with_document_data().get(pk=report_id)
        except Report.DoesNotExist:
            raise CommandError(f"There is no report {report_id}.") from None
        document = compose_report(report)
        for warning in document.warnings:
            self.stderr.write(f"warning: {warning}")
        # Marked "DỰ THẢO" unless this text is the report's published version, as on the site.
        draft = is_draft(report, document)
        if format in ("pdf", "docx"):
            if not output:
                raise CommandError(f"A {format.upper()} file needs --output FILE.")
            render = render_pdf if format == "pdf" else render_docx
            data = render(document, draft=draft)
        else:
            render = print_html if format == "html" else render_text
            data = render(document, draft=draft).encode()
        if output:
            with open(output, "wb") as file:
                file.write(data)
            self.stdout.write(f"{format} written to {output} ({len(data)} bytes)")
        else:
            sys.stdout.buffer.write(data)
