"""What people do to the reading room, one function per operation.

Each function owns the whole operation: its transaction, its line in the object's history (the admin log,
``reader.curation.record``) and making the pages that show the change stale (``Article.touch``; rows that a page
renders touch their article when saved: ``Quote.save``, ``Note.save``). Views and admin actions call these and
only these (so should a management command that acts for someone); the models keep the state changes that need no
one's name (``Quote.confirm``, ``Note.edit``...).

Arguments are keyword-only and the acting user is ``by``. Who may do an operation is checked by the caller (the
views' ``editor_required``, the admin's permissions) except where the rule is about the object itself: notes are
changed by their author or a senior editor, and the note actions check that here. A refused operation raises
``Refused`` (or a subclass carrying what the caller needs to phrase the reason) and changes nothing.
"""

from __future__ import annotations

from django.contrib.admin.models import ADDITION
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext

from reader import ingest, provenance
from reader.admin_lines import fields_changed, history_line, import_line
from reader.curation import record
from reader.extraction.normalize import match_key
from reader.models import (
    Article,
    BlockedName,
    Entity,
    EntityMerge,
    Mention,
    Note,
    NoteNotDetached,
    Paragraph,
    Quote,
)
from reader.permissions import check_note_owner

ENTITY_FIELDS = ("name", "type", "slug", "aliases", "confirmed")
ENTITY_STATE = ("name", "type", "key", "slug", "aliases", "confirmed")  # what a merge keeps to re-create an entity


class Refused(Exception):
    """The operation was not done; the message says why (in English: callers phrase it for their readers)."""


class EntityExists(Refused):
    """Another entity already has this folded name and type (the (key, type) constraint): merge instead."""

    def __init__(self, existing: Entity):
        super().__init__(gettext("„%(name)s” există deja cu acest tip: uniți-le.") % {"name": existing.name})
        self.existing = existing


class QuoteOverlaps(Refused):
    """A missed quote may not cover words of a quote already found: that one is corrected instead."""


# --- entities -----------------------------------------------------------------------------------------------


def entity_named(*, name: str, type: str, exclude: Entity | None = None) -> Entity | None:
    """The entity that already has this name (folded) and type, other than ``exclude``: the one rule for every
    rename and type change, so the (key, type) constraint is a message, never a database error."""
    same = Entity.objects.filter(key=match_key(name), type=type)
    if exclude is not None and exclude.pk:
        same = same.exclude(pk=exclude.pk)
    return same.first()


def _refuse_clash(entity: Entity, *, name: str, type: str) -> None:
    existing = entity_named(name=name, type=type, exclude=entity)
    if existing is not None:
        raise EntityExists(existing)


def _save_entity(entity: Entity, fields: list[str]) -> None:
    """Save, turning a clash that slipped past the check (another editor, meanwhile) into EntityExists."""
    try:
        with transaction.atomic():
            entity.save(update_fields=fields)
    except IntegrityError:
        existing = entity_named(name=entity.name, type=entity.type, exclude=entity)
        if existing is None:
            raise
        raise EntityExists(existing) from None


def rename_entity(*, entity: Entity, name: str, by) -> None:
    """A human's better name; the old one stays as an alias so the text still finds it, and the name is confirmed."""
    name = " ".join(name.split())[:200]
    if not name:
        raise Refused(gettext("numele este gol"))
    _refuse_clash(entity, name=name, type=entity.type)
    old = entity.name
    with transaction.atomic():
        entity.name, entity.key, entity.confirmed = name, match_key(name), True
        entity.add_aliases([old])
        _save_entity(entity, ["name", "key", "confirmed", "aliases"])
        record(user=by, obj=entity, message=history_line("renamed", old=old))
        entity.touch_articles()


