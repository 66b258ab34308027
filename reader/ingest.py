"""The one bridge between the extraction pipeline and the database.

Every function is keyword-only; each article is saved in its own transaction, so a bad file
never leaves half an article behind and never stops the others.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.text import slugify

from reader.extraction import Extraction, ExtractionError, extract_text
from reader.extraction.decode import decode_article
from reader.extraction.normalize import match_key
from reader.models import Article, Entity, Figure, Mention, Note, Paragraph, Quote

log = logging.getLogger(__name__)

IMPORTED, UPDATED, UNCHANGED, FAILED = "imported", "updated", "unchanged", "failed"
ARTICLE_SUFFIXES = {".txt"}


@dataclass(frozen=True)
class ImportResult:
    name: str
    status: str  # imported | updated | unchanged | failed
    message: str = ""
    article: Article | None = None

    @property
    def failed(self) -> bool:
        return self.status == FAILED


def import_article(*, name: str, data: bytes, publish: bool = False) -> ImportResult:
    """Import one exported file; re-importing an unchanged file does nothing."""
    try:
        text = decode_article(data, max_bytes=settings.READER_MAX_IMPORT_BYTES)
        extraction = extract_text(text, curated=curated_names())
    except ExtractionError as error:
        return ImportResult(name, FAILED, str(error))
    except Exception as error:  # a bug in extraction must not stop the other files
        log.exception("extraction failed for %s", name)
        return ImportResult(name, FAILED, f"could not be analysed ({type(error).__name__}: {error})")

    digest = hashlib.sha256(extraction.cleaned_text.encode("utf-8")).hexdigest()
    existing = Article.objects.filter(import_key=name).first()
    if existing and existing.text_sha256 == digest:
        return ImportResult(name, UNCHANGED, "same text as the stored revision", existing)
    if existing and Note.objects.filter(paragraph__article=existing).exists():
        return ImportResult(
            name,
            FAILED,
            f"the text changed but article “{existing.title}” has editors' notes; refusing to overwrite them",
            existing,
        )
    with transaction.atomic():
        article = _save_article(existing=existing, name=name, text=text, digest=digest, extraction=extraction)
        if publish and not article.is_published:
            article.publish()
    return ImportResult(name, UPDATED if existing else IMPORTED, f"revision {article.revision}", article)


def import_paths(
    *, paths: Iterable[Path], publish: bool = False, progress: Callable[[ImportResult], None] | None = None
) -> list[ImportResult]:
    """Import files, and the .txt files inside folders, in name order."""
    results = []
    for path in _article_files(paths):
        try:
            data = path.read_bytes()
        except OSError as error:
            result = ImportResult(path.name, FAILED, f"cannot read: {error.strerror or error}")
        else:
            result = import_article(name=path.name, data=data, publish=publish)
        results.append(result)
        if progress:
            progress(result)
    return results


def curated_names():
    """Curators' decisions to apply at extraction time (filled in by the curation work)."""
    return None


def _article_files(paths: Iterable[Path]) -> list[Path]:
    files = []
    for path in map(Path, paths):
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES))
        else:
            files.append(path)
    return files


def _save_article(*, existing: Article | None, name: str, text: str, digest: str, extraction: Extraction) -> Article:
    meta = extraction.meta
    article = existing or Article(import_key=name, slug=_unique_slug(meta.title or name))
    article.title = meta.title[:500]
    article.source = (meta.source or "")[:200]
    article.published_on = _iso_date(meta.date)
    article.dateline = (meta.dateline or "")[:100]
    article.photo_credit = (meta.credit or "")[:200]
    article.raw_text = text
    article.text_sha256 = digest
    if existing:
        article.revision += 1
        existing.paragraphs.all().delete()
    article.save()
    _save_analysis(article=article, extraction=extraction)
    return article


def _save_analysis(*, article: Article, extraction: Extraction) -> None:
    paragraphs = Paragraph.objects.bulk_create(
        Paragraph(
            article=article,
            position=p.index,
            role=p.role,
            text=p.text,
            fingerprint=Paragraph.fingerprint_of(p.text),
        )
        for p in extraction.paragraphs
    )
    by_index = {p.position: p for p in paragraphs}
    entities = {match_key(e.name): _entity_for(e) for e in extraction.entities}
    Mention.objects.bulk_create(
        Mention(entity=entities[match_key(e.name)], paragraph=by_index[m.paragraph], start=m.start, end=m.end)
        for e in extraction.entities
        for m in e.mentions
    )
    Quote.objects.bulk_create(
        Quote(
            paragraph=by_index[q.paragraph],
            start=q.start,
            end=q.end,
            kind=q.kind,
            speaker=entities.get(match_key(q.speaker)) if q.speaker else None,
            speaker_name=(q.speaker or "")[:200],
            speaker_mention=(q.speaker_mention or "")[:200],
            cue=(q.cue or "")[:100],
            addressee=(q.addressee or "")[:200],
            inferred=q.inferred,
            confidence=q.confidence,
        )
        for q in extraction.quotes
    )
    Figure.objects.bulk_create(
        Figure(
            paragraph=by_index[f.paragraph],
            start=f.start,
            end=f.end,
            kind=f.kind,
            value=f.value,
            unit=(f.unit or "")[:100],
            qualifier=(f.qualifier or "")[:20],
        )
        for f in extraction.figures
    )


def _entity_for(found) -> Entity:
    """The stored entity for an extracted one: same folded name and type, created on first sight."""
    type_ = found.type if found.type in Entity.Type.values else Entity.Type.OTHER
    key = match_key(found.name)
    entity = Entity.objects.filter(key=key, type=type_).first()
    if entity is None:
        entity = Entity.objects.create(
            name=found.name, type=type_, key=key, slug=Entity.unique_slug(found.name), aliases=[]
        )
    if entity.add_aliases([found.name, *found.aliases, *(m.text for m in found.mentions)]):
        entity.save(update_fields=["aliases"])
    return entity


def _unique_slug(title: str) -> str:
    base = slugify(title)[:100].strip("-") or "articol"
    slug, n = base, 2
    while Article.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _iso_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None

