"""Telling people what happened to a report: a notice on the site, and an e-mail unless turned off.

The publishing services call the event functions below (`round_opened`, …) inside their
transaction; the notices are saved with the action, and e-mails are queued for after it
commits, so a failed send never undoes what the user did.
"""

from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from unionreports.accounts.mail import absolute_url, send_later
from unionreports.accounts.models import Affiliation
from unionreports.reports.models import Report

from .models import Notice

QUOTE_LENGTH = 300


def notify(
    *, recipients: Iterable[int], kind: str, report: Report, actor, target: str, what: str = ""
) -> list[Notice]:
    """One notice to each of `recipients` (user ids) but the actor; e-mailed to those who want it."""
    actor_id = actor.pk if actor is not None else None
    ids = sorted({pk for pk in recipients if pk != actor_id})
    if not ids:
        return []
    notices = Notice.objects.bulk_create(
        Notice(recipient_id=pk, kind=kind, report=report, actor=actor, target=target, what=what) for pk in ids
    )
    users = (
        get_user_model()
        .objects.filter(pk__in=ids, is_active=True)
        .exclude(email="")
        .select_related("profile")
    )
    for user in users:
        profile = getattr(user, "profile", None)
        if profile is None or profile.email_notices:
            _mail(next(n for n in notices if n.recipient_id == user.pk), report=report, to=user.email)
    return notices


def _mail(notice: Notice, *, report: Report, to: str) -> None:
    # In the site's language: who reads the e-mail, and in which language, is not known here.
    with translation.override(settings.LANGUAGE_CODE):
        headline = notice.headline()
        lines = [headline, "", _("Report: %(report)s") % {"report": report}]
        if notice.quote:
            lines += ["", f"«{notice.quote}»"]
        lines += [
            "",
            _("Open: %(link)s") % {"link": absolute_url(notice.target)},
            "",
            _("You can stop these e-mails on your account page: %(link)s")
            % {"link": absolute_url(reverse("account"))},
        ]
        send_later(subject=_("[Union reports] %(what)s") % {"what": headline}, body="\n".join(lines), to=to)


def _roles(report: Report, *roles: str) -> list[int]:
    return list(
        Affiliation.objects.filter(organization_id=report.term.organization_id, role__in=roles).values_list(
            "user_id", flat=True
        )
    )


def _review(report: Report, fragment: str = "") -> str:
    return reverse("publishing:review", args=[report.pk]) + fragment


def round_opened(review_round) -> list[Notice]:
    """A review round was opened: to the committee members with an account."""
    report = review_round.report
    return notify(
        recipients=_roles(report, Affiliation.Role.MEMBER),
        kind=Notice.Kind.ROUND_OPENED,
        report=report,
        actor=review_round.started_by,
        target=_review(report),
        what=str(review_round.number),
    )


def verdict_given(verdict) -> list[Notice]:
    """A member answered: to the union's secretaries."""
    report = verdict.round.report
    return notify(
        recipients=_roles(report, Affiliation.Role.SECRETARY),
        kind=Notice.Kind.VERDICT,
        report=report,
        actor=verdict.user,
        target=_review(report),
        what=verdict.decision,
    )


def comment_added(comment) -> list[Notice]:
    """A comment or a reply: to the secretaries and everyone else who wrote in its thread."""
    report = comment.report
    thread = comment.parent or comment
    participants = [thread.author_id, *thread.replies.values_list("author_id", flat=True)]
    text = " ".join(comment.text.split())
    return notify(
        recipients=[*_roles(report, Affiliation.Role.SECRETARY), *participants],
        kind=Notice.Kind.REPLY if comment.parent_id else Notice.Kind.COMMENT,
        report=report,
        actor=comment.author,
        target=_review(report, f"#comment-{comment.pk}"),
        what=text if len(text) <= QUOTE_LENGTH else text[: QUOTE_LENGTH - 1] + "…",
    )


def report_published(publication) -> list[Notice]:
    """A version was published: to the committee, its secretaries included."""
    report = publication.report
    return notify(
        recipients=_roles(report, Affiliation.Role.MEMBER, Affiliation.Role.SECRETARY),
        kind=Notice.Kind.PUBLISHED,
        report=report,
        actor=publication.published_by,
        target=report.get_absolute_url(),
        what=str(publication.version),
    )


def mark_read(*, user, notice: Notice | None = None) -> int:
    """Marks one of the user's notices read, or all of them; how many were unread."""
    unread = Notice.objects.filter(recipient=user, read_at__isnull=True)
    if notice is not None:
        unread = unread.filter(pk=notice.pk)
    return unread.update(read_at=timezone.now())