def edit_entity(*, entity: Entity, by, **changes) -> None:
    """Change some of an entity's fields (``name``, ``type``, ``slug``, ``aliases``, ``confirmed``) as the admin's
    change form and entity list do, e.g. its type. EntityExists if another entity has the resulting name and type."""
    unknown = set(changes) - set(ENTITY_FIELDS)
    if unknown:
        raise TypeError(f"not an editable entity field: {', '.join(sorted(unknown))}")
    if not changes:
        return
    _refuse_clash(entity, name=changes.get("name", entity.name), type=changes.get("type", entity.type))
    with transaction.atomic():
        for field, value in changes.items():
            setattr(entity, field, value)
        entity.key = match_key(entity.name)
        _save_entity(entity, [*changes, "key"])
        record(user=by, obj=entity, message=fields_changed(Entity, changes))
        entity.touch_articles()


def confirm_entity(*, entity: Entity, by) -> None:
    """A human checked the name: extraction then recognises it and its aliases."""
    with transaction.atomic():
        entity.confirmed = True
        entity.save(update_fields=["confirmed"])
        record(user=by, obj=entity, message=history_line("entity_confirmed"))


def block_entity(*, entity: Entity, by) -> None:
    """Not an entity: forget it everywhere and keep extraction from finding it again."""
    with transaction.atomic():
        record(user=by, obj=entity, message=history_line("blocked", name=entity.name))
        entity.touch_articles()
        for name in [entity.name, *entity.aliases]:
            BlockedName.objects.get_or_create(key=match_key(name), defaults={"name": name, "created_by": by})
        entity.delete()


def merge_entities(*, source: Entity, target: Entity, by) -> EntityMerge:
    """Fold ``source`` into ``target``: mentions and quotes move, names become aliases, nothing is lost.

    Returns the record that undoes it (``undo_merge``)."""
    if source.pk == target.pk:
        raise Refused(gettext("o entitate nu se poate uni cu ea însăși"))
    with transaction.atomic():
        record(user=by, obj=target, message=history_line("merged", source=source.name, id=source.pk))
        source.touch_articles()
        merge = EntityMerge.objects.create(
            target=target,
            # "into": where the old slug now leads (reader.entity_pages.merged_into), even after the target is gone.
            source={**{field: getattr(source, field) for field in ENTITY_STATE}, "into": target.slug},
            mention_ids=list(Mention.objects.filter(entity=source).values_list("pk", flat=True)),
            quote_ids=list(Quote.objects.filter(speaker=source).values_list("pk", flat=True)),
            target_aliases=list(target.aliases),
            merged_by=by,
        )
        Mention.objects.filter(entity=source).update(entity=target)
        Quote.objects.filter(speaker=source).update(speaker=target, speaker_name=target.name)
        target.add_aliases([source.name, *source.aliases])
        target.save(update_fields=["aliases"])
        source.delete()
        provenance.speakers_changed([target.pk])  # two speakers that were one person agree now
    return merge


def undo_merge(*, merge: EntityMerge, by) -> Entity:
    """Re-create the merged entity and move its own mentions and quotes back to it."""
    with transaction.atomic():
        # Locked and checked again: of two curators undoing the same merge, the second is told it is done.
        merge = EntityMerge.objects.select_for_update().get(pk=merge.pk)
        if merge.undone_at:
            raise Refused(gettext("unirea a fost deja anulată"))
        if merge.target_id is None:
            raise Refused(gettext("entitatea în care a fost unită nu mai există"))
        target, fields = merge.target, dict(merge.source)
        fields.pop("into", None)
        if Entity.objects.filter(slug=fields["slug"]).exists():
            fields["slug"] = Entity.unique_slug(fields["name"])
        restored = Entity.objects.create(**fields)
        Mention.objects.filter(pk__in=merge.mention_ids, entity=target).update(entity=restored)
        Quote.objects.filter(pk__in=merge.quote_ids, speaker=target).update(speaker=restored,
                                                                             speaker_name=restored.name)
        target.aliases = list(merge.target_aliases)
        target.save(update_fields=["aliases"])
        merge.undone_at = timezone.now()
        merge.save(update_fields=["undone_at"])
        provenance.speakers_changed([restored.pk, target.pk])
        record(user=by, obj=restored, message=history_line("merge_undone", target=target.name), action_flag=ADDITION)
        record(user=by, obj=target, message=history_line("merge_undone_target", source=restored.name))
        restored.touch_articles()
    return restored


