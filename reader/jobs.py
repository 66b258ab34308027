"""Long work off the request: imports, re-extraction and exports as jobs on a task queue, with their progress.

The queue is Django's Tasks API (``django_tasks``, the backport of Django 6's ``django.tasks``): the tasks below are
plain functions decorated with ``@task``; ``settings.TASKS`` says where they go (the database backend by default,
RQ on Redis for a worker tier; ``TASKS_BACKEND``), and ``manage.py jobs_worker`` runs them on either.

What people see is ours: a ``Batch`` (an upload, an import command, a re-extraction, an export) of ``Job`` rows, one
per article, so one bad file fails alone; each job keeps its result line or the reason it failed, and the batch's
progress is counted from its jobs. A task gets only its job's id; the file, the article and the options are in the
job's row, so any worker on any machine can run it, and running a task twice runs its job once:

- a job is *claimed* by one conditional UPDATE (waiting -> running), so a second delivery of its task does nothing;
- the work itself is idempotent: an unchanged file imports as "unchanged", a re-extraction whose article has moved
  past the revision it was asked for is not done again, and ingest saves an article in one transaction, so a worker
  killed mid-way leaves the whole article or nothing;
- a job whose worker died (its process is gone from this machine, or its lease ran out) is handed out again by
  ``reclaim()``, which every ``jobs_worker`` runs when it starts and then every minute, and fails for good once its
  tries are spent; so is a job whose task a worker took off the queue and died before claiming the job; transient
  database errors are retried with a growing delay (``READER_JOB_RETRIES``).

Other modules put their own periodic or long work on the same queue: a plain function decorated with ``@task``, then
``enqueue(that_task, args...)`` (or ``that_task.enqueue(...)``).
"""

from __future__ import annotations

import json
import logging
import os
import socket
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import islice

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import DatabaseError, transaction
from django.db.models import Count, F, Q
from django.utils import timezone
from django_tasks import task, task_backends

from reader import ingest
from reader.admin_lines import history_line, import_line
from reader.curation import record
from reader.models import Article, Batch, Job

log = logging.getLogger(__name__)

# A worker's name in Job.worker: a restarted worker on the same machine can tell its dead predecessors' jobs.
HOST = socket.gethostname()[:100]
CHUNK = 500  # jobs created (and enqueued) per transaction


def worker_name() -> str:
    return f"{HOST}:{os.getpid()}"


# --- the tasks -------------------------------------------------------------------------------------------------


@task()
def import_file(job_id: int) -> str:
    """Import one file of a batch (its bytes are in the job's row)."""
    return _run(job_id, _import)


@task()
def reextract_article(job_id: int) -> str:
    """Run extraction again on one article; its notes and the human decisions stay (``ingest.reextract_article``)."""
    return _run(job_id, _reextract)


@task()
def export_annotations(job_id: int) -> str:
    """Write the W3C annotations of a batch's articles into ``Batch.output``."""
    return _run(job_id, _export)


TASKS_BY_KIND = {Batch.Kind.IMPORT: import_file, Batch.Kind.REEXTRACT: reextract_article,
                 Batch.Kind.EXPORT: export_annotations}


@dataclass(frozen=True)
class Outcome:
    outcome: str  # imported | updated | unchanged | re-extracted | exported | failed
    message: str
    article_id: int | None = None
    transient: bool = False  # worth trying again later

    @property
    def failed(self) -> bool:
        return self.outcome == ingest.FAILED


def _import(job: Job) -> Outcome:
    result = ingest.import_article(name=job.name, data=bytes(job.data or b""), publish=job.batch.publish)
    if result.article and not result.failed and result.status != ingest.UNCHANGED and job.batch.created_by:
        record(user=job.batch.created_by, obj=result.article,
               message=import_line(status=result.status, name=result.name))
    return Outcome(result.status, result.message, result.article.pk if result.article else None, result.transient)


def _reextract(job: Job) -> Outcome:
    article = Article.objects.filter(pk=job.article_id).first()
    if article is None:
        return Outcome(ingest.FAILED, "the article was deleted")
    if job.revision is not None and article.revision > job.revision:
        # Done already (a first try committed, then its worker died before saying so), or re-imported since:
        # either way the article was analysed after the request.
        return Outcome("unchanged", f"already at revision {article.revision}", article.pk)
    result = ingest.reextract_article(article=article)
    if not result.failed and job.batch.created_by:
        record(user=job.batch.created_by, obj=article, message=history_line("reextracted", detail=result.message))
    outcome = ingest.FAILED if result.failed else "re-extracted"
    return Outcome(outcome, result.message, article.pk, result.transient)


