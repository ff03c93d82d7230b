from django.contrib import admin

from .models import Affiliation, Invitation


@admin.register(Affiliation)
class AffiliationAdmin(admin.ModelAdmin):
    list_display = ["user", "organization", "role", "person"]
    list_filter = ["role", "organization"]
    search_fields = ["user__username", "organization__name"]
    autocomplete_fields = ["user", "organization"]
    raw_id_fields = ["person"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "organization", "role", "person", "sent_at", "accepted_at", "revoked_at"]
    list_filter = ["role", "organization"]
    search_fields = ["email"]
    readonly_fields = ["token", "created_at", "accepted_at"]
    raw_id_fields = ["person"]
