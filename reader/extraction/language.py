"""Sentences written in another language (an embedded English or Spanish tweet, a quoted German headline).

    foreign_spans("Ea a scris: The border is closed and the army is on alert.") -> [(11, 59)]

Such sentences are not tagged: the NER model and the figure rules read Romanian, and a foreign sentence gives
them capitalised common words ("Close", "Sirenas") and dates in foreign formats. A sentence is foreign when its
function words are mostly those of another language; a short foreign phrase inside a Romanian sentence is not.
"""

from __future__ import annotations

import re

from .lexicon import FOREIGN_FUNCTION_WORDS, ROMANIAN_FUNCTION_WORDS, SHARED_FUNCTION_WORDS

# A sentence ends at . ! ? : (maybe followed by a closing mark) before a space; a line break also ends one.
_SENTENCE_RE = re.compile(r"(?:[^.!?:\n]|[.!?:](?!\s|$))+(?:[.!?:]+[\"”»’)]*(?=\s|$)|$)|[.!?:]+", re.S)
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_MIN_FOREIGN = 2  # function words needed to call a sentence foreign
# An embedded post's signature, "— Ana Pop (@anapop) July 3, 2022": its author is named in any language.
_SIGNATURE_RE = re.compile(r"\s[—–-]\s[^—–\n]{1,80}\(@\w+\)[^()\n]*$")
# Emoji that reached us as question marks ("????claiming"): no sentence ends there.
_LOST_EMOJI_RE = re.compile(r"\?{2,}")


def is_foreign(sentence: str) -> bool:
    foreign = romanian = 0
    for word in _WORD_RE.findall(sentence):
        lower = word.lower()
        if lower in FOREIGN_FUNCTION_WORDS:
            foreign += 1
        elif lower in ROMANIAN_FUNCTION_WORDS and lower not in SHARED_FUNCTION_WORDS:
            romanian += 1
    return foreign >= _MIN_FOREIGN and foreign > 2 * romanian


def foreign_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every foreign sentence of ``text``, in order. A paragraph with foreign function words
    and no Romanian one is foreign as a whole (an embedded tweet cut into fragments by its emoji and hashtags)."""
    if not any(w in FOREIGN_FUNCTION_WORDS for w in text.lower().split()):
        return []  # most paragraphs: no sentence to classify
    signature = _SIGNATURE_RE.search(text)
    body = text[: signature.start()] if signature else text
    words = [w.lower() for w in _WORD_RE.findall(body)]
    if sum(w in FOREIGN_FUNCTION_WORDS for w in words) >= _MIN_FOREIGN and not any(
            w in ROMANIAN_FUNCTION_WORDS for w in words):
        return [(0, len(body))]
    scan = _LOST_EMOJI_RE.sub(lambda m: " " * len(m.group()), body)
    return [(m.start(), m.end()) for m in _SENTENCE_RE.finditer(scan) if is_foreign(m.group())]


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of ``spans``."""
    return any(s < end and start < e for s, e in spans)
