"""The one bridge between the extraction pipeline and the database.

Every function is keyword-only; each article is saved in its own transaction, so a bad file
never leaves half an article behind and never stops the others.
"""

from __future__ import annotations

import functools
import hashlib
import io
import logging
import threading
import time
import unicodedata
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from django.conf import settings
from django.db import DatabaseError, IntegrityError, InterfaceError, OperationalError, transaction
from django.utils.text import slugify

from reader import decisions, provenance
from reader.anchoring import candidates_of, place
from reader.extraction import Extraction, ExtractionError, extract_text
from reader.extraction.decode import decode_article
from reader.extraction.entities import Curated
from reader.extraction.normalize import match_key
from reader.extraction.parse import parse_article
from reader.importers import HTML_SUFFIXES, ROW_SUFFIXES, SUFFIXES, ArticleText, Unreadable, read_source, size_limit
from reader.models import Article, BlockedName, Entity, Figure, Mention, Note, Paragraph, Quote

log = logging.getLogger(__name__)

IMPORTED, UPDATED, UNCHANGED, FAILED = "imported", "updated", "unchanged", "failed"
DUPLICATE = "duplicate"  # the same text as another article, which is kept as it is
ARTICLE_SUFFIXES = SUFFIXES  # text files, web pages and row exports (reader.importers)
ARCHIVE_SUFFIXES = {".zip"}
KEY_LENGTH = Article._meta.get_field("import_key").max_length
# One analysis at a time per process: threaded server workers share one spaCy pipeline, which is not made
# for concurrent calls, and extraction is CPU-bound anyway.
_EXTRACTION = threading.Lock()


@dataclass(frozen=True)
class ImportResult:
    name: str
    status: str  # imported | updated | unchanged | duplicate | failed
    message: str = ""
    article: Article | None = None
    transient: bool = False  # the database was unreachable or busy: trying again later may succeed

    @property
    def failed(self) -> bool:
        return self.status == FAILED


def import_article(*, name: str, data: bytes, publish: bool = False,
                   mapping: dict[str, str] | None = None) -> ImportResult:
    """Import one exported file; re-importing an unchanged file does nothing.

    A web page or row export is read by reader.importers; a row export's rows are summed up in one result
    (``import_file`` gives one per row)."""
    suffix = PurePosixPath(name).suffix.lower()
    if suffix in HTML_SUFFIXES | ROW_SUFFIXES:
        results = import_file(name=name, data=data, publish=publish, mapping=mapping)
        return results[0] if len(results) == 1 else _summary(name, results)
    try:
        check_name(name)
        text = decode_article(data, max_bytes=settings.READER_MAX_IMPORT_BYTES)
    except ExtractionError as error:
        return ImportResult(name, FAILED, str(error))
    return import_text(name=name, text=text, publish=publish)


