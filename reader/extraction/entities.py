"""Named entities of an article: NER spans, curator decisions, then one canonical entry per real-world entity.

    find_entities(paragraphs, curated=Curated(...)) -> (Entity, ...)

The model sees cedilla-folded text (RONEC is written with comma-below letters); folding keeps the
length, so its offsets are offsets into ``paragraph.text``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from pathlib import Path

from .canonical import RawMention, cluster
from .intervals import Spans
from .language import foreign_spans, inside
from .lexicon import TIME_ZONES
from .ner.model import load_nlp
from .normalize import fold, match_key
from .spans import (
    char_key,
    domain_mentions,
    is_common_word_at_sentence_start,
    missed_mentions,
    model_spans,
    names_an_abstraction,
    trimmed_mention,
    with_event_type,
    with_head_type,
    with_name_word_type,
    with_role_type,
    with_source_type,
)
from .types import Entity, Paragraph


@dataclass(frozen=True)
class Curated:
    """Curator decisions: confirmed entities (matched in the text) and blocked names (dropped)."""

    entities: tuple[tuple[str, str, tuple[str, ...]], ...] = ()  # (canonical name, type, aliases)
    blocked: frozenset[str] = frozenset()


KNOWN_ENTITIES_FILE = Path(__file__).with_name("known_entities.json")


@cache
def known_entities() -> Curated:
    """Agencies, outlets, platforms and official state names shipped with the app (``known_entities.json``)."""
    data = json.loads(KNOWN_ENTITIES_FILE.read_text(encoding="utf-8"))
    return Curated(
        entities=tuple((name, label, tuple(aliases)) for name, label, aliases in data["entities"]),
        blocked=frozenset(data["blocked"]),
    )


def with_known_entities(curated: Curated) -> Curated:
    """Curators' decisions first (their patterns win overlaps), then the shipped list, minus what curators
    blocked; a name a curator confirmed is never blocked by the shipped list."""
    known = known_entities()
    blocked_keys = {match_key(b) for b in curated.blocked}
    confirmed_keys = {match_key(f) for name, _, aliases in curated.entities for f in (name, *aliases)}
    extra = tuple(
        e for e in known.entities
        if not {match_key(f) for f in (e[0], *e[2])} & (blocked_keys | confirmed_keys)
    )
    blocked = curated.blocked | {b for b in known.blocked if match_key(b) not in confirmed_keys}
    return Curated(entities=curated.entities + extra, blocked=frozenset(blocked))


@lru_cache(maxsize=32)
def _decisions(curated: Curated) -> tuple[Curated, _Patterns, dict[str, tuple[str, str]]]:
    """Curators' decisions plus the shipped list, with their regex and name table: built once per distinct set of
    decisions (ingest passes an equal ``Curated`` for every article), not once per article."""
    merged = with_known_entities(curated)
    return merged, _curated_patterns(merged), _curated_names(merged)


def find_entities(paragraphs: tuple[Paragraph, ...], *, curated: Curated | None = None) -> tuple[Entity, ...]:
    curated, patterns, confirmed = _decisions(curated or Curated())
    texts = [fold(p.text) for p in paragraphs]
    raw: list[RawMention] = []
    for paragraph, text, spans in zip(paragraphs, texts, _ner_spans(texts), strict=True):
        pinned = list(_curated_mentions(paragraph, text, patterns))
        raw.extend(pinned)
        found = [trimmed_mention(paragraph.index, paragraph.text, text, *span) for span in spans]
        found = [_typed_by_context(m, text) for m in found if m]
        found = _named_with_their_place(found, paragraph.text)
        found = _outermost(found + list(domain_mentions(paragraph.index, paragraph.text, text)))
        taken = Spans(m.bounds for m in pinned)  # a long paragraph pins many names: no scan of them all per mention
        raw.extend(_confirm(m, confirmed) for m in found if not taken.overlaps(*m.bounds))
    folded = {p.index: t for p, t in zip(paragraphs, texts, strict=True)}
    foreign = {p.index: foreign_spans(t) for p, t in zip(paragraphs, texts, strict=True)}
    raw = [m for m in raw if not inside(foreign[m.paragraph], *m.bounds) and not _is_tag(m, folded)
           and not _is_time_zone(m, folded)]
    raw.extend(missed_mentions(raw, folded, {p.index: p.text for p in paragraphs}))
    raw = [m for m in raw if not inside(foreign[m.paragraph], *m.bounds) and not _is_tag(m, folded)]
    # "Sistemul ZET": a word an abstraction's noun names is no entity anywhere in the article; a person's name
    # stays ("varianta Bolojan" is an option named after him)
    abstractions = {match_key(m.text) for m in raw if names_an_abstraction(m, folded[m.paragraph])}
    raw = [m for m in raw if m.label == "PERSON" or match_key(m.text) not in abstractions]
    return _drop_blocked(cluster(raw, folded), curated.blocked)


def _typed_by_context(mention: RawMention, text: str) -> RawMention:
    """The type the words in and around a name give it, over the model's: a role, a head noun, the name's own
    words, a reporting cue, an event noun, each in turn (a later one wins)."""
    mention = with_head_type(with_role_type(mention, text), text)
    return with_event_type(with_source_type(with_name_word_type(mention), text))


def _is_tag(mention: RawMention, texts: dict[int, str]) -> bool:
    """``#Kosovo``, ``@Ana``: a hashtag or a handle (an embedded post's topics and accounts) names nothing in the
    article; the same name written as a word elsewhere is found there."""
    return not mention.name and texts[mention.paragraph][mention.start - 1 : mention.start] in ("#", "@")


_CLOCK_BEFORE_RE = re.compile(r"\d{1,2}[:.]\d{2}\s*$")


def _is_time_zone(mention: RawMention, texts: dict[int, str]) -> bool:
    """``09:00 BST``: the zone of a clock time, not an organisation or a place."""
    text = texts[mention.paragraph]
    return mention.text in TIME_ZONES and bool(_CLOCK_BEFORE_RE.search(text, max(0, mention.start - 12),
                                                                          mention.start))


def _named_with_their_place(mentions: list[RawMention], original: str) -> list[RawMention]:
    """``Federația Națională a Patronatelor ... din România``: an organisation followed by ``din`` and a place is
    named with it (the sidebar tells which federation), while its mention stays the organisation's words, as RONEC
    v2 marks them, and the place stays a place."""
    mentions = sorted(mentions, key=lambda m: m.start)
    out = []
    for i, m in enumerate(mentions):
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if (
            nxt and m.label == "ORGANIZATION" and not m.name and nxt.label == "PLACE"
            and original[m.end : nxt.start] == " din " and m.bounds[1] <= nxt.start
        ):
            start, end = m.bounds
            m = replace(m, end=nxt.end, text=original[m.start : nxt.end], phrase=(start, end, original[start:end]))
        out.append(m)
    return out


def _outermost(mentions: list[RawMention]) -> list[RawMention]:
    """Drop mentions inside another's phrase: ``(CNI)`` is part of ``Comisia Națională de Integritate (CNI)``.

    Inside means within a longer phrase (the same bounds are not inside each other). One sweep by start, longest
    first: a mention is inside when a phrase starting earlier reaches its end, or one starting at the same place
    ends later. Comparing every pair took minutes on a paragraph with tens of thousands of mentions."""
    bounds = [m.bounds for m in mentions]
    order = sorted(range(len(mentions)), key=lambda k: (bounds[k][0], -bounds[k][1]))
    inside = [False] * len(mentions)
    reach = None  # the farthest end of the phrases that start before the current start
    i = 0
    while i < len(order):
        start, longest = bounds[order[i]]
        j = i
        while j < len(order) and bounds[order[j]][0] == start:
            end = bounds[order[j]][1]
            inside[order[j]] = end < longest or (reach is not None and reach >= end)
            j += 1
        reach = longest if reach is None else max(reach, longest)
        i = j
    return [m for k, m in enumerate(mentions) if not inside[k]]


# --- the model, on inputs of any shape -----------------------------------------------------------------

# spaCy's tokenizer is quadratic in the length of a run without spaces (100 000 "„" took minutes) and its NER
# needs memory in proportion to the longest text it is given (a 1 MB line took 4 GB). The model therefore sees
# paragraphs in chunks of at most _CHUNK characters, and runs longer than _RUN get a space every _RUN
# characters. Both keep every offset: the spans map back onto the paragraph text unchanged.
_CHUNK = 10_000
_RUN = 64
_LONG_RUN_RE = re.compile(rf"\S{{{_RUN + 1},}}")


def _model_view(text: str) -> str:
    return _LONG_RUN_RE.sub(lambda m: "".join(
        " " if i and i % _RUN == 0 else c for i, c in enumerate(m.group())), text)


def _chunks(text: str) -> Iterator[tuple[int, str]]:
    """(offset, piece) cut at a sentence end, else at a space, else anywhere; pieces keep their characters."""
    start = 0
    while len(text) - start > _CHUNK:
        window = text[start : start + _CHUNK]
        cut = max(window.rfind(". "), window.rfind("\n")) + 1 or window.rfind(" ") + 1 or _CHUNK
        yield start, window[:cut]
        start += cut
    yield start, text[start:]


def _ner_spans(texts: list[str]) -> Iterator[list[tuple[int, int, str]]]:
    """Model entity spans (start, end, label) per text, offsets into that text."""
    # A piece without a capital letter holds no name (and a flood of punctuation costs the model a token each).
    pieces = [(i, offset, _model_view(piece)) for i, text in enumerate(texts) for offset, piece in _chunks(text)
              if any(c.isupper() for c in piece)]
    spans: list[list[tuple[int, int, str]]] = [[] for _ in texts]
    docs = load_nlp().pipe(piece for _, _, piece in pieces)
    for (i, offset, _), doc in zip(pieces, docs, strict=True):
        spans[i].extend((start + offset, end + offset, label) for start, end, label in model_spans(doc))
    return iter(spans)


# --- curator decisions ----------------------------------------------------------------------------


_Patterns = tuple[re.Pattern[str], dict[str, tuple[str, str]]] | None


def _curated_patterns(curated: Curated) -> _Patterns:
    """One regex for every confirmed name and alias, longest first so ``Coreea de Nord`` beats ``Coreea``;
    a form two entries share belongs to the first (curators' entries come first)."""
    owners: dict[str, tuple[str, str]] = {}
    for name, label, aliases in curated.entities:
        for form in (name, *aliases):
            if form.strip():
                owners.setdefault(char_key(fold(form)), (fold(name), label))
    if not owners:
        return None
    alternation = "|".join(re.escape(f) for f in sorted(owners, key=len, reverse=True))
    return re.compile(rf"(?<![\w.-])(?:{alternation})(?![\w-]|\.\w)"), owners


def _curated_mentions(paragraph: Paragraph, text: str, patterns: _Patterns) -> Iterator[RawMention]:
    if patterns is None:
        return
    pattern, owners = patterns
    for m in pattern.finditer(char_key(text)):
        surface = text[m.start() : m.end()]
        if surface.islower() or is_common_word_at_sentence_start(text, m.start(), surface):
            # "verde", or "Libertatea este un drept": a common word, not the name
            continue
        name, label = owners[m.group()]
        yield RawMention(paragraph.index, m.start(), m.end(), paragraph.text[m.start() : m.end()], label, name)


def _curated_names(curated: Curated) -> dict[str, tuple[str, str]]:
    """match key of every confirmed name and alias -> (canonical name, type)."""
    return {
        match_key(form): (fold(name), label)
        for name, label, aliases in curated.entities
        for form in (name, *aliases)
        if form.strip()
    }


def _confirm(mention: RawMention, confirmed: dict[str, tuple[str, str]]) -> RawMention:
    """An inflected model mention of a confirmed entity (``Asociației X``) takes the curated name and type."""
    for key in (match_key(mention.text), match_key(mention.nominative)):
        if key in confirmed:
            name, label = confirmed[key]
            return replace(mention, name=name, label=label)
    return mention


def _drop_blocked(entities: Iterable[Entity], blocked: frozenset[str]) -> tuple[Entity, ...]:
    keys = {match_key(b) for b in blocked}
    if not keys:
        return tuple(entities)
    return tuple(e for e in entities if match_key(e.name) not in keys)
