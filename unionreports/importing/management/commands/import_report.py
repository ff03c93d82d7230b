import datetime
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from unionreports.committee.models import Term
from unionreports.importing.lines import ImportFailed
from unionreports.importing.services import default_date, read_report, reading_notices, report_import


class Command(BaseCommand):
    help = "Imports a report from a Word document (.docx), PDF, text (.txt) or Markdown (.md) file."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--term", type=int, required=True, help="The id of the term the report is for.")
        parser.add_argument("--number", type=int, help="The document number, if the file does not give it.")
        parser.add_argument(
            "--date", type=datetime.date.fromisoformat, help="YYYY-MM-DD, if the file does not give it."
        )

    def handle(self, *args, file, term, number, date, **options):
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
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        for notice in reading_notices(imported):
            self.stdout.write(f"note: {notice}")
        for leftover in imported.leftovers:
            self.stderr.write(f"not placed ({leftover.where}): {leftover.text[:200]}")
        self.stdout.write(f"report {report.get_absolute_url()}")