def import_text(*, name: str, text: str, publish: bool = False, url: str = "", author: str = "",
                dedupe_text: bool = False) -> ImportResult:
    """Import one article in the text format, whatever it was read from (reader.importers).

    It updates the article with the same ``url`` if there is one, else the one keyed ``name``; an unchanged text
    does nothing. With ``dedupe_text`` a new article whose text another article already has is not imported (a
    feed bringing the same story under another address)."""
    try:
        check_name(name)
        check_text(text)
        cleaned = parse_article(text)[2]  # the digest before the costly analysis: an unchanged text skips it
    except ExtractionError as error:
        return ImportResult(name, FAILED, str(error))
    except Exception as error:
        log.exception("parsing failed for %s", name)
        return ImportResult(name, FAILED, f"could not be analysed ({type(error).__name__}: {error})")
    try:
        existing = _existing_article(name=name, url=url)
        if existing and existing.text_sha256 == hashlib.sha256(cleaned.encode("utf-8")).hexdigest():
            return _unchanged(name=name, article=existing, url=url, author=author)
        if dedupe_text and existing is None:
            twin = Article.objects.filter(text_sha256=hashlib.sha256(cleaned.encode("utf-8")).hexdigest()).first()
            if twin:
                return ImportResult(name, DUPLICATE, f"the same text as {twin.import_key}; not imported again", twin)
    except DatabaseError as error:
        return ImportResult(name, FAILED, f"the database refused it ({_first_line(error)}); nothing was saved",
                            transient=_transient(error))
    try:
        extraction = _extract(text)
    except ExtractionError as error:
        return ImportResult(name, FAILED, str(error))
    except Exception as error:  # a bug in extraction must not stop the other files
        log.exception("extraction failed for %s", name)
        return ImportResult(name, FAILED, f"could not be analysed ({type(error).__name__}: {error})")

    digest = hashlib.sha256(extraction.cleaned_text.encode("utf-8")).hexdigest()
    for attempt in range(1, RACE_RETRIES + 1):
        try:
            existing = _existing_article(name=name, url=url)
            if existing and existing.text_sha256 == digest:
                return _unchanged(name=name, article=existing, url=url, author=author)
            with transaction.atomic():
                article, report = _save_article(existing=existing, name=name, text=text, digest=digest,
                                                extraction=extraction, url=url, author=author)
                if publish and not article.is_published:
                    article.publish()
        except DatabaseError as error:  # rolled back whole; the next file goes on
            if _lost_race(error) and attempt < RACE_RETRIES:
                # Another worker saved the same article, entity or counter row first: the retry sees its row.
                time.sleep(0.05 * attempt)
                continue
            log.warning("the database refused %s: %s", name, error)
            return ImportResult(name, FAILED, f"the database refused it ({_first_line(error)}); nothing was saved",
                                transient=_transient(error))
        return ImportResult(name, UPDATED if existing else IMPORTED, f"revision {article.revision}{report}", article)
    raise AssertionError("unreachable: the last attempt returns")


def _existing_article(*, name: str, url: str) -> Article | None:
    """The article a source already became: by its original URL (a page saved twice under two names, a feed
    item under a new address of the same page), else by its import key."""
    return ((url and Article.objects.filter(url=url).order_by("pk").first())
            or Article.objects.filter(import_key=name).first())


def _unchanged(*, name: str, article: Article, url: str, author: str) -> ImportResult:
    if (url and not article.url) or (author and not article.author):  # imported before they were kept
        article.url, article.author = article.url or url[:2000], article.author or author[:300]
        article.save(update_fields=["url", "author"])
    return ImportResult(name, UNCHANGED, "same text as the stored revision", article)


def _summary(name: str, results: list[ImportResult]) -> ImportResult:
    """One result for a file of many articles (a row export)."""
    counts: dict[str, int] = {}
    for result in results:
        counts[result.status] = counts.get(result.status, 0) + 1
    failures = [r for r in results if r.failed]
    message = f"{len(results)} rows: " + ", ".join(f"{n} {status}" for status, n in counts.items())
    if failures:
        message += f"; first failure: {failures[0].name}: {failures[0].message}"
    statuses = set(counts)
    status = FAILED if failures else statuses.pop() if len(statuses) == 1 else IMPORTED
    return ImportResult(name, status, message, transient=any(r.transient for r in failures))


# Races between concurrent workers (the same entity, slug or article saved by two at once, a deadlock) are retried
# at once, whole: the next attempt sees what the other worker committed.
RACE_RETRIES = 4


def _lost_race(error: DatabaseError) -> bool:
    code = getattr(getattr(error, "__cause__", None), "sqlstate", None)
    return (isinstance(error, IntegrityError) or code in {"40P01", "40001", "55P03"}
            or "database is locked" in str(error))


def _transient(error: DatabaseError) -> bool:
    """An error of the connection or a contended database, not of the article: a job retries it later."""
    return _lost_race(error) or isinstance(error, OperationalError | InterfaceError)


