import datetime
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponse, QueryDict
from django.utils.translation import gettext as _

KEPT_POST = "kept_post"
# A signed cookie, set at login and kept after the session ends: who was logged in in this browser.
WAS_LOGGED_IN = "was_logged_in"
SALT = "unionreports.accounts.was_logged_in"
REMEMBERED_FOR = datetime.timedelta(days=30)
# Bytes of a form kept across a login: an editing page as people fill it posts well under this;
# a bigger post after the session ended is not kept (the editing page warns before leaving).
KEPT_POST_LIMIT = 200_000


def remember_login(response: HttpResponse, user) -> None:
    response.set_signed_cookie(
        WAS_LOGGED_IN,
        str(user.pk),
        salt=SALT,
        max_age=int(REMEMBERED_FOR.total_seconds()),
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def forget_login(response: HttpResponse) -> None:
    response.delete_cookie(WAS_LOGGED_IN, samesite="Lax")


def keep_post(request) -> bool:
    """Keeps the posted fields in the session when the browser's user had a session that ended.

    Only for that user (the signed cookie names them), only up to KEPT_POST_LIMIT bytes, and one
    post per login: a first-time anonymous post stores nothing.
    """
    user = request.get_signed_cookie(
        WAS_LOGGED_IN, default=None, salt=SALT, max_age=REMEMBERED_FOR.total_seconds()
    )
    if user is None:
        return False
    try:
        size = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return False
    if size > KEPT_POST_LIMIT:
        return False
    data = request.POST.urlencode()
    if len(data) > KEPT_POST_LIMIT:
        return False
    request.session[KEPT_POST] = {"path": request.path, "data": data, "user": user}
    return True


def login_required_keeping_post(view):
    """`login_required` that keeps a form posted after the session ran out.

    The posted fields wait in the new session while the user logs in again; back on the
    page, `request.kept_post` holds them, to be shown (not saved) so nothing typed is lost.
    They come back only to the user who typed them, and only on the page that took the post,
    which checks its access as always before showing them.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            response = redirect_to_login(request.get_full_path())
            if request.method == "POST" and keep_post(request):
                messages.info(request, _("Your session has ended. Log in again: what you typed is kept."))
                # One kept post per login: an account can't fill sessions with posts.
                forget_login(response)
            return response
        kept = request.session.get(KEPT_POST)
        request.kept_post = None
        if request.method == "GET" and kept and kept["path"] == request.path:
            del request.session[KEPT_POST]
            if kept.get("user") == str(request.user.pk):
                request.kept_post = QueryDict(kept["data"])
        return view(request, *args, **kwargs)

    return wrapper
