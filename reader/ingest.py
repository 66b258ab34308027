"""The one bridge between the extraction pipeline and the database.

Every function is keyword-only; each article is saved in its own transaction, so a bad file
never leaves half an article behind and never stops the others.
"""

from __future__ import annotations

import hashlib
import io
import logging
import zipfile
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.text import slugify

from reader.anchoring import Candidate, place
from reader.extraction import Extraction, ExtractionError, extract_text
from reader.extraction.decode import decode_article
from reader.extraction.entities import Curated
from reader.extraction.normalize import match_key
from reader.models import Article, BlockedName, Entity, Figure, Mention, Note, Paragraph, Quote

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
    with transaction.atomic():
        article, report = _save_article(existing=existing, name=name, text=text, digest=digest, extraction=extraction)
        if publish and not article.is_published:
            article.publish()
    return ImportResult(name, UPDATED if existing else IMPORTED, f"revision {article.revision}{report}", article)


def reextract_article(*, article: Article) -> ImportResult:
    """Run extraction again on the stored text (new model, curators' names); notes and human decisions stay."""
    name = article.import_key
    try:
        extraction = extract_text(article.raw_text, curated=curated_names())
    except Exception as error:
        log.exception("re-extraction failed for %s", name)
        return ImportResult(name, FAILED, f"could not be analysed ({type(error).__name__}: {error})", article)
    digest = hashlib.sha256(extraction.cleaned_text.encode("utf-8")).hexdigest()
    with transaction.atomic():
        article, report = _save_article(
            existing=article, name=name, text=article.raw_text, digest=digest, extraction=extraction
        )
    return ImportResult(name, UPDATED, f"re-extracted as revision {article.revision}{report}", article)


def expand_upload(*, name: str, data: bytes) -> list[tuple[str, bytes | None]]:
    """An uploaded file as (name, bytes) articles: a .zip gives its .txt members (None: over the limit)."""
    if not zipfile.is_zipfile(io.BytesIO(data)):
        return [(Path(name).name, data)]
    limit = settings.READER_MAX_IMPORT_BYTES
    members = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            if info.is_dir() or Path(info.filename).suffix.lower() not in ARTICLE_SUFFIXES:
                continue
            if info.file_size > limit:  # checked before reading: a zip bomb never gets unpacked
                members.append((Path(info.filename).name, None))
                continue
            members.append((Path(info.filename).name, archive.read(info)))
    return members


def import_uploads(*, files: Iterable[tuple[str, bytes]], publish: bool = False) -> list[ImportResult]:
    """Import uploaded files (zips expanded), the same way as files on disk."""
    results = []
    limit = settings.READER_MAX_IMPORT_BYTES
    for upload_name, upload_data in files:
        try:
            articles = expand_upload(name=upload_name, data=upload_data)
        except zipfile.BadZipFile as error:
            results.append(ImportResult(upload_name, FAILED, f"broken zip archive: {error}"))
            continue
        if not articles:
            results.append(ImportResult(upload_name, FAILED, "the archive holds no .txt files"))
        for name, data in articles:
            if data is None:
                results.append(ImportResult(name, FAILED, f"file is larger than the limit of {limit:,} bytes"))
            else:
                results.append(import_article(name=name, data=data, publish=publish))
    return results


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


def curated_names() -> Curated:
    """Curators' decisions applied at extraction time: confirmed entities are found, blocked names dropped."""
    confirmed = tuple(
        (name, type_, tuple(aliases))
        for name, type_, aliases in Entity.objects.filter(confirmed=True).values_list("name", "type", "aliases")
    )
    blocked = frozenset(BlockedName.objects.values_list("name", flat=True))
    return Curated(entities=confirmed, blocked=blocked)


def _article_files(paths: Iterable[Path]) -> list[Path]:
    files = []
    for path in map(Path, paths):
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES))
        else:
            files.append(path)
    return files


def _save_article(
    *, existing: Article | None, name: str, text: str, digest: str, extraction: Extraction
) -> tuple[Article, str]:
    meta = extraction.meta
    article = existing or Article(import_key=name, slug=_unique_slug(meta.title or name))
    article.title = meta.title[:500]
    article.source = (meta.source or "")[:200]
    article.published_on = _iso_date(meta.date)
    article.dateline = (meta.dateline or "")[:100]
    article.photo_credit = (meta.credit or "")[:200]
    article.raw_text = text
    article.text_sha256 = digest
    old_revision = article.revision if existing else None
    if existing:
        article.revision += 1
    article.save()
    paragraphs = _save_analysis(article=article, extraction=extraction)
    if old_revision is None:
        return article, ""
    # Human work moves to the new revision before the old paragraphs go.
    kept, lost = carry_over_decisions(article=article, old_revision=old_revision, paragraphs=paragraphs)
    moved, detached = relocate_notes(article=article, paragraphs=paragraphs)
    Paragraph.objects.filter(article=article, revision=old_revision).delete()  # notes are PROTECTed: none can go
    report = f"; notes: {moved} placed, {detached} detached; human quote decisions: {kept} kept"
    return article, report + (f", {lost} whose text is gone" if lost else "")


