"""Helpers of the web layer every app shares."""

from django.utils.http import url_has_allowed_host_and_scheme


def posted_next(request) -> str:
    """The path posted in `next` when it is one of this site's (without its fragment), else ""."""
    following = request.POST.get("next", "")
    # A path of this site only: `redirect` would take a bare word for a view's name.
    if following.startswith("/") and url_has_allowed_host_and_scheme(
        following, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return following.split("#")[0]
    return ""
