"""What the forms of the app share."""

from django import forms
from django.utils.translation import gettext_lazy as _

# Dates are typed day first, as Vietnamese write them, whatever the browser's language;
# ISO dates (what a date picker sends) are accepted too.
DATE_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"]


class DayFirstDateInput(forms.DateInput):
    def __init__(self, attrs=None):
        super().__init__(
            attrs={
                "placeholder": "dd/mm/yyyy",
                "inputmode": "numeric",
                "autocomplete": "off",
                **(attrs or {}),
            },
            format="%d/%m/%Y",
        )


def day_first_dates(form: forms.BaseForm) -> None:
    """Makes every date field of `form` read and show dd/mm/yyyy."""
    for field in form.fields.values():
        if isinstance(field, forms.DateField):
            field.widget = DayFirstDateInput()
            field.input_formats = DATE_FORMATS


def no_length_cut(form: forms.BaseForm) -> None:
    """Drops the browser's maxlength on text areas: pasting too much must be an error
    the user sees, not text silently cut."""
    for field in form.fields.values():
        if isinstance(field.widget, forms.Textarea):
            field.widget.attrs.pop("maxlength", None)


class OrderedRowsMixin:
    """Rows saved in the order shown: the page's up/down buttons set the hidden ORDER fields.

    A formset using it sets `max_num` (the rows a page saves) with `validate_max`, and
    `absolute_max` above it: a post with more rows is refused with a message and every row
    shown again as typed, up to `absolute_max` (settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
    leaves room for that many).
    """

    default_error_messages = {
        **forms.BaseFormSet.default_error_messages,
        "too_many_forms": _(
            "This page saves at most %(num)d rows; nothing was saved. Move some rows elsewhere, then save."
        ),
    }

    def add_fields(self, form, index):
        super().add_fields(form, index)
        form.fields["ORDER"].widget = forms.HiddenInput(attrs={"data-order": ""})
        form.fields["DELETE"].label = _("Delete")
        day_first_dates(form)
        no_length_cut(form)
