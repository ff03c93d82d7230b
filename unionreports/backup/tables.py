"""What a union's archive holds, declared once: the tables, in the order they are restored.

Each table is read with the rows of one union. The history tables come after the tables they
record and are read by the ids their own rows mention, so a deleted section's history (whose
section no longer exists) is kept with the rest.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models

from unionreports.accounts.models import Affiliation, Invitation
from unionreports.committee.models import Membership, Organization, Person, Term
from unionreports.publishing.models import (
    Comment,
    Publication,
    PublicLink,
    PublishedRecord,
    ReviewRound,
    TextVersion,
    Verdict,
)
from unionreports.reports.models import (
    AchievementArea,
    AchievementItem,
    DismissedFinding,
    OutlineTemplate,
    Report,
    ReportItem,
    ReportSection,
)

# Rows of one union: `select(organization, ids)`, where `ids` maps a table already read to the
# ids its rows (current and historical) carry.
Select = Callable[[Organization, dict[str, set[int]]], models.QuerySet]


@dataclass(frozen=True)
class Table:
    model: type[models.Model]
    select: Select

    @property
    def label(self) -> str:
        return self.model._meta.label_lower

    @property
    def is_history(self) -> bool:
        return hasattr(self.model, "instance_type")

    @property
    def record_of(self) -> str:
        """The table whose rows this one's rows are (itself, or the recorded one for history)."""
        model = self.model.instance_type if self.is_history else self.model
        return model._meta.label_lower


TERM = "committee.term"
REPORT, SECTION, AREA = "reports.report", "reports.reportsection", "reports.achievementarea"

# Live rows first (their ids seed the history's selection), then the history of each.
TABLES = [
    Table(Organization, lambda org, ids: Organization.objects.filter(pk=org.pk)),
    Table(Term, lambda org, ids: Term.objects.filter(organization=org)),
    Table(Person, lambda org, ids: Person.objects.filter(organization=org)),
    Table(Membership, lambda org, ids: Membership.objects.filter(term__organization=org)),
    Table(Affiliation, lambda org, ids: Affiliation.objects.filter(organization=org)),
    # Pending invitations are left out: their links are credentials, and they expire in days.
    Table(
        Invitation, lambda org, ids: Invitation.objects.filter(organization=org, accepted_at__isnull=False)
    ),
    Table(OutlineTemplate, lambda org, ids: OutlineTemplate.objects.filter(organization=org)),
    Table(Report, lambda org, ids: Report.objects.filter(term__organization=org)),
    Table(ReportSection, lambda org, ids: ReportSection.objects.filter(report__term__organization=org)),
    Table(
        AchievementArea,
        lambda org, ids: AchievementArea.objects.filter(section__report__term__organization=org),
    ),
    Table(
        AchievementItem,
        lambda org, ids: AchievementItem.objects.filter(area__section__report__term__organization=org),
    ),
    Table(ReportItem, lambda org, ids: ReportItem.objects.filter(section__report__term__organization=org)),
    Table(DismissedFinding, lambda org, ids: DismissedFinding.objects.filter(report__term__organization=org)),
    Table(ReviewRound, lambda org, ids: ReviewRound.objects.filter(report__term__organization=org)),
    Table(Verdict, lambda org, ids: Verdict.objects.filter(round__report__term__organization=org)),
    Table(Comment, lambda org, ids: Comment.objects.filter(report__term__organization=org)),
    Table(TextVersion, lambda org, ids: TextVersion.objects.filter(report__term__organization=org)),
    Table(Publication, lambda org, ids: Publication.objects.filter(report__term__organization=org)),
    Table(
        PublishedRecord,
        lambda org, ids: PublishedRecord.objects.filter(publication__report__term__organization=org),
    ),
    Table(PublicLink, lambda org, ids: PublicLink.objects.filter(report__term__organization=org)),
    Table(Organization.history.model, lambda org, ids: Organization.history.filter(id=org.pk)),
    Table(Term.history.model, lambda org, ids: Term.history.filter(organization_id=org.pk)),
    Table(Person.history.model, lambda org, ids: Person.history.filter(organization_id=org.pk)),
    Table(Membership.history.model, lambda org, ids: Membership.history.filter(term_id__in=ids[TERM])),
    Table(Report.history.model, lambda org, ids: Report.history.filter(term_id__in=ids[TERM])),
    Table(
        ReportSection.history.model, lambda org, ids: ReportSection.history.filter(report_id__in=ids[REPORT])
    ),
    Table(
        AchievementArea.history.model,
        lambda org, ids: AchievementArea.history.filter(section_id__in=ids[SECTION]),
    ),
    Table(
        AchievementItem.history.model, lambda org, ids: AchievementItem.history.filter(area_id__in=ids[AREA])
    ),
    Table(ReportItem.history.model, lambda org, ids: ReportItem.history.filter(section_id__in=ids[SECTION])),
]
TABLES_BY_LABEL = {table.label: table for table in TABLES}

# Fields whose bytes travel as files of their own beside the data: (table, field) → file suffix.
FILES = {
    (Publication._meta.label_lower, "pdf"): "pdf",
    (Publication._meta.label_lower, "html"): "html",
    (PublishedRecord._meta.label_lower, "pdf"): "record.pdf",
    (PublishedRecord._meta.label_lower, "docx"): "record.docx",
}
