"""Statements across a generated archive: grouping precision and recall, and the cost of indexing an article as
the archive grows.

Articles come from reader.synthetic.generate_reported: a share of their quotes are statements other articles also
report (popular ones very often), some altered by a word, some credited to another speaker; the generator knows
which statement each quote truly is. They are stored without extraction (generate_articles' COPY), then each
article goes through reader.provenance.reindex_article, the function ingest calls at import, in date order, one
transaction each, timed. Between batches, untimed, the statement tables are vacuumed and every table analysed, as
autovacuum would on a server (the planner needs statistics to keep to the indexes). At each checkpoint:

- the indexing time per article over the last --window articles (median and p90), beside the load average of
  the machine while they ran, and the SQL statements and rows (read or written) per article, which do not
  depend on the load;
- a probe: the same --probe articles (never part of the archive) indexed into the archive as it is at that
  checkpoint, --rounds times, each round rolled back, each round right after a fixed CPU task (band keys of fixed
  quotes) is timed: the probe's median over the calibration's median is the cost with the machine's speed at
  that moment divided out, so a busy machine and a growing cost can be told apart;
- the pairwise precision and recall of the grouping over every quote so far;
- --sample articles imported through the whole import (extraction included) for their time per article.

    .venv/bin/python bench/provenance.py --articles 10000 100000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/h26bench .venv/bin/python bench/provenance.py \
        --articles 10000 25000 50000 100000
"""

from __future__ import annotations

import argparse
import os
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


def quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(int(len(ordered) * q), len(ordered) - 1)]


class Counting:
    """An execute wrapper: SQL statements run and rows they returned or wrote (the cursor's rowcount)."""

    def __init__(self):
        self.queries = self.rows = 0

    def __call__(self, execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        self.queries += 1
        self.rows += max(context["cursor"].rowcount or 0, 0)
        return result


class Rollback(Exception):
    pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, nargs="+", default=[10000, 30000], help="checkpoints (archive sizes)")
    parser.add_argument("--window", type=int, default=2000, help="articles timed before each checkpoint")
    parser.add_argument("--probe", type=int, default=200, help="articles of the fixed probe (0: none)")
    parser.add_argument("--rounds", type=int, default=3, help="probe rounds at each checkpoint")
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
    timings: list[tuple[float, int, int, float]] = []  # seconds, queries, rows, load average
    counting = Counting()
    probe = [generate_reported(2 * total + k, articles=total)[0] for k in range(args.probe)]
    calibration_quotes = [" ".join(f"cuvântul{k} numărul{k * j}" for j in range(8)) for k in range(200)]

    def maintain() -> None:
        """What autovacuum does on a server (this one may have it off): the planner's statistics, and the statements'
        dead row versions cleared. Not timed."""
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("VACUUM (ANALYZE) reader_statement, reader_statementband, reader_appearance")
                cursor.execute("ANALYZE reader_article, reader_paragraph, reader_quote")

    def calibrate() -> float:
        t0 = time.perf_counter()
        for text in calibration_quotes:
            provenance.band_keys(provenance.words_of(text))
        return time.perf_counter() - t0

    def probe_round() -> list[float]:
        seconds = []
        try:
            with transaction.atomic():
                save_generated_articles(generated=probe, publish=True)
                for article in Article.objects.filter(import_key__in=[g.name for g in probe]).order_by("id"):
                    t0 = time.perf_counter()
                    with transaction.atomic():
                        provenance.reindex_article(article)
                    seconds.append(time.perf_counter() - t0)
                raise Rollback
        except Rollback:
            pass
        return seconds

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
            maintain()
            load = os.getloadavg()[0]
            for article in Article.objects.filter(import_key__in=[g.name for g, _ in made]).order_by("id"):
                queries, touched = counting.queries, counting.rows
                with connection.execute_wrapper(counting):
                    t0 = time.perf_counter()
                    with transaction.atomic():
                        provenance.reindex_article(article)
                    seconds = time.perf_counter() - t0
                timings.append((seconds, counting.queries - queries, counting.rows - touched, load))
            done = last
            print(f"  {done:,} articles, {time.monotonic() - started:,.0f} s, load {load:.1f}", end="\r", flush=True)
        window = timings[-args.window:]
        probe_ms, calibration_ms = [], []
        for _ in range(args.rounds if args.probe else 0):
            calibration_ms.append(calibrate() * 1000)
            probe_ms.append(statistics.median(probe_round()) * 1000)
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
        seconds = [t[0] for t in window]
        probe_median = statistics.median(probe_ms) if probe_ms else float("nan")
        calibration = statistics.median(calibration_ms) if calibration_ms else float("nan")
        rows.append([f"{checkpoint:,}", f"{statistics.median(seconds) * 1000:.2f}",
                     f"{quantile(seconds, 0.9) * 1000:.2f}", f"{statistics.mean(t[3] for t in window):.1f}",
                     f"{statistics.mean(t[1] for t in window):.1f}", f"{statistics.mean(t[2] for t in window):.1f}",
                     f"{max(t[2] for t in window):,}", f"{probe_median:.2f}", f"{calibration:.1f}",
                     f"{probe_median / calibration:.4f}", f"{os.getloadavg()[0]:.1f}",
                     f"{statistics.mean(sample) * 1000:.0f}", f"{precision:.4f}", f"{recall:.4f}", f"{true_pairs:,}",
                     f"{Statement.objects.count():,}", f"{flagged:,}"])
        print(" " * 70, end="\r")
        print(table(["articles", "index ms median", "p90", "load", "queries/article", "rows/article", "rows max",
                     "probe ms", "calib ms", "probe/calib", "load", "full import ms", "precision", "recall",
                     "true pairs", "statements", "flagged"], rows), flush=True)
    for column, name in ((1, "window median ms"), (5, "rows/article"), (7, "probe median ms"),
                         (9, "probe/calibration")):
        first, last = float(rows[0][column]), float(rows[-1][column])
        print(f"{name}, {rows[-1][0]} vs {rows[0][0]} articles: x{last / first:.2f}")
    print("largest statements:", list(Statement.objects.order_by("-size").values_list("size", flat=True)[:5]))


if __name__ == "__main__":
    main()
