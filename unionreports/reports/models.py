"""The report: its heading data, its outline of parts and sections, and their items."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Max, Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from unionreports.committee.models import Membership, Organization, Person, Term
from unionreports.fields import NFCCharField, NFCTextField


# The kinds are declared in `kinds`, which reads these models: asked for when needed, not at import.
def report_kind_choices() -> list[tuple[str, str]]:
    from .kinds import REPORT_KINDS

    return [(kind.slug, kind.label) for kind in REPORT_KINDS.values()]


def part_kind_choices() -> list[tuple[str, str]]:
    from .kinds import PART_KINDS

    return [(kind.slug, kind.label) for kind in PART_KINDS.values()]


# Sane lengths for what a secretary types: a paragraph or list item, and a block of prose.
ITEM_LIMIT = 4000
PROSE_LIMIT = 12000
# Leftovers of an imported document: a whole unrecognised part may land here.
UNPLACED_LIMIT = 100_000


class ReportQuerySet(models.QuerySet):
    def with_document_data(self) -> "ReportQuerySet":
        """Everything `compose_report` reads, in a fixed number of queries (7)."""
        return self.select_related("term__organization", "signer").prefetch_related(
            Prefetch(
                "term__memberships",
                queryset=Membership.objects.select_related("person").order_by("position", "joined_on", "id"),
            ),
            Prefetch(
                "sections",
                queryset=ReportSection.objects.prefetch_related(
                    "items", Prefetch("areas", queryset=AchievementArea.objects.prefetch_related("items"))
                ),
            ),
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
    kind = models.CharField(
        _("kind of report"),
        max_length=30,
        choices=report_kind_choices,
        default="kiem_diem",
        help_text=_("Sets the title, the subject line and how the parts are numbered."),
    )
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

    unplaced = NFCTextField(
        _("imported text not yet placed"),
        blank=True,
        max_length=UNPLACED_LIMIT,
        help_text=_(
            "What an imported document held that has no place in the report. It is not printed: "
            "move what you need into the report, then empty this field."
        ),
    )

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
        from .kinds import REPORT_KINDS  # declared over these models: see report_kind_choices

        return f"{REPORT_KINDS[self.kind].name} {self.term.label}"

    def get_absolute_url(self) -> str:
        return reverse("reports:detail", args=[self.pk])

    @property
    def render_subject(self) -> str:
        """What the stored renders of the report's text are filed under: a newer text's evict them."""
        return f"report-{self.pk}"

    @property
    def record_subject(self) -> str:
        """The same for the renders of the record of its review."""
        return f"record-{self.pk}"

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


class ReportSection(models.Model):
    """A part of the report's outline (I., II. or "Phần thứ nhất") or a section inside one (1., 2.).

    Its `kind` (a `kinds.PartKind`) says what it holds and how it is edited, composed and
    imported: the committee's figures, numbered areas, a list, prose, or sections of its own.
    Its number is never stored: it follows from its place among the sections that print.
    """

    report = models.ForeignKey(
        Report, on_delete=models.CASCADE, related_name="sections", verbose_name=_("report")
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("inside"),
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    kind = models.CharField(_("kind"), max_length=20, choices=part_kind_choices)
    title = NFCCharField(_("title"), max_length=300, blank=True)
    text = NFCTextField(
        _("text"),
        blank=True,
        max_length=PROSE_LIMIT,
        help_text=_(
            "One paragraph per line; a bullet point starts with “- ”; a footnote is written ^[like this]."
        ),
    )
    remarks = NFCTextField(_("remarks"), blank=True, max_length=PROSE_LIMIT)
    closing = NFCTextField(_("closing paragraphs"), blank=True, max_length=PROSE_LIMIT)
    numbered = models.BooleanField(
        _("numbered items"), default=False, help_text=_("Items numbered 1., 2., … instead of bullet points.")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("part or section")
        verbose_name_plural = _("parts and sections")
        constraints = [
            models.CheckConstraint(
                condition=~Q(parent=models.F("id")), name="reports_reportsection_not_own_parent"
            ),
        ]

    def __str__(self) -> str:
        return self.title or str(self.get_kind_display())

    def get_absolute_url(self) -> str:
        return reverse("reports:section", args=[self.report_id, self.pk])

    @property
    def anchor(self) -> str:
        return f"section-{self.pk}"

    def clean(self) -> None:
        from .kinds import PART_KINDS  # declared over these models: see part_kind_choices

        parent = self.parent
        # A form adding a section has no report yet: the service that saves it checks that part.
        other_report = (
            self.report_id is not None and parent is not None and parent.report_id != self.report_id
        )
        holds = parent is None or (parent.kind in PART_KINDS and PART_KINDS[parent.kind].holds_sections)
        if other_report or not holds:
            raise ValidationError(
                {
                    "parent": ValidationError(
                        _("Sections go inside a part of the same report that holds sections."),
                        code="not_a_group",
                    )
                }
            )


class AchievementArea(models.Model):
    """A numbered area of an "areas" section; areas may hold sub-areas one level down (1.1., 1.2.)."""

    section = models.ForeignKey(
        ReportSection, on_delete=models.CASCADE, related_name="areas", verbose_name=_("section")
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

    @property
    def anchor(self) -> str:
        return f"area-{self.pk}"


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
    """One item of a list section: a limitation, a cause, a lesson, a target…"""

    section = models.ForeignKey(
        ReportSection, on_delete=models.CASCADE, related_name="items", verbose_name=_("section")
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    text = NFCTextField(_("text"), max_length=ITEM_LIMIT)
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("list item")
        verbose_name_plural = _("list items")
        constraints = [
            models.CheckConstraint(condition=~Q(text=""), name="reports_reportitem_text_not_empty"),
        ]

    def __str__(self) -> str:
        return self.text[:80]


class OutlineTemplate(models.Model):
    """A union's own outline, saved from one of its reports, to start new reports from."""

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="outline_templates", verbose_name=_("union")
    )
    name = NFCCharField(_("name"), max_length=120)
    kind = models.CharField(_("kind of report"), max_length=30, choices=report_kind_choices)
    # [{"kind": "list", "title": "…", "numbered": false, "children": […]}, …] (`kinds.Outline`).
    outline = models.JSONField(_("parts and sections"), default=list)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["organization", "name"]
        verbose_name = _("outline template")
        verbose_name_plural = _("outline templates")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "name"], name="reports_outlinetemplate_unique_name"
            ),
        ]

    def __str__(self) -> str:
        return self.name


