"""Export and import of everything people did (notes, quote decisions, entity decisions) as one JSON document.

Articles travel as their imported text (``raw_text``): the importer re-creates paragraphs, quotes and entities
from it, so the file stays small and survives a change of extraction model. Human work is then laid on top by
content, never by database id: notes find their paragraph with their own selectors (``reader.anchoring``), quote
decisions by paragraph fingerprint and quoted text. Exporting the restored database gives the same document.

Users travel without passwords: restored accounts get an unusable password and must reset it (a full database
backup, see README, keeps them). Importing the same file twice changes nothing.
"""

from __future__ import annotations

from datetime import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from reader import decisions
from reader.anchoring import Selector, candidates_of, place
from reader.ingest import FAILED, import_article
from reader.models import Article, BlockedName, Entity, FactCheck, Note, NoteRevision, Paragraph, Quote

FORMAT = "reading-room-annotations"
VERSION = 1
_NOTE_ANCHOR_FIELDS = ("anchor_exact", "anchor_prefix", "anchor_suffix", "anchor_fingerprint", "anchor_position",
                       "anchor_start", "anchor_end")


class BackupError(Exception):
    """The file is not an annotations export this version can read."""


def _when(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _parse_when(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _name(user) -> str | None:
    return user.get_username() if user else None


# --- export -------------------------------------------------------------------------------------------------


def export_annotations() -> dict:
    """The whole reading room's human work, plus what is needed to re-create the articles it sits on."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "users": [_user_data(u) for u in get_user_model().objects.order_by("username").prefetch_related("groups")],
        "blocked_names": [
            {"name": b.name, "key": b.key, "created_by": _name(b.created_by), "created_at": _when(b.created_at)}
            for b in BlockedName.objects.select_related("created_by").order_by("key")
        ],
        "entities": [
            {"name": e.name, "type": e.type, "key": e.key, "slug": e.slug, "aliases": list(e.aliases)}
            for e in Entity.objects.filter(confirmed=True).order_by("key", "type")
        ],
        "articles": [_article_data(a) for a in Article.objects.order_by("import_key")],
    }


def _user_data(user) -> dict:
    return {
        "username": user.get_username(), "email": user.email, "first_name": user.first_name,
        "last_name": user.last_name, "is_active": user.is_active, "is_staff": user.is_staff,
        "is_superuser": user.is_superuser, "groups": sorted(g.name for g in user.groups.all()),
    }


def _article_data(article: Article) -> dict:
    notes = (Note.objects.filter(article=article).select_related("paragraph", "candidate", "author")
             .prefetch_related("revisions__editor").order_by("created_at", "id"))
    decided = (decisions.decided(Quote.objects.filter(paragraph__article=article, paragraph__revision=article.revision))
               .select_related("paragraph", "speaker", "decided_by").order_by("paragraph__position", "start"))
    return {
        "import_key": article.import_key, "slug": article.slug, "title": article.title, "status": article.status,
        "text_sha256": article.text_sha256, "raw_text": article.raw_text,
        "notes": [_note_data(n) for n in notes],
        "quote_decisions": [_quote_data(q) for q in decided],
    }


def _note_data(note: Note) -> dict:
    return {
        "author": _name(note.author), "body": note.body, "kind": note.kind, "visibility": note.visibility,
        "version": note.version, "created_at": _when(note.created_at), "updated_at": _when(note.updated_at),
        "edited_at": _when(note.edited_at), "deleted_at": _when(note.deleted_at),
        "detached_at": _when(note.detached_at),
        "paragraph": note.paragraph.position if note.paragraph_id else None,
        "candidate": note.candidate.position if note.candidate_id else None,
        "candidate_score": note.candidate_score,
        "anchor": {field: getattr(note, field) for field in _NOTE_ANCHOR_FIELDS},
        "revisions": [
            {"version": r.version, "body": r.body, "kind": r.kind, "visibility": r.visibility,
             "editor": _name(r.editor), "created_at": _when(r.created_at)}
            for r in sorted(note.revisions.all(), key=lambda r: r.version)
        ],
        **_fact_check_data(note),
    }


def _fact_check_data(note: Note) -> dict:
    """A fact-check note's verdict (reader.claims), when it has one: the quote travels by its words."""
    check = FactCheck.objects.filter(note=note).select_related("updated_by").first()
    if check is None:
        return {}
    return {"fact_check": {
        "claim": check.claim, "claim_author": check.claim_author, "claim_author_type": check.claim_author_type,
        "rating_text": check.rating_text, "rating_value": check.rating_value, "worst_rating": check.worst_rating,
        "best_rating": check.best_rating, "updated_by": _name(check.updated_by), "updated_at": _when(check.updated_at)}}


def _quote_data(quote: Quote) -> dict:
    speaker = quote.speaker
    return {
        "start": quote.start, "end": quote.end, **{field: getattr(quote, field) for field in decisions.PLAIN_FIELDS},
        "text": quote.text, "paragraph": quote.paragraph.position, "fingerprint": quote.paragraph.fingerprint,
        "speaker": {"name": speaker.name, "type": speaker.type, "key": speaker.key} if speaker else None,
        "decided_by": _name(quote.decided_by), "decided_at": _when(quote.decided_at),
    }


# --- import -------------------------------------------------------------------------------------------------


def import_annotations(*, data: dict) -> dict[str, int]:
    """Restore an export; returns counts of what was created. Articles already present are kept as they are."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BackupError("not a reading-room annotations export")
    if data.get("version") != VERSION:
        raise BackupError(f"export version {data.get('version')!r} is not supported (expected {VERSION})")
    counts = dict.fromkeys(("users", "entities", "blocked_names", "articles", "notes", "revisions",
                            "quote_decisions", "articles_failed"), 0)
    with transaction.atomic():
        users = _restore_users(data["users"], counts)
        _restore_entity_decisions(data, users, counts)
    # Curators' entity decisions are in place before any article is analysed, so extraction applies them.
    for item in data["articles"]:
        article = _restore_article(item, counts)
        if article is None:
            continue
        with transaction.atomic():
            _restore_quote_decisions(article, item["quote_decisions"], users, counts)
            _restore_notes(article, item["notes"], users, counts)
    return counts


def _restore_users(items: list[dict], counts) -> dict:
    model = get_user_model()
    users = {}
    for item in items:
        user = model.objects.filter(username=item["username"]).first()
        if user is None:
            user = model(username=item["username"], email=item["email"], first_name=item["first_name"],
                         last_name=item["last_name"], is_active=item["is_active"], is_staff=item["is_staff"],
                         is_superuser=item["is_superuser"])
            user.set_unusable_password()
            user.save()
            user.groups.set([Group.objects.get_or_create(name=name)[0] for name in item["groups"]])
            counts["users"] += 1
        users[item["username"]] = user
    return users


def _restore_entity_decisions(data: dict, users: dict, counts) -> None:
    for item in data["blocked_names"]:
        _, created = BlockedName.objects.get_or_create(key=item["key"], defaults={
            "name": item["name"], "created_by": users.get(item["created_by"]),
            "created_at": _parse_when(item["created_at"])})
        counts["blocked_names"] += created
    for item in data["entities"]:
        entity = Entity.objects.filter(key=item["key"], type=item["type"]).first()
        if entity is None:
            slug = item["slug"] if not Entity.objects.filter(slug=item["slug"]).exists() else None
            entity = Entity(key=item["key"], type=item["type"], slug=slug or Entity.unique_slug(item["name"]))
            counts["entities"] += 1
        entity.name, entity.confirmed = item["name"], True
        entity.aliases = list(dict.fromkeys([*item["aliases"], *entity.aliases]))
        entity.save()


def _restore_article(item: dict, counts) -> Article | None:
    article = Article.objects.filter(import_key=item["import_key"]).first()
    if article is not None:
        return article
    result = import_article(name=item["import_key"], data=item["raw_text"].encode("utf-8"))
    if result.status == FAILED or result.article is None:
        counts["articles_failed"] += 1
        return None
    article = result.article
    article.status = item["status"]
    if item["slug"] != article.slug and not Article.objects.filter(slug=item["slug"]).exists():
        article.slug = item["slug"]
    article.save(update_fields=["status", "slug"])
    counts["articles"] += 1
    return article


def _speaker_for(data: dict | None) -> Entity | None:
    if not data:
        return None
    entity = Entity.objects.filter(key=data["key"], type=data["type"]).first()
    if entity is None:  # a decision named an entity that this extraction did not find: keep the decision
        entity = Entity.objects.create(name=data["name"], type=data["type"], key=data["key"],
                                       slug=Entity.unique_slug(data["name"]), aliases=[])
    return entity


def _restore_quote_decisions(article: Article, items: list[dict], users: dict, counts) -> None:
    paragraphs = list(article.paragraphs.filter(revision=article.revision))
    for item in items:
        decision = decisions.QuoteDecision.from_export(item, decided_by=users.get(item["decided_by"]),
                                                       decided_at=_parse_when(item["decided_at"]))
        found = decisions.find_words(decision, paragraphs)
        if found is None:
            continue
        decision.values["speaker"] = _speaker_for(item["speaker"])
        decisions.lay(decision, *found)
        counts["quote_decisions"] += 1


def _restore_notes(article: Article, items: list[dict], users: dict, counts) -> None:
    paragraphs = list(article.paragraphs.filter(revision=article.revision))
    by_position = {p.position: p for p in paragraphs}
    candidates = candidates_of(paragraphs)
    for item in items:
        author, created_at = users[item["author"]], _parse_when(item["created_at"])
        if Note.objects.filter(article=article, author=author, created_at=created_at).exists():
            continue  # imported before
        note = Note(article=article, author=author, body=item["body"], kind=item["kind"],
                    visibility=item["visibility"], version=item["version"], candidate_score=item["candidate_score"],
                    **item["anchor"])
        note.paragraph = _paragraph_for(item, note, candidates, paragraphs, by_position)
        note.candidate = by_position.get(item["candidate"]) if item["candidate"] is not None else None
        note.save()
        lost_place = note.paragraph is None and item["paragraph"] is not None
        # auto_now/auto_now_add would stamp "now": put the original times back.
        Note.objects.filter(pk=note.pk).update(
            created_at=created_at, updated_at=_parse_when(item["updated_at"]), edited_at=_parse_when(item["edited_at"]),
            deleted_at=_parse_when(item["deleted_at"]),
            detached_at=timezone.now() if lost_place else _parse_when(item["detached_at"]))
        NoteRevision.objects.bulk_create(
            NoteRevision(note=note, version=r["version"], body=r["body"], kind=r["kind"], visibility=r["visibility"],
                         editor=users[r["editor"]], created_at=_parse_when(r["created_at"]))
            for r in item["revisions"])
        counts["notes"] += 1
        counts["revisions"] += len(item["revisions"])
        if item.get("fact_check"):
            check = dict(item["fact_check"])
            quote = next((q for q in Quote.objects.filter(paragraph=note.paragraph) if q.text == check["claim"]),
                         None) if note.paragraph_id else None
            FactCheck.objects.create(note=note, quote=quote, updated_by=users.get(check.pop("updated_by")),
                                     updated_at=_parse_when(check.pop("updated_at")), **check)


def _paragraph_for(item, note: Note, candidates, paragraphs, by_position) -> Paragraph | None:
    if item["paragraph"] is None:
        return None  # detached in the source: stays in the editors' queue
    selector: Selector = note.selector()
    same = by_position.get(item["paragraph"])
    if same is not None and same.fingerprint == note.anchor_fingerprint:
        return same
    placement = place(selector, candidates)
    return paragraphs[placement.index] if placement.index is not None else None
