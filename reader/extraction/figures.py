"""Figures: quantities, money, percentages and dates, with their value, qualifier and unit.

    find_figures(paragraphs, article_date="2025-09-03") -> (Figure, ...)

A figure's span runs from its qualifier to its counted noun (``peste 10 000 de soldați``). Matching runs on
cedilla-folded text, which has the same length, so offsets are offsets into ``paragraph.text``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .dates import find_dates
from .intervals import Spans
from .language import foreign_spans, inside
from .lemmas import common_lemma
from .lexicon import AUXILIARY_VERBS, NOT_UNITS
from .normalize import fold
from .numbers import DIGITS, SCALE, SCALES, WORDS, number_value, tidy
from .types import Figure, Paragraph

QUALIFIERS = {
    "peste": "more_than", "mai mult de": "more_than", "mai bine de": "more_than", "cel puțin": "more_than",
    "minimum": "more_than", "minim": "more_than", "mai mult decât": "more_than",
    "aproximativ": "approximately", "circa": "approximately", "cca.": "approximately", "cca": "approximately",
    "în jur de": "approximately", "aproape": "approximately", "vreo": "approximately",
    "sub": "less_than", "mai puțin de": "less_than", "mai puțin decât": "less_than",
    "până la": "up_to", "până în": "up_to", "maximum": "up_to", "maxim": "up_to",
}
CURRENCIES = {
    "lei": "lei", "leu": "lei", "ron": "RON", "euro": "euro", "eur": "EUR", "€": "euro", "dolari": "dolari",
    "dolar": "dolari", "usd": "USD", "$": "dolari", "lire sterline": "lire sterline", "lire": "lire",
    "franci": "franci", "ruble": "ruble", "grivne": "grivne", "yeni": "yeni",
}
_QUALIFIER = "|".join(sorted((re.escape(q) for q in QUALIFIERS), key=len, reverse=True))
_CURRENCY = "|".join(sorted((re.escape(c) for c in CURRENCIES), key=len, reverse=True))

# Each figure pattern opens with a look-ahead for the characters a figure can start with: a scan then skips every
# other position at once instead of trying each qualifier and number word there (a megabyte of punctuation took
# seconds).
_NUMBER_RE = re.compile(
    rf"""(?=[\w$€-])(?<![\w.,:/-])
    (?:(?P<qual>{_QUALIFIER})\s+)?
    (?:(?P<minus>minus|-)\s*)?
    (?:(?P<cur_before>[$€])\s?)?
    (?P<num>{DIGITS}|{WORDS})
    (?:\s*[-–]\s*(?P<high>{DIGITS}))?
    (?:\s+(?:de\s+)?(?P<scale>{SCALE})(?!\w))?
    (?P<pct>\s*%|\s+la\s+sută|\s+(?:de\s+)?procente)?
    (?![\w/]|[.,:]\d)""",
    re.I | re.X,
)
# "mii de soldați", "zeci de mii de oameni": a scale word with no number before it.
_BARE_SCALE_RE = re.compile(
    rf"(?=\w)(?<![\w.,])(?:(?P<qual>{_QUALIFIER})\s+)?(?P<scale>zeci|sute|mii|milioane|miliarde)(?:\s+de\s+(?P<scale2>mii|"
    r"milioane|miliarde))?(?=\s+de\s)",
    re.I,
)
_UNIT_RE = re.compile(
    rf"\s+(?:(?P<de>de)\s+)?(?:(?P<cur>{_CURRENCY})(?![\w])|(?P<word>[^\W\d_]+(?:-[^\W\d_]+)?)"
    r"(?:\s+(?P<scale_unit>Celsius|Fahrenheit))?)",
    re.I,
)
# Words that follow a number without being what it counts.
_CLOCK_BEFORE_RE = re.compile(r"(?<!\w)(?:ora|orele)\s+$", re.I)
# "de trei ori", "de o mie de ori": how many times over (the counted noun "ori" is also "or").
_TIMES_RE = re.compile(
    rf"(?<![\w.,])de\s+(?:(?P<qual>{_QUALIFIER})\s+)?(?P<num>o|un|{DIGITS}|{WORDS})(?:\s+(?:de\s+)?(?P<scale>{SCALE}))?"
    r"\s+(?:de\s+)?ori(?!\w)",
    re.I,
)
# The word right before a number that labels something instead of measuring it: a capitalised word inside a
# sentence ("Sectorul 4", "Canalul 5", "Liga 2") or a noun with the definite article ("pilonul 2", "turul 3").
_LABEL_BEFORE_RE = re.compile(r"(?<![\w-])(?P<word>[^\W\d_][\w-]*)\s+$")
_DEFINITE_ENDINGS = ("ul", "ului")
# Written precision says a number measures something even with nothing after it: "media 7,03", "la 60.000".
_MEASURED_RE = re.compile(r"\d+[.,]\d{1,2}|\d{1,3}(?:[. ]\d{3})+(?:,\d+)?")
# "o lună și jumătate", "2 ani și jumătate": the half belongs to the number before the noun.
_AND_A_HALF_RE = re.compile(
    rf"(?=\w)(?<![\w.,])(?:(?P<qual>{_QUALIFIER})\s+)?(?P<num>un|o|{DIGITS}|{WORDS})\s+(?:de\s+)?(?P<unit>[^\W\d_]+)\s+și\s+jumătate"
    r"(?!\w)",
    re.I,
)


def find_figures(paragraphs: tuple[Paragraph, ...], *, article_date: str | None) -> tuple[Figure, ...]:
    figures: list[Figure] = []
    for paragraph in paragraphs:
        figures.extend(_paragraph_figures(paragraph, article_date))
    return tuple(figures)


def _paragraph_figures(paragraph: Paragraph, article_date: str | None) -> list[Figure]:
    text = fold(paragraph.text)
    found: list[Figure] = []
    taken = Spans()

    foreign = foreign_spans(text)

    def add(start: int, end: int, **fields) -> None:
        if end > start and not taken.overlaps(start, end) and not inside(foreign, start, end):
            taken.add(start, end)
            found.append(Figure(paragraph.index, start, end, paragraph.text[start:end], **fields))

    for d in find_dates(text, article_date):
        if d.high is not None:
            add(d.start, d.end, kind="date", value=d.value, low=d.value, high=d.high)
        else:
            add(d.start, d.end, kind="date", value=d.value)
    for start, end, fields in _quantities(text):
        add(start, end, **fields)
    return sorted(found, key=lambda f: f.start)


def _quantities(text: str) -> Iterator[tuple[int, int, dict]]:
    for m in _AND_A_HALF_RE.finditer(text):
        if m.group("unit").lower() in NOT_UNITS:
            continue
        whole = 1 if m.group("num").lower() in ("un", "o") else number_value(m.group("num"))
        fields = {"kind": "quantity", "value": tidy(whole + 0.5), "qualifier": _qualifier(m), "unit": m.group("unit")}
        yield m.start(), m.end(), fields
    for m in _TIMES_RE.finditer(text):
        whole = 1 if m.group("num").lower() in ("un", "o") else number_value(m.group("num"))
        value = whole * (SCALES[m.group("scale").lower()] if m.group("scale") else 1)
        yield m.start(), m.end(), {"kind": "quantity", "value": tidy(value), "qualifier": _qualifier(m), "unit": "ori"}
    for m in _NUMBER_RE.finditer(text):
        if _CLOCK_BEFORE_RE.search(text, max(0, m.start() - 12), m.start()):
            continue  # "ora 14.30" is a time of day
        if _is_label(text, m.start()) and not (m.group("pct") or m.group("cur_before") or m.group("scale")):
            continue  # "Sectorul 4", "pilonul 2 de pensii"
        start, end, fields = _number_figure(text, m)
        bare = fields["unit"] is None and fields["kind"] == "quantity" and not m.group("scale")
        if bare and not (m.group("minus") or _MEASURED_RE.fullmatch(m.group("num"))):
            continue  # a bare small whole number (a score, a rank, a label) measures nothing; "minus 3", "7,5" do
        if m.group("num")[:1].isalpha() and not _counts(text, m):
            continue  # "o nouă coaliție" (new), "celelalte două pot fi"
        yield start, end, fields
    for m in _BARE_SCALE_RE.finditer(text):
        value = SCALES[m.group("scale").lower()] * (SCALES[m.group("scale2").lower()] if m.group("scale2") else 1)
        qualifier = _qualifier(m) or ("thousands" if value >= 1000 else None)
        end, unit = _unit(text, m.end()) or (m.end(), None)
        yield m.start(), end, {"kind": "quantity", "value": value, "qualifier": qualifier, "unit": unit}


def _number_figure(text: str, m: re.Match[str]) -> tuple[int, int, dict]:
    scale = SCALES[m.group("scale").lower()] if m.group("scale") else 1
    value = float(number_value(m.group("num"))) * scale
    high = float(number_value(m.group("high"))) * scale if m.group("high") else None
    if m.group("minus"):
        value = -value
    end, kind, unit = m.end(), "quantity", None
    if m.group("pct"):
        kind, unit = "percent", "%"
    elif m.group("cur_before"):
        kind, unit = "money", CURRENCIES[m.group("cur_before")]
    else:
        found = _unit(text, m.end())
        if found:
            end, unit = found
            if unit.lower() in CURRENCIES:
                kind, unit = "money", CURRENCIES[unit.lower()]
    fields = {"kind": kind, "value": tidy(value), "qualifier": _qualifier(m), "unit": unit}
    if high is not None:
        fields.update(low=tidy(value), high=tidy(high))
    return m.start(), end, fields


def _is_label(text: str, start: int) -> bool:
    m = _LABEL_BEFORE_RE.search(text, max(0, start - 40), start)
    if not m or m.group("word").lower() in QUALIFIERS:
        return False
    word = m.group("word")
    if word[:1].isupper():
        before = text[: m.start()].rstrip()
        return bool(before) and not before.endswith((".", "!", "?", ":", "„", '"', "“", "—", "–", "-"))
    return word.lower().endswith(_DEFINITE_ENDINGS) and len(word) > 4


_ORDINAL_ARTICLE_BEFORE_RE = re.compile(r"(?<![\w-])(?:a|al)\s+$", re.I)


def _counts(text: str, m: re.Match[str]) -> bool:
    """A word-number counts the noun after it: ``nouă membri`` (9), not ``nouă coaliție`` (new, singular), nor
    ``a doua oară`` ("the second time": an ordinal before a singular; ``a trei ani``, ``a două regiuni`` count)."""
    after = _UNIT_RE.match(text, m.end())
    if m.group("scale") or not after:
        return bool(m.group("scale"))
    word = (after.group("word") or after.group("cur") or "").lower()
    if word in AUXILIARY_VERBS:
        return False
    ordinal = m.group("num").lower() == "doua" and _ORDINAL_ARTICLE_BEFORE_RE.search(text, max(0, m.start() - 4),
                                                                                        m.start())
    if (ordinal or m.group("num").lower() in ("nouă", "noua")) and not after.group("de"):
        return common_lemma(word) != word  # a plural noun differs from its dictionary form
    return True


def _qualifier(m: re.Match[str]) -> str | None:
    return QUALIFIERS.get(" ".join((m.group("qual") or "").lower().split()))


def _unit(text: str, pos: int) -> tuple[int, str] | None:
    """The counted noun or currency right after a number: ``de soldați``, ``lei``, ``grade Celsius``."""
    m = _UNIT_RE.match(text, pos)
    if not m:
        return None
    if m.group("cur"):
        return m.end(), m.group("cur")
    word = m.group("word")
    if word.lower() in NOT_UNITS or (word[:1].isupper() and not m.group("scale_unit")):
        return None
    if word.lower().endswith(("ul", "ului")) and len(word) > 4:
        return None  # a noun with the definite article is not what a number counts ("2-1 meciul")
    return m.end(), text[m.start("word") : m.end()]
