"""Quotation marks: find top-level quoted spans in a paragraph, mask them, split sentences.

Romanian copy mixes „…”, „…“, "…", “…”, «…», ‹…› and broken pairs (``"…”``, ``<‹…>>``).  A stack walk over
the marks keeps nested quotes inside their outer quote and tolerates marks that do not pair up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import ABBREVIATIONS

_MARK_RE = re.compile(r"<<|>>|<‹|›>|,,|[„”“\"«»‹›]")
_OPENERS = {"„": "outer", ",,": "outer", "«": "inner", "<<": "inner", "‹": "inner", "<‹": "inner"}
_CLOSERS = {"”": "outer", "»": "inner", ">>": "inner", "›": "inner", "›>": "inner"}
_AMBIGUOUS = {"“", '"'}  # open or close depending on the letters around them
_OPEN_CONTEXT = " \t([{—–-/:;\u00a0„«‹“\""
MASK_CHAR = "·"
# A sentence ends at . ! ? … followed by a space and an upper-case letter or an opening mark (”Word too).
_ABBREVIATION_SET = frozenset(ABBREVIATIONS)
_SENTENCE_END_RE = re.compile(r"[.!?…]+[”“\"»]?(?=\s+(?:[A-ZĂÂÎȘȚŞŢ„“\"«]|”[\w·]))|[.!?…]+\s*$")
_WORD_BEFORE_RE = re.compile(r"(?:^|(?<=[^\w.]))([\w.]+)$")


@dataclass(frozen=True)
class QuotedSpan:
    """A top-level quoted span; ``start``/``end`` exclude the marks, ``open_at``/``close_at`` are the marks."""

    start: int
    end: int
    open_at: int | None  # index of the opening mark, None when the mark is missing
    close_end: int | None  # index just after the closing mark, None when the quote runs to the paragraph end


def find_spans(text: str) -> list[QuotedSpan]:
    spans: list[QuotedSpan] = []
    stack: list[tuple[str, int, int]] = []  # (family, index, length) of open marks
    for m in _MARK_RE.finditer(text):
        mark, i = m.group(0), m.start()
        role = _classify(text, mark, i, bool(stack))
        if role == "open":
            stack.append((_OPENERS.get(mark, "ambiguous"), i, len(mark)))
        elif stack:
            bottom = stack[0]
            _pop(stack, _CLOSERS.get(mark, "ambiguous"))
            if not stack:
                spans.append(_make_span(text, bottom[1] + bottom[2], i, bottom[1], m.end()))
        elif not spans and _plausible_orphan(text, i):
            # A closing mark with nothing open: the opening mark was forgotten (or is in the previous paragraph).
            colon = text.rfind(": ", 0, i)  # "Ion Pop a declarat: Vom câștiga”." starts after the colon
            spans.append(_make_span(text, colon + 2 if colon >= 0 else 0, i, None, m.end()))
    if stack:
        bottom = stack[0]
        spans.append(_make_span(text, bottom[1] + bottom[2], len(text), bottom[1], None))
    return [s for s in spans if s.end > s.start]


def _classify(text: str, mark: str, i: int, inside: bool) -> str:
    if mark in _OPENERS:
        return "open"
    if mark == "”" and not inside and _opens_word(text, i):
        return "open"  # ”…” with the closing shape on both sides, common in copy typed without „
    if mark in _CLOSERS:
        return "close"
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + len(mark)] if i + len(mark) < len(text) else " "
    open_ctx = prev in _OPEN_CONTEXT and not nxt.isspace()
    close_ctx = prev not in " \t" and (nxt.isspace() or not nxt.isalnum())
    if inside and (close_ctx or not open_ctx):
        return "close"
    return "open" if open_ctx else "close"


def _opens_word(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return prev in _OPEN_CONTEXT and nxt.isalnum() and text.find("”", i + 1) > i


def _pop(stack: list[tuple[str, int, int]], family: str) -> None:
    """Close the innermost mark of the same family; an outer closer also closes unterminated inner quotes."""
    if family == "inner":
        stack.pop()
        return
    while stack:
        top = stack.pop()
        if top[0] != "inner":
            return


def _plausible_orphan(text: str, i: int) -> bool:
    return i > 20 and text[i - 1] not in " \t"


def _make_span(text: str, start: int, end: int, open_at: int | None, close_end: int | None) -> QuotedSpan:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return QuotedSpan(start, end, open_at, close_end)


def mask(text: str, spans: list[QuotedSpan]) -> str:
    """Replace quoted words by MASK_CHAR (same length) so cue searches never look inside quotes."""
    chars = list(text)
    for s in spans:
        end = s.end
        while end > s.start and text[end - 1] in ".!?…":
            end -= 1  # keep the quote's final punctuation visible: it may end the sentence
        for k in range(s.start, end):
            chars[k] = MASK_CHAR
    return "".join(chars)


def sentences(masked: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; ``end`` excludes the final punctuation."""
    out, start = [], 0
    for m in _SENTENCE_END_RE.finditer(masked):
        if _after_abbreviation(masked, m.start()):
            continue
        out.append(_trim(masked, start, m.start()))
        start = m.end()
    if start < len(masked):
        out.append(_trim(masked, start, len(masked)))
    return [(a, b) for a, b in out if b > a]


def sentence_bounds(masked: str, pos: int, spans: list[tuple[int, int]] | None = None) -> tuple[int, int]:
    """The sentence containing ``pos`` (periods inside quotes are masked, so they never split)."""
    for a, b in spans if spans is not None else sentences(masked):
        if pos < b or (a <= pos <= b):
            return a, b
    return (0, len(masked))


def _after_abbreviation(text: str, i: int) -> bool:
    """"dr. Popa", "I. C. Brătianu": a period after a title or an initial does not end the sentence."""
    if i >= len(text) or text[i] != ".":
        return False
    m = _WORD_BEFORE_RE.search(text, max(0, i - 8), i)
    if not m:
        return False
    word = m.group(1)
    return word in _ABBREVIATION_SET or (len(word) == 1 and word.isupper())


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