def _save_analysis(*, article: Article, extraction: Extraction) -> list[Paragraph]:
    paragraphs = Paragraph.objects.bulk_create(
        Paragraph(
            article=article,
            revision=article.revision,
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
        Mention(entity=entities[match_key(e.name)], paragraph=by_index[m.paragraph], article=article,
                start=m.start, end=m.end, roles=list(e.roles) if k == 0 else [])
        for e in extraction.entities
        for k, m in enumerate(e.mentions)
    )
    Quote.objects.bulk_create(
        Quote(
            paragraph=by_index[q.paragraph],
            article=article,
            start=q.start,
            end=q.end,
            kind=q.kind,
            speaker=entities.get(match_key(q.speaker)) if q.speaker_kind == "entity" else None,
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
    return paragraphs


def relocate_notes(*, article: Article, paragraphs: list[Paragraph]) -> tuple[int, int]:
    """Move every note of the article (trashed and detached ones too) onto the new paragraphs, or detach it."""
    candidates = _candidates(paragraphs)
    moved = detached = 0
    for note in Note.objects.filter(article=article).select_for_update():
        placement = place(note.selector(), candidates)
        if placement.index is not None:
            chosen = candidates[placement.index]
            note.set_anchor(
                paragraphs[placement.index],
                start=placement.start,
                end=placement.end,
                score=placement.score,
                neighbours=(chosen.before, chosen.after),
            )
            moved += 1
        else:
            best = paragraphs[placement.best_index] if placement.best_index is not None else None
            note.detach(candidate=best, score=placement.score)
            detached += 1
        note.save()
    return moved, detached


def carry_over_decisions(*, article: Article, old_revision: int, paragraphs: list[Paragraph]) -> tuple[int, int]:
    """Re-apply editors' quote decisions (confirmed, corrected, rejected, added) to the new revision."""
    decided = (
        Quote.objects.filter(paragraph__article=article, paragraph__revision=old_revision)
        .exclude(status=Quote.Status.MACHINE, added_by_human=False)
        .select_related("paragraph")
    )
    machine = defaultdict(list)
    for quote in Quote.objects.filter(paragraph__in=paragraphs):
        machine[quote.paragraph_id].append(quote)
    kept = lost = 0
    for old in decided:
        found = _find_text(old.text, old.paragraph.fingerprint, paragraphs)
        if found is None:
            lost += 1
            log.warning(
                "article %s: quote decision %s lost its text in revision %s", article.pk, old.pk, article.revision
            )
            continue
        paragraph, start = found
        end = start + (old.end - old.start)
        target = next((q for q in machine[paragraph.pk] if q.start < end and start < q.end), None)
        if target is None:
            target = Quote(paragraph=paragraph, article_id=paragraph.article_id)
        target.start, target.end = start, end
        for field in (
            "kind",
            "speaker",
            "speaker_name",
            "speaker_mention",
            "cue",
            "addressee",
            "inferred",
            "confidence",
            "status",
            "added_by_human",
            "decided_by",
            "decided_at",
        ):
            setattr(target, field, getattr(old, field))
        target.save()
        kept += 1
    return kept, lost


def _find_text(text: str, fingerprint: str, paragraphs: list[Paragraph]) -> tuple[Paragraph, int] | None:
    ordered = sorted(paragraphs, key=lambda p: p.fingerprint != fingerprint)  # same paragraph first
    for paragraph in ordered:
        at = paragraph.text.find(text)
        if at >= 0 and text:
            return paragraph, at
    return None


def _candidates(paragraphs: list[Paragraph]) -> list[Candidate]:
    texts = [p.text for p in paragraphs]
    return [
        Candidate(
            text=p.text,
            fingerprint=p.fingerprint,
            position=p.position,
            before=texts[i - 1] if i else "",
            after=texts[i + 1] if i + 1 < len(texts) else "",
        )
        for i, p in enumerate(paragraphs)
    ]


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
