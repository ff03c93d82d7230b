from django.contrib import admin

from .models import AchievementArea, AchievementItem, Report, ReportItem


class ReportItemInline(admin.TabularInline):
    model = ReportItem
    extra = 0


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["__str__", "number", "date", "term", "updated_at"]
    list_filter = ["term__organization", "date"]
    search_fields = ["term__organization__name", "opening"]
    inlines = [ReportItemInline]


class AchievementItemInline(admin.TabularInline):
    model = AchievementItem
    extra = 0


@admin.register(AchievementArea)
class AchievementAreaAdmin(admin.ModelAdmin):
    list_display = ["__str__", "report", "parent", "position"]
    list_filter = ["report"]
    search_fields = ["title", "items__text"]
    inlines = [AchievementItemInline]


@admin.register(ReportItem)
class ReportItemAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "report", "position"]
    list_filter = ["kind", "report"]
    search_fields = ["text"]


@admin.register(AchievementItem)
class AchievementItemAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "area", "position"]
    list_filter = ["kind", "area__report"]
    search_fields = ["text"]
