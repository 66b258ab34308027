"""Group mentions into entities: one entry per real-world entity, named in the nominative, full form.

Linking works inside one article only: inflected forms share a nominative (``Rusiei`` / ``Rusia``),
a surname joins the full name it belongs to (``Putin`` -> ``Vladimir Putin``), an acronym joins the
name it abbreviates (``Banca Națională a României (BNR)``, or matching initials).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace

from .lemmas import common_lemma, is_acronym, is_common_word, nominative, rejoined
from .lexicon import (
    FOREIGN_FUNCTION_WORDS,
    GROUP_NOUNS,
    NAME_LINKERS,
    ORGANIZATION_HEAD_NOUNS,
    ORGANIZATION_NAME_WORDS,
    PLACE_NAME_ENDINGS,
    ROLE_LEMMA,
    SAY_VERB_RE,
    SETTLEMENT_TITLES,
    STATE_TITLES,
    TEAM_TITLES,
)
from .names import nominative_first_names
from .ner.model import name_heads
from .normalize import fold, match_key
from .types import Entity, Mention

_FOLDED_GROUP_NOUNS = frozenset(match_key(w) for w in GROUP_NOUNS)
_LOCATIVE_RE = re.compile(r"(?<!\w)(?:în|la|din|spre|către|prin|lângă|pe|de la)\s+$", re.I)
_DEFINITION_RE = re.compile(r"\s*\(\s*([A-ZĂÂÎȘȚ][A-ZĂÂÎȘȚ0-9&-]{1,9})\s*\)")


def _without_symbols(text: str) -> str:
    """``Alfa ⚡ Beta`` -> ``Alfa Beta``: an account's display name keeps its words, not its emoji."""
    if text.isascii():
        return text
    return " ".join(w for w in text.split() if not all(unicodedata.category(c) == "So" for c in w))


@dataclass(frozen=True)
class RawMention:
    paragraph: int
    start: int
    end: int
    text: str  # as written in paragraph.text
    label: str
    name: str | None = None  # fixed canonical name (curator-confirmed entities)
    # The span reported and highlighted, as RONEC v2 marks it: (start, end, text as written). Usually the whole
    # phrase around the name ("regizorul Chris Simion", "Fundația X (FX)"); for "Federația X din România" only
    # "Federația X", the name being longer. ``start``/``end`` are the name, which the canonical name is built
    # from. None when the two are the same.
    phrase: tuple[int, int, str] | None = None
    roles: tuple[str, ...] = ()  # role phrases written around a person's name ("ministrul de Externe")
    # The type comes from the words around the name ("fondul de investiții X", "ministrul X", "potrivit X"), not
    # from the model alone: such mentions decide the entity's type.
    typed_by_context: bool = False

    @property
    def bounds(self) -> tuple[int, int]:
        return (self.phrase[0], self.phrase[1]) if self.phrase else (self.start, self.end)

    @property
    def nominative(self) -> str:
        if self.name:
            return self.name
        form = nominative(_without_symbols(rejoined(fold(self.text))), self.label)
        title, _, rest = form.partition(" ")
        if self.label != "PERSON" and rest[:1].isupper() and common_lemma(title) in SETTLEMENT_TITLES:
            return rest  # "Municipiului București" is București
        if self.label == "ORGANIZATION" and rest[:1].isupper() and ROLE_LEMMA.get(title.lower()) in TEAM_TITLES \
                and not is_common_word(rest.split()[0]):
            return rest  # "Clubul Olimpia" is Olimpia
        return form


# A mention typed by the words around it outweighs this many the model typed alone: "fondul de investiții X"
# settles what the headline's bare "X" is, while one "echipa Iași" does not make a city mentioned five times a team.
_CONTEXT_WEIGHT = 3


