from django.utils.functional import SimpleLazyObject

from .models import Notice


def unread_notices(request) -> dict:
    """`unread_notices`: the navbar's badge; one count query, only on pages that show it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notices": SimpleLazyObject(lambda: Notice.objects.for_user(user).unread().count())}
