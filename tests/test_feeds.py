"""Feeds (issue 23): a curator registers an RSS/Atom feed; polling imports each new item's page, asks the feed
"changed since?" (304), skips what it has seen and what it already has under another address, logs what fails, and
fetches only http(s) from public addresses (the tests allow 127.0.0.1), within size and time limits."""

import time

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from reader.importers import fetch as fetching
from reader.importers.feed_jobs import poll_feed_task, schedule_feed
from reader.importers.feeds import poll_feed
from reader.importers.fetch import FetchError, address_allowed, fetch
from reader.models import Article, Feed, FeedItem, FeedLog, Paragraph
from tests.jobqueue import run_worker
from tests.newsroom import Newsroom, Route, Story, rss

TASK = "reader.importers.feed_jobs.poll_feed_task"

pytestmark = pytest.mark.django_db


@pytest.fixture
def newsroom(settings):
    settings.READER_FETCH_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    settings.READER_FETCH_HOST_INTERVAL = 0
    settings.READER_FETCH_TIMEOUT = 5
    with Newsroom() as server:
        yield server


def publish(newsroom: Newsroom, numbers, *, extra=(), updated=None) -> None:
    """Serve a page per story and the feed listing them (newest first, as feeds do)."""
    items = []
    for n in numbers:
        path = f"/stiri/{n}.html"
        newsroom.routes[path] = Route(Story(n).page(canonical=f"{newsroom.base}{path}"))
        items.append((Story(n), path))
    newsroom.routes["/feed.xml"] = Route(rss(newsroom.base, [*reversed(items), *extra], updated=updated),
                                         content_type="application/rss+xml; charset=utf-8")


def test_a_feed_of_20_items_is_imported_once_then_304_then_the_2_new_items(newsroom):
    publish(newsroom, range(1, 21))
    feed = Feed.objects.create(url=f"{newsroom.base}/feed.xml", publish=True)

    first = poll_feed(feed)
    assert (first.status, first.counts) == ("ok", {"imported": 20}), first.results
    assert Article.objects.published().count() == 20
    article = Article.objects.get(url=f"{newsroom.base}/stiri/7.html")
    assert article.title == Story(7).title and article.author == "Ana Rusu"
    assert list(Paragraph.objects.filter(article=article, role="body").values_list("text", flat=True)) == \
        Story(7).paragraphs
    assert FeedItem.objects.filter(feed=feed).count() == 20
    feed.refresh_from_db()
    assert feed.title == "Gazeta de Vâlcele" and feed.etag and feed.last_polled_at and feed.next_poll_at

    newsroom.requests.clear()
    second = poll_feed(feed)
    assert second.status == "not-modified"
    assert newsroom.paths_requested() == ["/feed.xml"]  # no page is downloaded again
    assert newsroom.requests[0][1].get("If-None-Match") == feed.etag
    assert Article.objects.count() == 20

    newsroom.requests.clear()
    publish(newsroom, range(1, 23))
    third = poll_feed(feed)
    assert (third.status, third.counts) == ("ok", {"imported": 2})
    assert sorted(newsroom.paths_requested()) == ["/feed.xml", "/stiri/21.html", "/stiri/22.html"]
    assert Article.objects.published().count() == 22
    assert FeedLog.objects.filter(feed=feed, level="error").count() == 0


