"""Romanian numbers as written in news copy: ``10 000``, ``10.000``, ``1,5``, ``trei``, ``douăzeci și cinci``.

Regex fragments (for matching on cedilla-folded, any-case text) and their values.
"""

from __future__ import annotations

import re

# Thousands grouped by a dot or a space, a decimal comma; a dot followed by other than three digits is a
# decimal point ("7.03" is a school grade, "1.5" one and a half).
DIGITS = r"(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:[ ]\d{3})+(?:,\d+)?|\d+,\d+|\d+\.\d+|\d+)"

UNITS = {
    "zero": 0, "doi": 2, "două": 2, "doua": 2, "trei": 3, "patru": 4, "cinci": 5, "șase": 6, "sase": 6,
    "șapte": 7, "sapte": 7, "opt": 8, "nouă": 9, "noua": 9,
}
TEENS = {
    "zece": 10, "unsprezece": 11, "doisprezece": 12, "douăsprezece": 12, "treisprezece": 13,
    "paisprezece": 14, "cincisprezece": 15, "șaisprezece": 16, "șaptesprezece": 17, "optsprezece": 18,
    "nouăsprezece": 19,
}
TENS = {
    "douăzeci": 20, "treizeci": 30, "patruzeci": 40, "cincizeci": 50, "șaizeci": 60, "șaptezeci": 70,
    "optzeci": 80, "nouăzeci": 90,
}
# "un"/"o" are left out on purpose: as articles they are far more frequent than as numbers.
_ONES = {**UNITS, "unu": 1, "una": 1}
SCALES = {
    "sută": 100, "sute": 100, "mie": 1000, "mii": 1000, "milion": 10**6, "milioane": 10**6, "mil.": 10**6,
    "miliard": 10**9, "miliarde": 10**9, "mld.": 10**9, "mld": 10**9, "zeci": 10,
}


def _alternation(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_TENS_RE = rf"(?:{_alternation(TENS)})(?:\s+și\s+(?:{_alternation(_ONES)}))?"
WORDS = rf"(?:{_TENS_RE}|{_alternation(TEENS)}|{_alternation(UNITS)})"
SCALE = rf"(?:{_alternation(SCALES)})"


def digits_value(text: str) -> float | int:
    """``10 000`` / ``10.000`` -> 10000, ``1,5`` -> 1.5, ``7.03`` -> 7.03."""
    if re.fullmatch(r"\d{1,3}(?:[. ]\d{3})+(?:,\d+)?", text):
        text = text.replace(".", "").replace(" ", "")
    text = text.replace(",", ".")
    value = float(text)
    return int(value) if value.is_integer() and "." not in text else value


def words_value(text: str) -> int:
    """``douăzeci și cinci`` -> 25, ``trei`` -> 3."""
    total = 0
    for word in text.lower().split():
        total += TENS.get(word, 0) + TEENS.get(word, 0) + _ONES.get(word, 0)
    return total


def number_value(text: str) -> float | int:
    return digits_value(text) if text[:1].isdigit() else words_value(text)


def tidy(value: float) -> float | int:
    """Whole floats become ints (2.3 million lei is 2300000, not 2300000.0000000005)."""
    rounded = round(value, 6)
    return int(rounded) if float(rounded).is_integer() else rounded
