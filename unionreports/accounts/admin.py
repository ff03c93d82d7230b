from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from unionreports.admin_lists import ListAdmin, ListMixin

from .models import Affiliation, Invitation, Profile


class ProfileInline(admin.StackedInline):
    model = Profile
    can_delete = False


# Django's user page, with the full name shown in the app beside the login.
admin.site.unregister(get_user_model())


@admin.register(get_user_model())
class UserWithProfileAdmin(ListMixin, UserAdmin):
    inlines = [ProfileInline]
    list_display = ["username", "profile__full_name", "email", "is_staff"]
    list_select_related = ["profile"]
    search_fields = ["username", "profile__full_name", "email"]


@admin.register(Affiliation)
class AffiliationAdmin(ListAdmin):
    list_display = ["user", "organization", "role", "person"]
    list_filter = ["role"]
    list_select_related = ["user", "organization", "person"]
    search_fields = ["user__username", "organization__name"]
    autocomplete_fields = ["user", "organization"]
    raw_id_fields = ["person"]


@admin.register(Invitation)
class InvitationAdmin(ListAdmin):
    list_display = ["email", "organization", "role", "person", "sent_at", "accepted_at", "revoked_at"]
    list_filter = ["role"]
    list_select_related = ["organization", "person"]
    search_fields = ["email", "organization__name"]
    readonly_fields = ["token", "created_at", "accepted_at"]
    raw_id_fields = ["person"]
