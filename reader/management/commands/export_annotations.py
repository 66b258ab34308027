import json
from pathlib import Path

from django.core.management.base import BaseCommand

from reader.backup import export_annotations


class Command(BaseCommand):
    help = "Write every note (with its revisions), quote decision and entity decision to a JSON file."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Where to write the JSON ('-' for standard output).")

    def handle(self, *args, file, **options):
        data = export_annotations()
        text = json.dumps(data, ensure_ascii=False, indent=1)
        if file == "-":
            self.stdout.write(text)
            return
        # Written beside the target and renamed: a crash never leaves half a backup under the real name.
        target = Path(file)
        partial = target.with_name(target.name + ".partial")
        partial.write_text(text, encoding="utf-8")
        partial.replace(target)
        notes = sum(len(a["notes"]) for a in data["articles"])
        decisions = sum(len(a["quote_decisions"]) for a in data["articles"])
        self.stdout.write(f"{len(data['articles'])} article(s), {notes} note(s), {decisions} quote decision(s), "
                          f"{len(data['entities'])} confirmed entit(ies), {len(data['blocked_names'])} blocked "
                          f"name(s) written to {target}.")
