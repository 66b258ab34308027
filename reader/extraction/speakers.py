"""Who is speaking: names, role nouns and pronouns resolved to canonical speakers.

``SpeakerIndex`` is built once per article.  It knows the people of the article (from the entities
argument and from its own scan for capitalised names, so it works even without entities), the
appositions that tie a role to a person (``ministrul Sănătății, Ion Pop``) and the order in
which people are mentioned (for pronouns and bare role nouns).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass

from .lemmas import common_lemma
from .lexicon import (
    DOCUMENT_NOUNS,
    DOCUMENT_PREPOSITIONS,
    FEMININE_ROLE_FORMS,
    GENERIC_PERSON_ROLES,
    GENITIVE_ENDINGS,
    GROUP_NOUNS,
    INDEFINITE_ARTICLES,
    INDEFINITE_RE,
    ISSUED_DOCUMENT_FORMS,
    LOWERCASE_IN_NAMES,
    OBJECT_MARKERS,
    OBLIQUE_ENDINGS,
    ORG_ROLES,
    ORGANIZATION_HEAD_NOUNS,
    PLURAL_SUFFIXES,
    POSSESSIVES,
    PRONOUNS,
    ROLE_LEMMA,
    VERBISH_RE,
)
from .marks import MASK_CHAR
from .names import (
    NAME_SEQ_RE,
    ORG_SEQ_RE,
    clean_np,
    is_acronym,
    is_capitalised,
    leading_name,
    looks_like_person,
    name_gender,
    nominative_org,
    person_in_role_phrase,
    plausible_person,
    pronoun_gender,
    strip_role_prefix,
)
from .normalize import match_key
from .spans import head_type
from .types import Entity

Pos = tuple[int, int]  # (paragraph index, character offset)

_WORD_RE = re.compile(r"[\w'’]+(?:-[\w'’]+)*")
_NAME_BEFORE_COMMA_RE = re.compile(rf"((?:{NAME_SEQ_RE.pattern})),\s*$")
_STEM = 5  # letters two forms of a Romanian noun share: "alianța" / "alianței"


class Prior:
    """How far each rule that finds a speaker is trusted before the speaker model weighs the rest of the
    evidence (``speaker_choice``): one named prior per kind of rule, in one place."""

    NAMED_PERSON = 0.92  # a person's name is the verb's subject: "a declarat Ion Pop"
    NAME_IN_APPOSITION = 0.9  # "premierul, Ion Pop, a spus"
    ROLE_WITH_NAME = 0.9  # "premierul Ion Pop", "deputatul PNL Ion Pop"
    ANSWER_LABEL = 0.85  # an interview's answer labelled with the speaker's name
    SIGNATURE = 0.85  # a name signing the quote after its closing mark
    TURN_LABEL = 0.85  # "Ion Pop: „…”" on a line of its own
    NAMED_ORGANISATION = 0.8  # "Ministerul Sănătății a transmis"
    GROUP_OF_ORGANISATION = 0.8  # "reprezentanții alianței", "oficialii ASF"
    ROLE_HOLDER = 0.8  # a role the article gave a person earlier: "ministrul" -> that minister
    INTERVIEW_LABEL = 0.8  # an interview's generic answer label ("R:") resolved to the interviewee
    NAME_BEFORE_COLON = 0.8  # "Ion Pop: „…”" inside a paragraph
    NAME_BEFORE_VERB = 0.75  # the last name in the clause before a verb of saying
    NAME_IN_SENTENCE = 0.75  # the first name in the sentence of the verb
    ANNOUNCED_INTERVIEWEE = 0.75  # the person an interview's introduction names
    PRONOUN = 0.72  # "a spus el": the latest person of the pronoun's gender
    PERSON_OF_PARAGRAPH = 0.7  # the person the quote's paragraph names
    DOCUMENT_OF_ORGANISATION = 0.7  # "comunicatul Ministerului X"
    NAME_AND_TOPIC_BEFORE_COLON = 0.6  # "Ion Pop, despre criză: „…”", "Pop: „…”"
    LATEST_PERSON_AFTER_VERB = 0.6  # a verb of saying with no subject after it
    PREVIOUS_SPEAKER = 0.6  # a quote with no cue, after another one's
    INSTITUTION_NOUN = 0.6  # "a transmis ministerul": the organisation so headed
    DESCRIPTION = 0.6  # a described speaker with no name ("un oficial al ministerului")
    LATEST_PERSON_FOR_ROLE = 0.6  # "medicul", "politicianul": the person the text is about
    SIMILAR_QUOTE = 0.55  # the speaker of the quote with the most words in common
    ISSUED_DOCUMENT = 0.55  # "se arată în comunicat": the organisation that issued it
    SOMEONE_ELSES_ROLE = 0.55  # "purtătorul său de cuvânt": someone else, named later
    INDEFINITE_SUBJECT = 0.5  # "o sursă", "unii dintre oponenți": nobody the text names
    MOST_MENTIONED_PERSON = 0.5  # an interview with no label or announcement
    NEWCOMER = 0.5  # a person named since the previous quote
    ORGANISATION_ROLE = 0.5  # "Guvernul" written as a role noun
    LATEST_PERSON = 0.45  # no subject found: the latest person
    MOST_QUOTED = 0.45  # the person quoted most in the article
    DOCUMENT = 0.4  # "studiul arată că": the document is all the text names
    NOBODY = 0.3  # no speaker found
    NO_PHRASE = 0.0  # no words to resolve
    # A speaker carried over loses some trust: to a second verb joined after a report ("a spus că …, și a
    # adăugat"), to a quote continued in the next paragraph.
    SECOND_VERB_FACTOR = 0.9
    CONTINUED_QUOTE_FACTOR = 0.85


@dataclass(frozen=True)
class Resolved:
    speaker: str | None
    mention: str | None
    confidence: float
    inferred: bool = False


@dataclass(frozen=True)
class _Apposition:
    pos: Pos
    lemma: str
    words: frozenset[str]
    name: str

# How far back a common noun ("partidului") may point to an organisation named earlier.
_RECENT_PARAGRAPHS = 2


class SpeakerIndex:
    """People, appositions and mention order of one article."""

    def __init__(self, texts: list[str], entities: tuple[Entity, ...]):
        self._entity_names: dict[str, tuple[str, str]] = {}
        self._persons: dict[str, str] = {}  # match key of a full name -> display form
        self._non_person_keys: set[str] = set()
        self._organisations: list[Entity] = []
        people = self._load_entities(entities)
        self._timeline: list[tuple[Pos, str]] = []
        self._appositions: list[_Apposition] = []
        for p, text in enumerate(texts):
            self._scan_names(p, text)
        for p, text in enumerate(texts):
            self._scan_surnames(p, text)
            self._scan_appositions(p, text)
        for e in people:
            self._timeline.extend(((m.paragraph, m.start), self.canonical(e.name)) for m in e.mentions
                                  if m.paragraph < len(texts) and _outside_quotes(texts[m.paragraph], m.start))
        self._timeline = sorted(set(self._timeline))
        self._timeline_pos = [pos for pos, _ in self._timeline]
        # Objects ("lui Kim", "pe Ion") are weaker antecedents for a pronoun than subjects.
        self._objects = {pos for pos, _ in self._timeline if _is_object(texts[pos[0]], pos[1])}

    # -- building -------------------------------------------------------------------------------------------

    def _load_entities(self, entities: tuple[Entity, ...]) -> tuple[Entity, ...]:
        """Index the entities; returns the PERSON ones that really look like people."""
        people = []
        for e in entities:
            is_person = e.type == "PERSON" and plausible_person(e.name)
            # A role or genitive glued on by the NER ("Educației Ligia Deca") is not part of the name.
            name = (strip_role_prefix(e.name) or e.name) if is_person else e.name
            for form in (e.name, *e.aliases):
                self._entity_names.setdefault(match_key(form), (name, e.type if is_person else "OTHER"))
            if is_person:
                self._persons[match_key(name)] = name
                people.append(e)
            elif e.type != "PERSON":
                self._non_person_keys.update(match_key(f) for f in (e.name, *e.aliases))
            if e.type == "ORGANIZATION":
                self._organisations.append(e)
        return tuple(people)

    def _scan_names(self, p: int, text: str) -> None:
        for m in NAME_SEQ_RE.finditer(text):
            name = strip_role_prefix(m.group(0))
            key = match_key(name)
            if key in self._non_person_keys or not looks_like_person(name):
                continue
            entity = self._entity_names.get(key)
            if entity and entity[1] != "PERSON":
                continue
            self._persons.setdefault(key, entity[0] if entity else name)
            self._timeline.append(((p, m.end() - len(name)), self.canonical(name)))

    def _scan_surnames(self, p: int, text: str) -> None:
        """Single-word mentions ("Putin", "lui Popescu") of people already known by their full name."""
        surnames = {key.split()[-1] for key in self._persons}
        for m in NAME_SEQ_RE.finditer(text):
            if " " in m.group(0):
                continue
            if match_key(m.group(0)) in surnames:
                self._timeline.append(((p, m.start()), self.canonical(m.group(0))))

    def _scan_appositions(self, p: int, text: str) -> None:
        for m in _WORD_RE.finditer(text):
            lemma = ROLE_LEMMA.get(m.group(0).lower())
            if lemma is None:
                continue
            found = _apposition_after(text, m.end(), lemma in ORG_ROLES) or _name_before(text, m.start())
            if not found and lemma in ORG_ROLES and m.group(0)[0].isupper():
                org = ORG_SEQ_RE.match(text, m.start())  # "Ministerului Sănătății" answers for "ministerul"
                if org and len(org.group(0).split()) >= 2:
                    found = frozenset(), org.group(0)
            if found:
                words, name = found
                self._appositions.append(_Apposition((p, m.start()), lemma, words, self.canonical(name)))

    # -- lookups --------------------------------------------------------------------------------------------

    def canonical(self, mention: str) -> str:
        """Full canonical name for a mention ("Putin" -> "Vladimir Putin"); the mention itself if unknown."""
        mention = mention.strip()
        key = match_key(mention)
        if key in self._entity_names:
            mention = self._entity_names[key][0]
            key = match_key(mention)
        tokens = key.split()
        best = None
        for full_key, display in self._persons.items():
            full = full_key.split()
            if len(full) <= len(tokens):
                continue
            if full[-len(tokens):] == tokens or full[: len(tokens)] == tokens:
                if best is None or len(full_key) > len(best[0]):
                    best = (full_key, display)
        if best:
            return best[1]
        return self._persons.get(key) or (mention if key in self._entity_names else nominative_org(mention))

    def _known_single(self, word: str) -> bool:
        """A lone capitalised word is a name only if the NER knows it or it is an acronym ("Meciul" is not)."""
        return match_key(word) in self._entity_names or is_acronym(word) or self.is_person(word)

    def _names_organisation(self, phrase: str) -> bool:
        """The capitalised run opening ``phrase``, in the nominative, is an organisation of the article."""
        run = ORG_SEQ_RE.match(phrase)
        return bool(run) and match_key(nominative_org(run.group(0))) in self._non_person_keys

    def is_person(self, mention: str) -> bool:
        key = match_key(self.canonical(mention))
        entity = self._entity_names.get(key)
        if entity:
            return entity[1] == "PERSON"
        return key in self._persons

    def latest_person(self, pos: Pos, *, gender: str | None = None) -> str | None:
        """The person mentioned last before ``pos``; with a gender ("f"/"m"), the last one not of the other."""
        i = bisect_left(self._timeline_pos, pos)
        fallback = self._timeline[i - 1][1] if i > 0 else None
        compatible = None
        while i > 0:
            i -= 1
            at, name = self._timeline[i]
            if gender is None or name_gender(name) in (None, gender):
                if at not in self._objects:
                    return name
                compatible = compatible or name
        return compatible or fallback

    def apposed_roles(self) -> dict[str, frozenset[str]]:
        """Each name with the role lemmas the article gives it ("ministrul ..., Ion Pop" -> {"ministru"})."""
        roles: dict[str, set[str]] = {}
        for app in self._appositions:
            roles.setdefault(app.name, set()).add(app.lemma)
        return {name: frozenset(lemmas) for name, lemmas in roles.items()}

    def genders(self, texts: list[str]) -> dict[str, str]:
        """Where the text tells a person's gender: a feminine role form or first name; a first name ending
        in a consonant reads as a man's unless the text says otherwise."""
        out: dict[str, str] = {}
        for app in self._appositions:
            form = _WORD_RE.match(texts[app.pos[0]], app.pos[1])
            if form and FEMININE_ROLE_FORMS.get(form.group(0).lower()) == "f":
                out[app.name] = "f"
        for name in set(self._persons.values()):
            if name in out:
                continue
            guess = name_gender(name)
            first = name.split()[0].lower()
            if guess == "f" or (guess == "m" and first[-1] not in "aeiouăâîy"):
                out[name] = guess
        return out

    def latest_organisation(self, pos: Pos, *, within: int = 3) -> str | None:
        """The organisation named last before ``pos``, no more than ``within`` paragraphs back."""
        best = None
        for e in self._organisations:
            for m in e.mentions:
                at = (m.paragraph, m.start)
                if at < pos and pos[0] - m.paragraph <= within and (best is None or at > best[0]):
                    best = (at, e.name)
        return best[1] if best else None

    def people_in(self, paragraph: int) -> list[str]:
        """The people named outside quotes in one paragraph, in order, each once."""
        i = bisect_left(self._timeline_pos, (paragraph, 0))
        out: list[str] = []
        while i < len(self._timeline) and self._timeline[i][0][0] == paragraph:
            if self._timeline[i][0] not in self._objects and self._timeline[i][1] not in out:
                out.append(self._timeline[i][1])
            i += 1
        return out

    def most_mentioned_person(self) -> str | None:
        """The person the article names most often outside quotes (the first named wins a tie)."""
        counts = Counter(name for _, name in self._timeline)
        return max(counts, key=lambda name: (counts[name], -self._first_seen(name)), default=None)

    def _first_seen(self, name: str) -> int:
        return next(k for k, (_, n) in enumerate(self._timeline) if n == name)

    def subject_between(self, start: Pos, end: Pos) -> str | None:
        """The last person named as a subject (not "lui X"/"pe X") between two positions."""
        i = bisect_left(self._timeline_pos, end)
        while i > 0:
            i -= 1
            at, name = self._timeline[i]
            if at < start:
                return None
            if at not in self._objects:
                return name
        return None

    def first_new_person(self, pos: Pos, *, max_paragraphs: int = 2) -> str | None:
        """The first person mentioned after ``pos`` (within a few paragraphs) who was not mentioned before it."""
        i = bisect_left(self._timeline_pos, pos)
        seen = {name for _, name in self._timeline[:i]}
        for (p, _), name in self._timeline[i:]:
            if p > pos[0] + max_paragraphs:
                break
            if name not in seen:
                return name
        return None

    def resolve_role(self, lemma: str, words: frozenset[str], pos: Pos) -> str | None:
        """The person/organisation introduced with this role, best word overlap first, then nearest before."""
        best, best_key = None, None
        for app in self._appositions:
            if app.lemma != lemma:
                continue
            overlap = len(app.words & words)
            before = app.pos <= pos
            # A bare role ("președintele") names the holder introduced without a complement, not the one
            # introduced as "președintele <organisation>": a qualified role is a different office.
            same_scope = bool(words) or not app.words
            distance = abs(app.pos[0] - pos[0]) * 10_000 + abs(app.pos[1] - pos[1])
            key = (overlap, before, same_scope, -distance)
            if best_key is None or key > best_key:
                best, best_key = app.name, key
        return best

    # -- noun phrases ---------------------------------------------------------------------------------------

    def resolve_np(self, np: str, pos: Pos, *, apposition: str | None = None) -> Resolved:
        """Resolve the noun phrase naming a speaker; ``apposition`` is the comma-separated segment after it."""
        np = clean_np(np)
        if not np:
            return Resolved(None, None, Prior.NO_PHRASE)
        first = np.split()[0].lower()
        if apposition:
            app = clean_np(apposition)
            app_name = leading_name(app)
            if app_name and app_name == app and (first in ROLE_LEMMA or not leading_name(np)):
                return Resolved(self.canonical(app_name), app_name, Prior.NAME_IN_APPOSITION)
        words = np.split()
        if first in DOCUMENT_PREPOSITIONS and len(words) > 1 and words[1].lower() in DOCUMENT_NOUNS:
            return self._resolve_document(" ".join(words[1:]), pos)  # "se arată în comunicat(ul ministerului)"
        if first in INDEFINITE_ARTICLES and len(np.split()) > 1 and np.split()[1].lower() in DOCUMENT_NOUNS:
            return self._resolve_document(" ".join(np.split()[1:]), pos)
        if first in DOCUMENT_NOUNS:
            return self._resolve_document(np, pos)
        if first in ROLE_LEMMA:
            return self._resolve_role_np(np, pos)
        if first in PRONOUNS:
            person = self.latest_person(pos, gender=pronoun_gender(first))
            if not person:
                return Resolved(None, np, Prior.NOBODY)
            return Resolved(person, np.split()[0], Prior.PRONOUN, inferred=True)
        if first in GROUP_NOUNS:
            org = self._organisation_of_group(np, pos)
            if org:
                # "reprezentanții alianței", "oficialii ASF"
                return Resolved(org, np, Prior.GROUP_OF_ORGANISATION, inferred=True)
        name = leading_name(np)
        if name and (self.is_person(name) or looks_like_person(name)):
            return Resolved(self.canonical(name), name, Prior.NAMED_PERSON)
        org = ORG_SEQ_RE.match(np)
        if org and (len(org.group(0).split()) >= 2 or (org.group(0) == np and self._known_single(np))):
            return Resolved(self.canonical(org.group(0)), org.group(0), Prior.NAMED_ORGANISATION)
        named = ORG_SEQ_RE.search(np)
        head = common_lemma(first.split("-")[0])
        plural = first.startswith(head) and first[len(head):] in PLURAL_SUFFIXES  # "producătorii de X"
        if named and np[0].islower() and head in ORGANIZATION_HEAD_NOUNS and not plural and \
                head_type(np, named.start()) == "ORGANIZATION":
            # "publicației sud-coreene Daily NK", "agenției de presă Alfa": the organisation the head noun names
            return Resolved(self.canonical(named.group(0)), named.group(0), Prior.NAMED_ORGANISATION)
        if INDEFINITE_RE.match(np):
            return Resolved(None, np, Prior.INDEFINITE_SUBJECT)
        if first.startswith("reprezentan") and len(np.split()) > 1 and np.split()[1].lower() in ROLE_LEMMA:
            return self._resolve_role_np(" ".join(np.split()[1:]), pos, mention=np)
        if len(np.split()) == 1 and np.islower() and common_lemma(np) in ORGANIZATION_HEAD_NOUNS:
            org = self._organisation_by_head(common_lemma(np), pos)
            if org is None and not np.endswith(OBLIQUE_ENDINGS):
                org = self.latest_organisation(pos, within=1)  # "a transmis organizația": the one just named
            if org:
                return Resolved(org, np, Prior.INSTITUTION_NOUN, inferred=True)
        return Resolved(np, np, Prior.DESCRIPTION)

    def _organisation_by_head(self, lemma: str, pos: Pos) -> str | None:
        """"potrivit poliției" -> the "Poliția ..." named last before it."""
        best = None
        for e in self._organisations:
            if common_lemma(e.name.split()[0]) != lemma:
                continue
            for m in e.mentions:
                at = (m.paragraph, m.start)
                if at < pos and (best is None or at > best[0]):
                    best = (at, e.name)
        return best[1] if best else None

    def _organisation_of_group(self, np: str, pos: Pos) -> str | None:
        """The organisation a group speaks for: named after the group noun, or by its head noun's stem."""
        words = match_key(np).split()[1:]
        if not words:
            return None
        rest = " ".join(words)
        # "consilierii locali ai ALFA Sector 4": the longest organisation named in the group's words.
        named = [(len(k), e.name) for e in self._organisations for k in (match_key(f) for f in (e.name, *e.aliases))
                 if k and f" {k} " in f" {rest} "]
        if named:
            return max(named)[1]
        for e in self._organisations:
            keys = [match_key(f) for f in (e.name, *e.aliases)]
            head = keys[0].split()[0]
            # "liderii partidului" points back to a party just talked about, not to any party of the article.
            recent = any(pos[0] - _RECENT_PARAGRAPHS <= m.paragraph <= pos[0] for m in e.mentions)
            if (len(words) == 1 and " " in keys[0] and len(head) >= _STEM and head[:_STEM] == words[0][:_STEM]
                    and recent):
                return e.name
        return None

    def _resolve_document(self, np: str, pos: Pos) -> Resolved:
        """"comunicatul Ministerului Sănătății" -> the ministry; "un comunicat" alone -> nobody."""
        rest = " ".join(np.split()[1:])
        org = ORG_SEQ_RE.search(rest)
        if org:
            return Resolved(self.canonical(org.group(0)), org.group(0), Prior.DOCUMENT_OF_ORGANISATION)
        for tok in rest.split():
            if tok.lower() in ROLE_LEMMA:
                return self._resolve_role_np(rest[rest.index(tok):], pos)
        if np.split()[0].lower() in ISSUED_DOCUMENT_FORMS:
            issuer = self.latest_organisation(pos)  # "se arată în comunicat": the one that issued it just before
            if issuer:
                return Resolved(issuer, np, Prior.ISSUED_DOCUMENT, inferred=True)
        return Resolved(np, np, Prior.DOCUMENT)  # "studiul arată că ...": the document is all the text names

    def _resolve_role_np(self, np: str, pos: Pos, *, mention: str | None = None) -> Resolved:
        tokens = np.split()
        lemma = ROLE_LEMMA[tokens[0].lower()]
        rest = " ".join(tokens[1:])
        if lemma in ORG_ROLES and np[0].isupper():
            org = ORG_SEQ_RE.match(np)
            if org and len(org.group(0).split()) >= 2:
                # "Ministerul Sănătății"
                return Resolved(self.canonical(org.group(0)), org.group(0), Prior.NAMED_ORGANISATION)
        inner = person_in_role_phrase(rest)
        # "ministrul Afacerilor Externe": a capitalised genitive completes the role; only a known person
        # after it is named ("ministrul Educației Ligia Deca").
        complement = bool(rest) and rest[0].isupper() and rest.split()[0].lower().endswith(GENITIVE_ENDINGS)
        if complement and self._names_organisation(rest):
            inner = None  # "directorul Direcției Agricole Cluj": the capitals name his institution
        if inner and lemma not in ORG_ROLES and (self.is_person(inner) or looks_like_person(inner)):
            # "premierul Dan Ionescu", "deputatul PNL Ion Pop"
            return Resolved(self.canonical(inner), inner, Prior.ROLE_WITH_NAME)
        words = frozenset(w for w in match_key(rest).split() if w not in LOWERCASE_IN_NAMES)
        if POSSESSIVES.intersection(rest.lower().split()):
            newcomer = self.first_new_person(pos)  # "purtătorul său de cuvânt": someone else, named later
            if newcomer:
                return Resolved(newcomer, mention or np, Prior.SOMEONE_ELSES_ROLE, inferred=True)
        target = None if lemma in GENERIC_PERSON_ROLES else self.resolve_role(lemma, words, pos)
        if target is not None:
            return Resolved(target, mention or np, Prior.ROLE_HOLDER, inferred=True)
        if lemma in ORG_ROLES:
            # "Guvernul", "reprezentanții ministerului"
            return Resolved(mention or np, mention or np, Prior.ORGANISATION_ROLE)
        target = self.latest_person(pos)  # "medicul", "politicianul": the person the text is about
        if not target:
            return Resolved(None, np, Prior.NOBODY)
        return Resolved(target, mention or np, Prior.LATEST_PERSON_FOR_ROLE, inferred=True)


