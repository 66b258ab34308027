"""Entity mentions in one article: the model's spans, tidied, plus the uses of the same names it missed.

Every offset is an offset into the cedilla-folded paragraph text, which has the length of ``paragraph.text``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from .canonical import RawMention
from .intervals import Spans
from .lemmas import common_lemma, is_acronym, is_common_word, nominative
from .lexicon import (
    ABSTRACT_HEAD_NOUNS,
    APPOSITION_ROLES,
    COMPLEMENT_ENDINGS,
    DEITY_NAMES,
    ENGLISH_EVENT_HEADS,
    EVENT_HEAD_NOUNS,
    FOREIGN_FUNCTION_WORDS,
    GENITIVE_ENDINGS,
    HONORIFIC_INITIALS,
    HONORIFICS,
    NOT_HEAD_MODIFIERS,
    NUMBERED_UNITS,
    OBLIQUE_SINGULAR_ENDINGS,
    ORDINAL_WORDS,
    ORG_ROLES,
    ORGANIZATION_HEAD_NOUNS,
    ORGANIZATION_NAME_WORDS,
    PAGE_WORDS,
    PARTICIPLE_ENDINGS,
    PLACE_HEAD_NOUNS,
    POSSESSIVES,
    PREPOSITIONS,
    REPORTING_CUE_RE,
    ROLE_LEMMA,
    ROLE_LINK_WORDS,
    ROLE_MODIFIERS,
    ROLE_TO_ORGANISATION_LINKS,
    SETTLEMENT_TITLES,
    TITLE_ENDINGS,
)
from .names import NAME_PARTICLES, clean_person_name, looks_like_person, opens_with_a_bare_role
from .ner.model import name_heads
from .ner.ronec import APP_LABELS
from .normalize import char_key, fold, match_key

if TYPE_CHECKING:  # spaCy is imported where the model loads, not by every command that imports this
    from spacy.tokens import Doc

# The model keeps RONEC's FACILITY apart (it helps it tell buildings from institutions). Buildings, stadiums
# and airports ("Arena Națională", "Palatul Victoria") are neither places nor organisations: they stay
# FACILITY in the extraction and in the sidebar ("Clădiri și construcții").
_LISTED_LABELS = frozenset((*APP_LABELS, "FACILITY"))
_EDGE_OPEN = "„\"“”«»‹›'‘’([{-–—/"
_EDGE_CLOSE = "„\"“”«»‹›'‘’)]}.,;:!?-–—/"
_SENTENCE_END = (".", "!", "?", ":", "„", '"', "“", "«", "—", "–", "-")
OPENING_QUOTES = frozenset('„"“«‚')
CLOSING_QUOTES = frozenset('”"“»’')
_DANGLING_END_RE = re.compile(r"(?:\s+(?:de|din|al|a|ale|ai|și|la|cu|pe|în|[„«‚(]))+\s*$")
_DEFINED_ACRONYM_RE = re.compile(r"\s?\([A-ZĂÂÎȘȚ][A-ZĂÂÎȘȚ0-9&.-]{1,9}\)")
# RONEC v2 marks "domnul Ion Popescu", "dna Ana Pop" whole (v1 left the honorific out).
_HONORIFIC_BEFORE_RE = re.compile(
    r"(?<![\w.-])(?:" + "|".join(re.escape(h) for h in sorted(HONORIFICS, key=len, reverse=True)) + r") $", re.I
)
# ", directorul", ", CEO" right after a person's name, and the word after it (a name there means a list of
# people: "Traian Băsescu, premierul Călin Popescu-Tăriceanu").
_APPOSITION_AFTER_RE = re.compile(r",[ \t]*([\w-]+)(?:[ \t]+([\w.-]+))?")
_WORD_RE = re.compile(r"\S+")
_CAPITALISED_RE = re.compile(r"(?<![\w-])[A-ZĂÂÎȘȚ][\w-]+")
# Inside a model span these end the name: an apposition, a bracket, a quote, a dash, a standalone symbol
# ("Olimpia + 2": a sum, a list), or a genitive linker before an acronym ("Facultatea de Horticultură al USAMV"
# names two organisations). "&" joins names ("Procter & Gamble") and stays.
_INNER_BREAK_RE = re.compile(
    r"[,;()\[\]„”“\"«»]|\s[-–—]\s|\s[+=|•*~<>]+(?=\s|$)|\s(?:al|a|ale)\s(?=[A-ZĂÂÎȘȚ]{2,}\b)")
# A number that follows a name without being part of it: a regulation's number after its issuer, a score glued
# on by a comma. Addresses keep theirs ("strada Daliei nr. 11" is one place in RONEC).
_REFERENCE_RE = re.compile(r"\s(?:nr|Nr|NR)\.?\s*\d|,(?=\d)")
# Foreign name particles: "Ursula von der Leyen", "Mohammed bin Salman". The model often keeps only the tail.
_PARTICLES_BEFORE_RE = re.compile(
    r"[A-ZĂÂÎȘȚ][\w-]+(?:\s+(?:von|van|der|den|di|del|della|da|dos|das|du|bin|ibn|al|el|ter|zu))+\s+$"
)
# Masculine articulated forms of common nouns open RONEC person spans as titles: "Ministrul Ion Popescu".
# News outlets cited by their web address ("potrivit digi24.ro") are organisations the model never saw.
_DOMAIN_RE = re.compile(r"(?<![\w@/.-])(?:www\.)?[a-z0-9][a-z0-9-]*\.(?:ro|com|md|net|org|eu|info|tv|fm)(?![\w-]|\.\w)")
# The same inside a model's span, capitalised ("Știrileprotv.ro", "Observatornews.ro PODCASTURI").
_DOMAIN_IN_SPAN_RE = re.compile(
    r"(?<![\w@/.-])(?:www\.)?[^\W_][\w-]*\.(?:ro|com|md|net|org|eu|info|tv|fm)(?![\w-]|\.\w)", re.I)




# Institutions the model sometimes calls buildings ("unitățile Armatei Roșii"); RONEC v2 makes them organisations.


def model_spans(doc: Doc) -> Iterator[tuple[int, int, str]]:
    """The model's spans of the types the app lists (RONEC v2 keeps ``X din Y`` as two names, and so do we)."""
    for ent in doc.ents:
        if ent.label_ not in _LISTED_LABELS:
            continue
        label = ent.label_
        if label == "FACILITY" and any(common_lemma(t.text) in ORGANIZATION_HEAD_NOUNS for t in ent if t.is_title):
            label = "ORGANIZATION"
        yield ent.start_char, ent.end_char, label