def _export(job: Job) -> Outcome:
    from reader.exports import notes_as_web_annotations

    options = json.loads(bytes(job.data or b"{}"))
    user = get_user_model().objects.filter(pk=options.get("user")).first()
    articles = Article.objects.filter(pk__in=options.get("articles", [])).order_by("pk")
    data = [notes_as_web_annotations(article=a, user=user, base_url=options.get("base_url", "/")) for a in articles]
    text = json.dumps(data, ensure_ascii=False, indent=1)
    Batch.objects.filter(pk=job.batch_id).update(output=text)
    notes = sum(item.get("total", 0) for item in data)  # each article's AnnotationCollection
    return Outcome("exported", f"{len(data)} article(s), {notes} annotation(s), {len(text):,} characters")


def _run(job_id: int, work) -> str:
    """Claim the job, do its work, write its result; a job already claimed or finished is left alone."""
    now = timezone.now()
    claimed = Job.objects.filter(pk=job_id, status=Job.Status.WAITING).update(
        status=Job.Status.RUNNING, attempts=F("attempts") + 1, worker=worker_name(),
        lease_until=now + timedelta(seconds=settings.READER_JOB_LEASE_SECONDS),
    )
    if not claimed:
        return "nothing to do: the job was done or is running elsewhere"
    job = Job.objects.select_related("batch", "batch__created_by").get(pk=job_id)
    try:
        outcome = work(job)
    except DatabaseError as error:
        log.warning("job %s (%s): database error: %s", job_id, job.name, error)
        outcome = Outcome(ingest.FAILED, f"the database refused it ({ingest._first_line(error)})",
                          transient=ingest._transient(error))
    except Exception as error:  # a bug in one job must not stop the others, nor leave it running forever
        log.exception("job %s (%s) failed", job_id, job.name)
        outcome = Outcome(ingest.FAILED, f"{type(error).__name__}: {error}")
    if outcome.transient and job.attempts <= settings.READER_JOB_RETRIES:
        delay = timedelta(seconds=settings.READER_JOB_RETRY_SECONDS * 2 ** (job.attempts - 1))
        if Job.objects.filter(pk=job_id, status=Job.Status.RUNNING).update(
            status=Job.Status.WAITING, lease_until=None, message=f"try {job.attempts} failed, trying again: "
                                                                 f"{outcome.message}"
        ):
            _enqueue(job, run_after=timezone.now() + delay)
        return f"retrying in {delay.total_seconds():g} s: {outcome.message}"
    _finish(job, outcome)
    return f"{outcome.outcome}: {outcome.message}"


def _finish(job: Job, outcome: Outcome) -> None:
    status = Job.Status.FAILED if outcome.failed else Job.Status.DONE
    changes = dict(status=status, outcome=outcome.outcome, message=outcome.message[:5000],
                   article_id=outcome.article_id, finished_at=timezone.now(), lease_until=None)
    if not outcome.failed:
        changes["data"] = None  # the file is in the article now; a failed one stays for a later look
    Job.objects.filter(pk=job.pk).update(**changes)
    finish_batch_if_done(job.batch_id)


def finish_batch_if_done(batch_id: int) -> None:
    if not Job.objects.filter(batch_id=batch_id, status__in=[Job.Status.WAITING, Job.Status.RUNNING]).exists():
        Batch.objects.filter(pk=batch_id, finished_at__isnull=True).update(finished_at=timezone.now())


# --- putting work on the queue ---------------------------------------------------------------------------------


def enqueue(a_task, *args, backend: str = "default", run_after=None, **kwargs):
    """Any task on the configured queue (``settings.TASKS_QUEUE``); returns the backend's TaskResult."""
    if run_after is not None and not task_backends[backend].supports_defer:
        run_after = None  # the immediate backend runs it now
    return a_task.using(backend=backend, queue_name=settings.TASKS_QUEUE, run_after=run_after).enqueue(*args, **kwargs)


