"""Statements across a generated archive: grouping precision and recall, and the cost of indexing an article as
the archive grows.

Articles come from reader.synthetic.generate_reported: a share of their quotes are statements other articles also
report (popular ones very often), some altered by a word, some credited to another speaker; the generator knows
which statement each quote truly is. They are stored without extraction (generate_articles' COPY), then each
article goes through reader.provenance.reindex_article, the function ingest calls at import, in date order, one
transaction each, timed. At each checkpoint: the indexing time per article over the last --window articles,
the pairwise precision and recall of the grouping over every quote so far, and --sample articles imported through
the whole import (extraction included) for their time per article.

    .venv/bin/python bench/provenance.py --articles 10000 30000 100000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/h26bench .venv/bin/python bench/provenance.py \
        --articles 10000 30000 100000
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import Counter


def pairs(n: int) -> int:
    return n * (n - 1) // 2


def score(truth: dict, predicted: dict) -> tuple[float, float, int, int]:
    """Pairwise precision and recall of a grouping: quote -> true statement, quote -> predicted statement."""
    joint = Counter((truth[q], predicted[q]) for q in truth)
    true_sizes, predicted_sizes = Counter(truth.values()), Counter(predicted[q] for q in truth)
    together = sum(pairs(n) for n in joint.values())
    predicted_pairs = sum(pairs(n) for n in predicted_sizes.values())
    true_pairs = sum(pairs(n) for n in true_sizes.values())
    return (together / predicted_pairs if predicted_pairs else 1.0, together / true_pairs if true_pairs else 1.0,
            true_pairs, predicted_pairs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, nargs="+", default=[10000, 30000], help="checkpoints (archive sizes)")
    parser.add_argument("--window", type=int, default=2000, help="articles timed before each checkpoint")
    parser.add_argument("--sample", type=int, default=40, help="articles fully imported at each checkpoint")
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--total", type=int, help="size of the archive the statements are drawn for (default: the "
                        "largest checkpoint); keep it when resuming")
    parser.add_argument("--resume", action="store_true", help="keep the database of an earlier run and go on from "
                        "its last article (its truth is generated again)")
    args = parser.parse_args()

    from _setup import django_with_fresh_database, table

    url = django_with_fresh_database("provenance", keep=args.resume)
    from django.db import connection, transaction

    from reader import provenance
    from reader.ingest import import_text
    from reader.models import Appearance, Article, Statement
    from reader.sample_data import save_generated_articles
    from reader.synthetic import generate_reported

    total = args.total or max(args.articles)
    checkpoints = sorted(args.articles)
    truth: dict[tuple[str, int, int], int] = {}
    rows, done, extra = [], 0, 0
    if args.resume:
        done = Article.objects.filter(import_key__startswith="reported-").count()
        extra = Article.objects.filter(import_key__startswith="full-reported-").count()
        for i in range(done):
            generated, quotes = generate_reported(i, articles=total)
            for q in quotes:
                truth[(generated.name, q.paragraph, q.start)] = q.statement
        print(f"resuming after {done:,} articles")
    timings: list[float] = []
    print(f"database: {connection.vendor} ({url.split('@')[-1]}); {total:,} articles, checkpoints {checkpoints}")
    started = time.monotonic()
    for checkpoint in checkpoints:
        while done < checkpoint:
            last = min(done + args.batch, checkpoint)
            made = [generate_reported(i, articles=total) for i in range(done, last)]
            for generated, quotes in made:
                for q in quotes:
                    truth[(generated.name, q.paragraph, q.start)] = q.statement
            save_generated_articles(generated=[g for g, _ in made], publish=True)
            for article in Article.objects.filter(import_key__in=[g.name for g, _ in made]).order_by("id"):
                t0 = time.perf_counter()
                with transaction.atomic():
                    provenance.reindex_article(article)
                timings.append(time.perf_counter() - t0)
            done = last
            print(f"  {done:,} articles, {time.monotonic() - started:,.0f} s", end="\r", flush=True)
        window = timings[-args.window:]
        predicted = {}
        for key, position, start, statement in (Appearance.objects.filter(article__import_key__startswith="reported-")
                                                .values_list("article__import_key", "quote__paragraph__position",
                                                             "quote__start", "statement_id").iterator()):
            predicted[(key, position, start)] = statement
        for n, key in enumerate(k for k in truth if k not in predicted):
            predicted[key] = f"alone-{n}"  # a quote left out of every statement is a statement of its own
        precision, recall, true_pairs, predicted_pairs = score(truth, predicted)
        flagged = Statement.objects.filter(speakers_differ=True).count()
        sample, failed = [], []
        for _ in range(args.sample):
            generated, _ = generate_reported(total + extra, articles=total)
            extra += 1
            t0 = time.perf_counter()
            result = import_text(name="full-" + generated.name, text=generated.text, publish=True)
            (failed if result.failed else sample).append(time.perf_counter() - t0)
            if result.failed:
                print("full import failed:", result.message)
        sample = sample or [float("nan")]
        rows.append([f"{checkpoint:,}", f"{statistics.mean(window) * 1000:.2f}",
                     f"{sorted(window)[int(len(window) * 0.95)] * 1000:.2f}", f"{statistics.mean(sample) * 1000:.0f}",
                     f"{precision:.4f}", f"{recall:.4f}", f"{true_pairs:,}", f"{Statement.objects.count():,}",
                     f"{flagged:,}"])
        print(" " * 60, end="\r")
        print(table(["articles", "index ms/article", "index p95 ms", "full import ms/article", "precision",
                     "recall", "true pairs", "statements", "flagged"], rows), flush=True)
    first, last = float(rows[0][1]), float(rows[-1][1])
    print(f"indexing cost per article, {rows[-1][0]} vs {rows[0][0]} articles: x{last / first:.2f}")
    print("largest statements:", list(Statement.objects.order_by("-size").values_list("size", flat=True)[:5]))


if __name__ == "__main__":
    main()