@dataclass
class _Group:
    mentions: list[RawMention] = field(default_factory=list)

    @property
    def label(self) -> str:
        labels = Counter()
        for m in self.mentions:
            labels[m.label] += _CONTEXT_WEIGHT if m.typed_by_context else 1
        return max(labels, key=lambda lab: (labels[lab], -self._first_index(lab)))

    def _first_index(self, label: str) -> int:
        return next(i for i, m in enumerate(self.mentions) if m.label == label)

    @property
    def name(self) -> str:
        pinned = [m.name for m in self.mentions if m.name]
        forms = Counter(fold(nominative(fold(m.text), m.label)) if m.name else m.nominative for m in self.mentions)
        seen_as_written = {fold(m.text) for m in self.mentions}
        if pinned and (not all(is_acronym(f) for f in forms) or match_key(pinned[0]) in map(match_key, forms)):
            # A listed or confirmed name, unless the article only ever writes the acronym ("UE" stays "UE")
            longer = [f for f in forms if len(f.split()) > len(pinned[0].split()) and
                      match_key(f).startswith(match_key(pinned[0]) + " ")]
            return max(longer, key=len) if longer else pinned[0]  # "Canalul 5 Știri" as written, not "Canalul 5"

        def rank(form: str) -> tuple:
            # Full names over short forms and acronyms, an institution's own noun with its article over a
            # synonym and a bare form ("Guvernul", not "Executivul" or "Guvern"), then forms the article itself
            # wrote, then the words the article writes most, then frequency, then "Gara Centrală" over
            # "GARA CENTRALĂ" and "Gara centrală".
            return (len(form.split()), not is_acronym(form), _institution_form(form), form in seen_as_written,
                    support(form), forms[form], not form.isupper(), sum(w[:1].isupper() for w in form.split()),
                    len(form))

        def support(form: str) -> int:
            # how often the article writes each of the form's words: "Pop" backs "Ion Pop" and not its
            # misspelling "Ion Ppo"
            return sum(n for word in set(match_key(form).split()) for f, n in forms.items()
                       if word in match_key(f).split())

        return max(forms, key=rank)

    def to_entity(self) -> Entity:
        name = self.name
        mentions = sorted(self.mentions, key=_position)
        aliases: dict[str, str] = {}
        for m in mentions:
            surface = fold(m.text)
            if match_key(surface) != match_key(name):
                aliases.setdefault(match_key(surface), surface)
        roles = {match_key(r): r for m in mentions for r in m.roles}
        return Entity(
            name=name,
            type=self.label,
            mentions=tuple(_as_mention(m) for m in mentions),
            aliases=tuple(aliases.values()),
            roles=tuple(roles.values()) if self.label == "PERSON" else (),
        )


def _institution_form(form: str) -> int:
    """2 for a capitalised common noun with its article that is no synonym (``Guvernul``), 1 for a synonym
    (``Executivul``) or a bare noun (``Guvern``), 0 for a proper name or several words (no preference)."""
    if " " in form or not is_common_word(form):
        return 0
    lemma = common_lemma(form)
    articulated = lemma != form.lower()
    return 2 if articulated and ROLE_LEMMA.get(form.lower(), lemma) == lemma else 1


def _as_mention(m: RawMention) -> Mention:
    return Mention(m.paragraph, *m.phrase) if m.phrase else Mention(m.paragraph, m.start, m.end, m.text)


def _position(m: RawMention) -> tuple[int, int]:
    return (m.paragraph, m.start)


def cluster(raw: list[RawMention], texts: dict[int, str]) -> tuple[Entity, ...]:
    """``texts``: folded paragraph text by paragraph index (for acronym definitions)."""
    groups: dict[str, _Group] = {}
    for mention in sorted(set(raw), key=_position):
        groups.setdefault(match_key(mention.nominative), _Group()).mentions.append(mention)
    _add_defined_acronyms(groups, texts)
    _link_acronyms_by_initials(groups)
    _link_genitive_person_names(groups, texts)
    _retype_full_names_of_people(groups)
    _link_short_person_names(groups)
    _link_short_names(groups)
    _link_clipped_names(groups)
    _link_state_titles(groups)
    _link_spelling_variants(groups)
    _link_institution_words(groups)
    _drop_common_words(groups, texts)
    _drop_capitalised_common_words(groups, texts)
    entities = [g.to_entity() for g in groups.values() if g.mentions]
    return tuple(sorted(entities, key=lambda e: (e.mentions[0].paragraph, e.mentions[0].start)))


def _merge(groups: dict[str, _Group], source: str, target: str) -> None:
    if source != target and source in groups and target in groups:
        groups[target].mentions.extend(groups.pop(source).mentions)


