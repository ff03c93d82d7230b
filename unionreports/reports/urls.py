from django.urls import path

from . import edit_views, history_views, proofreading_views, views

app_name = "reports"
urlpatterns = [
    path("", views.home, name="list"),
    path("reports/<int:pk>/", views.report_detail, name="detail"),
    path("reports/<int:pk>/pdf", views.report_pdf, name="pdf"),
    path("reports/<int:pk>/docx", views.report_docx, name="docx"),
    path("reports/<int:pk>/txt", views.report_text, name="text"),
    path("unions/<int:org_pk>/reports/new/", edit_views.report_create, name="create"),
    path("reports/<int:pk>/edit/outline/", edit_views.outline, name="outline"),
    path("reports/<int:pk>/edit/outline/template", edit_views.outline_template_save, name="outline_template"),
    path("reports/<int:pk>/edit/sections/<int:section_pk>/", edit_views.section_edit, name="section"),
    path(
        "reports/<int:pk>/edit/sections/<int:section_pk>/delete/",
        edit_views.section_delete,
        name="section_delete",
    ),
    path("reports/<int:pk>/edit/sections/<int:section_pk>/areas/", edit_views.area_add, name="area_add"),
    path(
        "reports/<int:pk>/edit/sections/<int:section_pk>/<direction>/",
        edit_views.section_move,
        name="section_move",
    ),
    path("reports/<int:pk>/edit/areas/<int:area_pk>/", edit_views.area_edit, name="area"),
    path("reports/<int:pk>/edit/areas/<int:area_pk>/delete/", edit_views.area_delete, name="area_delete"),
    path("reports/<int:pk>/edit/areas/<int:area_pk>/<direction>/", edit_views.area_move, name="area_move"),
    path("reports/<int:pk>/edit/<slug:part>/", edit_views.report_edit, name="edit"),
    path("reports/<int:pk>/history/", history_views.history, name="history"),
    path("reports/<int:pk>/proofreading/apply", proofreading_views.finding_apply, name="finding_apply"),
    path("reports/<int:pk>/proofreading/dismiss", proofreading_views.finding_dismiss, name="finding_dismiss"),
    path("reports/<int:pk>/proofreading/restore", proofreading_views.finding_restore, name="finding_restore"),
    path("reports/<int:pk>/history/restore", history_views.restore, name="restore"),
]
