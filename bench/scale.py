"""Scale: page latency and queries per page with a large archive, at one or several sizes side by side.

    .venv/bin/python bench/scale.py [--articles 100000] [--samples 200]
    .venv/bin/python bench/scale.py --articles 100000 1000000          # both sizes, one table, and the ratio
    DATABASE_URL=sqlite:////tmp/scale.sqlite3 .venv/bin/python bench/scale.py   # kept for re-runs
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_scale nice -n 10 .venv/bin/python bench/scale.py \\
        --articles 100000 1000000   # databases bench_scale_100k and bench_scale_1m: created, filled once, kept

Each size has its own database (with one size: DATABASE_URL itself; with several: its name plus _100k, _1m, ...,
or the SQLite file's name plus -100k, ...), filled by `manage.py generate_articles` (COPY on PostgreSQL, batches
of 2,000 with a progress bar; only what is missing is added) and then ANALYZEd (VACUUM ANALYZE on PostgreSQL, as
autovacuum would after a bulk load, so index-only scans see a fresh visibility map). Every size runs in a process
of its own. Pages are timed in-process (server time, no network) after a warm-up, with the cache cleared before
each article request (a full render, never a replay); deep list pages, archive days and entities are drawn at
random for each request. Targets: p95 <= 50 ms at 100,000 articles and <= 60 ms at 1,000,000 on PostgreSQL, no
page's p95 more than 1.3 x its p95 at the smaller size, and <= 100 ms at 100,000 on SQLite.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

from _setup import YES_FLUSH, table

TARGETS = {"postgresql": {100_000: 50.0, 1_000_000: 60.0}, "sqlite": {100_000: 100.0}}
MAX_RATIO = 1.3


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def size_label(n: int) -> str:
    return f"{n // 1_000_000}m" if n % 1_000_000 == 0 else f"{n // 1000}k" if n % 1000 == 0 else str(n)


def database_for(url: str, size: int, several: bool) -> str:
    """The database of one size: ``url`` itself when only one size is measured."""
    if not several:
        return url
    if url.startswith("sqlite"):
        path = Path(url.removeprefix("sqlite:///"))
        return f"sqlite:///{path.with_name(f'{path.stem}-{size_label(size)}{path.suffix}')}"
    parts = urlsplit(url)
    return parts._replace(path=f"{parts.path}_{size_label(size)}").geturl()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, nargs="+", default=[100_000], help="one or more archive sizes")
    parser.add_argument("--samples", type=int, default=200, help="requests per page and size")
    parser.add_argument("--rounds", type=int, default=4,
                        help="the samples are taken in this many rounds, the sizes taking turns, so that a burst of "
                             "load on a shared machine falls on every size alike")
    parser.add_argument("--fill-only", action="store_true", help="fill (and analyse) the databases, measure nothing")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--seed", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return measure(args.articles[0], args.samples, args.child, fill_only=args.fill_only, seed=args.seed)
    sizes = sorted(set(args.articles))
    base = os.environ.get("DATABASE_URL") or f"sqlite:///{tempfile.mkdtemp(prefix='bench-scale-')}/scale.sqlite3"
    rounds = 1 if args.fill_only else max(1, args.rounds)
    results: dict[int, dict] = {}
    for turn in range(rounds):
        for size in sizes:
            samples = args.samples // rounds + (turn < args.samples % rounds)
            url = database_for(base, size, len(sizes) > 1)
            out = Path(tempfile.mkstemp(prefix="scale-", suffix=".json")[1])
            command = [sys.executable, __file__, "--articles", str(size), "--samples", str(samples), "--child",
                       str(out), "--seed", str(turn), *(["--fill-only"] if args.fill_only else []),
                       *(["--yes-flush"] if YES_FLUSH else [])]
            subprocess.run(command, env={**os.environ, "DATABASE_URL": url}, check=True)
            got = json.loads(out.read_text())
            out.unlink()
            if args.fill_only:
                continue
            if size not in results:
                results[size] = got
                continue
            results[size]["samples"] += got["samples"]
            for page, measured in got["pages"].items():
                kept = results[size]["pages"][page]
                kept["timings"] += measured["timings"]
                kept["statuses"] = sorted(set(kept["statuses"]) | set(measured["statuses"]))
                kept["queries"] = max(kept["queries"], measured["queries"])
    if not args.fill_only:
        for info in results.values():
            for measured in info["pages"].values():
                measured["p50"] = statistics.median(measured["timings"])
                measured["p95"] = percentile(measured["timings"], 0.95)
        report(sizes, results, rounds)


def report(sizes: list[int], results: dict, rounds: int) -> None:
    vendor = results[sizes[0]]["vendor"]
    for size in sizes:
        info = results[size]
        print(f"{size_label(size)}: {info['vendor']} ({info['database']}), {info['articles']:,} articles, "
              f"{info['samples']} requests a page in {rounds} round(s)")
    headers = ["page"]
    for size in sizes:
        headers += [f"p50 {size_label(size)}", f"p95 {size_label(size)}", f"queries {size_label(size)}"]
    if len(sizes) > 1:
        versus = f"{size_label(sizes[-1])}/{size_label(sizes[0])}"
        headers += [f"p50 {versus}", f"p95 {versus}"]
    headers.append("target")
    rows, failures = [], []
    for page in results[sizes[0]]["pages"]:
        row, verdicts = [page], []
        for size in sizes:
            got = results[size]["pages"][page]
            row += [f"{got['p50']:.1f}", f"{got['p95']:.1f}", str(got["queries"])]
            limit = TARGETS.get(vendor, {}).get(size)
            if limit is not None:
                verdicts.append(got["p95"] <= limit)
            if got["statuses"] != [200]:
                failures.append(f"{page} at {size_label(size)}: status {got['statuses']}")
        if len(sizes) > 1:
            small, large = results[sizes[0]]["pages"][page], results[sizes[-1]]["pages"][page]
            ratio = large["p95"] / max(small["p95"], 0.001)
            row += [f"{large['p50'] / max(small['p50'], 0.001):.2f}", f"{ratio:.2f}"]
            verdicts.append(ratio <= MAX_RATIO)
            queries = {results[size]["pages"][page]["queries"] for size in sizes}
            if len(queries) > 1:
                failures.append(f"{page}: queries per request change with the archive's size: {sorted(queries)}")
        row.append("-" if not verdicts else "ok" if all(verdicts) else "MISSED")
        rows.append(row)
    print(table(headers, rows))
    limits = ", ".join(f"{size_label(s)} <= {v:.0f} ms" for s, v in TARGETS.get(vendor, {}).items())
    print(f"target: p95 {limits or 'none for this database'}" + (f"; ratio <= {MAX_RATIO}" if len(sizes) > 1 else ""))
    for failure in failures:
        print("PROBLEM:", failure)


def fill(size: int) -> None:
    from django.core.management import call_command
    from django.db import connection

    from reader.models import Article

    have = Article.objects.count()
    if have >= size:
        return
    print(f"{size_label(size)}: generating {size - have:,} articles (has {have:,})", flush=True)
    started = time.perf_counter()
    call_command("generate_articles", size - have, start=have, batch=2000)
    print(f"generated {size - have:,} articles in {time.perf_counter() - started:.0f} s; analysing", flush=True)
    with connection.cursor() as cursor:  # fresh statistics, as docs/deploy.md asks after a bulk load
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


def measure(size: int, samples: int, out: Path, *, fill_only: bool, seed: int = 0) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _setup import django_with_fresh_database

    url = django_with_fresh_database("scale", keep=True)
    fill(size)
    from django.db import connection, reset_queries

    if fill_only:
        out.write_text(json.dumps({}))
        return
    from datetime import timedelta

    from django.core.cache import cache
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from reader.models import Article, ArticleCount, Entity
    from reader.paging import ArticleKey

    rng = random.Random(7 + seed)
    slugs = list(Article.objects.values_list("slug", flat=True)[: samples * 5])
    entities = list(Entity.objects.values_list("slug", flat=True))
    days = list(ArticleCount.objects.filter(status="published", articles__gt=0).exclude(day=ArticleCount.UNDATED)
                .values_list("day", flat=True))
    words = ["buget", "spital", "energie", "pensii", "autostrada", "Popescu", "Brasov", "investitii"]

    def deep() -> str:  # a cursor anywhere in the archive: the rows before a random day
        return str(ArticleKey(rng.choice(days) + timedelta(days=1), 0))

    def day_url(name: str, parts: int) -> str:
        day = rng.choice(days)
        return reverse(name, args=[day.year, day.month, day.day][:parts])

    targets = {
        "list, first page": lambda: reverse("reader:index"),
        "list, deep page": lambda: reverse("reader:index") + f"?before={deep()}",
        "list, newer page": lambda: reverse("reader:index") + f"?after={deep()}",
        "archive, years": lambda: reverse("reader:archive"),
        "archive, month": lambda: day_url("reader:archive_month", 2),
        "archive, day": lambda: day_url("reader:archive_day", 3),
        "entity": lambda: reverse("reader:entity", args=[rng.choice(entities)]),
        "article": lambda: reverse("reader:article", args=[rng.choice(slugs)]),
        "search": lambda: reverse("reader:search") + f"?q={rng.choice(words)}",
        "API list, first page": lambda: "/api/articles",
        "API list, deep page": lambda: f"/api/articles?before={deep()}",
    }
    client = Client()
    pages = {}
    for label, make_url in targets.items():
        for _ in range(10):  # warm-up: connections, templates, the first touch of each index
            client.get(make_url())
        timings, statuses = [], set()
        reset_queries()  # with DEBUG on, the log holds the warm-up's queries, and each request empties it
        with CaptureQueriesContext(connection) as queries:
            target = make_url()
            if label == "article":
                cache.clear()
            client.get(target)
        for _ in range(samples):
            target = make_url()
            if label == "article":
                cache.clear()
            started = time.perf_counter()
            statuses.add(client.get(target).status_code)
            timings.append((time.perf_counter() - started) * 1000)
        pages[label] = {"timings": timings, "queries": len(queries), "statuses": sorted(statuses)}
    out.write_text(json.dumps({"vendor": connection.vendor, "database": url.split("/")[-1],
                               "articles": Article.objects.count(), "samples": samples, "pages": pages}))


if __name__ == "__main__":
    main()