def test_the_same_story_again_is_no_duplicate_and_a_changed_page_is_a_new_revision(newsroom):
    publish(newsroom, [1, 2])
    feed = Feed.objects.create(url=f"{newsroom.base}/feed.xml")
    assert poll_feed(feed).counts == {"imported": 2}
    assert Article.objects.filter(status="draft").count() == 2  # the feed's setting: drafts
    # The same story under another address (no canonical URL): found by its text.
    newsroom.routes["/amp/1.html"] = Route(Story(1).page())
    # The same page under a tracking address, with its canonical URL: found by the URL.
    newsroom.routes["/stiri/2.html?utm=x"] = Route(Story(2).page(canonical=f"{newsroom.base}/stiri/2.html"))
    publish(newsroom, [1, 2], extra=[(Story(1), "/amp/1.html"), (Story(2), "/stiri/2.html?utm=x")])
    again = poll_feed(feed)
    assert again.counts == {"duplicate": 1, "unchanged": 1}, again.results
    assert Article.objects.count() == 2
    # The page changes and the feed says the item was updated: a new revision of the same article.
    changed = [*Story(1).paragraphs, "Actualizare: proiectul a fost trimis prefecturii."]
    newsroom.routes["/stiri/1.html"] = Route(Story(1).page(canonical=f"{newsroom.base}/stiri/1.html",
                                                           paragraphs=changed))
    publish_routes = dict(newsroom.routes)
    publish(newsroom, [2], extra=[(Story(1), "/stiri/1.html")], updated={1: "2025-10-09T10:00:00Z"})
    newsroom.routes["/stiri/1.html"] = publish_routes["/stiri/1.html"]
    updated = poll_feed(feed)
    assert updated.counts == {"updated": 1}, updated.results
    article = Article.objects.get(url=f"{newsroom.base}/stiri/1.html")
    assert article.revision == 2 and Article.objects.count() == 2


@pytest.mark.parametrize(("route", "expected"), [
    (Route(b"<html><body><p>Nu e un flux.</p></body></html>"), "Not an RSS or Atom feed"),
    (Route(b"", status=500), "The feed answered HTTP 500."),
    (Route(b"nimic", status=404), "The feed answered HTTP 404."),
])
def test_a_feed_that_is_not_a_feed_fails_with_one_line_in_its_log(newsroom, route, expected):
    newsroom.routes["/feed.xml"] = route
    feed = Feed.objects.create(url=f"{newsroom.base}/feed.xml")
    result = poll_feed(feed)
    assert result.status == "failed" and expected in result.message and "\n" not in result.message
    assert FeedLog.objects.get(feed=feed, level="error").message.startswith(expected[:20])
    assert Article.objects.count() == 0


def test_an_item_whose_page_fails_fails_alone_and_is_tried_again(newsroom):
    publish(newsroom, [1, 2, 3])
    newsroom.routes["/stiri/2.html"] = Route(b"<html><head><title>Doar titlu</title></head><body></body></html>")
    del newsroom.routes["/stiri/3.html"]
    feed = Feed.objects.create(url=f"{newsroom.base}/feed.xml")
    result = poll_feed(feed)
    assert result.counts == {"imported": 1, "failed": 2}
    errors = dict(FeedLog.objects.filter(feed=feed, level="error").values_list("link", "message"))
    assert errors == {f"{newsroom.base}/stiri/2.html": "No article text found in the page.",
                      f"{newsroom.base}/stiri/3.html": "The page answered HTTP 404."}
    feed.refresh_from_db()
    assert feed.etag == ""  # the next poll gets the whole feed, so the failed items are tried again
    publish(newsroom, [1, 2, 3])
    assert poll_feed(feed).counts == {"imported": 2}


def test_the_poll_command_polls_due_feeds_and_fails_when_a_feed_failed(newsroom, capsys):
    publish(newsroom, [1])
    Feed.objects.create(url=f"{newsroom.base}/feed.xml", publish=True)
    call_command("poll_feeds")
    assert "1 imported" in capsys.readouterr().out
    call_command("poll_feeds")  # polled a moment ago: not due
    assert "0 feed(s) polled" in capsys.readouterr().out
    Feed.objects.create(url=f"{newsroom.base}/nu-exista.xml")
    with pytest.raises(CommandError, match="1 feed"):
        call_command("poll_feeds", "--all")


