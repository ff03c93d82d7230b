import hashlib

from django.core.files.storage import storages
from django.core.management.base import BaseCommand

from unionreports.publishing.files import link_file_name, link_file_write
from unionreports.publishing.models import Publication, PublicLink


class Command(BaseCommand):
    help = (
        "Writes the file nginx serves for every active public link (the newest published version) "
        "and deletes the files of links no longer active: after an upgrade, a restore or a move "
        "of PUBLISHED_ROOT. Until then those downloads are answered by Django."
    )

    def handle(self, *args, **options):
        storage = storages["published"]
        wanted = {}
        for token, report_id in PublicLink.objects.filter(revoked_at__isnull=True).values_list(
            "token", "report_id"
        ):
            wanted[link_file_name(token)] = (token, report_id)
        present = (
            {f"links/{name}" for name in storage.listdir("links")[1]} if storage.exists("links") else set()
        )
        removed = 0
        for name in present - set(wanted):
            storage.delete(name)
            removed += 1
        written = 0
        for name, (token, report_id) in wanted.items():
            newest = (
                Publication.objects.filter(report_id=report_id)
                .order_by("-version")
                .only("pdf", "sha256")
                .first()
            )
            if newest is None:
                continue
            if name in present:
                with storage.open(name) as stored:
                    if hashlib.sha256(stored.read()).hexdigest() == newest.sha256:
                        continue
            link_file_write(token=token, publication=newest)
            written += 1
        self.stdout.write(f"{written} files written, {removed} removed")
