from django.conf import settings
from django.utils import translation


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