# --- quotes -------------------------------------------------------------------------------------------------


def speaker_named(*, name: str, article: Article) -> Entity | None:
    """The person or organisation an editor typed: by its name, else by an alias it has in this article."""
    key = match_key(name)
    entity = Entity.objects.filter(key=key, type__in=Entity.SPEAKER_TYPES).first()
    if entity:
        return entity
    in_article = Entity.objects.filter(mentions__article=article, type__in=Entity.SPEAKER_TYPES).distinct()
    return next((e for e in in_article if key in {match_key(a) for a in e.aliases}), None)


def confirm_quote(*, quote: Quote, by, where: str = "") -> None:
    """The machine got it right. ``where`` (e.g. "on the reading page") goes into the history line."""
    with transaction.atomic():
        quote.confirm(by=by)
        provenance.requote(quote)
        record(user=by, obj=quote, message=history_line("quote_confirmed_where", where=where) if where
               else history_line("quote_confirmed"))


def reject_quote(*, quote: Quote, by, where: str = "") -> None:
    """Not a quote: hidden from the page, remembered so re-extraction does not bring it back."""
    with transaction.atomic():
        quote.reject(by=by)
        provenance.requote(quote)  # out of its statement
        record(user=by, obj=quote, message=history_line("quote_rejected_where", where=where) if where
               else history_line("quote_rejected"))


def correct_speaker(*, quote: Quote, by, entity: Entity | None = None, name: str = "") -> None:
    """Who really speaks: an entity, or a description when the speaker has no page ("un diplomat")."""
    with transaction.atomic():
        quote.correct_speaker(by=by, entity=entity, name=name)
        provenance.requote(quote)  # the statement's speakers may agree now, or differ
        record(user=by, obj=quote, message=history_line("speaker_set", speaker=quote.display_speaker))


def add_missed_quote(*, paragraph: Paragraph, start: int, end: int, kind: str, by, entity: Entity | None = None,
                     name: str = "") -> Quote:
    """A quote the machine missed, with its speaker; refused (QuoteOverlaps) over the words of another quote."""
    with transaction.atomic():
        overlapping = paragraph.quotes.exclude(status=Quote.Status.REJECTED).filter(start__lt=end, end__gt=start)
        if overlapping.exists():
            raise QuoteOverlaps("the words overlap a quote already found: correct that one")
        quote = Quote(paragraph=paragraph, start=start, end=end, kind=kind, added_by_human=True)
        quote.correct_speaker(by=by, entity=entity, name=name)
        provenance.requote(quote)
        record(user=by, obj=quote, message=history_line("quote_added"))
    return quote


def judge_appearance(*, appearance, verdict: str, by) -> None:
    """An editor's verdict on one version of a statement: faithful, altered or misattributed ('' clears it)."""
    from reader.models import Appearance

    if verdict and verdict not in Appearance.Verdict.values:
        raise Refused(gettext("verdict necunoscut"))
    with transaction.atomic():
        appearance.verdict, appearance.verdict_by = verdict, (by if verdict else None)
        appearance.verdict_at = timezone.now() if verdict else None
        appearance.save(update_fields=["verdict", "verdict_by", "verdict_at"])
        record(user=by, obj=appearance.quote, message=history_line("statement_verdict", verdict=verdict) if verdict
               else history_line("statement_no_verdict"))
        Article.touch(appearance.article_id)


