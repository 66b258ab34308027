"""Paging that stays cheap in a large archive: pages without a count, counts that stop at a cap, and
a Paginator whose deep pages skip over keys only.

Both keep a page's cost independent of the archive's size: ``Paginator`` counts every row on every
request, which at 100,000 articles costs more than the page itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.paginator import Paginator

COUNT_CAP = 1000


@dataclass
class CountlessPage:
    object_list: list
    number: int

    has_next: bool = False

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_other_pages(self) -> bool:
        return self.has_next or self.has_previous

    def next_page_number(self) -> int:
        return self.number + 1

    def previous_page_number(self) -> int:
        return self.number - 1


def countless_page(queryset, page: str | None, *, per_page: int) -> CountlessPage:
    """Page ``page`` (1-based; anything else means 1) of an ordered queryset: one query, no COUNT."""
    try:
        number = max(1, int(page or 1))
    except ValueError:
        number = 1
    start = (number - 1) * per_page
    rows = list(queryset[start : start + per_page + 1])
    return CountlessPage(object_list=rows[:per_page], number=number, has_next=len(rows) > per_page)


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
