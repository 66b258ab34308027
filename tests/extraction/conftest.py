"""Helpers for the extraction tests: run parsing and quote finding without the NER model or a database."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.extraction.parse import parse_article, parse_passage
from reader.extraction.quotes import find_quotes
from reader.extraction.types import Quote

DATA = Path(__file__).parent / "data"


def passage_quotes(text: str, entities=()) -> tuple[Quote, ...]:
    _, paragraphs, _ = parse_passage(text)
    quotes = find_quotes(paragraphs, entities)
    for q in quotes:  # the offset contract holds for every quote we ever return
        assert paragraphs[q.paragraph].text[q.start:q.end] == q.text
    return quotes


def article_quotes(text: str, entities=()) -> tuple[Quote, ...]:
    _, paragraphs, _ = parse_article(text)
    quotes = find_quotes(paragraphs, entities)
    for q in quotes:
        assert paragraphs[q.paragraph].text[q.start:q.end] == q.text
    return quotes


@pytest.fixture
def seed_text() -> str:
    return (DATA / "article-0.txt").read_text(encoding="utf-8")
