from django.core.management.base import BaseCommand, CommandError

from reader import jobs
from reader.ingest import ImportResult, extraction_version
from reader.models import Article


class Command(BaseCommand):
    help = ("Run extraction again on stored articles, one job per article on the queue (manage.py jobs_worker runs "
            "them): notes and human decisions are kept. --stale picks the articles analysed with other models than "
            "the shipped ones (after a retrain).")

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--all", action="store_true", help="Every article.")
        which.add_argument("--stale", action="store_true",
                           help="Articles whose extraction is older than the shipped models.")
        which.add_argument("--article", type=int, action="append", metavar="ID", help="This article (repeatable).")
        parser.add_argument("--now", action="store_true", help="Run the jobs in this process (no worker needed).")
        parser.add_argument("--no-wait", action="store_true", help="Put the jobs on the queue and exit.")

    def handle(self, *args, all, stale, article, now, no_wait, verbosity, **options):
        if all:
            articles, label = Article.objects.all(), "reextract --all"
        elif stale:
            articles, label = jobs.stale_articles(), f"reextract --stale (models {extraction_version()})"
        else:
            articles = Article.objects.filter(pk__in=article)
            label = f"reextract --article {' '.join(map(str, article))}"
            missing = set(article) - set(articles.values_list("pk", flat=True))
            if missing:
                raise CommandError(f"No article with id {', '.join(map(str, sorted(missing)))}.")
        batch = jobs.enqueue_reextract(articles=articles, label=label)
        state = jobs.progress(batch)
        if not state.total:
            self.stdout.write("Nothing to re-extract.")
            return
        if no_wait:
            self.stdout.write(f"Batch {batch.pk}: {state.total} article(s) on the queue.")
            return
        if now:
            jobs.run_here(batch)

        def show(job):
            line = f"{job.outcome or job.status:12} {job.name}: {job.message}"
            self.stdout.write(self.style.ERROR(line) if ImportResult(job.name, job.outcome, "").failed else line)

        state = jobs.follow(batch, write=show if verbosity > 1 or state.total <= 50 else _failed_only(self, show),
                            bar=verbosity > 0)
        self.stdout.write(f"{state.total} article(s) re-extracted: {state.done} done, {state.failed} failed.")
        if state.failed:
            raise CommandError(f"{state.failed} article(s) could not be re-extracted.")


def _failed_only(command, show):
    def write(job):
        if job.status == job.Status.FAILED:
            show(job)
    return write
