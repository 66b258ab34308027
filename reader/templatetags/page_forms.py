"""Forms repeated on one page (a note form under every paragraph) need ids of their own."""

from django import forms, template

register = template.Library()


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
