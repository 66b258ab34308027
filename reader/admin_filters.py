"""Admin list filters that stay cheap at a million articles: their choices come from an index skip scan or the
per-day counter table, never from reading every article (Django's own source filter and date hierarchy do)."""

from __future__ import annotations

import calendar
from datetime import date

from django.contrib import admin
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from reader import archive
from reader.models import Article, Entity


class SourceFilter(admin.SimpleListFilter):
    title = _("sursă")
    parameter_name = "source"

    def lookups(self, request, model_admin):
        return [(source, source) for source in archive.sources(list(Article.Status.values))]

    def queryset(self, request, queryset):
        return queryset.filter(source=self.value()) if self.value() else queryset


class PublishedFilter(admin.SimpleListFilter):
    """Year, then month, with the number of articles of each (all statuses), from ArticleCount."""

    title = _("dată (an, apoi lună)")
    parameter_name = "published"

    def lookups(self, request, model_admin):
        year, month = self._parts()
        choices = []
        for period in archive.years(archive.ALL_STATUSES):
            choices.append((str(period.year), f"{period.year} ({number_format(period.articles, force_grouping=True)})"))
            if period.year == year:
                choices += [(f"{period.year}-{p.month:02d}",
                             f"  {p.start:%Y-%m} ({number_format(p.articles, force_grouping=True)})")
                            for p in archive.months(archive.ALL_STATUSES, period.year)]
        return choices

    def _parts(self) -> tuple[int | None, int | None]:
        value = self.value() or ""
        year, _, month = value.partition("-")
        try:
            return int(year), (int(month) if month else None)
        except ValueError:
            return None, None

    def queryset(self, request, queryset):
        year, month = self._parts()
        if year is None or not 1 <= year <= 9999 or (month is not None and not 1 <= month <= 12):
            return queryset
        if month is None:
            return queryset.filter(published_on__gte=date(year, 1, 1), published_on__lte=date(year, 12, 31))
        last = calendar.monthrange(year, month)[1]
        return queryset.filter(published_on__gte=date(year, month, 1), published_on__lte=date(year, month, last))


class ChosenOnlyFilter(admin.SimpleListFilter):
    """A filter by one related object, reached by a link (an article's or a speaker's number of quotes): it lists
    the chosen one only. Django's RelatedOnlyFieldListFilter listed every article that has a quote: a DISTINCT over
    every quote and a page of 100,000 links (12 s at 100,000 articles)."""

    related = None  # the related model
    field = ""  # the lookup on the listed model

    def lookups(self, request, model_admin):
        value = self.value()
        chosen = self.related.objects.filter(pk=value).first() if value and value.isdigit() else None
        return [(value, str(chosen)[:80])] if chosen else []

    def queryset(self, request, queryset):
        value = self.value()
        return queryset.filter(**{self.field: int(value)}) if value and value.isdigit() else queryset


class QuoteSpeakerFilter(ChosenOnlyFilter):
    title = _("vorbitor")
    parameter_name = "speaker__id__exact"
    related = Entity
    field = "speaker_id"


class QuoteArticleFilter(ChosenOnlyFilter):
    title = _("articol")
    parameter_name = "article"
    related = Article
    field = "article_id"
