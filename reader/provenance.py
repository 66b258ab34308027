"""The same words elsewhere: quotes grouped into statements across the archive, and how their wording drifts.

A quote's words are folded with the project's one folding function (``match_key``: case, diacritics, cedilla and
comma-below) and cut into words, which drops punctuation and quotation marks. Word pairs (shingles) give a MinHash
signature; its bands are stored as indexed rows (``StatementBand``), so a new quote finds the statements it may
belong to by one index lookup on its band keys, never by reading the archive. Each candidate is then checked on
the words themselves (``same_statement``), and the quote joins the best one or starts a statement of its own.

MinHash is implemented here with hashlib and numpy (already installed) rather than with ``datasketch``: it is a few
lines, it keeps the band keys stable across library versions (they are stored in the database), and it adds no
package to the hash-locked requirements.

Everything that changes a statement goes through ``index_quotes``, ``forget_quotes``, ``recount`` and
``publication_changed``; ingest, the curation actions and ``Article.publish`` call them in their own transactions.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from django.db.models import Count, F, Q

from reader.extraction.normalize import match_key

MIN_WORDS = 6  # shorter quotes ("Nu.", "Vom vedea") are everybody's words, not a statement
BANDS, ROWS = 16, 3  # 48 hashes; a pair with 55% of its word pairs in common is a candidate 19 times in 20
PERMUTATIONS = BANDS * ROWS
SIMILAR = 0.75  # word-sequence similarity (difflib ratio) for two versions of one statement
CONTAINED = 0.9  # or: the shorter version (>= CONTAINED_MIN words) found almost whole in the longer one
CONTAINED_MIN = 8
# A long quote retold inside a longer one ("Ca și în cazul altor măsuri..., <the same 30 words>") keeps most of its
# words; a short one that loses a fifth of them is more often an echo ("un pas mic pentru om...") than a quote.
CONTAINED_LONG, LONG = 0.8, 15
MAX_VARIANTS = 30  # distinct wordings kept per statement to compare new quotes with
MAX_CANDIDATES = 5  # statements checked per quote, most shared bands first
# Statements stored per band key. A key is as often the minima of common word pairs ("cu să", "de la") as of rare
# ones: such a key would name more statements the larger the archive, and says little about any of them. Past
# MAX_PER_KEY a key takes no more statements, so a lookup reads at most that many rows a key whatever the archive's
# size; a later version still finds its statement by the rarer keys it shares with it.
MAX_PER_KEY = 20
MAX_LISTED = 100  # appearances a page lists
SHOWN_MAX = 100  # a quote's count shows "100+" past this, so its pages need no refresh for each new one

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
    shorter = min(len(a), len(b))
    # Words in common, order aside: an upper bound of both tests, cheap enough to skip most pairs.
    common_bound = matcher.quick_ratio() * (len(a) + len(b)) / 2
    if (2 * common_bound / (len(a) + len(b)) < SIMILAR
            and (shorter < CONTAINED_MIN or common_bound / shorter < CONTAINED_LONG)):
        return 0.0
    ratio = matcher.ratio()
    if ratio >= SIMILAR:
        return ratio
    if shorter >= CONTAINED_MIN:
        common = sum(block.size for block in matcher.get_matching_blocks())
        if common / shorter >= (CONTAINED_LONG if shorter >= LONG else CONTAINED):
            return max(ratio, SIMILAR)
    return 0.0


def _close_to(words: list[str], joined: str, variants: list[str]) -> bool:
    return joined in variants or any(same_statement(words, v.split()) for v in variants)


def speaker_key(quote) -> str:
    """Who an article says spoke: its entity, else the folded name it gives; '' when nobody is named."""
    if quote.speaker_id:
        return f"e:{quote.speaker_id}"
    name = match_key(quote.speaker_name or "")
    return f"n:{name}"[:210] if name else ""


# --- keeping statements right ------------------------------------------------------------------------------


def index_quotes(quotes: Iterable) -> set[int]:
    """Put each quote (with its paragraph and article loaded) into its statement; returns the statements joined.

    Cost: one index lookup of the quotes' band keys (at most MAX_PER_KEY rows a key), one read of the wordings of
    at most MAX_CANDIDATES statements a quote, and a few writes per statement joined; counters are updated in place,
    so nothing grows with the archive or with a statement."""
    from reader.models import Appearance, Article, Statement, StatementBand

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
    wanted = {k for _, _, keys in pending for k in keys}
    by_key: dict[int, list[int]] = defaultdict(list)
    for key, statement_id in StatementBand.objects.filter(key__in=wanted).values_list("key", "statement_id"):
        by_key[key].append(statement_id)
    # Only the statements some quote will compare itself with are read (and locked), with their wordings.
    candidate_ids = {sid for _, _, keys in pending for sid in _ranked(keys, by_key)}
    statements = {s.pk: s for s in Statement.objects.filter(pk__in=candidate_ids).order_by("pk").select_for_update()}
    before = {pk: (s.size, s.published) for pk, s in statements.items()}
    joined_by: dict[int, list] = defaultdict(list)
    new_bands: list = []
    for quote, words, keys in pending:
        joined = " ".join(words)
        # The candidate sharing the most bands that has a version close enough wins: the first one found, so a
        # quote costs a comparison or two, not one per version of every candidate.
        best = next((statements[sid] for sid in _ranked(keys, by_key, statements)
                     if _close_to(words, joined, statements[sid].variants)), None)
        if best is None:
            best = Statement.objects.create(words=joined, variants=[joined])
            statements[best.pk], before[best.pk] = best, (0, 0)
        elif joined not in best.variants and len(best.variants) < MAX_VARIANTS:
            best.variants = [*best.variants, joined]
        for key in keys:  # the article's next quotes find it too (a quote repeated in the lead and the body)
            if best.pk not in by_key[key] and len(by_key[key]) < MAX_PER_KEY:
                by_key[key].append(best.pk)
                new_bands.append(StatementBand(statement=best, key=key))
        joined_by[best.pk].append(Appearance(
            statement=best, quote=quote, article_id=quote.article_id, published_on=quote.article.published_on,
            words=joined, speaker_key=speaker_key(quote)))
        joined_by[best.pk][-1].published = quote.article.status == Article.Status.PUBLISHED
    StatementBand.objects.bulk_create(new_bands, ignore_conflicts=True)
    created = Appearance.objects.bulk_create([a for rows in joined_by.values() for a in rows])
    # Counted in articles: the same words twice in one article (a quote inside a reported sentence, a lead repeating
    # the body) are not "reported elsewhere". What these articles already had is read by article, never by statement:
    # a statement reported ten thousand times has ten thousand rows, an article a few.
    already: set[tuple[int, int]] = set()
    if any(statements[pk].size for pk in joined_by):
        already = set(Appearance.objects.filter(article_id__in={a.article_id for a in created})
                      .exclude(pk__in=[a.pk for a in created]).values_list("statement_id", "article_id"))
    for pk, rows in joined_by.items():
        statement = statements[pk]
        articles = {a.article_id for a in rows}
        known = {article_id for article_id in articles if (pk, article_id) in already}
        statement.size += len(articles - known)
        statement.published += len({a.article_id for a in rows if a.published} - known)
        statement.speakers = sorted({*statement.speakers, *(a.speaker_key for a in rows if a.speaker_key)})[:50]
        statement.speakers_differ = len(statement.speakers) > 1
        for a in rows:
            if statement.first_id is None or _earlier(a.published_on, a.pk, statement.first_on, statement.first_id):
                statement.first_id, statement.first_on = a.pk, a.published_on
        statement.save(update_fields=["variants", "size", "published", "speakers", "speakers_differ", "first",
                                      "first_on"])
        _touch_if_shown(pk, before[pk], (statement.size, statement.published))
    return set(joined_by)


def _ranked(keys: list[int], by_key: dict[int, list[int]], known: dict | None = None) -> list[int]:
    """The MAX_CANDIDATES statements sharing the most of these band keys (of those in ``known``, if given)."""
    shared: dict[int, int] = defaultdict(int)
    for key in keys:
        for statement_id in by_key.get(key, ()):
            if known is None or statement_id in known:
                shared[statement_id] += 1
    return [sid for sid, _ in sorted(shared.items(), key=lambda i: (-i[1], i[0]))[:MAX_CANDIDATES]]


def _earlier(on, pk, first_on, first_pk) -> bool:
    """Dated before undated; then by date; then by id (the order of import)."""
    return (on is None, on or 0, pk) < (first_on is None, first_on or 0, first_pk)


def _shown(size: int) -> int:
    return min(size, SHOWN_MAX + 2)


def _touch_if_shown(statement_id: int, before: tuple[int, int], after: tuple[int, int]) -> None:
    """The articles of a statement show its count (SHOWN_MAX+ past it): their pages are stale only when the
    number they show changed, so a statement reported a thousand times does not touch a thousand pages each time."""
    from reader.models import Appearance, Article

    if any(_shown(b) != _shown(a) for b, a in zip(before, after, strict=True)):
        ids = Appearance.objects.filter(statement_id=statement_id).values_list("article_id", flat=True)
        Article.touch(*ids[:SHOWN_MAX + 2])


def index_article(article) -> set[int]:
    """The article's current quotes into statements (a new article joins the statements already there)."""
    from reader.models import Quote

    quotes = list(Quote.objects.filter(article=article, paragraph__revision=article.revision,
                                       appearance__isnull=True).select_related("paragraph"))
    for quote in quotes:
        quote.article = article
    return index_quotes(quotes)


