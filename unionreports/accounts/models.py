"""Who may do what in which union."""

import datetime
import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from unionreports.committee.models import Organization


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

    class Meta:
        ordering = ["organization", "user"]
        verbose_name = _("affiliation")
        verbose_name_plural = _("affiliations")
        constraints = [
            models.UniqueConstraint(fields=["user", "organization"], name="accounts_affiliation_unique_user"),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.organization} ({self.get_role_display()})"

    @property
    def can_write(self) -> bool:
        return self.role == self.Role.SECRETARY

    @property
    def reads_drafts(self) -> bool:
        return self.role in self.READS_DRAFTS


class InvitationQuerySet(models.QuerySet):
    def open(self) -> "InvitationQuerySet":
        cutoff = timezone.now() - Invitation.VALID_FOR
        return self.filter(accepted_at__isnull=True, created_at__gte=cutoff)


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
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.email} → {self.organization} ({self.get_role_display()})"

    def get_absolute_url(self) -> str:
        return reverse("accept_invitation", args=[self.token])
