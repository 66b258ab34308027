import threading
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections, connection
from django_tasks import task_backends

from reader import jobs


class Command(BaseCommand):
    help = ("Run queued jobs (reader/jobs.py) on the configured backend: the database (django-tasks-db's worker) or "
            "RQ (an rqworker). Hands out again the jobs of workers that died, at start and every minute. Run one per "
            "core; stop it with SIGTERM or Ctrl+C (it finishes the job in hand).")

    def add_arguments(self, parser):
        parser.add_argument("--backend", default="default", help="The TASKS alias to work for (default: default).")
        parser.add_argument("--batch", action="store_true", help="Exit once the queue is empty.")
        parser.add_argument("--interval", type=float, default=0.5,
                            help="Seconds between looks at an empty queue (database backend).")
        parser.add_argument("--max-tasks", type=int, default=None, help="Exit after this many tasks.")
        parser.add_argument("--no-preload", action="store_true",
                            help="Load the NER model on the first job that needs it (always so with --batch).")

    def handle(self, *args, backend, batch, interval, max_tasks, no_preload, verbosity, **options):
        from django_tasks_db import DatabaseBackend
        from django_tasks_rq import RQBackend

        queue_backend = task_backends[backend]
        if not isinstance(queue_backend, DatabaseBackend | RQBackend):
            raise CommandError(f"The {backend!r} task backend ({type(queue_backend).__name__}) runs its tasks where "
                               "they are enqueued: there is nothing for a worker to do. Set TASKS_BACKEND=database "
                               "or rq.")
        # A long-running worker loads the model before its first job (and before RQ forks anything); a batch run
        # loads it with the first article it extracts, so one that finds only unchanged files never does.
        if not (no_preload or batch):
            from reader.extraction.ner.model import load_nlp

            load_nlp()
        reclaimed = jobs.reclaim()
        if reclaimed and verbosity:
            self.stdout.write(f"{reclaimed} job(s) of stopped workers handed out again.")
        threading.Thread(target=_reclaim_every_minute, daemon=True, name="reclaim").start()
        if verbosity:
            self.stdout.write(f"jobs_worker ready: {jobs.worker_name()} on the {backend!r} backend "
                              f"({type(queue_backend).__name__}), queue {settings.TASKS_QUEUE!r}")
            self.stdout.flush()
        close_old_connections()
        if isinstance(queue_backend, DatabaseBackend):
            from django_tasks_db.management.commands.db_worker import Worker

            worker = Worker(queue_names=[settings.TASKS_QUEUE], interval=interval, batch=batch, backend_name=backend,
                            startup_delay=False, max_tasks=max_tasks, worker_id=jobs.worker_name()[:64])
            worker.configure_signals()
            worker.run()
        else:
            # SimpleWorker runs each job in this process, with the model already loaded: forking a work horse per
            # job would load it again every time.
            call_command("rqworker", settings.TASKS_QUEUE, worker_class="rq.worker.SimpleWorker",
                         job_class="django_tasks_rq.Job", with_scheduler=True, burst=batch, max_jobs=max_tasks,
                         name=jobs.worker_name(), verbosity=verbosity)


def _reclaim_every_minute() -> None:
    while True:
        time.sleep(60)
        try:
            jobs.reclaim()
        except Exception:  # the database may be briefly away: the next round tries again
            pass
        finally:
            connection.close()
