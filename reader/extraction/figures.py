"""Figures: quantities, money, percentages and dates, with their value, qualifier and unit.

    find_figures(paragraphs, article_date="2025-09-03") -> (Figure, ...)

A figure's span runs from its qualifier to its counted noun (``peste 10 000 de soldați``). Matching runs on
cedilla-folded text, which has the same length, so offsets are offsets into ``paragraph.text``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .dates import MONTHS, WEEKDAYS, find_dates
from .intervals import Spans
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

_NUMBER_RE = re.compile(
    rf"""(?<![\w.,:/-])
    (?:(?P<qual>{_QUALIFIER})\s+)?
    (?:(?P<minus>minus|-)\s*)?
    (?:(?P<cur_before>[$€])\s?)?
    (?P<num>{DIGITS}|{WORDS})
    (?:\s*[-–]\s*(?P<high>{DIGITS}))?
    (?:\s+(?P<scale>{SCALE})(?!\w))?
    (?P<pct>\s*%|\s+la\s+sută|\s+(?:de\s+)?procente)?
    (?![\w/]|[.,:]\d)""",
    re.I | re.X,
)
# "mii de soldați", "zeci de mii de oameni": a scale word with no number before it.
_BARE_SCALE_RE = re.compile(
    rf"(?<![\w.,])(?:(?P<qual>{_QUALIFIER})\s+)?(?P<scale>zeci|sute|mii|milioane|miliarde)(?:\s+de\s+(?P<scale2>mii|"
    r"milioane|miliarde))?(?=\s+de\s)",
    re.I,
)
_UNIT_RE = re.compile(
    rf"\s+(?:(?P<de>de)\s+)?(?:(?P<cur>{_CURRENCY})(?![\w])|(?P<word>[^\W\d_]+(?:-[^\W\d_]+)?)"
    r"(?:\s+(?P<scale_unit>Celsius|Fahrenheit))?)",
    re.I,
)
# Words that follow a number without being what it counts.
_NOT_UNITS = frozenset(
    "a al ale ai au avea are este era fi fost sunt și sau ori dar iar că ce care cu din de la în pe pentru "
    "spre prin după până despre fără între lângă sub peste mai foarte deja doar numai încă tot toți "
    "toate acest acesta această aceste acești aceasta el ea ei ele lui lor se s-a s-au nu dintre ca decât "
    "când unde cum iar respectiv adică aproximativ circa față the of and or to".split()
) | (set(WEEKDAYS) - {"luni"}) | set(MONTHS)  # "2-1 duminică": the date is its own figure ("luni" = months)
_CLOCK_BEFORE_RE = re.compile(r"(?<!\w)(?:ora|orele)\s+$", re.I)
# "o lună și jumătate", "2 ani și jumătate": the half belongs to the number before the noun.
_AND_A_HALF_RE = re.compile(
    rf"(?<![\w.,])(?:(?P<qual>{_QUALIFIER})\s+)?(?P<num>un|o|{DIGITS}|{WORDS})\s+(?:de\s+)?(?P<unit>[^\W\d_]+)\s+și\s+jumătate"
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

    def add(start: int, end: int, **fields) -> None:
        if end > start and not taken.overlaps(start, end):
            taken.add(start, end)
            found.append(Figure(paragraph.index, start, end, paragraph.text[start:end], **fields))

    for d in find_dates(text, article_date):
        add(d.start, d.end, kind="date", value=d.value)
    for start, end, fields in _quantities(text):
        add(start, end, **fields)
    return sorted(found, key=lambda f: f.start)


def _quantities(text: str) -> Iterator[tuple[int, int, dict]]:
    for m in _AND_A_HALF_RE.finditer(text):
        if m.group("unit").lower() in _NOT_UNITS:
            continue
        whole = 1 if m.group("num").lower() in ("un", "o") else number_value(m.group("num"))
        fields = {"kind": "quantity", "value": tidy(whole + 0.5), "qualifier": _qualifier(m), "unit": m.group("unit")}
        yield m.start(), m.end(), fields
    for m in _NUMBER_RE.finditer(text):
        if m.group("num")[:1].isalpha() and not m.group("scale") and not _unit(text, m.end()):
            continue  # "trei" alone is too often part of a name or an idiom
        if _CLOCK_BEFORE_RE.search(text, max(0, m.start() - 12), m.start()):
            continue  # "ora 14.30" is a time of day
        yield _number_figure(text, m)
    for m in _BARE_SCALE_RE.finditer(text):
        value = SCALES[m.group("scale").lower()] * (SCALES[m.group("scale2").lower()] if m.group("scale2") else 1)
        qualifier = _qualifier(m) or ("thousands" if value >= 1000 else None)
        end, unit = _unit(text, m.end()) or (m.end(), None)
        yield m.start(), end, {"kind": "quantity", "value": value, "qualifier": qualifier, "unit": unit}


def _number_figure(text: str, m: re.Match[str]) -> tuple[int, int, dict]:
    value = float(number_value(m.group("num")))
    if m.group("scale"):
        value *= SCALES[m.group("scale").lower()]
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
    return m.start(), end, {"kind": kind, "value": tidy(value), "qualifier": _qualifier(m), "unit": unit}


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
    if word.lower() in _NOT_UNITS or (word[:1].isupper() and not m.group("scale_unit")):
        return None
    return m.end(), text[m.start("word") : m.end()]
