"""The same words elsewhere: quotes grouped into statements across the archive, and how their wording drifts.

A quote's words are folded with the project's one folding function (``match_key``: case, diacritics, cedilla and
comma-below) and cut into words, which drops punctuation and quotation marks. Word pairs (shingles) give a MinHash
signature; its bands are stored as indexed rows (``StatementBand``), so a new quote finds the statements it may
belong to by one index lookup on its band keys, never by reading the archive. Each candidate is then checked on
the words themselves (``same_statement``), and the quote joins the best one or starts a statement of its own.

MinHash is implemented here with hashlib and numpy (already installed) rather than with ``datasketch``: it is a few
lines, it keeps the band keys stable across library versions (they are stored in the database), and it adds no
package to the hash-locked requirements.

Everything that changes a statement goes through ``index_quotes`` / ``forget_quotes`` / ``recount``; ingest,
the curation actions and ``Article.publish`` call them in their own transactions.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from django.db.models import Count, Q

from reader.extraction.normalize import match_key

MIN_WORDS = 6  # shorter quotes ("Nu.", "Vom vedea") are everybody's words, not a statement
BANDS, ROWS = 16, 3  # 48 hashes; a pair with 55% of its word pairs in common is a candidate 19 times in 20
PERMUTATIONS = BANDS * ROWS
SIMILAR = 0.75  # word-sequence similarity (difflib ratio) for two versions of one statement
CONTAINED = 0.9  # or: the shorter version (>= CONTAINED_MIN words) found almost whole in the longer one
CONTAINED_MIN = 8
MAX_VARIANTS = 30  # distinct wordings kept per statement to compare new quotes with
MAX_CANDIDATES = 20  # statements checked per quote, most shared bands first
MAX_LISTED = 100  # appearances a page lists

_PRIME = np.uint64((1 << 61) - 1)
_RNG = np.random.default_rng(20251)
# Below 2**32, so that a (32-bit hash x multiplier) product never overflows 64 bits.
_A = _RNG.integers(1, 1 << 32, PERMUTATIONS, dtype=np.uint64)
_B = _RNG.integers(0, 1 << 32, PERMUTATIONS, dtype=np.uint64)
_WORD = re.compile(r"\w+")


def words_of(text: str) -> list[str]:
    """The folded words of a quote: what two versions are compared by."""
    return _WORD.findall(match_key(text))


def shingles(words: list[str]) -> set[str]:
    if len(words) < 2:
        return set(words)
    return {f"{a} {b}" for a, b in zip(words, words[1:], strict=False)}


def _hash32(shingle: str) -> int:
    return int.from_bytes(hashlib.blake2b(shingle.encode("utf-8"), digest_size=4).digest(), "little")


def signature(words: list[str]) -> np.ndarray:
    """MinHash of the word pairs: PERMUTATIONS minima of (a*h + b) mod p."""
    hashes = np.fromiter((_hash32(s) for s in shingles(words)), dtype=np.uint64)
    return ((hashes[:, None] * _A + _B) % _PRIME).min(axis=0)


def band_keys(words: list[str]) -> list[int]:
    """One signed 64-bit key per band (a BigIntegerField), the band's number mixed in."""
    sig = signature(words)
    keys = []
    for band in range(BANDS):
        digest = hashlib.blake2b(bytes([band]) + sig[band * ROWS:(band + 1) * ROWS].tobytes(), digest_size=8)
        keys.append(int.from_bytes(digest.digest(), "little", signed=True))
    return keys


def same_statement(a: list[str], b: list[str]) -> float:
    """How alike two versions are (0..1); 0 when they are not the same statement."""
    if a == b:
        return 1.0
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    ratio = matcher.ratio()
    if ratio >= SIMILAR:
        return ratio
    shorter = min(len(a), len(b))
    if shorter >= CONTAINED_MIN:
        common = sum(block.size for block in matcher.get_matching_blocks())
        if common / shorter >= CONTAINED:
            return max(ratio, SIMILAR)
    return 0.0


def speaker_key(quote) -> str:
    """Who an article says spoke: its entity, else the folded name it gives; '' when nobody is named."""
    if quote.speaker_id:
        return f"e:{quote.speaker_id}"
    name = match_key(quote.speaker_name or "")
    return f"n:{name}"[:210] if name else ""


# --- keeping statements right ------------------------------------------------------------------------------


