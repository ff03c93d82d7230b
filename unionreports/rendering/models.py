"""Rendered PDF and Word files, kept in the database so every app server behind it shares them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RenderedDocument(models.Model):
    """The PDF or DOCX bytes of one document version, keyed by the hash of what was rendered."""

    key = models.CharField(
        _("key"),
        max_length=64,
        unique=True,
        help_text=_(
            "SHA-256 of the document and of what lays it out (stylesheet and fonts, or the Word writer)."
        ),
    )
    # What the render belongs to ("report-12", the review record "record-12") and the digest of
    # the text rendered: when a newer text of the same subject is rendered, this one goes.
    subject = models.CharField(_("subject"), max_length=64, blank=True, db_index=True)
    text = models.CharField(_("digest of the text"), max_length=64, blank=True)
    content = models.BinaryField(_("content"))
    size = models.PositiveIntegerField(_("size in bytes"))
    sha256 = models.CharField(_("SHA-256 of the file"), max_length=64)
    render_seconds = models.FloatField(_("render time (s)"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("rendered file")
        verbose_name_plural = _("rendered files")

    def __str__(self) -> str:
        return f"{self.key[:12]} ({self.size} B)"
