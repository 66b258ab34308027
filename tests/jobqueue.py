"""Running queued jobs in tests through the database backend's own worker loop (django-tasks-db's Worker), in this
process: the same claim, run and result bookkeeping as `manage.py jobs_worker`."""

from unittest import mock

import pytest
from django.conf import settings
from django.db import connection, transaction
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult


def run_worker(max_tasks: int | None = None) -> int:
    """Run every ready task of the queue, then return how many tasks ran.

    Inside a test's transaction (the `db` fixture) the worker's EXCLUSIVE transaction, which SQLite cannot nest,
    becomes a savepoint and connections stay open; with `transactional_db` it runs as in production."""
    before = DBTaskResult.objects.finished().count()
    worker = db_worker.Worker(queue_names=[settings.TASKS_QUEUE], interval=0, batch=True, backend_name="default",
                              startup_delay=False, max_tasks=max_tasks, worker_id="test-worker")
    if connection.in_atomic_block:
        # The worker closes "old" connections between tasks; outside a request the test's own connection counts
        # as old on PostgreSQL (its autocommit is off inside the test transaction), and closing it ends the test.
        with mock.patch.object(db_worker, "exclusive_transaction", transaction.atomic), \
                mock.patch.object(db_worker, "close_old_connections", lambda: None):
            worker.run()
    else:
        worker.run()
    return DBTaskResult.objects.finished().count() - before


REDIS_URL = "redis://127.0.0.1:6379/0"


def redis_or_skip() -> None:
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.exceptions.ConnectionError as error:
        pytest.skip(f"Redis is not reachable at {REDIS_URL} ({error}): the RQ backend cannot be tested")


def forget_rq_queue(name: str) -> None:
    """Remove a test queue's registries from Redis: RQ cleans a registry only while a worker serves its queue."""
    import redis

    connection = redis.Redis.from_url(REDIS_URL)
    connection.delete(*connection.scan_iter(f"rq:*{name}*"), f"rq:queue:{name}")
