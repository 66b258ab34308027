import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from reader.backup import BackupError, import_annotations


class Command(BaseCommand):
    help = "Restore an export_annotations file; articles missing here are re-created from their text."

    def add_arguments(self, parser):
        parser.add_argument("file", help="The JSON written by export_annotations ('-' for standard input).")

    def handle(self, *args, file, **options):
        try:
            text = sys.stdin.read() if file == "-" else Path(file).read_text(encoding="utf-8")
            counts = import_annotations(data=json.loads(text))
        except (OSError, ValueError, KeyError, BackupError) as error:
            raise CommandError(f"cannot import {file}: {error}") from error
        self.stdout.write(", ".join(f"{n} {name.replace('_', ' ')}" for name, n in counts.items()) + " restored.")
        if counts["articles_failed"]:
            raise CommandError(f"{counts['articles_failed']} article(s) could not be re-created from their text.")
