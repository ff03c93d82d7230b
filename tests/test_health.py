"""`/health/`: database, cache, storage and task queue, in JSON, for monitors without a login."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db


def test_a_healthy_site_answers_200_with_each_check(client):
    response = client.get(reverse("health"))
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "storage": "ok", "tasks": "ok"},
    }
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_a_storage_that_cannot_take_files_answers_503_and_says_which(client, settings, tmp_path):
    blocked = tmp_path / "not-a-directory"
    blocked.write_text("a file where the directory should be")
    settings.STORAGES = {
        **settings.STORAGES,
        "published": {**settings.STORAGES["published"], "OPTIONS": {"location": str(blocked)}},
    }
    response = client.get(reverse("health"))
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "cache": "ok", "storage": "error", "tasks": "ok"}
    # Only the verdicts: no path, no exception text.
    assert str(blocked) not in response.text


def test_a_task_nobody_took_for_minutes_means_no_worker(client, settings):
    from django_tasks_db.models import DBTaskResult

    from unionreports.accounts.mail import send_email

    settings.TASKS_BACKEND = "database"
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    send_email.enqueue(subject="s", body="b", to="a@example.invalid")
    assert client.get(reverse("health")).status_code == 200
    DBTaskResult.objects.update(enqueued_at=timezone.now() - datetime.timedelta(minutes=10))
    response = client.get(reverse("health"))
    assert response.status_code == 503
    assert response.json()["checks"]["tasks"] == "error"