@functools.cache
def extraction_version() -> str:
    """A fingerprint of the shipped models (NER weights, speaker model, known names): an article analysed with
    another one is stale (`manage.py reextract --stale`)."""
    root = Path(__file__).resolve().parent / "extraction"
    files = sorted((root / "ner" / "model").rglob("*"))
    files += [root / "speaker_model.json", root / "known_entities.json"]
    digest = hashlib.sha256()
    for path in files:
        if path.is_file():
            digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def check_name(name: str) -> None:
    """An import key must fit its column and be printable; raise ExtractionError with the reason."""
    if not name.strip():
        raise ExtractionError("The file has no name.")
    if len(name) > KEY_LENGTH:
        raise ExtractionError(f"The name is {len(name):,} characters long; the limit is {KEY_LENGTH}.")
    if any(unicodedata.category(c) in ("Cc", "Cf", "Cs") for c in name):
        raise ExtractionError("The name contains control characters.")


def check_text(text: str) -> None:
    """What decoding does not refuse but the database or extraction cannot take; raise ExtractionError."""
    nul = text.find("\x00")
    if nul >= 0:  # PostgreSQL stores no NUL character in text
        line = text.count("\n", 0, nul) + 1
        raise ExtractionError(f"The file contains a NUL character (line {line:,}): it is binary data, not an "
                              "article.")
    longest, paragraphs, at_line = 0, 0, 0
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            paragraphs += 1
            if len(line) > longest:
                longest, at_line = len(line), number
    limit = settings.READER_MAX_PARAGRAPH_CHARS
    if longest > limit:  # each line is a paragraph in the article format
        raise ExtractionError(f"The paragraph on line {at_line:,} is {longest:,} characters long; the limit is "
                              f"{limit:,}. Split it into paragraphs (one per line).")
    if paragraphs > settings.READER_MAX_PARAGRAPHS:
        raise ExtractionError(f"The file has {paragraphs:,} non-empty lines (a paragraph each); the limit is "
                              f"{settings.READER_MAX_PARAGRAPHS:,}. Split it into several articles.")


def _extract(text: str) -> Extraction:
    with _EXTRACTION:
        return extract_text(text, curated=curated_names())


def _first_line(error: Exception) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0][:200]


def reextract_article(*, article: Article) -> ImportResult:
    """Run extraction again on the stored text (new model, curators' names); notes and human decisions stay."""
    name = article.import_key
    try:
        check_text(article.raw_text)  # stored before the caps existed: refused the same way as at import
        extraction = _extract(article.raw_text)
    except ExtractionError as error:
        return ImportResult(name, FAILED, str(error), article)
    except Exception as error:
        log.exception("re-extraction failed for %s", name)
        return ImportResult(name, FAILED, f"could not be analysed ({type(error).__name__}: {error})", article)
    digest = hashlib.sha256(extraction.cleaned_text.encode("utf-8")).hexdigest()
    try:
        with transaction.atomic():
            article, report = _save_article(
                existing=article, name=name, text=article.raw_text, digest=digest, extraction=extraction
            )
    except DatabaseError as error:
        log.warning("the database refused re-extracting %s: %s", name, error)
        return ImportResult(name, FAILED, f"the database refused it ({_first_line(error)}); nothing was saved",
                            article, transient=_transient(error))
    return ImportResult(name, UPDATED, f"re-extracted as revision {article.revision}{report}", article)


Upload = bytes | BinaryIO  # an uploaded file's bytes, or the file itself (seekable, with .size)


class _Names:
    """Import keys are file names (re-importing a file updates its article, wherever the file sits). Two files of
    one import with the same name would overwrite each other as a new revision, so the second is refused."""

    def __init__(self):
        self.first: dict[str, str] = {}

    def claim(self, key: str, where: str) -> None:
        if key in self.first:
            raise ExtractionError(f"Another file of this import has the same name ({self.first[key]}); the first "
                                  "was imported, this one was not. Rename one of them.")
        self.first[key] = where

    def claim_url(self, url: str, where: str) -> None:
        """Two pages or rows of one import with the same original URL are one article: the second is refused."""
        if not url:
            return
        if ("url", url) in self.first:
            raise ExtractionError(f"{self.first['url', url]} of this import has the same URL ({url[:200]}); the "
                                  "first was imported, this one was not.")
        self.first["url", url] = where


