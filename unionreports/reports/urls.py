from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("", views.report_list, name="list"),
    path("reports/<int:pk>/", views.report_detail, name="detail"),
    path("reports/<int:pk>/pdf", views.report_pdf, name="pdf"),
    path("reports/<int:pk>/txt", views.report_text, name="text"),
]
