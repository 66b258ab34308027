"""Recognising names in Romanian text: capitalised runs, people vs institutions, noun phrases, gender.

Pure string helpers with no article state; ``speakers.SpeakerIndex`` builds on them.
"""

from __future__ import annotations

import re

from .lemmas import common_lemma, is_common_word
from .lexicon import (
    ADVERBS,
    APPOSITION_ROLES,
    ARTICLED_NOUN_ENDINGS,
    COMPLEMENT_ENDINGS,
    FEMININE_PRONOUNS,
    FOREIGN_TITLES,
    GENITIVE_ENDINGS,
    LEADING_CONNECTOR_RE,
    MALE_NAMES_IN_A,
    MASCULINE_PRONOUNS,
    NAME_PARTICLES,
    NON_PERSON_WORDS,
    NUMBERED_UNITS,
    OBLIQUE_SINGULAR_ENDINGS,
    ORGANIZATION_HEAD_NOUNS,
    PROPER_GENITIVE_ENDINGS,
    ROLE_LEMMA,
    ROLE_MODIFIERS,
    SENTENCE_CONNECTIVES,
    TITLE_ENDINGS,
    VERBISH_RE,
)

_UPPER = "A-ZĂÂÎȘȚŞŢÁÉÍÓÚÖÜŐŰÇČĆŠŽŁŃŚŹŻÑ"
_NAME_TOKEN = rf"[{_UPPER}][\w'’]*(?:-[\w'’]+)*"
# A person's name: 2-4 capitalised tokens separated by single spaces ("Kim Jong-un", "Sorin Cârțu").
NAME_SEQ_RE = re.compile(rf"(?<![\w-]){_NAME_TOKEN}(?: {_NAME_TOKEN})*")
# An organisation's name may have lowercase connectors inside ("Federația Națională a Patronatelor ... din România").
# Units named by a number ("ALFA Sector 4", "Primăria Sectorului 3"): the number belongs to the name.
# Each form in a lookbehind of its own (fixed width), without its first letter, which may be a capital.
_UNIT_NUMBER = ("(?:" + "|".join(f"(?<={unit[1:]}{ending})" for unit in sorted(NUMBERED_UNITS)
                                  for ending in ("", "ul", "ului")) + r") \d{1,3}(?![\w%]|[.,]\d)")
ORG_SEQ_RE = re.compile(
    rf"(?<![\w-]){_NAME_TOKEN}(?:(?: (?:de|din|a|al|ale|ai|și|pentru|la|du|von|van|der|bin))* {_NAME_TOKEN}"
    rf"|\s\([A-Z]{{2,}}\)|{_UNIT_NUMBER})*"
)


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
    while len(tokens) > 2 and tokens[0].lower().endswith(GENITIVE_ENDINGS):
        tokens = tokens[1:]
    return " ".join(tokens)


# Genitive and plural endings of a role's complement ("Energiei", "Cercetării", "Afacerilor Externe") and of a
# proper noun in the genitive ("Americii" in "pentru Vocea Americii Ion Pop").
_EDGE_PUNCTUATION = ",.;:!?\"„”“«»()[]"


def _is_role_token(token: str) -> bool:
    """``ministrul``, ``Președintele``, ``CEO``, ``President``, ``Sir``: a role or title, in any case."""
    lower = token.lower().strip(".")
    if lower in ROLE_LEMMA or lower in FOREIGN_TITLES or lower in APPOSITION_ROLES:
        return True
    return lower.endswith(TITLE_ENDINGS) and is_common_word(token) and common_lemma(token) in APPOSITION_ROLES


def _is_department_token(token: str) -> bool:
    """A capitalised common noun or adjective in the genitive or plural (``Energiei``, ``Externe``): a role's
    complement, never a first name (``Maria``)."""
    lower = token.lower()
    return is_common_word(token) and common_lemma(token) != lower and lower.endswith(COMPLEMENT_ENDINGS)


def _is_name_token(token: str) -> bool:
    return token[:1].isupper() and any(c.isalpha() for c in token) and not is_acronym(token)


def opens_with_a_bare_role(name: str) -> bool:
    """Two capitalised words, the first a Romanian role noun in its bare form (``Expert Forum``): a title before
    a person's name takes the article (``expertul Ion Pop``; ``Papa`` is articulated), so this is a name as a
    whole, an organisation's. English titles are bare (``President Ion Pop``) and stay titles."""
    words = name.split()
    if len(words) != 2:
        return False
    first, second = words
    lower = first.lower()
    return (first[:1].isupper() and second[:1].isupper() and lower not in FOREIGN_TITLES
            and common_lemma(lower) == lower and lower in APPOSITION_ROLES)


