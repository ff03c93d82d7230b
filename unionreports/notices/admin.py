from django.contrib import admin

from .models import Notice


@admin.register(Notice)
class NoticeAdmin(admin.ModelAdmin):
    list_display = ["created_at", "recipient", "kind", "report", "read_at"]
    list_filter = ["kind"]
    list_select_related = ["recipient", "report__term"]
    raw_id_fields = ["recipient", "actor", "report"]
    readonly_fields = ["created_at"]
