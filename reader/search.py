"""Search across articles, quotes and notes: one function, the same results on PostgreSQL and SQLite.

The database's full-text index (migrations 0004 and 0006: PostgreSQL GIN over a stored unaccented
tsvector, SQLite FTS5) finds
candidate paragraphs and notes quickly; Python then checks every candidate against the same folded
words and ranks them, so both backends answer identically even where their tokenizers differ.
Matching ignores case, diacritics and cedilla/comma-below (ş = ș = s), and each word of the query
matches the start of a word in the text ("put" finds "Putin", "Putinului").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from django.core.cache import cache
from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from reader import archive
from reader.extraction.highlight import Highlight, render_spans
from reader.extraction.normalize import char_key, match_key
from reader.models import Article, Entity, Mention, Note, Paragraph, Quote, visible_articles_q
from reader.paging import ArticleKey, keyset_page

# The newest index hits a query considers (by row id, i.e. most recently imported first): a word found
# in every article costs the same as a rare one. Filters narrow after the index, so they get a wider window.
INDEX_WINDOW = 300
FILTERED_INDEX_WINDOW = 50_000
# Rows of those that are loaded, checked exactly and ranked.
CANDIDATE_LIMIT = 100
QUOTE_CANDIDATE_LIMIT = 60
# What a result shows of its article; loading nothing else keeps a page of results cheap.
ARTICLE_FIELDS = ("article__slug", "article__title", "article__source", "article__published_on", "article__status")
RESULT_LIMIT = 25
SNIPPET_CHARS = 220
WORD = re.compile(r"\w+")
SOURCES_TTL = 300
MAX_ID = 2**63 - 1


@dataclass(frozen=True)
class Filters:
    speaker: str = ""
    entity: str = ""
    source: str = ""
    date_from: date | None = None
    date_to: date | None = None

    def __bool__(self) -> bool:
        return any([self.speaker, self.entity, self.source, self.date_from, self.date_to])


@dataclass
class ArticleHit:
    article: Article
    snippet: SafeString
    anchor: str
    matching_paragraphs: int


@dataclass
class QuoteHit:
    quote: Quote
    snippet: SafeString


@dataclass
class NoteHit:
    note: Note
    snippet: SafeString


@dataclass
class Results:
    query: str
    words: list[str]
    filters: Filters
    articles: list[ArticleHit] = field(default_factory=list)
    quotes: list[QuoteHit] = field(default_factory=list)
    notes: list[NoteHit] = field(default_factory=list)
    before: str = ""  # the cursor this page was asked for ("" on the first page)
    older: str = ""  # the cursor of the next page of older results, if there may be one

    @property
    def total(self) -> int:
        return len(self.articles) + len(self.quotes) + len(self.notes)

    @property
    def asked(self) -> bool:
        return bool(self.words) or bool(self.filters)


def fold_text(text: str) -> str:
    """Fold character by character so that offsets in the folded text are offsets in the original."""
    return char_key(unicodedata.normalize("NFC", text))


def query_words(query: str) -> list[str]:
    return list(dict.fromkeys(WORD.findall(match_key(query))))[:10]


def _word_patterns(words: list[str]) -> list[re.Pattern]:
    return [re.compile(r"(?<!\w)" + re.escape(w) + r"\w*") for w in words]


def _matches_all(folded: str, patterns: list[re.Pattern]) -> bool:
    return all(p.search(folded) for p in patterns)


def snippet(text: str, words: list[str], *, limit: int = SNIPPET_CHARS) -> SafeString:
    """A window of ``text`` around the first match, every match wrapped in <mark>, all text escaped."""
    text = unicodedata.normalize("NFC", text)
    folded = fold_text(text)
    spans = [(m.start(), m.end()) for p in _word_patterns(words) for m in p.finditer(folded)]
    first = min((s for s, _ in spans), default=0)
    start = max(0, first - limit // 3)
    if start:  # begin at a word boundary
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = min(len(text), start + limit)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > first else end
    window = text[start:end]
    marks = [Highlight(s - start, e - start, "<mark>", "</mark>") for s, e in spans if s >= start and e <= end]
    body = render_spans(window, marks)  # escapes every piece of text
    return mark_safe(("…" if start else "") + body + ("…" if end < len(text) else ""))  # noqa: S308


def _index_ids(table: str, words: list[str], *, window: int, below: int = MAX_ID) -> RawSQL:
    """Ids of the newest ``window`` rows (ids under ``below``) whose text holds every word as a word prefix,
    from the vendor's full-text index."""
    if connection.vendor == "postgresql":
        tsquery = " & ".join(f"{w}:*" for w in words)
        return RawSQL(
            f"SELECT id FROM {table} WHERE search_vector @@ to_tsquery('simple', %s)"  # stored, migration 0006
            " AND id < %s ORDER BY id DESC LIMIT %s",
            [tsquery, below, window],
        )
    if connection.vendor == "sqlite":
        fts_query = " ".join(f'"{w}"*' for w in words)
        return RawSQL(f"SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH %s AND rowid < %s "
                      "ORDER BY rowid DESC LIMIT %s", [fts_query, below, window])
    # Other databases: no index, the exact check in Python still decides (fine for small archives).
    return RawSQL(f"SELECT id FROM {table} WHERE id < %s", [below])