def index_quotes(quotes: Iterable) -> set[int]:
    """Put each quote (with its paragraph and article loaded) into its statement; returns the statements touched.

    Cost: one lookup of the quotes' band keys, one read of the candidates' wordings, and a few writes; nothing
    grows with the archive except the depth of the indexes."""
    from reader.models import Appearance, Statement, StatementBand

    pending = []
    for quote in quotes:
        if quote.status == quote.Status.REJECTED:
            continue
        words = words_of(quote.text)
        if len(words) < MIN_WORDS:
            continue
        pending.append((quote, words, band_keys(words)))
    if not pending:
        return set()
    hits: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))  # quote -> statement -> bands shared
    wanted = {k for _, _, keys in pending for k in keys}
    by_key: dict[int, list[int]] = defaultdict(list)
    for key, statement_id in StatementBand.objects.filter(key__in=wanted).values_list("key", "statement_id"):
        by_key[key].append(statement_id)
    for n, (_, _, keys) in enumerate(pending):
        for key in keys:
            for statement_id in by_key.get(key, ()):
                hits[n][statement_id] += 1
    candidate_ids = set()
    ranked: dict[int, list[int]] = {}
    for n in range(len(pending)):
        best = sorted(hits[n].items(), key=lambda item: (-item[1], item[0]))[:MAX_CANDIDATES]
        ranked[n] = [statement_id for statement_id, _ in best]
        candidate_ids.update(ranked[n])
    statements = {s.pk: s for s in Statement.objects.filter(pk__in=candidate_ids).select_for_update()}
    touched: set[int] = set()
    new_bands: list = []
    appearances = []
    for n, (quote, words, keys) in enumerate(pending):
        best, best_score = None, 0.0
        for statement_id in ranked[n]:
            statement = statements.get(statement_id)
            if statement is None:
                continue
            score = max((same_statement(words, v.split()) for v in statement.variants), default=0.0)
            if score > best_score:
                best, best_score = statement, score
        joined = " ".join(words)
        if best is None:
            best = Statement.objects.create(words=joined, variants=[joined])
            statements[best.pk] = best
        elif joined not in best.variants and len(best.variants) < MAX_VARIANTS:
            best.variants = [*best.variants, joined]
            best.save(update_fields=["variants"])
        touched.add(best.pk)
        new_bands += [StatementBand(statement=best, key=k) for k in keys]
        appearances.append(Appearance(statement=best, quote=quote, article_id=quote.article_id,
                                      published_on=quote.article.published_on, words=joined,
                                      speaker_key=speaker_key(quote)))
    StatementBand.objects.bulk_create(new_bands, ignore_conflicts=True)
    Appearance.objects.bulk_create(appearances)
    return touched  # the caller recounts them (once, with whatever else it changed)


def index_article(article) -> set[int]:
    """The article's current quotes into statements (a new article joins the statements already there)."""
    from reader.models import Quote

    quotes = list(Quote.objects.filter(article=article, paragraph__revision=article.revision,
                                       appearance__isnull=True).select_related("paragraph"))
    for quote in quotes:
        quote.article = article
    return index_quotes(quotes)


def reindex_article(article, *, old_revision: int | None = None) -> set[int]:
    """At import (ingest): the new revision's quotes into statements, the old revision's out, and editors'
    verdicts kept on the versions whose words did not change."""
    from reader.models import Appearance

    old = list(Appearance.objects.filter(article=article).exclude(quote__paragraph__revision=article.revision)
               .values_list("quote_id", "statement_id", "words", "verdict", "verdict_by_id", "verdict_at"))
    verdicts = {(statement_id, words): (verdict, by, at) for _, statement_id, words, verdict, by, at in old if verdict}
    touched = forget_quotes([row[0] for row in old]) if old else set()
    touched |= index_article(article)
    for (statement_id, words), (verdict, by, at) in verdicts.items():
        Appearance.objects.filter(article=article, statement_id=statement_id, words=words).update(
            verdict=verdict, verdict_by_id=by, verdict_at=at)
    recount(touched)
    return touched


def forget_quotes(quote_ids: Iterable[int]) -> set[int]:
    """Take quotes out of their statements (rejected, or about to be deleted); returns the statements touched."""
    from reader.models import Appearance

    rows = Appearance.objects.filter(quote_id__in=list(quote_ids))
    touched = set(rows.values_list("statement_id", flat=True))
    rows.delete()
    return touched