def _enqueue(job: Job, *, run_after=None) -> None:
    result = enqueue(TASKS_BY_KIND[job.batch.kind], job.pk, backend=job.batch.backend, run_after=run_after)
    Job.objects.filter(pk=job.pk).update(task_id=str(result.id)[:64])


def _create_jobs(batch: Batch, jobs: list[Job]) -> None:
    """Store a chunk of jobs and put the waiting ones on the queue."""
    waiting = [job for job in jobs if job.status == Job.Status.WAITING]
    if _is_database_backend(batch.backend):
        backend = task_backends[batch.backend]
        for job in waiting:
            job.task_id = str(backend._get_id())
        with transaction.atomic():  # the jobs and their tasks together
            Job.objects.bulk_create(jobs)
            _enqueue_in_database(batch, waiting)
        return
    Job.objects.bulk_create(jobs)
    for job in waiting:
        job.batch = batch
        job.task_id = str(enqueue(TASKS_BY_KIND[batch.kind], job.pk, backend=batch.backend).id)[:64]
    Job.objects.bulk_update(waiting, ["task_id"])


def _enqueue_in_database(batch: Batch, waiting: list[Job]) -> None:
    """What the database backend's enqueue() writes, for a whole chunk in one statement: the Tasks API has no
    bulk enqueue, and one INSERT per task (and one UPDATE per job for its task id) kept a 500-file upload
    waiting seconds."""
    from django_tasks.signals import task_enqueued
    from django_tasks.utils import normalize_json
    from django_tasks_db.models import DBTaskResult, get_date_max

    backend = task_backends[batch.backend]
    a_task = TASKS_BY_KIND[batch.kind].using(backend=batch.backend, queue_name=settings.TASKS_QUEUE)
    backend.validate_task(a_task)
    rows = DBTaskResult.objects.bulk_create(
        DBTaskResult(id=job.task_id, args_kwargs=normalize_json({"args": [job.pk], "kwargs": {}}),
                     priority=a_task.priority, task_path=a_task.module_path, queue_name=a_task.queue_name,
                     run_after=get_date_max(), backend_name=backend.alias)
        for job in waiting
    )
    for row in rows:
        task_enqueued.send(type(backend), task_result=row.task_result)


def _is_database_backend(alias: str) -> bool:
    from django_tasks_db import DatabaseBackend

    return isinstance(task_backends[alias], DatabaseBackend)


def _chunks(items: Iterable, size: int = CHUNK) -> Iterator[list]:
    items = iter(items)
    while chunk := list(islice(items, size)):
        yield chunk


def _new_batch(*, kind: str, label: str, by=None, publish: bool = False, backend: str = "default") -> Batch:
    return Batch.objects.create(kind=kind, label=label[:300], publish=publish, backend=backend,
                                created_by=by if by is not None and by.is_authenticated else None)


def enqueue_import(*, items: Iterable[ingest.ImportResult | tuple[str, bytes]], publish: bool = False, by=None,
                   label: str = "", backend: str = "default") -> Batch:
    """A batch importing each (name, bytes) as one job; items already refused (``ingest.split_uploads``,
    ``split_paths``) are kept as failed jobs with their reason. Returns once every job is on the queue."""
    batch = _new_batch(kind=Batch.Kind.IMPORT, label=label, by=by, publish=publish, backend=backend)
    for chunk in _chunks(items):
        now = timezone.now()
        jobs = [
            Job(batch=batch, name=item.name[:300], status=Job.Status.FAILED, outcome=item.status,
                message=item.message, finished_at=now)
            if isinstance(item, ingest.ImportResult) else Job(batch=batch, name=item[0][:300], data=item[1])
            for item in chunk
        ]
        _create_jobs(batch, jobs)
    finish_batch_if_done(batch.pk)
    return batch


def enqueue_reextract(*, articles, by=None, label: str = "", backend: str = "default") -> Batch:
    """A batch re-extracting each article of a queryset, one job each."""
    batch = _new_batch(kind=Batch.Kind.REEXTRACT, label=label, by=by, backend=backend)
    rows = articles.order_by("pk").values_list("pk", "import_key", "revision").iterator(chunk_size=2000)
    for chunk in _chunks(rows):
        _create_jobs(batch, [Job(batch=batch, name=key[:300], article_id=pk, revision=revision)
                             for pk, key, revision in chunk])
    finish_batch_if_done(batch.pk)
    return batch


