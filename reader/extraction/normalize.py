"""Text cleaning and comparison keys shared by the whole extraction package.

``clean_text`` repairs scraper debris without ever dropping real words; ``fold`` unifies the two
spellings of the Romanian letters ș/ț (legacy cedilla vs correct comma-below); ``match_key`` is the
loose key used to compare names and search (case, diacritics and cedillas ignored).
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

_CEDILLA_TO_COMMA = str.maketrans({"ş": "ș", "ţ": "ț", "Ş": "Ș", "Ţ": "Ț"})

# Entities must end in ';' so that text such as "AT&T" or "R&D" is never touched.
_ENTITY_RE = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Invisible characters scrapers leave inside words: soft hyphen, zero-width space/joiners, word joiner, BOM.
_INVISIBLE_RE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff\u180e]")
# Every horizontal space variant (NBSP, narrow NBSP, figure space, thin spaces, tabs, ...) becomes one space.
_SPACES_RE = re.compile("[\t\u000b\u000c\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000 ]+")
# Control characters other than newline carry no text; they would break offsets and rendering.
_CONTROL_RE = re.compile("[\u0000-\u0008\u000e-\u001f\u007f-\u009f]")
_MAX_UNESCAPE_ROUNDS = 3  # "&amp;amp;nbsp;" is the worst seen in the wild


def unescape_entities(s: str) -> str:
    """Decode HTML entities, repeating for double-escaped debris like ``&amp;nbsp;``."""
    for _ in range(_MAX_UNESCAPE_ROUNDS):
        if "&" not in s:
            break
        new = _ENTITY_RE.sub(lambda m: html.unescape(m.group(0)), s)
        if new == s:
            break
        s = new
    return s


_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def clean_text(s: str) -> str:
    """Remove scraper debris from text; newlines are kept, each line is stripped."""
    if not s:
        return ""
    s = unescape_entities(s)
    # Lone surrogates (from JSON "\ud800" escapes) cannot be encoded or stored: one replacement
    # character each, so every offset stays where it was.
    s = _SURROGATE_RE.sub("\ufffd", s)
    s = s.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    s = _INVISIBLE_RE.sub("", s)
    s = _CONTROL_RE.sub(" ", s)
    s = _SPACES_RE.sub(" ", s)
    return "\n".join(line.strip() for line in s.split("\n"))


def fold(s: str) -> str:
    """Cedilla ş ţ Ş Ţ -> comma-below ș ț Ș Ț (the correct Romanian letters)."""
    return s.translate(_CEDILLA_TO_COMMA)


def strip_diacritics(s: str) -> str:
    decomposed = unicodedata.normalize("NFKD", s)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=8192)
def match_key(s: str) -> str:
    """Key for comparisons and search: casefolded, no diacritics, cedillas folded, spaces collapsed."""
    return " ".join(strip_diacritics(fold(s or "")).casefold().split())


class _CharKeys(dict):
    """str.translate table: each character to the first character of its match key (a space for any space),
    filled as characters are first met, so a whole paragraph folds at C speed."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        key = " " if char.isspace() else match_key(char)[:1] or char.lower()[:1] or char
        self[code] = key
        return key


_CHAR_KEYS = _CharKeys()


def char_key(text: str) -> str:
    """``match_key`` one character per character, so offsets in the key are offsets in the text (for regex
    searches whose hits are then cut out of the original)."""
    return text.translate(_CHAR_KEYS)