def _add_defined_acronyms(groups: dict[str, _Group], texts: dict[int, str]) -> None:
    """``Banca Națională a României (BNR)``: every ``BNR`` in the article joins that entity."""
    for key, group in list(groups.items()):
        for m in list(group.mentions):
            if " " not in m.text or m.label == "PERSON":
                continue
            definition = _DEFINITION_RE.match(texts[m.paragraph], m.end)
            if not definition:
                continue
            acronym = definition.group(1)
            _merge(groups, match_key(acronym), key)
            taken = [(x.paragraph, *x.bounds) for g in groups.values() for x in g.mentions]
            word = re.compile(rf"(?<!\w){re.escape(acronym)}(?!\w)")
            for index, text in texts.items():
                for found in word.finditer(text):
                    if not any(i == index and s < found.end() and found.start() < e for i, s, e in taken):
                        group.mentions.append(RawMention(index, found.start(), found.end(), acronym, m.label))


def _initials(name: str) -> str:
    words = [w for w in name.replace("-", " ").split() if w not in NAME_LINKERS and w[:1].isupper()]
    return match_key("".join(w[0] for w in words)).upper()


def _link_acronyms_by_initials(groups: dict[str, _Group]) -> None:
    """``USAMV`` joins ``Universitatea de Științe Agricole și Medicină Veterinară`` (same article only)."""
    for key, group in list(groups.items()):
        name = group.name
        if not is_acronym(name) or group.label == "PERSON":
            continue
        target = match_key(name).upper()
        candidates = [k for k, g in groups.items() if k != key and " " in g.name and _initials(g.name) == target]
        if len(candidates) == 1:
            _merge(groups, key, candidates[0])


_MAX_PERSON_NAME_WORDS = 3


def _retype_full_names_of_people(groups: dict[str, _Group]) -> None:
    """``Traian Popescu`` typed an organisation while the article's person ``Popescu`` stands alone: the full
    name is that person's, when its words are names only (no common word, acronym or company word)."""
    surnames = {k for k, g in groups.items() if g.label == "PERSON" and " " not in k}
    for key, group in groups.items():
        words = group.name.split()
        if group.label == "PERSON" or not 1 < len(words) <= _MAX_PERSON_NAME_WORDS or key.split()[-1] not in \
                surnames or any(m.name or m.typed_by_context for m in group.mentions):
            continue
        if all(w[:1].isupper() and not is_acronym(w) and not is_common_word(w)
               and w.lower() not in ORGANIZATION_NAME_WORDS and w.lower() not in FOREIGN_FUNCTION_WORDS for w in words):
            group.mentions = [replace(m, label="PERSON") for m in group.mentions]


def _link_short_person_names(groups: dict[str, _Group]) -> None:
    """``Putin`` -> ``Vladimir Putin``, ``Kim`` -> ``Kim Jong-un``: a person named in full earlier or later.

    A lone surname the model typed as a place or organisation joins too, and becomes a person.
    """
    people = [k for k, g in groups.items() if g.label == "PERSON" and len(k.split()) > 1]
    for key in sorted(groups, key=lambda k: len(k.split())):
        words = key.split()
        if key not in groups or (groups[key].label != "PERSON" and len(words) > 1):
            continue
        candidates = [
            k for k in people
            if k != key and k in groups and len(k.split()) > len(words) and set(words) <= set(k.split())
        ]
        if candidates:
            best = max(candidates, key=lambda k: (len(groups[k].mentions), -_position(groups[k].mentions[0])[0]))
            groups[key].mentions = [replace(m, label="PERSON") for m in groups[key].mentions]
            _merge(groups, key, best)


def _link_genitive_person_names(groups: dict[str, _Group], texts: dict[int, str]) -> None:
    """``Simonei Pop`` joins ``Simona Pop`` when the article also writes the nominative; ``Andreei Pop`` alone
    becomes ``Andreea Pop`` (no man's name ends in ``-eei``), and so does ``Simonei Pop`` after a feminine noun
    that owns it (``mama Simonei Pop``). ``Andrei Pop`` is a nominative and stays."""
    for key in list(groups):
        group = groups.get(key)
        words = key.split()
        if group is None or group.label != "PERSON" or len(words) < 2 or any(m.name for m in group.mentions):
            continue
        first, *rest = group.name.split()
        options = nominative_first_names(first)
        target = next((k for k in (match_key(" ".join([o, *rest])) for o in options)
                       if k in groups and k != key and groups[k].label == "PERSON"), None)
        if target:
            nominative_name = groups[target].name
            group.mentions = [replace(m, name=nominative_name) for m in group.mentions]
            _merge(groups, key, target)
        elif first.lower().endswith("eei") or options and any(_after_feminine_noun(m, texts) for m in group.mentions):
            nominative_name = " ".join([options[0], *rest])
            group.mentions = [replace(m, name=nominative_name) for m in group.mentions]


