"""Forms repeated on one page (a note form under every paragraph) need ids of their own."""

import secrets
from weakref import WeakKeyDictionary

from django import forms, template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

# Stands for the ids' prefix in a form rendered once per page. Random per process, so no posted text can hold it.
_PREFIX_MARK = f"ids{secrets.token_hex(8)}"
# The form's HTML with the mark for a prefix, per form object: the forms live as long as their request.
_rendered: WeakKeyDictionary = WeakKeyDictionary()


@register.filter
def ids_prefixed(form, prefix: str):
    """The same form (bound data and errors kept) with element ids ``<prefix>-<field>``, so each label
    points at its own field instead of every paragraph's form sharing ``id_body``.

    A new instance of the form's class built with ``auto_id`` (Django's public way to name ids); field names,
    and so what is posted, stay the same. A bound form is bound to the same data, so it shows the same errors."""
    if form is None:
        return None
    kwargs = {
        "auto_id": f"{prefix}-%s",
        "prefix": form.prefix,
        "initial": form.initial,
        "error_class": form.error_class,
        "label_suffix": form.label_suffix,
        "empty_permitted": form.empty_permitted,
        "use_required_attribute": form.use_required_attribute,
        "renderer": form.renderer,
    }
    if form.is_bound:
        kwargs.update(data=form.data, files=form.files)
    if isinstance(form, forms.BaseModelForm):
        kwargs["instance"] = form.instance
    return type(form)(**kwargs)


@register.filter
def as_div_with_ids(form, prefix: str) -> SafeString:
    """``ids_prefixed(form, prefix).as_div()``, with Django's form templates run once per form and page: the
    article page repeats two forms under every paragraph, and rendering each copy was most of an editor's page."""
    if form is None:
        return mark_safe("")
    if form not in _rendered:
        _rendered[form] = str(ids_prefixed(form, _PREFIX_MARK).as_div())
    return mark_safe(_rendered[form].replace(_PREFIX_MARK, escape(prefix)))