def _outside_quotes(text: str, start: int) -> bool:
    return 0 <= start < len(text) and text[start] != MASK_CHAR


def _is_object(text: str, start: int) -> bool:
    before = text[max(0, start - 10):start].split()
    return bool(before) and before[-1].lower() in OBJECT_MARKERS


def _apposition_after(text: str, end: int, org_role: bool) -> tuple[frozenset[str], str] | None:
    """Role words and the name after a role noun: "ministrul Sănătății, Ion Pop" or "premierul Ion X"."""
    tail = text[end:end + 160]
    words: list[str] = []
    complement = False  # inside a capitalised genitive complement: "directorul Direcției Agricole Cluj, X"
    for m in re.finditer(r"\s*(,\s*)?([^\s,.;:()]+)", tail):
        comma, token = m.group(1), m.group(2)
        complement = not comma and is_capitalised(token) and (complement or token.lower().endswith(GENITIVE_ENDINGS))
        if complement:
            words.append(token)  # "ministrul Afacerilor Externe, Ion Pop": the genitive completes the role
            continue
        if comma or is_capitalised(token):
            name_m = NAME_SEQ_RE.match(tail, m.start(2))
            if name_m and (comma or len(words) <= 3):
                name = name_m.group(0)
                if looks_like_person(name) or (not comma and org_role and len(name.split()) >= 2):
                    return frozenset(match_key(" ".join(words)).split()) - LOWERCASE_IN_NAMES, name
            if comma:
                return None
        if VERBISH_RE.fullmatch(token) or len(words) > 10:
            return None
        words.append(token)
    return None


def _name_before(text: str, start: int) -> tuple[frozenset[str], str] | None:
    """"Ana Vlad, președinta Federației ..." -> the role words that follow and the name before."""
    head = text[max(0, start - 80):start]
    m = _NAME_BEFORE_COMMA_RE.search(head)
    if not m or not looks_like_person(m.group(1)):
        return None
    tail = re.match(r"[^,.;:]*", text[start:]).group(0)
    words = frozenset(match_key(tail).split()[1:]) - LOWERCASE_IN_NAMES
    return words, m.group(1)
