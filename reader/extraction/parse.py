"""Split an article (the project's text format) into metadata and role-tagged paragraphs.

Layout: optional header line (`` date 2025-09-03 LUME``), title, optional lead, optional photo caption
(``... / Credit``), optional dateline (``3 Septembrie 2025``), a blank line, then one body paragraph per line.
Real exports bend every rule (no blank lines at all, teasers for other articles in the middle), so the
parser is heuristic and never crashes on odd input.
"""

from __future__ import annotations

import re

from .lexicon import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS
from .normalize import clean_text, fold, match_key
from .types import ExtractionError, Meta, Paragraph

_HEADER_RE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2}|unknown)\b\s*(.*?)\s*$", re.IGNORECASE)
_MONTHS = "|".join((*MONTHS, *MONTH_ABBREVIATIONS))
_DATELINE_RE = re.compile(
    rf"^(?:(?:{'|'.join(WEEKDAYS)}),?\s+)?\d{{1,2}}\.?\s+(?:{_MONTHS})\.?\s+\d{{4}}"
    rf"(?:,?\s+(?:ora\s+)?\d{{1,2}}[:.]\d{{2}})?$"
    r"|^\d{1,2}[./]\d{1,2}[./]\d{4}(?:,?\s+\d{1,2}[:.]\d{2})?$",
    re.IGNORECASE,
)
# "Caption text. / Reuters" -- the credit after the last " / " is short (an agency or a photographer).
_CAPTION_RE = re.compile(r"^(?P<caption>.+?)\s+/\s+(?P<credit>[^/]{2,60})$")
_CREDIT_PREFIX_RE = re.compile(r"^\s*(?:sursa\s+)?(?:foto|photo|sursa|credit)\s*:\s*", re.IGNORECASE)
_FINAL_PUNCT = ".!?:;…\"”“»'’)]"
_HEADING_MAX_CHARS = 90
_HEADING_MAX_WORDS = 14

# Boilerplate lines, matched on match_key (no diacritics, casefolded) at the start of the line.
_BOILERPLATE_RE = re.compile(
    r"^(?:citeste\s+si|citeste\s+mai\s+mult|citeste\s+aici|vezi\s+si|vezi\s+aici|vezi\s+video|recomandari\b"
    r"|recomandarea\s+redactiei|urmareste-ne|urmariti-ne|urmareste\s+(?:stirile|digi24)|articole\s+similare"
    r"|related\b|read\s+more|abonea?za-te|aboneaza-va|descarca\s+aplicatia|editor\s*:|autor\s*:|sursa\s+foto"
    r"|foto\s*:|video\s*:|tags?\s*:|etichete\s*:|distribuie\b|share\b"
    r"|informare\s*setarile|setarile\s+tale\s+privind|publicitate$|advertisement$|view this post on instagram"
    r"|vezi aceasta postare)"
)
# Cookie/consent walls and follow-us prompts can appear anywhere in a short line.
_BOILERPLATE_ANYWHERE_RE = re.compile(
    r"cookie-urile|accepti cookie|continutul din aceasta zona|pe google news|>>\s*citeste|click aici pentru"
)
_BOILERPLATE_ANYWHERE_MAX = 300  # a long paragraph that mentions these words is real text


