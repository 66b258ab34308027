"""The only module that imports bleach (bleach gets security fixes only; a move to nh3 is this one file)."""

from __future__ import annotations

import bleach
from bleach.linkifier import Linker

ALLOWED_TAGS = frozenset({"p", "br", "strong", "em", "a", "ul", "ol", "li", "blockquote", "code"})
ALLOWED_ATTRIBUTES = {"a": ["href", "title", "rel"]}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})


def _safe_rel(attrs, new=False):
    # Every link, written or linkified, is followed by nobody and opens nothing with our window.
    href_key = (None, "href")
    if href_key in attrs:
        attrs[(None, "rel")] = "nofollow noopener"
    return attrs


_linker = Linker(callbacks=[_safe_rel], skip_tags={"code"})


def sanitize_html(html: str) -> str:
    """Strip everything but a small safe subset of HTML; links get rel="nofollow noopener"."""
    cleaned = bleach.clean(
        html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, protocols=ALLOWED_PROTOCOLS, strip=True
    )
    return _linker.linkify(cleaned)
