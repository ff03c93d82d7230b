from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from unionreports.admin_lists import ListAdmin

from .models import Publication, PublicLink
from .services import links_revoke


@admin.register(Publication)
class PublicationAdmin(ListAdmin):
    list_display = ["report", "version", "sha256", "published_at", "published_by"]
    list_select_related = ["report__term", "published_by"]
    search_fields = ["report__term__organization__name"]
    exclude = ["pdf", "html"]
    readonly_fields = ["report", "version", "sha256", "published_at", "published_by"]

    # What was published is never edited, only superseded by a new version.
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(PublicLink)
class PublicLinkAdmin(ListAdmin):
    list_display = ["report", "token", "created_at", "revoked_at"]
    list_filter = ["revoked_at"]
    list_select_related = ["report__term"]
    search_fields = ["report__term__organization__name"]
    # Revoked through the action, which also removes the file nginx serves for the link.
    readonly_fields = ["token", "created_at", "revoked_at"]
    actions = ["revoke"]

    @admin.action(description=_("Revoke the selected links"))
    def revoke(self, request, queryset):
        count = links_revoke(queryset)
        self.message_user(
            request, ngettext("%(count)d link revoked.", "%(count)d links revoked.", count) % {"count": count}
        )
