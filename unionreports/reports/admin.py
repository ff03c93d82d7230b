from django.contrib import admin

from unionreports.admin_lists import ListAdmin

from .models import AchievementArea, AchievementItem, OutlineTemplate, Report, ReportItem, ReportSection


class ReportSectionInline(admin.TabularInline):
    model = ReportSection
    fields = ["parent", "position", "kind", "title"]
    extra = 0


@admin.register(Report)
class ReportAdmin(ListAdmin):
    list_display = ["__str__", "term", "number", "date", "updated_at"]  # the kind is in its name
    list_filter = ["kind", "date"]
    list_select_related = ["term__organization"]
    search_fields = ["term__organization__name", "opening"]
    inlines = [ReportSectionInline]


class ReportItemInline(admin.TabularInline):
    model = ReportItem
    extra = 0


@admin.register(ReportSection)
class ReportSectionAdmin(ListAdmin):
    list_display = ["__str__", "kind", "report", "parent", "position"]
    list_filter = ["kind"]
    list_select_related = ["report__term", "parent"]
    search_fields = ["title", "text"]
    inlines = [ReportItemInline]


class AchievementItemInline(admin.TabularInline):
    model = AchievementItem
    extra = 0


@admin.register(AchievementArea)
class AchievementAreaAdmin(ListAdmin):
    list_display = ["__str__", "section", "parent", "position"]
    list_select_related = ["section", "parent"]
    search_fields = ["title"]
    inlines = [AchievementItemInline]


@admin.register(ReportItem)
class ReportItemAdmin(ListAdmin):
    list_display = ["__str__", "section", "position"]
    list_select_related = ["section"]
    search_fields = ["text"]


@admin.register(AchievementItem)
class AchievementItemAdmin(ListAdmin):
    list_display = ["__str__", "kind", "area", "position"]
    list_filter = ["kind"]
    list_select_related = ["area"]
    search_fields = ["text"]


@admin.register(OutlineTemplate)
class OutlineTemplateAdmin(ListAdmin):
    list_display = ["__str__", "organization", "kind", "updated_at"]
    list_filter = ["kind"]
    list_select_related = ["organization"]
    search_fields = ["name", "organization__name"]