def test_curators_register_feeds_in_the_admin_and_poll_them(newsroom, admin_client, editor, editor_client,
                                                             django_capture_on_commit_callbacks):
    publish(newsroom, [1])
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(reverse("admin:reader_feed_add"), {
            "url": f"{newsroom.base}/feed.xml", "publish": "on", "active": "on", "interval_minutes": "15",
            "log-TOTAL_FORMS": "0", "log-INITIAL_FORMS": "0"})
    assert response.status_code == 302, response.content.decode()[:2000]
    feed = Feed.objects.get()
    assert admin_client.post(reverse("admin:reader_feed_add"), {
        "url": "file:///etc/passwd", "interval_minutes": "15", "log-TOTAL_FORMS": "0",
        "log-INITIAL_FORMS": "0"}).status_code == 200
    # Saving the feed put its first poll on the queue; "poll now" puts one due at once (the chain's next).
    queued = list(DBTaskResult.objects.filter(task_path=TASK).values_list("args_kwargs", flat=True))
    assert queued == [{"args": [feed.pk, ""], "kwargs": {}}]
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(reverse("admin:reader_feed_changelist"),
                          {"action": "poll_now", "_selected_action": [feed.pk]})
    feed.refresh_from_db()
    token = feed.next_poll_at.isoformat()
    assert DBTaskResult.objects.filter(task_path=TASK, args_kwargs__args=[feed.pk, token]).exists()
    assert poll_feed_task.call(feed.pk, "") .startswith("skipped")  # the first task's turn has passed
    assert poll_feed_task.call(feed.pk, token) == "ok: 1 imported"
    assert Article.objects.published().count() == 1
    page = admin_client.get(reverse("admin:reader_feed_change", args=[feed.pk])).content.decode()
    assert "imported" in page  # the log
    # Editors may open the admin but not register or poll feeds.
    editor.is_staff = True
    editor.save()
    assert editor_client.get(reverse("admin:reader_feed_add")).status_code == 403
    assert editor_client.post(reverse("admin:reader_feed_changelist"),
                              {"action": "poll_now", "_selected_action": [feed.pk]}).status_code == 403


@pytest.mark.django_db(transaction=True)  # the worker opens its own transactions
def test_feeds_are_polled_on_the_job_queue_each_poll_scheduling_the_next(newsroom):
    publish(newsroom, [1, 2])
    feed = Feed.objects.create(url=f"{newsroom.base}/feed.xml", publish=True)
    schedule_feed(feed)
    schedule_feed(feed)  # scheduled twice, or a task delivered twice: one poll
    assert run_worker() == 2
    assert Article.objects.published().count() == 2
    assert newsroom.paths_requested().count("/feed.xml") == 1
    feed.refresh_from_db()
    assert feed.next_poll_at > timezone.now() + timezone.timedelta(minutes=29)
    waiting = DBTaskResult.objects.filter(task_path=TASK, status=TaskResultStatus.READY)
    assert [(r.args_kwargs["args"], r.run_after) for r in waiting] == [([feed.pk, feed.next_poll_at.isoformat()],
                                                                         feed.next_poll_at)]
    assert run_worker() == 0  # not due yet
    # Due now (as when its time has come): the same chain polls again, gets a 304, and schedules the next.
    schedule_feed(feed, now=True)
    newsroom.requests.clear()
    assert run_worker() == 1
    assert newsroom.paths_requested() == ["/feed.xml"]
    feed.refresh_from_db()
    # Two tasks wait: the one scheduled before (its turn has gone: it will do nothing) and the chain's next.
    stale, following = (r.args_kwargs["args"] for r in waiting.order_by("enqueued_at"))
    assert following == [feed.pk, feed.next_poll_at.isoformat()] and stale != following
    assert poll_feed_task.call(*stale).startswith("skipped")
    # A paused feed's chain stops.
    moment = timezone.now()
    Feed.objects.filter(pk=feed.pk).update(active=False, next_poll_at=moment)
    assert poll_feed_task.call(feed.pk, moment.isoformat()).startswith("skipped")


def test_the_schedule_command_starts_every_active_feed(newsroom, capsys):
    Feed.objects.create(url=f"{newsroom.base}/a.xml")
    Feed.objects.create(url=f"{newsroom.base}/b.xml", active=False)
    call_command("poll_feeds", "--schedule")
    assert "1 feed(s) scheduled" in capsys.readouterr().out


