"""The admin's quote review queue: undecided quotes by default, each with its paragraph and the way to the reading
page (the review screen, /revizie/, is the quick way through the same queue)."""

from __future__ import annotations

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from reader.models import Quote
from reader.review import marked_paragraph


class QuoteReviewFilter(admin.SimpleListFilter):
    """Undecided quotes unless asked otherwise: the queue opens on what is left to do."""

    title = _("revizie")
    parameter_name = "review"
    DEFAULT = "unreviewed"

    def lookups(self, request, model_admin):
        return [("unreviewed", _("neverificate")), ("decided", _("decise de redacție")), ("all", _("toate"))]

    def value(self):
        return super().value() or self.DEFAULT

    def choices(self, changelist):
        for lookup, title in self.lookup_choices:
            yield {"selected": self.value() == lookup, "display": title,
                   "query_string": changelist.get_query_string({self.parameter_name: lookup})}

    def queryset(self, request, queryset):
        if self.value() == "unreviewed":
            return queryset.filter(status=Quote.Status.MACHINE)
        if self.value() == "decided":
            return queryset.exclude(status=Quote.Status.MACHINE)
        return queryset


class QuoteReviewMixin:
    """For QuoteAdmin: the paragraph with the quote marked on the change page, a link to the reading page in the
    list and on the page, and a title that says which quote it is."""

    readonly_fields = ["in_context"]

    def get_fields(self, request, obj=None):
        fields = [f for f in super().get_fields(request, obj) if f != "in_context"]
        return ["in_context", *fields] if obj is not None else fields

    @admin.display(description=_("în context"))
    def in_context(self, quote):
        return format_html('<blockquote>{}</blockquote><p><a href="{}">{}</a></p>', marked_paragraph(quote),
                           _reading_url(quote), _("Deschide în pagina de lectură"))

    @admin.display(description=_("pagina de lectură"))
    def reading_link(self, quote):
        return format_html('<a href="{}">¶{}</a>', _reading_url(quote), quote.paragraph.position)


def _reading_url(quote: Quote) -> str:
    return f"{reverse('reader:article', args=[quote.article.slug])}#q-{quote.pk}"
