from django.urls import path

from . import views

app_name = "importing"
urlpatterns = [
    path("unions/<int:org_pk>/reports/import/", views.upload, name="upload"),
    path("unions/<int:org_pk>/reports/import/confirm/", views.confirm, name="confirm"),
]
