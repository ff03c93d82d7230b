"""E-mail goes out through the task queue: after the action commits, retried when it can be."""

import datetime
import logging

import pytest
from django.core import mail
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from unionreports.accounts.mail import ATTEMPTS, send_email, send_later

pytestmark = pytest.mark.django_db

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_nothing_is_sent_before_the_action_commits(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        send_later(subject="Thông báo", body="Nội dung", to="an@example.vn")
        assert mail.outbox == []
    assert len(callbacks) == 1
    callbacks[0]()
    assert [m.to for m in mail.outbox] == [["an@example.vn"]]


def test_with_the_database_backend_the_message_waits_for_the_worker(
    settings, django_capture_on_commit_callbacks
):
    settings.TASKS = DATABASE_TASKS
    with django_capture_on_commit_callbacks(execute=True):
        send_later(subject="Thông báo", body="Nội dung", to="an@example.vn")
    assert mail.outbox == []
    task = DBTaskResult.objects.get()
    assert task.task_path == "unionreports.accounts.mail.send_email"
    assert task.args_kwargs["kwargs"]["to"] == "an@example.vn"


def test_a_failed_send_is_tried_again_later_with_the_database_backend(settings, caplog):
    settings.TASKS = DATABASE_TASKS
    settings.EMAIL_BACKEND = "tests.notices.conftest.FailingBackend"
    with caplog.at_level(logging.WARNING, logger="unionreports.accounts.mail"):
        assert send_email.call(subject="Thông báo", body="Nội dung", to="an@example.vn") is False
    again = DBTaskResult.objects.get()
    assert again.args_kwargs["kwargs"]["attempt"] == 2
    assert again.run_after > timezone.now() + datetime.timedelta(seconds=30)
    assert "trying again later" in caplog.text


def test_the_last_try_is_logged_and_not_tried_again(settings, caplog):
    settings.TASKS = DATABASE_TASKS
    settings.EMAIL_BACKEND = "tests.notices.conftest.FailingBackend"
    with caplog.at_level(logging.ERROR, logger="unionreports.accounts.mail"):
        send_email.call(subject="Thông báo", body="Nội dung", to="an@example.vn", attempt=ATTEMPTS)
    assert not DBTaskResult.objects.exists()
    assert "could not be sent (try 4)" in caplog.text


def test_with_the_immediate_backend_a_failure_is_logged_and_raises_nothing(settings, caplog):
    settings.EMAIL_BACKEND = "tests.notices.conftest.FailingBackend"
    with caplog.at_level(logging.ERROR, logger="unionreports.accounts.mail"):
        result = send_email.enqueue(subject="Thông báo", body="Nội dung", to="an@example.vn")
    assert result.return_value is False
    assert "could not be sent" in caplog.text
