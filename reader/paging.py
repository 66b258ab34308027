"""Paging that stays cheap in a large archive: keyset pages ("newer / older" by cursor, never OFFSET), counts
that stop at a cap, and for the admin, where Django pages by number, a Paginator whose deep pages skip over keys
only and whose count is the planner's estimate.

A page's cost must not depend on the archive's size: ``Paginator`` counts every row on every request and OFFSET
reads every row it skips, which at 1,000,000 articles cost far more than the page itself.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import BooleanField
from django.db.models.expressions import RawSQL
from django.utils.functional import cached_property

COUNT_CAP = 1000


@dataclass(frozen=True)
class CappedCount:
    value: int
    more: bool  # the real count is larger than value

    def __str__(self) -> str:
        return f"{self.value}+" if self.more else str(self.value)


def capped_count(queryset, cap: int = COUNT_CAP) -> CappedCount:
    """The number of rows, counting no further than ``cap`` (shown as "1000+")."""
    found = queryset.order_by()[: cap + 1].count()
    return CappedCount(min(found, cap), found > cap)


class DeferredJoinPaginator(Paginator):
    """A Paginator whose OFFSET walks only the primary keys (an index-only scan with the listing
    index), then reads the full rows of that one page: a deep page costs little more than the first."""

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        keys = list(self.object_list.values_list("pk", flat=True)[bottom:top])
        # Then the page's rows by primary key, unordered: with the listing's ORDER BY the planner would
        # walk the whole listing index to find 30 rows.
        by_key = {row.pk: row for row in self.object_list.filter(pk__in=keys).order_by()}
        return self._get_page([by_key[k] for k in keys if k in by_key], number, self)


# Keyset paging: "newer / older" by (published_on, id), newest first, undated articles after the dated ones.
# A cursor names the last row seen, not a position, so a link stays valid (and shows the same neighbours)
# however many articles arrive; every page is read from the listing index (status, -published_on, -id),
# never with OFFSET, so the ten-thousandth page costs what the first does.

MAX_KEY_ID = 2**63 - 1
PER_PAGE = 30  # the article lists: the front page, the archive's days and the API
LEGACY_PAGES = 100  # old ?page=N links up to here still lead to the same articles (found by keys, not OFFSET)
UNDATED_TOKEN = "undated"


@dataclass(frozen=True)
class ArticleKey:
    """A row's place in the listing order: ``?before=2025-09-03.1234`` (undated rows: ``undated.1234``)."""

    published_on: date | None
    id: int

    def __str__(self) -> str:
        day = self.published_on.isoformat() if self.published_on else UNDATED_TOKEN
        return f"{day}.{self.id}"

    @classmethod
    def of(cls, row) -> ArticleKey:
        if isinstance(row, tuple):
            return cls(row[0], row[1])
        return cls(row.published_on, row.pk)

    @classmethod
    def parse(cls, value: str | None) -> ArticleKey | None:
        """None when absent; ValueError when ``value`` is not a cursor."""
        if value is None or value == "":
            return None
        day, dot, number = value.partition(".")
        if not (dot and len(value) <= 40 and number.isascii() and number.isdigit() and int(number) <= MAX_KEY_ID):
            raise ValueError(f"not a cursor: {value[:40]!r}")
        if day == UNDATED_TOKEN:
            return cls(None, int(number))
        if not (len(day) == 10 and day.isascii()):
            raise ValueError(f"not a cursor: {value[:40]!r}")
        return cls(date.fromisoformat(day), int(number))

    @classmethod
    def start_of_day_after(cls, day: date) -> ArticleKey:
        """The cursor before which come ``day``'s articles and all older ones (an archive jump)."""
        if day == date.max:
            return cls(day, MAX_KEY_ID)
        return cls(day + timedelta(days=1), 0)


@dataclass
class KeysetPage:
    object_list: list
    newer: ArticleKey | None = None  # ?after= this shows the rows just newer than the page, if any
    older: ArticleKey | None = None  # ?before= this shows the rows just older, if any

    @property
    def has_other_pages(self) -> bool:
        return bool(self.newer or self.older)

    @property
    def first_day(self) -> date | None:
        return self.object_list[0].published_on if self.object_list else None

    @property
    def last_day(self) -> date | None:
        return self.object_list[-1].published_on if self.object_list else None


def keyset_page(queryset, *, before: ArticleKey | None = None, after: ArticleKey | None = None,
                per_page: int) -> KeysetPage:
    """One page of ``queryset`` (articles, visibility already applied) in the listing order.

    Without a cursor: the newest ``per_page``. With ``before``: the rows after that key; with ``after``: the rows
    just newer than it (still shown newest first; where fewer than a page remain, the first page). One query for
    the page and one index probe for the link back, two more only where the dated rows end and the undated begin.
    """
    if after is not None:
        rows = _newer(queryset, after, per_page + 1)
        if len(rows) <= per_page:  # the newest rows: the first page, full, rather than a stub
            return keyset_page(queryset, per_page=per_page)
        rows = rows[:per_page][::-1]
        return KeysetPage(rows, newer=ArticleKey.of(rows[0]), older=_older_key(queryset, ArticleKey.of(rows[-1])))
    rows = _older(queryset, before, per_page + 1)
    page = KeysetPage(rows[:per_page])
    if len(rows) > per_page:
        page.older = ArticleKey.of(page.object_list[-1])
    if before is not None:
        top = ArticleKey.of(page.object_list[0]) if page.object_list else before
        page.newer = top if _newer(queryset, top, 1) else None
    return page


