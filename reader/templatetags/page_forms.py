"""Forms repeated on one page (a note form under every paragraph) need ids of their own."""

import copy

from django import template

register = template.Library()


@register.filter
def ids_prefixed(form, prefix: str):
    """The same form (bound data and errors kept) with element ids ``<prefix>-<field>``, so each label
    points at its own field instead of every paragraph's form sharing ``id_body``."""
    if form is None:
        return None
    twin = copy.copy(form)
    twin.auto_id = f"{prefix}-%s"
    twin._bound_fields_cache = {}
    return twin
