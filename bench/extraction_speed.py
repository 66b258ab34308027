"""Extraction speed and size: quotes+speakers per article, whole pipeline words/s, model load, memory.

    .venv/bin/python bench/extraction_speed.py [--articles 200]

One core (thread pools pinned to 1). Targets: quotes and speakers for a 600-word article under 20 ms;
whole extraction >= 5,000 words/s; model load under 2 s; process under 400 MB RSS.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import time
from pathlib import Path

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _setup import table  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=200)
    args = parser.parse_args()
    from reader.extraction import extract_text
    from reader.extraction.entities import find_entities
    from reader.extraction.ner.model import load_nlp
    from reader.extraction.parse import parse_article
    from reader.extraction.quotes import find_quotes
    from reader.synthetic import generate, word_count

    started = time.perf_counter()
    load_nlp()
    load_seconds = time.perf_counter() - started

    # About 600 words each: the size the quote target is stated for.
    texts = [generate(i, paragraphs=30).text for i in range(args.articles)]
    words = [word_count(t) for t in texts]
    parsed = [parse_article(t)[1] for t in texts]
    entities = [find_entities(p) for p in parsed]

    quote_ms = []
    for paragraphs, found in zip(parsed, entities, strict=True):
        started = time.perf_counter()
        find_quotes(paragraphs, found)
        quote_ms.append((time.perf_counter() - started) * 1000)

    started = time.perf_counter()
    for text in texts:
        extract_text(text)
    whole = time.perf_counter() - started
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"{args.articles} generated articles, {statistics.mean(words):.0f} words each on average")
    print(table(["measure", "value", "target"], [
        ["quotes + speakers, p50 per article", f"{statistics.median(quote_ms):.2f} ms", "< 20 ms"],
        ["quotes + speakers, max per article", f"{max(quote_ms):.2f} ms", ""],
        ["whole extraction", f"{sum(words) / whole:,.0f} words/s", ">= 5,000 words/s"],
        ["whole extraction", f"{args.articles / whole:.1f} articles/s", ""],
        ["model load", f"{load_seconds:.2f} s", "< 2 s"],
        ["peak RSS", f"{rss_mb:.0f} MB", "< 400 MB"],
    ]))


if __name__ == "__main__":
    main()
