from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import QueryDict
from django.utils.translation import gettext as _

KEPT_POST = "kept_post"


def login_required_keeping_post(view):
    """`login_required` that keeps a form posted after the session ran out.

    The posted fields wait in the new session while the user logs in again; back on the
    page, `request.kept_post` holds them, to be shown (not saved) so nothing typed is lost.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            if request.method == "POST":
                request.session[KEPT_POST] = {"path": request.path, "data": request.POST.urlencode()}
                messages.info(request, _("Your session has ended. Log in again: what you typed is kept."))
            return redirect_to_login(request.get_full_path())
        kept = request.session.get(KEPT_POST)
        request.kept_post = None
        if request.method == "GET" and kept and kept["path"] == request.path:
            del request.session[KEPT_POST]
            request.kept_post = QueryDict(kept["data"])
        return view(request, *args, **kwargs)

    return wrapper