def clean_person_name(name: str) -> str | None:
    """A person's name without what a tagger or a rule glued before it; None when nothing name-like remains.

        clean_person_name("Externe Ion Popescu") -> "Ion Popescu"      (the role's complement)
        clean_person_name("ministrul Energiei Ana Pop") -> "Ana Pop"
        clean_person_name("Iar Ion Pop") -> "Ion Pop"                  (a sentence connective)
        clean_person_name("President Ion Pop") -> "Ion Pop"
        clean_person_name("Formula 1 Ion Pop") -> "Ion Pop"            (what a number ends)
        clean_person_name("pentru Radio Alfa Ion Pop") stays: a name may be three words
        clean_person_name("Vocea Ardealului Ion Pop") -> "Ion Pop"     (a genitive ends the words before it)
        clean_person_name("ministrul Energiei") -> None

    The result is always the end of ``name`` (words are only taken off the front, spaces kept as written), so a
    caller can find its offset. Shared by the entity path (``spans.trimmed_mention``) and the speaker path
    (``speaker_choice.candidates``). Two words of a name always stay, except a connective or a title.
    """
    words = [w for w in name.split() if w.strip(_EDGE_PUNCTUATION)]
    if not words:
        return None
    if opens_with_a_bare_role(name):
        return name.strip()  # "Expert Forum" is not "Forum"
    k = 0
    while k < len(words) - 1:
        word = words[k].strip(_EDGE_PUNCTUATION)
        lower = word.lower()
        rest = sum(w.lower() not in NAME_PARTICLES for w in words[k + 1 :])  # "Le Pen" is one name word
        if not word[:1].isupper() or lower in SENTENCE_CONNECTIVES or lower in ROLE_MODIFIERS or _is_role_token(word):
            k += 1  # "lui", "ministrul", "Iar", "fostul", "President"
        elif rest >= 2 and (_is_department_token(word) or is_acronym(word) or k and words[k - 1].islower()
                            and is_common_word(word)):
            k += 1  # "Energiei Ion Pop", "CNVM Ion Pop", "(Camera) de Comerț Ion Pop"
        else:
            break
    # A number, a title or a proper noun in the genitive ends a phrase that is not the name ("Formula 1 Ion Pop",
    # "Serbian President Ion Pop"): two capitalised words after it are the name.
    for j in range(len(words) - 3, k - 1, -1):
        word = words[j].strip(_EDGE_PUNCTUATION)
        ends = word.isdigit() or _is_role_token(word) or word[:1].isupper() and word.lower().endswith(
            PROPER_GENITIVE_ENDINGS)
        if ends and all(_is_name_token(w) for w in words[j + 1 :]):
            k = j + 1
            break
    kept = words[k:]
    if k and len(kept) == 1 and kept[0].lower().endswith(OBLIQUE_SINGULAR_ENDINGS):
        return None  # "Mama Mirabelei", "ministrul Sănătății": the person is the noun's, named by a genitive
    if k and kept[0].lower().endswith(ARTICLED_NOUN_ENDINGS) and all(is_common_word(w) for w in kept):
        return None  # "Director Biroul", "Codului Rutier": common nouns left after a role, no name
    if not any(_is_name_token(w.strip(_EDGE_PUNCTUATION)) and not _is_role_token(w.strip(_EDGE_PUNCTUATION))
               and not _is_department_token(w.strip(_EDGE_PUNCTUATION)) for w in kept):
        return None
    if k == 0:
        return name.strip()
    return name[_nth_word_start(name, k) :].strip()


def nominative_first_names(first: str) -> list[str]:
    """Nominatives a first name in the genitive-dative may come from: ``Simonei`` -> ``Simona``, ``Simone``;
    ``Andreei`` -> ``Andreea``; ``Mariei`` -> ``Maria``."""
    lower = first.lower()
    if lower.endswith("eei"):
        return [first[:-1] + "a"]
    if lower.endswith("iei"):
        return [first[:-1], first[:-2] + "a"]
    if lower.endswith("ei") and len(first) > 4:
        return [first[:-2] + "a", first[:-2] + "e", first[:-2]]
    return []


def _nth_word_start(text: str, n: int) -> int:
    """Offset of the n-th (0-based) word of ``text`` that is not bare punctuation."""
    count = 0
    for m in re.finditer(r"\S+", text):
        if not m.group().strip(_EDGE_PUNCTUATION):
            continue
        if count == n:
            return m.start()
        count += 1
    return len(text)


def plausible_person(name: str) -> bool:
    """Veto NER mistakes: "Premierul", "France Presse" and lowercase spans are not people."""
    tokens = name.split()
    if not tokens or not all(t[0].isupper() for t in tokens if t.lower() not in NAME_PARTICLES):
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


# The time stamp opening an entry of a live blog: "UPDATE 00:00", "Actualizare 14.30", "ora 9:15".
_LIVE_UPDATE_RE = re.compile(
    r"^(?:(?:update|actualizare|ora)\s+)?\d{1,2}[:.]\d{2}\b[\s,:–—-]*|^(?:update|actualizare)\b[\s,:–—-]*",
    re.IGNORECASE,
)


def clean_np(np: str) -> str:
    """Trim connectors, adverbs and punctuation around a noun phrase."""
    np = _LIVE_UPDATE_RE.sub("", np.strip(" ,.;:–—-\"„”“«»"))
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
