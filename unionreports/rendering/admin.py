from django.contrib import admin

from .models import RenderedDocument


@admin.register(RenderedDocument)
class RenderedDocumentAdmin(admin.ModelAdmin):
    list_display = ["key", "size", "render_seconds", "created_at"]
    readonly_fields = ["key", "size", "sha256", "render_seconds", "created_at"]
    exclude = ["content"]
    date_hierarchy = "created_at"
