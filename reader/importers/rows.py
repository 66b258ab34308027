"""Row exports from CMSs and scrapers: JSON Lines, JSON arrays and CSV, one article a row.

Columns are found by their usual names (``newspaper3k``/``news-please`` among them: ``maintext``,
``date_publish``, ``source_domain``, ``authors``...) or named with a mapping (``--map text=body,title=headline``).
A row without text fails alone, with its row number; the text may be plain (paragraphs on their own lines) or HTML.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import PurePosixPath

from django.conf import settings
from lxml import etree
from lxml import html as lxml_html

from reader.extraction import ExtractionError
from reader.extraction.decode import decode_article

from . import ArticleText, Read, Unreadable, url_key
from .text import one_line, to_text

# The fields an article takes from a row, and the columns looked for when no mapping names one (first found wins).
COLUMNS = {
    "text": ("text", "maintext", "content", "body", "article", "article_text", "content_html"),
    "title": ("title", "headline", "name"),
    "date": ("date", "date_publish", "published", "published_at", "pubdate", "date_published", "datePublished"),
    "url": ("url", "link", "canonical_url", "canonical"),
    "source": ("source", "source_domain", "sitename", "site_name", "site", "publisher"),
    "author": ("author", "authors", "byline", "creator"),
    # Not "description": scrapers fill it from meta tags, often a summary the article does not print.
    "lead": ("lead", "standfirst"),
}
_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$")
_DMY = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})\b")
_HTML = re.compile(r"<(?:p|br|div|h[1-6]|li|blockquote)\b", re.IGNORECASE)
_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption", "pre", "tr", "dd", "dt"}


class MappingError(ValueError):
    """A --map that names an unknown field or is malformed."""


def parse_mapping(value: str | None) -> dict[str, str]:
    """``"text=maintext,title=headline"`` as {"text": "maintext", "title": "headline"}; raise MappingError."""
    mapping = {}
    for part in filter(None, (p.strip() for p in (value or "").split(","))):
        field, sep, column = (s.strip() for s in part.partition("="))
        if not sep or not field or not column:
            raise MappingError(f"'{part}' is not FIELD=COLUMN.")
        if field not in COLUMNS:
            raise MappingError(f"Unknown field '{field}': the fields are {', '.join(COLUMNS)}.")
        mapping[field] = column
    return mapping


def read_rows(name: str, data: bytes, *, mapping: dict[str, str] | None = None) -> list[Read]:
    """The articles of one export file; the file's own problems (not JSON, no rows) give one Unreadable."""
    try:
        text = decode_article(data, max_bytes=settings.READER_MAX_ARCHIVE_BYTES)
    except ExtractionError as error:
        return [Unreadable(name, str(error))]
    if "\x00" in text:
        return [Unreadable(name, "The file contains a NUL character: it is binary data, not an export.")]
    suffix = PurePosixPath(name).suffix.lower()
    try:
        records = list(_records(suffix, text))
    except (ValueError, csv.Error) as error:
        return [Unreadable(name, f"Not a valid {suffix[1:].upper()} export: {_first_line(error)}")]
    if not records:
        return [Unreadable(name, "The export has no rows.")]
    return [_article(name, number, record, mapping or {}) for number, record in records]


def _records(suffix: str, text: str):
    """(row number, row or the reason it is unusable): a bad line of a JSON Lines file fails alone."""
    if suffix == ".jsonl":
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                try:
                    yield number, json.loads(line)
                except ValueError as error:
                    yield number, ValueError(f"not JSON ({_first_line(error)})")
    elif suffix == ".json":
        value = json.loads(text)
        rows = value if isinstance(value, list) else [value]
        yield from enumerate(rows, start=1)
    else:
        csv.field_size_limit(max(settings.READER_MAX_IMPORT_BYTES, 131072))  # an article is longer than 128 kB
        sample = text[:8192]
        try:
            dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
        if not reader.fieldnames:
            raise ValueError("no header row")
        # Row numbers as a spreadsheet shows them: the header is row 1.
        yield from enumerate(reader, start=2)


def _article(file_name: str, number: int, record, mapping: dict[str, str]) -> Read:
    row_name = f"{PurePosixPath(file_name).name}#{number}"
    if isinstance(record, Exception):
        return Unreadable(row_name, f"Row {number}: {record}.")
    if not isinstance(record, dict):
        return Unreadable(row_name, f"Row {number} is not an object with named fields.")
    fields = {field: _value(record, field, mapping) for field in COLUMNS}
    text_column = next((c for c in (mapping.get("text"), *COLUMNS["text"]) if c in record),
                       mapping.get("text") or COLUMNS["text"][1])
    paragraphs = _paragraphs(fields["text"])
    if not paragraphs:
        return Unreadable(row_name, f"Row {number} has no text (column '{text_column}' is empty or missing).")
    title = one_line(fields["title"])
    if not title:
        return Unreadable(row_name, f"Row {number} has no title.")
    url = one_line(fields["url"])
    url = url if url.startswith(("http://", "https://")) else ""
    lead = one_line(fields["lead"])
    if lead and paragraphs[0] == lead:  # the text often starts with its lead
        paragraphs = paragraphs[1:]
    if not paragraphs:
        paragraphs, lead = [lead], ""
    text = to_text(title=title, paragraphs=paragraphs, date=_iso_date(fields["date"]), source=fields["source"],
                   lead=lead)
    return ArticleText(url_key(url) if url else row_name, text, url=url[:2000], author=one_line(fields["author"])[:300])


def _value(record: dict, field: str, mapping: dict[str, str]):
    if mapping.get(field) in record:  # a mapping serves a whole import: files without the column use the usual names
        value = record.get(mapping[field])
    else:
        value = next((record[c] for c in COLUMNS[field] if record.get(c) not in (None, "", [])), None)
    if isinstance(value, list):  # news-please's authors
        value = ", ".join(one_line(v) for v in value if v)
    return "" if value is None else str(value) if not isinstance(value, str) else value


def _paragraphs(text: str) -> list[str]:
    if _HTML.search(text):
        try:
            root = lxml_html.fragment_fromstring(text, create_parent="div")
        except (etree.ParserError, ValueError):
            root = None
        if root is not None:
            blocks = [one_line(e.text_content()) for e in root.iter() if e.tag in _BLOCKS
                      and not any(a.tag in _BLOCKS for a in e.iterancestors())]
            if any(blocks):
                return [b for b in blocks if b]
    return [line for line in map(one_line, text.splitlines()) if line]


def _iso_date(value: str) -> str | None:
    value = one_line(value)
    if match := _DATE.match(value):
        return match.group(1)
    if match := _DMY.match(value):
        day, month, year = match.groups()
        return f"{year}-{int(month):02d}-{int(day):02d}"
    return None


def _first_line(error: Exception) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0][:200]
