"""Messages of Django and django-simple-history missing from their Vietnamese catalogues; listed here so they are translated with ours."""

from django.utils.translation import gettext_noop, ngettext_lazy

PASSWORD_TOO_SHORT = ngettext_lazy(
    "This password is too short. It must contain at least %(min_length)d character.",
    "This password is too short. It must contain at least %(min_length)d characters.",
    "min_length",
)

# django-simple-history's kinds of change, shown on a report's history page.
HISTORY_TYPES = [gettext_noop("Created"), gettext_noop("Changed"), gettext_noop("Deleted")]

# The admin's select-all checkbox above a list's rows (each row's is in admin_lists).
ADMIN_SELECT_ALL = gettext_noop("Select all objects on this page for an action")