def set_fact_check(*, note: Note, quote: Quote, rating_text: str, rating_value: int, by, best: int = 5,
                   worst: int = 1) -> None:
    """A fact-check note's verdict on a quote of its article, published as ClaimReview with the note."""
    from reader.models import FactCheck

    check_note_owner(note, by)
    if note.kind != Note.Kind.FACT_CHECK:
        raise Refused(gettext("doar o notă de verificare poate avea un verdict"))
    if quote.article_id != note.article_id:
        raise Refused(gettext("citatul ține de alt articol"))
    rating_text = " ".join(rating_text.split())[:100]
    if not rating_text or not worst <= rating_value <= best:
        raise Refused(gettext("verdictul are nevoie de un text și de o notă pe scală"))
    with transaction.atomic():
        FactCheck.objects.update_or_create(note=note, defaults={
            "claim": quote.text, "quote": quote, "claim_author": quote.display_speaker,
            "claim_author_type": quote.speaker.type if quote.speaker_id else "",
            "rating_text": rating_text, "rating_value": rating_value, "best_rating": best, "worst_rating": worst,
            "updated_by": by, "updated_at": timezone.now()})
        record(user=by, obj=note, message=history_line("fact_check", rating=rating_text, value=rating_value, best=best))
        Article.touch(note.article_id)


# --- articles -----------------------------------------------------------------------------------------------


def publish_article(*, article: Article, by) -> None:
    with transaction.atomic():
        article.publish()
        record(user=by, obj=article, message=history_line("published"))


def unpublish_article(*, article: Article, by) -> None:
    with transaction.atomic():
        article.unpublish()
        record(user=by, obj=article, message=history_line("unpublished"))


def reextract_article(*, article: Article, by) -> ingest.ImportResult:
    """Run extraction again (notes and human decisions stay). The article is saved in ingest's own transaction,
    not one around the analysis: that takes seconds and must not hold the database's write lock."""
    result = ingest.reextract_article(article=article)
    if not result.failed:
        record(user=by, obj=article, message=history_line("reextracted", detail=result.message))
    return result


def import_uploads(*, files, publish: bool, by, mapping=None) -> list[ingest.ImportResult]:
    """Import uploaded files (``ingest.import_uploads``); each article imported or updated goes in its history."""
    results = ingest.import_uploads(files=files, publish=publish, mapping=mapping)
    for result in results:
        if result.article and not result.failed:
            record(user=by, obj=result.article, message=import_line(status=result.status, name=result.name))
    return results


# --- notes --------------------------------------------------------------------------------------------------


def create_note(*, paragraph: Paragraph, by, body: str, kind: str, visibility: str) -> Note:
    """A new note on a paragraph, with its first revision (``Note.create``)."""
    return Note.create(paragraph=paragraph, author=by, body=body, kind=kind, visibility=visibility)


def edit_note(*, note: Note, by, base_version: int, body: str, kind: str, visibility: str) -> None:
    """Save an edit that started from ``base_version``; NoteConflict if someone saved first (``Note.edit``)."""
    check_note_owner(note, by)
    note.edit(by=by, base_version=base_version, body=body, kind=kind, visibility=visibility)


def restore_note_revision(*, note: Note, by, version: int) -> None:
    """An old version becomes the newest; NoteRevision.DoesNotExist if there is no such version."""
    check_note_owner(note, by)
    note.restore_revision(by=by, version=version)


def trash_note(*, note: Note, by) -> None:
    check_note_owner(note, by)
    note.soft_delete()


def restore_note(*, note: Note, by) -> None:
    check_note_owner(note, by)
    note.restore()


def reattach_note(*, note: Note, paragraph: Paragraph, by) -> None:
    """Place a detached note on a paragraph of its article. NoteNotDetached if it was placed or trashed meanwhile."""
    check_note_owner(note, by)
    if paragraph.article_id != note.article_id:
        raise Refused(gettext("paragraful ține de alt articol"))
    with transaction.atomic():
        # Locked and checked again: of two editors placing the same note, the second is told it moved.
        current = Note.objects.select_for_update().get(pk=note.pk)
        if current.paragraph_id is not None or current.deleted_at is not None:
            raise NoteNotDetached("the note is no longer detached" if current.deleted_at is None
                                  else "the note is in the trash")
        note.set_anchor(paragraph)
        note.save()
        record(user=by, obj=note, message=history_line("reattached", position=paragraph.position))
