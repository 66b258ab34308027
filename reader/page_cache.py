"""Whole-page caching and conditional GET for the article page.

Every change that shows on an article page (re-import, note, quote or entity decision, publishing)
moves the article's ``updated_at`` (see ``Article.touch``); the version stamp in the cache entry and
in the ETag contains it, so nothing has to be deleted and a stale page is never served, even when
each server process has its own local-memory cache.

Anonymous readers share one stored response per URL. ``SharedPageMiddleware`` sits right behind
WhiteNoise and answers them before sessions, CSRF, locale, authentication, URL resolution and
templates run: one primary-key query checks the stored version, then the stored bytes and headers go
out. That is what brings the article page close to a static file (bench/serve.py). Logged-in users
and htmx requests always take the full path and get a per-user ETag.
"""

from __future__ import annotations

from datetime import UTC, datetime

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, HttpResponseNotModified
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, parse_http_date_safe, quote_etag
from django.utils.translation import get_language

PAGE_TTL = 60 * 60 * 24
# Headers that describe this one exchange, not the page, are never stored.
_NOT_STORED = {"set-cookie", "date", "content-length"}


def version_stamp(article) -> str:
    return _stamp(article.pk, article.revision, article.updated_at)


def _stamp(pk: int, revision: int, updated_at: datetime) -> str:
    return f"{pk}.{revision}.{int(updated_at.timestamp() * 1_000_000)}"


def etag_for(request, article) -> str:
    who = f"u{request.user.pk}" if request.user.is_authenticated else "anon"
    # A page showing a message differs from the same page without it: its tag must not match the next one's.
    shown = ".msg" if has_pending_messages(request) else ""
    return quote_etag(f"{version_stamp(article)}.{get_language()}.{who}{shown}")


def has_pending_messages(request) -> bool:
    """Whether a message waits to be shown (after a redirect, say): that page must be rendered, never a 304,
    or the message would appear on some later, unrelated page. Counting does not mark them shown."""
    storage = getattr(request, "_messages", None)
    return storage is not None and len(storage) > 0


def not_modified(request, etag: str, last_modified: datetime | str | None = None) -> bool:
    """Whether the client's copy is current: 304. Django's own RFC 9110 rules (get_conditional_response), so a
    weak ``W/"…"`` If-None-Match matches (nginx weakens the ETag when it compresses), and If-Modified-Since counts
    when no If-None-Match is sent. ``last_modified`` is the page's Last-Modified, a datetime or an HTTP date."""
    if isinstance(last_modified, str):
        timestamp = parse_http_date_safe(last_modified)
    else:
        timestamp = int(last_modified.timestamp()) if last_modified else None
    answer = get_conditional_response(request, etag=etag or None, last_modified=timestamp)
    return isinstance(answer, HttpResponseNotModified)


def add_validators(response, *, etag: str, article):
    response["ETag"] = etag
    response["Last-Modified"] = http_date(article.updated_at.timestamp())
    response["Cache-Control"] = "no-cache"  # may be stored, but revalidated each time (cheap with the ETag)
    return response


def share(response, article):
    """Mark an anonymous article response as the same for every anonymous reader of this URL."""
    response.shared_version = (article.pk, version_stamp(article))
    return response


def _key(request) -> str:
    return f"shared-page:{request.path}"


def _anonymous_get(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not request.META.get("QUERY_STRING")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and "HTTP_HX_REQUEST" not in request.META
    )


def _current_stamp(article_pk: int) -> str | None:
    """The published article's version stamp, by one indexed query kept off the ORM: on a page that
    is otherwise served from memory, building an ORM query costs more than running it."""
    from reader.models import Article

    table = connection.ops.quote_name(Article._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT revision, updated_at FROM {table} WHERE id = %s AND status = %s",
                       [article_pk, Article.Status.PUBLISHED])
        row = cursor.fetchone()
    if row is None:
        return None
    revision, updated_at = row
    if isinstance(updated_at, str):  # SQLite without a declared-type converter
        updated_at = datetime.fromisoformat(updated_at)
    if timezone.is_naive(updated_at):  # stored in UTC (USE_TZ); SQLite hands it back naive
        updated_at = updated_at.replace(tzinfo=UTC)
    return _stamp(article_pk, revision, updated_at)


class SharedPageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        eligible = _anonymous_get(request)
        if eligible:
            stored = cache.get(_key(request))
            if stored and _current_stamp(stored["pk"]) == stored["stamp"]:
                return self._replay(request, stored)
        response = self.get_response(request)
        if eligible and self._shareable(request, response):
            pk, stamp = response.shared_version
            headers = {k: v for k, v in response.items() if k.lower() not in _NOT_STORED}
            cache.set(_key(request), {"pk": pk, "stamp": stamp, "headers": headers,
                                      "content": response.content}, PAGE_TTL)
        return response

    @staticmethod
    def _shareable(request, response) -> bool:
        return (
            getattr(response, "shared_version", None) is not None
            and response.status_code == 200
            and not response.cookies
            # A page that asked for a CSRF token is personal: never share it.
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        )

    @staticmethod
    def _replay(request, stored) -> HttpResponse:
        headers = stored["headers"]
        if not_modified(request, headers.get("ETag", ""), headers.get("Last-Modified")):
            response = HttpResponseNotModified()
            for name in ("ETag", "Last-Modified", "Cache-Control", "Vary"):
                if name in headers:
                    response[name] = headers[name]
            return response
        return HttpResponse(stored["content"], headers=headers)
