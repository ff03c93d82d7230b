from django.contrib import admin

from unionreports.admin_lists import ListAdmin

from .models import Membership, Organization, Person, Term


class TermInline(admin.TabularInline):
    model = Term
    extra = 0


@admin.register(Organization)
class OrganizationAdmin(ListAdmin):
    list_display = ["name", "parent_name", "place_name", "created_at"]
    search_fields = ["name", "parent_name"]
    inlines = [TermInline]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["person"]


@admin.register(Term)
class TermAdmin(ListAdmin):
    list_display = ["organization", "start_year", "end_year", "congress_date", "committee_size"]
    list_select_related = ["organization"]
    search_fields = ["organization__name"]
    inlines = [MembershipInline]


@admin.register(Person)
class PersonAdmin(ListAdmin):
    list_display = ["full_name", "organization", "qualification", "union_trained", "is_sample"]
    list_filter = ["qualification", "union_trained", "is_sample"]
    list_select_related = ["organization"]
    search_fields = ["full_name", "organization__name"]


@admin.register(Membership)
class MembershipAdmin(ListAdmin):
    list_display = ["person", "term", "role", "joined_how", "joined_on", "left_on", "left_reason"]
    list_filter = ["role", "joined_how", "left_reason"]
    list_select_related = ["person", "term__organization"]
    search_fields = ["person__full_name", "term__organization__name"]
    autocomplete_fields = ["person"]
