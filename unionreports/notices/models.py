"""What a person is told about a report: a review round opened, an answer, a comment, a publication."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from unionreports.accounts.models import Affiliation
from unionreports.accounts.names import display_name
from unionreports.reports.models import Report


class NoticeQuerySet(models.QuerySet):
    def for_user(self, user) -> "NoticeQuerySet":
        """The user's notices about reports of the unions the user still belongs to.

        The unions as a subquery rather than joined: the same rows, planned in half the time
        (the plan's cost, not the rows read, grows with the tables' statistics)."""
        unions = Affiliation.objects.filter(user=user).values("organization_id")
        return self.filter(recipient=user, report__term__organization_id__in=unions)

    def unread(self) -> "NoticeQuerySet":
        return self.filter(read_at__isnull=True)


class Notice(models.Model):
    class Kind(models.TextChoices):
        ROUND_OPENED = "round_opened", _("Sent for review")
        VERDICT = "verdict", _("Answer of a member")
        COMMENT = "comment", _("Comment")
        REPLY = "reply", _("Reply")
        PUBLISHED = "published", _("Published")

    HEADLINES = {
        Kind.ROUND_OPENED: _("%(actor)s sent the report to the committee for review (round %(what)s)."),
        (Kind.VERDICT, "approve"): _("%(actor)s approves the report."),
        (Kind.VERDICT, "changes"): _("%(actor)s asks for changes to the report."),
        Kind.COMMENT: _("%(actor)s commented on the report."),
        Kind.REPLY: _("%(actor)s replied to a comment."),
        Kind.PUBLISHED: _("%(actor)s published the report (version %(what)s)."),
    }
    # Kinds whose `what` is the person's own words, shown as a quote.
    QUOTED = (Kind.COMMENT, Kind.REPLY)

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notices",
        verbose_name=_("recipient"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    report = models.ForeignKey(
        Report, on_delete=models.CASCADE, related_name="notices", verbose_name=_("report")
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    what = models.TextField(
        _("what"),
        blank=True,
        help_text=_("The round or version number, the answer given, or the start of the comment."),
    )
    # A path on this site ("/reports/5/review/#comment-9"); the e-mail puts SITE_URL before it.
    target = models.CharField(_("link"), max_length=300)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    objects = NoticeQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        indexes = [
            models.Index(fields=["recipient", "-created_at"], name="notices_notice_recipient_idx"),
            models.Index(
                fields=["recipient"], condition=Q(read_at__isnull=True), name="notices_notice_unread_idx"
            ),
        ]
        constraints = [
            # Only paths of this site: opening a notice never leads elsewhere.
            models.CheckConstraint(
                condition=Q(target__startswith="/") & ~Q(target__startswith="//"),
                name="notices_notice_target_on_site",
            ),
        ]

    def __str__(self) -> str:
        return self.headline()

    def get_absolute_url(self) -> str:
        return reverse("notices:open", args=[self.pk])

    def headline(self) -> str:
        """One sentence saying who did what; reads `actor.profile` (select_related it in lists)."""
        key = (self.kind, self.what) if self.kind == self.Kind.VERDICT else self.kind
        template = self.HEADLINES.get(key, self.get_kind_display())
        actor = display_name(self.actor) if self.actor else _("Someone")
        return str(template) % {"actor": actor, "what": self.what}

    @property
    def quote(self) -> str:
        return self.what if self.kind in self.QUOTED else ""

    @property
    def is_read(self) -> bool:
        return self.read_at is not None