def trimmed_mention(index: int, original: str, text: str, start: int, end: int, label: str) -> RawMention | None:
    """Cut quotes, punctuation, titles and lowercase words off the span edges (``lui Kim``, ``regiunea Kursk``).

    The model's whole span stays as the mention's ``phrase`` (what a reader sees highlighted).
    """
    if domain := _DOMAIN_IN_SPAN_RE.search(text, start, end):
        # a site's address is the outlet, whatever the model typed and whatever page words it took with it
        return RawMention(index, domain.start(), domain.end(), original[domain.start() : domain.end()], "ORGANIZATION")
    if reference := _REFERENCE_RE.search(text, start, end):
        if label != "PLACE" or reference.group().startswith(","):
            end = reference.start()  # "Băncii Naționale a României nr. 3/2009", "Belarus,3-0"
    start, end = _one_sentence(text, start, end)
    span_start, span_end = start, end
    end = _cut_at_punctuation(text, start, end)
    words = [_strip_edges(text, m.start() + start, m.end() + start) for m in _WORD_RE.finditer(text[start:end])]
    words = [(s, e) for s, e in words if e > s]
    if words and text[words[0][0] : words[0][1]].lower() in PAGE_WORDS and text[words[0][1] : words[0][1] + 1] == ":":
        return None  # "Foto: Agenția Y": a picture's credit, not a name the article speaks of
    while len(words) > 1 and text[words[0][0] : words[0][1]].lower() in PAGE_WORDS:
        words.pop(0)  # "VIDEO Ion Pop": the page's label before a headline
        span_start = words[0][0]
    page = next((k for k, (s, e) in enumerate(words) if k and text[s:e].lower().rstrip(":") in PAGE_WORDS), None)
    if page is not None:
        # "X Etichete", "X FOTO", "Croația Foto: Agenția Y Deschide galeria": the page's words after the name
        words = words[:page]
        span_end = words[-1][1]
    if label != "PERSON" and (joined := _role_joined_at(text, words)):
        words = words[:joined]  # "Alfa Investments și Manager de Portofoliu al ...": a role joined after the name
        span_end = words[-1][1]
    written = len(words)
    if _is_quoted_foreign_title(text, words):
        return None  # "„Lord of War”": a film's or a book's title, not an organisation
    if label == "PERSON" and (initials := _honorific_initials(text, words)):
        words = words[initials:]  # "E. S. Ion Pop", "Î.P.S. Teofan": the honorific stays in the phrase
    if label != "PERSON" and len(words) > 1 and _opens_sentence(text, words[0][0]) and not _name_head(text, words[0]):
        words.pop(0)  # "Reacția Casei Albe" opening a headline: the name is "Casei Albe"
    while label == "PERSON" and len(words) > 1 and _is_title(text[words[0][0] : words[0][1]]):
        words.pop(0)
    if label == "ORGANIZATION" and _ROLE_LINK_BEFORE_RE.search(text, max(0, start - 40), start):
        role = _ROLE_LINK_BEFORE_RE.search(text, max(0, start - 40), start).group(1)
        kept = _without_department(text, words)
        if kept is not words and _is_person_role(role) and not any(
                is_common_word(text[s:e]) or text[s:e].isupper() for s, e in kept):
            words, span_start, label = kept, kept[0][0], "PERSON"  # "comisarul ANRE Dana Vlad"
    while label != "PERSON" and len(words) > 1 and _is_role_word(text[words[0][0] : words[0][1]]):
        words.pop(0)  # "CEO Alfa Bank", "CEO al Alfa Bank"
        while len(words) > 1 and text[words[0][0] : words[0][1]] in ROLE_TO_ORGANISATION_LINKS:
            words.pop(0)
        span_start = words[0][0]
    while len(words) > 1 and _restated_in_capitals(text, words):
        words.pop(0)  # "LEAGUE Premier League": the tail of a headline in capitals, then the name as written
        span_start = words[0][0]
    if label != "PERSON" and len(words) == 1 < written and is_common_word(text[words[0][0] : words[0][1]]):
        return None  # "Primarul Sector": a title and a common noun, no name
    while words and not _starts_name(text[words[0][0] : words[0][1]]):
        words.pop(0)
    while words and not _starts_name(text[words[-1][0] : words[-1][1]]):
        words.pop()
    if not words:
        return None
    if label != "PERSON" and len(words) == 1 < written and is_common_word(text[words[0][0] : words[0][1]]):
        return None  # "Spitalul de urgență": a common noun and its description, no name
    if label != "PERSON" and (person := _person_after_number(text, words)):
        words, span_start, label = person, person[0][0], "PERSON"  # "în Formula 1 Ion Pop": the sport, then him
    if label == "PERSON" and (kept := _without_department(text, words)) is not words:
        words, span_start = kept, kept[0][0]  # "Energiei Ion Pop", "CNVM Ion Pop": the role's complement
    if label != "PERSON" and (number := _NUMBERED_UNIT_RE.match(text, words[-1][1])) and \
            common_lemma(text[words[-1][0]:words[-1][1]]) in NUMBERED_UNITS:
        words = [*words, (number.start(1), number.end(1))]  # "ALFA Sector 4": the sector is named by its number
        span_end = max(span_end, number.end(1))
    start, end = words[0][0], words[-1][1]
    if label == "PERSON" and opens_with_a_bare_role(text[words[0][0] : words[-1][1]]):
        label = "ORGANIZATION"  # "Expert Forum", "Avocat Net": a role noun without its article opens no person
    if label == "PERSON":
        cleaned = clean_person_name(text[start:end])  # "Iar Ion Pop", "Formula 1 Ion Pop", "Mama Anei"
        if cleaned is None or any(c.isdigit() for c in cleaned) or cleaned.lower() in DEITY_NAMES:
            return None  # "Primarul Sector 1": a person's name has no number; "Dumnezeu"
        if len(cleaned) < end - start:
            start = span_start = end - len(cleaned)
    if is_common_word_at_sentence_start(text, start, text[start:end]):
        return None
    particles = _PARTICLES_BEFORE_RE.search(text, max(0, start - 80), start)
    before = particles.group().split()[0] if particles else ""
    if particles and text[start:end][:1].isupper() and not is_acronym(before) and not is_common_word(before):
        # "Ursula von der Leyen"; not a Romanian genitive ("CEO al Alfa Bank", "Planul al Consiliului")
        start, label = particles.start(), "PERSON"
    outer = _phrase_bounds(text, min(start, span_start), max(end, span_end), label)
    phrase = (*outer, original[outer[0] : outer[1]]) if outer != (start, end) else None
    roles = person_roles(original, start, end) if label == "PERSON" else ()
    name = None
    before = _WORD_RIGHT_BEFORE_RE.search(text, max(0, start - 30), start)
    if label == "ORGANIZATION" and before and ROLE_LEMMA.get(before.group(1).lower()) == "ministru" and \
            text[start:end].split()[0].lower().endswith(GENITIVE_ENDINGS):
        name = f"Ministerul {fold(original[start:end])}"  # "Ministrul Culturii": the ministry is his
    return RawMention(index, start, end, original[start:end], label, name, phrase=phrase, roles=roles)


