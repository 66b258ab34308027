"""Choose each quote's speaker among the article's people and organisations, by evidence.

The attribution rules (quotes.py, indirect.py) propose a speaker for a quote from its cue and noun phrase.
Here every PERSON or ORGANIZATION of the article is a candidate, the proposal being one piece of evidence
among others: where the candidate is named relative to the quote (same sentence, just before, just after,
the previous paragraphs), whether it was the previous quote's speaker, how prominent it is in the article,
whether it is named inside the quote itself (people seldom name themselves).  A logistic model over these
features, fitted on annotated articles with cross-validation by article (``speaker_training.py``), scores
each candidate; the best one is the speaker when its probability passes the model's threshold, and that
probability is the quote's confidence.

A speaker is then one of three kinds: an ``entity`` of the article (``speaker_entity`` is its index), a
``description`` (a group named by a human or collective noun, "medicii de familie consultați"), or
``unknown``.  Never a place, an event, a document or a fragment of a clause.
"""

from __future__ import annotations

import bisect
import json
import math
import re
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from .lemmas import common_lemma, is_common_word
from .lexicon import (
    AGENT_PLURAL_ENDINGS,
    FEMININE_ROLE_FORMS,
    GROUP_NOUNS,
    INDEFINITE_RE,
    LOWERCASE_IN_NAMES,
    OBLIQUE_ENDINGS,
    ORG_ROLES,
    ORGANIZATION_HEAD_NOUNS,
    PLURAL_ARTICLE_ENDINGS,
    PREPOSITIONS,
    PRONOUNS,
    REPORTING_CUE_RE,
    ROLE_LEMMA,
    ROLE_MODIFIERS,
    VERBISH_RE,
)
from .marks import MASK_CHAR
from .names import (
    clean_person_name,
    looks_like_person,
    nominative_first_names,
    nominative_org,
    opens_with_a_bare_role,
    pronoun_gender,
)
from .normalize import match_key
from .spans import head_type
from .types import Entity, Mention, Quote

MODEL_FILE = Path(__file__).with_name("speaker_model.json")
SPEAKER_TYPES = ("PERSON", "ORGANIZATION")
DESCRIPTION = "DESCRIPTION"  # a described group proposed by the rules: a candidate without mentions
_NEAR = 120  # characters: "X a declarat că" / ", a spus X" stand this close to the quote
_MAX_DISTANCE = 8  # paragraphs; farther back is as good as never
_MAX_DESCRIPTION_WORDS = 20  # "specialiștii în horticultură de la Universitatea de ... din Cluj"
_WORD_RE = re.compile(r"[\w'’.-]+")
_INITIALS_RE = re.compile(r"(?:[A-ZĂÂÎȘȚ]\.\s?){1,4}")

FEATURES = (
    "proposed", "proposed_confidence", "by_name", "by_reference", "by_continuation", "proposed_reporter",
    "group_of_organization", "person_in_proposal", "possessor_in_proposal", "role_apposed", "gender_conflict",
    "same_sentence", "near_before", "near_after", "same_paragraph", "previous_paragraph", "next_paragraph",
    "distance", "never_before", "previous_speaker", "salience", "in_title", "inside_quote", "is_organization",
    "direct", "answer", "is_description",
)


@dataclass
class Candidate:
    name: str
    type: str
    keys: frozenset[str]  # match keys of every form the article uses
    positions: list[tuple[int, int, int]] = field(default_factory=list)  # (paragraph, start, end) outside quotes
    in_title: bool = False  # named in the title or the lead
    ends: list[tuple[int, int]] = field(default_factory=list)  # (paragraph, end) of each position, sorted

    def settle(self) -> None:
        """Sort the positions once they are all found: the features look them up by bisection."""
        self.positions.sort()
        self.ends = sorted((k, e) for k, _, e in self.positions)


@dataclass(frozen=True)
class Context:
    """What the features look at: paragraph texts (plain and masked), roles and the sentences of each."""

    texts: list[str]
    masked: list[str]
    roles: list[str]
    sentences: list[list[tuple[int, int]]]
    roles_of: dict[str, frozenset[str]] = field(default_factory=dict)  # name -> role lemmas apposed to it
    gender_of: dict[str, str] = field(default_factory=dict)  # name -> "f" | "m", where the text tells


