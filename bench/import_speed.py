"""Import speed: generated articles through the whole pipeline (decode, parse, NER, quotes, figures, database).

    .venv/bin/python bench/import_speed.py [--count 1000]

Runs on one core (thread pools pinned to 1). Target: >= 10 articles/s including extraction.
"""

from __future__ import annotations

import argparse
import os
import time

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")

from _setup import django_with_fresh_database, table  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=1000)
    args = parser.parse_args()
    url = django_with_fresh_database("import")
    from reader.extraction import extract_text
    from reader.extraction.ner.model import load_nlp
    from reader.ingest import import_article
    from reader.synthetic import generate, word_count

    started = time.perf_counter()
    load_nlp()
    load_seconds = time.perf_counter() - started
    articles = [generate(i) for i in range(args.count)]
    words = sum(word_count(a.text) for a in articles)

    started = time.perf_counter()
    for article in articles:
        extract_text(article.text)
    extract_seconds = time.perf_counter() - started

    started = time.perf_counter()
    failed = sum(import_article(name=a.name, data=a.text.encode(), publish=True).failed for a in articles)
    import_seconds = time.perf_counter() - started

    print(f"database: {url.split('://')[0]}; {args.count} articles, {words:,} words; model load {load_seconds:.2f} s")
    print(table(
        ["stage", "seconds", "articles/s", "words/s"],
        [
            ["extraction only", f"{extract_seconds:.1f}", f"{args.count / extract_seconds:.1f}",
             f"{words / extract_seconds:,.0f}"],
            ["import (extraction + database)", f"{import_seconds:.1f}", f"{args.count / import_seconds:.1f}",
             f"{words / import_seconds:,.0f}"],
        ],
    ))
    print(f"failed imports: {failed}")


if __name__ == "__main__":
    main()
