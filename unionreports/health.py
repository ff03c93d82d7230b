"""`/health/`: whether this process can reach what it needs, for a load balancer or a monitor.

No login and nothing private: each check answers "ok" or "error", and the status is 200 when
all are ok, 503 otherwise. The reasons go to the log, not to the answer.
"""

import datetime
import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

log = logging.getLogger(__name__)

# A task waiting longer than this means no worker is taking tasks off the queue.
TASK_BACKLOG = datetime.timedelta(minutes=5)


def check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def check_cache() -> None:
    key = f"health-{uuid.uuid4().hex}"
    cache.set(key, "ok", 10)
    if cache.get(key) != "ok":
        raise RuntimeError("the cache did not keep a value")
    cache.delete(key)


def check_storage() -> None:
    """The published files' storage takes a file and gives it back (publishing needs both)."""
    storage = storages["published"]
    name = storage.save(f"health/{uuid.uuid4().hex}", ContentFile(b"ok"))
    try:
        with storage.open(name) as stored:
            if stored.read() != b"ok":
                raise RuntimeError("the storage did not keep a file")
    finally:
        storage.delete(name)


def check_tasks() -> None:
    """With the database queue, no task has waited for a worker longer than TASK_BACKLOG."""
    if settings.TASKS_BACKEND != "database":
        return
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.ready().filter(enqueued_at__lt=timezone.now() - TASK_BACKLOG)
    if waiting.exists():
        raise RuntimeError(f"tasks waiting for more than {TASK_BACKLOG}: is the worker running?")


CHECKS = {
    "database": check_database,
    "cache": check_cache,
    "storage": check_storage,
    "tasks": check_tasks,
}


@never_cache
@require_safe
def health(request):
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception:
            log.exception("health check %s failed", name)
            results[name] = "error"
        else:
            results[name] = "ok"
    healthy = all(result == "ok" for result in results.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", "checks": results}, status=200 if healthy else 503
    )
