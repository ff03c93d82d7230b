from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from unionreports.backup.services import union_export
from unionreports.committee.models import Organization


class Command(BaseCommand):
    help = "Writes one union, with its reports, review, published versions and history, to a zip archive."

    def add_arguments(self, parser):
        parser.add_argument("organization", type=int, help="The union's id.")
        parser.add_argument("--output", required=True, help="The archive file to write.")

    def handle(self, *args, organization: int, output: str, **options):
        union = Organization.objects.filter(pk=organization).first()
        if union is None:
            raise CommandError(_("No such union."))
        with open(output, "wb") as out:
            counts = union_export(organization=union, out=out)
        for label, count in counts.items():
            self.stdout.write(f"{label}: {count}")
        self.stdout.write(f"{union} → {output}")
