"""What an entity's page and its API entry show, by the same bounded queries.

Readers see an entity only when it appears (a mention, or a quote it speaks) in an article they may see, and only
under the names it has there: an entity or an alias found only in drafts would announce what is not yet published.
Every part costs the same for a name mentioned ten times or ten thousand, and no article's text is ever loaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import connection
from django.db.models import BooleanField, Count, Exists, F, OuterRef, Q
from django.db.models.expressions import RawSQL
from django.db.models.functions import Substr
from django.http import Http404

from reader.extraction.normalize import match_key
from reader.models import Article, Entity, EntityMerge, Mention, Quote
from reader.paging import UNDATED_TOKEN, CappedCount, KeysetPage, sorted_page
from reader.roles import can_edit

RELATED_LIMIT = 10
MERGE_HOPS = 10  # merges followed from an old slug (a chain longer than this is not worth a loop)
RECENT_ARTICLES = 100
RECENT_CANDIDATES = 300
ARTICLES_SHOWN = 25
QUOTES_PER_PAGE = 25
QUOTE_CANDIDATES = 500  # a speaker's page lists their newest 500 quotes (20 pages), as the API does
ALIAS_CANDIDATES = 1000  # readers see the aliases used by the entity's newest 1000 visible mentions


def merged_into(slug: str, user) -> Entity:
    """The entity a merged entity's slug now leads to, following later merges (A into B, then B into C: C);
    Http404 when the slug was never merged, its merge was undone, or ``user`` may not know of the result."""
    for _ in range(MERGE_HOPS):
        merge = (EntityMerge.objects.filter(source__slug=slug, undone_at__isnull=True).order_by("-merged_at")
                 .select_related("target").first())
        if merge is None:
            break
        if merge.target_id is not None:
            return entity_for(merge.target.slug, user)
        slug = merge.source.get("into") or ""  # the target was merged on in turn: follow its slug
        if Entity.objects.filter(slug=slug).exists():
            return entity_for(slug, user)
    raise Http404("No entity matches the given query.")


def entity_for(slug: str, user) -> Entity:
    """The entity, if ``user`` may know of it; Http404 otherwise (the same answer as for an unknown slug)."""
    entities = Entity.objects.filter(slug=slug)
    if not can_edit(user):
        published = Article.Status.PUBLISHED
        mentioned = Mention.objects.filter(entity=OuterRef("pk"), article__status=published)
        quoted = Quote.objects.filter(speaker=OuterRef("pk"), article__status=published).exclude(
            status=Quote.Status.REJECTED
        )
        entities = entities.filter(Q(Exists(mentioned)) | Q(Exists(quoted)))
    entity = entities.first()
    if entity is None:
        raise Http404("No entity matches the given query.")
    return entity


def _words(start: str = "start", end: str = "end", text: str = "paragraph__text"):
    """The span's words, cut out by the database: the paragraph's text never travels."""
    return Substr(text, F(start) + 1, F(end) - F(start))


def aliases_for(entity: Entity, user) -> list[str]:
    """The entity's other names; for readers only those its visible mentions use."""
    if can_edit(user) or not entity.aliases:
        return list(entity.aliases)
    # Newest articles first, down the (entity, article) index: bounded however often the name appears.
    used = (
        Mention.objects.filter(entity=entity, article__status=Article.Status.PUBLISHED)
        .order_by("-article_id")
        .annotate(words=_words())
        .values_list("words", flat=True)[:ALIAS_CANDIDATES]
    )
    keys = {match_key(words) for words in used}
    return [alias for alias in entity.aliases if match_key(alias) in keys]


@dataclass(frozen=True)
class QuoteKey:
    """A quote's place on its speaker's page (newest article first, text order within one), as a cursor:
    ``2025-09-03.<article>.<paragraph>.<start>``. It names the quote, not a position: links keep their place
    while quotes arrive."""

    published_on: date | None
    article_id: int
    paragraph_id: int
    start: int

    def __str__(self) -> str:
        day = self.published_on.isoformat() if self.published_on else UNDATED_TOKEN
        return f"{day}.{self.article_id}.{self.paragraph_id}.{self.start}"

    @property
    def order(self) -> tuple:
        """Larger comes first on the page."""
        return (self.published_on or date.min, self.article_id, -self.paragraph_id, -self.start)

    @classmethod
    def parse(cls, value: str | None) -> QuoteKey | None:
        if not value:
            return None
        parts = value.split(".")
        if len(value) > 80 or len(parts) != 4 or not all(p.isascii() and p.isdigit() for p in parts[1:]):
            raise ValueError(f"not a cursor: {value[:40]!r}")
        day = None
        if parts[0] != UNDATED_TOKEN:
            if not (len(parts[0]) == 10 and parts[0].isascii()):
                raise ValueError(f"not a cursor: {value[:40]!r}")
            day = date.fromisoformat(parts[0])
        return cls(day, *map(int, parts[1:]))


