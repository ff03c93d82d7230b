from django.contrib.auth import views as auth_views
from django.urls import path

from . import views

# No self-service sign-up or password reset: people join by a secretary's invitation.
urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("password/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("password/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("invitations/<token:token>/", views.accept_invitation, name="accept_invitation"),
    path("unions/<int:org_pk>/invite/", views.invite, name="invite"),
    path(
        "unions/<int:org_pk>/invitations/<int:pk>/resend", views.invitation_resend, name="invitation_resend"
    ),
    path(
        "unions/<int:org_pk>/invitations/<int:pk>/revoke", views.invitation_revoke, name="invitation_revoke"
    ),
]