def requote(quote) -> set[int]:
    """A quote a human changed (speaker corrected, confirmed, rejected, added): its place and speaker again."""
    from reader.models import Appearance

    touched = forget_quotes([quote.pk]) if quote.status == quote.Status.REJECTED else set()
    current = Appearance.objects.filter(quote=quote).first()
    if current is not None:
        Appearance.objects.filter(pk=current.pk).update(speaker_key=speaker_key(quote))
        touched.add(current.statement_id)
    elif quote.status != quote.Status.REJECTED:
        touched |= index_quotes([quote])
    recount(touched)
    return touched


def recount(statement_ids: Iterable[int]) -> None:
    """Sizes, first appearance and the speakers flag of these statements from their rows; empty ones go, and
    every article showing one of them is made stale (its page shows the count)."""
    from reader.models import Appearance, Article, Statement

    ids = set(statement_ids)
    if not ids:
        return
    rows = list(Appearance.objects.filter(statement_id__in=ids)
                .values_list("statement_id", "article_id", "article__status", "speaker_key", "published_on", "id"))
    stats: dict[int, dict] = {}
    articles = set()
    for statement_id, article_id, status, who, published_on, pk in rows:
        s = stats.setdefault(statement_id, {"size": 0, "published": 0, "speakers": set(), "first": None})
        s["size"] += 1
        s["published"] += status == Article.Status.PUBLISHED
        if who:
            s["speakers"].add(who)
        order = (published_on is None, published_on or 0, pk)
        if s["first"] is None or order < s["first"][0]:
            s["first"] = (order, pk)
        articles.add(article_id)
    Statement.objects.filter(pk__in=ids - set(stats)).delete()
    for statement_id, s in stats.items():
        Statement.objects.filter(pk=statement_id).update(
            size=s["size"], published=s["published"], speakers_differ=len(s["speakers"]) > 1,
            first_id=s["first"][1])
    Article.touch(*articles)


def statements_of_article(article_id: int) -> set[int]:
    from reader.models import Appearance

    return set(Appearance.objects.filter(article_id=article_id).values_list("statement_id", flat=True))


def speakers_changed(entity_ids: Iterable[int]) -> None:
    """Quotes of these entities got another speaker (a merge or its undo): their appearances' speakers and flags."""
    from reader.models import Appearance

    touched = set()
    for entity_id in entity_ids:
        rows = Appearance.objects.filter(quote__speaker_id=entity_id)
        touched |= set(rows.values_list("statement_id", flat=True))
        rows.update(speaker_key=f"e:{entity_id}")
    recount(touched)


# --- what readers see -------------------------------------------------------------------------------------


@dataclass
class DiffPart:
    op: str  # "equal" | "insert" | "delete"
    text: str


_TOKEN = re.compile(r"\w+|[^\w\s]+")


def word_diff(old: str, new: str) -> list[DiffPart]:
    """Word by word, from ``old`` to ``new``: words kept, removed and added (a change is a removal and an addition).
    Words are compared folded (case, diacritics, cedilla), so only real changes show; punctuation is ignored."""
    a = [w for w in _TOKEN.findall(old) if _WORD.match(w)]
    b = [w for w in _TOKEN.findall(new) if _WORD.match(w)]
    matcher = difflib.SequenceMatcher(None, [match_key(w) for w in a], [match_key(w) for w in b], autojunk=False)
    parts: list[DiffPart] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(DiffPart("equal", " ".join(b[j1:j2])))
            continue
        if i2 > i1:
            parts.append(DiffPart("delete", " ".join(a[i1:i2])))
        if j2 > j1:
            parts.append(DiffPart("insert", " ".join(b[j1:j2])))
    return parts


def visible_appearances(statement, user):
    from reader.models import Appearance, visible_articles_q

    return (Appearance.objects.filter(Q(statement=statement) & visible_articles_q("article", user))
            .select_related("quote__paragraph", "quote__speaker", "article", "verdict_by")
            .order_by("published_on", "id"))


def counts_by_statement(statement_ids, user) -> dict[int, list[tuple[str, int]]]:
    """Where each statement was reported: (outlet, times), most first, over visible articles."""
    from reader.models import Appearance, visible_articles_q

    rows = (Appearance.objects.filter(Q(statement_id__in=list(statement_ids)) & visible_articles_q("article", user))
            .values_list("statement_id", "article__source").annotate(n=Count("id")))
    out: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for statement_id, source, n in rows:
        out[statement_id].append((source, n))
    for items in out.values():
        items.sort(key=lambda item: (-item[1], item[0]))
    return out
