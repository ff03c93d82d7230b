from django.contrib import admin

from .models import AchievementArea, AchievementItem, OutlineTemplate, Report, ReportItem, ReportSection


class ReportSectionInline(admin.TabularInline):
    model = ReportSection
    fields = ["parent", "position", "kind", "title"]
    extra = 0


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "number", "date", "term", "updated_at"]
    list_filter = ["kind", "term__organization", "date"]
    search_fields = ["term__organization__name", "opening"]
    inlines = [ReportSectionInline]


class ReportItemInline(admin.TabularInline):
    model = ReportItem
    extra = 0


@admin.register(ReportSection)
class ReportSectionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "report", "parent", "position"]
    list_filter = ["kind", "report"]
    search_fields = ["title", "text"]
    inlines = [ReportItemInline]


class AchievementItemInline(admin.TabularInline):
    model = AchievementItem
    extra = 0


@admin.register(AchievementArea)
class AchievementAreaAdmin(admin.ModelAdmin):
    list_display = ["__str__", "section", "parent", "position"]
    list_filter = ["section__report"]
    search_fields = ["title", "items__text"]
    inlines = [AchievementItemInline]


@admin.register(ReportItem)
class ReportItemAdmin(admin.ModelAdmin):
    list_display = ["__str__", "section", "position"]
    list_filter = ["section__report"]
    search_fields = ["text"]


@admin.register(AchievementItem)
class AchievementItemAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "area", "position"]
    list_filter = ["kind", "area__section__report"]
    search_fields = ["text"]


@admin.register(OutlineTemplate)
class OutlineTemplateAdmin(admin.ModelAdmin):
    list_display = ["__str__", "organization", "kind", "updated_at"]
    list_filter = ["kind"]
    search_fields = ["name", "organization__name"]
