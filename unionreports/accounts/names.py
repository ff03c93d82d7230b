"""People's names as shown everywhere in the app: navbar, comments, history, e-mails."""

from django.contrib.auth.models import AbstractBaseUser


def display_name(user: AbstractBaseUser | None) -> str:
    """The user's name as Vietnamese write it (family name first), else the username."""
    if user is None:
        return ""
    full = " ".join(part for part in (user.last_name, user.first_name) if part)
    return full or user.get_username()
