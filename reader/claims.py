"""Fact-check notes as schema.org ClaimReview (JSON-LD), for the article page and the annotation export.

A fact-check note whose editor gave it a verdict (``FactCheck``: the quote it rates, a short rating text and a
place on a 1-5 scale) is a review of a claim: the quote's words are ``claimReviewed``, its speaker is the claim's
author, the publication is the review's author.
"""

from __future__ import annotations

import json

from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from reader.models import Entity, Note

# The characters that could end a <script> element or start markup inside it, as JSON escapes (what Django's
# json_script does), so a quote containing "</script>" stays text.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def publisher() -> str:
    return getattr(settings, "READER_PUBLISHER", "") or "Sala de lectură"


def claim_review(note: Note, *, article_url: str, note_url: str) -> dict | None:
    """The ClaimReview of a public, live fact-check note with a verdict; None for any other note."""
    check = getattr(note, "factcheck", None) if _has_check(note) else None
    if check is None or note.kind != Note.Kind.FACT_CHECK or note.deleted_at or note.visibility != "public":
        return None
    article = note.article
    claim: dict = {"@type": "Claim",
                   "appearance": {"@type": "CreativeWork", "url": article_url, "headline": article.title}}
    if check.claim_author:
        kind = "Organization" if check.claim_author_type == Entity.Type.ORGANIZATION else "Person"
        claim["author"] = {"@type": kind, "name": check.claim_author}
    if article.published_on:
        claim["datePublished"] = article.published_on.isoformat()
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": note_url,
        "datePublished": check.updated_at.date().isoformat(),
        "author": {"@type": "Organization", "name": publisher()},
        "claimReviewed": check.claim,
        "itemReviewed": claim,
        "reviewRating": {"@type": "Rating", "ratingValue": check.rating_value, "bestRating": check.best_rating,
                         "worstRating": check.worst_rating, "alternateName": check.rating_text},
        "reviewBody": note.body,
        "inLanguage": "ro",
    }


def _has_check(note: Note) -> bool:
    try:
        note.factcheck  # noqa: B018 - loaded with the note (select_related) or one query
    except Note.factcheck.RelatedObjectDoesNotExist:
        return False
    return True


def jsonld_script(data) -> SafeString:
    """``<script type="application/ld+json">`` holding ``data``, escaped like json_script (no "</script>" inside)."""
    if not data:
        return mark_safe("")  # noqa: S308 - empty
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308 - escaped above
