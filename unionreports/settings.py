"""Settings for unionreports, all read from the environment with working defaults.

With nothing set, the project runs on a SQLite file beside manage.py in debug mode,
so a fresh checkout works after `make run`.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (true/false), not {value!r}.")


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", True)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    # Development only: a fixed key so sessions survive restarts of runserver.
    SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production-0123456789"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_bootstrap5",
    "simple_history",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "unionreports.accounts",
    "unionreports.committee",
    "unionreports.reports",
    "unionreports.rendering",
    "unionreports.publishing",
    "unionreports.notices",
    "unionreports.importing",
    "unionreports.backup",
]

MIDDLEWARE = [
    # First, to time and log every answer, those of the middleware below included.
    "unionreports.middleware.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "unionreports.publishing.middleware.PublishedPdfMiddleware",
    # Below the two that answer early: every page and download of the site is private unless
    # its view says otherwise (fonts, delegates' PDF).
    "unionreports.middleware.PrivateByDefaultMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "unionreports.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Records who made each change kept in the history tables.
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as its documentation asks: turns a locked-out login into the page saying when to retry.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "unionreports.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "unionreports.notices.context_processors.unread_notices",
            ],
        },
    },
]

WSGI_APPLICATION = "unionreports.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Axes first: it refuses a locked-out username and address before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # Django's, loading the user's profile (the name every page shows) with the user.
    "unionreports.accounts.backends.ModelBackend",
]

# Login throttling, for the site's login and the admin's: after this many failures for one
# username from one address, that pair is locked for the cool-off time, right password or not.
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "unionreports.accounts.throttling.locked_out"
AXES_USERNAME_CALLABLE = "unionreports.accounts.throttling.username"
if AXES_FAILURE_LIMIT < 1:
    raise ImproperlyConfigured("LOGIN_FAILURE_LIMIT must be 1 or more.")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["unionreports.formats"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
# The frozen files delegates download, written when a version is published and removed when
# its link is revoked; nginx serves them straight from this directory (deploy/nginx), Django
# when there is no nginx. Any storage of Django's API fits (an S3-compatible one, say), set by
# PUBLISHED_STORAGE_BACKEND and its options; only a local directory can be served by nginx.
PUBLISHED_ROOT = Path(os.environ.get("PUBLISHED_ROOT", BASE_DIR / "published"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "published": {
        "BACKEND": os.environ.get("PUBLISHED_STORAGE_BACKEND", "django.core.files.storage.FileSystemStorage"),
        "OPTIONS": {
            "location": str(PUBLISHED_ROOT),
            # Readable by nginx's user, which is not the application's.
            "file_permissions_mode": 0o644,
            "directory_permissions_mode": 0o755,
        },
    },
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# No inline scripts or handlers anywhere: scripts come from static/js only. Inline styles stay
# allowed (style attributes in templates, the document's own <style>); they run no code.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# The largest form the app takes: a list of up to 2 × 500 items shown back (absolute_max) at
# 5 fields each (id, kind, text, order, delete), or 2 × 200 committee rows at 12 fields:
# 5,000 fields, plus the page's own. Django's default of 1,000 answered a bare 400 for a list
# of about 330 items and lost the text.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# And its size: 500 items of up to 4,000 characters, a Vietnamese letter taking up to 9 bytes
# once URL-encoded (3 UTF-8 bytes, each "%XX"), is 18 MB. Django's default of 2.5 MB answered
# a bare 400 for a long list of long items, and the text was lost. Uploaded files are not
# counted here; the import has its own limit.
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "login"

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# E-mail: printed to the console unless EMAIL_BACKEND says otherwise (e.g. the SMTP backend,
# "django.core.mail.backends.smtp.EmailBackend", with the EMAIL_HOST… settings below).
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
try:
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
except ValueError as error:
    raise ImproperlyConfigured("EMAIL_PORT must be a port number.") from error
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = 30
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
# The site's address as people open it: links in e-mails (notices, password resets) start with it.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
if not SITE_URL.startswith(("http://", "https://")):
    raise ImproperlyConfigured(f"SITE_URL must start with http:// or https://, not {SITE_URL!r}.")

# Background work (e-mail): run at once in development and tests; in production, with
# TASKS_BACKEND=database, kept in the database and run by `manage.py db_worker`.
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "immediate")
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
if TASKS_BACKEND not in TASK_BACKENDS:
    raise ImproperlyConfigured(
        f"TASKS_BACKEND must be one of {', '.join(TASK_BACKENDS)}, not {TASKS_BACKEND!r}."
    )
TASKS = {"default": {"BACKEND": TASK_BACKENDS[TASKS_BACKEND]}}

# One cache for every process when REDIS_URL is set (what a link answers, so a revoked link
# stops everywhere at once); otherwise each process keeps its own, fine for one process.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL and not REDIS_URL.startswith(("redis://", "rediss://", "unix://")):
    raise ImproperlyConfigured(
        f"REDIS_URL must start with redis://, rediss:// or unix://, not {REDIS_URL!r}."
    )
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# Production hardening: on whenever DEBUG is off (`manage.py check --deploy` stays clean).
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_CONTENT_TYPE_NOSNIFF = True

# One line per request (unionreports.middleware.RequestLogMiddleware) on standard output, where
# systemd's journal or gunicorn's supervisor collects it; on by default when DEBUG is off.
REQUEST_LOG = env_bool("REQUEST_LOG", not DEBUG)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "stdout": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "plain"},
    },
    "loggers": {
        "unionreports.requests": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
        # WeasyPrint and fontTools log every font subset at INFO.
        "weasyprint": {"handlers": ["console"], "level": "ERROR"},
        "fontTools": {"handlers": ["console"], "level": "ERROR"},
    },
}

# Error reports to Sentry, only when SENTRY_DSN is set; no personal data is sent.
SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
if SENTRY_DSN:
    import sentry_sdk

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),
        traces_sample_rate=float(os.environ.get("SENTRY_TRACES_SAMPLE_RATE", "0")),
        send_default_pii=False,
    )
