"""The date archive: years, a year's months, a month's days (counts from ArticleCount), a day's articles."""

from __future__ import annotations

import calendar
from datetime import date

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from reader import archive
from reader.paging import PER_PAGE, ArticleKey, keyset_page
from reader.views.articles import cursors, listed_articles, render_list


def _date(year: int, month: int = 1, day: int = 1) -> date:
    try:
        return date(year, month, day)
    except ValueError as error:  # 2025-02-30, month 13, year 0
        raise Http404(str(error)) from error


@require_safe
def archive_index(request):
    context = {"years": archive.years(request.user), "undated": archive.undated(request.user)}
    return render(request, "reader/archive.html", context)


@require_safe
def archive_year(request, year: int):
    start = _date(year)
    context = {"year": start, "months": archive.months(request.user, year),
               "from_here": ArticleKey.start_of_day_after(_date(year, 12, 31))}
    return render(request, "reader/archive.html", context)


@require_safe
def archive_month(request, year: int, month: int):
    start = _date(year, month)
    last = start.replace(day=calendar.monthrange(year, month)[1])
    context = {"year": start, "month": start, "days": archive.days(request.user, year, month),
               "from_here": ArticleKey.start_of_day_after(last)}
    return render(request, "reader/archive.html", context)


@require_safe
def archive_day(request, year: int, month: int, day: int):
    """One day's articles, newest first, paged like the front page, with the nearest days either side."""
    when = _date(year, month, day)
    earlier, later = archive.neighbours(request.user, when)
    articles = listed_articles(request.user).filter(published_on=when)
    context = {"page": keyset_page(articles, **cursors(request), per_page=PER_PAGE), "day": when,
               "earlier": earlier, "later": later, "from_here": ArticleKey.start_of_day_after(when)}
    return render_list(request, context)
