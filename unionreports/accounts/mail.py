"""E-mail sent outside the request, through Django's task interface.

`send_later` queues one message for when the current transaction commits; the task sends it.
A failed send never fails what the user did: with a backend that can run a task later (the
database backend in production) it is tried again a few times, a little later each time;
otherwise, and after the last try, it is logged.
"""

import datetime
import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)

ATTEMPTS = 4
# Waits before the 2nd, 3rd and 4th try.
BACKOFF = (datetime.timedelta(minutes=1), datetime.timedelta(minutes=10), datetime.timedelta(hours=1))


def absolute_url(path: str) -> str:
    """The site's address (`SITE_URL`) followed by `path`, for links in e-mails."""
    return settings.SITE_URL.rstrip("/") + path


@task()
def send_email(*, subject: str, body: str, to: str, attempt: int = 1) -> bool:
    """Sends one message; True when sent. A failure is retried or logged, never raised."""
    try:
        send_mail(subject, body, None, [to])
    except Exception:
        backend = send_email.get_backend()
        if attempt < ATTEMPTS and backend.supports_defer:
            logger.warning("E-mail to %s failed (try %s of %s); trying again later.", to, attempt, ATTEMPTS)
            _enqueue(
                subject=subject,
                body=body,
                to=to,
                attempt=attempt + 1,
                run_after=timezone.now() + BACKOFF[attempt - 1],
            )
        else:
            logger.exception("E-mail to %s could not be sent (try %s).", to, attempt)
        return False
    return True


def _enqueue(*, run_after: datetime.datetime | None = None, **message) -> None:
    try:
        (send_email.using(run_after=run_after) if run_after else send_email).enqueue(**message)
    except Exception:
        # The queue itself failed: what the user did stays done; the message is lost, and logged.
        logger.exception("E-mail to %s could not be queued.", message.get("to"))


def send_later(*, subject: str, body: str, to: str) -> None:
    """Queues the message once the current transaction commits (at once outside of one)."""
    if not to:
        return
    transaction.on_commit(lambda: _enqueue(subject=" ".join(subject.split()), body=body, to=to))
