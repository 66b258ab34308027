"""Editors' quote decisions laid on a new set of paragraphs: after a re-import or re-extraction (reader.ingest) and
after a restore from an annotations export (reader.backup), by one implementation.

A decision is found again by its words, never by a database id: where it was (same paragraph position, same
offsets, same words), else in the paragraph with the same fingerprint, else in any paragraph. There it replaces the
quote the machine found over the same words, or becomes a quote of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from reader.models import Paragraph, Quote

# Everything a human decision is: copied whole onto the new quote, together with its place (start, end).
FIELDS = ("kind", "speaker", "speaker_name", "speaker_mention", "cue", "addressee", "inferred", "confidence",
          "status", "added_by_human", "decided_by", "decided_at")
# The plain values among them, as an export writes them (speaker and decided_by travel by name, decided_at as text).
PLAIN_FIELDS = tuple(f for f in FIELDS if f not in ("speaker", "decided_by", "decided_at"))


def decided(quotes):
    """The quotes a human decided on (confirmed, corrected, rejected) or added."""
    return quotes.exclude(status=Quote.Status.MACHINE, added_by_human=False)


@dataclass(frozen=True)
class QuoteDecision:
    text: str  # the quoted words
    fingerprint: str  # of the paragraph they were in
    position: int  # that paragraph's position
    start: int
    end: int
    values: dict  # FIELDS -> value (speaker an Entity or None, decided_by a user or None, decided_at a datetime)

    @classmethod
    def of(cls, quote: Quote) -> QuoteDecision:
        paragraph = quote.paragraph
        return cls(text=quote.text, fingerprint=paragraph.fingerprint, position=paragraph.position,
                   start=quote.start, end=quote.end, values={f: getattr(quote, f) for f in FIELDS})

    @classmethod
    def from_export(cls, item: dict, *, decided_by, decided_at: datetime | None) -> QuoteDecision:
        """An exported decision (reader.backup). Its speaker is None until the caller sets ``values["speaker"]``,
        once the words are found: finding the entity may create it, which a lost decision must not do."""
        values = {f: item[f] for f in PLAIN_FIELDS}
        values.update(speaker=None, decided_by=decided_by, decided_at=decided_at)
        return cls(text=item["text"], fingerprint=item["fingerprint"], position=item["paragraph"],
                   start=item["start"], end=item["end"], values=values)


def find_words(decision: QuoteDecision, paragraphs: list[Paragraph]) -> tuple[Paragraph, int] | None:
    """The paragraph holding the decision's words and where they start in it, or None when the text is gone."""
    same_place = next((p for p in paragraphs if p.position == decision.position), None)
    if same_place is not None and same_place.text[decision.start:decision.end] == decision.text:
        return same_place, decision.start
    if not decision.text:
        return None
    for paragraph in sorted(paragraphs, key=lambda p: p.fingerprint != decision.fingerprint):  # same one first
        at = paragraph.text.find(decision.text)
        if at >= 0:
            return paragraph, at
    return None


def apply(decision: QuoteDecision, paragraphs: list[Paragraph]) -> Quote | None:
    """Lay the decision on ``paragraphs``: the saved quote, or None when its words are not there any more."""
    found = find_words(decision, paragraphs)
    return lay(decision, *found) if found else None


def lay(decision: QuoteDecision, paragraph: Paragraph, start: int) -> Quote:
    """The decision on its words found at ``start`` of ``paragraph``, over the quote found there if any."""
    end = start + (decision.end - decision.start)
    quote = paragraph.quotes.filter(start__lt=end, end__gt=start).first() or Quote(paragraph=paragraph)
    quote.start, quote.end = start, end
    for field, value in decision.values.items():
        setattr(quote, field, value)
    quote.save()
    return quote
