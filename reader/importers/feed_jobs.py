"""Feeds polled on the job queue (reader/jobs.py): each active feed has one chain of tasks, each task polling the
feed once and putting the next on the queue for when the feed is due again (``run_after``). django-tasks has no
periodic tasks of its own; a chain needs nothing but the worker.

A task carries the feed's ``next_poll_at`` it was scheduled for, and claims the feed by one conditional UPDATE of
that column: a task delivered twice, or scheduled twice (``schedule_feed`` may be called any number of times), polls
once, and the chains it might have started collapse into one. A chain broken by a lost task (a worker killed
mid-poll, a flushed Redis) is restarted by the next poll of any feed, which reschedules every feed long overdue,
or by ``manage.py poll_feeds --schedule``.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks import task

from reader.models import Feed

from .feeds import poll_feed

log = logging.getLogger(__name__)

# While a task polls, its feed's next_poll_at is pushed this far: no other task takes the feed meanwhile, and if the
# worker dies the feed is overdue after it (then rescheduled).
LEASE = timedelta(minutes=30)
# A feed this late has lost its chain.
OVERDUE = timedelta(minutes=15)


def _token(when: datetime | None) -> str:
    return when.isoformat() if when else ""


@task()
def poll_feed_task(feed_id: int, due: str) -> str:
    """Poll one feed if it is still due at ``due`` (its next_poll_at when scheduled), then schedule the next poll."""
    now, skipped = timezone.now(), "skipped: another task polled this feed, or it was removed or paused"
    feeds = Feed.objects.filter(pk=feed_id, active=True)
    feeds = feeds.filter(next_poll_at=datetime.fromisoformat(due)) if due else feeds.filter(next_poll_at__isnull=True)
    if due and datetime.fromisoformat(due) > now:
        # A backend that ignores run_after (the immediate one) must not poll in a loop.
        return "not due yet" if feeds.exists() else skipped
    if not feeds.update(next_poll_at=now + LEASE):
        return skipped
    feed = Feed.objects.get(pk=feed_id)
    result = poll_feed(feed)
    schedule_feed(feed)
    rescued = reschedule_overdue(exclude=feed_id)
    return f"{result.status}: {result.summary()}" + (f"; {rescued} overdue feed(s) rescheduled" if rescued else "")


def schedule_feed(feed: Feed, *, now: bool = False) -> None:
    """Put ``feed``'s next poll on the queue, for when it is due (or at once with ``now``); idempotent."""
    from reader import jobs

    if now:
        moment = timezone.now()
        Feed.objects.filter(pk=feed.pk).update(next_poll_at=moment)
        feed.next_poll_at = moment
    if not feed.active:
        return
    run_after = feed.next_poll_at if feed.next_poll_at and feed.next_poll_at > timezone.now() else None
    args = (feed.pk, _token(feed.next_poll_at))
    transaction.on_commit(lambda: jobs.enqueue(poll_feed_task, *args, run_after=run_after))


def schedule_all() -> int:
    """Start (or restart) every active feed's chain: ``manage.py poll_feeds --schedule``, after a deploy."""
    feeds = list(Feed.objects.filter(active=True))
    for feed in feeds:
        schedule_feed(feed)
    return len(feeds)


def reschedule_overdue(*, exclude: int | None = None) -> int:
    late = Q(next_poll_at__lt=timezone.now() - OVERDUE) | Q(next_poll_at__isnull=True)
    overdue = Feed.objects.filter(late, active=True).exclude(pk=exclude)
    feeds = list(overdue[:100])
    for feed in feeds:
        schedule_feed(feed)
    return len(feeds)
