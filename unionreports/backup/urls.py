from django.urls import path

from . import views

app_name = "backup"
urlpatterns = [
    path("unions/<int:pk>/backup", views.export, name="export"),
]
