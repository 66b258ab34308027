"""Readers for the places newsrooms keep articles: the project's text export, saved web pages, row exports
(JSON Lines, JSON arrays, CSV) and, through ``feeds``, RSS/Atom feeds.

Every reader turns its source into the project's text format (``text.to_text``), so an article from a web page or
a CMS row goes through the same parsing, extraction and re-import rules as a text file (``reader.ingest``). This
package never touches the database; ``read_source`` is the one entry point by file name.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

from django.conf import settings

TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm"}
ROW_SUFFIXES = {".jsonl", ".json", ".csv"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | ROW_SUFFIXES


@dataclass(frozen=True)
class ArticleText:
    """One article in the text format, ready for ``ingest.import_text``."""

    name: str  # the import key: a file name, "rows.csv#3", or the article's URL
    text: str
    url: str = ""  # where it was published (canonical URL), "" when unknown
    author: str = ""


@dataclass(frozen=True)
class Unreadable:
    """A source, or one row of it, that holds no article: ``message`` is the one-line reason."""

    name: str
    message: str


Read = ArticleText | Unreadable


def is_supported(name: str) -> bool:
    return PurePosixPath(name).suffix.lower() in SUFFIXES


def size_limit(name: str) -> int:
    """The largest file of this kind that is read at all: a row export holds many articles."""
    if PurePosixPath(name).suffix.lower() in ROW_SUFFIXES:
        return settings.READER_MAX_ARCHIVE_BYTES
    return settings.READER_MAX_IMPORT_BYTES


def read_source(name: str, data: bytes, *, mapping: dict[str, str] | None = None) -> list[Read]:
    """The articles in one file, by its suffix: a .txt or .html file is one article, a row export one per row.

    ``name`` is the file's name (its key); ``mapping`` renames row columns (``{"text": "maintext"}``)."""
    from . import html, rows, text

    suffix = PurePosixPath(name).suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return [text.read_text_file(name, data)]
    if suffix in HTML_SUFFIXES:
        return [html.read_html(name, data)]
    if suffix in ROW_SUFFIXES:
        return rows.read_rows(name, data, mapping=mapping)
    return [Unreadable(name, "Not an article: only .txt, .html, .jsonl, .json and .csv files (or a .zip of them) "
                             "are imported.")]


def url_key(url: str, limit: int = 255) -> str:
    """An import key for an article known by its URL: the URL itself, or a stable shortening of a long one."""
    import hashlib

    if len(url) <= limit:
        return url
    return f"{url[:limit - 17]}#{hashlib.sha256(url.encode()).hexdigest()[:16]}"