def _role_joined_at(text: str, words: list[tuple[int, int]]) -> int | None:
    """Where "și" joins a role to a name ("X Investments și Manager de ..."): the name ends before it."""
    for k in range(1, len(words) - 1):
        if text[words[k][0] : words[k][1]] == "și" and _is_person_role(text[words[k + 1][0] : words[k + 1][1]]):
            return k
    return None


def _person_after_number(text: str, words: list[tuple[int, int]]) -> list[tuple[int, int]] | None:
    """The words after a number when they are a person's full name: ``Formula 1 Ion Pop`` names a sport and the
    person in it; a name goes on after its number only as a title (``Apollo 11``) or a team (``Dinamo 1948``)."""
    for k, (s, e) in enumerate(words[:-2]):
        if text[s:e].isdigit():
            rest = words[k + 1:]
            if len(rest) >= 2 and looks_like_person(text[rest[0][0]:rest[-1][1]]):
                return rest
    return None


_NUMBERED_UNIT_RE = re.compile(r"\s+(\d{1,3})(?![\w,.]\d)")
_ROLE_LINK_BEFORE_RE = re.compile(r"(?<![\w-])([\w-]+)(?:\s+(?:al|a|ale|ai|de))?\s+$")
# Words between a role noun and the name it introduces: "ministrul de Externe X", "directorul general al Y X".
_ROLE_STOP_RE = re.compile(r"[.;:!?()„”“\"«»]")
_MAX_ROLE_WORDS = 6


