"""The report itself: its heading data, the prose the secretary writes and its items."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Max, Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from unionreports.committee.models import Membership, Person, Term
from unionreports.fields import NFCCharField, NFCTextField

# Sane lengths for what a secretary types: a paragraph or list item, and a block of prose.
ITEM_LIMIT = 4000
PROSE_LIMIT = 12000
# Leftovers of an imported document: a whole unrecognised part may land here.
UNPLACED_LIMIT = 100_000


class ReportQuerySet(models.QuerySet):
    def with_document_data(self) -> "ReportQuerySet":
        """Everything `compose_report` reads, in a fixed number of queries (6)."""
        return self.select_related("term__organization", "signer").prefetch_related(
            Prefetch(
                "term__memberships",
                queryset=Membership.objects.select_related("person").order_by("position", "joined_on", "id"),
            ),
            Prefetch(
                "areas",
                queryset=AchievementArea.objects.filter(parent__isnull=True).prefetch_related(
                    "items", Prefetch("children", queryset=AchievementArea.objects.prefetch_related("items"))
                ),
                to_attr="top_areas",
            ),
            "items",
        )

    def for_user(self, user) -> "ReportQuerySet":
        if user.is_superuser:
            return self
        return self.filter(term__organization__affiliations__user=user)

    def with_publication(self) -> "ReportQuerySet":
        """Annotates what delegates may read: `public_token`, the active public link's token,
        and `published_version`, the newest published version (each None without).

        The publishing app's tables are reached through their relations, not imported: it
        builds on this one.
        """
        return self.annotate(
            public_token=Max("public_links__token", filter=Q(public_links__revoked_at__isnull=True)),
            published_version=Max("publications__version"),
        )


class Report(models.Model):
    """The committee's end-of-term self-assessment report (báo cáo kiểm điểm)."""

    term = models.ForeignKey(Term, on_delete=models.CASCADE, related_name="reports", verbose_name=_("term"))
    number = models.PositiveSmallIntegerField(
        _("number"),
        validators=[MinValueValidator(1)],
        help_text=_("The document number, e.g. 3 for “Số: 03/BC-CĐCS”."),
    )
    place = NFCCharField(
        _("place"), max_length=100, blank=True, help_text=_("Empty: the union's place name.")
    )
    date = models.DateField(_("date"))
    opening = NFCTextField(_("opening paragraph"), blank=True, max_length=PROSE_LIMIT)
    personnel_remarks = NFCTextField(
        _("remarks on the committee"),
        blank=True,
        max_length=PROSE_LIMIT,
        help_text=_(
            "Sentences printed just before the qualification figures of part I, in the same bullet point."
        ),
    )
    personnel_closing = NFCTextField(
        _("assessment of the committee"),
        blank=True,
        max_length=PROSE_LIMIT,
        help_text=_("The closing paragraph of part I, one paragraph per line."),
    )
    personnel_text = NFCTextField(
        _("part I as written"),
        blank=True,
        max_length=PROSE_LIMIT,
        help_text=_(
            "Empty: part I is counted from the committee table. Filled (as an import does): part I prints "
            "this text instead, one paragraph per line, a bullet point starting with “- ”, a footnote "
            "written ^[like this]."
        ),
    )
    limitations_intro = NFCTextField(_("introduction to the limitations"), blank=True, max_length=ITEM_LIMIT)
    lessons_intro = NFCTextField(_("introduction to the lessons"), blank=True, max_length=ITEM_LIMIT)
    closing = NFCTextField(
        _("closing paragraphs"), blank=True, max_length=PROSE_LIMIT, help_text=_("One paragraph per line.")
    )
    signer = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("signed by"),
        help_text=_("Empty: the sitting chair on the report's date."),
    )
    recipients = NFCTextField(
        _("distribution list"),
        blank=True,
        max_length=2000,
        help_text=_("One recipient per line; “Lưu: VT.” is added at the end."),
    )

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        REVIEW = "review", _("In review")
        APPROVED = "approved", _("Approved")
        PUBLISHED = "published", _("Published")

    unplaced = NFCTextField(
        _("imported text not yet placed"),
        blank=True,
        max_length=UNPLACED_LIMIT,
        help_text=_(
            "What an imported document held that has no place in the report. It is not printed: "
            "move what you need into the report, then empty this field."
        ),
    )

    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.CheckConstraint(condition=Q(number__gte=1), name="reports_report_number_positive"),
        ]

    def __str__(self) -> str:
        return f"Báo cáo kiểm điểm BCH {self.term.label}"

    def get_absolute_url(self) -> str:
        return reverse("reports:detail", args=[self.pk])

    @property
    def public_page_url(self) -> str | None:
        """The public page of the published version, or None; needs `with_publication()`."""
        if self.public_token is None or self.published_version is None:
            return None
        return reverse("publishing:public", args=[self.public_token])

    def clean(self) -> None:
        if self.term_id and self.date:
            term = self.term
            if not term.takes_report_on(self.date):
                raise ValidationError(
                    {
                        "date": ValidationError(
                            _(
                                "The report's date must fall between the congress of %(date)s and the end of %(year)s."
                            ),
                            code="date_outside_term",
                            params={
                                "date": term.congress_date.strftime("%d/%m/%Y"),
                                "year": term.end_year + 1,
                            },
                        )
                    }
                )

    @property
    def organization(self):
        return self.term.organization


class AchievementArea(models.Model):
    """A numbered area of part II; areas may hold sub-areas one level down (1.1., 1.2.)."""

    report = models.ForeignKey(
        Report, on_delete=models.CASCADE, related_name="areas", verbose_name=_("report")
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent area"),
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    title = NFCCharField(
        _("title"),
        max_length=300,
        blank=True,
        help_text=_("Empty: the number runs into the first paragraph."),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("achievement area")
        verbose_name_plural = _("achievement areas")
        constraints = [
            models.CheckConstraint(
                condition=~Q(parent=models.F("id")), name="reports_achievementarea_not_own_parent"
            ),
        ]

    def __str__(self) -> str:
        return self.title or str(_("(untitled area)"))


class AchievementItem(models.Model):
    """A paragraph or a bullet point under an area."""

    class Kind(models.TextChoices):
        PARAGRAPH = "paragraph", _("Paragraph")
        BULLET = "bullet", _("Bullet point")

    area = models.ForeignKey(
        AchievementArea, on_delete=models.CASCADE, related_name="items", verbose_name=_("area")
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.BULLET)
    text = NFCTextField(_("text"), max_length=ITEM_LIMIT)
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("achievement")
        verbose_name_plural = _("achievements")
        constraints = [
            models.CheckConstraint(condition=~Q(text=""), name="reports_achievementitem_text_not_empty"),
        ]

    def __str__(self) -> str:
        return self.text[:80]


class ReportItem(models.Model):
    """One limitation, cause or lesson: the lists of parts III and IV."""

    class Kind(models.TextChoices):
        LIMITATION = "limitation", _("Limitation")
        CAUSE = "cause", _("Cause")
        LESSON = "lesson", _("Lesson")

    report = models.ForeignKey(
        Report, on_delete=models.CASCADE, related_name="items", verbose_name=_("report")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    text = NFCTextField(_("text"), max_length=ITEM_LIMIT)
    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "position", "id"]
        verbose_name = _("limitation, cause or lesson")
        verbose_name_plural = _("limitations, causes and lessons")
        constraints = [
            models.CheckConstraint(condition=~Q(text=""), name="reports_reportitem_text_not_empty"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text[:60]}"
