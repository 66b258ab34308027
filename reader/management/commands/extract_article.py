import sys

from django.core.management.base import BaseCommand, CommandError

from reader.extraction.__main__ import main


class Command(BaseCommand):
    help = "Print the extraction JSON for an article file, or for JSON-lines passages on stdin (--jsonl). No database."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="An article in the text format.")
        parser.add_argument("--jsonl", action="store_true", help='Read {"id":…,"text":…} lines from stdin.')

    def handle(self, *args, file, jsonl, **options):
        argv = ["--jsonl"] if jsonl else ([file] if file else [])
        if not argv:
            raise CommandError("Give a FILE, or --jsonl with passages on standard input.")
        self.stdout.ending = ""  # json.dump writes in pieces; the wrapper must not add newlines between them
        status = main(argv, sys.stdin, self.stdout)
        if status:
            raise CommandError("Extraction failed.")