def _is_person_role(word: str) -> bool:
    lemma = ROLE_LEMMA.get(word.lower()) or common_lemma(word)
    return lemma in APPOSITION_ROLES


def person_roles(text: str, start: int, end: int) -> tuple[str, ...]:
    """The role phrases around a person's name: before it (``ministrul de Externe Ion Pop``, ``liderul PSD,
    Ion Pop``) and in an apposition after it (``Ion Pop, directorul general al Transgaz,``)."""
    roles = []
    before = text[max(0, start - 120) : start].rstrip()
    before = before[:-1].rstrip() if before.endswith(",") else before
    cut = max((m.end() for m in _ROLE_STOP_RE.finditer(before)), default=0)
    cut = max(cut, before.rfind(",") + 1)
    words = before[cut:].split()[-_MAX_ROLE_WORDS:]
    for i, word in enumerate(words):
        if _is_person_role(word) and not (i + 1 < len(words) and words[i + 1].lower() in POSSESSIVES):
            i -= i > 0 and words[i - 1].lower() in ROLE_MODIFIERS  # "fostul premier"
            phrase = words[i:]
            while phrase and phrase[-1].lower() in ROLE_LINK_WORDS:
                phrase.pop()
            roles.append(" ".join(phrase))
            break
    after = _APPOSITION_AFTER_RE.match(text, end)
    if after and _is_person_role(after.group(1)):
        rest = text[after.start(1) :]
        stop = min((m.start() for m in re.finditer(r"[,.;:!?()„”“\"«»]", rest)), default=len(rest))
        phrase = rest[:stop].split()[: _MAX_ROLE_WORDS + 2]
        roles.append(" ".join(phrase))
    return tuple(r for r in roles if r)


# A sentence end inside a span: a word of three lowercase letters or more, or a number, then . ! ? and a space
# ("pilonul 2 de pensii. Oficialul"); initials and abbreviations ("J.C. Flowers", "Sf. Gheorghe") do not end one.
_SENTENCE_BREAK_RE = re.compile(r"(?:(?<=[^\W\d_][a-zăâîșț]{2})|(?<=\d))[.!?…]+[\"”»]?\s+")


def _one_sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """A name never crosses a sentence: the part of the span with the most words."""
    pieces, at = [], start
    for m in _SENTENCE_BREAK_RE.finditer(text, start, end):
        pieces.append((at, m.start()))
        at = m.end()
    if not pieces:
        return start, end
    pieces.append((at, end))
    return max(pieces, key=lambda p: (len(text[p[0] : p[1]].split()), -p[0]))