def key_at(queryset, offset: int) -> ArticleKey | None:
    """The key of the row at ``offset`` in the listing order (keys only, from the index), None past the end.
    For old ``?page=N`` links; callers bound ``offset``."""
    rows = _older(queryset.values_list("published_on", "id"), None, offset + 1)
    return ArticleKey.of(rows[offset]) if len(rows) > offset else None


def _older_key(queryset, key: ArticleKey) -> ArticleKey | None:
    return key if _older(queryset, key, 1) else None


def _older(queryset, key: ArticleKey | None, n: int) -> list:
    """Up to ``n`` rows after ``key`` (from the top when None), newest first, undated rows last."""
    rows = []
    if key is None:
        rows = list(queryset.filter(published_on__isnull=False).order_by("-published_on", "-id")[:n])
    elif key.published_on is not None:
        rows = list(queryset.filter(_row_compare(queryset, "<", key)).order_by("-published_on", "-id")[:n])
    if len(rows) < n:
        undated = queryset.filter(published_on__isnull=True)
        if key is not None and key.published_on is None:
            undated = undated.filter(id__lt=key.id)
        rows += list(undated.order_by("-id")[: n - len(rows)])
    return rows


def _newer(queryset, key: ArticleKey, n: int) -> list:
    """Up to ``n`` rows before ``key`` in the listing order, nearest first (so oldest first)."""
    if key.published_on is None:
        rows = list(queryset.filter(published_on__isnull=True, id__gt=key.id).order_by("id")[:n])
        if len(rows) < n:
            rows += list(queryset.filter(published_on__isnull=False).order_by("published_on", "id")[: n - len(rows)])
        return rows
    return list(queryset.filter(_row_compare(queryset, ">", key)).order_by("published_on", "id")[:n])


def _row_compare(queryset, op: str, key: ArticleKey) -> RawSQL:
    """(published_on, id) < or > the key's, as one row comparison: both databases take it as a range on the
    listing index, so a page starts exactly at its cursor (with published_on <= day AND (... OR id < n) PostgreSQL
    fetched and discarded the cursor's day's newer rows, ~450 a day at a million articles). NULL dates never
    compare: undated rows are paged separately."""
    table = connection.ops.quote_name(queryset.model._meta.db_table)
    return RawSQL(f"({table}.{connection.ops.quote_name('published_on')}, {table}.{connection.ops.quote_name('id')})"
                  f" {op} (%s, %s)", [key.published_on, key.id], output_field=BooleanField())


def sorted_page(rows: list, *, order, cursor, before=None, after=None, per_page: int) -> KeysetPage:
    """A keyset page of ``rows``, a bounded window the caller read and sorted largest ``order(row)`` first.
    ``before`` / ``after`` are cursors with an ``order`` tuple comparable to ``order(row)``; ``cursor(row)``
    makes the cursors of the page's edges."""
    if after is not None:
        newer = [row for row in rows if order(row) > after.order]
        if len(newer) <= per_page:  # the newest rows: the first page, full
            return sorted_page(rows, order=order, cursor=cursor, per_page=per_page)
        shown = newer[-per_page:]
        return KeysetPage(shown, newer=cursor(shown[0]), older=cursor(shown[-1]) if len(newer) < len(rows) else None)
    start = 0 if before is None else next((i for i, row in enumerate(rows) if order(row) < before.order), len(rows))
    shown = rows[start : start + per_page]
    return KeysetPage(shown, newer=(cursor(shown[0]) if shown else before) if start else None,
                      older=cursor(shown[-1]) if start + per_page < len(rows) else None)


class EstimatedCountPaginator(DeferredJoinPaginator):
    """For admin lists at scale: the count is the planner's estimate on PostgreSQL where that is large (an exact
    count reads every row it counts: ~100 ms at 1,000,000 articles), exact where it is small or the database
    keeps no estimate; ``count_is_estimate`` says which. Pages skip over keys only (DeferredJoinPaginator)."""

    EXACT_BELOW = 10_000

    count_is_estimate = False

    @cached_property
    def count(self) -> int:
        estimate = planner_estimate(self.object_list)
        if estimate is None or estimate < self.EXACT_BELOW:
            return self.object_list.count()
        self.count_is_estimate = True
        return estimate


def planner_estimate(queryset) -> int | None:
    """PostgreSQL's estimate of the rows ``queryset`` returns (EXPLAIN, nothing is read); None elsewhere."""
    if connection.vendor != "postgresql":
        return None
    try:
        sql, params = queryset.order_by().values("pk").query.sql_with_params()
    except EmptyResultSet:  # e.g. pk__in=[]: no query at all
        return 0
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (FORMAT JSON) " + sql, params)
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    return int(plan[0]["Plan"]["Plan Rows"])
