"""Thin function views, one per URL, grouped by what they act on."""

from __future__ import annotations

from django.http import HttpResponse

# Ids are 64-bit in every database: a larger number cannot name a row, and PostgreSQL refuses it outright.
MAX_ID = 2**63 - 1


def parse_id(value: str | None) -> int | None:
    """A row id sent in a form or query string; None when absent, ValueError when it cannot be an id."""
    if value is None or value == "":
        return None
    if not (isinstance(value, str) and value.isascii() and value.isdigit()) or not 0 < int(value) <= MAX_ID:
        raise ValueError(f"not an id: {value[:40]!r}")
    return int(value)


def invalid(reason: str, *, status: int = 422) -> HttpResponse:
    """Refused input: the reason in one line; nothing was changed."""
    return HttpResponse(reason + "\n", status=status, content_type="text/plain; charset=utf-8")
