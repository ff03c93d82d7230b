from django.urls import path

from . import views

app_name = "publishing"
urlpatterns = [
    path("p/<str:token>/", views.public_page, name="public"),
    path("p/<str:token>/pdf", views.public_pdf, name="public_pdf"),
    path("reports/<int:pk>/publications/", views.publications, name="publications"),
    path("reports/<int:pk>/publish", views.publish, name="publish"),
    path("reports/<int:pk>/link", views.renew_link, name="renew_link"),
]