_WORD_BEFORE_RE = re.compile(r"(?<![\w-])([a-zăâîșț]{3,}) $")


def _after_feminine_noun(m: RawMention, texts: dict[int, str]) -> bool:
    """Right after a feminine noun with its article (``mama``, ``soția``, ``franțuzoaicei``) a name is in the
    genitive: the noun owns it, as no feminine noun stands in apposition to a man's name. A verb's ``-a``
    (``declara``, ``spunea``) is no such noun: the noun's article replaces its dictionary ending."""
    before = _WORD_BEFORE_RE.search(texts[m.paragraph], max(0, m.start - 30), m.start)
    if before is None:
        return False
    word = before.group(1)
    lemma = common_lemma(word)
    return lemma.endswith(("ă", "e")) and word in (lemma[:-1] + "a", lemma[:-1] + "ei")


def _is_short_form(short: list[str], full: list[str]) -> bool:
    """``Universitatea`` (head), ``PRO AGRO`` (tail) or ``U Ardeal`` (abbreviated words) of a longer name."""
    if short == full or len(short) > len(full):
        return False
    shorter = len(short) < len(full)
    if shorter and full[: len(short)] == short and len(short) == 1 and not short[0].isupper():
        return True
    if shorter and full[-len(short) :] == short and (len(short) > 1 or short[0].isupper()):
        return True
    window = full[: len(short)]
    pairs = list(zip(short, window, strict=True))
    return any(a == b for a, b in pairs) and all(b.startswith(a.rstrip(".").lower()) for a, b in pairs)


def _link_short_names(groups: dict[str, _Group]) -> None:
    """Organisations named in short after their full name, when only one full name fits.

    Not places: ``Coreea`` is not ``Coreea de Nord``, nor ``America`` ``America de Sud``.
    """
    for key in sorted(groups, key=lambda k: len(k.split())):
        group = groups.get(key)
        if group is None or group.label != "ORGANIZATION":
            continue
        short, headed = _plain_words(group.name), _headed_words(group.name)
        candidates = [
            k for k, g in groups.items()
            if k != key and g.label == group.label and (_is_short_form(short, _plain_words(g.name))
                                                        or _is_short_form(headed, _headed_words(g.name)))
        ]
        if len(candidates) == 1:
            _merge(groups, key, candidates[0])


_MIN_TYPO_WORD = 5  # a one-letter difference in a shorter word may be another name ("Popa", "Pop")
# An outlet's site: "gazeta.ro" is the outlet "Gazeta".
_SITE_RE = re.compile(r"(?:www\.)?([a-z0-9-]+)\.(?:ro|com|md|net|org|eu|info|tv|fm|bg|uk)")


_MIN_CLIP = 4  # letters a clipped name keeps ("Ardam" of "Ardamspor"); shorter ones are other words


def _link_clipped_names(groups: dict[str, _Group]) -> None:
    """A lone word the model took for a person that begins an organisation's one-word name is that
    organisation clipped (``Ardam`` for ``Ardamspor``), when only one organisation
    begins so. A place stays itself (``Europa`` beside ``Europaliberă``)."""
    organisations = [k for k, g in groups.items() if g.label == "ORGANIZATION" and k.isalpha()]
    for key in list(groups):
        group = groups.get(key)
        if group is None or " " in key or len(key) < _MIN_CLIP or group.label != "PERSON" or any(
                m.name for m in group.mentions):
            continue
        longer = [k for k in organisations if k != key and k.startswith(key) and len(k) >= len(key) + 2]
        if len(longer) == 1:
            group.mentions = [replace(m, label="ORGANIZATION") for m in group.mentions]
            _merge(groups, key, longer[0])


