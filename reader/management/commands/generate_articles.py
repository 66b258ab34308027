import time

from django.core.management.base import BaseCommand

from reader.sample_data import save_generated_articles
from reader.synthetic import generate


class Command(BaseCommand):
    help = ("Fill the database with generated articles (for scale benchmarks; no extraction is run). "
            "Batches of --batch articles, one transaction each (COPY on PostgreSQL, bulk_create elsewhere).")

    def add_arguments(self, parser):
        parser.add_argument("count", type=int, help="How many articles to add.")
        parser.add_argument("--start", type=int, default=0, help="Index of the first generated article.")
        parser.add_argument("--batch", type=int, default=1000, help="Articles per transaction.")
        parser.add_argument("--draft", action="store_true", help="Leave them unpublished.")

    def handle(self, *args, count, start, batch, draft, **options):
        done, started = 0, time.monotonic()
        for first in range(start, start + count, batch):
            last = min(first + batch, start + count)
            done += save_generated_articles(generated=[generate(i) for i in range(first, last)], publish=not draft)
            self.stdout.write(progress(done, count, time.monotonic() - started), ending="\r")
            self.stdout.flush()
        seconds = time.monotonic() - started
        self.stdout.write(self.style.SUCCESS(f"\n{done:,} generated articles stored in {seconds:.0f} s."))


def progress(done: int, total: int, seconds: float, width: int = 30) -> str:
    """A one-line progress bar: [#####.....] 52% 520,000/1,000,000 articles, 2,100/s, 3m 48s left."""
    share = done / total if total else 1
    rate = done / seconds if seconds > 0 else 0
    left = (total - done) / rate if rate else 0
    bar = "#" * round(share * width) + "." * (width - round(share * width))
    return (f"[{bar}] {share:4.0%} {done:,}/{total:,} articles, {rate:,.0f}/s, "
            f"{int(left // 60)}m {int(left % 60):02d}s left")
