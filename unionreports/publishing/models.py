"""Published versions of a report, frozen, and the public links delegates open."""

import secrets

from django.conf import settings
from django.core.validators import ProhibitNullCharactersValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from unionreports.lib.filenames import safe_file_name
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
    # Frozen with the bytes: renaming the union later doesn't rename what delegates download.
    file_name = models.CharField(_("file name"), max_length=255, blank=True)
    digest = models.CharField(
        _("digest of the text"),
        max_length=64,
        blank=True,
        help_text=_("The digest of the document published: the one the committee approved."),
    )
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

    @staticmethod
    def name_for(organization_name: str, version: int) -> str:
        """The PDF's file name: the union's name as it is when the version is published."""
        return safe_file_name(f"Báo cáo {organization_name} (bản {version}).pdf")


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


class ReviewRound(models.Model):
    """A draft sent to the committee: the text as it was then, to compare the next round with."""

    report = models.ForeignKey(
        Report, on_delete=models.CASCADE, related_name="rounds", verbose_name=_("report")
    )
    number = models.PositiveSmallIntegerField(_("round"))
    snapshot = models.JSONField(_("text of each section"), default=dict)
    digest = models.CharField(_("digest of the text sent"), max_length=64, blank=True)
    closed_at = models.DateTimeField(
        _("taken back"),
        null=True,
        blank=True,
        help_text=_("When the secretary took the report back to draft."),
    )
    started_at = models.DateTimeField(_("sent"), auto_now_add=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("sent by"),
    )

    class Meta:
        ordering = ["report", "-number"]
        verbose_name = _("review round")
        verbose_name_plural = _("review rounds")
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="publishing_reviewround_unique_number")
        ]

    def __str__(self) -> str:
        return f"{self.report} – {self.number}"


class Verdict(models.Model):
    """A committee member's answer to a round: approve, or ask for changes."""

    class Decision(models.TextChoices):
        APPROVE = "approve", _("Approves")
        CHANGES = "changes", _("Asks for changes")

    round = models.ForeignKey(
        ReviewRound, on_delete=models.CASCADE, related_name="verdicts", verbose_name=_("round")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("member")
    )
    decision = models.CharField(_("decision"), max_length=20, choices=Decision.choices)
    # The digest of the exact document the member read: an approval counts only for that text.
    digest = models.CharField(_("digest of the text read"), max_length=64, blank=True)
    decided_at = models.DateTimeField(_("decided"), auto_now=True)

    class Meta:
        ordering = ["round", "user"]
        verbose_name = _("verdict")
        verbose_name_plural = _("verdicts")
        constraints = [
            models.UniqueConstraint(fields=["round", "user"], name="publishing_verdict_one_per_member")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_decision_display()}"


class Comment(models.Model):
    """A remark on a section of the report (or a reply to one); the secretary resolves it."""

    report = models.ForeignKey(
        Report, on_delete=models.CASCADE, related_name="comments", verbose_name=_("report")
    )
    round = models.ForeignKey(
        ReviewRound, on_delete=models.SET_NULL, null=True, related_name="comments", verbose_name=_("round")
    )
    # What it is about, by identity, never by number: "section-12", "area-7", an item of one:
    # "area-7/item-91", a paragraph without a record by its text: "opening/p-3f2a9c01d4", a
    # footnote: "area-7/item-91/note-1" (unionreports.document.lines). Moving or renumbering
    # sections moves no comment.
    anchor = models.CharField(_("section"), max_length=60)
    quote = models.TextField(
        _("about the text"), blank=True, help_text=_("The paragraph or item it is about, as it read then.")
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="replies",
        verbose_name=_("reply to"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("author")
    )
    # PostgreSQL stores no NUL in text: refused here, the member is told, nothing fails.
    text = models.TextField(_("comment"), max_length=4000, validators=[ProhibitNullCharactersValidator()])
    created_at = models.DateTimeField(_("written"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        constraints = [
            models.CheckConstraint(condition=~Q(text=""), name="publishing_comment_text_not_empty")
        ]

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def section_anchor(self) -> str:
        """The section it belongs to: "area-7/item-91" belongs to "area-7"."""
        return self.anchor.split("/")[0]


class TextVersion(models.Model):
    """The text of each section of a report as it was at one digest: what "what changed" compares with."""

    report = models.ForeignKey(
        Report, on_delete=models.CASCADE, related_name="text_versions", verbose_name=_("report")
    )
    digest = models.CharField(_("digest"), max_length=64)
    sections = models.JSONField(_("text of each section"), default=dict)
    # PostgreSQL keeps no order of a JSON object's keys: the reading order is kept beside them.
    order = models.JSONField(
        _("order of the sections"), default=list, blank=True, help_text=_("Their anchors, in reading order.")
    )
    # Headings and paragraphs in reading order with their identities, to tell moves from edits;
    # empty for texts kept before it was, which are compared by their sections' text.
    blocks = models.JSONField(
        _("blocks in reading order"),
        default=list,
        blank=True,
        help_text=_("Each heading and paragraph of the text, with the identity of what it was made from."),
    )
    created_at = models.DateTimeField(_("first seen"), auto_now_add=True)

    class Meta:
        ordering = ["report", "-created_at"]
        verbose_name = _("text version")
        verbose_name_plural = _("text versions")
        constraints = [
            models.UniqueConstraint(fields=["report", "digest"], name="publishing_textversion_unique_digest")
        ]

    def __str__(self) -> str:
        return f"{self.report} – {self.digest[:12]}"


class PublishedRecord(models.Model):
    """The record of the review ("Tổng hợp ý kiến góp ý") as it stood when a version was published."""

    publication = models.OneToOneField(
        Publication, on_delete=models.CASCADE, related_name="record", verbose_name=_("publication")
    )
    pdf = models.BinaryField(_("PDF"))
    pdf_sha256 = models.CharField(_("SHA-256 of the PDF"), max_length=64)
    docx = models.BinaryField(_("Word file"))
    docx_sha256 = models.CharField(_("SHA-256 of the Word file"), max_length=64)
    # Frozen with the bytes, as the publication's file name is.
    name = models.CharField(_("file name"), max_length=255, help_text=_("Without the extension."))

    class Meta:
        ordering = ["publication"]
        verbose_name = _("record of the review")
        verbose_name_plural = _("records of the review")

    def __str__(self) -> str:
        return f"{self.publication} – {self.name}"