def _one_edit_at(a: str, b: str) -> int | None:
    """Where one letter was replaced, added or dropped to make ``b`` of ``a``; None when not so."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return None
    if len(a) > len(b):
        a, b = b, a
    i = next((k for k in range(len(a)) if a[k] != b[k]), len(a))
    return i if a[i + (len(a) == len(b)) :] == b[i + 1 :] else None


class _Joiner:
    """Joins groups that name one thing; the group with more mentions takes the other, and later joins follow
    earlier ones (a group joined away is found under the group that took it)."""

    def __init__(self, groups: dict[str, _Group]):
        self.groups = groups
        self.moved: dict[str, str] = {}

    def find(self, key: str) -> str:
        while key in self.moved:
            key = self.moved[key]
        return key

    def __call__(self, a: str, b: str) -> None:
        a, b = self.find(a), self.find(b)
        if a in self.groups and b in self.groups and a != b:
            source, target = sorted((a, b), key=lambda k: (len(self.groups[k].mentions), len(k)))
            _merge(self.groups, source, target)
            self.moved[source] = target

    def by(self, same) -> None:
        """Join the groups ``same(key, group)`` gives one value (None: no value)."""
        first: dict[str, str] = {}
        for key in list(self.groups):
            if key in self.groups and (value := same(key, self.groups[key])) is not None:
                self(first.setdefault(value, key), key)


def _link_spelling_variants(groups: dict[str, _Group]) -> None:
    """One entity however the article spells it: spacing and dots (``Digi 24``, ``Digi24``, ``A.B.``), a head
    noun with or without its article (``Sector 3``, ``Sectorul 3``), a foreign name with the Romanian article
    (``Riad``, ``Riadul``), an outlet and its site (``Gazeta``, ``gazeta.ro``), a place's ``-ie``/``-ia``/``-ii``
    (``Zaporojie``, ``Zaporojia``), a one-letter typo in a word of a person's name (``Ion Popesu`` beside ``Ion
    Popescu``; not a first name's ending) or inside a longer word of an organisation's (``Ministeul``), a brand in
    capitals (``VELOX`` beside ``Velox Asigurări``, when only one name starts so). Diacritics already share a
    key. The group with more mentions takes the other; its name is the form most mentions back
    (``_Group.name``)."""
    join = _Joiner(groups)
    # "A.B. Capital", "AB Capital": one name, whatever each was typed
    join.by(lambda key, group: re.sub(r"[\s.]", "", key))
    join.by(lambda key, group: None if group.label == "PERSON" or any(m.name for m in group.mentions)
            else " ".join(_headed_words(group.name)))
    _join_sites_and_articles(groups, join)
    join.by(lambda key, group: key[:-2] if group.label == "PLACE" and key.endswith(PLACE_NAME_ENDINGS)
            and len(key) > _MIN_TYPO_WORD else None)
    _join_typos(groups, join)
    _join_brands_in_capitals(groups)


def _join_sites_and_articles(groups: dict[str, _Group], join: _Joiner) -> None:
    """An outlet and its site (``Gazeta``, ``gazeta.ro``); a name and the same name with the article."""
    for key in list(groups):
        site = _SITE_RE.fullmatch(key)
        if site and key in groups:
            outlets = [k for k in groups if k == site.group(1) and groups[k].label != "PLACE"]
            if outlets:
                join(key, outlets[0])
        if key in groups and " " not in key and not is_acronym(groups[key].name):
            articled_forms = (key + "ul", key + "l" if key.endswith("u") else "",
                              key + "le" if key.endswith("e") else "")
            for articled in articled_forms:
                if articled in groups and not is_common_word(groups[articled].name):
                    if groups[articled].label == "PERSON" != groups[key].label:
                        # no one's name takes the article: "Riadul" is the city "Riad"
                        label = groups[key].label
                        groups[articled].mentions = [replace(m, label=label) for m in groups[articled].mentions]
                    join(key, articled)


def _join_typos(groups: dict[str, _Group], join: _Joiner) -> None:
    """Names that differ by one letter in one word, the other words the same."""
    by_rest: dict[tuple, list[str]] = {}
    for key, group in groups.items():
        words = key.split()
        person = group.label == "PERSON"
        if (person and len(words) < 2) or any(m.name for m in group.mentions):
            continue
        for i, word in enumerate(words):
            if len(word) >= (_MIN_TYPO_WORD - 1 if person else _MIN_TYPO_WORD + 1):
                by_rest.setdefault((group.label, i, *words[:i], "", *words[i + 1 :]), []).append(key)
    for (label, i, *_), keys in by_rest.items():
        for a, b in zip(keys, keys[1:], strict=False):
            x, y = a.split()[i], b.split()[i]
            at = _one_edit_at(x, y) if max(len(x), len(y)) >= _MIN_TYPO_WORD else None
            if at is None:
                continue
            if label == "PERSON" and (i or at < min(len(x), len(y)) - (len(x) == len(y))):
                join(a, b)  # a first name may differ in its ending: "Alexandru" and "Alexandra" are two people
            elif label == "ORGANIZATION" and _inside_edit(x, y):
                join(a, b)  # "Ministeul Apărării"; not an ending, nor a place ("Brasilia" is not "Brazilia")


def _join_brands_in_capitals(groups: dict[str, _Group]) -> None:
    """``VELOX`` beside ``Velox Asigurări``: when only one organisation's name starts with the word."""
    for key in list(groups):
        group = groups.get(key)
        name = group.name if group else ""
        if group is None or group.label != "ORGANIZATION" or not is_acronym(name) or len(name) < 4:
            continue
        starts = [k for k, g in groups.items() if k != key and g.label == "ORGANIZATION" and k.split()[0] == key
                  and len(k.split()) > 1]
        if len(starts) == 1:
            _merge(groups, key, starts[0])


