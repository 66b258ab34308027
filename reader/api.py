"""A read-only JSON API (Django Ninja): articles, entities and notes, with an OpenAPI description.

Django Ninja because it builds the OpenAPI description from the same typed schemas that shape the
responses, so the two cannot drift; it reads the session like any Django view, so visibility is the
same QuerySet methods as the pages (drafts and editors-only notes never reach anonymous users).
Its interactive docs page loads Swagger UI from a CDN, so only the JSON description is served.
"""

from __future__ import annotations

import json
from datetime import date

from django.http import Http404, HttpResponsePermanentRedirect, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import Field, NinjaAPI, Query, Schema, Status

from reader import archive
from reader.entity_pages import aliases_for, entity_for, load_quotes, merged_into, speaker_quote_ids
from reader.exports import notes_as_web_annotations
from reader.extraction.normalize import match_key
from reader.models import Article, Entity, Figure, Mention, Paragraph, Quote
from reader.paging import LEGACY_PAGES, PER_PAGE, ArticleKey, key_at, keyset_page
from reader.roles import can_edit

api = NinjaAPI(
    title="Sala de lectură API",
    version="1",
    description="Read-only. Anonymous callers see published articles and public notes; signed-in editors "
    "(session cookie) also see drafts and editors-only notes.",
    urls_namespace="api",
    openapi_url="/openapi.json",
    docs_url=None,
)


class ArticleSummary(Schema):
    id: int
    slug: str
    title: str
    source: str
    published_on: date | None
    status: str
    revision: int
    url: str

    @staticmethod
    def resolve_url(article: Article) -> str:
        return article.get_absolute_url()


# The schemas below shape model objects themselves (resolve_* reads what a field is not named after); the views
# load the rows in a fixed number of queries and hand each span its loaded paragraph, so nothing queries per row.
# Notes on what a schema reads are comments: a docstring would become the schema's OpenAPI description.


class Meta(Schema):
    # From an Article, with `lead` (its first lead paragraph's text) set by the view.

    date: date | None
    source: str
    title: str
    lead: str
    credit: str
    dateline: str

    @staticmethod
    def resolve_date(article: Article) -> date | None:
        return article.published_on

    @staticmethod
    def resolve_credit(article: Article) -> str:
        return article.photo_credit


def _paragraph_position(span) -> int:
    return span.paragraph.position


class ParagraphOut(Schema):
    id: int
    index: int
    role: str
    text: str

    @staticmethod
    def resolve_index(paragraph) -> int:
        return paragraph.position


class PassageOut(Schema):
    """What quotes and figures share: a kind of passage at offsets in one paragraph."""

    id: int
    paragraph: int
    start: int
    end: int
    text: str
    kind: str

    resolve_paragraph = staticmethod(_paragraph_position)


class QuoteOut(PassageOut):
    speaker: str | None
    speaker_id: int | None
    speaker_kind: str = Field(description="entity | description | unknown")
    speaker_entity: int | None = Field(description="Index of the speaker in this article's `entities`, if listed")
    speaker_mention: str
    cue: str
    addressee: str
    inferred: bool
    confidence: float
    status: str
    statement: int | None = Field(description="The statement these words belong to (`/api/statements/{id}`), if "
                                              "grouped")

    @staticmethod
    def resolve_speaker(quote: Quote) -> str | None:
        return quote.display_speaker or None

    @staticmethod
    def resolve_statement(quote: Quote) -> int | None:
        appearance = getattr(quote, "appearance", None) if hasattr(quote, "appearance") else None
        return appearance.statement_id if appearance else None


class MentionOut(Schema):
    paragraph: int
    start: int
    end: int
    text: str

    resolve_paragraph = staticmethod(_paragraph_position)


class EntityOut(Schema):
    # From an Entity with `article_mentions` and `roles` (in this article) set by the view.

    id: int
    slug: str
    name: str
    type: str
    aliases: list[str]
    roles: list[str] = Field(description="Role phrases this article gives the entity ('ministrul de Externe')")
    mentions: list[MentionOut]

    @staticmethod
    def resolve_aliases(entity: Entity, context) -> list[str]:
        """Readers' aliases: the names this (visible) article uses; others may come from drafts."""
        if can_edit(context["request"].user):
            return entity.aliases
        keys = {match_key(m.text) for m in entity.article_mentions}
        return [alias for alias in entity.aliases if match_key(alias) in keys]

    @staticmethod
    def resolve_mentions(entity: Entity) -> list[Mention]:
        return entity.article_mentions


class FigureOut(PassageOut):
    value: float | str | None
    qualifier: str | None
    unit: str

    @staticmethod
    def resolve_qualifier(figure: Figure) -> str | None:
        return figure.qualifier or None


