from django.core.management.base import BaseCommand, CommandError

from reader import jobs
from reader.importers.rows import MappingError, parse_mapping
from reader.ingest import ImportResult, import_paths, split_paths


class Command(BaseCommand):
    help = ("Import articles: text files, saved web pages (.html), row exports (.jsonl, .json, .csv), .zip archives "
            "of them, or folders. Unchanged articles are skipped. Each file is a job on the queue (manage.py "
            "jobs_worker runs them); the command shows their progress and result lines until the last is done.")

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="Files or folders.")
        parser.add_argument("--publish", action="store_true", help="Publish the imported articles.")
        parser.add_argument(
            "--map", default="", metavar="FIELD=COLUMN,...",
            help="Row exports: the columns holding an article's fields when they are not the usual names, e.g. "
                 "text=maintext,title=headline (fields: text, title, date, url, source, author, lead).",
        )
        parser.add_argument("--now", action="store_true",
                            help="Import in this process instead of through the job queue (no worker needed).")
        parser.add_argument("--no-wait", action="store_true",
                            help="Put the files on the queue and exit; the batch's page in the admin shows progress.")

    def handle(self, *args, paths, publish, now, no_wait, **options):
        try:
            mapping = parse_mapping(options.get("map"))
        except MappingError as error:
            raise CommandError(f"--map: {error}") from None

        def show(result):
            line = f"{result.status:9} {result.name}: {result.message}"
            self.stdout.write(self.style.ERROR(line) if result.failed else line)

        if not now and not mapping:  # a job holds a file, not a mapping: a row export with --map imports here
            return self._queued(paths=paths, publish=publish, no_wait=no_wait, show=show,
                                bar=options["verbosity"] > 0)
        results = import_paths(paths=paths, publish=publish, progress=show, mapping=mapping)
        self._summary(total=len(results), failed=sum(r.failed for r in results))

    def _queued(self, *, paths, publish, no_wait, show, bar):
        batch = jobs.enqueue_import(items=split_paths(paths=paths), publish=publish,
                                    label=("import_articles " + " ".join(map(str, paths)))[:300])
        if no_wait:
            state = jobs.progress(batch)
            self.stdout.write(f"Batch {batch.pk}: {state.total} file(s) on the queue, {state.failed} refused.")
            return
        state = jobs.follow(batch, bar=bar,
                            write=lambda job: show(ImportResult(job.name, job.outcome or job.status, job.message)))
        self._summary(total=state.total, failed=state.failed)

    def _summary(self, *, total, failed):
        self.stdout.write(f"{total} file(s), {failed} failed.")
        if not total:
            raise CommandError("No article files found.")
        if failed:
            raise CommandError(f"{failed} file(s) could not be imported.")
