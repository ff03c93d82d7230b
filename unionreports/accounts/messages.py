"""Django messages its Vietnamese catalogue lacks; listed here so they are translated with ours."""

from django.utils.translation import ngettext_lazy

PASSWORD_TOO_SHORT = ngettext_lazy(
    "This password is too short. It must contain at least %(min_length)d character.",
    "This password is too short. It must contain at least %(min_length)d characters.",
    "min_length",
)