@dataclass(frozen=True)
class Model:
    weights: dict[str, float]
    bias: float
    threshold: float

    def probability(self, values: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in values.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@cache
def load_model(path: Path = MODEL_FILE) -> Model:
    data = json.loads(path.read_text(encoding="utf-8"))
    return Model(dict(data["weights"]), float(data["bias"]), float(data["threshold"]))


def candidates(entities: tuple[Entity, ...], ctx: Context, proposals: list[str]) -> list[Candidate]:
    """The article's people and organisations, plus proposed names the entity recogniser missed ("H.R.")."""
    out: dict[str, Candidate] = {}
    by_key: dict[str, Candidate] = {}
    elsewhere = set()  # places, events, works: never speakers, even when the rules propose them
    proposed_keys = {match_key(p) for p in proposals}
    for e in entities:
        first = e.name.split()[0].lower()
        if e.type == "PLACE" and (kind := _misread_place(e, ctx, proposed_keys)):
            e = replace(e, type=kind)
        if e.type not in SPEAKER_TYPES or first in PREPOSITIONS or description(e.name):
            elsewhere.update(match_key(f) for f in (e.name, *e.aliases))
            continue  # "În Marea Britanie", "Organizatorii": no name opens with a preposition or is a group noun
        cand = out.setdefault(e.name, Candidate(e.name, e.type, frozenset()))
        cand.keys = cand.keys | {match_key(f) for f in (e.name, *e.aliases)}
        cand.positions.extend((m.paragraph, m.start, m.end) for m in e.mentions if _outside(ctx, m))
    for cand in out.values():
        for key in cand.keys:
            by_key.setdefault(key, cand)
    for proposed in proposals:
        if description(proposed):
            continue  # "Avocații lui X" are not X: the group is a candidate of its own
        # "Externe Ion Pop" -> "Ion Pop"; a proposal with no person's name in it ("Ministerul Energiei") stays
        name = clean_person_name(proposed) or proposed
        key = match_key(name)
        first, _, rest = name.partition(" ")
        # "Anei Pop" when the article also writes "Ana Pop": the genitive of a name it knows
        nominatives = (match_key(f"{o} {rest}") for o in nominative_first_names(first) if rest)
        key = next((k for k in nominatives if k in by_key), key)
        if key in by_key and match_key(proposed) != key:
            by_key[key].keys = by_key[key].keys | {match_key(proposed)}  # the proposal names a known candidate
        elif key and key not in by_key and key not in elsewhere and not description(name) \
                and (kind := _new_speaker(name, ctx)):
            # "potrivit Ministerului X": the organisation is named in the nominative, found as written
            shown = nominative_org(name) if kind == "ORGANIZATION" else name
            if match_key(shown) in by_key:
                by_key[match_key(shown)].keys = by_key[match_key(shown)].keys | {key, match_key(proposed)}
                continue
            cand = Candidate(shown, kind, frozenset({key, match_key(proposed), match_key(shown)}),
                             list(_find(ctx, name)))
            out[shown] = cand
            by_key[key] = by_key[match_key(shown)] = cand
    for cand in out.values():
        cand.settle()
        cand.in_title = any(ctx.roles[k] in ("title", "lead") for (k, _, _) in cand.positions)
    return list(out.values())


_MAX_INSTITUTION_WORDS = 10
_LOCATIVE_BEFORE_RE = re.compile(r"(?:^|\s)(?:în|la|din|spre|prin|către|pe|lângă|de la)\s+$", re.IGNORECASE)


def _misread_place(e: Entity, ctx: Context, proposed_keys: set[str]) -> str | None:
    """A "place" a verb of saying gives words to, never written where something is ("în X", "la X"), and named
    by an institution's head noun ("Serviciul Național ..."): the recogniser's type was wrong. Countries speak
    in news too ("Ucraina a anunțat"), so a bare name keeps its type."""
    if not {match_key(f) for f in (e.name, *e.aliases)} & proposed_keys:
        return None
    if any(_LOCATIVE_BEFORE_RE.search(ctx.texts[m.paragraph][max(0, m.start - 12):m.start])
           for m in e.mentions if m.paragraph < len(ctx.texts)):
        return None
    words = e.name.split()
    if len(words) >= 2 and common_lemma(words[0]) in ORGANIZATION_HEAD_NOUNS:
        return "ORGANIZATION"
    return None


def _new_speaker(name: str, ctx: Context) -> str | None:
    """The type of a proposed speaker the recogniser did not find, when the words are a name at all: an
    institution's, a person's full name, initials ("H.R.", an interview's label) or a lone surname; not a
    label with a number ("Sector 1", "Pilonul 2")."""
    words = name.split()
    if looks_named(name) and not any(c.isdigit() for c in name) and "ORGANIZATION" in {
            head_type(ctx.texts[p], start) for p, start, _ in _find(ctx, name)}:
        return "ORGANIZATION"  # "site-ul de știri X a relatat", "potrivit publicației Y": a head noun says so
    if _institution(name) or opens_with_a_bare_role(name) or (
            len(words) >= 2 and common_lemma(words[0]) in ORGANIZATION_HEAD_NOUNS
            and (looks_named(name) or _long_institution_name(words))):
        return "ORGANIZATION"
    if _INITIALS_RE.fullmatch(name) or (looks_named(name) and looks_like_person(name)):
        return "PERSON"
    if len(words) == 1 and looks_named(name) and not _only_opening_sentences(name, ctx) and not any(
            re.search(rf"(?<!\w){re.escape(name)}\s+\d", text) for text in ctx.texts):
        # "site-ul de știri X a relatat": a head noun before the name says what it is
        # A dictionary word capitalised mid-sentence names an institution or an outlet ("Brigada", "Cancan");
        # no one is called so.
        return "ORGANIZATION" if is_common_word(name.replace("-", "")) else "PERSON"
    return None


def _only_opening_sentences(word: str, ctx: Context) -> bool:
    """A dictionary word written with a capital only where a sentence starts ("Presa a relatat"): no name.
    Mid-sentence, the capital makes it one ("scrie Bivol")."""
    if not is_common_word(word):
        return False
    pattern = re.compile(rf"[^\s.!?…„“\"«(–—-]\s+{re.escape(word)}(?![\w-])")
    return not any(pattern.search(text) for text in ctx.texts)


def _long_institution_name(words: list[str]) -> bool:
    """"Autoritatea pentru căi navigabile și transport maritim din Köln": a capitalised institution noun, a
    description of its remit and a capitalised place or name, with no verb in between."""
    return (words[0][:1].isupper() and len(words) <= _MAX_INSTITUTION_WORDS and words[-1][:1].isupper()
            and not VERBISH_RE.search(" ".join(words)))


def _institution(name: str) -> bool:
    """"Poliția germană", "Armata taiwaneză": a capitalised institution noun with its adjectives."""
    words = name.split()
    return 1 < len(words) <= 4 and words[0][:1].isupper() and common_lemma(words[0]) in ORGANIZATION_HEAD_NOUNS \
        and all(w.islower() or w[:1].isupper() for w in words[1:])


def looks_named(name: str) -> bool:
    """A proper name (capitalised words, initials) rather than a common-noun phrase or a clause."""
    words = name.split()
    return 0 < len(words) <= 5 and all(w[0].isupper() or w.lower() in LOWERCASE_IN_NAMES for w in words) \
        and words[0][0].isupper()




def matches(cand: Candidate, name: str | None) -> bool:
    return bool(name) and _matches_key(cand, match_key(name))


def _matches_key(cand: Candidate, key: str) -> bool:
    if not key:
        return False
    if key in cand.keys:
        return True
    # A surname or a first name used alone: "Popescu" for "Ion Popescu".
    tokens = key.split()
    if any(len(k.split()) > len(tokens) and (k.split()[-len(tokens):] == tokens) for k in cand.keys):
        return True
    # An organisation named with a complement the recogniser left out: "Centrul X de la Harvard" is "Centrul X".
    return any(" " in k and key.startswith(k + " ") and key[len(k) + 1 :].split()[0] in PREPOSITIONS
               for k in cand.keys)


@dataclass(frozen=True)
class _QuoteFacts:
    """What the features need to know about one quote, computed once for all its candidates."""

    quote: Quote
    sentence: tuple[int, int]
    text_key: str
    proposal_key: str
    mention_key: str
    how: str
    head: str  # what the proposal's mention starts with: "group", "role" or "name"
    role_lemma: str | None
    gender: str | None
    reporting: bool
    answer: bool


def _facts(quote: Quote, ctx: Context, answers: frozenset[int]) -> _QuoteFacts:
    mention = quote.speaker_mention or ""
    return _QuoteFacts(
        quote, _sentence_of(ctx, quote.paragraph, quote.start), match_key(quote.text), match_key(quote.speaker or ""),
        match_key(mention), mention_kind(quote), _head(mention), ROLE_LEMMA.get(mention.split(" ")[0].lower()),
        _mention_gender(mention), _reporting(quote.cue), quote.paragraph in answers,
    )


def features(f: _QuoteFacts, cand: Candidate, ctx: Context, previous_speaker: str | None,
             counts: dict[str, int], max_count: int) -> dict[str, float]:
    q = f.quote
    p = q.paragraph
    a, b = f.sentence
    before = bisect.bisect_left(cand.positions, (p, q.start))  # how many mentions come before the quote
    proposed = _matches_key(cand, f.proposal_key)
    distance = p - cand.positions[before - 1][0] if before else _MAX_DISTANCE
    named_in = not proposed and _names_in(cand, f.mention_key)
    return {
        "proposed": float(proposed),
        "proposed_confidence": q.confidence if proposed else 0.0,
        "by_name": float(proposed and f.how == "name"),
        "by_reference": float(proposed and f.how == "reference"),
        "by_continuation": float(proposed and f.how == "continuation"),
        "proposed_reporter": float(proposed and cand.type == "ORGANIZATION" and f.reporting),
        "group_of_organization": float(named_in and f.head == "group" and cand.type == "ORGANIZATION"),
        "person_in_proposal": float(named_in and f.head == "name"),
        "possessor_in_proposal": float(named_in and f.head in ("role", "group") and not (
            f.head == "group" and cand.type == "ORGANIZATION")),
        "role_apposed": float(f.role_lemma is not None and f.role_lemma in ctx.roles_of.get(cand.name, ())),
        "gender_conflict": float(f.gender is not None and ctx.gender_of.get(cand.name) not in (None, f.gender)),
        "same_sentence": float(_has_offset_within(cand.positions, p, a, b - 1)),
        "near_before": float(_has_offset_within(cand.ends, p, q.start - _NEAR, q.start)),
        "near_after": float(_has_offset_within(cand.positions, p, q.end, q.end + _NEAR)),
        "same_paragraph": float(bool(_in_paragraph(cand.positions, p))),
        "previous_paragraph": float(bool(_in_paragraph(cand.positions, p - 1))),
        "next_paragraph": float(bool(_in_paragraph(cand.positions, p + 1))),
        "distance": min(distance, _MAX_DISTANCE) / _MAX_DISTANCE,
        "never_before": float(not before),
        "previous_speaker": float(previous_speaker == cand.name),
        "salience": math.log1p(counts.get(cand.name, 0)) / math.log1p(max_count) if max_count else 0.0,
        "in_title": float(cand.in_title),
        "inside_quote": float(any(len(k) > 3 and k in f.text_key for k in cand.keys)),
        "is_organization": float(cand.type == "ORGANIZATION"),
        "direct": float(q.kind == "direct"),
        "answer": float(f.answer and proposed),
        "is_description": float(cand.type == DESCRIPTION),
    }


def candidate_rows(quotes: tuple[Quote, ...], entities: tuple[Entity, ...], ctx: Context,
                   answers: frozenset[int] = frozenset()):
    """(quote, [(candidate, feature values)]) for every quote, in text order: what the model weighs."""
    cands = candidates(entities, ctx, [q.speaker for q in quotes if q.speaker])
    counts = {c.name: len(c.positions) for c in cands}
    max_count = max(counts.values(), default=0)
    previous: str | None = None  # the previous quote's proposed speaker, as a candidate
    for q in quotes:
        facts = _facts(q, ctx, answers)
        options = list(cands)
        phrase = description(q.speaker_mention or q.speaker)
        if phrase:
            options.append(Candidate(phrase, DESCRIPTION, frozenset({match_key(q.speaker or phrase)})))
        yield q, [(c, features(facts, c, ctx, previous, counts, max_count)) for c in options]
        proposed = next((c.name for c in cands if _matches_key(c, facts.proposal_key)), None)
        previous = proposed or previous


def mention_kind(quote: Quote) -> str:
    """How the rules named the speaker: by name, by a pronoun or role noun, by continuing, or otherwise."""
    mention = (quote.speaker_mention or "").strip()
    if not mention:
        return "continuation" if quote.speaker else "none"
    if not quote.speaker and INDEFINITE_RE.match(mention):
        return "indefinite"
    if quote.speaker == mention and _legislation(mention):
        return "indefinite"  # "conform textului de lege": what a law says is no one's statement
    first = mention.split()[0].lower()
    if first in PRONOUNS or first in ROLE_LEMMA or first in ROLE_MODIFIERS:
        return "reference"
    return "name" if mention[0].isupper() else "phrase"


_LEGISLATION_RE = re.compile(r"^(?:legea|legii|ordonanța|ordonanței|regulamentul|regulamentului|codul|codului)\b"
                             r"|\bde lege\b", re.IGNORECASE)


def _legislation(mention: str) -> bool:
    return bool(_LEGISLATION_RE.search(mention))


def _head(mention: str) -> str:
    """"Avocații lui X" names a group, "Președintele X" a role: X is whom they belong to, not the speaker."""
    first = mention.split(" ")[0].lower() if mention else ""
    if first in GROUP_NOUNS:
        return "group"
    return "role" if first in ROLE_LEMMA and ROLE_LEMMA[first] not in ORG_ROLES else "name"


def _mention_gender(mention: str | None) -> str | None:
    if not mention:
        return None
    first = mention.split()[0].lower()
    return pronoun_gender(first) or FEMININE_ROLE_FORMS.get(first)


def _reporting(cue: str | None) -> bool:
    """Verbs and prepositions by which an outlet reports what someone else said ("scrie Reuters")."""
    return bool(cue) and bool(REPORTING_CUE_RE.fullmatch(cue.strip()))


def choose_speakers(quotes: tuple[Quote, ...], entities: tuple[Entity, ...], ctx: Context,
                    answers: frozenset[int] = frozenset(), model: Model | None = None
                    ) -> tuple[tuple[Quote, ...], tuple[Entity, ...]]:
    """Every quote's speaker re-decided over the candidates; speakers the recogniser missed join the entities."""
    model = model or load_model()
    chosen: list[tuple[Quote, Candidate | None, float]] = []
    for q, rows in candidate_rows(quotes, entities, ctx, answers):
        if mention_kind(q) == "indefinite":
            chosen.append((q, None, 0.0))  # "a declarat un oficial", "o sursă": the text does not say who
            continue
        # "el a spus", "tânăra a afirmat": a pronoun or role of one gender never names a person of the other
        scored = [(model.probability(values), c) for c, values in rows if not values["gender_conflict"]]
        prob, best = max(scored, key=lambda pc: pc[0], default=(0.0, None))
        if best is None or prob < model.threshold:
            # No one is likely enough: the group the text itself names, if any, else nobody.
            described = [(p, c) for p, c in scored if c.type == DESCRIPTION]
            prob, best = described[0] if described else (prob, None)
        chosen.append((q, best, prob))
    entities = _with_speakers(entities, [c for _, c, _ in chosen if c is not None and c.type != DESCRIPTION], ctx)
    index = {e.name: k for k, e in enumerate(entities) if e.type in SPEAKER_TYPES}
    out = []
    for q, cand, prob in chosen:
        if cand is not None and cand.type == DESCRIPTION:
            out.append(replace(q, speaker=cand.name, speaker_kind="description", speaker_entity=None,
                               confidence=round(prob, 2)))
        elif cand is not None:
            out.append(replace(q, speaker=cand.name, speaker_kind="entity", speaker_entity=index[cand.name],
                               confidence=round(prob, 2)))
        else:
            # Below the threshold nobody is named; the confidence stays the best candidate's probability,
            # so these quotes come first in the editors' review queue.
            out.append(replace(q, speaker=None, speaker_kind="unknown", speaker_entity=None,
                               confidence=round(prob, 2)))
    return tuple(out), entities






def _agents(word: str) -> bool:
    """People named by what they do, in the plural: a group even when no list names the trade."""
    return word.endswith(AGENT_PLURAL_ENDINGS) and common_lemma(word) != word


def _group_nominative(word: str) -> str | None:
    """The articled nominative plural of a group noun in the genitive-dative plural ("experților" ->
    "experții", "autorităților" -> "autoritățile"), when it is one; else None."""
    lower = word.lower()
    if not lower.endswith("ilor") or not word[1:].islower():
        return None
    stem = lower[:-3]  # "experți", "autorități"
    for form in (stem + "i", stem[:-1] + "ile"):
        if form in GROUP_NOUNS or _agents(form):
            return word[0] + form[1:]
    return None


def description(phrase: str | None) -> str | None:
    """"Medicii de familie consultați" -> itself: a group headed by a human or collective noun; else None."""
    if not phrase:
        return None
    words = phrase.split()
    if not words or len(words) > _MAX_DESCRIPTION_WORDS:
        return None
    nominative = _group_nominative(words[0])
    if nominative:
        # "potrivit experților", "conform medicilor de familie": the group, named as a subject would be
        words = [nominative, *words[1:]]
        phrase = " ".join(words)
    head = words[0].lower()
    # "guvernul", "ministerul", "poliția": an institution the text names only by its common noun is a
    # collective speaker too; capitalised, it is a name the recogniser answers for.
    # Only in the nominative ("potrivit agenției", "postului de televiziune X" are sources, not subjects), and
    # only when no name follows ("grupul chimic Xyz" is Xyz, the recogniser's).
    # A plural is never an institution's name, capitalised or not ("Posturile de știri locale").
    plural = head.endswith(PLURAL_ARTICLE_ENDINGS)
    institution = ((words[0].islower() or plural) and not head.endswith(OBLIQUE_ENDINGS)
                   and (ROLE_LEMMA.get(head) in ORG_ROLES or common_lemma(head) in ORGANIZATION_HEAD_NOUNS)
                   and not any(w[:1].isupper() for w in words[1:]) and words[-1].lower() not in LOWERCASE_IN_NAMES)
    if head not in GROUP_NOUNS and not institution and not _agents(head):
        return None
    if words[0][0].isupper() and (len(words) > 1 and words[1][0].isupper() or _institution(phrase) and not plural
                                  or common_lemma(head) in ORGANIZATION_HEAD_NOUNS
                                  and any(w[:1].isupper() for w in words[2:])):
        # "Comisia Europeană", "Poliția germană", "Organizația pentru Cooperare Economică": an institution, named
        return None
    return phrase[0].lower() + phrase[1:] if not words[0].isupper() else phrase


def _with_speakers(entities: tuple[Entity, ...], chosen: list[Candidate], ctx: Context) -> tuple[Entity, ...]:
    retyped = {c.name: c.type for c in chosen}
    # A place the speaker choice read as a person or an institution ("_misread_place") changes type with it.
    entities = tuple(replace(e, type=retyped[e.name]) if e.type == "PLACE" and e.name in retyped else e
                     for e in entities)
    known = {e.name for e in entities}
    extra = []
    for cand in chosen:
        if cand.name in known:
            continue
        known.add(cand.name)
        mentions = tuple(Mention(q, s, e, ctx.texts[q][s:e]) for q, s, e in cand.positions)
        extra.append(Entity(cand.name, cand.type, mentions))
    return entities + tuple(extra)


def _has_offset_within(positions: list[tuple], paragraph: int, low: float, high: float) -> bool:
    """Whether a sorted (paragraph, offset, ...) list has an offset in [low, high] in that paragraph."""
    i = bisect.bisect_left(positions, (paragraph, low))
    return i < len(positions) and positions[i][0] == paragraph and positions[i][1] <= high


def _in_paragraph(positions: list[tuple[int, int, int]], paragraph: int) -> list[tuple[int, int, int]]:
    """The sorted positions in one paragraph, found by bisection: a long article has thousands per candidate."""
    return positions[bisect.bisect_left(positions, (paragraph,)) : bisect.bisect_left(positions, (paragraph + 1,))]


def _names_in(cand: Candidate, phrase_key: str) -> bool:
    """"Oficialii ASF", "reprezentanții Alianței X": the group belongs to this organisation."""
    if not phrase_key:
        return False
    padded = f" {phrase_key} "
    return any(len(k) > 1 and f" {k} " in padded for k in cand.keys)


def _outside(ctx: Context, m: Mention) -> bool:
    return m.paragraph < len(ctx.masked) and m.start < len(ctx.masked[m.paragraph]) \
        and ctx.masked[m.paragraph][m.start] != MASK_CHAR


def _find(ctx: Context, name: str):
    pattern = re.compile(rf"(?<![\w.]){re.escape(name)}(?!\w)")
    for p, text in enumerate(ctx.texts):
        for m in pattern.finditer(text):
            if ctx.masked[p][m.start()] != MASK_CHAR or m.start() == 0:
                yield p, m.start(), m.end()


def _sentence_of(ctx: Context, p: int, pos: int) -> tuple[int, int]:
    for a, b in ctx.sentences[p]:
        if a <= pos <= b:
            return a, b
    return 0, len(ctx.texts[p])
