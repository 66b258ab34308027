"""Public pages for every speaker and entity."""

from __future__ import annotations

from datetime import date

from django.db.models import Count
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from reader.models import Article, Entity, Mention, Quote, can_edit, visible_articles_q
from reader.paging import CappedCount, CountlessPage, capped_count, countless_page

RELATED_LIMIT = 10
RECENT_ARTICLES = 100
RECENT_CANDIDATES = 300
ARTICLES_SHOWN = 25
QUOTES_PER_PAGE = 25
QUOTE_CANDIDATES = 500  # a speaker's page lists their newest 500 quotes (20 pages), as the API does


@require_GET
def entity_detail(request, slug):
    entity = get_object_or_404(Entity, slug=slug)
    quote_page, quote_count = _speaker_quotes(entity, request.user, request.GET.get("page"))
    mentions = Mention.objects.filter(visible_articles_q("article", request.user), entity=entity)
    recent = _recent_articles(entity, request.user)
    context = {
        "entity": entity,
        "quote_page": quote_page,
        "mention_count": capped_count(mentions),
        "quote_count": quote_count,
        "articles": recent[:ARTICLES_SHOWN],
        "related": _appears_with(entity, [article.pk for article in recent]),
    }
    return render(request, "reader/entity.html", context)


def _speaker_quotes(entity: Entity, user, page: str | None) -> tuple[CountlessPage, CappedCount]:
    """One page of the entity's quotes, newest article first, and how many there are.

    The speaker's QUOTE_CANDIDATES newest quotes (by id, from the speaker index) and their articles'
    dates are read by two single-table queries and sorted here; only the page's quotes are loaded.
    Left to a joined ORDER BY ... LIMIT, the planner walked every article by date looking for the
    speaker (0.9 s at 100,000 articles for a name that is never quoted)."""
    said = Quote.objects.filter(speaker=entity).exclude(status=Quote.Status.REJECTED).order_by("-id")
    keys = list(said.values_list("id", "article_id", "paragraph_id", "start")[:QUOTE_CANDIDATES])
    dates = dict(_visible_articles({k[1] for k in keys}, user))
    # Within an article, paragraph ids follow paragraph order (one revision is created in order).
    rows = sorted((k for k in keys if k[1] in dates), key=lambda k: (dates[k[1]] or date.min, k[1], -k[2], -k[3]),
                  reverse=True)
    quote_page = countless_page([k[0] for k in rows], page, per_page=QUOTES_PER_PAGE)
    loaded = Quote.objects.select_related("paragraph__article").defer("paragraph__article__raw_text")
    by_pk = loaded.in_bulk(quote_page.object_list)
    quote_page.object_list = [by_pk[pk] for pk in quote_page.object_list if pk in by_pk]
    return quote_page, CappedCount(len(rows), more=len(keys) == QUOTE_CANDIDATES)


def _recent_articles(entity: Entity, user) -> list[Article]:
    """The newest RECENT_ARTICLES articles that mention the entity (id, slug and title), newest first.

    Sorted by date among the RECENT_CANDIDATES most recently imported of them, read by an index-only
    scan: the cost stays bounded for a name found in half the archive."""
    mentioned = list(
        Mention.objects.filter(entity=entity).order_by("-article_id").values_list("article_id", flat=True)
        .distinct()[:RECENT_CANDIDATES]
    )
    visible = _visible_articles(mentioned, user, "slug", "title")
    visible.sort(key=lambda r: (r[1] or date.min, r[0]), reverse=True)
    return [Article(pk=pk, slug=slug, title=title) for pk, _, slug, title in visible[:RECENT_ARTICLES]]


def _visible_articles(article_ids, user, *fields: str) -> list[tuple]:
    """(id, published_on, *fields) of those articles ``user`` may see, looked up by primary key only:
    with the status in the query, SQLite scanned the whole status index instead (20 ms at 100,000)."""
    editor = can_edit(user)
    rows = Article.objects.filter(pk__in=article_ids).values_list("status", "id", "published_on", *fields)
    return [row[1:] for row in rows if editor or row[0] == Article.Status.PUBLISHED]


def _appears_with(entity: Entity, recent: list[int]) -> list[tuple[dict, int]]:
    """Entities mentioned in the same articles ({"name", "slug"}), by the number of articles they share.

    Counted over the entity's most recent articles (RECENT_ARTICLES) so the page costs the same
    for a name mentioned ten times or ten thousand.
    """
    top = (
        Mention.objects.filter(article_id__in=recent)
        .exclude(entity=entity)
        .values("entity_id", "entity__name", "entity__slug")
        .annotate(shared=Count("article_id", distinct=True))
        .order_by("-shared", "entity_id")[:RELATED_LIMIT]
    )
    return [({"name": row["entity__name"], "slug": row["entity__slug"]}, row["shared"]) for row in top]
