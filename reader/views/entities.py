"""Public pages for every speaker and entity (what they show: reader/entity_pages.py, shared with the API)."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from reader.entity_pages import (
    ARTICLES_SHOWN,
    aliases_for,
    appears_with,
    entity_for,
    merged_into,
    old_page_cursor,
    recent_articles,
    speaker_quotes_page,
)
from reader.models import Mention, visible_articles_q
from reader.paging import capped_count
from reader.provenance import speaker_statements


@require_safe
def entity_detail(request, slug):
    try:
        entity = entity_for(slug, request.user)
    except Http404:
        # A merged entity's old address leads, for good, to the one it was merged into.
        return redirect("reader:entity", merged_into(slug, request.user).slug, permanent=True)
    if "page" in request.GET:  # an old ?page=N link: the same quotes by cursor
        number = request.GET["page"]
        cursor = old_page_cursor(entity, request.user, int(number) if number.isdigit() and len(number) < 6 else 1)
        return redirect(request.path + (f"?before={cursor}" if cursor else ""))
    try:
        quote_page, quote_count = speaker_quotes_page(entity, request.user, before=request.GET.get("before"),
                                                      after=request.GET.get("after"))
    except ValueError as error:  # a cursor that is not one: a page that does not exist
        raise Http404(str(error)) from error
    mentions = Mention.objects.filter(visible_articles_q("article", request.user), entity=entity)
    recent = recent_articles(entity, request.user)
    context = {
        "entity": entity,
        "aliases": aliases_for(entity, request.user),
        "quote_page": quote_page,
        "mention_count": capped_count(mentions),
        "quote_count": quote_count,
        "articles": recent[:ARTICLES_SHOWN],
        "related": appears_with(entity, [article.pk for article in recent]),
        "statements": speaker_statements(entity, request.user) if entity.can_speak else [],
    }
    return render(request, "reader/entity.html", context)