def enqueue_export(*, article_ids: list[int], user, base_url: str, label: str = "",
                   backend: str = "default") -> Batch:
    """One job writing the annotations of these articles (as ``user`` may see them) into the batch's output."""
    batch = _new_batch(kind=Batch.Kind.EXPORT, label=label, by=user, backend=backend)
    options = {"articles": sorted(article_ids), "user": getattr(user, "pk", None), "base_url": base_url}
    _create_jobs(batch, [Job(batch=batch, name=f"{len(article_ids)} article(s)", data=json.dumps(options).encode())])
    return batch


def stale_articles():
    """Articles analysed with other models than the shipped ones (``ingest.extraction_version``)."""
    return Article.objects.exclude(extraction_version=ingest.extraction_version())


# --- workers that died -----------------------------------------------------------------------------------------


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _died_here(worker: str) -> bool:
    """Whether ``worker`` (a ``worker_name()``) ran on this machine and its process is gone."""
    host, _, pid = worker.rpartition(":")
    return host == HOST and pid.isdigit() and not _alive(int(pid))


def _dead_local_workers() -> list[str]:
    names = (Job.objects.filter(status=Job.Status.RUNNING, worker__startswith=f"{HOST}:")
             .values_list("worker", flat=True).distinct())
    return [name for name in names if _died_here(name)]


def _taken_tasks() -> Iterator[tuple[str, str, str, datetime | None]]:
    """(backend alias, task id, worker, started at) of each task a queue worker has taken and not finished: a
    handful, one per worker at work."""
    from django_tasks_db import DatabaseBackend
    from django_tasks_rq import RQBackend

    for alias in settings.TASKS:
        backend = task_backends[alias]
        if isinstance(backend, DatabaseBackend):
            from django_tasks.base import TaskResultStatus
            from django_tasks_db.models import DBTaskResult

            running = DBTaskResult.objects.filter(backend_name=alias, status=TaskResultStatus.RUNNING)
            for task_id, workers, started in running.values_list("id", "worker_ids", "started_at"):
                yield alias, str(task_id), (workers or [""])[-1], started
        elif isinstance(backend, RQBackend):
            import django_rq
            from rq.exceptions import NoSuchJobError
            from rq.job import Job as QueuedJob
            from rq.registry import StartedJobRegistry

            for name in backend.queues:
                queue = django_rq.get_queue(name)
                for task_id in StartedJobRegistry(queue=queue).get_job_ids(cleanup=False):
                    try:
                        taken = QueuedJob.fetch(task_id, connection=queue.connection)
                    except NoSuchJobError:
                        continue
                    started = taken.started_at
                    if started is not None and timezone.is_naive(started):
                        started = timezone.make_aware(started, UTC)
                    yield alias, task_id, taken.worker_name or "", started


def _reclaim_untouched() -> int:
    """Hand out again the jobs whose task a worker took off the queue and then died before it claimed the job: the
    queue counts the task as running, the job still waits, and without this both would wait for ever."""
    lease_start = timezone.now() - timedelta(seconds=settings.READER_JOB_LEASE_SECONDS)
    taken = {task_id: (alias, worker, started) for alias, task_id, worker, started in _taken_tasks()}
    touched = 0
    for job in Job.objects.filter(status=Job.Status.WAITING, task_id__in=list(taken)).select_related("batch"):
        orphan_task = job.task_id
        alias, worker, started = taken[orphan_task]
        if not (_died_here(worker) or (started is not None and started < lease_start)):
            continue  # its worker is about to claim it
        if Job.objects.filter(pk=job.pk, status=Job.Status.WAITING, task_id=orphan_task).update(
            message=f"its worker ({worker or 'unknown'}) stopped before starting it; handed out again",
        ):
            _enqueue(job)
            touched += 1
        _close_orphan_task(alias, orphan_task)
    return touched


