"""Pure-Python extraction pipeline: text in, frozen dataclasses out.

Never imports Django, so it runs in tests without a database and from
``manage.py extract_article`` without settings doing any work.

    raw bytes -> decode -> parse (clean, split into roles) -> entities -> quotes -> figures
"""

from __future__ import annotations

from .types import Entity, Extraction, ExtractionError, Figure, Mention, Meta, Paragraph, Quote

__all__ = [
    "Entity", "Extraction", "ExtractionError", "Figure", "Meta", "Mention", "Paragraph", "Quote",
    "extract_bytes", "extract_text", "extract_passage",
]


def extract_bytes(data: bytes, *, curated=None) -> Extraction:
    """Decode an exported file (UTF-8/BOM, Windows-1250, ISO-8859-2) and extract it."""
    from .decode import decode_article

    return extract_text(decode_article(data), curated=curated)


def extract_text(text: str, *, curated=None) -> Extraction:
    """Extract a whole article in the project's text format (header, title, lead, ...)."""
    from .parse import parse_article

    meta, paragraphs, cleaned = parse_article(text)
    return _analyse(meta, paragraphs, cleaned, curated=curated)


def extract_passage(text: str, *, curated=None) -> Extraction:
    """Extract a bare passage (no header, no title): every line is a body paragraph."""
    from .parse import parse_passage

    meta, paragraphs, cleaned = parse_passage(text)
    return _analyse(meta, paragraphs, cleaned, curated=curated)


def _analyse(meta: Meta, paragraphs: tuple[Paragraph, ...], cleaned: str, *, curated) -> Extraction:
    from .entities import find_entities
    from .figures import find_figures
    from .quotes import attribute_quotes

    entities = find_entities(paragraphs, curated=curated)
    quotes, entities = attribute_quotes(paragraphs, entities)
    figures = find_figures(paragraphs, article_date=meta.date)
    return Extraction(
        meta=meta, paragraphs=paragraphs, quotes=quotes, entities=entities, figures=figures, cleaned_text=cleaned
    )
