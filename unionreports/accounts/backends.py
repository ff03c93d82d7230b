from django.contrib.auth import backends


class ModelBackend(backends.ModelBackend):
    """Django's, loading the logged-in user's profile with the user: every page shows the name."""

    def get_user(self, user_id):
        user = backends.UserModel._default_manager.select_related("profile").filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None
