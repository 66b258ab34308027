"""Public pages for every speaker and entity."""

from __future__ import annotations

from django.db.models import Count
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from reader.models import Article, Entity, Mention, Paragraph, Quote, visible_articles_q
from reader.paging import capped_count, countless_page

RELATED_LIMIT = 10
RECENT_ARTICLES = 100
ARTICLES_SHOWN = 25
QUOTES_PER_PAGE = 25


@require_GET
def entity_detail(request, slug):
    entity = get_object_or_404(Entity, slug=slug)
    quotes = (
        Quote.objects.filter(visible_articles_q("paragraph__article", request.user), speaker=entity)
        .exclude(status=Quote.Status.REJECTED)
        .select_related("paragraph__article")
        .defer("paragraph__article__raw_text")
        .order_by("-paragraph__article__published_on", "-paragraph__article_id", "paragraph__position", "start")
    )
    quote_page = countless_page(quotes, request.GET.get("page"), per_page=QUOTES_PER_PAGE)
    mentions = Mention.objects.filter(visible_articles_q("paragraph__article", request.user), entity=entity)
    recent = _recent_article_ids(entity, request.user)
    titles = Article.objects.only("slug", "title").in_bulk(recent[:ARTICLES_SHOWN])
    context = {
        "entity": entity,
        "quote_page": quote_page,
        "mention_count": capped_count(mentions),
        "quote_count": quote_page.total or capped_count(quotes),
        "articles": [titles[pk] for pk in recent[:ARTICLES_SHOWN] if pk in titles],
        "related": _appears_with(entity, recent),
    }
    return render(request, "reader/entity.html", context)


def _recent_article_ids(entity: Entity, user) -> list[int]:
    """The newest RECENT_ARTICLES articles that mention the entity, newest first."""
    in_articles = Paragraph.objects.filter(mentions__entity=entity).values("article_id")
    visible = Article.objects.visible_to(user).filter(pk__in=in_articles)
    return list(visible.order_by("-published_on", "-id").values_list("id", flat=True)[:RECENT_ARTICLES])


def _appears_with(entity: Entity, recent: list[int]) -> list[tuple[Entity, int]]:
    """Entities mentioned in the same articles, by the number of articles they share.

    Counted over the entity's most recent articles (RECENT_ARTICLES) so the page costs the same
    for a name mentioned ten times or ten thousand.
    """
    top = (
        Mention.objects.filter(paragraph__article_id__in=recent)
        .exclude(entity=entity)
        .values("entity_id")
        .annotate(shared=Count("paragraph__article_id", distinct=True))
        .order_by("-shared", "entity_id")[:RELATED_LIMIT]
    )
    shared = {row["entity_id"]: row["shared"] for row in top}
    by_id = Entity.objects.in_bulk(shared)
    return [(by_id[i], n) for i, n in shared.items() if i in by_id]
