from django.core.management.base import BaseCommand

from reader.sample_data import save_generated_articles
from reader.synthetic import generate


class Command(BaseCommand):
    help = "Fill the database with generated articles (for scale benchmarks; no extraction is run)."

    def add_arguments(self, parser):
        parser.add_argument("count", type=int, help="How many articles to add.")
        parser.add_argument("--start", type=int, default=0, help="Index of the first generated article.")
        parser.add_argument("--batch", type=int, default=1000, help="Articles per transaction.")
        parser.add_argument("--draft", action="store_true", help="Leave them unpublished.")

    def handle(self, *args, count, start, batch, draft, **options):
        done = 0
        for first in range(start, start + count, batch):
            last = min(first + batch, start + count)
            done += save_generated_articles(generated=[generate(i) for i in range(first, last)], publish=not draft)
            self.stdout.write(f"{done}/{count} articles", ending="\r")
            self.stdout.flush()
        self.stdout.write(self.style.SUCCESS(f"\n{done} generated articles stored."))
