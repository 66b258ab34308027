"""Nominative (dictionary) forms of Romanian names: ``Rusiei`` -> ``Rusia``, ``Coreei de Nord`` -> ``Coreea de Nord``.

Romanian inflects names with endings (``-ei``, ``-ii``, ``-ului``) and a definite article (``-ul``).
Known words go through simplemma's dictionary; unknown capitalised words (foreign places) through
suffix rules checked against lemmagen3. Guards keep acronyms, numbers and already-nominative
names as they are, because a wrong lemma ("Kim" -> "Ki") is worse than an inflected one.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import lemmagen3
import simplemma

from .lexicon import NAME_LINKERS

_FEMININE_GENITIVE = ("ei", "ii")
_MASCULINE_GENITIVE = ("ului", "lui")


@cache
def _lemmagen() -> lemmagen3.Lemmatizer:
    return lemmagen3.Lemmatizer("ro")


@lru_cache(maxsize=1 << 16)  # bounded: a long-running server sees an open-ended stream of words
def _dictionary_lemma(word: str) -> str:
    return simplemma.lemmatize(word, lang="ro")


def _known(word: str) -> bool:
    return simplemma.is_known(word.lower(), lang="ro")


def _is_name_word(word: str) -> bool:
    """A word we may inflect back: capitalised letters only, not an acronym, not a number."""
    return len(word) > 2 and word[0].isupper() and word.isalpha() and not word.isupper()


def _with_case(lemma: str, like: str) -> str:
    return lemma[:1].upper() + lemma[1:] if like[:1].isupper() else lemma


def _articulate(lemma: str, feminine: bool) -> str:
    """Dictionary form -> nominative with the definite article (``guvern`` -> ``guvernul``, ``casă`` -> ``casa``)."""
    if feminine:
        if lemma.endswith("ă"):
            return lemma[:-1] + "a"
        if lemma.endswith("ie"):
            return lemma[:-1] + "a"
        if lemma.endswith("e"):
            return lemma + "a"
        return lemma
    if lemma.endswith("u"):
        return lemma + "l"
    if lemma.endswith("e"):
        return lemma + "le"
    return lemma + "ul"


def _proper_lemma(word: str) -> str | None:
    """simplemma knows many place names: ``Rusiei`` -> ``Rusia``, ``Beijingul`` -> ``Beijing``."""
    lemma = _dictionary_lemma(word)
    if lemma != word and lemma[:1].isupper() and lemma[:2].lower() == word[:2].lower():
        return lemma
    return None


def _unknown_name_nominative(word: str) -> str:
    """Suffix rules for names no dictionary knows (``Kievului``, ``Phenianul``, ``Floridei``)."""
    lower = word.lower()
    if lower.endswith("ului") and len(word) >= 7:
        return word[:-4]
    if lower.endswith("eei"):
        return word[:-1] + "a"
    if lower.endswith("ei") and len(word) >= 6:
        return word[:-2] + "a"
    if lower.endswith("ul") and len(word) >= 6:
        # lemmagen3 knows which "-ul" is an article (Phenianul) and which is the name (Istanbul).
        lemma = _lemmagen().lemmatize(word)
        if lemma == word[:-2]:
            return lemma
    return word


def _plural_nominative(word: str) -> str | None:
    """Genitive plural -> nominative plural with the article: ``Statelor`` -> ``Statele``, ``Drumurilor`` ->
    ``Drumurile``, ``Țărilor`` -> ``Țările``, ``Balcanilor`` -> ``Balcani``."""
    lower = word.lower()
    if lower.endswith(("urilor", "elor")):
        return word[:-3] + "le"
    if lower.endswith("ilor"):
        if not _known(lower):
            return word[:-4] + "i"  # names of mountains and peoples are masculine: "Balcanilor" -> "Balcani"
        if _dictionary_lemma(lower).endswith(("ă", "ie")):  # "țară", "academie": feminine
            return word[:-3] + "le"
    return None  # "Afacerilor": feminine "afacerile" or masculine "munții", a dictionary without genders can't tell


def _head_noun(word: str, label: str) -> tuple[str, bool | None]:
    """Nominative of the first word of a name and whether it was a feminine genitive (None: not inflected)."""
    lower = word.lower()
    proper = _proper_lemma(word)
    if proper:
        return proper, lower.endswith(_FEMININE_GENITIVE)
    if label == "PERSON":
        return word, None  # surnames are not declined in news copy; "Pintea" must stay "Pintea"
    if lower.endswith("lor") and len(lower) > 6 and label != "PERSON":
        plural = _plural_nominative(word)
        if plural:
            return plural, False  # plural adjectives read the same in both cases: "Statelor Unite"
    if _known(lower):
        lemma = _dictionary_lemma(lower)
        if lemma == lower or lemma[:1] != lower[:1]:
            return word, None
        if lower.endswith(_MASCULINE_GENITIVE):
            # "Guvernului" -> "Guvernul", but a place keeps its bare name ("Pacificului" -> "Pacific").
            return _with_case(lemma if label == "PLACE" else _articulate(lemma, feminine=False), word), False
        if lower.endswith(_FEMININE_GENITIVE):
            return _with_case(_articulate(lemma, feminine=True), word), True
        return word, None
    nominative = _unknown_name_nominative(word)
    if nominative == word:
        return word, None
    return nominative, lower.endswith(_FEMININE_GENITIVE)


def _agree_adjective(word: str) -> str:
    """An adjective after a feminine genitive noun: ``Populare`` -> ``Populară``, ``Europene`` -> ``Europeană``,
    ``Roșii`` -> ``Roșie``. Other words are genitive nouns and stay (``Primăriei Municipiului``)."""
    if not _is_name_word(word):
        return word
    lower = word.lower()
    if lower.endswith("ene"):
        return word[:-3] + "eană"
    if lower.endswith("e"):
        return word[:-1] + "ă"
    lemma = _dictionary_lemma(lower)
    if lower.endswith("ești") and lemma.endswith("esc"):
        return word[:-4] + "ească"  # "Băncii Românești" -> "Banca Românească"; not a place ("Comunei Bălțești")
    if lower.endswith("ii") and lemma.endswith("u") and lemma[:2] == lower[:2]:
        return _with_case(lemma[:-1] + "ie", word)
    return word


@lru_cache(maxsize=1 << 16)
def nominative(name: str, label: str) -> str:
    """The dictionary form of a whole name; words after a linker (``de``, ``a``) are kept as written."""
    words = name.split(" ")
    cut = next((i for i, w in enumerate(words) if i and w in NAME_LINKERS), len(words))
    head, rest = words[:cut], words[cut:]
    if not head or not _is_name_word(head[0]):
        return name
    first, feminine = _head_noun(head[0], label)
    if feminine is None:
        return name
    tail = head[1:]
    if feminine is False and tail and head[0].lower().endswith("ului") and not first.lower().endswith("ul") \
            and is_common_word(tail[0]):
        first = head[0][:-2]  # an adjective keeps the article on its noun: "Orientului Mijlociu" -> "Orientul Mijlociu"
    if feminine:
        # Adjectives right after the noun agree with it; after a genitive noun ("Sănătății") they agree with that.
        agreed = [_agree_adjective(w) for w in tail]
        stop = next((i for i, (a, w) in enumerate(zip(agreed, tail, strict=True)) if a == w), len(tail))
        tail = agreed[:stop] + tail[stop:]
    return " ".join([first, *tail, *rest])


_ACRONYM_RE = re.compile(r"[A-ZĂÂÎȘȚ][A-ZĂÂÎȘȚ0-9&.-]{1,9}")


def is_acronym(word: str) -> bool:
    return bool(_ACRONYM_RE.fullmatch(word)) and any(c.isalpha() for c in word) and word.upper() == word


_BROKEN_WORD_RE = re.compile(r"([^\W\d_]+)-([a-zăâîșț]+)")


def rejoined(text: str) -> str:
    """Words a printed page hyphenated at a line's end, joined again (``Națio-nală`` -> ``Națională``): when the
    joined word is a dictionary word and the hyphenated one is not (``nord-coreean`` stays)."""
    def join(m: re.Match[str]) -> str:
        word = m.group(1) + m.group(2)
        return word if _known(word.lower()) and not _known(m.group().lower()) else m.group()

    return _BROKEN_WORD_RE.sub(join, text) if "-" in text else text


def is_common_word(word: str) -> bool:
    """A dictionary word that is not a proper noun (``Premierul``, ``Clubul``; not ``Rusia``, ``Cluj``)."""
    if not word[:1].isupper() or is_acronym(word):
        return False
    lower = word.lower()
    return _known(lower) and not _proper_lemma(word) and not _dictionary_lemma(word)[:1].isupper()


def common_lemma(word: str) -> str:
    """Dictionary form of a common word, lowercase (``Guvernului`` -> ``guvern``)."""
    return _dictionary_lemma(word.lower())
