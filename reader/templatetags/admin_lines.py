"""The admin's History and result lines in the reader's language (reader.admin_lines)."""

from django import template

from reader import admin_lines

register = template.Library()


@register.filter
def history_text(entry) -> str:
    return admin_lines.history_text(entry)


@register.filter
def result_text(message: str) -> str:
    return admin_lines.result_text(message)
