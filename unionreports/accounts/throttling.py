"""What django-axes calls: the username it counts failures for, and the page of a locked login."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.shortcuts import render
from django.utils import timezone


def username(request, credentials=None) -> str | None:
    """The username tried, cut to the longest an account can have.

    Django's login form checks no length before authenticating, and Axes records the name in
    a 255-character column: a longer one made the login fail with a database error.
    """
    name = (credentials or {}).get("username") or request.POST.get("username")
    if name is None:
        return None
    longest = get_user_model()._meta.get_field("username").max_length
    return str(name).replace("\x00", "")[:longest]


def locked_out(request, original_response=None, credentials=None):
    """The page of a login refused after too many failures: when to try again."""
    cool_off = settings.AXES_COOLOFF_TIME
    context = {"minutes": int(cool_off.total_seconds() // 60), "until": timezone.now() + cool_off}
    return render(request, "accounts/locked_out.html", context, status=429)
