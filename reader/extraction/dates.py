"""Date expressions in Romanian news, resolved against the article date when it is known.

Rules only (dateparser is far too slow for running over every paragraph, and these cover what agency copy
writes): ``3 Septembrie 2025``, ``în aprilie``, ``la mijlocul lunii august``, ``anul trecut``, ``miercuri``,
``în 2024``, ``12.03.2024``. Values are ISO strings: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; None when
the article date would be needed but is unknown.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from . import lexicon
from .intervals import Spans

MONTHS = {name: k for k, name in enumerate(lexicon.MONTHS, start=1)}
# Abbreviations only count next to a day number ("3 sept. 2025"): alone, "mar" or "dec" are other words.
ABBREVIATIONS = lexicon.MONTH_ABBREVIATIONS
WEEKDAYS = {name: k for k, name in enumerate(lexicon.WEEKDAYS)}
_MONTH = "|".join(m for m in MONTHS if m != "mai")
_ANY_MONTH = "|".join(MONTHS)
_ABBREVIATED = "|".join(sorted(ABBREVIATIONS, key=len, reverse=True))
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_B = r"(?<![\w.,])"  # a word start that is not inside a number
_E = r"(?![\w])"


def _date_re(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Every date starts with a letter or a digit: checked first, a scan skips other positions at once instead of
    trying each month and weekday name there."""
    return re.compile(rf"(?=\w)(?:{pattern})", flags)


_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("numeric", _date_re(rf"{_B}(?P<d>[0-3]?\d)(?P<sep>[./-])(?P<m>[01]?\d)(?P=sep)(?P<y>{_YEAR}){_E}")),
    ("year_range", _date_re(rf"(?<![\w.,/-])(?P<y>{_YEAR})\s*[-–]\s*(?P<y2>{_YEAR})(?![\w%/]|-\w|[.,]\d)")),
    ("day_month", _date_re(rf"{_B}(?P<d>[0-3]?\d)\s+(?P<m>{_ANY_MONTH})(?:\s+(?P<y>{_YEAR}))?{_E}", re.I)),
    ("day_month", _date_re(rf"{_B}(?P<d>[0-3]?\d)\s+(?P<m>{_ABBREVIATED})\.?(?:\s+(?P<y>{_YEAR}))?{_E}", re.I)),
    ("period_of_month", _date_re(
        rf"{_B}(?P<part>începutul|mijlocul|sfârșitul|finalul)\s+lunii\s+(?P<m>{_ANY_MONTH})(?:\s+(?P<y>{_YEAR}))?{_E}",
        re.I)),
    ("month_year", _date_re(rf"{_B}(?:luna\s+|lunii\s+)?(?P<m>{_ANY_MONTH})\s+(?P<y>{_YEAR}){_E}", re.I)),
    ("named_month", _date_re(rf"(?<=\bluna\s)(?P<m>{_ANY_MONTH}){_E}|(?<=\blunii\s)(?P<m2>{_ANY_MONTH}){_E}", re.I)),
    ("month", _date_re(rf"(?<=\b[îi]n\s)(?P<m>{_MONTH}){_E}|(?<=\bdin\s)(?P<m2>{_MONTH}){_E}", re.I)),
    ("month", _date_re(rf"(?<=\blunile\s)(?P<m>{_ANY_MONTH}){_E}", re.I)),
    # "în lunile noiembrie și decembrie", "în martie, aprilie": a month listed after another one
    ("listed_month", _date_re(rf"(?:(?<=\sși\s)|(?<=\ssau\s)|(?<=,\s))(?P<m>{_MONTH}){_E}", re.I)),
    ("year_period", _date_re(
        r"(?<!\w)(?P<part>începutul|mijlocul|sfârșitul|finalul)\s+(?P<rel>acestui\s+an|anului\s+trecut|anului\s+"
        rf"viitor|anului(?:\s+(?P<y>{_YEAR}))?){_E}", re.I)),
    ("relative_year", _date_re(
        r"(?<!\w)(?P<rel>anul\s+trecut|anul\s+acesta|acest\s+an|anul\s+curent|anul\s+viitor|anul\s+următor)"
        rf"{_E}", re.I)),
    ("relative_day", _date_re(r"(?<!\w)(?P<rel>ieri|alaltăieri|azi|astăzi|aseară|mâine|poimâine)(?!\w)", re.I)),
    ("year", _date_re(rf"(?<![\w.,])(?:(?P<pre>anul)\s+)?(?P<y>{_YEAR})(?![\w%]|[.,]\d|\s+de\s|\s\d{{3}})", re.I)),
    ("weekday", _date_re(rf"(?<!\w)(?P<w>{'|'.join(lexicon.WEEKDAYS)})(?!\w)", re.I)),
]
_RELATIVE_YEARS = {"anul trecut": -1, "anul acesta": 0, "acest an": 0, "anul curent": 0, "anul viitor": 1,
                   "anul următor": 1, "acestui an": 0, "anului trecut": -1, "anului viitor": 1}
