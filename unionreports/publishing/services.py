"""Publishing a report: freezing its HTML and PDF, and the links that show them."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from unionreports.notices import services as notices
from unionreports.rendering.pdf import get_pdf, renders_evict
from unionreports.reports.compose import compose_report
from unionreports.reports.models import Report

from .files import report_files_sync
from .models import Publication, PublicLink
from .record import record_freeze
from .state import APPROVED, CHANGED, PUBLISHED, report_state


@transaction.atomic
def report_publish(*, report: Report, by) -> Publication:
    """A new published version of `report`, frozen; the report keeps its active link or gets one.

    Later edits change the draft only: what was published stays byte for byte the same.
    """
    Report.objects.select_for_update().filter(pk=report.pk).first()
    report = Report.objects.with_document_data().get(pk=report.pk)
    document = compose_report(report)
    state = report_state(report, document)
    if state.status == PUBLISHED:
        raise ValidationError(_("This exact text is published already."), code="published")
    if state.status == CHANGED:
        raise ValidationError(
            _(
                "The report changed since the committee approved it (%(changes)s): send it to the committee again."
            )
            % {"changes": "; ".join(state.changes) or _("the text")},
            code="changed_since_approved",
        )
    if state.status != APPROVED:
        raise ValidationError(
            _("Only a report the committee approved can be published."), code="not_approved"
        )
    # The text delegates receive, as issued: without the draft's "DỰ THẢO".
    pdf = get_pdf(document, draft=False, subject=report.render_subject)
    last = report.publications.aggregate(last=Max("version"))["last"] or 0
    publication = Publication.objects.create(
        report=report,
        version=last + 1,
        html=render_to_string("rendering/_document.html", {"document": document, "draft": False}),
        pdf=pdf.content,
        sha256=pdf.sha256,
        file_name=Publication.name_for(report.term.organization.name, last + 1),
        digest=state.digest,
        published_by=by,
    )
    record_freeze(publication=publication, report=report, document=document)
    # The review that led here is over: the round's answers stay, no more are asked for.
    report.rounds.filter(closed_at__isnull=True).update(closed_at=timezone.now())
    if not report.public_links.filter(revoked_at__isnull=True).exists():
        PublicLink.objects.create(report=report)
    # The drafts' files of this text and the record's are not asked for any more: only the
    # final PDF (the secretary's download of the published text) stays.
    renders_evict(subject=report.render_subject, keep_keys=[pdf.key])
    renders_evict(subject=report.record_subject)
    # Delegates get the new version at once, from nginx's file and from Django alike.
    report_files_sync(report)
    notices.report_published(publication)
    return publication


@transaction.atomic
def link_renew(*, report: Report) -> PublicLink:
    """Revokes the report's public link and issues a new one."""
    report.public_links.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
    link = PublicLink.objects.create(report=report)
    # The old link's file goes now, the new one's is written when this commits.
    report_files_sync(report)
    return link


@transaction.atomic
def links_revoke(links) -> int:
    """Revokes the active links among `links`: nginx and every process stop serving them at once."""
    reports = set(links.filter(revoked_at__isnull=True).values_list("report", flat=True))
    count = links.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
    for report in Report.objects.filter(pk__in=reports):
        report_files_sync(report)
    return count