def _entity_ids(name_or_slug: str) -> list[int]:
    value = name_or_slug.strip()
    return list(Entity.objects.filter(Q(slug=value) | Q(key=match_key(value))).values_list("pk", flat=True))


def _speaker_q(speaker: str) -> Q:
    ids = _entity_ids(speaker)
    return Q(speaker_id__in=ids) | Q(speaker__isnull=True, speaker_name__iexact=speaker.strip())


def filtered_articles(user, filters: Filters):
    articles = Article.objects.visible_to(user)
    if filters.source:
        articles = articles.filter(source__iexact=filters.source.strip())
    if filters.date_from:
        articles = articles.filter(published_on__gte=filters.date_from)
    if filters.date_to:
        articles = articles.filter(published_on__lte=filters.date_to)
    if filters.entity:
        articles = articles.filter(pk__in=Mention.objects.filter(
            entity_id__in=_entity_ids(filters.entity)).values("article_id"))
    if filters.speaker:
        speaking = Quote.objects.filter(_speaker_q(filters.speaker)).exclude(status=Quote.Status.REJECTED)
        articles = articles.filter(pk__in=speaking.values("article_id"))
    return articles


def _in_articles(relation: str, articles, user, filters: Filters) -> Q:
    """Rows whose article is in ``articles`` (``filtered_articles``): a join condition when unfiltered."""
    if filters:
        return Q(**{f"{relation}__in": articles})
    return visible_articles_q(relation, user)


