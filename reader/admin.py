from django.contrib import admin

from reader.extraction.normalize import match_key
from reader.models import Article, BlockedName, Entity, Figure, Mention, Note, NoteRevision, Paragraph, Quote


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


class DetachedFilter(admin.SimpleListFilter):
    title = "anchoring"
    parameter_name = "anchoring"

    def lookups(self, request, model_admin):
        return [("detached", "detached (waiting for an editor)"), ("attached", "attached")]

    def queryset(self, request, queryset):
        if self.value() == "detached":
            return queryset.filter(paragraph__isnull=True)
        if self.value() == "attached":
            return queryset.filter(paragraph__isnull=False)
        return queryset


class NoteRevisionInline(admin.TabularInline):
    model = NoteRevision
    extra = 0
    can_delete = False
    fields = ["version", "body", "kind", "visibility", "editor", "created_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Note)
class NoteAdmin(admin.ModelAdmin):
    list_display = ["__str__", "article", "kind", "visibility", "author", "created_at", "is_detached", "candidate_label",
                    "candidate_score", "deleted_at"]
    list_filter = [DetachedFilter, "kind", "visibility", ("deleted_at", admin.EmptyFieldListFilter)]
    list_select_related = ["article", "author", "candidate"]
    search_fields = ["body", "anchor_exact"]
    raw_id_fields = ["article", "paragraph", "author", "candidate"]
    readonly_fields = ["body_html", "version", "anchor_exact", "anchor_prefix", "anchor_suffix", "anchor_fingerprint",
                       "anchor_position", "anchor_start", "anchor_end", "detached_at", "candidate_score"]
    inlines = [NoteRevisionInline]
    actions = ["reattach_to_candidate"]

    def has_delete_permission(self, request, obj=None):
        return False  # notes are never deleted, only moved to the trash (deleted_at)

    @admin.display(boolean=True, description="detached")
    def is_detached(self, note):
        return note.is_detached

    @admin.display(description="best candidate")
    def candidate_label(self, note):
        return f"¶{note.candidate.position}: {note.candidate.text[:60]}" if note.candidate_id else ""

    @admin.action(description="Re-attach the selected detached notes to their best candidate paragraph")
    def reattach_to_candidate(self, request, queryset):
        done = 0
        for note in queryset.filter(paragraph__isnull=True, candidate__isnull=False).select_related("candidate"):
            note.reattach(note.candidate)
            self.log_change(request, note, f"re-attached to paragraph {note.candidate.position}")
            done += 1
        self.message_user(request, f"{done} note(s) re-attached.")


@admin.register(BlockedName)
class BlockedNameAdmin(admin.ModelAdmin):
    list_display = ["name", "key", "created_by", "created_at"]
    search_fields = ["name", "key"]
    readonly_fields = ["key"]

    def save_model(self, request, obj, form, change):
        obj.key = match_key(obj.name)
        obj.created_by = obj.created_by or request.user
        super().save_model(request, obj, form, change)
