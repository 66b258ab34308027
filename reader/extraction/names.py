"""Recognising names in Romanian text: capitalised runs, people vs institutions, noun phrases, gender.

Pure string helpers with no article state; ``speakers.SpeakerIndex`` builds on them.
"""

from __future__ import annotations

import re

from .lemmas import common_lemma
from .lexicon import (
    ADVERBS,
    FEMININE_PRONOUNS,
    LEADING_CONNECTOR_RE,
    MALE_NAMES_IN_A,
    MASCULINE_PRONOUNS,
    NON_PERSON_WORDS,
    ORGANIZATION_HEAD_NOUNS,
    ROLE_LEMMA,
    ROLE_MODIFIERS,
    VERBISH_RE,
)

_UPPER = "A-ZĂÂÎȘȚŞŢÁÉÍÓÚÖÜŐŰÇČĆŠŽŁŃŚŹŻÑ"
_NAME_TOKEN = rf"[{_UPPER}][\w'’]*(?:-[\w'’]+)*"
# A person's name: 2-4 capitalised tokens separated by single spaces ("Kim Jong-un", "Sorin Cârțu").
NAME_SEQ_RE = re.compile(rf"(?<![\w-]){_NAME_TOKEN}(?: {_NAME_TOKEN})*")
# An organisation's name may have lowercase connectors inside ("Federația Națională a Patronatelor ... din România").
ORG_SEQ_RE = re.compile(
    rf"(?<![\w-]){_NAME_TOKEN}(?:(?: (?:de|din|a|al|ale|ai|și|pentru|la|du|von|van|der|bin))* {_NAME_TOKEN}"
    rf"|\s\([A-Z]{{2,}}\))*"
)
_PARTICLES = frozenset("de van von der da di la le bin al".split())
_GENITIVE_ENDINGS = ("ului", "ilor", "elor", "iei", "ii", "ței", "ției", "alei")


def is_capitalised(token: str) -> bool:
    return bool(token) and token[0].isupper()


def is_acronym(token: str) -> bool:
    letters = [c for c in token if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _heads_an_institution(token: str) -> bool:
    """``Casa`` (Albă), ``Direcției`` (Agricole), ``Clubul``: a word that names organisations, in any form."""
    return len(token) > 2 and token[:1].isupper() and common_lemma(token) in ORGANIZATION_HEAD_NOUNS


def looks_like_person(name: str) -> bool:
    """Fallback test when no entity says so: 2-4 capitalised words, none an institution/place word."""
    tokens = name.split()
    if not 2 <= len(tokens) <= 4:
        return False
    for tok in tokens:
        key = tok.lower()
        if len(tok) < 2 or is_acronym(tok) or key in NON_PERSON_WORDS or key in ROLE_LEMMA:
            return False
        if _heads_an_institution(tok):
            return False
    return True


def strip_role_prefix(name: str) -> str:
    """"Președintele Vladimir Putin" -> "Vladimir Putin" (a sentence-initial role noun is capitalised)."""
    tokens = name.split()
    while tokens and tokens[0].lower() in ROLE_LEMMA:
        tokens = tokens[1:]
    # "Educației Ligia Deca" (after "ministrul"): a genitive complement is not part of the name.
    while len(tokens) > 2 and tokens[0].lower().endswith(_GENITIVE_ENDINGS):
        tokens = tokens[1:]
    return " ".join(tokens)


def plausible_person(name: str) -> bool:
    """Veto NER mistakes: "Premierul", "France Presse" and lowercase spans are not people."""
    tokens = name.split()
    if not tokens or not all(t[0].isupper() for t in tokens if t.lower() not in _PARTICLES):
        return False
    return not any(t.lower() in NON_PERSON_WORDS or t.lower() in ROLE_LEMMA or _heads_an_institution(t) for t in tokens)


def nominative_org(name: str) -> str:
    """"Ministerului Sănătății" -> "Ministerul Sănătății": only the head of an institution's name is inflected."""
    tokens = name.split()
    if len(tokens) < 2 or tokens[0].lower() not in ROLE_LEMMA and tokens[0].lower() not in NON_PERSON_WORDS:
        return name
    head, rest = tokens[0], tokens[1:]
    if head.endswith("ului"):
        head = head[:-2]
    elif head.endswith("ei") and not head.endswith("lei"):
        head = head[:-2] + "a"
        k = 0  # feminine adjectives agree: "Comisiei Europene" -> "Comisia Europeană"
        while k < len(rest) and rest[k][0].isupper() and rest[k].endswith("e") and not is_acronym(rest[k]):
            rest[k] = rest[k][:-3] + "eană" if rest[k].endswith("ene") else rest[k][:-1] + "ă"
            k += 1
    return " ".join([head, *rest])


def pronoun_gender(word: str) -> str | None:
    word = word.lower()
    return "f" if word in FEMININE_PRONOUNS else "m" if word in MASCULINE_PRONOUNS else None


def name_gender(name: str) -> str | None:
    """Gender guessed from a Romanian first name ("Maria Pop" -> "f"); None for a bare surname."""
    tokens = name.split()
    if len(tokens) < 2:
        return None
    first = tokens[0].lower()
    return "f" if first.endswith("a") and first not in MALE_NAMES_IN_A else "m"


def person_in_role_phrase(rest: str) -> str | None:
    """The person named right after a role noun, maybe after a party acronym: "PNL Ion Pop" -> "Ion Pop"."""
    tokens = rest.split()
    for _ in range(3):  # "PNL Ion Pop", "israelian Benjamin Netanyahu", "general Ion Pop"
        if tokens and (is_acronym(tokens[0]) or tokens[0].islower()):
            tokens = tokens[1:]
    text = " ".join(tokens)
    m = NAME_SEQ_RE.match(text)
    if not m:
        return None
    name = strip_role_prefix(m.group(0))
    return name if name and text.startswith(m.group(0)) else None


def clean_np(np: str) -> str:
    """Trim connectors, adverbs and punctuation around a noun phrase."""
    np = LEADING_CONNECTOR_RE.sub("", np.strip(" ,.;:–—-\"„”“«»")).strip(" ,")
    tokens = np.split()
    while tokens and (tokens[0].lower().strip(",") in ADVERBS or tokens[0].lower() in ROLE_MODIFIERS):
        tokens = tokens[1:]
    return " ".join(tokens).strip(" ,.;:")


def leading_name(text: str) -> str | None:
    """The capitalised name a phrase starts with, role noun stripped ("Președintele rus" -> None)."""
    m = NAME_SEQ_RE.match(text.strip())
    if not m:
        return None
    name = strip_role_prefix(m.group(0))
    if not name:
        return None
    if " " not in name and name.lower() in NON_PERSON_WORDS:
        return None
    return name


def is_np(segment: str) -> bool:
    """A comma-separated segment that reads as a noun phrase (could be a subject), not a clause."""
    seg = clean_np(segment)
    if not seg or len(seg.split()) > 14:
        return False
    return not VERBISH_RE.search(seg)
