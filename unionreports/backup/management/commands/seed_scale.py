import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from unionreports.backup.scale import Template, template_union, union_copies
from unionreports.committee.models import Organization

# SQLite serves one writer on one machine: enough for tests, not for a country's unions.
SQLITE_LIMIT = 200


class Command(BaseCommand):
    help = (
        "Fills the database with N unions of full size for measuring: the demo union, reviewed and "
        "published, and copies of it. Unions already there count towards N."
    )

    def add_arguments(self, parser):
        parser.add_argument("--unions", type=int, required=True, help="how many unions in all")
        parser.add_argument("--seed", type=int, default=0, help="seed of the copies' variations")

    def handle(self, *args, unions: int, seed: int, **options):
        if unions < 1:
            raise CommandError("--unions must be at least 1.")
        if connection.vendor == "sqlite" and unions > SQLITE_LIMIT:
            raise CommandError(
                f"{unions} unions is more than SQLite is meant for here (at most {SQLITE_LIMIT}): "
                "set DATABASE_URL to a PostgreSQL database."
            )
        started = time.perf_counter()
        template = Template(template_union())
        missing = max(0, unions - Organization.objects.count())

        def progress(done: int) -> None:
            if done % 1000 == 0 or done == missing:
                elapsed = time.perf_counter() - started
                self.stdout.write(f"{done}/{missing} copies, {elapsed:.0f} s")

        union_copies(template=template, count=missing, seed=seed, progress=progress)
        elapsed = time.perf_counter() - started
        self.stdout.write(
            f"seed_scale: {Organization.objects.count()} unions, {missing} added in {elapsed:.1f} s"
        )
