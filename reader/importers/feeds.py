"""Polling RSS/Atom feeds: each new item's page is downloaded and imported like a saved page (``html``).

``poll_feed(feed)`` does one conditional GET of the feed (ETag / Last-Modified, so an unchanged feed costs a 304),
then imports the items it has not seen (or that say they were updated) through ``ingest.import_text``: an item whose
page has the URL of an article already imported updates that article (a new revision when the text changed), and a
new item with the text of an article already imported is a duplicate and is skipped. Everything a poll does goes to
the feed's log; an item that fails is tried again at the next poll, and the others go on.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.db import DatabaseError
from django.utils import timezone

from reader import ingest
from reader.models import Feed, FeedItem, FeedLog

from . import Unreadable, url_key
from .fetch import FetchError, fetch
from .html import read_html

log = logging.getLogger(__name__)

FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1"
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1"


@dataclass
class PollResult:
    feed: Feed
    status: str = "ok"  # ok | not-modified | failed
    message: str = ""
    counts: dict[str, int] = field(default_factory=dict)  # import status -> items
    results: list[ingest.ImportResult] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return self.status == "failed" or bool(self.counts.get(ingest.FAILED))

    def summary(self) -> str:
        if self.status != "ok":
            return self.message
        if not self.counts:
            return "no new items"
        return ", ".join(f"{n} {status}" for status, n in sorted(self.counts.items()))


def due_feeds(now: datetime | None = None):
    now = now or timezone.now()
    return Feed.objects.filter(active=True).exclude(next_poll_at__gt=now).order_by("next_poll_at", "pk")


def poll_due_feeds(now: datetime | None = None) -> list[PollResult]:
    return [poll_feed(feed) for feed in due_feeds(now)]


def poll_feed(feed: Feed) -> PollResult:
    """Fetch ``feed`` once and import its new items; never raises for what the network or the feed does."""
    result = PollResult(feed)
    conditional = {}
    if feed.etag:
        conditional["If-None-Match"] = feed.etag
    if feed.last_modified:
        conditional["If-Modified-Since"] = feed.last_modified
    try:
        response = fetch(feed.url, headers=conditional, accept=FEED_ACCEPT)
    except FetchError as error:
        return _finish(feed, result, "failed", f"The feed could not be fetched: {error}")
    if response.status == 304:
        return _finish(feed, result, "not-modified", "not modified since the last poll (HTTP 304)")
    if response.status != 200:
        return _finish(feed, result, "failed", f"The feed answered HTTP {response.status}.")
    import feedparser  # only the processes that poll feeds load it

    parsed = feedparser.parse(response.body, response_headers={
        "content-type": response.headers.get("content-type", ""), "content-location": response.url,
    })
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        detail = f" ({_one_line(reason)})" if reason else ""
        return _finish(feed, result, "failed", f"Not an RSS or Atom feed{detail}.")
    feed.title = _one_line(parsed.feed.get("title", ""))[:300] or feed.title
    for entry in parsed.entries[: settings.READER_FEED_MAX_ITEMS]:
        item_result = _import_entry(feed, entry)
        if item_result is not None:
            result.results.append(item_result)
            result.counts[item_result.status] = result.counts.get(item_result.status, 0) + 1
    if result.counts.get(ingest.FAILED):
        # A failed item is tried again next time: asking "changed since?" would get a 304 and skip it.
        feed.etag = feed.last_modified = ""
    else:
        feed.etag = response.headers.get("etag", "")[:500]
        feed.last_modified = response.headers.get("last-modified", "")[:100]
    return _finish(feed, result, "ok", "")


def _import_entry(feed: Feed, entry) -> ingest.ImportResult | None:
    """Import one item's page, or None when the item was seen already and is not updated."""
    link = _one_line(entry.get("link", ""))
    identity = _one_line(entry.get("id", "")) or link
    # dict.get: feedparser's own get() answers "updated" with "published", with a deprecation warning.
    updated = _one_line(dict.get(entry, "updated") or dict.get(entry, "published") or "")[:100]
    if not identity:
        return _item_failed(feed, "", "An item has neither a link nor an id.")
    key = hashlib.sha256(identity.encode("utf-8")).hexdigest()
    seen = FeedItem.objects.filter(feed=feed, key=key).first()
    if seen and seen.updated == updated:
        return None
    if not link:
        return _item_failed(feed, "", f"The item {identity[:200]} has no link to its page.")
    try:
        response = fetch(link, accept=PAGE_ACCEPT)
    except FetchError as error:
        return _item_failed(feed, link, f"The page could not be fetched: {error}")
    if response.status != 200:
        return _item_failed(feed, link, f"The page answered HTTP {response.status}.")
    read = read_html(url_key(link), response.body, fetched_from=response.url)
    if isinstance(read, Unreadable):
        return _item_failed(feed, link, read.message)
    name = url_key(read.url) if read.url else read.name
    result = ingest.import_text(name=name, text=read.text, publish=feed.publish, url=read.url, author=read.author,
                                dedupe_text=True)
    if result.failed:
        return _item_failed(feed, link, result.message, result)
    FeedItem.objects.update_or_create(feed=feed, key=key, defaults={
        "link": link[:2000], "updated": updated, "article": result.article, "seen_at": timezone.now(),
    })
    _log(feed, FeedLog.Level.INFO, f"{result.status}: {result.message}", link)
    return result


def _item_failed(feed: Feed, link: str, message: str, result: ingest.ImportResult | None = None):
    _log(feed, FeedLog.Level.ERROR, message, link)
    return result or ingest.ImportResult(link[:255] or feed.url[:255], ingest.FAILED, message)


def _finish(feed: Feed, result: PollResult, status: str, message: str) -> PollResult:
    result.status, result.message = status, message
    now = timezone.now()
    feed.last_polled_at = now
    feed.next_poll_at = now + timedelta(minutes=max(1, feed.interval_minutes))
    feed.last_result = _one_line(result.summary())[:500]
    if status == "failed":
        _log(feed, FeedLog.Level.ERROR, message)
    elif status == "ok" and result.counts:
        _log(feed, FeedLog.Level.INFO, f"polled: {result.summary()}")
    try:
        feed.save(update_fields=["title", "etag", "last_modified", "last_polled_at", "next_poll_at", "last_result"])
    except DatabaseError:
        log.exception("could not save the poll of feed %s", feed.pk)
    return result


def _log(feed: Feed, level: str, message: str, link: str = "") -> None:
    try:
        FeedLog.objects.create(feed=feed, level=level, message=_one_line(message)[:1000], link=link[:2000])
        keep = settings.READER_FEED_LOG_LINES
        old = FeedLog.objects.filter(feed=feed).order_by("-at", "-id").values_list("pk", flat=True)[keep:keep + 500]
        if old:
            FeedLog.objects.filter(pk__in=list(old)).delete()
    except DatabaseError:
        log.exception("could not write the log of feed %s", feed.pk)


def _one_line(value) -> str:
    return " ".join(str(value or "").split())