def import_file(*, name: str, data: bytes, publish: bool = False, mapping: dict[str, str] | None = None,
                names: _Names | None = None) -> list[ImportResult]:
    """Import one file of any kind reader.importers reads: a result per article (a row export has many)."""
    names = names or _Names()
    return [_import_read(read=read, file_key=name, publish=publish, names=names)
            for read in read_source(name, data, mapping=mapping)]


def _import_read(*, read: ArticleText | Unreadable, file_key: str, publish: bool, names: _Names) -> ImportResult:
    if isinstance(read, Unreadable):
        return ImportResult(read.name[:KEY_LENGTH], FAILED, read.message)
    try:
        if read.name != file_key:  # a row of an export: the file's name was claimed, its rows are claimed here
            names.claim(read.name, read.name)
        names.claim_url(read.url, read.name)
    except ExtractionError as error:
        return ImportResult(read.name[:KEY_LENGTH], FAILED, str(error))
    return import_text(name=read.name, text=read.text, publish=publish, url=read.url, author=read.author)


def import_uploads(*, files: Iterable[tuple[str, Upload]], publish: bool = False,
                   mapping: dict[str, str] | None = None) -> list[ImportResult]:
    """Import uploaded files (.txt, .html, row exports) and .zip archives of them, the same way as files on disk.

    A file's size is checked before it is read; an archive's members are read and imported one at a time."""
    results, names = [], _Names()
    for item in split_uploads(files=files):
        if isinstance(item, ImportResult):
            results.append(item)
        else:
            results.extend(import_file(name=item[0], data=item[1], publish=publish, mapping=mapping, names=names))
    return results


def split_uploads(*, files: Iterable[tuple[str, Upload]]) -> Iterator[ImportResult | tuple[str, bytes]]:
    """Each article of an upload as (import key, bytes), read only when its turn comes, or its failed result: the
    checks of import_uploads without the import (the job queue imports each article on its own)."""
    names = _Names()
    for name, upload in files:
        suffix = Path(name).suffix.lower()
        if suffix in ARCHIVE_SUFFIXES:
            yield from _split_archive(name=name, upload=upload, names=names)
        elif suffix in ARTICLE_SUFFIXES:
            key, size, limit = Path(name).name, _size(upload), size_limit(name)
            try:
                names.claim(key, name)
                if size > limit:
                    raise ExtractionError(f"The file is too large ({size:,} bytes); the limit is {limit:,} bytes.")
            except ExtractionError as error:
                yield ImportResult(key, FAILED, str(error))
                continue
            yield key, _read(upload)
        else:
            yield ImportResult(name, FAILED, "Not an article: only .txt, .html, .jsonl, .json and .csv files and .zip "
                                             "archives of them are imported.")


def _size(upload: Upload) -> int:
    return len(upload) if isinstance(upload, bytes | bytearray) else upload.size


def _read(upload: Upload) -> bytes:
    if isinstance(upload, bytes | bytearray):
        return bytes(upload)
    upload.seek(0)
    return upload.read()


def _split_archive(*, name: str, upload: Upload, names: _Names) -> Iterator[ImportResult | tuple[str, bytes]]:
    total_limit = settings.READER_MAX_ARCHIVE_BYTES
    if _size(upload) > total_limit:
        yield ImportResult(name, FAILED, f"The archive is too large ({_size(upload):,} bytes); the limit is "
                                         f"{total_limit:,} bytes.")
        return
    source = io.BytesIO(upload) if isinstance(upload, bytes | bytearray) else upload
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as error:
        yield ImportResult(name, FAILED, f"broken zip archive: {error}")
        return
    with archive:
        members = archive.infolist()
        if len(members) > settings.READER_MAX_ARCHIVE_MEMBERS:
            yield ImportResult(name, FAILED, f"The archive has {len(members):,} entries; the limit is "
                                             f"{settings.READER_MAX_ARCHIVE_MEMBERS:,}. Nothing was imported.")
            return
        articles = [info for info in members if _is_article_member(info)]
        if not articles:
            yield ImportResult(name, FAILED, "the archive holds no article files (.txt, .html, .jsonl, .json, .csv)")
            return
        declared = sum(info.file_size for info in articles)
        if declared > total_limit:
            yield ImportResult(name, FAILED, f"The archive unpacks to {declared:,} bytes; the limit is "
                                             f"{total_limit:,} bytes. Nothing was imported.")
            return
        yield from _archive_members(archive, articles, names)


