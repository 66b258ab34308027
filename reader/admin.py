"""The curators' panel: articles, review queues, entity merging, the detached-notes queue.

Every curation action is a function of reader.actions, the same one the reading page calls: it writes the
object's History line (who did what) and refreshes the pages that show the change.
"""

from contextlib import contextmanager

from axes import admin as axes_admin  # registers axes' models now, so its admin can be replaced below
from axes.models import AccessAttempt
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from reader import actions, ingest, jobs
from reader.admin_filters import PublishedFilter, QuoteArticleFilter, QuoteSpeakerFilter, SourceFilter
from reader.admin_jobs import batch_url  # also registers the job queue's admin
from reader.admin_review import QuoteReviewFilter, QuoteReviewMixin
from reader.admin_statements import StatementAdmin  # noqa: F401 - registers the statements' admin
from reader.anchoring import SUGGEST_SCORE
from reader.curation import duplicate_suggestions
from reader.extraction.normalize import match_key
from reader.forms import NoteForm
from reader.importers.rows import MappingError, parse_mapping
from reader.models import (
    Article,
    BlockedName,
    Entity,
    EntityMerge,
    Figure,
    Mention,
    Note,
    NoteConflict,
    NoteNotDetached,
    NoteRevision,
    Paragraph,
    Quote,
)
from reader.paging import EstimatedCountPaginator
from reader.search import search
from reader.templatetags.reading_charts import qualifier_label

ADMIN_SEARCH_LIMIT = 1000


ENTITY_COUNT_CAP = 1000


def _capped_count(table: str, column: str) -> RawSQL:
    """How many rows of ``table`` name the listed entity, counting no further than ENTITY_COUNT_CAP + 1."""
    return RawSQL(f"SELECT COUNT(*) FROM (SELECT 1 FROM {table} c WHERE c.{column} = reader_entity.id "
                  f"LIMIT {ENTITY_COUNT_CAP + 1}) capped", [], output_field=IntegerField())


def _capped(n: int) -> str:
    return f"{ENTITY_COUNT_CAP}+" if n > ENTITY_COUNT_CAP else str(n)


def _count(queryset, group_by: str):
    """A correlated COUNT subquery: cheap per row, no row multiplication from joins."""
    counted = queryset.filter(**{group_by: OuterRef("pk")}).order_by().values(group_by).annotate(n=Count("pk"))
    return Coalesce(Subquery(counted.values("n"), output_field=IntegerField()), Value(0))


@contextmanager
def _refused_as_message(model_admin, request):
    """An action refused after the form's checks passed (another curator got there first): the transaction
    rolled back; the curator reads why, and the caller redirects."""
    try:
        yield
    except actions.Refused as refused:
        model_admin.message_user(request, gettext("Nu s-a salvat nimic: %(reason)s") % {"reason": refused},
                                 messages.ERROR)


