"""Search page: the whole page for a plain form submit, only the results partial for htmx."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import Http404
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
    try:
        results = search(params.get("q", "")[:300], user=request.user, filters=filters,
                         before=params.get("before", "")[:40])
    except ValueError as error:  # a cursor that is not one: a page that does not exist
        raise Http404(str(error)) from error
    pages = {}
    if results.before:  # back to the newest results: the same search without a cursor
        pages["newest"] = "?" + urlencode([(k, v) for k, v in params.items() if k != "before"])
    if results.older:
        pages["older"] = "?" + urlencode([*((k, v) for k, v in params.items() if k != "before"),
                                          ("before", results.older)])
    # htmx asks for the whole page when restoring history it no longer holds (back button after a reload).
    partial = request.htmx and not request.htmx.history_restore_request
    template = "reader/search.html#results" if partial else "reader/search.html"
    response = render(request, template, {"results": results, "sources": source_choices(), "pages": pages})
    patch_vary_headers(response, ["HX-Request"])  # one URL, two bodies: caches must keep them apart
    return response
