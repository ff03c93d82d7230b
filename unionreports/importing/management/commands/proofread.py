import json
import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from unionreports.importing.lines import ImportFailed
from unionreports.importing.services import read_report, source_lines
from unionreports.proofreading import Source, proofread
from unionreports.reports.models import Report
from unionreports.reports.proofreading import proofread_report


class Command(BaseCommand):
    help = (
        "Proofreads a saved report or a .txt, .md or .docx file. Exit status: 0 nothing found, "
        "1 findings, 2 bad input."
    )

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--report", type=int, help="The id of a saved report.")
        which.add_argument("--file", help="A .txt, .md or .docx file, read as the import reads it.")
        parser.add_argument("--format", choices=["json", "text"], default="text")
        # A command runs in whatever language is active where it is called (LANGUAGE_CODE from a
        # shell, the caller's from call_command): the messages are Vietnamese unless asked otherwise.
        parser.add_argument(
            "--language",
            choices=[code for code, _name in settings.LANGUAGES],
            default="vi",
            help="The language of the messages (default: vi).",
        )

    def handle(self, *args, report, file, format, language, **options):
        with translation.override(language):
            self._proofread(report, file, format)

    def _proofread(self, report, file, format):
        try:
            findings = self._findings(report, file)
        except CommandError as error:
            self.stderr.write(f"proofread: {error}")
            sys.exit(2)
        if format == "json":
            self.stdout.write(json.dumps([f.to_dict() for f in findings], ensure_ascii=False, indent=1))
        else:
            for f in findings:
                suggestion = f" → “{f.suggestion}”" if f.suggestion else ""
                self.stdout.write(f"{f.where.label}: [{f.kind}] “{f.text}”{suggestion}: {f.message}")
            count = len(findings)
            self.stdout.write(
                ngettext("%(n)s slip.", "%(n)s slips.", count) % {"n": count}
                if count
                else _("No slips found.")
            )
        if findings:
            sys.exit(1)

    def _findings(self, report, file):
        if report is not None:
            found = Report.objects.select_related("term__organization").filter(pk=report).first()
            if found is None:
                raise CommandError(f"There is no report {report}.")
            return proofread_report(found)
        path = Path(file)
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}.") from None
        try:
            imported = read_report(path.name, data)
        except ImportFailed as failure:
            raise CommandError(str(failure.message)) from None
        return proofread(imported.document, source=Source(source_lines(data)))
