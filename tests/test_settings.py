"""Production settings pass Django's deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def manage(*args, **env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}, **env},
        capture_output=True,
        text=True,
    )


def test_check_deploy_is_clean_with_production_settings():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="false",
        SECRET_KEY="a-long-random-production-key-" + "x" * 40,
        ALLOWED_HOSTS="bao-cao.example.vn",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", DEBUG="false", SECRET_KEY="")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_a_malformed_boolean_is_reported_clearly():
    result = manage("check", DEBUG="maybe")
    assert result.returncode != 0
    assert "DEBUG must be a boolean" in result.stderr


PRODUCTION = {"DEBUG": "false", "SECRET_KEY": "a-long-random-production-key-" + "x" * 40}


def evaluated(expression: str, **env) -> str:
    """What `expression` gives in a process started with `env` (settings as production reads them)."""
    result = manage("shell", "--no-imports", "-c", f"print({expression})", **env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_every_process_shares_the_redis_cache_when_redis_url_is_set():
    backend = "__import__('django.conf').conf.settings.CACHES['default']"
    assert evaluated(f"{backend}['BACKEND']", REDIS_URL="redis://127.0.0.1:6379/1", **PRODUCTION) == (
        "django.core.cache.backends.redis.RedisCache"
    )
    assert evaluated(f"{backend}['LOCATION']", REDIS_URL="redis://127.0.0.1:6379/1", **PRODUCTION) == (
        "redis://127.0.0.1:6379/1"
    )
    assert evaluated(f"{backend}['BACKEND']", REDIS_URL="", **PRODUCTION) == (
        "django.core.cache.backends.locmem.LocMemCache"
    )


def test_a_malformed_redis_url_is_reported_clearly():
    result = manage("check", REDIS_URL="127.0.0.1:6379")
    assert result.returncode != 0
    assert "REDIS_URL must start with redis://" in result.stderr


def test_login_lockouts_are_kept_in_the_database_every_process_reads():
    # django-axes' database handler: a lockout counted by one gunicorn worker holds in all.
    handler = "__import__('axes.conf').conf.settings.AXES_HANDLER"
    assert evaluated(handler, **PRODUCTION) == "axes.handlers.database.AxesDatabaseHandler"


def test_production_logs_each_request_and_reports_errors_only_with_a_dsn():
    settings = "__import__('django.conf').conf.settings"
    assert evaluated(f"{settings}.REQUEST_LOG", **PRODUCTION) == "True"
    assert evaluated(f"{settings}.REQUEST_LOG", DEBUG="true") == "False"
    active = "__import__('sentry_sdk').get_client().is_active()"
    assert evaluated(active, **PRODUCTION, SENTRY_DSN="") == "False"
    assert evaluated(active, **PRODUCTION, SENTRY_DSN="https://public@sentry.example.invalid/1") == "True"
