from django.urls import path

from . import changes_views, review_views, views

app_name = "publishing"
urlpatterns = [
    path("p/<token:token>/", views.public_page, name="public"),
    path("p/<token:token>/pdf", views.public_pdf, name="public_pdf"),
    path("reports/<int:pk>/publications/", views.publications, name="publications"),
    path("reports/<int:pk>/publish", views.publish, name="publish"),
    path("reports/<int:pk>/link", views.renew_link, name="renew_link"),
    path("reports/<int:pk>/review/", review_views.review_page, name="review"),
    path("reports/<int:pk>/review/changes/", changes_views.changes_page, name="changes"),
    path("reports/<int:pk>/review/send", review_views.send_to_review, name="send_to_review"),
    path("reports/<int:pk>/review/withdraw", review_views.withdraw, name="withdraw"),
    path("reports/<int:pk>/review/verdict", review_views.give_verdict, name="verdict"),
    path("reports/<int:pk>/review/comments", review_views.add_comment, name="comment"),
    path("reports/<int:pk>/review/comments/<int:comment_pk>", review_views.resolve_comment, name="resolve"),
]
