"""Who may do what in which union."""

import datetime
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from unionreports.committee.models import Organization, Person


def new_token() -> str:
    return secrets.token_urlsafe(32)


class Profile(models.Model):
    """What the app keeps about a person beside the login: the name as written, and e-mail choices."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile", verbose_name=_("user")
    )
    # One field, as Vietnamese write a name: family name first ("Nguyễn Thị Hoa").
    full_name = models.CharField(
        _("full name"),
        max_length=150,
        blank=True,
        help_text=_("Family name first, as on your identity card, e.g. Nguyễn Thị Hoa."),
    )
    email_notices = models.BooleanField(
        _("notices by e-mail"),
        default=True,
        help_text=_("Also send me each notice by e-mail. Notices are always shown on the site."),
    )

    class Meta:
        ordering = ["user"]
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self) -> str:
        return self.full_name or self.user.get_username()

    def get_absolute_url(self) -> str:
        return reverse("account")


class Affiliation(models.Model):
    """A user's role in one union; a user may belong to several unions."""

    class Role(models.TextChoices):
        SECRETARY = "secretary", _("Secretary")
        MEMBER = "member", _("Committee member")
        DELEGATE = "delegate", _("Delegate")

    # The committee reads a report as it is written; delegates only what it published.
    READS_DRAFTS = (Role.SECRETARY, Role.MEMBER)

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="affiliations",
        verbose_name=_("user"),
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="affiliations", verbose_name=_("union")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    # Who of the committee records this account is: approvals count for people, not accounts.
    person = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="affiliations",
        verbose_name=_("committee member"),
        help_text=_("The person of the committee records this account belongs to."),
    )

    class Meta:
        ordering = ["organization", "user"]
        verbose_name = _("affiliation")
        verbose_name_plural = _("affiliations")
        constraints = [
            models.UniqueConstraint(fields=["user", "organization"], name="accounts_affiliation_unique_user"),
            models.UniqueConstraint(
                fields=["organization", "person"],
                name="accounts_affiliation_unique_person",
                violation_error_message=_("This committee member already has an account."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.organization} ({self.get_role_display()})"

    @property
    def can_write(self) -> bool:
        return self.role == self.Role.SECRETARY

    @property
    def reads_drafts(self) -> bool:
        return self.role in self.READS_DRAFTS

    def clean(self) -> None:
        if self.person_id:
            check_person(self.person, self.organization_id, self.role)


def check_person(person: Person, organization_id: int, role: str) -> None:
    """An account or an invitation may be a committee member's: of the same union, not a delegate."""
    if person.organization_id != organization_id:
        raise ValidationError(
            {"person": ValidationError(_("This person belongs to another union."), code="other_union")}
        )
    if role not in Affiliation.READS_DRAFTS:
        raise ValidationError(
            {
                "person": ValidationError(
                    _("A delegate's account cannot be a committee member's."), code="delegate"
                )
            }
        )


class InvitationQuerySet(models.QuerySet):
    def pending(self) -> "InvitationQuerySet":
        """Neither accepted nor revoked, expired or not: the secretary may still resend them."""
        return self.filter(accepted_at__isnull=True, revoked_at__isnull=True)

    def open(self) -> "InvitationQuerySet":
        """Pending and within its validity: the link works."""
        cutoff = timezone.now() - Invitation.VALID_FOR
        return self.pending().filter(sent_at__gte=cutoff)


class Invitation(models.Model):
    """A one-time link with which someone joins a union with a given role."""

    VALID_FOR = datetime.timedelta(days=14)

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("union")
    )
    email = models.EmailField(_("e-mail"))
    role = models.CharField(_("role"), max_length=20, choices=Affiliation.Role.choices)
    token = models.CharField(_("token"), max_length=64, unique=True, default=new_token, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    person = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitations",
        verbose_name=_("committee member"),
        help_text=_("The person of the committee records the account will belong to."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # The link works for VALID_FOR from the last time it was sent: resending renews it.
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.email} → {self.organization} ({self.get_role_display()})"

    def get_absolute_url(self) -> str:
        return reverse("accept_invitation", args=[self.token])

    @property
    def expires_at(self) -> datetime.datetime:
        return self.sent_at + self.VALID_FOR

    @property
    def is_expired(self) -> bool:
        return self.expires_at < timezone.now()

    def clean(self) -> None:
        if not self.person_id:
            return
        check_person(self.person, self.organization_id, self.role)
        if Affiliation.objects.filter(
            organization_id=self.organization_id, person_id=self.person_id
        ).exists():
            raise ValidationError(
                {
                    "person": ValidationError(
                        _("This committee member already has an account."), code="has_account"
                    )
                }
            )
        waiting = Invitation.objects.pending().filter(person_id=self.person_id).exclude(pk=self.pk)
        if waiting.exists():
            raise ValidationError(
                {
                    "person": ValidationError(
                        _("This committee member has an invitation waiting: copy or resend it."),
                        code="invited",
                    )
                }
            )
