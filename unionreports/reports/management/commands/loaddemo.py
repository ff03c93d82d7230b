from django.core.management.base import BaseCommand

from unionreports.publishing.demo import publish_demo
from unionreports.reports.demo import DEMO_PASSWORD, DEMO_USERNAME, load_demo


class Command(BaseCommand):
    help = (
        "Loads the demonstration union and its 2017–2022 report, reviewed and published (safe to run again)."
    )

    def handle(self, *args, **options):
        report = load_demo()
        link = publish_demo(report)
        self.stdout.write(f"demo login: {DEMO_USERNAME} / {DEMO_PASSWORD}")
        self.stdout.write(f"report {report.get_absolute_url()}")
        self.stdout.write(f"published {link.get_absolute_url()}")
