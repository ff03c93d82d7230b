from django.core.management.base import BaseCommand

from unionreports.publishing.demo import publish_demo
from unionreports.reports.demo import DEMO_PASSWORD, DEMO_USERNAME, load_demo


class Command(BaseCommand):
    help = (
        "Loads the demonstration union with its 2017–2022 self-assessment report, reviewed and published, "
        "and a term summary report in draft (safe to run again)."
    )

    def handle(self, *args, **options):
        report = load_demo()
        link = publish_demo(report)
        self.stdout.write(f"demo login: {DEMO_USERNAME} / {DEMO_PASSWORD}")
        for other in report.term.reports.exclude(pk=report.pk).order_by("id"):
            self.stdout.write(f"{other.get_kind_display()}: {other.get_absolute_url()}")
        self.stdout.write(f"report {report.get_absolute_url()}")
        self.stdout.write(f"published {link.get_absolute_url()}")