def _member_path(info: zipfile.ZipInfo) -> PurePosixPath:
    return PurePosixPath(info.filename.replace("\\", "/"))


def _is_article_member(info: zipfile.ZipInfo) -> bool:
    path = _member_path(info)
    # macOS archivers add "__MACOSX/._name.txt" resource forks next to every file.
    return (not info.is_dir() and path.suffix.lower() in ARTICLE_SUFFIXES and "__MACOSX" not in path.parts
            and not path.name.startswith("._"))


def _archive_members(archive: zipfile.ZipFile, members: list[zipfile.ZipInfo],
                     names: _Names) -> Iterator[ImportResult | tuple[str, bytes]]:
    """(key, bytes) for each member, read only when its turn comes, or the member's failed result.

    Reading stops at the limits whatever sizes the archive declares."""
    total_limit = settings.READER_MAX_ARCHIVE_BYTES
    unpacked = 0
    for info in members:
        key = _member_path(info).name
        limit = size_limit(key)
        try:
            check_name(key)
            names.claim(key, info.filename)
            if info.file_size > limit:  # checked before reading: a zip bomb never gets unpacked
                raise ExtractionError(f"The file is larger than the limit of {limit:,} bytes.")
            with archive.open(info) as member:
                data = member.read(limit + 1)  # the declared size may lie
            if len(data) > limit:
                raise ExtractionError(f"The file is larger than the limit of {limit:,} bytes.")
            unpacked += len(data)
            if unpacked > total_limit:
                raise ExtractionError(f"The archive unpacks to more than {total_limit:,} bytes; this file and "
                                      "the rest were not imported.")
        except ExtractionError as error:
            yield ImportResult(info.filename[:KEY_LENGTH], FAILED, str(error))
            if unpacked > total_limit:
                return
            continue
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError, RuntimeError) as error:
            yield ImportResult(info.filename[:KEY_LENGTH], FAILED, f"cannot be unpacked: {error}")
            continue
        yield key, data


def import_paths(
    *, paths: Iterable[Path], publish: bool = False, progress: Callable[[ImportResult], None] | None = None,
    mapping: dict[str, str] | None = None,
) -> list[ImportResult]:
    """Import files, and the article files inside folders (.txt, .html, row exports), in name order."""
    results, names = [], _Names()
    for item in split_paths(paths=paths):
        batch = [item] if isinstance(item, ImportResult) else import_file(
            name=item[0], data=item[1], publish=publish, mapping=mapping, names=names)
        for result in batch:
            results.append(result)
            if progress:
                progress(result)
    return results


