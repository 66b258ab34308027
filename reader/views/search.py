"""Search page: the whole page for a plain form submit, only the results partial for htmx."""

from __future__ import annotations

from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.utils.dateparse import parse_date
from django.views.decorators.http import require_safe

from reader.search import Filters, search, source_choices


def _date(value: str | None):
    try:
        return parse_date(value or "")
    except ValueError:  # well-formed but impossible, e.g. 2025-02-30
        return None


@require_safe
def search_page(request):
    params = request.GET
    filters = Filters(
        speaker=params.get("speaker", "")[:200],
        entity=params.get("entity", "")[:200],
        source=params.get("source", "")[:200],
        date_from=_date(params.get("from")),
        date_to=_date(params.get("to")),
    )
    results = search(params.get("q", "")[:300], user=request.user, filters=filters)
    # htmx asks for the whole page when restoring history it no longer holds (back button after a reload).
    partial = request.htmx and not request.htmx.history_restore_request
    template = "reader/search.html#results" if partial else "reader/search.html"
    response = render(request, template, {"results": results, "sources": source_choices()})
    patch_vary_headers(response, ["HX-Request"])  # one URL, two bodies: caches must keep them apart
    return response
