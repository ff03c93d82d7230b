from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("Union reports: administration")
admin.site.site_title = _("Union reports")
admin.site.index_title = _("Records")

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("unionreports.accounts.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("unionreports.rendering.urls")),
    path("", include("unionreports.reports.urls")),
    path("", include("unionreports.accounts.union_urls")),
    path("", include("unionreports.publishing.urls")),
    path("", include("unionreports.importing.urls")),
    path("", include("unionreports.backup.urls")),
]