def split_paths(*, paths: Iterable[Path]) -> Iterator[ImportResult | tuple[str, bytes]]:
    """Each article file as (import key, bytes), in name order, or its failed result (see split_uploads)."""
    names = _Names()
    for path in _article_files(paths):
        limit = size_limit(path.name)
        try:
            names.claim(path.name, str(path))
            size = path.stat().st_size
            if size > limit:
                raise ExtractionError(f"The file is too large ({size:,} bytes); the limit is {limit:,} bytes.")
            yield path.name, path.read_bytes()
        except ExtractionError as error:
            yield ImportResult(path.name, FAILED, str(error))
        except OSError as error:
            yield ImportResult(path.name, FAILED, f"cannot read: {error.strerror or error}")


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
    *, existing: Article | None, name: str, text: str, digest: str, extraction: Extraction, url: str | None = None,
    author: str | None = None,
) -> tuple[Article, str]:
    meta = extraction.meta
    article = existing or Article(import_key=name, slug=_unique_slug(meta.title or name))
    if url:  # a text file says nothing about where it was published: what is known stays
        article.url = url[:2000]
    if author:
        article.author = author[:300]
    article.title = meta.title[:500]
    article.source = (meta.source or "")[:200]
    article.published_on = _iso_date(meta.date)
    article.dateline = (meta.dateline or "")[:100]
    article.photo_credit = (meta.credit or "")[:200]
    article.raw_text = text
    article.text_sha256 = digest
    article.extraction_version = extraction_version()
    old_revision = article.revision if existing else None
    if existing:
        article.revision += 1
    article.save()
    paragraphs = _save_analysis(article=article, extraction=extraction)
    if old_revision is None:
        provenance.reindex_article(article)
        return article, ""
    # Human work moves to the new revision before the old paragraphs go.
    kept, lost = carry_over_decisions(article=article, old_revision=old_revision, paragraphs=paragraphs)
    moved, detached = relocate_notes(article=article, paragraphs=paragraphs)
    provenance.reindex_article(article, old_revision=old_revision)  # after the decisions: rejected quotes stay out
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
    # In one order for every worker: two imports touching the same entities then never wait for each other in a
    # circle (a deadlock), whatever order their articles name them in.
    entities = {match_key(e.name): _entity_for(e) for e in sorted(extraction.entities, key=_entity_order)}
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
    candidates = candidates_of(paragraphs)
    moved = detached = 0
    notes = list(Note.objects.filter(article=article).select_for_update())
    # The role each note was on (its old paragraph is still there): only a note on a title goes to a title.
    roles = dict(Paragraph.objects.filter(pk__in={n.paragraph_id for n in notes if n.paragraph_id})
                 .values_list("pk", "role"))
    for note in notes:
        placement = place(replace(note.selector(), role=roles.get(note.paragraph_id, "")), candidates)
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
    old = decisions.decided(Quote.objects.filter(paragraph__article=article, paragraph__revision=old_revision))
    kept = lost = 0
    for quote in old.select_related("paragraph"):
        if decisions.apply(decisions.QuoteDecision.of(quote), paragraphs) is None:
            lost += 1
            log.warning(
                "article %s: quote decision %s lost its text in revision %s", article.pk, quote.pk, article.revision
            )
        else:
            kept += 1
    return kept, lost


def _entity_type(found) -> str:
    return found.type if found.type in Entity.Type.values else Entity.Type.OTHER


def _entity_order(found) -> tuple[str, str]:
    return match_key(found.name), _entity_type(found)


def _entity_for(found) -> Entity:
    """The stored entity for an extracted one: same folded name and type, created on first sight.

    Concurrent workers may create the same entity (or two entities with one slug) at once: the insert runs in a
    savepoint under the unique constraints, and on IntegrityError the row the other worker committed is used (or
    the next free slug tried). New aliases are added under a row lock, so no worker overwrites another's."""
    type_, key = _entity_type(found), match_key(found.name)
    names = [found.name, *found.aliases, *(m.text for m in found.mentions)]
    for _attempt in range(RACE_RETRIES * 2):
        entity = Entity.objects.filter(key=key, type=type_).first()
        if entity is not None:
            break
        try:
            with transaction.atomic():
                entity = Entity(name=found.name, type=type_, key=key, slug=Entity.unique_slug(found.name), aliases=[])
                entity.add_aliases(names)
                entity.save(force_insert=True)
                return entity
        except IntegrityError:
            continue  # the same entity, or the same slug, committed by another worker: look again
    else:
        raise IntegrityError(f"entity {key!r} ({type_}) could not be created")
    if entity.add_aliases(names):
        # NO KEY UPDATE: other workers' mentions may still point at the row (their foreign-key checks share it).
        entity = Entity.objects.select_for_update(no_key=True).get(pk=entity.pk)
        if entity.add_aliases(names):
            entity.save(update_fields=["aliases"])
    return entity


def _unique_slug(title: str) -> str:
    """The first free slug; two workers may still pick the same one at once: the article's insert then fails on the
    unique constraint and import_article tries again, when the other's slug is taken."""
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
