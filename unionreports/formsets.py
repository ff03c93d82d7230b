"""What the editable lists of the app share."""

from django import forms
from django.utils.translation import gettext_lazy as _


class OrderedRowsMixin:
    """Rows saved in the order shown: the page's up/down buttons set the hidden ORDER fields."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        form.fields["ORDER"].widget = forms.HiddenInput(attrs={"data-order": ""})
        form.fields["DELETE"].label = _("Delete")