# Genitive and plural endings of a role's complement ("Energiei", "Cercetării", "Afacerilor Externe").


def _is_department_word(word: str) -> bool:
    """A word before a person's name that belongs to the role: an acronym (``CNVM``), a capitalised common noun
    or adjective (``Energiei``, ``Externe``, ``Resurse Umane``) but not a first name (``Maria``)."""
    if is_acronym(word) and "." not in word:
        return True
    inflected = common_lemma(word) != word.lower() and word.lower().endswith(COMPLEMENT_ENDINGS)
    return is_common_word(word) and inflected


def _without_department(text: str, words: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``ministrul Energiei Ion Pop``: the model's person span starts with the role's complement; two
    words (a first name and a surname) always stay. An acronym goes only after a role (``comisarul CNVM X Y``;
    not ``NN Investment Partners``)."""
    role = _ROLE_LINK_BEFORE_RE.search(text, max(0, words[0][0] - 40), words[0][0]) if words else None
    after_role = bool(role) and _is_person_role(role.group(1))
    kept = words
    while _name_words(text, kept[1:]) >= 2 and _is_department_word(word := text[kept[0][0] : kept[0][1]]) and (
            after_role or not is_acronym(word)):
        kept = kept[1:]
    if kept is not words and not all(text[s:e][:1].isupper() for s, e in kept):
        return words  # "Băncii Naționale a României": a genitive phrase, not a role before a name
    return kept


_INITIALS_RE = re.compile(r"(?:[A-ZĂÂÎȘȚ]\.)+")


def _honorific_initials(text: str, words: list[tuple[int, int]]) -> int:
    """How many words at the front are an honorific in initials (``E. S.``, ``Î.P.S.``), a name staying after."""
    letters = ""
    for i, (s, e) in enumerate(words[:-1]):
        token = text[s : e + 1] if text[e : e + 1] == "." else text[s:e]  # the edges lost the last dot
        if not _INITIALS_RE.fullmatch(token):
            break
        letters += token.replace(".", "").lower()
        if letters in HONORIFIC_INITIALS:
            return i + 1
    return 0


def _is_quoted_foreign_title(text: str, words: list[tuple[int, int]]) -> bool:
    """A name in quotation marks with a lowercase English or Spanish function word inside (``„Lord of War”``)."""
    if len(words) < 3 or text[words[0][0] - 1 : words[0][0]] not in OPENING_QUOTES:
        return False
    inner = [text[s:e] for s, e in words[1:-1]]
    return any(w.islower() and w in FOREIGN_FUNCTION_WORDS for w in inner)


def _name_words(text: str, words: list[tuple[int, int]]) -> int:
    """Words of a name that are not particles: ``Le Pen`` is one, ``Ana Pop`` two."""
    return sum(text[s:e].lower() not in NAME_PARTICLES for s, e in words)


def _is_role_word(word: str) -> bool:
    lower = word.lower()
    return lower in APPOSITION_ROLES or common_lemma(lower) in APPOSITION_ROLES and lower in ROLE_LEMMA


def _phrase_bounds(text: str, start: int, end: int, label: str) -> tuple[int, int]:
    """The phrase as RONEC v2 marks it: inside its quotation marks (``„Mercure de France”``) with its
    defining acronym (``Comisia Națională de Integritate (CNI)``), never with half a pair of marks."""
    if dangling := _DANGLING_END_RE.search(text, start, end):
        end = dangling.start()  # "Societatea de", "Shakespeare „": the model ran one word too far
    phrase = text[start:end]
    if phrase[:1] in OPENING_QUOTES and not any(c in CLOSING_QUOTES for c in phrase[1:]):
        start += 1
    if phrase[-1:] in CLOSING_QUOTES and not any(c in OPENING_QUOTES for c in phrase[:-1]):
        end -= 1
    if label == "PERSON":
        comma = text.find(",", start, end)
        end = _with_role_apposition(text, end if comma < 0 else comma)
    if label == "PERSON" and (honorific := _HONORIFIC_BEFORE_RE.search(text, max(0, start - 16), start)):
        start = honorific.start()
    if text[start - 1 : start] in OPENING_QUOTES and text[end : end + 1] in CLOSING_QUOTES:
        start, end = start - 1, end + 1
    if text.count("(", start, end) > text.count(")", start, end) and text[end : end + 1] == ")":
        end += 1
    defines = label == "ORGANIZATION" or (label != "PERSON" and " " in text[start:end].strip())
    if defines and (acronym := _DEFINED_ACRONYM_RE.match(text, end)):
        end = acronym.end()
    return start, end


def _with_role_apposition(text: str, end: int) -> int:
    """``Ion Pop, directorul``: RONEC v2 marks a person with one word of an apposition when it is a role (29 of
    34 times in valid-v2), and otherwise stops at the comma (389 of 436 times). ``end`` is where the name ends."""
    m = _APPOSITION_AFTER_RE.match(text, end)
    if not m or common_lemma(m.group(1)) not in APPOSITION_ROLES:
        return end
    after = m.group(2) or ""
    if after[:1].isupper() and not after.isupper() and not is_common_word(after):
        return end  # the role belongs to the next name
    return m.end(1)


def _cut_at_punctuation(text: str, start: int, end: int) -> int:
    """A name stops at an apposition or a bracket: ``Ion Popescu, directorul``, ``Banca Națională (BNR``."""
    cut = _INNER_BREAK_RE.search(text, start + 1, end)
    return cut.start() if cut else end


def _restated_in_capitals(text: str, words: list[tuple[int, int]]) -> bool:
    """The first word is in capitals and the name writes it again in lower case: ``LEAGUE Premier League``."""
    first = text[words[0][0] : words[0][1]]
    return first.isupper() and len(first) > 1 and any(
        match_key(text[s:e]) == match_key(first) and not text[s:e].isupper() for s, e in words[1:])


def _strip_edges(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE_OPEN:
        start += 1
    while end > start and text[end - 1] in _EDGE_CLOSE:
        end -= 1
    return start, end


def _starts_name(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


def _opens_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return not before or before.endswith(_SENTENCE_END)


def _name_head(text: str, span: tuple[int, int]) -> bool:
    """Not a common noun, or one that opens names (``Guvernul``, ``Universitatea``)."""
    word = text[span[0] : span[1]]
    return not is_common_word(word) or common_lemma(word) in name_heads()


def _is_title(word: str) -> bool:
    """``Ministrul``, ``Președintele``; not a first name that is also a word (``Florin``)."""
    return word.lower().endswith(TITLE_ENDINGS) and is_common_word(word) and common_lemma(word) != word.lower()


def is_common_word_at_sentence_start(text: str, start: int, surface: str) -> bool:
    """``Președintele`` opening a sentence is a capitalised common noun, not a name (nor ``Clubul``)."""
    return " " not in surface and _opens_sentence(text, start) and is_common_word(surface)


def domain_mentions(index: int, original: str, text: str) -> Iterator[RawMention]:
    """Web addresses as organisations (``digi24.ro``)."""
    for m in _DOMAIN_RE.finditer(text):
        yield RawMention(index, m.start(), m.end(), original[m.start() : m.end()], "ORGANIZATION")


# "ministrul Bode", "echipei Zorya": the word before a name says what it names.
_ROLE_BEFORE_RE = re.compile(r"(?<![\w-])([a-zăâîșț-]+) $")


def role_before(text: str, start: int) -> str | None:
    """PERSON or ORGANIZATION when the word right before ``start`` is a role (``ministrul``) or an
    organisation noun (``echipei``, ``clubul``)."""
    m = _ROLE_BEFORE_RE.search(text, max(0, start - 30), start)
    lemma = ROLE_LEMMA.get(m.group(1).lower()) if m else None
    if lemma is None:
        return None
    return "ORGANIZATION" if lemma in ORG_ROLES else "PERSON"




def with_role_type(mention: RawMention, text: str) -> RawMention:
    """A one-word name after a role noun takes the type the role gives it (the model wavers on lone names); so
    does a person's name of several words (``Președintele sârb Ion Pop``) that no genitive or common word makes
    the role's complement (``președintele Comisiei Europene``)."""
    if mention.name or mention.text.isupper():
        return mention  # "liderul AUR": an acronym after a role is the organisation the role belongs to
    if " " in mention.text:
        return _with_person_role_before(mention, text)
    if mention.text.endswith(OBLIQUE_SINGULAR_ENDINGS):
        return mention  # "ambasadorul Danemarcii", "antrenorul Craiovei": the name the role belongs to
    label = role_before(text, mention.start)
    return replace(mention, label=label, typed_by_context=True) if label else mention


# A role noun right before a name, or with one adjective between ("președintele sârb Ion Pop").
_PERSON_ROLE_BEFORE_RE = re.compile(r"(?<![\w-])([\w-]+)(?:\s+[a-zăâîșț]+)?\s+$")


def _with_person_role_before(mention: RawMention, text: str) -> RawMention:
    words = mention.text.split()
    if mention.label == "PERSON" or any(not w[:1].isupper() or is_acronym(w) or is_common_word(w)
                                        or w.lower().endswith((*OBLIQUE_SINGULAR_ENDINGS, "ilor")) for w in words):
        return mention
    m = _PERSON_ROLE_BEFORE_RE.search(text, max(0, mention.start - 40), mention.start)
    lemma = ROLE_LEMMA.get(m.group(1).lower()) if m else None
    if lemma is not None and lemma not in ORG_ROLES and _is_person_role(m.group(1)):
        return replace(mention, label="PERSON", typed_by_context=True)
    return mention


# "fondul american de investiții X", "postul de televiziune francez X", "localitatea X": a head noun and up to
# three modifiers (adjectives, "de" + noun) right before a name. Not through "lui", a participle ("condus de X"
# names the leader) or a clause.
_WORDS_BEFORE_RE = re.compile(r"((?:[A-ZĂÂÎȘȚ]?[a-zăâîșț]+(?:-[a-zăâîșț]+)?\s+){1,4})$")
# The article a loanword takes after a hyphen ("site-ul", "show-ului"): the head is the word before it.
_HYPHENATED_ARTICLE_RE = re.compile(r"-(?:ul|ului|urile|urilor|uri|le|lui|a|ei)$")


def head_type(text: str, start: int) -> str | None:
    m = _WORDS_BEFORE_RE.search(text, max(0, start - 60), start)
    words = m.group(1).split() if m else []
    capitalised = [i for i, w in enumerate(words) if w[:1].isupper()]
    if capitalised and not (capitalised == [0] and _opens_sentence(text, m.start(1))):
        words = words[capitalised[-1] + 1 :]  # a capital inside the window is another name ("Guvernul X")
    for i in range(len(words) - 1, -1, -1):
        word = _HYPHENATED_ARTICLE_RE.sub("", words[i]).lower()
        head = word if word in ORGANIZATION_HEAD_NOUNS else common_lemma(word)  # "site", not the lemma "sită"
        label = "ORGANIZATION" if head in ORGANIZATION_HEAD_NOUNS else "PLACE" if head in PLACE_HEAD_NOUNS else None
        if label:
            # "premierului țării Erna Solberg": the name belongs to the role before the head noun
            return None if i and _is_person_role(words[i - 1]) else label
        if words[i] in NOT_HEAD_MODIFIERS or words[i] != "de" and (
                words[i] in PREPOSITIONS or words[i].endswith(PARTICIPLE_ENDINGS)):
            return None
        if _is_person_role(words[i]):
            return None  # "echipa primarului general X": the name is the role's holder, not the team
    return None


_WORD_RIGHT_BEFORE_RE = re.compile(r"(?<![\w-])([^\W\d_]+) $")


def names_an_abstraction(mention: RawMention, text: str) -> bool:
    """``principiul ZET``, ``indicele BET``, ``varianta Omicron``: a one-word name right after a noun of an
    abstraction names a rule, an index or a strain."""
    if mention.name or " " in mention.text:
        return False
    m = _WORD_RIGHT_BEFORE_RE.search(text, max(0, mention.start - 30), mention.start)
    return m is not None and common_lemma(m.group(1)) in ABSTRACT_HEAD_NOUNS


def with_head_type(mention: RawMention, text: str) -> RawMention:
    """A name after an organisation's or a place's head noun takes that type (``firma de avocatură X``)."""
    if mention.name:
        return mention
    after = _APPOSITION_AFTER_RE.match(text, mention.end)
    if mention.label == "PERSON" and after and _is_person_role(after.group(1)):
        return mention  # "a scris într-un ziar Ion Pop, consilier economic": a person, by the role after the name
    title, _, rest = mention.text.partition(" ")
    if mention.label != "PLACE" and rest[:1].isupper() and common_lemma(title) in SETTLEMENT_TITLES:
        return replace(mention, label="PLACE", typed_by_context=True)  # "Municipiului București", however typed
    label = head_type(text, mention.start)
    return replace(mention, label=label, typed_by_context=True) if label else mention


_REPORTED_BY_RE = re.compile(rf"(?<![\w-]){REPORTING_CUE_RE.pattern}\s+$", re.I)


def with_name_word_type(mention: RawMention) -> RawMention:
    """A "person" whose name holds a company's or an outlet's word (``Sky News``, ``Alfa Investments``) is an
    organisation: no one's name has such a word."""
    if mention.name or mention.label != "PERSON" or " " not in mention.text:
        return mention
    if any(w.strip(_EDGE_CLOSE).lower() in ORGANIZATION_NAME_WORDS for w in mention.text.split()[1:]):
        return replace(mention, label="ORGANIZATION", typed_by_context=True)
    return mention


def with_source_type(mention: RawMention, text: str) -> RawMention:
    """``relatează X``, ``potrivit X``, ``citat de X``: a name the article cites as its source is an outlet or an
    agency, not a place, unless it is in the genitive (``potrivit Rusiei``, a state speaking)."""
    if mention.name or mention.label != "PLACE" or mention.text.endswith(OBLIQUE_SINGULAR_ENDINGS):
        return mention
    if _REPORTED_BY_RE.search(text, max(0, mention.start - 30), mention.start):
        return replace(mention, label="ORGANIZATION", typed_by_context=True)
    return mention




def with_event_type(mention: RawMention) -> RawMention:
    """A name headed by an event noun is an EVENT (``Campionatele Europene``, ``Al Doilea Război Mondial``,
    ``Cupa X``, ``Y Arts Festival``): the model sometimes calls them people, places or organisations."""
    if mention.name:
        return mention
    words = [w for w in mention.text.split() if w.lower() not in ORDINAL_WORDS]
    if not words or not words[0][:1].isupper():
        return mention
    if common_lemma(words[0]) in EVENT_HEAD_NOUNS or len(words) > 1 and words[-1].lower() in ENGLISH_EVENT_HEADS:
        return replace(mention, label="EVENT", typed_by_context=True)
    return mention


def missed_mentions(raw: list[RawMention], texts: dict[int, str], originals: dict[int, str]) -> list[RawMention]:
    """Uses of names the model found elsewhere in the article: the same words (a surname alone after the
    full name), or an inflected form of a one-word name (``Germaniei`` after ``Germania``)."""
    forms = _forms_pattern(_known_forms(raw))
    one_word = {(m.label, match_key(m.nominative)) for m in raw if " " not in m.text and m.label != "PERSON"}
    found: list[RawMention] = []
    taken: dict[int, Spans] = defaultdict(Spans)
    for m in raw:
        taken[m.paragraph].add(*m.bounds)

    def free(index: int, start: int, end: int) -> bool:
        return not taken[index].overlaps(start, end)

    def take(index: int, start: int, end: int) -> None:
        taken[index].add(start, end)

    for index, text in texts.items():
        for start, end, label in _form_hits(text, forms):
            if free(index, start, end) and not is_common_word_at_sentence_start(text, start, text[start:end]):
                take(index, start, end)
                found.append(RawMention(index, start, end, originals[index][start:end], label))
        for w in _CAPITALISED_RE.finditer(text):
            label = next((lab for lab in ("PLACE", "ORGANIZATION") if (lab, match_key(nominative(w.group(), lab)))
                          in one_word), None)
            if label and free(index, w.start(), w.end()) and not is_common_word(w.group()):
                take(index, w.start(), w.end())
                found.append(RawMention(index, w.start(), w.end(), originals[index][w.start() : w.end()], label))
    return found


def _known_forms(raw: list[RawMention]) -> dict[str, str]:
    """char key of every surface form the model found (and of each full name's surname) -> label."""
    forms: dict[str, str] = {}
    for m in raw:
        surface = fold(m.text)
        forms.setdefault(char_key(surface), m.label)
        words = surface.split()
        if m.label == "PERSON" and len(words) > 1 and len(words[-1]) > 2:
            forms.setdefault(char_key(words[-1]), "PERSON")
    return forms


def _forms_pattern(forms: dict[str, str]) -> tuple[re.Pattern[str], dict[str, str]] | None:
    if not forms:
        return None
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])"), forms


def _form_hits(text: str, forms: tuple[re.Pattern[str], dict[str, str]] | None) -> Iterator[tuple[int, int, str]]:
    """Written-as-a-name (capitalised) occurrences of known forms, whatever the diacritics."""
    if forms is None:
        return
    pattern, labels = forms
    for hit in pattern.finditer(char_key(text)):
        if text[hit.start()].isupper():
            yield hit.start(), hit.end(), labels[hit.group()]