# --- fetching safely -----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("address", "allowed"), [
    ("127.0.0.1", False), ("10.1.2.3", False), ("192.168.0.10", False), ("172.16.5.4", False),
    ("169.254.169.254", False), ("::1", False), ("fe80::1", False), ("::ffff:127.0.0.1", False), ("0.0.0.0", False),
    ("100.64.0.1", False), ("224.0.0.1", False), ("93.184.215.14", True), ("2606:4700::1111", True),
])
def test_only_public_addresses_are_fetched(settings, address, allowed):
    settings.READER_FETCH_ALLOWED_NETWORKS = []
    assert address_allowed(address) is allowed


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/feed.xml", "file:///etc/passwd", "gopher://x/", "//x/feed"])
def test_only_http_and_https_are_fetched(url):
    with pytest.raises(FetchError, match="Only http and https"):
        fetch(url)


def test_loopback_is_refused_unless_allowed(newsroom, settings):
    newsroom.routes["/feed.xml"] = Route(b"<rss/>")
    settings.READER_FETCH_ALLOWED_NETWORKS = []
    with pytest.raises(FetchError, match="private, loopback or reserved"):
        fetch(f"{newsroom.base}/feed.xml")
    with pytest.raises(FetchError, match="localhost is at"):
        fetch(f"http://localhost:{newsroom.base.rsplit(':', 1)[1]}/feed.xml")
    assert newsroom.requests == []


def test_no_redirect_into_a_disallowed_address(newsroom):
    newsroom.routes["/feed.xml"] = Route(b"", status=302, headers={"Location": "http://169.254.169.254/latest/"})
    newsroom.routes["/ok"] = Route(b"", status=301, headers={"Location": "/final"})
    newsroom.routes["/final"] = Route(b"<rss version='2.0'/>")
    with pytest.raises(FetchError, match="169.254.169.254 is at 169.254.169.254"):
        fetch(f"{newsroom.base}/feed.xml")
    response = fetch(f"{newsroom.base}/ok")
    assert (response.status, response.url, response.body) == (200, f"{newsroom.base}/final", b"<rss version='2.0'/>")
    newsroom.routes["/loop"] = Route(b"", status=302, headers={"Location": "/loop"})
    with pytest.raises(FetchError, match="More than 5 redirects"):
        fetch(f"{newsroom.base}/loop")


def test_responses_are_capped_in_size_and_time(newsroom, settings):
    settings.READER_FETCH_MAX_BYTES = 1000
    newsroom.routes["/mare"] = Route(b"x" * 5000)
    with pytest.raises(FetchError, match="The response is 5,000 bytes; the limit is 1,000"):
        fetch(f"{newsroom.base}/mare")
    settings.READER_FETCH_TIMEOUT = 0.5
    newsroom.routes["/incet"] = Route(b"<rss/>", delay=2)
    started = time.monotonic()
    with pytest.raises(FetchError, match="Timed out"):
        fetch(f"{newsroom.base}/incet")
    assert time.monotonic() - started < 1.5


def test_a_response_without_a_length_is_cut_at_the_limit(newsroom, settings):
    settings.READER_FETCH_MAX_BYTES = 1000
    newsroom.routes["/gzip"] = Route(__import__("gzip").compress(b"a" * 100_000),
                                     headers={"Content-Encoding": "gzip"})
    with pytest.raises(FetchError, match="larger than the limit of 1,000 bytes"):
        fetch(f"{newsroom.base}/gzip")


def test_requests_to_one_host_are_spaced(newsroom, settings):
    settings.READER_FETCH_HOST_INTERVAL = 0.3
    fetching._last_request.clear()
    newsroom.routes["/a"] = Route(b"a")
    started = time.monotonic()
    for _ in range(3):
        fetch(f"{newsroom.base}/a")
    assert time.monotonic() - started >= 0.6
