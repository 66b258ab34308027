"""Finding a note's paragraph again after the article's text changed.

Pure functions over plain values (no database): a note keeps selectors (the text it was
attached to with its context, a fingerprint and a position); given the new revision's
paragraphs we pick the same paragraph, the closest fuzzy match, or none.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from reader.extraction.normalize import match_key

CONTEXT_CHARS = 48  # stored before and after the anchored text (at least 32, per W3C practice)
MIN_SCORE = 75.0  # below this a note waits for an editor instead of guessing
SUGGEST_SCORE = 50.0  # below this not even a suggestion is preselected: the editor must choose
# Paragraphs that are not body text: a note lands on one only if it was on one (a note on the text never goes to
# the title because the title happens to be the least bad fuzzy match).
FRAME_ROLES = frozenset({"title", "caption", "dateline"})
TEXT_WEIGHT, CONTEXT_WEIGHT = 0.8, 0.2


@dataclass(frozen=True)
class Selector:
    exact: str  # the paragraph text, or the part of it the note quotes
    prefix: str  # text just before `exact` (end of the previous paragraph when exact starts the paragraph)
    suffix: str
    fingerprint: str  # of the whole paragraph
    position: int  # paragraph position in its revision
    start: int = 0  # offsets of exact within the paragraph
    end: int = 0
    whole: bool = True  # the note is on the whole paragraph, not a quoted part
    role: str = ""  # the role of the paragraph it was on, when known ("" counts as body text)


@dataclass(frozen=True)
class Candidate:
    text: str
    fingerprint: str
    position: int
    before: str = ""  # tail of the previous paragraph
    after: str = ""  # head of the next paragraph
    role: str = ""


def candidates_of(paragraphs: Sequence) -> list[Candidate]:
    """The candidates for a revision's paragraphs (anything with text, fingerprint and position), in order."""
    texts = [p.text for p in paragraphs]
    return [
        Candidate(text=p.text, fingerprint=p.fingerprint, position=p.position, before=texts[i - 1] if i else "",
                  after=texts[i + 1] if i + 1 < len(texts) else "", role=getattr(p, "role", "") or "")
        for i, p in enumerate(paragraphs)
    ]


@dataclass(frozen=True)
class Placement:
    index: int | None  # index into the candidates, None when detached
    best_index: int | None  # best candidate even when below MIN_SCORE
    score: float
    start: int = 0
    end: int = 0


def selector_for(
    *, text: str, fingerprint: str, position: int, before: str, after: str, start: int = 0, end: int | None = None
) -> Selector:
    """Selectors for a note on ``text[start:end]`` of a paragraph whose neighbours are before/after."""
    end = len(text) if end is None else end
    prefix = (before + "\n\n" + text[:start]) if start < CONTEXT_CHARS else text[:start]
    suffix = text[end:] + ("\n\n" + after if len(text) - end < CONTEXT_CHARS else "")
    return Selector(
        exact=text[start:end],
        prefix=prefix.strip()[-CONTEXT_CHARS:],
        suffix=suffix.strip()[:CONTEXT_CHARS],
        fingerprint=fingerprint,
        position=position,
        start=start,
        end=end,
        whole=(start == 0 and end == len(text)),
    )


def place(selector: Selector, candidates: Sequence[Candidate]) -> Placement:
    """Where the selector belongs among the new paragraphs."""
    if not candidates:
        return Placement(None, None, 0.0)
    same = [i for i, c in enumerate(candidates) if c.fingerprint == selector.fingerprint]
    if same:
        i = min(same, key=lambda i: abs(candidates[i].position - selector.position))
        return _placed(i, 100.0, selector, candidates[i])
    ranked = rank(selector, candidates)
    if not ranked:
        return Placement(None, None, 0.0)
    i, best = ranked[0]
    if best < MIN_SCORE:
        return Placement(None, i, best)
    return _placed(i, best, selector, candidates[i])


def eligible(selector: Selector, candidate: Candidate) -> bool:
    """Title, caption and dateline are candidates only for a note that was on one of them."""
    return candidate.role not in FRAME_ROLES or selector.role in FRAME_ROLES


def rank(selector: Selector, candidates: Sequence[Candidate]) -> list[tuple[int, float]]:
    """(index, score) of the eligible candidates, best first: by the note's own text and context, then by the
    nearness of the position it had."""
    exact_key = match_key(selector.exact)
    scored = [(i, round(_score(selector, exact_key, c), 1)) for i, c in enumerate(candidates) if eligible(selector, c)]
    return sorted(scored, key=lambda s: (-s[1], abs(candidates[s[0]].position - selector.position), s[0]))


def _score(selector: Selector, exact_key: str, candidate: Candidate) -> float:
    text_key = match_key(candidate.text)
    text_score = fuzz.ratio(exact_key, text_key)
    if exact_key and exact_key in text_key:
        text_score = max(text_score, 95.0)  # the quoted part is still there, word for word
    elif min(len(exact_key), len(text_key)) >= 40:
        # A paragraph split or merged: most of one is inside the other.
        text_score = max(text_score, 0.9 * fuzz.partial_ratio(exact_key, text_key))
    context = (_tail_ratio(selector.prefix, candidate.before) + _head_ratio(selector.suffix, candidate.after)) / 2
    return TEXT_WEIGHT * text_score + CONTEXT_WEIGHT * context


def _tail_ratio(stored: str, text: str) -> float:
    if not stored and not text:
        return 100.0
    return fuzz.ratio(match_key(stored)[-CONTEXT_CHARS:], match_key(text)[-CONTEXT_CHARS:])


def _head_ratio(stored: str, text: str) -> float:
    if not stored and not text:
        return 100.0
    return fuzz.ratio(match_key(stored)[:CONTEXT_CHARS], match_key(text)[:CONTEXT_CHARS])


def _placed(i: int, score: float, selector: Selector, candidate: Candidate) -> Placement:
    start, end = _locate(selector, candidate.text)
    return Placement(i, i, score, start, end)


def _locate(selector: Selector, text: str) -> tuple[int, int]:
    """Offsets of the anchored text in the new paragraph: all of it for a whole-paragraph note."""
    if selector.whole or not selector.exact:
        return 0, len(text)
    found = text.find(selector.exact)
    if found >= 0:
        return found, found + len(selector.exact)
    alignment = fuzz.partial_ratio_alignment(selector.exact, text)
    if alignment.score >= MIN_SCORE and alignment.dest_end > alignment.dest_start:
        return alignment.dest_start, alignment.dest_end
    return 0, len(text)


__all__ = ["Candidate", "FRAME_ROLES", "MIN_SCORE", "SUGGEST_SCORE", "Placement", "Selector", "candidates_of",
           "eligible", "place", "rank", "selector_for"]