def speaker_quote_ids(entity: Entity, user) -> tuple[list[int], CappedCount]:
    """Ids of the entity's quotes in visible articles, newest article first (in text order within an article),
    among its QUOTE_CANDIDATES newest quotes, and how many there are."""
    keyed, count = speaker_quote_keys(entity, user)
    return [pk for pk, _ in keyed], count


def speaker_quote_keys(entity: Entity, user) -> tuple[list[tuple[int, QuoteKey]], CappedCount]:
    """(id, QuoteKey) of the entity's quotes in visible articles in page order, among its QUOTE_CANDIDATES
    newest quotes, and how many there are.

    The newest quotes (by id, from the speaker index) and their articles' dates are read by two single-table
    queries and sorted here. Left to a joined ORDER BY ... LIMIT, the planner walked every article by date looking
    for the speaker (0.9 s at 100,000 articles for a name that is never quoted)."""
    said = Quote.objects.filter(speaker=entity).exclude(status=Quote.Status.REJECTED).order_by("-id")
    keys = list(said.values_list("id", "article_id", "paragraph_id", "start")[:QUOTE_CANDIDATES])
    dates = dict(visible_articles({k[1] for k in keys}, user))
    # Within an article, paragraph ids follow paragraph order (one revision is created in order).
    rows = [(k[0], QuoteKey(dates[k[1]], k[1], k[2], k[3])) for k in keys if k[1] in dates]
    rows.sort(key=lambda row: row[1].order, reverse=True)
    return rows, CappedCount(len(rows), more=len(keys) == QUOTE_CANDIDATES)


def load_quotes(ids: list[int]) -> list[Quote]:
    """Those quotes in that order, each with ``words`` and its article's slug, title and date (no texts)."""
    loaded = (
        Quote.objects.filter(pk__in=ids)
        .select_related("article", "paragraph")
        .only("id", "kind", "status", "cue", "start", "end", "article__id", "article__slug", "article__title",
              "article__published_on", "paragraph__id", "paragraph__position")
        .annotate(words=_words())
    )
    by_pk = {quote.pk: quote for quote in loaded}
    return [by_pk[pk] for pk in ids if pk in by_pk]


def speaker_quotes_page(entity: Entity, user, *, before: str | None = None,
                        after: str | None = None) -> tuple[KeysetPage, CappedCount]:
    """A page of QUOTES_PER_PAGE of the speaker's quotes, ``?before=`` / ``?after=`` a QuoteKey cursor
    (ValueError for one that is not a cursor)."""
    keyed, count = speaker_quote_keys(entity, user)
    page = sorted_page(keyed, order=lambda row: row[1].order, cursor=lambda row: row[1],
                       before=QuoteKey.parse(before), after=QuoteKey.parse(after), per_page=QUOTES_PER_PAGE)
    page.object_list = load_quotes([pk for pk, _ in page.object_list])
    return page, count


def old_page_cursor(entity: Entity, user, number: int) -> QuoteKey | None:
    """Where an old ``?page=N`` link now points: before the last quote of page N - 1 (None: the first page)."""
    keyed, _ = speaker_quote_keys(entity, user)
    at = (number - 1) * QUOTES_PER_PAGE - 1
    return keyed[at][1] if 0 <= at < len(keyed) else None


def recent_articles(entity: Entity, user) -> list[Article]:
    """The newest RECENT_ARTICLES articles that mention the entity (id, slug and title), newest first.

    Sorted by date among the RECENT_CANDIDATES most recently imported of them, read by an index-only
    scan: the cost stays bounded for a name found in half the archive."""
    mentioned = list(
        Mention.objects.filter(entity=entity).order_by("-article_id").values_list("article_id", flat=True)
        .distinct()[:RECENT_CANDIDATES]
    )
    visible = visible_articles(mentioned, user, "slug", "title")
    visible.sort(key=lambda r: (r[1] or date.min, r[0]), reverse=True)
    return [Article(pk=pk, slug=slug, title=title) for pk, _, slug, title in visible[:RECENT_ARTICLES]]


def visible_articles(article_ids, user, *fields: str) -> list[tuple]:
    """(id, published_on, *fields) of those articles ``user`` may see, looked up by primary key only:
    with the status in the query, SQLite scanned the whole status index instead (20 ms at 100,000)."""
    editor = can_edit(user)
    rows = Article.objects.filter(_pk_in(Article, list(article_ids))).values_list("status", "id", "published_on",
                                                                                 *fields)
    return [row[1:] for row in rows if editor or row[0] == Article.Status.PUBLISHED]


def _pk_in(model, ids: list[int]):
    """pk IN (ids) for hundreds of ids: on PostgreSQL one array parameter (``id = ANY(%s)``), which psycopg's
    client-side binding sends in a third of the time of 500 placeholders (7 ms against 2 ms a query)."""
    if connection.vendor != "postgresql":
        return Q(pk__in=ids)
    column = f"{connection.ops.quote_name(model._meta.db_table)}.{connection.ops.quote_name(model._meta.pk.column)}"
    return RawSQL(f"{column} = ANY(%s)", [ids], output_field=BooleanField())


def appears_with(entity: Entity, recent: list[int]) -> list[tuple[dict, int]]:
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
