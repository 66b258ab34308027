"""The reading room's data: articles split into paragraphs, and what was found in them.

State changes live here as model methods; visibility as QuerySet methods.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from reader.extraction.normalize import match_key


class ArticleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Article.Status.PUBLISHED)

    def visible_to(self, user):
        """Published articles for everybody; drafts too for editors and staff."""
        if can_edit(user):
            return self
        return self.published()


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "draft"
        PUBLISHED = "published", "published"

    slug = models.SlugField(max_length=120, unique=True)
    import_key = models.CharField(
        max_length=255, unique=True, help_text="File name the article was imported from; re-imports match on it."
    )
    title = models.CharField(max_length=500)
    source = models.CharField(max_length=200, blank=True)
    published_on = models.DateField(null=True, blank=True)
    dateline = models.CharField(max_length=100, blank=True)
    photo_credit = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    raw_text = models.TextField(help_text="The text exactly as imported (decoded).")
    text_sha256 = models.CharField(max_length=64, help_text="SHA-256 of the cleaned text; unchanged files skip import.")
    revision = models.PositiveIntegerField(default=1)
    imported_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_on", "-id"]
        indexes = [models.Index(fields=["status", "-published_on", "-id"], name="article_listing")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("reader:article", args=[self.slug])

    def publish(self) -> None:
        self.status = self.Status.PUBLISHED
        self.save(update_fields=["status", "updated_at"])

    def unpublish(self) -> None:
        self.status = self.Status.DRAFT
        self.save(update_fields=["status", "updated_at"])

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


class Paragraph(models.Model):
    class Role(models.TextChoices):
        TITLE = "title"
        LEAD = "lead"
        CAPTION = "caption"
        DATELINE = "dateline"
        HEADING = "heading"
        BODY = "body"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="paragraphs")
    position = models.PositiveIntegerField()
    role = models.CharField(max_length=10, choices=Role.choices)
    text = models.TextField()
    fingerprint = models.CharField(max_length=40, help_text="Hash of the folded text, for re-anchoring notes.")

    class Meta:
        ordering = ["article", "position"]
        constraints = [models.UniqueConstraint(fields=["article", "position"], name="paragraph_unique_position")]

    def __str__(self) -> str:
        return f"{self.article_id}#{self.position} {self.text[:40]}"

    @staticmethod
    def fingerprint_of(text: str) -> str:
        return hashlib.sha1(match_key(text).encode("utf-8")).hexdigest()

    @property
    def anchor(self) -> str:
        return f"p-{self.position}"


class Entity(models.Model):
    class Type(models.TextChoices):
        PERSON = "PERSON", "person"
        PLACE = "PLACE", "place"
        ORGANIZATION = "ORGANIZATION", "organization"
        OTHER = "OTHER", "other"

    name = models.CharField(max_length=200, help_text="Canonical name: nominative, full.")
    type = models.CharField(max_length=20, choices=Type.choices)
    key = models.CharField(max_length=200, help_text="Folded name (case, diacritics, cedillas) used to match.")
    slug = models.SlugField(max_length=220, unique=True)
    aliases = models.JSONField(default=list, blank=True, help_text="Other forms of the name seen in articles.")

    class Meta:
        verbose_name_plural = "entities"
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["key", "type"], name="entity_unique_key_type")]

    def __str__(self) -> str:
        return self.name

    def add_aliases(self, names) -> bool:
        """Add new surface forms; returns whether anything changed."""
        known = {match_key(a) for a in self.aliases} | {self.key}
        new = [n for n in dict.fromkeys(names) if match_key(n) not in known]
        self.aliases = [*self.aliases, *new]
        return bool(new)

    @classmethod
    def unique_slug(cls, name: str) -> str:
        base = slugify(name)[:200] or "entity"
        slug, n = base, 2
        while cls.objects.filter(slug=slug).exists():
            slug, n = f"{base}-{n}", n + 1
        return slug


class Mention(models.Model):
    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="mentions")
    paragraph = models.ForeignKey(Paragraph, on_delete=models.CASCADE, related_name="mentions")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()

    class Meta:
        ordering = ["paragraph_id", "start"]

    @property
    def text(self) -> str:
        return self.paragraph.text[self.start : self.end]


class Quote(models.Model):
    class Kind(models.TextChoices):
        DIRECT = "direct"
        INDIRECT = "indirect"

    class Status(models.TextChoices):
        MACHINE = "machine"
        CONFIRMED = "confirmed"
        CORRECTED = "corrected"
        REJECTED = "rejected"

    paragraph = models.ForeignKey(Paragraph, on_delete=models.CASCADE, related_name="quotes")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.DIRECT)
    speaker = models.ForeignKey(Entity, null=True, blank=True, on_delete=models.SET_NULL, related_name="quotes")
    speaker_name = models.CharField(
        max_length=200, blank=True, help_text="Who speaks, as named; kept when the speaker is not an entity."
    )
    speaker_mention = models.CharField(max_length=200, blank=True, help_text="The words in the text naming the speaker.")
    cue = models.CharField(max_length=100, blank=True, help_text="The verb or phrase of saying.")
    addressee = models.CharField(max_length=200, blank=True)
    inferred = models.BooleanField(default=False, help_text="Speaker not named in the quote's own sentence.")
    confidence = models.FloatField(default=0.5)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.MACHINE)

    class Meta:
        ordering = ["paragraph_id", "start"]
        indexes = [models.Index(fields=["speaker", "status"], name="quote_by_speaker")]

    def __str__(self) -> str:
        return f"{self.display_speaker}: {self.text[:60]}"

    @property
    def text(self) -> str:
        return self.paragraph.text[self.start : self.end]

    @property
    def display_speaker(self) -> str:
        return self.speaker.name if self.speaker_id else (self.speaker_name or "")

    # Below this, the page marks the attribution as unverified.
    CONFIDENT = 0.7

    @property
    def is_unverified(self) -> bool:
        return self.status == self.Status.MACHINE and self.confidence < self.CONFIDENT


class Figure(models.Model):
    class Kind(models.TextChoices):
        QUANTITY = "quantity"
        MONEY = "money"
        PERCENT = "percent"
        DATE = "date"

    paragraph = models.ForeignKey(Paragraph, on_delete=models.CASCADE, related_name="figures")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    kind = models.CharField(max_length=10, choices=Kind.choices)
    value = models.JSONField(null=True, blank=True, help_text="A number, or an ISO date string for dates.")
    unit = models.CharField(max_length=100, blank=True)
    qualifier = models.CharField(max_length=20, blank=True)

    class Meta:
        ordering = ["paragraph_id", "start"]

    @property
    def text(self) -> str:
        return self.paragraph.text[self.start : self.end]


class NoteQuerySet(models.QuerySet):
    def alive(self):
        return self.filter(deleted_at__isnull=True)

    def visible_to(self, user):
        notes = self.alive()
        if can_edit(user):
            return notes
        return notes.filter(visibility=Note.Visibility.PUBLIC)


class Note(models.Model):
    class Kind(models.TextChoices):
        CONTEXT = "context", "context"
        FACT_CHECK = "fact-check", "fact-check"
        CORRECTION = "correction", "correction"
        INTERNAL = "internal", "internal"

    class Visibility(models.TextChoices):
        PUBLIC = "public", "public"
        EDITORS = "editors", "editors only"

    # PROTECT: a note is never deleted as a side effect of replacing paragraphs.
    paragraph = models.ForeignKey(Paragraph, on_delete=models.PROTECT, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="notes")
    body = models.TextField(help_text="Markdown-lite source as the editor wrote it.")
    body_html = models.TextField(editable=False, help_text="Sanitised HTML rendered from the body once, on save.")
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.CONTEXT)
    visibility = models.CharField(max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    deleted_at = models.DateTimeField(null=True, blank=True)

    objects = NoteQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["paragraph", "deleted_at"], name="note_by_paragraph")]

    def __str__(self) -> str:
        return self.body[:60]

    def save(self, *args, **kwargs):
        from reader.markup import render_markdown_lite

        self.body_html = render_markdown_lite(self.body)
        super().save(*args, **kwargs)

    def soft_delete(self) -> None:
        self.deleted_at = timezone.now()
        self.save(update_fields=["deleted_at", "updated_at"])


EDITORS_GROUP = "Editors"


def can_edit(user) -> bool:
    """Editors (the Editors group, via its permission) and superusers may annotate and see drafts."""
    return bool(user and user.is_authenticated and user.has_perm("reader.add_note"))