def reindex_article(article, *, old_revision: int | None = None) -> None:
    """At import (ingest): the new revision's quotes into statements, the old revision's out, and editors'
    verdicts kept on the versions whose words did not change."""
    from reader.models import Appearance

    old = []
    if old_revision is not None:
        old = list(Appearance.objects.filter(article=article, quote__paragraph__revision=old_revision)
                   .values_list("quote_id", "statement_id", "words", "verdict", "verdict_by_id", "verdict_at"))
    verdicts = {(statement_id, words): (verdict, by, at) for _, statement_id, words, verdict, by, at in old if verdict}
    gone = forget_quotes([row[0] for row in old]) if old else set()
    index_article(article)
    for (statement_id, words), (verdict, by, at) in verdicts.items():
        Appearance.objects.filter(article=article, statement_id=statement_id, words=words).update(
            verdict=verdict, verdict_by_id=by, verdict_at=at)
    recount(gone)


def forget_quotes(quote_ids: Iterable[int]) -> set[int]:
    """Take quotes out of their statements (rejected, or about to be deleted); returns the statements to recount."""
    from reader.models import Appearance

    rows = Appearance.objects.filter(quote_id__in=list(quote_ids))
    touched = set(rows.values_list("statement_id", flat=True))
    rows.delete()
    return touched


