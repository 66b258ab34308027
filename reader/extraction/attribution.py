"""Find who a verb of saying belongs to, before it (``Putin a spus``) or after it (``a spus Putin``).

All functions work on a paragraph's *masked* text (quoted words replaced by MASK_CHAR), so a cue or a
name inside someone's quote is never mistaken for the attribution.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import (
    ADVERBS,
    GERUND_RE,
    INDEFINITE_PRONOUNS,
    INDEFINITE_RE,
    NOMINATIVE_INDEFINITE_ARTICLES,
    OBJECT_MARKERS,
    PREPOSITIONS,
    PRONOUNS,
    ROLE_LEMMA,
    ROLE_MODIFIERS,
    SAY_VERB,
    SOURCE_NOUNS,
    SOURCE_PREP_RE,
    SPEAKER_PHRASE_STOPS,
    VERBISH_RE,
    WEEKDAYS,
    WORD_START,
)
from .marks import MASK_CHAR
from .names import NAME_SEQ_RE, ORG_SEQ_RE, clean_np, is_np, looks_like_person, strip_role_prefix
from .speakers import Pos, Prior, Resolved, SpeakerIndex

CUE_RE = re.compile(rf"{WORD_START}(?:{SAY_VERB}|{SOURCE_PREP_RE.pattern})", re.IGNORECASE)
_LEADING_ADVERBIALS_RE = re.compile(
    rf"^(?:[\s,]+|(?:{'|'.join(WEEKDAYS)}|ieri|azi|astăzi|aseară|recent|ulterior|"
    r"apoi|seara|dimineața|de asemenea|la rândul său|la rândul ei|la final|în final)\b)+",
    re.IGNORECASE,
)
# An infinitive or a modal before a present-tense verb of saying: "pentru a-și putea susține", "va spune".
_NOT_FINITE_RE = re.compile(r"(?<![\w-])(?:a|să|a-și|a-i|a-l|a-o|putea|poate|pot|va|vor|ar)\s+$", re.IGNORECASE)
_CONTENT_CLAUSE_RE = re.compile(r"(?<![\w-])(?:că|cum că)(?![\w-])", re.IGNORECASE)
# The second verb of a pair after a reported clause: "a spus că …, și a adăugat".
_JOINED_RE = re.compile(r"(?<![\w-])(?:că|cum că)(?![\w-])[^,;]*,?\s+(?:și|iar)\s+$", re.IGNORECASE | re.DOTALL)
_ADDRESSEE_RE = re.compile(rf"^\s*lui\s+({NAME_SEQ_RE.pattern})")


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    text: str

    @property
    def is_gerund(self) -> bool:
        return bool(GERUND_RE.fullmatch(self.text))

    @property
    def is_source(self) -> bool:
        return bool(SOURCE_PREP_RE.match(self.text + " "))


def find_cues(masked: str, start: int = 0, end: int | None = None) -> list[Cue]:
    end = len(masked) if end is None else end
    cues = _all_cues(masked)  # one scan's matches: they do not overlap, so starts and ends both ascend
    first = bisect.bisect_left(cues, start, key=lambda c: c.start)
    return list(cues[first : max(first, bisect.bisect_right(cues, end, key=lambda c: c.end))])


@lru_cache(maxsize=512)
def _all_cues(masked: str) -> tuple[Cue, ...]:
    """Every cue of a paragraph, computed once: attribution asks about many ranges of the same text."""
    return tuple(Cue(m.start(), m.end(), m.group(0).strip()) for m in CUE_RE.finditer(masked)
                 if not _NOT_FINITE_RE.search(masked, max(0, m.start() - 16), m.start()))


def np_after(masked: str, pos: int, end: int) -> tuple[str, str | None, str | None]:
    """(noun phrase, apposition segment, addressee name) right after a verb of saying."""
    tail = masked[pos:end]
    tail = tail.split(MASK_CHAR)[0]
    tail = _CONTENT_CLAUSE_RE.split(tail, maxsplit=1)[0]  # "a declarat luni că X ...": X is in what was said
    tail = _LEADING_ADVERBIALS_RE.sub("", tail)  # "a declarat, luni, Ion Pop"
    segments = tail.split(",")
    while len(segments) > 1 and _parenthetical(segments[0]):
        segments = segments[1:]  # "a declarat, la acea vreme, purtătorul ...", "a spus, bucuros, X"
    head = segments[0].strip()
    apposition = segments[1].strip() if len(segments) > 1 else None
    tokens = head.split()
    while tokens and tokens[0].lower() in ADVERBS:
        tokens = tokens[1:]
    head = " ".join(tokens)
    np = _np_prefix(_skip_prepositional_phrase(head))
    if np and np[0].islower() and not _names_by_itself(np.split()[0].lower()):
        person = _first_person(" ".join(head.split()[:6]))  # "a declarat pentru Digi24 Ion Pop", "a negat categoric X"
        np = person or np
    rest = head[head.find(np) + len(np):] if np else head
    addressee = None
    m = _ADDRESSEE_RE.match(rest)
    if m:
        addressee = m.group(1)
    if apposition is not None and np != head:
        apposition = None  # "a spus X la TV, ..." -- what follows the comma is not about X
    return np, apposition, addressee


def _parenthetical(segment: str) -> bool:
    """A comma-set adverbial between the verb and its subject: a prepositional phrase or one plain word."""
    words = segment.split()
    if not words or _first_person(segment):
        return False
    first = words[0].lower()
    if first in PREPOSITIONS:
        return True  # "la acea vreme", "pentru Agerpres": when, where or to whom, not who
    return len(words) == 1 and words[0].islower() and not _names_by_itself(first)


def _skip_prepositional_phrase(head: str) -> str:
    """"pentru Libertatea un oficial al ministerului" -> "un oficial al ministerului"."""
    tokens = head.split()
    if not tokens or tokens[0].lower() not in PREPOSITIONS:
        return head
    for k in range(2, min(len(tokens), 8)):
        word = tokens[k].lower()
        if _names_by_itself(word) or word in NOMINATIVE_INDEFINITE_ARTICLES or word in SOURCE_NOUNS or (
            tokens[k][0].isupper() and looks_like_person(" ".join(tokens[k:k + 2]))
        ):
            return " ".join(tokens[k:])
    return head


def _names_by_itself(word: str) -> bool:
    return word in ROLE_LEMMA or word in PRONOUNS or word in ROLE_MODIFIERS or word in INDEFINITE_PRONOUNS


def _first_person(text: str) -> str | None:
    for m in NAME_SEQ_RE.finditer(text):
        tokens = m.group(0).split()
        for i in range(len(tokens) - 1):  # "Digi24 Ion Pop": the person is a tail of the capitalised run
            if looks_like_person(" ".join(tokens[i:])):
                return " ".join(tokens[i:])
    return None


def _np_prefix(head: str) -> str:
    head = head.strip()
    if not head:
        return ""
    person = NAME_SEQ_RE.match(head)
    if person and looks_like_person(person.group(0)):
        return person.group(0)  # "Ion Popescu pentru HotNews.ro": the name only
    if head[0].isupper() and head.split()[0].lower() not in ROLE_LEMMA:
        m = ORG_SEQ_RE.match(head)
        if m:
            return m.group(0)
    out = []
    for tok in head.split():
        if tok.lower() in SPEAKER_PHRASE_STOPS and out:
            break
        out.append(tok)
    return " ".join(out)


def subject_before(
    index: SpeakerIndex, p: int, masked: str, sent_start: int, cue: Cue, previous: Resolved | None
) -> Resolved:
    """The subject of a verb of saying: the noun phrase just before it, else the clause's subject."""
    head = masked[sent_start:cue.start]
    pos: Pos = (p, cue.start)
    if head.rstrip().endswith(",") and not cue.is_gerund:
        first = clean_np(head.split(",")[0])
        if INDEFINITE_RE.match(first):
            # "O sursă din anchetă, citată de un cotidian local, a declarat"
            return Resolved(None, first, Prior.INDEFINITE_SUBJECT)
        named = _named_segment(index, head, pos)  # "Ion Pop, directorul X, firma lui Y, a declarat"
        if named:
            return named
    last_segment = head.split(",")[-1]
    if MASK_CHAR in last_segment:
        last_segment = last_segment.split(MASK_CHAR)[-1].lstrip("”“\"»›")
    if not cue.is_gerund and is_np(last_segment) and clean_np(last_segment):
        if INDEFINITE_RE.match(clean_np(last_segment)):
            # "unii dintre oponenții lui X au declarat"
            return Resolved(None, clean_np(last_segment), Prior.INDEFINITE_SUBJECT)
        resolved = index.resolve_np(clean_np(last_segment), pos)
        if resolved.speaker:
            return resolved
    return _clause_subject(index, p, masked, sent_start, cue, previous)


