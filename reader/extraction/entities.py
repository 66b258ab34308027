"""Named entities of an article: NER spans, curator decisions, then one canonical entry per real-world entity.

    find_entities(paragraphs, curated=Curated(...)) -> (Entity, ...)

The model sees cedilla-folded text (RONEC is written with comma-below letters); folding keeps the
length, so its offsets are offsets into ``paragraph.text``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from .canonical import RawMention, cluster
from .lemmas import common_lemma, is_common_word
from .ner.model import load_nlp, name_heads
from .normalize import fold, match_key, strip_diacritics
from .types import Entity, Paragraph

APP_LABELS = frozenset({"PERSON", "PLACE", "ORGANIZATION"})
_EDGE_OPEN = "„\"“”«»‹›'‘’([{-–—/"
_EDGE_CLOSE = "„\"“”«»‹›'‘’)]}.,;:!?-–—/"
_SENTENCE_END = (".", "!", "?", ":", "„", '"', "“", "«", "—", "–", "-")
_WORD_RE = re.compile(r"\S+")
# Inside a model span these end the name: an apposition, a bracket, a quote, a dash, or a genitive
# linker before an acronym ("Facultatea de Horticultură al USAMV" names two organisations).
_INNER_BREAK_RE = re.compile(r"[,;()\[\]„”“\"«»]|\s[-–—]\s|\s(?:al|a|ale)\s(?=[A-ZĂÂÎȘȚ]{2,}\b)")


@dataclass(frozen=True)
class Curated:
    """Curator decisions: confirmed entities (matched in the text) and blocked names (dropped)."""

    entities: tuple[tuple[str, str, tuple[str, ...]], ...] = ()  # (canonical name, type, aliases)
    blocked: frozenset[str] = frozenset()


def find_entities(paragraphs: tuple[Paragraph, ...], *, curated: Curated | None = None) -> tuple[Entity, ...]:
    curated = curated or Curated()
    texts = [fold(p.text) for p in paragraphs]
    patterns = _curated_patterns(curated)
    confirmed = _curated_names(curated)
    raw: list[RawMention] = []
    for paragraph, text, doc in zip(paragraphs, texts, load_nlp().pipe(texts), strict=True):
        pinned = list(_curated_mentions(paragraph, text, patterns))
        raw.extend(pinned)
        for start, end, label in _model_spans(doc):
            mention = _trimmed_mention(paragraph, text, start, end, label)
            if mention and not any(_overlap(mention, p) for p in pinned):
                raw.append(_confirm(mention, confirmed))
    entities = cluster(raw, {p.index: t for p, t in zip(paragraphs, texts, strict=True)})
    return _drop_blocked(entities, curated.blocked)


# --- curator decisions ----------------------------------------------------------------------------


def _char_key(text: str) -> str:
    """Lowercase, no diacritics, one character per character (so regex offsets are text offsets)."""
    return "".join((strip_diacritics(c) or c)[0].lower() for c in text)


def _curated_patterns(curated: Curated) -> list[tuple[re.Pattern[str], str, str]]:
    """One regex per confirmed entity, longest alias first so ``Coreea de Nord`` beats ``Coreea``."""
    patterns = []
    for name, label, aliases in curated.entities:
        forms = sorted({_char_key(fold(f)) for f in (name, *aliases) if f.strip()}, key=len, reverse=True)
        if forms:
            alternation = "|".join(re.escape(f) for f in forms)
            patterns.append((re.compile(rf"(?<!\w)(?:{alternation})(?!\w)"), fold(name), label))
    return patterns


def _curated_mentions(
    paragraph: Paragraph, text: str, patterns: list[tuple[re.Pattern[str], str, str]]
) -> Iterator[RawMention]:
    key = _char_key(text)
    taken: list[tuple[int, int]] = []
    for pattern, name, label in patterns:
        for m in pattern.finditer(key):
            if any(m.start() < e and s < m.end() for s, e in taken) or text[m.start() : m.end()].islower():
                continue  # a curated name written in lowercase is a common word ("verde"), not the name
            taken.append((m.start(), m.end()))
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
