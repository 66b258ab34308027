"""What the review screen shows: the quotes no one has checked, least confident first, each with its paragraph and
the people it could be from.

A page is a fixed number of queries whatever the size of the queue: the quotes (by the ``quote_review_queue``
index on confidence and id, keyset-paged), then the speakers the page's articles mention, in one query.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils.safestring import mark_safe

from reader.extraction.highlight import Highlight, render_spans
from reader.models import Entity, Mention, Quote, visible_articles_q
from reader.paging import CappedCount, capped_count

PER_PAGE = 10  # a screenful or two: decisions move on by key, the next page is one link away
ALTERNATIVES = 6  # speakers offered per quote, each one key away (1-6)


@dataclass
class ReviewItem:
    quote: Quote
    paragraph_html: str  # the paragraph, the quote marked
    alternatives: list[Entity] = field(default_factory=list)  # the article's speakers, nearest first
    next_pk: int | None = None  # the quote after it on the page: where the page goes once this one is decided


@dataclass
class ReviewPage:
    items: list[ReviewItem]
    next_cursor: str | None  # ?after= of the next page
    unverified: CappedCount  # machine quotes below the confidence threshold, in the same scope


def unreviewed(user, *, article_id: int | None = None):
    """Quotes a person has not decided, in articles ``user`` may see, least confident first."""
    quotes = Quote.objects.filter(visible_articles_q("article", user), status=Quote.Status.MACHINE)
    if article_id is not None:
        quotes = quotes.filter(article_id=article_id)
    return quotes.order_by("confidence", "id")


def parse_cursor(value: str | None) -> tuple[float, int] | None:
    """``<confidence>:<id>`` of the last quote seen; ValueError when it is not one."""
    if not value:
        return None
    confidence, _, pk = value.partition(":")
    number = float(confidence)
    if not (0.0 <= number <= 1.0) or not pk.isdigit():
        raise ValueError(f"not a review cursor: {value[:40]!r}")
    return number, int(pk)


def review_page(user, *, after: str | None = None, article_id: int | None = None) -> ReviewPage:
    queue = unreviewed(user, article_id=article_id)
    cursor = parse_cursor(after)
    page = queue
    if cursor is not None:
        confidence, pk = cursor
        page = queue.filter(Q(confidence__gt=confidence) | Q(confidence=confidence, id__gt=pk))
    quotes = list(page.select_related("paragraph", "article", "speaker")[: PER_PAGE + 1])
    more = len(quotes) > PER_PAGE
    quotes = quotes[:PER_PAGE]
    alternatives = _speakers_near(quotes)
    items = [_item(q, alternatives) for q in quotes]
    for item, following in zip(items, items[1:], strict=False):
        item.next_pk = following.quote.pk
    last = quotes[-1] if quotes else None
    return ReviewPage(
        items=items,
        next_cursor=f"{last.confidence!r}:{last.pk}" if more and last else None,
        unverified=capped_count(queue.filter(confidence__lt=Quote.CONFIDENT)),
    )


def review_item(quote: Quote) -> ReviewItem:
    """One quote as the review screen shows it (after a decision, say)."""
    return _item(quote, _speakers_near([quote]))


def _item(quote: Quote, alternatives) -> ReviewItem:
    others = [e for e in alternatives(quote) if e.pk != quote.speaker_id][:ALTERNATIVES]
    return ReviewItem(quote, _marked(quote), others)


def marked_paragraph(quote: Quote, *, mark_id: str = "") -> str:
    """The quote's paragraph, escaped, the quote's words in ``<mark>``."""
    attrs = f' id="{mark_id}"' if mark_id else ""
    mark = Highlight(quote.start, quote.end, f'<mark class="review-quote"{attrs}>', "</mark>")
    return mark_safe(render_spans(quote.paragraph.text, [mark]))  # noqa: S308 - render_spans escapes all text


def _marked(quote: Quote) -> str:
    return marked_paragraph(quote, mark_id=f"review-{quote.pk}-words")


def _speakers_near(quotes: list[Quote]):
    """A function giving, for a quote, the speakers its article mentions: those in its own paragraph first, then the
    most mentioned. One query for all the quotes' articles."""
    rows = (Mention.objects.filter(article_id__in={q.article_id for q in quotes}, entity__type__in=Entity.SPEAKER_TYPES)
            .values("article_id", "paragraph_id", "entity_id", "entity__name", "entity__slug", "entity__type")
            .annotate(n=Count("id")))
    counts: dict[int, Counter] = defaultdict(Counter)
    in_paragraph: dict[int, set[int]] = defaultdict(set)
    entities: dict[int, Entity] = {}
    for row in rows:
        counts[row["article_id"]][row["entity_id"]] += row["n"]
        in_paragraph[row["paragraph_id"]].add(row["entity_id"])
        entities[row["entity_id"]] = Entity(pk=row["entity_id"], name=row["entity__name"], slug=row["entity__slug"],
                                            type=row["entity__type"])

    def ranked(quote: Quote) -> list[Entity]:
        near = in_paragraph.get(quote.paragraph_id, set())
        mentioned = counts.get(quote.article_id, Counter())
        order = sorted(mentioned, key=lambda pk: (pk not in near, -mentioned[pk], entities[pk].name))
        return [entities[pk] for pk in order]

    return ranked


def unverified_by_article(article_ids) -> dict[int, int]:
    """Machine quotes below the confidence threshold per article: the article list's "to check" counts."""
    rows = (Quote.objects.filter(article_id__in=list(article_ids), status=Quote.Status.MACHINE,
                                 confidence__lt=Quote.CONFIDENT)
            .values("article_id").annotate(n=Count("id")).order_by())
    return {row["article_id"]: row["n"] for row in rows}