def _link_state_titles(groups: dict[str, _Group]) -> None:
    """``Republica Moldova`` and ``Moldova`` (``Moldovei``) in one article are one state, named in full."""
    for key in list(groups):
        group = groups.get(key)
        if group is None or group.label != "PLACE":
            continue
        title, _, rest = group.name.partition(" ")
        short = match_key(rest)
        if rest[:1].isupper() and common_lemma(title) in STATE_TITLES and short in groups and \
                groups[short].label == "PLACE":
            _merge(groups, short, key)


def _link_institution_words(groups: dict[str, _Group]) -> None:
    """``Guvernul``, ``Guvern``, ``Guvernului`` and ``Executivul`` written alone are one organisation: the same
    lemma, or a role noun the lexicon gives that lemma (``executivul`` -> ``guvern``)."""
    by_lemma: dict[str, str] = {}
    for key in list(groups):
        group = groups[key]
        if group.label != "ORGANIZATION" or " " in key or any(m.name for m in group.mentions):
            continue
        word = group.mentions[0].text
        if is_acronym(word) or not is_common_word(word):
            continue
        lemma = ROLE_LEMMA.get(word.lower()) or common_lemma(word)
        if lemma in by_lemma:
            _merge(groups, key, by_lemma[lemma])
        else:
            by_lemma[lemma] = key


def _plain_words(name: str) -> list[str]:
    """Comparison words; all-capital words (``PRO``, ``AGRO``) stay upper case so the rules can tell them apart."""
    return [match_key(w).upper() if w.isupper() else match_key(w) for w in name.split()]


def _headed_words(name: str) -> list[str]:
    """``_plain_words`` with a common head noun in its dictionary form: ``Biroul Executiv`` is short for
    ``Birou Executiv Național``."""
    words = _plain_words(name)
    if words and is_common_word(name.split()[0]):
        words[0] = match_key(common_lemma(name.split()[0]))
    return words


def _drop_common_words(groups: dict[str, _Group], texts: dict[int, str]) -> None:
    """Capitalised common nouns alone are not names: a person called ``Premierul``, a place called
    ``Bacalaureat``. A place keeps its name when the article puts something in it (``la Seul``);
    organisations keep theirs, as mid-sentence capitals mark institutions (``Guvernul``, ``Senatul``).
    """
    for key in list(groups):
        group = groups[key]
        if not all(_is_lone_common_word(m) for m in group.mentions):
            continue
        located = any(_LOCATIVE_RE.search(texts[m.paragraph][: m.start]) for m in group.mentions)
        if group.label == "PERSON" or (group.label == "PLACE" and not located):
            del groups[key]
    for key in list(groups):
        group = groups[key]
        if group.label == "PLACE" and all(_is_articled_sentence_opener(m, texts) for m in group.mentions):
            del groups[key]  # "Zorbitul este interzis": a noun with its article opening a sentence, no place


