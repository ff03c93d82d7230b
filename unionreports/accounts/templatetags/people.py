from django import template

from unionreports.accounts.names import display_name as name_of

register = template.Library()


@register.filter
def display_name(user) -> str:
    """{{ user|display_name }}: see `unionreports.accounts.names.display_name`."""
    return name_of(user)
