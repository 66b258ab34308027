"""Imports through the job queue with 1, 2 and 4 workers: articles/s, per worker, scaling, duplicates, failures.

    .venv/bin/python bench/queue_scaling.py [--articles 2000] [--workers 1 2 4] [--backend database|rq]
        [--database-url postgres://postgres@127.0.0.1:5432/bench_queue]

For each number of workers the database is emptied, N `manage.py jobs_worker` processes are started (each loads the
NER model, then says it is ready), and only then are the generated articles (reader/synthetic.py) put on the queue,
one job per article, as `import_articles` does. The time runs from the first enqueue to the last job finished
(the jobs' own timestamps). Every round starts from an empty database, so the workers create the same entities at
the same time: the concurrency-safe ingest is what is measured too. Afterwards the database is checked: every
article once and at revision 1 (none imported twice), every entity once per (folded name, type), no failed job.
Each worker runs on one thread (OMP/BLAS pinned), so N workers want N cores.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")

from _setup import ROOT, django_with_fresh_database, table  # noqa: E402

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/bench_queue"


def start_workers(count: int, env: dict) -> list[subprocess.Popen]:
    workers = [subprocess.Popen([sys.executable, "manage.py", "jobs_worker", "--interval", "0.2"], cwd=ROOT, env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
               for _ in range(count)]
    for worker in workers:  # each says so once its model is loaded
        for line in worker.stdout:
            if line.startswith("jobs_worker ready"):
                break
        else:
            sys.exit(f"a worker stopped before it was ready (exit {worker.wait()})")
    return workers


def stop(workers: list[subprocess.Popen]) -> None:
    for worker in workers:
        worker.terminate()
    for worker in workers:
        try:
            worker.wait(timeout=60)
        except subprocess.TimeoutExpired:
            worker.kill()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--backend", choices=["database", "rq"], default="database")
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", DEFAULT_URL))
    args = parser.parse_args()
    os.environ["DATABASE_URL"] = args.database_url
    os.environ["TASKS_BACKEND"] = args.backend
    os.environ.setdefault("TASKS_QUEUE", f"bench-{os.getpid()}")  # a queue of its own (RQ shares Redis)
    url = django_with_fresh_database("queue")

    from django.core.management import call_command
    from django.db import connection
    from django.db.models import Count, Max, Min

    from reader import jobs
    from reader.models import Article, Entity, Job
    from reader.synthetic import generate

    articles = [generate(i) for i in range(args.articles)]
    env = {**os.environ, "DJANGO_LOG_LEVEL": "ERROR"}
    rows, base = [], None
    for count in args.workers:
        call_command("flush", interactive=False, verbosity=0)
        workers = start_workers(count, env)
        try:
            started = time.time()
            batch = jobs.enqueue_import(items=((a.name, a.text.encode()) for a in articles), publish=True,
                                        label=f"bench {count} worker(s)")
            enqueued = time.time() - started
            while (state := jobs.progress(batch)).finished < state.total:
                time.sleep(0.5)
        finally:
            stop(workers)
        span = Job.objects.filter(batch=batch).aggregate(first=Min("created_at"), last=Max("finished_at"))
        seconds = (span["last"].timestamp() - started)
        rate = state.total / seconds
        base = base or (rate if count == 1 else None)
        by_worker = dict(Job.objects.filter(batch=batch).values_list("worker").annotate(n=Count("id")))
        duplicates = {
            "articles twice": Article.objects.filter(revision__gt=1).count()
            + (args.articles - Article.objects.count() - state.failed),
            "entities twice": Entity.objects.values("key", "type").annotate(n=Count("id")).filter(n__gt=1).count(),
            "jobs run twice": Job.objects.filter(batch=batch, attempts__gt=1).count(),
        }
        rows.append([count, state.total, f"{seconds:.1f}", f"{enqueued:.1f}", f"{rate:.2f}", f"{rate / count:.2f}",
                     f"{rate / base:.2f}x" if base else "-", state.failed, sum(duplicates.values()),
                     "/".join(str(n) for n in sorted(by_worker.values(), reverse=True))])
        print(f"{count} worker(s): {rate:.2f} articles/s; duplicates {duplicates}; failed {state.failed}",
              flush=True)
    load = os.getloadavg()
    print(f"\ndatabase: {connection.vendor} ({url.rsplit('/', 1)[-1]}); backend: {args.backend}; "
          f"{args.articles} generated articles per round; {os.cpu_count()} cores; load average after: "
          f"{load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")
    print(table(["workers", "articles", "seconds", "enqueue s", "articles/s", "per worker", "vs 1 worker", "failed",
                 "duplicates", "jobs per worker"], rows))


if __name__ == "__main__":
    main()
