from django.urls import path

from . import views

app_name = "rendering"
urlpatterns = [
    path("fonts/report-<slug:face>.ttf", views.font_file, name="font"),
]
