"""Scale: page latency with a large archive (default 100,000 generated articles).

    .venv/bin/python bench/scale.py [--articles 100000] [--samples 200]
    DATABASE_URL=sqlite:////tmp/scale.sqlite3 .venv/bin/python bench/scale.py   # kept for re-runs
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_scale .venv/bin/python bench/scale.py  # created, kept

Fills the database with `manage.py generate_articles` (skipped when it already holds enough), then times
the list (first and deep pages), search, entity and article pages in-process (server time, no network).
The cache is cleared before each article request (so every one is a full render, never a replay); the other
pages cache nothing of their own except search's list of sources (5 minutes), which stays warm as in
production. Targets at 100,000 articles: list, search and entity p95 under 50 ms on PostgreSQL and under
100 ms on SQLite.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from _setup import django_with_fresh_database, table


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--samples", type=int, default=200)
    args = parser.parse_args()
    url = django_with_fresh_database("scale", keep=True)
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.urls import NoReverseMatch, reverse

    from reader.models import Article, Entity

    have = Article.objects.count()
    if have < args.articles:
        started = time.perf_counter()
        call_command("generate_articles", args.articles - have, start=have)
        print(f"generated {args.articles - have:,} articles in {time.perf_counter() - started:.0f} s")
        if connection.vendor == "postgresql":  # fresh statistics, as docs/deploy.md asks after a bulk load
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
    rng = random.Random(7)
    slugs = list(Article.objects.values_list("slug", flat=True)[: args.samples * 5])
    entities = list(Entity.objects.values_list("slug", flat=True))
    words = ["buget", "spital", "energie", "pensii", "autostrada", "Popescu", "Brasov", "investitii"]
    client = Client()
    deep = max(1, Article.objects.published().count() // 30 // 2)
    targets = {
        "list, first page": lambda: reverse("reader:index"),
        "list, middle page": lambda: reverse("reader:index") + f"?page={deep}",
        "entity": lambda: reverse("reader:entity", args=[rng.choice(entities)]),
        "article": lambda: reverse("reader:article", args=[rng.choice(slugs)]),
    }
    try:
        search = reverse("reader:search")
        targets["search"] = lambda: f"{search}?q={rng.choice(words)}"
    except NoReverseMatch:
        print("no search page yet: not measured")
    rows = []
    for label, make_url in targets.items():
        timings, statuses = [], set()
        for _ in range(args.samples):
            target = make_url()
            if label == "article":
                cache.clear()
            started = time.perf_counter()
            statuses.add(client.get(target).status_code)
            timings.append((time.perf_counter() - started) * 1000)
        rows.append([label, f"{statistics.median(timings):.1f}", f"{percentile(timings, 0.95):.1f}",
                     ",".join(map(str, sorted(statuses)))])
    print(f"database: {url.split('://')[0]}; {Article.objects.count():,} articles; {args.samples} requests each")
    print(table(["page", "p50 ms", "p95 ms", "status"], rows))


if __name__ == "__main__":
    main()
