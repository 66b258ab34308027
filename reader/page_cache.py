"""Whole-page caching and conditional GET for the article page.

Every change that shows on an article page (re-import, note, quote or entity decision, publishing)
moves the article's ``updated_at`` (see ``Article.touch``); the cache key and the ETag both contain
it, so nothing has to be deleted and a stale page is never served. Anonymous readers share one
cached page per article version and language; logged-in users get a per-user ETag only.
"""

from __future__ import annotations

from django.core.cache import cache
from django.utils.http import http_date, quote_etag
from django.utils.translation import get_language

PAGE_TTL = 60 * 60 * 24


def version_stamp(article) -> str:
    return f"{article.pk}.{article.revision}.{int(article.updated_at.timestamp() * 1_000_000)}"


def etag_for(request, article) -> str:
    who = f"u{request.user.pk}" if request.user.is_authenticated else "anon"
    return quote_etag(f"{version_stamp(article)}.{get_language()}.{who}")


def cache_key(article) -> str:
    return f"article-page:{version_stamp(article)}:{get_language()}"


def not_modified(request, etag: str) -> bool:
    sent = request.headers.get("If-None-Match", "")
    return etag in [tag.strip() for tag in sent.split(",")] or sent.strip() == "*"


def cached_page(article) -> str | None:
    return cache.get(cache_key(article))


def store_page(request, article, html: str) -> None:
    # A page that asked for a CSRF token is personal: never share it.
    if not request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        cache.set(cache_key(article), html, PAGE_TTL)


def add_validators(response, *, etag: str, article):
    response["ETag"] = etag
    response["Last-Modified"] = http_date(article.updated_at.timestamp())
    response["Cache-Control"] = "no-cache"  # may be stored, but revalidated each time (cheap with the ETag)
    return response