_RELATIVE_DAYS = {"ieri": -1, "alaltăieri": -2, "azi": 0, "astăzi": 0, "aseară": -1, "mâine": 1, "poimâine": 2}
# "luni" is also "months"; after these words it is the plural noun, not Monday.
_NOT_MONDAY_BEFORE = re.compile(
    r"(?<!\w)(?:\d+|ultimele|câteva|multe|două|trei|patru|cinci|șase|șapte|opt|nouă|zece|cele|de|mai|unele|următoarele|"
    r"ultimii|primele|doar|pentru|acum|peste|în)\s*$", re.I)


_MONTH_BEFORE_RE = re.compile(rf"(?<!\w)(?:{_ANY_MONTH})(?:\s+{_YEAR})?\s*(?:,|și|sau)\s*$", re.I)
# A capitalised word inside a sentence right before a year: the year belongs to a name. An edition's year
# ("Euro 2024", "Strategia 2030") is a date all the same; a founding year ("Olimpia Ardeal 1921") is not.
_EDITION_YEARS = 10
_NAME_BEFORE_RE = re.compile(r"(?<=[\w,;)] )[A-ZĂÂÎȘȚ][\w-]*\s$")


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    value: str | None
    high: str | None = None  # the end of a range ("2004-2005"); ``value`` is its start


def _parse_date(article_date: str | None) -> date | None:
    try:
        return date.fromisoformat(article_date) if article_date else None
    except ValueError:
        return None


def find_dates(text: str, article_date: str | None) -> Iterator[DateMatch]:
    """Date expressions in one (cedilla-folded) paragraph; earlier patterns win overlaps."""
    today = _parse_date(article_date)
    taken = Spans()
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if taken.overlaps(m.start(), m.end()):
                continue
            resolved = _resolve(kind, m, today, text)
            if resolved is False:
                continue
            taken.add(m.start(), m.end())
            yield DateMatch(m.start(), m.end(), resolved, m.group("y2") if kind == "year_range" else None)


def _month(m: re.Match[str]) -> int:
    name = (m.group("m") or m.groupdict().get("m2") or "").lower()
    return MONTHS.get(name) or ABBREVIATIONS[name]


def _resolve(kind: str, m: re.Match[str], today: date | None, text: str) -> str | None | bool:
    """The ISO value of a match; False when the match is not a date after all."""
    groups = m.groupdict()
    year = int(groups["y"]) if groups.get("y") else (today.year if today else None)
    if kind == "numeric":
        month, day = int(m.group("m")), int(m.group("d"))
        return _iso(year, month, day) if 1 <= month <= 12 and 1 <= day <= 31 else False
    if kind == "day_month":
        day = int(m.group("d"))
        if not 1 <= day <= 31:
            return False
        return _iso(year, _month(m), day) if year else None
    if kind == "listed_month" and not _MONTH_BEFORE_RE.search(text, max(0, m.start() - 20), m.start()):
        return False
    if kind in ("period_of_month", "month_year", "named_month", "month", "listed_month"):
        return f"{year:04d}-{_month(m):02d}" if year else None
    if kind in ("year_period", "relative_year"):
        rel = " ".join((groups.get("rel") or "").lower().split())
        if groups.get("y"):
            return groups["y"]
        if rel not in _RELATIVE_YEARS:
            return str(today.year) if today else None
        return str(today.year + _RELATIVE_YEARS[rel]) if today else None
    if kind == "relative_day":
        return (today + timedelta(days=_RELATIVE_DAYS[m.group("rel").lower()])).isoformat() if today else None
    if kind == "year_range":
        return m.group("y") if int(m.group("y")) < int(m.group("y2")) else False
    if kind == "year":
        if _NAME_BEFORE_RE.search(text, max(0, m.start() - 40), m.start()) and not m.group("pre"):
            near = abs(int(m.group("y")) - today.year) <= _EDITION_YEARS if today else int(m.group("y")) >= 2000
            if not near:
                return False  # "Olimpia Ardeal 1921": a founding year in a name
        return m.group("y")
    if kind == "weekday":
        return _weekday(m, today, text)
    return None


def _weekday(m: re.Match[str], today: date | None, text: str) -> str | None | bool:
    name = m.group("w").lower()
    before = _NOT_MONDAY_BEFORE.search(text, max(0, m.start() - 30), m.start())
    if name == "luni" and (before or re.match(r"\s+de\b", text[m.end() :])):
        return False
    if not today:
        return None
    # News reports the past: the latest such weekday on or before the article date.
    back = (today.weekday() - WEEKDAYS[name]) % 7
    return (today - timedelta(days=back)).isoformat()


def _iso(year: int | None, month: int, day: int) -> str | None:
    if year is None:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return f"{year:04d}-{month:02d}"
