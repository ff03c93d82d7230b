"""Records of a union, its terms and its executive committee (Ban Chấp hành)."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from unionreports.fields import NFCCharField
from unionreports.lib.printable import has_unprintable


def validate_one_line(value: str) -> None:
    """Names go into headers, file names and document properties: one printable line."""
    if has_unprintable(value):
        raise ValidationError(
            _("Use no line breaks, tabs or other control characters here."), code="unprintable"
        )


class Organization(models.Model):
    """A grassroots union (Công đoàn cơ sở)."""

    name = NFCCharField(
        _("name"),
        max_length=200,
        validators=[validate_one_line],
        help_text=_("As written in the header, e.g. “Công đoàn Ban Tổ chức Tỉnh ủy”."),
    )
    parent_name = NFCCharField(
        _("direct superior union"),
        max_length=200,
        validators=[validate_one_line],
        help_text=_("The first line of the left header, e.g. “Công đoàn Viên chức tỉnh Hà Tĩnh”."),
    )
    place_name = NFCCharField(
        _("place name"),
        max_length=100,
        validators=[validate_one_line],
        help_text=_("Used in the date line, e.g. “Hà Tĩnh”."),
    )
    document_code = NFCCharField(
        _("document code"),
        max_length=30,
        validators=[validate_one_line],
        default="BC-CĐCS",
        help_text=_("The part of a report number after the slash, e.g. “BC-CĐCS”."),
    )

    class Approval(models.TextChoices):
        ALL = "all", _("Every committee member")
        MAJORITY = "majority", _("A majority of the committee members")

    approval_rule = models.CharField(
        _("approval needed to publish"), max_length=20, choices=Approval.choices, default=Approval.ALL
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("union")
        verbose_name_plural = _("unions")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("committee:organization", args=[self.pk])


# Years a term of a Vietnamese union can have: from the founding of the unions to far ahead.
YEARS = [MinValueValidator(1945), MaxValueValidator(2100)]


class Term(models.Model):
    """A five-year term (nhiệm kỳ) of a union, opened by its congress."""

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="terms", verbose_name=_("union")
    )
    start_year = models.PositiveSmallIntegerField(_("first year"), validators=YEARS)
    end_year = models.PositiveSmallIntegerField(_("last year"), validators=YEARS)
    congress_date = models.DateField(
        _("congress date"), help_text=_("The day the term's committee was elected.")
    )
    committee_size = models.PositiveSmallIntegerField(
        _("committee size elected"),
        validators=[MinValueValidator(1), MaxValueValidator(99)],
        help_text=_("How many committee members the congress elected."),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["organization", "-start_year"]
        verbose_name = _("term")
        verbose_name_plural = _("terms")
        constraints = [
            models.CheckConstraint(
                condition=Q(start_year__lt=F("end_year")), name="committee_term_start_before_end"
            ),
            models.CheckConstraint(condition=Q(committee_size__gte=1), name="committee_term_size_positive"),
            models.UniqueConstraint(
                fields=["organization", "start_year"], name="committee_term_unique_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization} – {self.label}"

    @property
    def label(self) -> str:
        return f"nhiệm kỳ {self.start_year} – {self.end_year}"

    @property
    def years(self) -> str:
        return f"{self.start_year} – {self.end_year}"

    def takes_report_on(self, day) -> bool:
        """A report is written during the term or at its end, for the next congress (2017–2022: 2023)."""
        return self.congress_date <= day and day.year <= self.end_year + 1

    def clean(self) -> None:
        errors = {}
        if self.start_year and self.end_year and self.start_year >= self.end_year:
            errors["end_year"] = ValidationError(
                _("The last year must come after the first year."), code="years_out_of_order"
            )
        if self.congress_date and self.start_year and self.congress_date.year != self.start_year:
            errors["congress_date"] = ValidationError(
                _("The congress must be held in the term's first year."), code="congress_outside_term"
            )
        if errors:
            raise ValidationError(errors)


class Person(models.Model):
    """Someone who sits or sat on a committee of the union."""

    class Qualification(models.TextChoices):
        POSTGRADUATE = "postgraduate", _("Postgraduate")
        UNIVERSITY = "university", _("University")
        COLLEGE = "college", _("College")
        VOCATIONAL = "vocational", _("Vocational or secondary")
        NONE = "none", _("No professional qualification")

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="people", verbose_name=_("union")
    )
    full_name = NFCCharField(_("full name"), max_length=100)
    qualification = models.CharField(
        _("professional qualification"),
        max_length=20,
        choices=Qualification.choices,
        default=Qualification.UNIVERSITY,
    )
    union_trained = models.BooleanField(
        _("trained in union work"),
        default=False,
        help_text=_("Has attended training in union work (tập huấn nghiệp vụ công đoàn)."),
    )
    is_sample = models.BooleanField(
        _("sample person"), default=False, help_text=_("A made-up name in demonstration data.")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["full_name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return self.full_name

    @property
    def has_degree(self) -> bool:
        return self.qualification in {self.Qualification.POSTGRADUATE, self.Qualification.UNIVERSITY}


class Membership(models.Model):
    """One person's seat on a term's executive committee, from joining to leaving."""

    class Role(models.TextChoices):
        CHAIR = "chair", _("Chair")
        VICE_CHAIR = "vice_chair", _("Vice-chair")
        MEMBER = "member", _("Member")

    class Joined(models.TextChoices):
        ELECTED = "elected", _("Elected at the congress")
        BY_ELECTION = "by_election", _("By-election")
        APPOINTED = "appointed", _("Appointed by the superior union")

    class LeftReason(models.TextChoices):
        TRANSFER = "transfer", _("Transfer")
        RETIREMENT = "retirement", _("Retirement")
        RESIGNATION = "resignation", _("Resignation")
        OTHER = "other", _("Other")

    term = models.ForeignKey(
        Term, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("term")
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="memberships", verbose_name=_("person")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    joined_how = models.CharField(
        _("joined by"), max_length=20, choices=Joined.choices, default=Joined.ELECTED
    )
    joined_on = models.DateField(_("joined on"))
    left_on = models.DateField(_("left on"), null=True, blank=True)
    left_reason = models.CharField(
        _("reason for leaving"), max_length=20, choices=LeftReason.choices, blank=True
    )
    left_destination = NFCCharField(
        _("where they went"),
        max_length=300,
        blank=True,
        help_text=_(
            "Completes “transferred to …”, e.g. “Sở NN&PTNT và được bổ nhiệm giữ chức Phó Giám đốc Sở”."
        ),
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["term", "position", "joined_on", "id"]
        verbose_name = _("committee membership")
        verbose_name_plural = _("committee memberships")
        constraints = [
            models.UniqueConstraint(fields=["term", "person"], name="committee_membership_unique_person"),
            models.CheckConstraint(
                condition=Q(left_on__isnull=True) | Q(left_on__gte=F("joined_on")),
                name="committee_membership_left_after_joined",
            ),
            # A reason is given exactly when a leaving date is.
            models.CheckConstraint(
                condition=(Q(left_on__isnull=True) & Q(left_reason=""))
                | (Q(left_on__isnull=False) & ~Q(left_reason="")),
                name="committee_membership_reason_with_leaving",
            ),
            # Two sitting chairs at once; earlier chairs have a leaving date.
            models.UniqueConstraint(
                fields=["term"],
                condition=Q(role="chair", left_on__isnull=True),
                name="committee_membership_one_sitting_chair",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.get_role_display()} ({self.term.years})"

    @property
    def has_left(self) -> bool:
        return self.left_on is not None

    def sits_on(self, day: datetime.date) -> bool:
        """On the committee that day: joined by then and not yet left."""
        return self.joined_on <= day and not (self.left_on and self.left_on <= day)

    def clean(self) -> None:
        errors: dict[str, ValidationError] = {}
        if self.left_on and self.joined_on and self.left_on < self.joined_on:
            errors["left_on"] = ValidationError(
                _("A member cannot leave before joining."), code="left_before_joined"
            )
        if self.left_on and not self.left_reason:
            errors["left_reason"] = ValidationError(_("Say why the member left."), code="reason_missing")
        if self.left_reason and not self.left_on:
            errors["left_on"] = ValidationError(_("Give the date the member left."), code="left_on_missing")
        if self.term_id and self.person_id and self.person.organization_id != self.term.organization_id:
            errors["person"] = ValidationError(_("This person belongs to another union."), code="other_union")
        if self.term_id and self.joined_on:
            term = self.term
            if not (term.start_year <= self.joined_on.year <= term.end_year):
                errors["joined_on"] = ValidationError(
                    _("The date must fall within the term %(years)s.") % {"years": term.years},
                    code="outside_term",
                )
            if self.left_on and self.left_on.year > term.end_year + 1:
                errors["left_on"] = ValidationError(
                    _("The date must fall within the term %(years)s.") % {"years": term.years},
                    code="outside_term",
                )
            if self.joined_how == self.Joined.ELECTED and self.joined_on != term.congress_date:
                errors["joined_on"] = ValidationError(
                    _("Members elected at the congress join on the congress date."), code="not_congress_date"
                )
        if self.role == self.Role.CHAIR and self.term_id and self.joined_on and not errors:
            if self._overlapping_chairs().exists():
                errors["role"] = ValidationError(
                    _("The committee already has a chair during this period."), code="two_chairs"
                )
        if errors:
            raise ValidationError(errors)

    def _overlapping_chairs(self) -> models.QuerySet:
        others = Membership.objects.filter(term_id=self.term_id, role=self.Role.CHAIR).exclude(pk=self.pk)
        others = others.filter(Q(left_on__isnull=True) | Q(left_on__gt=self.joined_on))
        if self.left_on:
            others = others.filter(joined_on__lt=self.left_on)
        return others
