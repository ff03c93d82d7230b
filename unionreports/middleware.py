import logging
import re
import time

from django.conf import settings
from django.utils import translation

request_log = logging.getLogger("unionreports.requests")
# A path segment as long as a secret (public links, invitations, password resets): not logged.
SECRET_SEGMENT = re.compile(r"(?<=/)[A-Za-z0-9_-]{20,}(?=/|$)")


class ChosenLanguageMiddleware:
    """Vietnamese unless the user picked another language with the language switch.

    Django's LocaleMiddleware would follow the browser's Accept-Language, and many
    computers in Vietnamese offices run English systems; the interface should still
    speak Vietnamese to them until they ask otherwise.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        supported = dict(settings.LANGUAGES)
        language = chosen if chosen in supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        # Documents say their own language (Vietnamese) whatever the interface speaks.
        response.headers.setdefault("Content-Language", language)
        return response


class PrivateByDefaultMiddleware:
    """`Cache-Control: private, no-store` on every answer whose view set no caching of its own.

    Pages show a user's unions and reports, and downloads are drafts: no shared cache or
    browser history should keep them. Views that may be cached (fonts, the published PDF)
    say so themselves.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Cache-Control", "private, no-store")
        return response


class RequestLogMiddleware:
    """One line per request on the "unionreports.requests" logger (standard output in production).

    Method, path (without the query, the tokens of links replaced by "<secret>"), status,
    duration, the user's id and the union(s) the request looked at, as the access checks found
    them: nothing more is queried for the log. Off unless REQUEST_LOG (on by default when DEBUG is off).
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.enabled = settings.REQUEST_LOG

    def __call__(self, request):
        if not self.enabled:
            return self.get_response(request)
        started = time.perf_counter()
        response = self.get_response(request)
        elapsed = (time.perf_counter() - started) * 1000
        user = getattr(request, "user", None)
        user_id = user.pk if user is not None and user.is_authenticated else "-"
        # Filled by accounts.access.role_in while the request ran: the unions it was allowed into.
        unions = sorted(pk for pk, role in getattr(user, "_union_roles", {}).items() if role)
        request_log.info(
            "%s %s %s %.1fms user=%s union=%s",
            request.method,
            SECRET_SEGMENT.sub("<secret>", request.path),
            response.status_code,
            elapsed,
            user_id,
            ",".join(map(str, unions)) or "-",
        )
        return response