def check_text_lengths(instance) -> None:
    """The length limits of text fields, which Django leaves to the forms: for writes without a form."""
    errors = {}
    for field in instance._meta.concrete_fields:
        value = getattr(instance, field.attname)
        if isinstance(value, str) and field.max_length and len(value) > field.max_length:
            errors[field.name] = ValidationError(
                _("%(length)s characters: more than the %(limit)s allowed."),
                code="too_long",
                params={"length": len(value), "limit": field.max_length},
            )
    if errors:
        raise ValidationError(errors)


class DismissedFinding(models.Model):
    """A proofreading finding the secretary judged not a slip in this report: not shown again while
    its passage stays as it is (`Finding.key`)."""

    report = models.ForeignKey(
        Report, on_delete=models.CASCADE, related_name="dismissed_findings", verbose_name=_("report")
    )
    key = models.CharField(_("finding"), max_length=64)
    # What was dismissed, in words, for the list of dismissed findings.
    kind = models.CharField(_("kind"), max_length=30)
    text = NFCCharField(_("passage"), max_length=200)
    dismissed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("dismissed by"),
    )
    dismissed_at = models.DateTimeField(_("dismissed"), auto_now_add=True)

    class Meta:
        ordering = ["report", "dismissed_at"]
        verbose_name = _("dismissed finding")
        verbose_name_plural = _("dismissed findings")
        constraints = [
            models.UniqueConstraint(fields=["report", "key"], name="reports_dismissedfinding_unique_key"),
        ]

    def __str__(self) -> str:
        return self.text