def _is_articled_sentence_opener(m: RawMention, texts: dict[int, str]) -> bool:
    """A word with the definite article (``-ul``) opening a sentence, nowhere else in the article without it: a
    common noun the dictionary lacks, not a place (a place is also written bare: ``Clujul`` and ``la Cluj``). Not
    the subject of a verb of saying: what speaks is an institution (``Kremlinul a declarat``)."""
    if m.name or " " in m.text or not m.text.endswith("ul") or len(m.text) < _MIN_TYPO_WORD + 2:
        return False
    text = texts[m.paragraph]
    if not _SENTENCE_BEFORE_RE.search(text[: m.start]) or SAY_VERB_RE.match(text, m.end + 1):
        return False
    bare = re.compile(rf"(?<![\w-]){re.escape(m.text[:-2])}(?![\w-])")
    return not any(bare.search(text) for text in texts.values())


def _is_lone_common_word(m: RawMention) -> bool:
    # Group nouns are common words even written without diacritics ("Reprezentantii").
    return not m.name and " " not in m.text and (is_common_word(m.text) or match_key(m.text) in _FOLDED_GROUP_NOUNS)


# A capitalised common word is no name when the article also writes the same word in lowercase ("Economia" in a
# headline, "economia" in the text; "director executiv" and "Executiv"), unless it heads institutions' names
# ("Guvernul").
_LOWER_WORD_RE = re.compile(r"(?<![\w-])[a-zăâîșț]{4,}(?![\w-])")
_MIN_CAPS_WORD = 5  # all-capital dictionary words this long are page labels ("INTERVIU"), not acronyms ("AUR")


def _drop_capitalised_common_words(groups: dict[str, _Group], texts: dict[int, str]) -> None:
    lowered: set[str] | None = None
    for key in list(groups):
        group = groups[key]
        if any(m.name for m in group.mentions):
            continue
        if all(_is_page_label(m.text) for m in group.mentions):
            del groups[key]
            continue
        if group.label != "PERSON" and all(_is_title_case_heading(m, texts) for m in group.mentions):
            del groups[key]  # "Police Mechanism Began Deployment": a headline in title case, not a name
            continue
        if all(_is_capitals_fragment(m, texts) for m in group.mentions):
            del groups[key]  # "PRO" of "Președintele PRO AGRO": the first word of a longer name in capitals
            continue
        if all(_is_lowercase_label(m, texts) for m in group.mentions):
            del groups[key]  # "Etapa 3" beside "etapa 3 a proiectului": a numbered common noun, not a name
            continue
        if all(_is_exclamation(m, texts) for m in group.mentions):
            del groups[key]  # "Groaznic." or "Incredibil!" alone between sentences: a cry, not a name
            continue
        if not all(_is_lone_common_word(m) for m in group.mentions):
            continue
        word = group.mentions[0].text
        lemma = common_lemma(word)
        if lemma in name_heads() or lemma in ORGANIZATION_HEAD_NOUNS or lemma in ROLE_LEMMA.values():
            continue
        if group.label == "ORGANIZATION" and all(_is_bare_noun(m.text) for m in group.mentions):
            del groups[key]  # "de Revelion": an institution's name in one common word has its article ("Senatul")
            continue
        if lowered is None:
            lowered = {w for text in texts.values() for w in _LOWER_WORD_RE.findall(text)}
        if {m.text.lower() for m in group.mentions} & lowered:
            del groups[key]
        elif all(_SENTENCE_BEFORE_RE.search(texts[m.paragraph][: m.start]) for m in group.mentions):
            del groups[key]  # "Degeaba au insistat": a dictionary word capitalised only where sentences start
    _drop_misspelt_common_words(groups, texts)


_ENDING_LETTERS = 2
_CAPITALISED_WORD_RE = re.compile(r"(?<![\w-])[A-ZĂÂÎȘȚ][a-zăâîșț]{4,}(?![\w-])")


def _drop_misspelt_common_words(groups: dict[str, _Group], texts: dict[int, str]) -> None:
    """A capitalised word one letter away from a dictionary word the article also writes with a capital is that
    word misspelt ("la Olimpiada de fizică" ... "premiul de la Olimpiadda"), not a name. Not people: a first name
    may be a letter away from a noun; nor at the ending ("Românii" is another word than "România")."""
    capitalised: set[str] | None = None
    for key in list(groups):
        group = groups[key]
        if group.label == "PERSON" or " " in key or len(key) < _MIN_TYPO_WORD + 1 or any(
                m.name or " " in m.text or is_acronym(m.text) for m in group.mentions):
            continue
        if capitalised is None:
            capitalised = {match_key(w) for text in texts.values() for w in _CAPITALISED_WORD_RE.findall(text)
                           if is_common_word(w)}
        if any(_inside_edit(key, word) for word in capitalised if word[:1] == key[:1]):
            del groups[key]


