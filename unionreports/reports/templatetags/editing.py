from django import forms, template
from django.utils.formats import date_format
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def shown_value(field) -> str:
    """A bound field's value as a reader would say it: choice labels, yes/no, dd/mm/yyyy."""
    value = field.value()
    if isinstance(field.field, forms.BooleanField):
        return _("yes") if value else _("no")
    if value in (None, ""):
        return ""
    if isinstance(field.field, forms.ChoiceField):
        return str(dict(field.field.choices).get(value, value))
    if hasattr(value, "year"):
        return date_format(value, "SHORT_DATE_FORMAT")
    return str(value)
