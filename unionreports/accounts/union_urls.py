from django.urls import path

from . import union_views as views

# Models and templates reverse these as "committee:…", the app whose records the pages show.
app_name = "committee"
urlpatterns = [
    path("unions/new/", views.organization_create, name="organization_create"),
    path("unions/<int:pk>/", views.organization_detail, name="organization"),
    path("unions/<int:pk>/edit/", views.organization_edit, name="organization_edit"),
    path(
        "unions/<int:pk>/access/<int:affiliation_pk>/person",
        views.affiliation_link,
        name="affiliation_link",
    ),
    path(
        "unions/<int:pk>/access/<int:affiliation_pk>/remove",
        views.affiliation_remove,
        name="affiliation_remove",
    ),
    path("unions/<int:org_pk>/terms/new/", views.term_create, name="term_create"),
    path("terms/<int:pk>/edit/", views.term_edit, name="term_edit"),
]