def parse_article(text: str) -> tuple[Meta, tuple[Paragraph, ...], str]:
    """Parse a whole article file; raise ExtractionError when it has no title."""
    lines = [_clean_line(line) for line in (text or "").split("\n")]
    date, source, start = _read_header(lines)
    title_at = _next_nonblank(lines, start)
    if title_at is None:
        raise ExtractionError("The article has no title (no text after the header line).")
    has_blank_lines = any(not line for line in _trim_blank_tail(lines[title_at:]))

    paragraphs: list[tuple[str, str]] = [("title", lines[title_at])]
    lead = credit = dateline = None
    i = title_at + 1
    # The header block: lead, caption, dateline, in any subset, ended by a blank line.
    while i < len(lines) and lines[i]:
        line = lines[i]
        caption = _CAPTION_RE.match(line)
        if _DATELINE_RE.match(line) and dateline is None:
            dateline = line
            paragraphs.append(("dateline", line))
        elif caption and credit is None and _looks_like_credit(caption.group("credit")):
            credit = _CREDIT_PREFIX_RE.sub("", caption.group("credit")).strip()
            # The caption keeps its credit as written ("... / Reuters"): the agency is named in the article.
            paragraphs.append(("caption", line))
        elif lead is None and (has_blank_lines or _followed_by_header_item(lines, i + 1)) and not _is_boilerplate(line):
            lead = line
            paragraphs.append(("lead", line))
        else:
            break
        i += 1
    paragraphs.extend(_body(lines[i:]))
    meta = Meta(date=date, source=source, title=lines[title_at], lead=lead, credit=credit, dateline=dateline)
    return meta, *_finish(paragraphs)


def parse_passage(text: str) -> tuple[Meta, tuple[Paragraph, ...], str]:
    """Parse a bare passage: every non-empty line is a body paragraph, there is no title."""
    lines = [_clean_line(line) for line in (text or "").split("\n")]
    return Meta(title=""), *_finish([("body", line) for line in lines if line])


def _clean_line(line: str) -> str:
    return fold(clean_text(line)).strip()


def _read_header(lines: list[str]) -> tuple[str | None, str | None, int]:
    """Return (ISO date or None, source or None, index of the first line after the header)."""
    first = _next_nonblank(lines, 0)
    if first is None:
        return None, None, 0
    match = _HEADER_RE.match(lines[first])
    if not match:
        return None, None, first
    date = match.group(1).lower()
    source = match.group(2) or None
    return (None if date == "unknown" else date), source, first + 1


def _next_nonblank(lines: list[str], start: int) -> int | None:
    return next((i for i in range(start, len(lines)) if lines[i]), None)


def _trim_blank_tail(lines: list[str]) -> list[str]:
    end = len(lines)
    while end and not lines[end - 1]:
        end -= 1
    return lines[:end]


def _looks_like_credit(credit: str) -> bool:
    words = credit.split()
    return 0 < len(words) <= 6 and not credit.rstrip().endswith((".", "?", "!", ":"))


def _followed_by_header_item(lines: list[str], i: int) -> bool:
    """Without blank lines the lead is recognisable only when a caption or dateline follows it."""
    if i >= len(lines) or not lines[i]:
        return False
    caption = _CAPTION_RE.match(lines[i])
    return bool(_DATELINE_RE.match(lines[i]) or (caption and _looks_like_credit(caption.group("credit"))))


def _body(lines: list[str]) -> list[tuple[str, str]]:
    kept = [line for line in lines if line and not _is_boilerplate(line)]
    out = []
    for k, line in enumerate(kept):
        role = "heading" if _is_heading(line, has_next=k + 1 < len(kept)) else "body"
        out.append((role, line))
    return out


def _is_boilerplate(line: str) -> bool:
    key = match_key(line)
    if _BOILERPLATE_RE.match(key):
        return True
    return len(key) <= _BOILERPLATE_ANYWHERE_MAX and bool(_BOILERPLATE_ANYWHERE_RE.search(key))


def _is_heading(line: str, *, has_next: bool) -> bool:
    """A short line without final punctuation sitting between paragraphs is a subheading."""
    if not has_next or len(line) > _HEADING_MAX_CHARS or len(line.split()) > _HEADING_MAX_WORDS:
        return False
    if line[-1] in _FINAL_PUNCT or line[0] in "„“\"«‹<-–—•*":
        return False
    return line[0].isupper() or line[0].isdigit()


def _finish(items: list[tuple[str, str]]) -> tuple[tuple[Paragraph, ...], str]:
    paragraphs = tuple(Paragraph(index=i, role=role, text=text) for i, (role, text) in enumerate(items))
    return paragraphs, "\n\n".join(p.text for p in paragraphs)
