from django.contrib import admin
from django.urls import include, path, register_converter
from django.utils.translation import gettext_lazy as _

from . import health

admin.site.site_header = _("Union reports: administration")
admin.site.site_title = _("Union reports")
admin.site.index_title = _("Records")


class TokenConverter:
    """The unguessable part of a link (`secrets.token_urlsafe`): anything else is not found.

    Without it a NUL in the address reached PostgreSQL, which refuses it with an error.
    """

    regex = "[A-Za-z0-9_-]{1,100}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(TokenConverter, "token")

urlpatterns = [
    path("health/", health.health, name="health"),
    path("admin/", admin.site.urls),
    path("accounts/", include("unionreports.accounts.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("unionreports.rendering.urls")),
    path("", include("unionreports.reports.urls")),
    path("", include("unionreports.accounts.union_urls")),
    path("", include("unionreports.publishing.urls")),
    path("", include("unionreports.notices.urls")),
    path("", include("unionreports.importing.urls")),
    path("", include("unionreports.backup.urls")),
]