def search(query: str, *, user, filters: Filters = Filters(), limit: int = RESULT_LIMIT, before: str = "") -> Results:
    """Articles, quotes and notes matching every word of ``query`` that ``user`` may see, narrowed by
    ``filters`` (all filters narrow the articles; the speaker filter also narrows quotes to that speaker's).
    With filters but no words, lists what the filters select.

    Results come a page at a time, newest matches first, ranked within the page; ``results.older`` is the cursor
    (``before``) of the next, older page: with words, a paragraph id (the page's matches are the newest ones
    below it), without, an article's listing key. A cursor that is not one raises ValueError. Notes are
    searched on the first page only."""
    words = query_words(query)
    results = Results(query=query, words=words, filters=filters, before=before)
    if not results.asked:
        return results
    articles = filtered_articles(user, filters)
    patterns = _word_patterns(words)

    matching: list[Paragraph] = []
    window = FILTERED_INDEX_WINDOW if filters else INDEX_WINDOW
    if words:
        below = _paragraph_cursor(before)
        candidates = list(
            Paragraph.objects.filter(_in_articles("article", articles, user, filters),
                                     pk__in=_index_ids("reader_paragraph", words, window=window, below=below))
            .select_related("article")
            .only("article_id", "position", "role", "text", *ARTICLE_FIELDS)
            .order_by("-id")[:CANDIDATE_LIMIT]
        )
        candidates, older = _newest_articles(candidates, limit)
        if older is None and candidates and len(candidates) < CANDIDATE_LIMIT:
            # The index window may hold more (hits in articles this user may not see): look past it.
            lowest = candidates[-1].pk
            probe = Paragraph.objects.filter(_in_articles("article", articles, user, filters),
                                             pk__in=_index_ids("reader_paragraph", words, window=1, below=lowest))
            older = lowest if probe.exists() else None
        results.older = str(older) if older else ""
        matching = [p for p in candidates if _matches_all(fold_text(p.text), patterns)]
        results.articles = _article_hits(matching, words, limit)
    else:
        page = keyset_page(articles.only("slug", "title", "source", "published_on", "status"),
                           before=ArticleKey.parse(before), per_page=limit)
        results.articles = [ArticleHit(a, escape(a.title), "", 0) for a in page.object_list]
        results.older = str(page.older or "")

    quotes = (
        Quote.objects.exclude(status=Quote.Status.REJECTED)
        .select_related("speaker", "paragraph__article")
        .only("paragraph_id", "start", "end", "kind", "speaker_id", "speaker_name", "speaker__name",
              "paragraph__article_id", "paragraph__position", "paragraph__text",
              *(f"paragraph__{name}" for name in ARTICLE_FIELDS))
    )
    if filters.speaker:
        quotes = quotes.filter(_speaker_q(filters.speaker))
    if words:
        quotes = quotes.filter(paragraph__in=[p.pk for p in matching])
    else:  # the quotes of this page's articles
        quotes = quotes.filter(article__in=[hit.article.pk for hit in results.articles])
    quotes = quotes.order_by("-article__published_on", "-article_id", "paragraph__position",
                             "start")[:QUOTE_CANDIDATE_LIMIT]
    found = [q for q in quotes if _matches_all(fold_text(q.text), patterns)]
    results.quotes = [QuoteHit(q, snippet(q.text, words, limit=400)) for q in found[:limit]]

    if words and not before:
        notes = (
            Note.objects.visible_to(user)
            .filter(_in_articles("article", articles, user, filters),
                    pk__in=_index_ids("reader_note", words, window=window))
            .select_related("article", "paragraph", "author")
            .defer("article__raw_text")
            .order_by("-updated_at", "-id")[:CANDIDATE_LIMIT]
        )
        found = [n for n in notes if _matches_all(fold_text(n.body), patterns)]
        results.notes = [NoteHit(n, snippet(n.body, words)) for n in found[:limit]]
    return results


def _paragraph_cursor(before: str) -> int:
    if not before:
        return MAX_ID
    if not (before.isascii() and before.isdigit() and 0 < int(before) <= MAX_ID):
        raise ValueError(f"not a cursor: {before[:40]!r}")
    return int(before)


def _newest_articles(candidates: list[Paragraph], limit: int) -> tuple[list[Paragraph], int | None]:
    """The candidates (newest first) of the newest ``limit`` articles among them, and the cursor below them when
    others follow. An article's paragraphs have neighbouring ids (one revision is stored at once), so the next
    page, below the lowest id kept, starts with the next article."""
    kept, seen = [], set()
    for paragraph in candidates:
        if paragraph.article_id not in seen and len(seen) == limit:
            return kept, kept[-1].pk
        seen.add(paragraph.article_id)
        kept.append(paragraph)
    return kept, (kept[-1].pk if len(candidates) == CANDIDATE_LIMIT else None)


def _article_hits(paragraphs: list[Paragraph], words: list[str], limit: int) -> list[ArticleHit]:
    """One hit per article, with the title or else the first matching paragraph as its snippet.
    Ranked by matching paragraphs (a title match counts double), then newest first."""
    by_article: dict[int, list[Paragraph]] = {}
    for p in paragraphs:
        by_article.setdefault(p.article_id, []).append(p)
    hits = []
    for found in by_article.values():
        best = min(found, key=lambda p: (p.role != Paragraph.Role.TITLE, p.position))
        weight = len(found) + sum(1 for p in found if p.role == Paragraph.Role.TITLE)
        hits.append(ArticleHit(best.article, snippet(best.text, words), best.anchor, weight))
    hits.sort(key=lambda h: (-h.matching_paragraphs, -(h.article.published_on or date.min).toordinal(), -h.article.pk))
    return hits[:limit]


def source_choices() -> list[str]:
    """Sources for the filter; cached briefly because the distinct scan grows with the archive."""
    return cache.get_or_set("search-sources", _sources, SOURCES_TTL)


def _sources() -> list[str]:
    return archive.sources([Article.Status.PUBLISHED])  # a skip scan of the (status, source) index