def _inside_edit(a: str, b: str) -> bool:
    """One letter dropped or added inside the word, or replaced before its last two letters: a changed ending
    makes another word ("Românii" beside "România"), not a misspelling."""
    at = _one_edit_at(a, b)
    if at is None:
        return False
    return at < len(a) - _ENDING_LETTERS if len(a) == len(b) else at < min(len(a), len(b))


_CAPITALS_WORD_AFTER_RE = re.compile(r" ([A-ZĂÂÎȘȚ][A-ZĂÂÎȘȚ0-9&]+)(?![\w-])")


def _is_capitals_fragment(m: RawMention, texts: dict[int, str]) -> bool:
    """A word in capitals that the text goes on with another word in capitals which is no dictionary word: the
    model took one word of ``PRO AGRO``. (A headline's ``ULTIMA ORĂ`` are dictionary words.)"""
    after = _CAPITALS_WORD_AFTER_RE.match(texts[m.paragraph], m.end)
    return (not m.name and " " not in m.text and m.text.isupper() and after is not None
            and not is_common_word(after.group(1)[0] + after.group(1)[1:].lower()))


_NUMBERED_WORD_RE = re.compile(r"([^\W\d_]+) (\d{1,3}|[IVX]{1,4})")


def _is_lowercase_label(m: RawMention, texts: dict[int, str]) -> bool:
    """``Etapa 3``: a dictionary word and a number, which the article also writes in lowercase before a
    number; a capital does not make it a name."""
    words = _NUMBERED_WORD_RE.fullmatch(m.text)
    if m.name or words is None or not is_common_word(words.group(1)):
        return False
    lower = re.compile(rf"(?<![\w-]){re.escape(words.group(1).lower())} (?:\d|[IVX]+\b)")
    return any(lower.search(text) for text in texts.values())


_MIN_HEADING_WORDS = 4


def _is_title_case_heading(m: RawMention, texts: dict[int, str]) -> bool:
    """A paragraph of four or more capitalised words and nothing else: an English-style headline (every word
    capitalised), as names this long link their words (``Federația Română de Fotbal``)."""
    words = m.text.split()
    return (not m.name and len(words) >= _MIN_HEADING_WORDS and texts[m.paragraph].strip(" .!?:") == m.text
            and all(w[:1].isupper() and not w.isupper() for w in words))


def _is_bare_noun(word: str) -> bool:
    """A common word in its dictionary form, without the article: ``Revelion``, not ``Libertatea``. A final
    ``-a`` is the feminine article (or a name: ``Ponta``, ``Visa``), whatever the lemmatiser says."""
    return common_lemma(word) == word.lower() and not word.lower().endswith("a")


# a sentence's end before (not an ellipsis: "din Libia si... Africa." goes on with the same sentence)
_SENTENCE_BEFORE_RE = re.compile(r"(?:^|(?<![.…])[.!?][\"”»’)]*\s+|[„“«\"]\s*)$")
_SENTENCE_AFTER_RE = re.compile(r"[.!?…]")


def _is_exclamation(m: RawMention, texts: dict[int, str]) -> bool:
    """One word that makes a sentence on its own, between two others (``... în mână. Groaznic. Nu se poate``)."""
    text = texts[m.paragraph]
    return (" " not in m.text and not m.name and not is_acronym(m.text)
            and bool(_SENTENCE_BEFORE_RE.search(text[: m.start])) and bool(_SENTENCE_AFTER_RE.match(text, m.end))
            and bool(text[m.end + 1 :].strip()) and bool(text[: m.start].strip()))


def _is_page_label(text: str) -> bool:
    """``INTERVIU``, ``ȘTERSE``, ``DOSARUL``: all-capital dictionary words."""
    words = text.split()
    return bool(words) and all(
        w.isupper() and len(w) >= _MIN_CAPS_WORD and is_common_word(w[0] + w[1:].lower()) for w in words)