class ArticleDetail(Schema):
    id: int
    slug: str
    revision: int
    status: str
    meta: Meta
    paragraphs: list[ParagraphOut]
    quotes: list[QuoteOut]
    entities: list[EntityOut]
    figures: list[FigureOut]


class EntityQuote(Schema):
    # From a quote as entity_pages.load_quotes gives it (its words, its article's slug, title and date).

    id: int
    article: str
    article_title: str
    published_on: date | None
    paragraph: int
    text: str
    kind: str
    status: str
    url: str

    resolve_paragraph = staticmethod(_paragraph_position)

    @staticmethod
    def resolve_article(quote: Quote) -> str:
        return quote.article.slug

    @staticmethod
    def resolve_article_title(quote: Quote) -> str:
        return quote.article.title

    @staticmethod
    def resolve_published_on(quote: Quote) -> date | None:
        return quote.article.published_on

    @staticmethod
    def resolve_text(quote: Quote) -> str:
        return quote.words

    @staticmethod
    def resolve_url(quote: Quote) -> str:
        return f"{quote.article.get_absolute_url()}#q-{quote.pk}"


class EntityDetail(Schema):
    # From an Entity: its aliases and quotes as the caller may see them.

    id: int
    slug: str
    name: str
    type: str
    aliases: list[str]
    quotes: list[EntityQuote]

    @staticmethod
    def resolve_aliases(entity: Entity, context) -> list[str]:
        return aliases_for(entity, context["request"].user)

    @staticmethod
    def resolve_quotes(entity: Entity, context) -> list[Quote]:
        ids, _ = speaker_quote_ids(entity, context["request"].user)
        return load_quotes(ids)


class ArticlePage(Schema):
    items: list[ArticleSummary]
    count: int = Field(description="All articles the caller may see: exact, kept per day by the database, never "
                                   "counted per request")
    next: str | None = Field(description="The next page (older articles), `?before=<cursor>`; null on the last")
    previous: str | None = Field(description="The previous page (newer articles), `?after=<cursor>`; null on the "
                                             "first")


class Message(Schema):
    detail: str


CURSOR_HELP = ("A cursor (`YYYY-MM-DD.id`, or `undated.id`) from `next` or `previous`; it names an article, not "
               "a position, so a link keeps its place while articles arrive. `YYYY-MM-DD.0` jumps to the articles "
               "of the day before that date and older.")


@api.get("/articles", response={200: ArticlePage, 400: Message, 404: Message},
         summary="Articles, newest first (by date, then id; undated last), 30 a page, paged by cursor",
         description="Follow `next` (`?before=<cursor>`) for older articles and `previous` (`?after=<cursor>`) "
                     "for newer ones; each page costs the same however deep it is. The old `?page=N` answers "
                     f"302 to the same articles' cursor link for N up to {LEGACY_PAGES} (page 1 is served as "
                     "is), and 404 past that.")
def article_list(request, before: str | None = Query(None, description=CURSOR_HELP),
                 after: str | None = Query(None, description=CURSOR_HELP),
                 page: int | None = Query(None, description=f"Deprecated: page number, up to {LEGACY_PAGES}")):
    articles = Article.objects.visible_to(request.user).defer("raw_text")
    if page is not None and page > 1 and before is None and after is None:
        if page > LEGACY_PAGES:
            return Status(404, {"detail": f"Page numbers past {LEGACY_PAGES} are not served: follow `next` from the "
                                   "first page, or jump by date with ?before=YYYY-MM-DD.0"})
        key = key_at(articles.values_list("published_on", "id"), (page - 1) * PER_PAGE - 1)
        return HttpResponseRedirect(request.path + (f"?before={key}" if key else ""))
    try:
        cursors = {"before": ArticleKey.parse(before), "after": ArticleKey.parse(after)}
    except ValueError as error:
        return Status(400, {"detail": str(error)})
    result = keyset_page(articles, **cursors, per_page=PER_PAGE)
    return Status(200, {
        "items": result.object_list,
        "count": archive.total(request.user),
        "next": f"{request.path}?before={result.older}" if result.older else None,
        "previous": f"{request.path}?after={result.newer}" if result.newer else None,
    })


