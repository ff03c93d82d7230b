from django.core.management.base import BaseCommand, CommandError

from unionreports.backup.archive import DamagedArchive
from unionreports.backup.services import union_import


class Command(BaseCommand):
    help = (
        "Restores a union from an archive written by export_union, as a new union with new ids, "
        "in one transaction: a damaged or changed archive is refused and nothing is saved."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="The archive file.")

    def handle(self, *args, archive: str, **options):
        try:
            with open(archive, "rb") as source:
                organization = union_import(source=source)
        except OSError as error:
            raise CommandError(str(error)) from error
        except DamagedArchive as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"{organization} (id {organization.pk}): {organization.get_absolute_url()}")