def reclaim() -> int:
    """Hand out again the jobs whose worker died (gone from this machine, or past its lease anywhere); a job that
    has had all its tries fails with the reason. Returns how many jobs it touched."""
    now = timezone.now()
    stale = Job.objects.filter(status=Job.Status.RUNNING).filter(
        Q(lease_until__lt=now) | Q(worker__in=_dead_local_workers())
    ).select_related("batch")
    touched = 0
    for job in stale:
        orphan_task = job.task_id
        if job.attempts > settings.READER_JOB_RETRIES:
            if Job.objects.filter(pk=job.pk, status=Job.Status.RUNNING, worker=job.worker).update(
                status=Job.Status.FAILED, outcome=ingest.FAILED, finished_at=now, lease_until=None,
                message=f"its worker ({job.worker}) stopped during each of {job.attempts} tries; nothing was saved "
                        "by the unfinished tries",
            ):
                finish_batch_if_done(job.batch_id)
                touched += 1
        elif Job.objects.filter(pk=job.pk, status=Job.Status.RUNNING, worker=job.worker).update(
            status=Job.Status.WAITING, lease_until=None,
            message=f"its worker ({job.worker}) stopped during try {job.attempts}; handed out again",
        ):
            _enqueue(job)
            touched += 1
        _close_orphan_task(job.batch.backend, orphan_task)
    touched += _reclaim_untouched()
    # Jobs created but never put on the queue (the queue was unreachable at the time): put them on it now.
    forgotten = Job.objects.filter(status=Job.Status.WAITING, task_id="",
                                   created_at__lt=now - timedelta(minutes=1)).select_related("batch")
    for job in forgotten[:CHUNK]:
        _enqueue(job)
        touched += 1
    return touched


def _close_orphan_task(backend: str, task_id: str) -> None:
    """The database backend keeps a dead worker's task 'running' for ever: mark it failed, as it did."""
    if task_id and _is_database_backend(backend):
        from django_tasks.base import TaskResultStatus
        from django_tasks_db.models import DBTaskResult

        DBTaskResult.objects.filter(id=task_id, status=TaskResultStatus.RUNNING).update(
            status=TaskResultStatus.FAILED, finished_at=timezone.now(),
            exception_class_path="reader.jobs.WorkerDied", traceback="its worker process stopped",
        )


# --- progress --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Progress:
    total: int
    done: int
    failed: int
    running: int
    waiting: int

    @property
    def finished(self) -> int:
        return self.done + self.failed

    @property
    def percent(self) -> int:
        return 100 if not self.total else int(100 * self.finished / self.total)


def progress(batch: Batch) -> Progress:
    counts = dict(Job.objects.filter(batch=batch).order_by().values_list("status").annotate(n=Count("id")))
    return Progress(total=sum(counts.values()), done=counts.get(Job.Status.DONE, 0),
                    failed=counts.get(Job.Status.FAILED, 0), running=counts.get(Job.Status.RUNNING, 0),
                    waiting=counts.get(Job.Status.WAITING, 0))


def run_here(batch: Batch) -> None:
    """Run a batch's waiting jobs in this process (``import_articles --now``): the same code as a worker's."""
    for job_id in Job.objects.filter(batch=batch, status=Job.Status.WAITING).values_list("pk", flat=True):
        TASKS_BY_KIND[batch.kind].call(job_id)


def follow(batch: Batch, *, write, poll: float = 0.5, quiet_warning: float = 15.0, bar=True) -> Progress:
    """Wait for a batch, with a progress bar (tqdm, on stderr) and each job's result line as it arrives
    (``write(job)``); says so when no worker has taken a job for a while. Returns the final progress."""
    import time

    from tqdm import tqdm

    seen: set[int] = set()
    state = progress(batch)
    since, last_change, warned = None, time.monotonic(), False
    with tqdm(total=state.total, unit="job", disable=not bar, dynamic_ncols=True, desc=str(batch)[:40]) as shown:
        while True:
            finished = Job.objects.filter(batch=batch, status__in=[Job.Status.DONE, Job.Status.FAILED])
            if since is not None:
                finished = finished.filter(finished_at__gte=since - timedelta(seconds=5))
            for job in finished.only("pk", "name", "status", "outcome", "message", "finished_at").order_by(
                    "finished_at", "pk"):
                if job.pk not in seen:
                    seen.add(job.pk)
                    since = job.finished_at if since is None or job.finished_at > since else since
                    shown.update(1)
                    write(job)
            new = progress(batch)
            if new != state:
                state, last_change, warned = new, time.monotonic(), False
            if state.finished >= state.total:
                return state
            if not warned and time.monotonic() - last_change > quiet_warning and not state.running:
                warned = True
                tqdm.write(f"No job has moved for {quiet_warning:.0f} s: is a worker running? "
                           "(manage.py jobs_worker, or import with --now)")
            time.sleep(poll)
