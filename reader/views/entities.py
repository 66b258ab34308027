"""Public pages for every speaker and entity (what they show: reader/entity_pages.py, shared with the API)."""

from __future__ import annotations

from django.shortcuts import render
from django.views.decorators.http import require_GET

from reader.entity_pages import (
    ARTICLES_SHOWN,
    aliases_for,
    appears_with,
    entity_for,
    recent_articles,
    speaker_quotes_page,
)
from reader.models import Mention, visible_articles_q
from reader.paging import capped_count


@require_GET
def entity_detail(request, slug):
    entity = entity_for(slug, request.user)
    quote_page, quote_count = speaker_quotes_page(entity, request.user, request.GET.get("page"))
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
    }
    return render(request, "reader/entity.html", context)
