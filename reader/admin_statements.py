"""Statements in the admin: the ones whose words are credited to different speakers come first, to review."""

from __future__ import annotations

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from reader.models import Appearance, Statement


class AppearanceInline(admin.TabularInline):
    model = Appearance
    fields = ("article_link", "published_on", "speaker", "words", "verdict")
    readonly_fields = ("article_link", "published_on", "speaker", "words", "verdict")
    can_delete = False
    extra = 0
    max_num = 0
    ordering = ("published_on", "id")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article", "quote__speaker", "quote__paragraph")

    @admin.display(description=_("articol"))
    def article_link(self, row):
        url = reverse("reader:quote_statement", args=[row.quote_id])
        return format_html('<a href="{}">{}</a> ({})', url, row.article.title, row.article.source)

    @admin.display(description=_("vorbitor"))
    def speaker(self, row):
        return row.quote.display_speaker


@admin.register(Statement)
class StatementAdmin(admin.ModelAdmin):
    """Read-only: statements are kept by the import (reader.provenance); editors judge versions on the site."""

    list_display = ("words_short", "size", "published", "speakers_differ", "first_on")
    list_filter = ("speakers_differ",)
    ordering = ("-speakers_differ", "-size", "-id")
    search_fields = ("words",)
    show_full_result_count = False
    inlines = [AppearanceInline]
    readonly_fields = ("words", "size", "published", "speakers", "speakers_differ", "first_on", "created_at")
    exclude = ("variants", "first")

    @admin.display(description=_("cuvinte"), ordering="words")
    def words_short(self, statement):
        return statement.words[:120]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