def requote(quote) -> None:
    """A quote a human changed (speaker corrected, confirmed, rejected, added): its place and speaker again."""
    from reader.models import Appearance

    if quote.status == quote.Status.REJECTED:
        recount(forget_quotes([quote.pk]))
        return
    current = Appearance.objects.filter(quote=quote).first()
    if current is None:
        quote.article = quote.paragraph.article
        index_quotes([quote])
        return
    Appearance.objects.filter(pk=current.pk).update(speaker_key=speaker_key(quote))
    recount({current.statement_id})


def recount(statement_ids: Iterable[int]) -> None:
    """Counters, first appearance and speakers of these statements again from their rows, after rows went or
    changed; empty statements go. Indexed reads of each statement's rows, in the database."""
    from reader.models import Appearance, Article, Statement

    for statement in Statement.objects.filter(pk__in=set(statement_ids)).order_by("pk").select_for_update():
        rows = Appearance.objects.filter(statement=statement)
        size = rows.values("article_id").distinct().count()  # articles, as index_quotes counts them
        if not size:
            statement.delete()
            continue
        before = (statement.size, statement.published)
        statement.size = size
        statement.published = (rows.filter(article__status=Article.Status.PUBLISHED).values("article_id").distinct()
                               .count())
        statement.speakers = sorted(set(rows.exclude(speaker_key="").values_list("speaker_key", flat=True)
                                        .distinct()[:50]))
        statement.speakers_differ = len(statement.speakers) > 1
        first = rows.order_by(F("published_on").asc(nulls_last=True), "id").values_list("id", "published_on")[0]
        statement.first_id, statement.first_on = first
        statement.save(update_fields=["size", "published", "speakers", "speakers_differ", "first", "first_on"])
        _touch_if_shown(statement.pk, before, (statement.size, statement.published))


def publication_changed(article, *, published: bool) -> None:
    """The article was published or unpublished: readers' counts of its statements move by its appearances."""
    from reader.models import Appearance, Statement

    n = 1  # statements count articles
    for statement_id in set(Appearance.objects.filter(article=article).values_list("statement_id", flat=True)):
        before = Statement.objects.filter(pk=statement_id).values_list("size", "published").first()
        if before is None:
            continue
        Statement.objects.filter(pk=statement_id).update(published=F("published") + (n if published else -n))
        _touch_if_shown(statement_id, before, (before[0], before[1] + (n if published else -n)))


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


def speaker_statements(entity, user, *, limit: int = 20) -> list[dict]:
    """The statements credited to ``entity`` in visible articles, once each, most reported first: dicts of ``id``,
    ``words``, ``times`` (visible appearances), ``outlets`` ((source, times), most first), ``speakers_differ`` and
    ``quote_id`` (one of the entity's own quotes of it, for the link).

    One query: the entity's newest 2,000 appearances name its statements, the 20 most reported are counted per
    outlet."""
    from django.db.models import Case, Max, Subquery, When

    from reader.models import Appearance, Statement, visible_articles_q
    from reader.roles import can_edit

    key = f"e:{entity.pk}"
    visible = visible_articles_q("article", user)
    own = Appearance.objects.filter(Q(speaker_key=key) & visible).order_by("-id").values("statement_id")[:2000]
    top = (Statement.objects.filter(pk__in=Subquery(own))
           .order_by("-size" if can_edit(user) else "-published", "-id").values("pk")[:limit])
    rows = (Appearance.objects.filter(Q(statement_id__in=Subquery(top)) & visible)
            .values("statement_id", "statement__words", "statement__speakers_differ", "article__source")
            .annotate(n=Count("id"), own=Max(Case(When(speaker_key=key, then="quote_id"))))
            .order_by())
    out: dict[int, dict] = {}
    for row in rows:
        item = out.setdefault(row["statement_id"], {
            "id": row["statement_id"], "words": row["statement__words"], "outlets": [], "times": 0, "quote_id": None,
            "speakers_differ": row["statement__speakers_differ"]})
        item["outlets"].append((row["article__source"], row["n"]))
        item["times"] += row["n"]
        item["quote_id"] = max(item["quote_id"] or 0, row["own"] or 0) or None
    statements = [item for item in out.values() if item["quote_id"]]
    for item in statements:
        item["outlets"].sort(key=lambda pair: (-pair[1], pair[0]))
    return sorted(statements, key=lambda item: (-item["times"], -item["id"]))
