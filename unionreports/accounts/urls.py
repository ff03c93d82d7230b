from django.contrib.auth import views as auth_views
from django.urls import path

from .forms import LoginForm

# Only logging in and out: accounts are created by the union's secretary or an administrator.
urlpatterns = [
    path("login/", auth_views.LoginView.as_view(form_class=LoginForm), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
]