def _named_segment(index: SpeakerIndex, head: str, pos: Pos) -> Resolved | None:
    """The subject of a verb after a chain of appositions is the first segment that names someone."""
    segments = head.split(",")[:-1]
    for k, segment in enumerate(segments):
        if MASK_CHAR in segment:
            return None
        segment = clean_np(segment)
        if not segment or not is_np(segment) and not NAME_SEQ_RE.match(segment):
            continue
        following = clean_np(segments[k + 1]) if k + 1 < len(segments) else ""
        if segment.split()[0].lower() in ROLE_LEMMA and following and NAME_SEQ_RE.fullmatch(following) \
                and looks_like_person(following):
            # "Șeful serviciului de X din Y, Dan Manu, declară": the apposition names the holder of the role
            return index.resolve_np(following, pos)
        resolved = index.resolve_np(segment, pos)
        if resolved.speaker and resolved.confidence >= Prior.ROLE_WITH_NAME and not resolved.inferred:
            return resolved
    return None


def _clause_subject(
    index: SpeakerIndex, p: int, masked: str, sent_start: int, cue: Cue, previous: Resolved | None
) -> Resolved:
    """No subject right before the verb ("..., spunând că", "și a menționat"): look back in the sentence."""
    pos: Pos = (p, cue.start)
    prev_cues = [c for c in find_cues(masked, sent_start, cue.start) if not c.is_source]
    window_start = prev_cues[-1].end if prev_cues else sent_start
    if previous is not None and previous.speaker and prev_cues and _JOINED_RE.search(masked, window_start, cue.start):
        # "X a spus că Y nu are ..., și a adăugat că ...": names after the first "că" belong to what was
        # reported; the second verb goes on with the first one's subject.
        return Resolved(previous.speaker, previous.mention, previous.confidence * Prior.SECOND_VERB_FACTOR,
                        previous.inferred)
    if not cue.is_gerund:
        role = _role_subject(index, masked[window_start:cue.start], pos)
        if role:
            return role
    names = _person_names(index, masked, window_start, cue.start)
    if names and not cue.is_gerund:
        return Resolved(index.canonical(names[-1]), names[-1], Prior.NAME_BEFORE_VERB)
    if previous is not None and previous.speaker and prev_cues:
        return Resolved(previous.speaker, previous.mention, previous.confidence * Prior.SECOND_VERB_FACTOR,
                        previous.inferred)
    names = _person_names(index, masked, sent_start, cue.start)
    if names:
        return Resolved(index.canonical(names[0]), names[0], Prior.NAME_IN_SENTENCE)
    person = index.latest_person(pos)
    return Resolved(person, None, Prior.LATEST_PERSON, inferred=True) if person else Resolved(None, None, Prior.NOBODY)


def _role_subject(index: SpeakerIndex, window: str, pos: Pos) -> Resolved | None:
    """"premierul a reluat tema și a precizat că": a role noun opening the clause is the subject of both verbs."""
    segment = window.split(",")[-1]
    verb = VERBISH_RE.search(segment)
    if not verb:
        return None
    np = clean_np(segment[:verb.start()])
    if not np or not is_np(np) or np.split()[0].lower() not in ROLE_LEMMA:
        return None
    resolved = index.resolve_np(np, pos)
    return resolved if resolved.speaker else None


def _person_names(index: SpeakerIndex, masked: str, start: int, end: int) -> list[str]:
    """Person names in masked[start:end] that are not objects ("lui Kim", "pe Ion")."""
    out = []
    for m in NAME_SEQ_RE.finditer(masked, start, end):
        before = masked[max(start, m.start() - 6):m.start()].split()
        if before and before[-1].lower() in OBJECT_MARKERS:
            continue
        name = strip_role_prefix(m.group(0))  # "Președintele Vladimir Putin" at the start of a sentence
        if name and (looks_like_person(name) or index.is_person(name)):
            out.append(name)
    return out
