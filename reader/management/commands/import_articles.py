from django.core.management.base import BaseCommand, CommandError

from reader.ingest import import_paths


class Command(BaseCommand):
    help = "Import article text files (or folders of .txt files). Unchanged files are skipped."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="Files or folders.")
        parser.add_argument("--publish", action="store_true", help="Publish the imported articles.")

    def handle(self, *args, paths, publish, **options):
        def show(result):
            line = f"{result.status:9} {result.name}: {result.message}"
            self.stdout.write(self.style.ERROR(line) if result.failed else line)

        results = import_paths(paths=paths, publish=publish, progress=show)
        failed = sum(r.failed for r in results)
        self.stdout.write(f"{len(results)} file(s), {failed} failed.")
        if not results:
            raise CommandError("No article files found.")
        if failed:
            raise CommandError(f"{failed} file(s) could not be imported.")
