from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from unionreports.admin_lists import ListAdmin

from .models import RenderedDocument


@admin.register(RenderedDocument)
class RenderedDocumentAdmin(ListAdmin):
    list_display = ["key", "subject", "size", "render_time", "created_at"]
    readonly_fields = ["key", "subject", "text", "size", "sha256", "render_time", "created_at"]
    search_fields = ["=subject"]
    exclude = ["content", "render_seconds"]

    @admin.display(description=_("render time (s)"), ordering="render_seconds")
    def render_time(self, obj) -> str:
        return f"{obj.render_seconds:.2f}"

    # Stored PDFs are made by rendering, never typed in.
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
