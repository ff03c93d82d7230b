"""Who may do what in which union."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from unionreports.committee.models import Organization


class Affiliation(models.Model):
    """A user's role in one union; a user may belong to several unions."""

    class Role(models.TextChoices):
        SECRETARY = "secretary", _("Secretary")
        MEMBER = "member", _("Committee member")
        DELEGATE = "delegate", _("Delegate")

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
