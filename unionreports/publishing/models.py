"""Published versions of a report, frozen, and the public links delegates open."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from unionreports.reports.models import Report


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Publication(models.Model):
    """One published version: the HTML and PDF exactly as delegates receive them."""

    report = models.ForeignKey(
        Report, on_delete=models.PROTECT, related_name="publications", verbose_name=_("report")
    )
    version = models.PositiveSmallIntegerField(_("version"))
    html = models.TextField(_("HTML"), help_text=_("The document as the public page shows it."))
    pdf = models.BinaryField(_("PDF"))
    sha256 = models.CharField(_("SHA-256 of the PDF"), max_length=64)
    published_at = models.DateTimeField(_("published"), auto_now_add=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("published by"),
    )

    class Meta:
        ordering = ["report", "-version"]
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        constraints = [
            models.UniqueConstraint(
                fields=["report", "version"], name="publishing_publication_unique_version"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.report} – v{self.version}"


class PublicLink(models.Model):
    """The unguessable address of a report's published version; revoked links stop working."""

    report = models.ForeignKey(
        Report, on_delete=models.CASCADE, related_name="public_links", verbose_name=_("report")
    )
    token = models.CharField(_("token"), max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("public link")
        verbose_name_plural = _("public links")
        constraints = [
            models.UniqueConstraint(
                fields=["report"],
                condition=Q(revoked_at__isnull=True),
                name="publishing_publiclink_one_active",
            ),
        ]

    def __str__(self) -> str:
        return self.get_absolute_url()

    def get_absolute_url(self) -> str:
        return reverse("publishing:public", args=[self.token])
