from django.core.management.base import BaseCommand

from unionreports.publishing.record import review_record
from unionreports.rendering.models import RenderedDocument
from unionreports.rendering.pdf import renders_evict
from unionreports.reports.compose import compose_report
from unionreports.reports.models import Report


class Command(BaseCommand):
    help = (
        "Deletes the stored renders (PDF, Word) that no report's current text, nor the current record "
        "of its review, needs; they are rendered again if someone asks. Safe to run at any time."
    )

    def handle(self, *args, **options):
        # Renders stored before they were filed under a report belong to nothing now.
        deleted = RenderedDocument.objects.filter(subject="").delete()[0]
        subjects = set(RenderedDocument.objects.values_list("subject", flat=True).distinct())
        ids = {int(subject.split("-")[1]) for subject in subjects if subject.split("-")[-1].isdigit()}
        kept: set[str] = set()
        for report in Report.objects.with_document_data().filter(pk__in=ids).iterator(chunk_size=100):
            document = compose_report(report)
            deleted += renders_evict(subject=report.render_subject, keep_text=document.digest())
            record = review_record(report, document=document)
            deleted += renders_evict(subject=report.record_subject, keep_text=record.digest())
            kept |= {report.render_subject, report.record_subject}
        # Those of reports deleted since.
        deleted += RenderedDocument.objects.filter(subject__in=subjects - kept).delete()[0]
        self.stdout.write(f"{deleted} stored renders deleted")
