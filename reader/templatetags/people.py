from django import template

from reader.people import display_name as _display_name

register = template.Library()


@register.filter
def display_name(user) -> str:
    """{{ note.author|display_name }}: the name readers see (reader/people.py)."""
    return _display_name(user)
