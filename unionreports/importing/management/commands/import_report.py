import datetime
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from unionreports.committee.models import Term
from unionreports.importing.lines import ImportFailed
from unionreports.importing.services import (
    default_date,
    mismatches,
    read_report,
    reading_notices,
    report_import,
)
from unionreports.reports.compose import compose_report
from unionreports.reports.models import Report


class Command(BaseCommand):
    help = "Imports a report from a Word document (.docx), PDF, text (.txt) or Markdown (.md) file."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--term", type=int, required=True, help="The id of the term the report is for.")
        parser.add_argument("--number", type=int, help="The document number, if the file does not give it.")
        parser.add_argument(
            "--date", type=datetime.date.fromisoformat, help="YYYY-MM-DD, if the file does not give it."
        )
        parser.add_argument(
            "--add-members",
            action="store_true",
            help="Add the rows of the file's table of the committee to the term's committee.",
        )

    def handle(self, *args, file, term, number, date, add_members, **options):
        try:
            term = Term.objects.select_related("organization").get(pk=term)
        except Term.DoesNotExist:
            raise CommandError(f"There is no term {term}.") from None
        path = Path(file)
        try:
            imported = read_report(path.name, path.read_bytes())
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}.") from None
        except ImportFailed as failure:
            raise CommandError(str(failure.message)) from None
        try:
            report = report_import(
                term=term,
                imported=imported,
                number=number or imported.number or 1,
                date=date or default_date(term, imported),
                members=tuple(range(len(imported.committee))) if add_members else (),
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        for notice in reading_notices(imported):
            self.stdout.write(f"note: {notice}")
        for leftover in imported.leftovers:
            self.stderr.write(f"not placed ({leftover.where}): {leftover.text[:200]}")
        for line in imported.replaced:
            self.stderr.write(f"replaced by the report's own header: {line[:200]}")
        if imported.committee and not add_members:
            for name, role, _rest in imported.committee:
                self.stderr.write(f"committee table, not added (see --add-members): {name} {role}".rstrip())
        document = compose_report(Report.objects.with_document_data().get(pk=report.pk))
        for warning in [*mismatches(term, imported), *document.warnings]:
            self.stderr.write(f"warning: {warning}")
        self.stdout.write(f"report {report.get_absolute_url()}")
