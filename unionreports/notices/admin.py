from django.contrib import admin

from unionreports.admin_lists import ListAdmin

from .models import Notice


@admin.register(Notice)
class NoticeAdmin(ListAdmin):
    list_display = ["created_at", "recipient", "kind", "report", "read_at"]
    list_filter = ["kind"]
    # A notice names its actor (`headline`, its `__str__`), by the full name of the profile.
    list_select_related = ["recipient", "actor__profile", "report__term"]
    raw_id_fields = ["recipient", "actor", "report"]
    readonly_fields = ["created_at"]
