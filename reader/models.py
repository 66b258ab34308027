"""The reading room's data: articles split into paragraphs, and what was found in them.

Visibility lives here as QuerySet methods, and state changes that need no one's name as model methods; what people
do (with its transaction, history line and page refresh) is reader/actions.py.
"""

from __future__ import annotations

import hashlib
from datetime import date

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from reader.extraction.normalize import match_key
from reader.roles import can_edit


class ArticleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Article.Status.PUBLISHED)

    def visible_to(self, user):
        """Published articles for everybody; drafts too for editors and staff."""
        if can_edit(user):
            return self
        return self.published()


def visible_articles_q(relation: str, user) -> Q:
    """Rows whose article (reached through ``relation``) ``user`` may see, as a condition on the joined
    article: unlike ``IN (all published articles)`` its cost does not grow with the archive."""
    if can_edit(user):
        return Q()
    return Q(**{f"{relation}__status": Article.Status.PUBLISHED})


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("ciornă")
        PUBLISHED = "published", _("publicat")

    slug = models.SlugField(verbose_name=_("adresă scurtă"), max_length=120, unique=True)
    import_key = models.CharField(verbose_name=_("fișier importat"),
        max_length=255,
        unique=True,
        help_text=_("Numele fișierului din care a fost importat articolul; reimporturile îl recunosc după el."),
    )
    title = models.CharField(verbose_name=_("titlu"), max_length=500)
    source = models.CharField(verbose_name=_("sursă"), max_length=200, blank=True)
    published_on = models.DateField(verbose_name=_("data publicării"), null=True, blank=True)
    dateline = models.CharField(verbose_name=_("antet (loc, dată)"), max_length=100, blank=True)
    photo_credit = models.CharField(verbose_name=_("credit foto"), max_length=200, blank=True)
    author = models.CharField(verbose_name=_("autor"), max_length=300, blank=True)
    url = models.URLField(
        verbose_name=_("adresă"), max_length=2000, blank=True,
        help_text=_("Unde a fost publicat articolul (adresa canonică a paginii)."),
    )
    status = models.CharField(verbose_name=_("stare"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    raw_text = models.TextField(
        verbose_name=_("text importat"), help_text=_("Textul exact cum a fost importat (decodat).")
    )
    text_sha256 = models.CharField(
        verbose_name=_("SHA-256 al textului"),
        max_length=64,
        help_text=_("SHA-256 al textului curățat; fișierele neschimbate nu se reimportă."),
    )
    extraction_version = models.CharField(
        verbose_name=_("versiunea extracției"), max_length=64, blank=True,
        help_text=_("Modelele livrate din care vine analiza lui (ingest.extraction_version)."),
    )
    revision = models.PositiveIntegerField(verbose_name=_("revizie"), default=1)
    imported_at = models.DateTimeField(verbose_name=_("importat la"), default=timezone.now)
    updated_at = models.DateTimeField(verbose_name=_("actualizat la"), auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("articol")
        verbose_name_plural = _("articole")
        ordering = ["-published_on", "-id"]
        indexes = [
            models.Index(fields=["status", "-published_on", "-id"], name="article_listing"),
            models.Index(fields=["-published_on", "-id"], name="article_listing_editors"),  # drafts too
            models.Index(fields=["status", "source"], name="article_sources"),  # search's source filter
            # An importer finds the article a page or row already became by its URL, then by its text.
            models.Index(fields=["url"], name="article_url"),
            models.Index(fields=["text_sha256"], name="article_text_sha256"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("reader:article", args=[self.slug])

    @classmethod
    def touch(cls, *ids) -> None:
        """Mark articles as changed: their cached pages and ETags are then out of date."""
        cls.objects.filter(pk__in=ids).update(updated_at=timezone.now())

    def publish(self) -> None:
        self.status = self.Status.PUBLISHED
        self.save(update_fields=["status", "updated_at"])
        self._statements_published(True)

    def unpublish(self) -> None:
        self.status = self.Status.DRAFT
        self.save(update_fields=["status", "updated_at"])
        self._statements_published(False)

    def _statements_published(self, published: bool) -> None:
        """Readers see how many published articles carry each statement: this article's ones change."""
        from reader import provenance

        provenance.publication_changed(self, published=published)

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


class ArticleCount(models.Model):
    """How many articles of each status each day has: the archive's calendar and every count a page shows.

    Kept by database triggers on reader_article (migration 0010), so imports, bulk loads, admin actions and
    QuerySet.update() all count, in the same transaction; nothing else writes it. Undated articles are
    counted under UNDATED. Summing a few thousand days is cheap; counting a million articles is not.
    """

    UNDATED = date(1, 1, 1)

    day = models.DateField(verbose_name=_("zi"))
    status = models.CharField(verbose_name=_("stare"), max_length=10, choices=Article.Status.choices)
    articles = models.IntegerField(verbose_name=_("articole"), default=0)

    class Meta:
        verbose_name = _("număr de articole pe zi")
        verbose_name_plural = _("numere de articole pe zi")
        ordering = ["-day", "status"]
        constraints = [models.UniqueConstraint(fields=["day", "status"], name="article_count_day_status")]

    def __str__(self) -> str:
        return f"{self.day} {self.get_status_display()}: {self.articles}"


class Paragraph(models.Model):
    class Role(models.TextChoices):
        TITLE = "title", _("titlu")
        LEAD = "lead", _("șapou")
        CAPTION = "caption", _("legendă foto")
        DATELINE = "dateline", _("antet")
        HEADING = "heading", _("intertitlu")
        BODY = "body", _("corp")

    article = models.ForeignKey(Article, verbose_name=_("articol"), on_delete=models.CASCADE, related_name="paragraphs")
    revision = models.PositiveIntegerField(
        verbose_name=_("revizie"), default=1, help_text=_("Revizia articolului din care face parte paragraful.")
    )
    position = models.PositiveIntegerField(verbose_name=_("poziție"))
    role = models.CharField(verbose_name=_("rol"), max_length=10, choices=Role.choices)
    text = models.TextField(verbose_name=_("text"))
    fingerprint = models.CharField(
        verbose_name=_("amprentă"),
        max_length=40,
        help_text=_("Amprenta textului normalizat, pentru reancorarea notelor."),
    )

    class Meta:
        verbose_name = _("paragraf")
        verbose_name_plural = _("paragrafe")
        ordering = ["article", "revision", "position"]
        constraints = [
            models.UniqueConstraint(fields=["article", "revision", "position"], name="paragraph_unique_position")
        ]

    def __str__(self) -> str:
        return f"{self.article_id}#{self.position} {self.text[:40]}"

    @staticmethod
    def fingerprint_of(text: str) -> str:
        return hashlib.sha1(match_key(text).encode("utf-8")).hexdigest()

    @property
    def anchor(self) -> str:
        return f"p-{self.position}"

    def neighbour_texts(self) -> tuple[str, str]:
        """Texts of the paragraphs before and after this one (context for note selectors)."""
        near = dict(
            Paragraph.objects.filter(
                article_id=self.article_id, revision=self.revision, position__in=[self.position - 1, self.position + 1]
            ).values_list("position", "text")
        )
        return near.get(self.position - 1, ""), near.get(self.position + 1, "")


class Entity(models.Model):
    class Type(models.TextChoices):
        PERSON = "PERSON", _("persoană")
        PLACE = "PLACE", _("loc")
        ORGANIZATION = "ORGANIZATION", _("organizație")
        FACILITY = "FACILITY", _("clădire sau construcție")  # buildings, venues, stadiums, airports, bridges
        EVENT = "EVENT", _("eveniment")  # championships, festivals, wars, summits
        OTHER = "OTHER", _("altceva")

    # Who can be a quote's speaker (an editor's correction names one of these).
    SPEAKER_TYPES = (Type.PERSON, Type.ORGANIZATION)

    name = models.CharField(
        verbose_name=_("nume"), max_length=200, help_text=_("Numele canonic: la nominativ, complet.")
    )
    type = models.CharField(verbose_name=_("tip"), max_length=20, choices=Type.choices)
    key = models.CharField(
        verbose_name=_("cheie"),
        max_length=200,
        help_text=_("Numele normalizat (majuscule, diacritice, sedile) folosit la potrivire."),
    )
    slug = models.SlugField(verbose_name=_("adresă scurtă"), max_length=220, unique=True)
    aliases = models.JSONField(
        verbose_name=_("alte nume"), default=list, blank=True, help_text=_("Alte forme ale numelui văzute în articole.")
    )
    confirmed = models.BooleanField(verbose_name=_("confirmată"),
        default=False,
        help_text=_("Un om a verificat numele; extracția îl recunoaște apoi, cu celelalte forme ale lui."),
    )

    class Meta:
        verbose_name = _("entitate")
        verbose_name_plural = _("entități")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["key", "type"], name="entity_unique_key_type")]

    def __str__(self) -> str:
        return self.name

    @property
    def can_speak(self) -> bool:
        return self.type in self.SPEAKER_TYPES

    def add_aliases(self, names) -> bool:
        """Add new surface forms; returns whether anything changed."""
        known = {match_key(a) for a in self.aliases} | {self.key}
        new = [n for n in dict.fromkeys(names) if match_key(n) not in known]
        self.aliases = [*self.aliases, *new]
        return bool(new)

    def touch_articles(self) -> None:
        """Pages showing this entity (mentions or quotes) must be rendered again."""
        ids = set(Mention.objects.filter(entity=self).values_list("article_id", flat=True))
        ids |= set(Quote.objects.filter(speaker=self).values_list("article_id", flat=True))
        Article.touch(*ids)

    @classmethod
    def unique_slug(cls, name: str) -> str:
        base = slugify(name)[:200] or "entity"
        slug, n = base, 2
        while cls.objects.filter(slug=slug).exists():
            slug, n = f"{base}-{n}", n + 1
        return slug


class Mention(models.Model):
    entity = models.ForeignKey(Entity, verbose_name=_("entitate"), on_delete=models.CASCADE, related_name="mentions")
    paragraph = models.ForeignKey(
        Paragraph, verbose_name=_("paragraf"), on_delete=models.CASCADE, related_name="mentions"
    )
    start = models.PositiveIntegerField(verbose_name=_("început"))
    end = models.PositiveIntegerField(verbose_name=_("sfârșit"))
    article = models.ForeignKey(
        "Article", on_delete=models.CASCADE, related_name="+", editable=False, verbose_name=_("articol"),
        help_text=_("Articolul paragrafului, copiat ca paginile entităților să nu citească fiecare paragraf."),
    )
    roles = models.JSONField(verbose_name=_("roluri"),
        default=list, blank=True,
        help_text=_("Rolurile pe care articolul le dă entității („ministrul de Externe”), păstrate la prima mențiune."),
    )

    class Meta:
        verbose_name = _("mențiune")
        verbose_name_plural = _("mențiuni")
        ordering = ["paragraph_id", "start"]
        indexes = [models.Index(fields=["entity", "article"], name="mention_by_entity")]

    def __str__(self) -> str:
        return f"{self.entity_id}@{self.paragraph_id}:{self.start}-{self.end}"

    def save(self, *args, **kwargs):
        if self.article_id is None:
            self.article_id = self.paragraph.article_id
        super().save(*args, **kwargs)

    @property
    def text(self) -> str:
        return self.paragraph.text[self.start : self.end]


class Quote(models.Model):
    class Kind(models.TextChoices):
        DIRECT = "direct", _("direct")
        INDIRECT = "indirect", _("indirect")

    class Status(models.TextChoices):
        MACHINE = "machine", _("automat")
        CONFIRMED = "confirmed", _("confirmat")
        CORRECTED = "corrected", _("corectat")
        REJECTED = "rejected", _("respins")

    paragraph = models.ForeignKey(
        Paragraph, verbose_name=_("paragraf"), on_delete=models.CASCADE, related_name="quotes"
    )
    start = models.PositiveIntegerField(verbose_name=_("început"))
    end = models.PositiveIntegerField(verbose_name=_("sfârșit"))
    kind = models.CharField(verbose_name=_("fel"), max_length=10, choices=Kind.choices, default=Kind.DIRECT)
    speaker = models.ForeignKey(
        Entity, verbose_name=_("vorbitor"), null=True, blank=True, on_delete=models.SET_NULL, related_name="quotes"
    )
    speaker_name = models.CharField(verbose_name=_("numele vorbitorului"),
        max_length=200, blank=True, help_text=_("Cine vorbește, cum e numit; păstrat când vorbitorul nu e o entitate.")
    )
    speaker_mention = models.CharField(verbose_name=_("vorbitorul în text"),
        max_length=200, blank=True, help_text=_("Cuvintele din text care îl numesc pe vorbitor.")
    )
    cue = models.CharField(
        verbose_name=_("verb de declarație"),
        max_length=100,
        blank=True,
        help_text=_("Verbul sau expresia de declarație."),
    )
    addressee = models.CharField(verbose_name=_("destinatar"), max_length=200, blank=True)
    inferred = models.BooleanField(
        verbose_name=_("dedus"), default=False, help_text=_("Vorbitorul nu e numit în propoziția citatului.")
    )
    confidence = models.FloatField(verbose_name=_("încredere"), default=0.5)
    status = models.CharField(verbose_name=_("stare"), max_length=10, choices=Status.choices, default=Status.MACHINE)
    added_by_human = models.BooleanField(
        verbose_name=_("adăugat de redacție"),
        default=False,
        help_text=_("Un editor a marcat citatul; extracția îl ratase."),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("decis de"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(verbose_name=_("decis la"), null=True, blank=True)
    article = models.ForeignKey(
        "Article", on_delete=models.CASCADE, related_name="+", editable=False, verbose_name=_("articol"),
        help_text=_("Articolul paragrafului, copiat ca paginile vorbitorilor să nu citească fiecare paragraf."),
    )

    class Meta:
        verbose_name = _("citat")
        verbose_name_plural = _("citate")
        ordering = ["paragraph_id", "start"]
        indexes = [
            models.Index(fields=["speaker", "status"], name="quote_by_speaker"),
            models.Index(fields=["speaker", "-id"], name="quote_by_speaker_newest"),  # entity page
            models.Index(fields=["confidence", "id"], name="quote_review_queue"),  # the admin's order
        ]

    def __str__(self) -> str:
        # What a page titles it by (the admin's change page): the words first, the speaker when known.
        words = f"„{self.text[:60]}”"
        return f"{words} — {self.display_speaker}" if self.display_speaker else words

    def save(self, *args, **kwargs):
        if self.article_id is None:
            self.article_id = self.paragraph.article_id
        super().save(*args, **kwargs)
        Article.touch(self.article_id)

    def _decide(self, status: str, by, **fields) -> None:
        for name, value in fields.items():
            setattr(self, name, value)
        self.status, self.decided_by, self.decided_at = status, by, timezone.now()
        self.save()

    def confirm(self, *, by) -> None:
        self._decide(self.Status.CONFIRMED, by)

    def reject(self, *, by) -> None:
        """Not a quote: hidden from the page, remembered so re-extraction does not bring it back."""
        self._decide(self.Status.REJECTED, by)

    def correct_speaker(self, *, by, entity: Entity | None = None, name: str = "") -> None:
        name = entity.name if entity else name.strip()
        self._decide(self.Status.CORRECTED, by, speaker=entity, speaker_name=name[:200], inferred=False, confidence=1.0)

    @property
    def is_human_decision(self) -> bool:
        return self.status != self.Status.MACHINE

    @property
    def text(self) -> str:
        return self.paragraph.text[self.start : self.end]

    @property
    def display_speaker(self) -> str:
        return self.speaker.name if self.speaker_id else (self.speaker_name or "")

    @property
    def speaker_kind(self) -> str:
        """"entity" (a person or organisation with a page), "description" (a group named in the text) or "unknown"."""
        if self.speaker_id:
            return "entity"
        return "description" if self.speaker_name else "unknown"

    # Below this, the page marks the attribution as unverified.
    CONFIDENT = 0.7

    @property
    def is_unverified(self) -> bool:
        return self.status == self.Status.MACHINE and self.confidence < self.CONFIDENT


class Figure(models.Model):
    class Kind(models.TextChoices):
        QUANTITY = "quantity", _("cantitate")
        MONEY = "money", _("sumă de bani")
        PERCENT = "percent", _("procent")
        DATE = "date", _("dată")

    paragraph = models.ForeignKey(
        Paragraph, verbose_name=_("paragraf"), on_delete=models.CASCADE, related_name="figures"
    )
    start = models.PositiveIntegerField(verbose_name=_("început"))
    end = models.PositiveIntegerField(verbose_name=_("sfârșit"))
    kind = models.CharField(verbose_name=_("fel"), max_length=10, choices=Kind.choices)
    value = models.JSONField(
        verbose_name=_("valoare"), null=True, blank=True, help_text=_("Un număr sau, pentru date, o dată ISO.")
    )
    unit = models.CharField(verbose_name=_("unitate"), max_length=100, blank=True)
    qualifier = models.CharField(verbose_name=_("precizare"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("cifră")
        verbose_name_plural = _("cifre")
        ordering = ["paragraph_id", "start"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.value} {self.unit}".strip()

    @property
    def text(self) -> str:
        return self.paragraph.text[self.start : self.end]


class NoteConflict(Exception):
    """The note changed since the editor opened it; nothing was saved."""

    def __init__(self, current: Note):
        super().__init__(f"note {current.pk} is at version {current.version}")
        self.current = current


class NoteNotDetached(Exception):
    """Only a detached note is re-attached: an attached one moves with its paragraph, a trashed one waits."""


class NoteQuerySet(models.QuerySet):
    def alive(self):
        return self.filter(deleted_at__isnull=True)

    def trashed(self):
        return self.filter(deleted_at__isnull=False)

    def detached(self):
        return self.filter(paragraph__isnull=True)

    def visible_to(self, user):
        notes = self.alive()
        if can_edit(user):
            return notes
        return notes.filter(visibility=Note.Visibility.PUBLIC)


class Note(models.Model):
    class Kind(models.TextChoices):
        CONTEXT = "context", _("context")
        FACT_CHECK = "fact-check", _("verificare")
        CORRECTION = "correction", _("corecție")
        INTERNAL = "internal", _("intern")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("public")
        EDITORS = "editors", _("doar editori")

    # PROTECT everywhere: a note is never deleted as a side effect of anything else.
    article = models.ForeignKey(Article, verbose_name=_("articol"), on_delete=models.PROTECT, related_name="notes")
    paragraph = models.ForeignKey(
        Paragraph, verbose_name=_("paragraf"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="notes",
        help_text=_("Gol cât timp nota e detașată (paragraful ei s-a schimbat de nerecunoscut)."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("autor"), on_delete=models.PROTECT, related_name="notes"
    )
    body = models.TextField(verbose_name=_("text"), help_text=_("Textul Markdown-lite, cum l-a scris editorul."))
    body_html = models.TextField(
        verbose_name=_("text HTML"),
        editable=False,
        help_text=_("HTML-ul curățat, generat din text o dată, la salvare."),
    )
    kind = models.CharField(verbose_name=_("tip"), max_length=12, choices=Kind.choices, default=Kind.CONTEXT)
    visibility = models.CharField(
        verbose_name=_("vizibilitate"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    version = models.PositiveIntegerField(
        verbose_name=_("versiune"),
        default=1,
        help_text=_("Crește la fiecare editare; o editare pornită dintr-o versiune veche e refuzată."),
    )
    created_at = models.DateTimeField(verbose_name=_("creată la"), auto_now_add=True)
    updated_at = models.DateTimeField(verbose_name=_("actualizată la"), auto_now=True)
    edited_at = models.DateTimeField(verbose_name=_("editată la"), null=True, blank=True)
    deleted_at = models.DateTimeField(verbose_name=_("ștearsă la"), null=True, blank=True)

    # Selectors (W3C TextQuote + TextPosition) to find the paragraph again after a re-import.
    anchor_exact = models.TextField(
        verbose_name=_("text ancorat"), blank=True, help_text=_("Textul de care e legată nota.")
    )
    anchor_prefix = models.CharField(verbose_name=_("context înainte"), max_length=200, blank=True)
    anchor_suffix = models.CharField(verbose_name=_("context după"), max_length=200, blank=True)
    anchor_fingerprint = models.CharField(verbose_name=_("amprenta paragrafului"), max_length=40, blank=True)
    anchor_position = models.PositiveIntegerField(verbose_name=_("poziția paragrafului"), default=0)
    anchor_start = models.PositiveIntegerField(verbose_name=_("început în paragraf"), default=0)
    anchor_end = models.PositiveIntegerField(verbose_name=_("sfârșit în paragraf"), default=0)
    detached_at = models.DateTimeField(verbose_name=_("detașată la"), null=True, blank=True)
    candidate = models.ForeignKey(
        Paragraph, verbose_name=_("paragraf candidat"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Cel mai potrivit paragraf găsit pentru o notă detașată."),
    )
    candidate_score = models.FloatField(verbose_name=_("scorul candidatului"), null=True, blank=True)

    objects = NoteQuerySet.as_manager()

    class Meta:
        verbose_name = _("notă")
        verbose_name_plural = _("note")
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["paragraph", "deleted_at"], name="note_by_paragraph"),
            models.Index(fields=["article", "detached_at"], name="note_by_article"),
        ]
        permissions = [("moderate_note", "Can edit and delete other editors' notes")]

    def __str__(self) -> str:
        return self.body[:60]

    def save(self, *args, **kwargs):
        from reader.markup import render_markdown_lite

        self.body_html = render_markdown_lite(self.body)
        if self.paragraph_id and not self.article_id:
            self.article_id = self.paragraph.article_id
        super().save(*args, **kwargs)
        Article.touch(self.article_id)

    @property
    def is_detached(self) -> bool:
        return self.paragraph_id is None

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    def can_be_changed_by(self, user) -> bool:
        if not can_edit(user):
            return False
        return self.author_id == user.pk or user.has_perm("reader.moderate_note")

    @classmethod
    def create(cls, *, paragraph: Paragraph, author, body: str, kind: str, visibility: str) -> Note:
        note = cls(
            article_id=paragraph.article_id,
            paragraph=paragraph,
            author=author,
            body=body,
            kind=kind,
            visibility=visibility,
        )
        note.set_anchor(paragraph)
        with transaction.atomic():  # never a note without its first revision
            note.save()
            note.revisions.create(version=1, body=body, kind=kind, visibility=visibility, editor=author)
        return note

    def edit(self, *, by, base_version: int, body: str, kind: str, visibility: str) -> None:
        """Save an edit that started from ``base_version``; raise NoteConflict if someone saved first."""
        from reader.markup import render_markdown_lite

        now = timezone.now()
        with transaction.atomic():
            # One conditional UPDATE: of two editors starting from the same version, exactly one wins.
            won = Note.objects.filter(pk=self.pk, version=base_version, deleted_at__isnull=True).update(
                body=body,
                body_html=render_markdown_lite(body),
                kind=kind,
                visibility=visibility,
                version=base_version + 1,
                edited_at=now,
                updated_at=now,
            )
            if not won:
                raise NoteConflict(Note.objects.get(pk=self.pk))
            NoteRevision.objects.create(
                note=self, version=base_version + 1, body=body, kind=kind, visibility=visibility, editor=by
            )
            Article.touch(self.article_id)
        self.refresh_from_db()

    def restore_revision(self, *, by, version: int) -> None:
        old = self.revisions.get(version=version)
        self.edit(by=by, base_version=self.version, body=old.body, kind=old.kind, visibility=old.visibility)

    def soft_delete(self) -> None:
        self.deleted_at = timezone.now()
        self.save(update_fields=["deleted_at", "updated_at"])

    def restore(self) -> None:
        self.deleted_at = None
        self.save(update_fields=["deleted_at", "updated_at"])

    def set_anchor(
        self,
        paragraph: Paragraph,
        *,
        start: int = 0,
        end: int | None = None,
        score: float | None = None,
        neighbours: tuple[str, str] | None = None,
    ) -> None:
        """Attach to ``paragraph`` and remember selectors for the next re-import."""
        from reader.anchoring import selector_for

        before, after = neighbours if neighbours is not None else paragraph.neighbour_texts()
        sel = selector_for(
            text=paragraph.text,
            fingerprint=paragraph.fingerprint,
            position=paragraph.position,
            before=before,
            after=after,
            start=start,
            end=end,
        )
        self.paragraph = paragraph
        self.anchor_exact, self.anchor_prefix, self.anchor_suffix = sel.exact, sel.prefix, sel.suffix
        self.anchor_fingerprint, self.anchor_position = sel.fingerprint, sel.position
        self.anchor_start, self.anchor_end = sel.start, sel.end
        self.detached_at, self.candidate, self.candidate_score = None, None, score

    def detach(self, *, candidate: Paragraph | None, score: float) -> None:
        """Keep the note with its last text until an editor places it."""
        self.paragraph, self.detached_at = None, timezone.now()
        self.candidate, self.candidate_score = candidate, score

    def selector(self):
        from reader.anchoring import Selector

        return Selector(
            exact=self.anchor_exact,
            prefix=self.anchor_prefix,
            suffix=self.anchor_suffix,
            fingerprint=self.anchor_fingerprint,
            position=self.anchor_position,
            start=self.anchor_start,
            end=self.anchor_end,
            whole=self.anchor_start == 0 and self.anchor_end >= len(self.anchor_exact),
        )


class NoteRevision(models.Model):
    """Every saved state of a note, oldest first; restoring one makes a new version."""

    note = models.ForeignKey(Note, verbose_name=_("notă"), on_delete=models.CASCADE, related_name="revisions")
    version = models.PositiveIntegerField(verbose_name=_("versiune"))
    body = models.TextField(verbose_name=_("text"))
    kind = models.CharField(verbose_name=_("tip"), max_length=12, choices=Note.Kind.choices)
    visibility = models.CharField(verbose_name=_("vizibilitate"), max_length=10, choices=Note.Visibility.choices)
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("editor"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(verbose_name=_("creată la"), default=timezone.now)

    class Meta:
        verbose_name = _("versiune a notei")
        verbose_name_plural = _("versiuni ale notelor")
        ordering = ["note", "version"]
        constraints = [models.UniqueConstraint(fields=["note", "version"], name="note_revision_unique_version")]

    def __str__(self) -> str:
        return gettext("nota %(note)s, v%(version)s") % {"note": self.note_id, "version": self.version}

    @property
    def body_html(self) -> str:
        from reader.markup import render_markdown_lite

        return render_markdown_lite(self.body)


class EntityMerge(models.Model):
    """One merge of an entity into another, with what is needed to undo it in one step (reader.actions)."""

    target = models.ForeignKey(
        Entity, verbose_name=_("unită în"), null=True, on_delete=models.SET_NULL, related_name="merges_in"
    )
    source = models.JSONField(
        verbose_name=_("entitatea unită"), help_text=_("Câmpurile entității unite, ca să poată fi refăcută.")
    )
    mention_ids = models.JSONField(verbose_name=_("mențiuni mutate"), default=list)
    quote_ids = models.JSONField(verbose_name=_("citate mutate"), default=list)
    target_aliases = models.JSONField(
        verbose_name=_("numele țintei înainte"),
        default=list,
        help_text=_("Celelalte nume ale țintei înainte de unire."),
    )
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("unită de"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    merged_at = models.DateTimeField(verbose_name=_("unită la"), default=timezone.now)
    undone_at = models.DateTimeField(verbose_name=_("anulată la"), null=True, blank=True)

    class Meta:
        verbose_name = _("unire de entități")
        verbose_name_plural = _("uniri de entități")
        ordering = ["-merged_at"]

    def __str__(self) -> str:
        into = self.target.name if self.target_id else gettext("(ștearsă)")
        return f"{self.source.get('name')} → {into}"


class BlockedName(models.Model):
    """A name curators said is not an entity; extraction drops it."""

    key = models.CharField(verbose_name=_("cheie"), max_length=200, unique=True, help_text=_("Numele normalizat."))
    name = models.CharField(verbose_name=_("nume"), max_length=200)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("blocat de"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(verbose_name=_("blocat la"), default=timezone.now)

    class Meta:
        verbose_name = _("nume blocat")
        verbose_name_plural = _("nume blocate")

    def __str__(self) -> str:
        return self.name


class Feed(models.Model):
    """An RSS or Atom feed a curator registered; polling it imports each new item's page (reader.importers.feeds)."""

    url = models.URLField(verbose_name=_("adresă"), max_length=2000, unique=True)
    title = models.CharField(
        verbose_name=_("titlu"), max_length=300, blank=True, help_text=_("Titlul fluxului, citit la fiecare citire.")
    )
    publish = models.BooleanField(
        verbose_name=_("publică"), default=False, help_text=_("Publică articolele importate (altfel rămân ciorne).")
    )
    active = models.BooleanField(verbose_name=_("activ"), default=True, help_text=_("Fluxurile inactive nu se citesc."))
    interval_minutes = models.PositiveIntegerField(
        verbose_name=_("interval (minute)"), default=30, help_text=_("Minute între două citiri.")
    )
    etag = models.CharField(verbose_name=_("ETag"), max_length=500, blank=True, editable=False)
    last_modified = models.CharField(verbose_name=_("Last-Modified"), max_length=100, blank=True, editable=False)
    last_polled_at = models.DateTimeField(verbose_name=_("citit ultima dată la"), null=True, blank=True, editable=False)
    next_poll_at = models.DateTimeField(verbose_name=_("următoarea citire la"), null=True, blank=True, editable=False)
    last_result = models.CharField(verbose_name=_("ultimul rezultat"), max_length=500, blank=True, editable=False)
    created_at = models.DateTimeField(verbose_name=_("adăugat la"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("flux")
        verbose_name_plural = _("fluxuri")
        ordering = ["url"]

    def __str__(self) -> str:
        return self.title or self.url


class FeedItem(models.Model):
    """An item a feed listed: polling skips the ones already seen unless the feed says they were updated."""

    feed = models.ForeignKey(Feed, verbose_name=_("flux"), on_delete=models.CASCADE, related_name="items")
    key = models.CharField(
        verbose_name=_("cheie"),
        max_length=64,
        help_text=_("SHA-256 al id-ului articolului din flux (sau al legăturii)."),
    )
    link = models.URLField(verbose_name=_("legătură"), max_length=2000)
    updated = models.CharField(
        verbose_name=_("actualizat"), max_length=100, blank=True, help_text=_("Data actualizării, cum o dă fluxul.")
    )
    article = models.ForeignKey(
        Article, verbose_name=_("articol"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    seen_at = models.DateTimeField(verbose_name=_("văzut la"), default=timezone.now)

    class Meta:
        verbose_name = _("articol din flux")
        verbose_name_plural = _("articole din fluxuri")
        constraints = [models.UniqueConstraint(fields=["feed", "key"], name="feed_item_once")]

    def __str__(self) -> str:
        return self.link


class FeedLog(models.Model):
    """One line of a feed's log: what a poll did, or why it or one of its items failed."""

    class Level(models.TextChoices):
        INFO = "info", _("informare")
        ERROR = "error", _("eroare")

    feed = models.ForeignKey(Feed, verbose_name=_("flux"), on_delete=models.CASCADE, related_name="log")
    at = models.DateTimeField(verbose_name=_("la"), default=timezone.now)
    level = models.CharField(verbose_name=_("nivel"), max_length=10, choices=Level.choices, default=Level.INFO)
    message = models.CharField(verbose_name=_("mesaj"), max_length=1000)
    link = models.URLField(verbose_name=_("legătură"), max_length=2000, blank=True)

    class Meta:
        verbose_name = _("rând din jurnalul fluxului")
        verbose_name_plural = _("jurnalul fluxurilor")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["feed", "-at"], name="feed_log_recent")]

    def __str__(self) -> str:
        return self.message


class Batch(models.Model):
    """Work handed to the job queue together (an upload, an import command, a re-extraction, an export): one Job per
    article, so one bad file fails alone; its progress is counted from its jobs (reader/jobs.py)."""

    class Kind(models.TextChoices):
        IMPORT = "import", _("import")
        REEXTRACT = "reextract", _("reextragere")
        EXPORT = "export", _("export de adnotări")

    kind = models.CharField(verbose_name=_("fel"), max_length=20, choices=Kind.choices)
    label = models.CharField(verbose_name=_("descriere"), max_length=300, blank=True)
    publish = models.BooleanField(
        verbose_name=_("publică"), default=False, help_text=_("Publică articolele pe care le importă.")
    )
    backend = models.CharField(
        verbose_name=_("coadă"),
        max_length=50,
        default="default",
        help_text=_("Coada (alias TASKS) la care au mers lucrările lui."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pornit de"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(verbose_name=_("pornit la"), default=timezone.now)
    finished_at = models.DateTimeField(verbose_name=_("terminat la"), null=True, blank=True)
    output = models.TextField(
        verbose_name=_("rezultat"), blank=True, help_text=_("Ce a scris un export (oferit spre descărcare).")
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("lot de lucrări")
        verbose_name_plural = _("loturi de lucrări")

    def __str__(self) -> str:
        return self.label or f"{self.get_kind_display()} {self.pk}"


class Job(models.Model):
    """One unit of queued work: a file to import, an article to re-extract, an export to write."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("în așteptare")
        RUNNING = "running", _("în lucru")
        DONE = "done", _("gata")
        FAILED = "failed", _("eșuat")

    batch = models.ForeignKey(Batch, verbose_name=_("lot"), on_delete=models.CASCADE, related_name="jobs")
    name = models.CharField(
        verbose_name=_("nume"), max_length=300, help_text=_("Numele fișierului, sau la ce lucrează.")
    )
    status = models.CharField(verbose_name=_("stare"), max_length=10, choices=Status.choices, default=Status.WAITING)
    outcome = models.CharField(
        verbose_name=_("rezultat"), max_length=20, blank=True, help_text=_("importat, actualizat, neschimbat, eșuat…")
    )
    message = models.TextField(
        verbose_name=_("mesaj"), blank=True, help_text=_("Rândul cu rezultatul, sau motivul eșecului.")
    )
    data = models.BinaryField(
        verbose_name=_("date"), null=True, blank=True, help_text=_("Fișierul de importat, șters după import.")
    )
    article = models.ForeignKey(
        Article, verbose_name=_("articol"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revision = models.PositiveIntegerField(verbose_name=_("revizie"), null=True, blank=True,
                                           help_text=_("Revizia articolului când s-a cerut reextragerea."))
    task_id = models.CharField(
        verbose_name=_("id-ul sarcinii"),
        max_length=64,
        blank=True,
        help_text=_("Id-ul sarcinii din coadă care o rulează."),
    )
    attempts = models.PositiveIntegerField(verbose_name=_("încercări"), default=0)
    worker = models.CharField(
        verbose_name=_("proces"), max_length=200, blank=True, help_text=_("host:pid al procesului care o rulează.")
    )
    lease_until = models.DateTimeField(verbose_name=_("rezervat până la"), null=True, blank=True,
                                       help_text=_("O lucrare neterminată până atunci e dată din nou."))
    created_at = models.DateTimeField(verbose_name=_("creat la"), default=timezone.now)
    finished_at = models.DateTimeField(verbose_name=_("terminat la"), null=True, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("lucrare")
        verbose_name_plural = _("lucrări")
        indexes = [
            models.Index(fields=["batch", "status"], name="job_batch_status"),
            models.Index(fields=["status", "lease_until"], name="job_status_lease"),
        ]

    def __str__(self) -> str:
        return self.name


class Statement(models.Model):
    """The same words reported in several places: quotes of the archive grouped by their folded words
    (reader.provenance keeps it; nothing else writes it)."""

    words = models.TextField(verbose_name=_("cuvinte"), help_text=_("Cuvintele normalizate ale primei versiuni."))
    variants = models.JSONField(
        verbose_name=_("versiuni"), default=list,
        help_text=_("Formulările normalizate diferite, cu care se compară citatele noi."),
    )
    size = models.PositiveIntegerField(verbose_name=_("apariții"), default=0)
    published = models.PositiveIntegerField(verbose_name=_("apariții publicate"), default=0)
    speakers = models.JSONField(
        verbose_name=_("vorbitori"), default=list, blank=True,
        help_text=_("Cui îi atribuie articolele cuvintele (entitate sau nume normalizat)."),
    )
    speakers_differ = models.BooleanField(
        verbose_name=_("vorbitori diferiți"), default=False,
        help_text=_("Aceleași cuvinte sunt atribuite unor vorbitori diferiți: de verificat."),
    )
    first = models.ForeignKey(
        "Appearance", verbose_name=_("prima apariție"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    first_on = models.DateField(verbose_name=_("data primei apariții"), null=True, blank=True)
    created_at = models.DateTimeField(verbose_name=_("creată la"), default=timezone.now)

    class Meta:
        verbose_name = _("declarație")
        verbose_name_plural = _("declarații")
        ordering = ["-id"]
        indexes = [models.Index(fields=["speakers_differ", "-id"], name="statement_flagged")]

    def __str__(self) -> str:
        return self.words[:80]


class Appearance(models.Model):
    """One quote as a version of a statement: where and when it appeared, who it was credited to, and an editor's
    verdict on its wording."""

    class Verdict(models.TextChoices):
        FAITHFUL = "faithful", _("fidelă")
        ALTERED = "altered", _("modificată")
        MISATTRIBUTED = "misattributed", _("atribuită greșit")

    statement = models.ForeignKey(
        Statement, verbose_name=_("declarație"), on_delete=models.CASCADE, related_name="appearances"
    )
    quote = models.OneToOneField(Quote, verbose_name=_("citat"), on_delete=models.CASCADE, related_name="appearance")
    article = models.ForeignKey(Article, verbose_name=_("articol"), on_delete=models.CASCADE, related_name="+")
    published_on = models.DateField(verbose_name=_("data publicării"), null=True, blank=True)
    words = models.TextField(verbose_name=_("cuvinte"))
    speaker_key = models.CharField(verbose_name=_("cheia vorbitorului"), max_length=210, blank=True)
    verdict = models.CharField(verbose_name=_("verdict"), max_length=20, choices=Verdict.choices, blank=True)
    verdict_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("verdict dat de"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    verdict_at = models.DateTimeField(verbose_name=_("verdict dat la"), null=True, blank=True)

    class Meta:
        verbose_name = _("apariție a unei declarații")
        verbose_name_plural = _("apariții ale declarațiilor")
        ordering = ["statement", "published_on", "id"]
        indexes = [
            models.Index(fields=["statement", "published_on", "id"], name="appearance_order"),
            models.Index(fields=["article"], name="appearance_by_article"),
            models.Index(fields=["speaker_key", "statement"], name="appearance_by_speaker"),  # entity pages
        ]

    def __str__(self) -> str:
        return f"{self.statement_id}: {self.words[:60]}"


class StatementBand(models.Model):
    """One MinHash band of a statement's versions: a new quote finds its candidate statements by these keys
    (reader.provenance), one index lookup whatever the archive's size."""

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="+")
    key = models.BigIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["key", "statement"], name="statement_band_unique")]

    def __str__(self) -> str:
        return f"{self.statement_id}:{self.key}"


class FactCheck(models.Model):
    """A fact-check note's verdict on a quote: published as schema.org ClaimReview on the article page."""

    note = models.OneToOneField(Note, verbose_name=_("notă"), on_delete=models.CASCADE, related_name="factcheck")
    claim = models.TextField(verbose_name=_("afirmația verificată"), help_text=_("Cuvintele citatului verificat."))
    claim_author = models.CharField(verbose_name=_("autorul afirmației"), max_length=200, blank=True)
    claim_author_type = models.CharField(verbose_name=_("tipul autorului"), max_length=20, blank=True)
    quote = models.ForeignKey(
        Quote, verbose_name=_("citat"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    rating_text = models.CharField(verbose_name=_("verdict"), max_length=100)
    rating_value = models.PositiveSmallIntegerField(verbose_name=_("nota pe scală"))
    worst_rating = models.PositiveSmallIntegerField(verbose_name=_("cea mai mică notă"), default=1)
    best_rating = models.PositiveSmallIntegerField(verbose_name=_("cea mai mare notă"), default=5)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("dat de"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(verbose_name=_("dat la"), default=timezone.now)

    class Meta:
        verbose_name = _("verdict de verificare")
        verbose_name_plural = _("verdicte de verificare")

    def __str__(self) -> str:
        return f"{self.rating_text}: {self.claim[:60]}"
