from django.contrib import admin

from reader.models import Article, Entity, Figure, Mention, Note, Paragraph, Quote


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "source", "published_on", "revision", "imported_at"]
    list_filter = ["status", "source"]
    search_fields = ["title"]
    readonly_fields = ["raw_text", "text_sha256", "revision", "import_key", "imported_at"]
    actions = ["publish", "unpublish"]

    @admin.action(description="Publish the selected articles")
    def publish(self, request, queryset):
        for article in queryset:
            article.publish()

    @admin.action(description="Unpublish the selected articles")
    def unpublish(self, request, queryset):
        for article in queryset:
            article.unpublish()


@admin.register(Paragraph)
class ParagraphAdmin(admin.ModelAdmin):
    list_display = ["article", "position", "role", "text"]
    list_filter = ["role"]
    list_select_related = ["article"]
    raw_id_fields = ["article"]


@admin.register(Entity)
class EntityAdmin(admin.ModelAdmin):
    list_display = ["name", "type", "slug"]
    list_filter = ["type"]
    search_fields = ["name", "key"]
    readonly_fields = ["key"]


@admin.register(Mention)
class MentionAdmin(admin.ModelAdmin):
    list_display = ["entity", "paragraph", "start", "end"]
    raw_id_fields = ["entity", "paragraph"]
    list_select_related = ["entity", "paragraph"]


@admin.register(Quote)
class QuoteAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "speaker_name", "cue", "confidence", "status"]
    list_filter = ["status", "kind"]
    raw_id_fields = ["paragraph", "speaker"]
    list_select_related = ["paragraph", "speaker"]


@admin.register(Figure)
class FigureAdmin(admin.ModelAdmin):
    list_display = ["text", "kind", "value", "unit", "qualifier"]
    list_filter = ["kind"]
    raw_id_fields = ["paragraph"]
    list_select_related = ["paragraph"]


@admin.register(Note)
class NoteAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "visibility", "author", "created_at", "deleted_at"]
    list_filter = ["kind", "visibility"]
    raw_id_fields = ["paragraph", "author"]
    readonly_fields = ["body_html", "version"]
