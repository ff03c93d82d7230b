from django.urls import path

from . import changes_views, record_views, review_views, thread_views, views

app_name = "publishing"
urlpatterns = [
    path("p/<token:token>/", views.public_page, name="public"),
    path("p/<token:token>/pdf", views.public_pdf, name="public_pdf"),
    path("reports/<int:pk>/publications/", views.publications, name="publications"),
    path("reports/<int:pk>/publish", views.publish, name="publish"),
    path("reports/<int:pk>/link", views.renew_link, name="renew_link"),
    path("reports/<int:pk>/review/", review_views.review_page, name="review"),
    path("reports/<int:pk>/review/pdf", review_views.review_pdf, name="review_pdf"),
    path("reports/<int:pk>/review/record.pdf", record_views.record_pdf, name="record_pdf"),
    path("reports/<int:pk>/review/record.docx", record_views.record_docx, name="record_docx"),
    path(
        "reports/<int:pk>/publications/<int:version>/record.pdf",
        record_views.published_record,
        {"extension": "pdf"},
        name="published_record_pdf",
    ),
    path(
        "reports/<int:pk>/publications/<int:version>/record.docx",
        record_views.published_record,
        {"extension": "docx"},
        name="published_record_docx",
    ),
    path("reports/<int:pk>/review/changes/", changes_views.changes_page, name="changes"),
    path("reports/<int:pk>/review/send", review_views.send_to_review, name="send_to_review"),
    path("reports/<int:pk>/review/withdraw", review_views.withdraw, name="withdraw"),
    path("reports/<int:pk>/review/verdict", review_views.give_verdict, name="verdict"),
    path("reports/<int:pk>/review/comments", review_views.add_comment, name="comment"),
    path("reports/<int:pk>/review/comments/<int:comment_pk>", review_views.resolve_comment, name="resolve"),
    path(
        "reports/<int:pk>/review/comments/<int:comment_pk>/reply",
        thread_views.thread_reply,
        name="thread_reply",
    ),
    path(
        "reports/<int:pk>/review/comments/<int:comment_pk>/resolve",
        thread_views.thread_resolve,
        name="thread_resolve",
    ),
]
