"""A read-only JSON API (Django Ninja): articles, entities and notes, with an OpenAPI description.

Django Ninja because it builds the OpenAPI description from the same typed schemas that shape the
responses, so the two cannot drift; it reads the session like any Django view, so visibility is the
same QuerySet methods as the pages (drafts and editors-only notes never reach anonymous users).
Its interactive docs page loads Swagger UI from a CDN, so only the JSON description is served.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from ninja import Field, NinjaAPI, Query, Schema, Status

from reader import archive
from reader.entity_pages import aliases_for, entity_for, load_quotes, speaker_quote_ids
from reader.exports import notes_as_web_annotations
from reader.extraction.normalize import match_key
from reader.models import Article, Figure, Mention, Quote
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


class Meta(Schema):
    date: date | None
    source: str
    title: str
    lead: str
    credit: str
    dateline: str


class ParagraphOut(Schema):
    id: int
    index: int
    role: str
    text: str


class QuoteOut(Schema):
    id: int
    paragraph: int
    start: int
    end: int
    text: str
    kind: str
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


class MentionOut(Schema):
    paragraph: int
    start: int
    end: int
    text: str


class EntityOut(Schema):
    id: int
    slug: str
    name: str
    type: str
    aliases: list[str]
    roles: list[str] = Field(description="Role phrases this article gives the entity ('ministrul de Externe')")
    mentions: list[MentionOut]


class FigureOut(Schema):
    id: int
    paragraph: int
    start: int
    end: int
    text: str
    kind: str
    value: float | str | None
    qualifier: str | None
    unit: str


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
    id: int
    article: str
    article_title: str
    published_on: date | None
    paragraph: int
    text: str
    kind: str
    status: str
    url: str


class EntityDetail(Schema):
    id: int
    slug: str
    name: str
    type: str
    aliases: list[str]
    quotes: list[EntityQuote]


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
    editor = can_edit(request.user)
    paragraphs = list(article.paragraphs.all())
    texts = {p.pk: p for p in paragraphs}
    by_role = {p.role: p.text for p in reversed(paragraphs)}  # the first paragraph of each role wins
    quotes = Quote.objects.filter(paragraph__article=article).exclude(status=Quote.Status.REJECTED)
    mentions = defaultdict(list)
    roles = defaultdict(list)
    entities = {}
    for m in Mention.objects.filter(paragraph__article=article).select_related("entity"):
        entities[m.entity_id] = m.entity
        roles[m.entity_id].extend(r for r in m.roles or () if r not in roles[m.entity_id])
        p = texts[m.paragraph_id]
        mentions[m.entity_id].append({"paragraph": p.position, "start": m.start, "end": m.end,
                                      "text": p.text[m.start:m.end]})
    position = {entity_id: k for k, entity_id in enumerate(entities)}  # speaker_entity indexes "entities"
    return {
        "id": article.pk, "slug": article.slug, "revision": article.revision, "status": article.status,
        "meta": {"date": article.published_on, "source": article.source, "title": article.title,
                 "lead": by_role.get("lead", ""), "credit": article.photo_credit, "dateline": article.dateline},
        "paragraphs": [{"id": p.pk, "index": p.position, "role": p.role, "text": p.text} for p in paragraphs],
        "quotes": [
            {"id": q.pk, "paragraph": texts[q.paragraph_id].position, "start": q.start, "end": q.end,
             "text": texts[q.paragraph_id].text[q.start:q.end], "kind": q.kind,
             "speaker": q.display_speaker or None, "speaker_id": q.speaker_id, "speaker_kind": q.speaker_kind,
             "speaker_entity": position.get(q.speaker_id),
             "speaker_mention": q.speaker_mention,
             "cue": q.cue, "addressee": q.addressee, "inferred": q.inferred, "confidence": q.confidence,
             "status": q.status}
            for q in quotes.select_related("speaker")
        ],
        "entities": [{"id": e.pk, "slug": e.slug, "name": e.name, "type": e.type,
                      "aliases": e.aliases if editor else _used_here(e.aliases, mentions[e.pk]),
                      "roles": roles[e.pk], "mentions": mentions[e.pk]}
                     for e in entities.values()],
        "figures": [
            {"id": f.pk, "paragraph": texts[f.paragraph_id].position, "start": f.start, "end": f.end,
             "text": texts[f.paragraph_id].text[f.start:f.end], "kind": f.kind, "value": f.value,
             "qualifier": f.qualifier or None, "unit": f.unit}
            for f in Figure.objects.filter(paragraph__article=article)
        ],
    }


def _used_here(aliases: list[str], mentions: list[dict]) -> list[str]:
    """Readers' aliases: the names this (visible) article uses; others may come from drafts."""
    keys = {match_key(m["text"]) for m in mentions}
    return [alias for alias in aliases if match_key(alias) in keys]


@api.get("/articles/{slug}/notes", summary="The article's notes as a W3C Web Annotation collection (JSON-LD)")
def article_notes(request, slug: str):
    article = get_object_or_404(Article.objects.visible_to(request.user), slug=slug)
    return notes_as_web_annotations(article=article, user=request.user, base_url=request.build_absolute_uri("/"))


@api.get("/entities/{slug}", response=EntityDetail,
         summary="An entity and its newest 500 quotes in visible articles (404 unless it appears in one)")
def entity_detail(request, slug: str):
    entity = entity_for(slug, request.user)
    ids, _ = speaker_quote_ids(entity, request.user)
    return {
        "id": entity.pk, "slug": entity.slug, "name": entity.name, "type": entity.type,
        "aliases": aliases_for(entity, request.user),
        "quotes": [
            {"id": q.pk, "article": q.article.slug, "article_title": q.article.title,
             "published_on": q.article.published_on, "paragraph": q.paragraph.position, "text": q.words,
             "kind": q.kind, "status": q.status, "url": f"{q.article.get_absolute_url()}#q-{q.pk}"}
            for q in load_quotes(ids)
        ],
    }
