from django.contrib.auth import views as auth_views
from django.urls import path

from . import views

# No self-service sign-up: people join by a secretary's invitation. A forgotten password is
# reset through a link mailed to the account's address.
urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("password/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("password/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("account/", views.account, name="account"),
    path("password/reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path("password/reset/sent/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "password/reset/<token:uidb64>/<token:token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/done/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"
    ),
    path("invitations/<token:token>/", views.accept_invitation, name="accept_invitation"),
    path("unions/<int:org_pk>/invite/", views.invite, name="invite"),
    path(
        "unions/<int:org_pk>/invitations/<int:pk>/resend", views.invitation_resend, name="invitation_resend"
    ),
    path(
        "unions/<int:org_pk>/invitations/<int:pk>/revoke", views.invitation_revoke, name="invitation_revoke"
    ),
]
