from django.core.management.base import BaseCommand

from unionreports.reports.demo import DEMO_PASSWORD, DEMO_USERNAME, load_demo


class Command(BaseCommand):
    help = "Loads the demonstration union and its 2017–2022 report (safe to run again)."

    def handle(self, *args, **options):
        report = load_demo()
        self.stdout.write(f"demo login: {DEMO_USERNAME} / {DEMO_PASSWORD}")
        self.stdout.write(f"report {report.get_absolute_url()}")
