"""The date archive (year -> month -> day) and the article counts pages show, read from ArticleCount.

ArticleCount holds one row per day and status, kept by database triggers (migration 0010): a year's months or
the whole archive's total is a sum over at most a few thousand small rows, the same at 10,000 articles or
10,000,000, and exact. The articles themselves are listed by reader.paging's keyset pages, from the same
listing index as the front page.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from django.db import connection
from django.db.models import Sum
from django.db.models.functions import ExtractMonth, ExtractYear

from reader.models import Article, ArticleCount, can_edit


@dataclass(frozen=True)
class Period:
    start: date
    articles: int

    @property
    def year(self) -> int:
        return self.start.year

    @property
    def month(self) -> int:
        return self.start.month

    @property
    def day(self) -> int:
        return self.start.day


ALL_STATUSES = object()  # in place of a user: count drafts too (the admin)


def _counts(user):
    counts = ArticleCount.objects.filter(articles__gt=0)
    if user is not ALL_STATUSES and not can_edit(user):
        counts = counts.filter(status=Article.Status.PUBLISHED)
    return counts.order_by()


def total(user) -> int:
    """Every article ``user`` may see (published ones; drafts too for editors)."""
    return _counts(user).aggregate(n=Sum("articles"))["n"] or 0


def undated(user) -> int:
    return _counts(user).filter(day=ArticleCount.UNDATED).aggregate(n=Sum("articles"))["n"] or 0


def years(user) -> list[Period]:
    """Years with articles, newest first, each with its number of articles."""
    rows = (_counts(user).exclude(day=ArticleCount.UNDATED).annotate(year=ExtractYear("day")).values("year")
            .annotate(n=Sum("articles")).order_by("-year"))
    return [Period(date(row["year"], 1, 1), row["n"]) for row in rows]


def months(user, year: int) -> list[Period]:
    rows = (_counts(user).filter(day__gte=date(year, 1, 1), day__lte=date(year, 12, 31))
            .annotate(month=ExtractMonth("day")).values("month").annotate(n=Sum("articles")).order_by("-month"))
    return [Period(date(year, row["month"], 1), row["n"]) for row in rows]


def days(user, year: int, month: int) -> list[Period]:
    last = calendar.monthrange(year, month)[1]
    rows = (_counts(user).filter(day__gte=date(year, month, 1), day__lte=date(year, month, last))
            .values("day").annotate(n=Sum("articles")).order_by("-day"))
    return [Period(row["day"], row["n"]) for row in rows]


def neighbours(user, day: date) -> tuple[date | None, date | None]:
    """The nearest earlier and later days that have articles (for a day's page)."""
    counts = _counts(user).exclude(day=ArticleCount.UNDATED)
    earlier = counts.filter(day__lt=day).order_by("-day").values_list("day", flat=True).first()
    later = counts.filter(day__gt=day).order_by("day").values_list("day", flat=True).first()
    return earlier, later


def sources(statuses: list[str], limit: int = 200) -> list[str]:
    """Distinct non-empty sources of articles in ``statuses``, alphabetically: one index probe per source (a skip
    scan of the (status, source) index by recursive query) instead of reading every article's row."""
    found: set[str] = set()
    with connection.cursor() as cursor:
        for status in statuses:
            cursor.execute(
                "WITH RECURSIVE found(source) AS ("
                " SELECT (SELECT source FROM reader_article WHERE status = %s AND source > '' ORDER BY source LIMIT 1)"
                " UNION ALL"
                " SELECT (SELECT source FROM reader_article WHERE status = %s AND source > found.source"
                "         ORDER BY source LIMIT 1) FROM found WHERE found.source IS NOT NULL"
                ") SELECT source FROM found WHERE source IS NOT NULL LIMIT %s",
                [status, status, limit],
            )
            found.update(source for (source,) in cursor.fetchall())
    return sorted(found)[:limit]
