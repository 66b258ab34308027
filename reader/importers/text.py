"""The project's text format, written from the parts other sources give (see /docs of the extraction: header
line, title, lead, caption, dateline, blank line, one paragraph per line)."""

from __future__ import annotations

import re

from django.conf import settings

from reader.extraction import ExtractionError
from reader.extraction.decode import decode_article
from reader.extraction.parse import _CAPTION_RE, _DATELINE_RE, _looks_like_credit

from . import ArticleText, Unreadable

_SPACE = re.compile(r"\s+")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def one_line(value) -> str:
    """Text as one line: every run of whitespace (line breaks too) becomes a space."""
    return _SPACE.sub(" ", str(value or "")).strip()


def is_caption(line: str) -> bool:
    """Whether the parser will read ``line`` as a photo caption (``... / Credit``) in the header block."""
    match = _CAPTION_RE.match(line)
    return bool(match and _looks_like_credit(match.group("credit")))


def is_dateline(line: str) -> bool:
    return bool(_DATELINE_RE.match(line))


def to_text(*, title: str, paragraphs: list[str], date: str | None = None, source: str | None = None,
            lead: str | None = None, caption: str | None = None, dateline: str | None = None) -> str:
    """An article in the text format. Header items the parser would not recognise as such are left out rather
    than risk them being read as another part (a caption without a credit would become the lead)."""
    date = date if date and _ISO_DATE.match(date) else "unknown"
    header = [f" date {date} {one_line(source)}".rstrip(), one_line(title)]
    lead, caption, dateline = one_line(lead), one_line(caption), one_line(dateline)
    if lead:
        header.append(lead)
    if caption and is_caption(caption):
        header.append(caption)
    if dateline and is_dateline(dateline):
        header.append(dateline)
    body = [line for line in map(one_line, paragraphs) if line]
    return "\n".join(header) + "\n\n" + "\n\n".join(body) + "\n"


def read_text_file(name: str, data: bytes) -> ArticleText | Unreadable:
    try:
        return ArticleText(name, decode_article(data, max_bytes=settings.READER_MAX_IMPORT_BYTES))
    except ExtractionError as error:
        return Unreadable(name, str(error))