class DetachedNotesFilter(admin.SimpleListFilter):
    title = _("note detașate")
    parameter_name = "detached"

    def lookups(self, request, model_admin):
        return [("yes", _("are note detașate"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(pk__in=Note.objects.alive().detached().values("article_id"))
        return queryset


class ParagraphInline(admin.TabularInline):
    """The article as stored: each paragraph with what was found in it (read-only)."""

    model = Paragraph
    extra = 0
    can_delete = False
    fields = ["position", "role", "text", "found"]
    readonly_fields = fields
    ordering = ["position"]

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("quotes__speaker", "figures", "notes")

    @admin.display(description=_("citate · cifre · note"))
    def found(self, paragraph):
        quotes = format_html_join(
            "",
            "<li>„{}” — {} <small>({}, {})</small></li>",
            ((q.text[:80], q.display_speaker or "?", q.get_kind_display(), q.get_status_display())
             for q in paragraph.quotes.all()),
        )
        figures = format_html_join("", "<li>{} = {}</li>", ((f.text, f.value) for f in paragraph.figures.all()))
        notes = format_html_join("", "<li>✎ {}</li>", ((n.body[:80],) for n in paragraph.notes.all()))
        return format_html("<ul>{}{}{}</ul>", quotes, figures, notes)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's documented recipe)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("allow_empty_file", True)  # the importer reports an empty file with its reason
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        return [single(d, initial) for d in data] if isinstance(data, list | tuple) else [single(data, initial)]


class ImportForm(forms.Form):
    files = MultipleFileField()
    publish = forms.BooleanField(label=_("Publică"), required=False, help_text=_("Publică articolele importate."))
    mapping = forms.CharField(
        label=_("Coloanele exporturilor"), required=False, max_length=500,
        help_text=_("Se importă și pagini web salvate (.html) și exporturi cu un articol pe rând (.jsonl, .json, "
                    ".csv). Coloanele cu nume obișnuite (<code>text</code> sau <code>maintext</code>, "
                    "<code>title</code>, <code>date</code>, <code>url</code>, <code>source</code>, "
                    "<code>author</code>) sunt găsite "
                    "singure; altfel numiți-le: <code>text=corp,title=titlu</code>."),
    )

    def clean_mapping(self):
        try:
            return parse_mapping(self.cleaned_data.get("mapping"))
        except MappingError as error:
            raise forms.ValidationError(str(error)) from None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["files"].label = gettext("Fișiere")
        self.fields["files"].help_text = gettext(
            "Unul sau mai multe fișiere .txt în formatul articolelor, sau o arhivă .zip cu ele (cel mult %(files)s "
            "fișiere, %(unpacked)s MB dezarhivate). Fiecare articol are cel mult %(size)s MB și %(paragraphs)s "
            "paragrafe de cel mult %(chars)s caractere."
        ) % {
            "files": number_format(settings.READER_MAX_ARCHIVE_MEMBERS, force_grouping=True),
            "unpacked": number_format(settings.READER_MAX_ARCHIVE_BYTES // 2**20, force_grouping=True),
            "size": number_format(settings.READER_MAX_IMPORT_BYTES // 2**20, force_grouping=True),
            "paragraphs": number_format(settings.READER_MAX_PARAGRAPHS, force_grouping=True),
            "chars": number_format(settings.READER_MAX_PARAGRAPH_CHARS, force_grouping=True),
        }


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "status",
        "source",
        "published_on",
        "quotes",
        "unverified",
        "entities",
        "notes",
    ]
    # At a million articles: no full COUNT (an estimate, and no "N total"), deep pages skip over keys only, and
    # filters whose choices come from an index or the counter table (Django's source filter and date hierarchy
    # read every row). Sorting by the computed columns would count for every article: only the page's are counted.
    list_filter = ["status", SourceFilter, PublishedFilter, "published_on", DetachedNotesFilter]
    show_full_result_count = False
    paginator = EstimatedCountPaginator
    search_fields = ["title", "raw_text"]
    readonly_fields = ["raw_text", "text_sha256", "revision", "import_key", "imported_at"]
    inlines = [ParagraphInline]
    actions = ["publish", "unpublish", "reextract", "export_annotations"]
    change_list_template = "admin/reader/article/change_list.html"

    def get_queryset(self, request):
        machine = Quote.objects.filter(status=Quote.Status.MACHINE, confidence__lt=Quote.CONFIDENT)
        entities = Mention.objects.order_by().values("paragraph__article").annotate(n=Count("entity", distinct=True))
        return (
            super()
            .get_queryset(request)
            .annotate(
                quote_count=_count(Quote.objects.exclude(status=Quote.Status.REJECTED), "paragraph__article"),
                unverified_count=_count(machine, "paragraph__article"),
                note_count=_count(Note.objects.alive(), "article"),
                entity_count=Coalesce(
                    Subquery(
                        entities.filter(paragraph__article=OuterRef("pk")).values("n"), output_field=IntegerField()
                    ),
                    Value(0),
                ),
            )
        )

    def get_search_results(self, request, queryset, search_term):
        """Title and text, through the reading room's search: case, diacritics and cedillas do not matter."""
        if not search_term.strip():
            return queryset, False
        hits = search(search_term, user=request.user, limit=ADMIN_SEARCH_LIMIT).articles
        return queryset.filter(pk__in=[hit.article.pk for hit in hits]), False

    @admin.display(description=_("citate"))
    def quotes(self, article):
        url = reverse("admin:reader_quote_changelist") + f"?article={article.pk}"
        return format_html('<a href="{}">{}</a>', url, article.quote_count)

    @admin.display(description=_("neverificate"))
    def unverified(self, article):
        return article.unverified_count

    @admin.display(description=_("entități"))
    def entities(self, article):
        return article.entity_count

    @admin.display(description=_("note"))
    def notes(self, article):
        return article.note_count

    @admin.action(description=_("Publică articolele selectate"), permissions=["change"])
    def publish(self, request, queryset):
        for article in queryset:
            actions.publish_article(article=article, by=request.user)

    @admin.action(description=_("Retrage articolele selectate din publicare"), permissions=["change"])
    def unpublish(self, request, queryset):
        for article in queryset:
            actions.unpublish_article(article=article, by=request.user)

    @admin.action(description=_("Reia extracția (păstrează notele și deciziile redacției)"), permissions=["change"])
    def reextract(self, request, queryset):
        """One job per article on the queue: the request only lists them (reader/jobs.py)."""
        batch = jobs.enqueue_reextract(articles=queryset, by=request.user,
                                       label=gettext("Reextragere din admin"))
        return HttpResponseRedirect(batch_url(batch))

    @admin.action(description=_("Exportă adnotările (W3C JSON-LD)"), permissions=["view"])
    def export_annotations(self, request, queryset):
        """A job writes the file; the batch's page offers it for download once it is done."""
        batch = jobs.enqueue_export(article_ids=list(queryset.values_list("pk", flat=True)), user=request.user,
                                    base_url=request.build_absolute_uri("/"),
                                    label=gettext("Export de adnotări din admin"))
        return HttpResponseRedirect(batch_url(batch))

    def get_urls(self):
        extra = [path("import/", self.admin_site.admin_view(self.import_view), name="reader_article_import")]
        return extra + super().get_urls()

    def import_view(self, request):
        """Upload files or a zip; the same import code as `manage.py import_articles`."""
        if not self.has_add_permission(request):
            return HttpResponse(status=403)
        results = None
        form = ImportForm(request.POST, request.FILES) if request.method == "POST" else ImportForm()
        if form.is_bound and form.is_valid():
            # The uploaded files themselves: sizes are checked before anything is read into memory.
            uploads = [(f.name, f) for f in form.cleaned_data["files"]]
            if not form.cleaned_data["mapping"]:
                # One job per article, read from the upload now and imported by the workers: the answer comes at
                # once, and the batch's page shows each file's result as it arrives.
                batch = jobs.enqueue_import(items=ingest.split_uploads(files=uploads),
                                            publish=form.cleaned_data["publish"], by=request.user,
                                            label=gettext("Încărcare: %(files)s") % {
                                                "files": ", ".join(f.name for f in form.cleaned_data["files"][:3])
                                                + ("…" if len(uploads) > 3 else "")})
                return HttpResponseRedirect(batch_url(batch))
            # A row export with its own column names is imported here (a job carries a file, not a mapping).
            results = actions.import_uploads(files=uploads, publish=form.cleaned_data["publish"], by=request.user,
                                             mapping=form.cleaned_data["mapping"])
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "form": form,
            "results": results,
            "title": gettext("Importă articole"),
        }
        return render(request, "admin/reader/article/import.html", context)


@admin.register(Paragraph)
class ParagraphAdmin(admin.ModelAdmin):
    show_full_result_count = False  # millions of rows: no full COUNT, an estimate (reader.paging)
    paginator = EstimatedCountPaginator
    list_display = ["article", "position", "role", "text"]
    list_filter = ["role"]
    list_select_related = ["article"]
    raw_id_fields = ["article"]


class EntityForm(forms.ModelForm):
    aliases = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        label=_("Alte nume"),
        help_text=_("Un nume pe rând: alte forme pe care textul le folosește pentru această entitate."),
    )

    class Meta:
        model = Entity
        fields = ["name", "type", "slug", "aliases", "confirmed"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["aliases"] = "\n".join(self.instance.aliases)

    def clean_aliases(self):
        lines = (" ".join(line.split()) for line in self.cleaned_data["aliases"].splitlines())
        return list(dict.fromkeys(line for line in lines if line))

    def clean(self):
        # The folded name is not a form field, so Django's unique check cannot see the (key, type) constraint:
        # the rule of reader.actions, for the change form and the entity list's type column alike.
        data = super().clean()
        name, type_ = data.get("name", self.instance.name), data.get("type", self.instance.type)
        existing = actions.entity_named(name=name, type=type_, exclude=self.instance) if name and type_ else None
        if existing is not None:
            # On the entity list only the type is a field: the reason goes beside it, in its row.
            self.add_error(None if "name" in self.fields else "type", str(actions.EntityExists(existing)))
        return data


class DuplicateFilter(admin.SimpleListFilter):
    title = _("posibile dubluri")
    parameter_name = "duplicates"

    def lookups(self, request, model_admin):
        return [("yes", _("același nume normalizat sau nume de familie"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(pk__in=list(duplicate_suggestions()))
        return queryset


class MergeForm(forms.Form):
    target = forms.ModelChoiceField(queryset=Entity.objects.none(), label=_("Unește în"))

    def __init__(self, *args, entities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = entities


@admin.register(Entity)
class EntityAdmin(admin.ModelAdmin):
    form = EntityForm
    list_display = ["name", "type", "mention_count", "quote_count", "alias_list", "confirmed", "duplicates"]
    list_editable = ["type"]
    list_filter = ["type", "confirmed", DuplicateFilter]
    search_fields = ["name", "key", "slug"]
    readonly_fields = ["key", "possible_duplicates"]
    actions = ["merge_selected", "block_selected", "confirm_selected"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(mentions_n=_capped_count("reader_mention", "entity_id"),
                      quotes_n=_capped_count("reader_quote", "speaker_id"))
        )

    def has_block_permission(self, request):
        """Blocking deletes the entity and adds blocked names: both permissions are needed."""
        return self.has_change_permission(request) and request.user.has_perm("reader.add_blockedname")

    def get_changelist_instance(self, request):
        self._duplicates = duplicate_suggestions()  # once per page, not once per row
        return super().get_changelist_instance(request)

    # Counted up to ENTITY_COUNT_CAP ("1000+") and not sortable: exact counts of a name found in a tenth of a
    # million articles took seconds a page, and sorting counted them for every entity.
    @admin.display(description=_("mențiuni"))
    def mention_count(self, entity):
        return _capped(entity.mentions_n)

    @admin.display(description=_("citate"))
    def quote_count(self, entity):
        url = reverse("admin:reader_quote_changelist") + f"?speaker__id__exact={entity.pk}"
        return format_html('<a href="{}">{}</a>', url, _capped(entity.quotes_n))

    @admin.display(description=_("alte nume"))
    def alias_list(self, entity):
        return ", ".join(entity.aliases[:6]) + (" …" if len(entity.aliases) > 6 else "")

    @admin.display(description=_("poate fi aceeași cu"))
    def duplicates(self, entity):
        others = getattr(self, "_duplicates", {}).get(entity.pk, [])
        return ", ".join(f"{o.name} ({o.get_type_display()})" for o in others[:4])

    @admin.display(description=_("poate fi aceeași cu"))
    def possible_duplicates(self, entity):
        others = duplicate_suggestions().get(entity.pk, [])
        return format_html_join(
            ", ",
            '<a href="{}">{} ({})</a>',
            ((reverse("admin:reader_entity_change", args=[o.pk]), o.name, o.get_type_display()) for o in others),
        )

    def get_changelist_form(self, request, **kwargs):
        return super().get_changelist_form(request, form=EntityForm, **kwargs)  # its clean() refuses a clash

    def save_model(self, request, obj, form, change):
        if not change:
            obj.key = match_key(obj.name)
            super().save_model(request, obj, form, change)
            return
        actions.edit_entity(entity=obj, by=request.user, **{f: form.cleaned_data[f] for f in form.changed_data})

    def log_change(self, request, obj, message):
        """Nothing: actions.edit_entity wrote the history line."""

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        with _refused_as_message(self, request):
            return super().changeform_view(request, object_id, form_url, extra_context)
        return HttpResponseRedirect(request.path)

    def changelist_view(self, request, extra_context=None):
        with _refused_as_message(self, request):
            return super().changelist_view(request, extra_context)
        return HttpResponseRedirect(request.get_full_path())

    @admin.action(description=_("Unește entitățile selectate într-una"), permissions=["change"])
    def merge_selected(self, request, queryset):
        if queryset.count() < 2:
            self.message_user(request, gettext("Selectați cel puțin două entități de unit."), messages.WARNING)
            return None
        form = MergeForm(request.POST if "target" in request.POST else None, entities=queryset)
        if form.is_valid():
            target = form.cleaned_data["target"]
            for source in queryset.exclude(pk=target.pk):
                actions.merge_entities(source=source, target=target, by=request.user)
            self.message_user(request, gettext("Unite în „%(name)s”.") % {"name": target.name}, messages.SUCCESS)
            return None
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "form": form,
            "entities": queryset,
            "title": gettext("Unește entități"),
            "action": "merge_selected",
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return render(request, "admin/reader/entity/merge.html", context)

    @admin.action(description=_("Blochează: nu e entitate (extracția ignoră numele)"), permissions=["block"])
    def block_selected(self, request, queryset):
        for entity in queryset:
            actions.block_entity(entity=entity, by=request.user)

    @admin.action(description=_("Confirmă numele (extracția le recunoaște)"), permissions=["change"])
    def confirm_selected(self, request, queryset):
        for entity in queryset:
            actions.confirm_entity(entity=entity, by=request.user)


@admin.register(Mention)
class MentionAdmin(admin.ModelAdmin):
    show_full_result_count = False  # millions of rows: no full COUNT, an estimate (reader.paging)
    paginator = EstimatedCountPaginator
    list_display = ["entity", "paragraph", "start", "end"]
    raw_id_fields = ["entity", "paragraph"]
    list_select_related = ["entity", "paragraph"]


class QuoteForm(forms.ModelForm):
    class Meta:
        model = Quote
        fields = ["speaker", "speaker_name", "kind", "cue", "addressee", "status"]


@admin.register(Quote)
class QuoteAdmin(QuoteReviewMixin, admin.ModelAdmin):
    """The review queue: least confident first."""

    show_full_result_count = False  # millions of rows: no full COUNT, an estimate (reader.paging)
    paginator = EstimatedCountPaginator

    form = QuoteForm
    list_display = ["excerpt", "speaker_label", "kind_and_cue", "confidence", "status", "article", "reading_link"]
    list_filter = [
        QuoteReviewFilter,  # undecided by default
        "status",
        "kind",
        QuoteSpeakerFilter,  # reached from a speaker's or an article's number of quotes
        QuoteArticleFilter,
    ]
    list_select_related = ["paragraph", "article", "speaker"]  # "article" is the model field, not the method
    ordering = ["confidence", "id"]
    search_fields = ["speaker_name", "paragraph__text"]
    autocomplete_fields = ["speaker"]
    actions = ["confirm", "reject"]

    def has_add_permission(self, request):
        """A quote is a span of a paragraph: editors add missed quotes by selecting the words on the reading page."""
        return False

    @admin.display(description=_("citat"))
    def excerpt(self, quote):
        return quote.text[:100]

    @admin.display(description=_("fel"), ordering="kind")
    def kind_and_cue(self, quote):
        """The kind with its verb in one column ("direct · a spus"): the queue fits a laptop's screen."""
        return " · ".join(part for part in (quote.get_kind_display(), quote.cue) if part)

    @admin.display(description=_("vorbitor"), ordering="speaker_name")
    def speaker_label(self, quote):
        return quote.display_speaker

    @admin.display(description=_("articol"), ordering="paragraph__article__title")
    def article(self, quote):
        return quote.paragraph.article.title[:50]

    def save_model(self, request, obj, form, change):
        if change and {"speaker", "speaker_name"} & set(form.changed_data):
            actions.correct_speaker(quote=obj, by=request.user, entity=obj.speaker, name=obj.speaker_name)
        else:
            super().save_model(request, obj, form, change)

    @admin.action(description=_("Confirmă citatele selectate"), permissions=["change"])
    def confirm(self, request, queryset):
        done = 0
        for quote in queryset.select_related("paragraph"):
            actions.confirm_quote(quote=quote, by=request.user)
            done += 1
        self.message_user(request, ngettext("%(n)s citat confirmat.", "%(n)s citate confirmate.", done) % {"n": done},
                          messages.SUCCESS)

    @admin.action(description=_("Respinge: nu sunt citate"), permissions=["change"])
    def reject(self, request, queryset):
        done = 0
        for quote in queryset.select_related("paragraph"):
            actions.reject_quote(quote=quote, by=request.user)
            done += 1
        self.message_user(request, ngettext("%(n)s citat marcat: nu e citat.", "%(n)s citate marcate: nu sunt citate.",
                                            done) % {"n": done}, messages.SUCCESS)


@admin.register(Figure)
class FigureAdmin(admin.ModelAdmin):
    show_full_result_count = False  # millions of rows: no full COUNT, an estimate (reader.paging)
    paginator = EstimatedCountPaginator
    list_display = ["text", "kind", "value", "unit", "qualifier_label"]
    list_filter = ["kind"]
    raw_id_fields = ["paragraph"]
    list_select_related = ["paragraph"]

    @admin.display(description=_("precizare"), ordering="qualifier")
    def qualifier_label(self, figure):
        return qualifier_label(figure.qualifier)  # stored as extraction's code ("more_than")


class DetachedFilter(admin.SimpleListFilter):
    title = _("ancorare")
    parameter_name = "anchoring"

    def lookups(self, request, model_admin):
        return [("detached", _("detașate (așteaptă un editor)")), ("attached", _("atașate"))]

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


class NoteAdminForm(NoteForm):
    """Body, kind and visibility, saved as on the reading page: a new revision, refused if the note changed since
    the form was opened (the version it started from travels in a hidden field)."""

    base_version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["base_version"].initial = self.instance.version

    def clean(self):
        data = super().clean()
        current = Note.objects.filter(pk=self.instance.pk).values_list("version", flat=True).first()
        if data.get("base_version") is not None and current is not None and data["base_version"] != current:
            latest = NoteRevision.objects.filter(note_id=self.instance.pk).select_related("editor").last()
            by = latest.editor.get_username() if latest else gettext("altcineva")
            # The next save starts from the saved version: the editor has now seen it and may overwrite it.
            self.data = self.data.copy()
            self.data["base_version"] = current
            raise forms.ValidationError(
                gettext("%(by)s a salvat versiunea %(version)s cât editați; nu s-a salvat nimic. Textul dumneavoastră "
                        "e mai jos, cel salvat e în istoric. Salvați din nou ca să-l înlocuiți.")
                % {"by": by, "version": current}
            )
        return data


@admin.register(Note)
class NoteAdmin(admin.ModelAdmin):
    """Notes change under the reading page's rules: the author or a senior editor, a new revision, a version check.
    Where a note is, who wrote it and whether it is in the trash are never edited here."""

    form = NoteAdminForm
    list_display = [
        "__str__",
        "article",
        "kind",
        "visibility",
        "author",
        "created_at",
        "is_detached",
        "candidate_label",
    ]
    list_filter = [DetachedFilter, "kind", "visibility", ("deleted_at", admin.EmptyFieldListFilter)]
    list_select_related = ["article", "author", "candidate"]
    search_fields = ["body", "anchor_exact"]
    readonly_fields = [
        "article",
        "paragraph",
        "author",
        "version",
        "created_at",
        "edited_at",
        "deleted_at",
        "body_html",
        "anchor_exact",
        "anchor_prefix",
        "anchor_suffix",
        "anchor_fingerprint",
        "anchor_position",
        "anchor_start",
        "anchor_end",
        "detached_at",
        "candidate",
        "candidate_score",
    ]
    inlines = [NoteRevisionInline]
    actions = ["reattach_to_candidate"]

    def has_add_permission(self, request):
        return False  # a note is written on its paragraph, on the reading page

    def has_delete_permission(self, request, obj=None):
        return False  # notes are never deleted, only moved to the trash (deleted_at)

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        # A trashed note is restored on the reading page before it is edited.
        return obj is None or (obj.can_be_changed_by(request.user) and not obj.is_deleted)

    def save_model(self, request, obj, form, change):
        if not form.has_changed():
            return
        data = form.cleaned_data
        actions.edit_note(note=obj, by=request.user, base_version=data["base_version"], body=data["body"],
                          kind=data["kind"], visibility=data["visibility"])

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except NoteConflict as conflict:
            # Saved by someone else between the form's version check and the write: the transaction rolled back.
            self.message_user(request, gettext("Între timp s-a salvat versiunea %(version)s; nu s-a salvat nimic. "
                                               "Deschideți nota din nou.") % {"version": conflict.current.version},
                              messages.ERROR)
            return HttpResponseRedirect(request.path)

    @admin.display(boolean=True, description=_("detașată"))
    def is_detached(self, note):
        return note.is_detached

    @admin.display(description=_("cel mai bun candidat"), ordering="candidate_score")
    def candidate_label(self, note):
        """The paragraph and its score in one column: the list fits a laptop's screen."""
        if not note.candidate_id:
            return ""
        score = number_format(note.candidate_score or 0, decimal_pos=0)
        return f"¶{note.candidate.position} ({score}): {note.candidate.text[:60]}"

    @admin.action(description=_("Reatașează notele detașate selectate la cel mai bun paragraf candidat"),
                  permissions=["change"])
    def reattach_to_candidate(self, request, queryset):
        done = refused = 0
        waiting = queryset.filter(paragraph__isnull=True, candidate__isnull=False, deleted_at__isnull=True)
        # A weak best guess is never taken for the editor: they choose the paragraph on the article's page.
        weak = waiting.filter(candidate_score__lt=SUGGEST_SCORE).count()
        waiting = waiting.filter(candidate_score__gte=SUGGEST_SCORE)
        for note in waiting.select_related("candidate"):
            try:
                actions.reattach_note(note=note, paragraph=note.candidate, by=request.user)
            except PermissionDenied:
                refused += 1
                continue
            except NoteNotDetached:
                continue  # placed by someone else meanwhile
            done += 1
        self.message_user(request, ngettext("%(n)s notă reatașată.", "%(n)s note reatașate.", done) % {"n": done})
        if weak:
            self.message_user(request, ngettext(
                "%(n)s notă are doar o potrivire slabă: alegeți paragraful pe pagina articolului.",
                "%(n)s note au doar o potrivire slabă: alegeți paragraful pe pagina articolului.",
                weak) % {"n": weak}, level=messages.WARNING)
        if refused:
            self.message_user(request, ngettext(
                "%(n)s notă a altui editor a rămas pe loc: doar autorul ei sau un editor senior o poate muta.",
                "%(n)s note ale altor editori au rămas pe loc: doar autorul lor sau un editor senior le poate muta.",
                refused) % {"n": refused}, messages.WARNING)


@admin.register(EntityMerge)
class EntityMergeAdmin(admin.ModelAdmin):
    """Every merge, with a one-step undo."""

    list_display = ["__str__", "merged_by", "merged_at", "moved", "undone_at"]
    list_filter = [("undone_at", admin.EmptyFieldListFilter)]
    readonly_fields = ["target", "source", "mention_ids", "quote_ids", "target_aliases", "merged_by", "merged_at",
                       "undone_at"]
    actions = ["undo"]

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("mutate"))
    def moved(self, merge):
        return gettext("%(mentions)s mențiuni, %(quotes)s citate") % {"mentions": len(merge.mention_ids),
                                                                     "quotes": len(merge.quote_ids)}

    @admin.action(description=_("Anulează unirile selectate"), permissions=["change"])
    def undo(self, request, queryset):
        for merge in queryset.filter(undone_at__isnull=True):
            try:
                restored = actions.undo_merge(merge=merge, by=request.user)
            except actions.Refused as error:
                self.message_user(request, f"{merge}: {error}", messages.ERROR)
                continue
            self.message_user(request, gettext("„%(name)s” a revenit.") % {"name": restored.name}, messages.SUCCESS)


class BlockedNameForm(forms.ModelForm):
    class Meta:
        model = BlockedName
        fields = ["name"]

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if BlockedName.objects.filter(key=match_key(name)).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(
                gettext("„%(name)s” e deja blocat (majusculele și diacriticele nu contează).") % {"name": name}
            )
        return name


@admin.register(BlockedName)
class BlockedNameAdmin(admin.ModelAdmin):
    form = BlockedNameForm
    list_display = ["name", "key", "created_by", "created_at"]
    search_fields = ["name", "key"]
    readonly_fields = ["key", "created_by"]

    def save_model(self, request, obj, form, change):
        obj.key = match_key(obj.name)
        obj.created_by = obj.created_by or request.user
        super().save_model(request, obj, form, change)


class AccessAttemptAdmin(axes_admin.AccessAttemptAdmin):
    """django-axes' list of login attempts, its clean-up action limited to those who may delete attempts."""

    @admin.action(description=_("Șterge încercările expirate"), permissions=["delete"])
    def cleanup_expired_attempts(self, request, queryset):
        return super().cleanup_expired_attempts(request, queryset)


admin.site.unregister(AccessAttempt)
admin.site.register(AccessAttempt, AccessAttemptAdmin)

from reader import admin_feeds  # noqa: E402, F401  (registers the feeds' admin)