@api.get("/articles/{slug}", response=ArticleDetail, summary="An article in the shape of the extraction JSON, with ids")
def article_detail(request, slug: str):
    article = get_object_or_404(Article.objects.visible_to(request.user), slug=slug)
    paragraphs = list(article.paragraphs.all())
    by_id = {p.pk: p for p in paragraphs}
    article.lead = next((p.text for p in paragraphs if p.role == Paragraph.Role.LEAD), "")
    quotes = list(Quote.objects.filter(paragraph__article=article).exclude(status=Quote.Status.REJECTED)
                  .select_related("speaker", "appearance"))
    mentions = list(Mention.objects.filter(paragraph__article=article).select_related("entity"))
    figures = list(Figure.objects.filter(paragraph__article=article))
    for span in (*quotes, *mentions, *figures):
        span.paragraph = by_id[span.paragraph_id]  # the loaded paragraph: no query per span
    entities = {}
    for m in mentions:
        entity = entities.setdefault(m.entity_id, m.entity)
        if not hasattr(entity, "article_mentions"):
            entity.article_mentions, entity.roles = [], []
        entity.article_mentions.append(m)
        entity.roles.extend(r for r in m.roles or () if r not in entity.roles)
    position = {entity_id: k for k, entity_id in enumerate(entities)}  # speaker_entity indexes "entities"
    for q in quotes:
        q.speaker_entity = position.get(q.speaker_id)
    return {"id": article.pk, "slug": article.slug, "revision": article.revision, "status": article.status,
            "meta": article, "paragraphs": paragraphs, "quotes": quotes, "entities": list(entities.values()),
            "figures": figures}


@api.get("/articles/{slug}/notes", summary="The article's notes as a W3C Web Annotation collection (JSON-LD)")
def article_notes(request, slug: str):
    article = get_object_or_404(Article.objects.visible_to(request.user), slug=slug)
    return notes_as_web_annotations(article=article, user=request.user, base_url=request.build_absolute_uri("/"))


class EntityMoved(Schema):
    detail: str
    slug: str = Field(description="The slug asked for: an entity merged into another")
    merged_into: str = Field(description="The slug of the entity it was merged into")
    url: str = Field(description="That entity's API address (also the Location header)")


@api.get("/entities/{slug}", response={200: EntityDetail, 301: EntityMoved},
         summary="An entity and its newest 500 quotes in visible articles (404 unless it appears in one)",
         description="A merged entity's old slug answers **301 Moved Permanently**: `Location` is the entity it was "
         "merged into (clients that follow redirects get it directly) and the body names it (`merged_into`, `url`), "
         "so a client that stored the old slug can replace it.")
def entity_detail(request, slug: str):
    try:
        return 200, entity_for(slug, request.user)
    except Http404:
        target = merged_into(slug, request.user)
    url = reverse("api:entity_detail", kwargs={"slug": target.slug})
    body = {"detail": f"“{slug}” was merged into “{target.slug}”.", "slug": slug, "merged_into": target.slug,
            "url": url}
    return HttpResponsePermanentRedirect(url, content=json.dumps(body, ensure_ascii=False),
                                         content_type="application/json; charset=utf-8")


class StatementVersion(Schema):
    # From an Appearance as reader.provenance.visible_appearances gives it.
    quote: int = Field(alias="quote_id")
    article: str
    article_title: str
    source: str
    published_on: date | None
    speaker: str | None
    text: str
    url: str
    first: bool = Field(description="The statement's first appearance in the archive")
    verdict: str = Field(description="An editor's verdict on this version: faithful | altered | misattributed | ''")

    @staticmethod
    def resolve_article(row) -> str:
        return row.article.slug

    @staticmethod
    def resolve_article_title(row) -> str:
        return row.article.title

    @staticmethod
    def resolve_source(row) -> str:
        return row.article.source

    @staticmethod
    def resolve_published_on(row) -> date | None:
        return row.article.published_on

    @staticmethod
    def resolve_speaker(row) -> str | None:
        return row.quote.display_speaker or None

    @staticmethod
    def resolve_text(row) -> str:
        return row.quote.text

    @staticmethod
    def resolve_url(row) -> str:
        return f"{row.article.get_absolute_url()}#q-{row.quote_id}"

    @staticmethod
    def resolve_first(row) -> bool:
        return row.pk == row.statement.first_id


class StatementOut(Schema):
    id: int
    words: str = Field(description="The first version's words, folded (case, diacritics, punctuation)")
    count: int = Field(description="Appearances in visible articles (the newest 100 are listed)")
    speakers_differ: bool = Field(description="The same words are credited to different speakers: to review")
    appearances: list[StatementVersion]


@api.get("/statements/{statement_id}", response=StatementOut,
         summary="A statement: the same or nearly the same words in several articles, oldest first, each with its "
                 "outlet, date and speaker (404 unless it appears in a visible article)")
def statement_detail(request, statement_id: int):
    from reader import provenance
    from reader.models import Statement

    if not 0 < statement_id < 2**63:  # not an id any database can hold
        raise Http404("no such statement")
    statement = get_object_or_404(Statement, pk=statement_id)
    rows = list(provenance.visible_appearances(statement, request.user)[:provenance.MAX_LISTED])
    if not rows:
        raise Http404("no visible article reports this statement")
    for row in rows:
        row.statement = statement
    count = statement.size if can_edit(request.user) else statement.published
    return {"id": statement.pk, "words": statement.words, "count": count,
            "speakers_differ": statement.speakers_differ, "appearances": rows}
