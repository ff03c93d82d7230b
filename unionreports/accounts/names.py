"""People's names as shown everywhere in the app: navbar, comments, history, e-mails."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ObjectDoesNotExist


def display_name(user: AbstractBaseUser | None) -> str:
    """The user's full name as Vietnamese write it (family name first), else the username.

    Reads `user.profile`: one query unless the caller loaded it (`select_related("…profile")`),
    as every list of people does; the logged-in user's comes with the user.
    """
    if user is None:
        return ""
    try:
        full = user.profile.full_name
    except (ObjectDoesNotExist, AttributeError):
        full = ""
    return full or user.get_username()
