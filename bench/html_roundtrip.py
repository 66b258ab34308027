"""Does a web page import like the text file it was made from? (issue 23)

    .venv/bin/python bench/html_roundtrip.py [../shared/data/news-dev]

Each NAME.txt of the folder (the project's text format) is imported as it is, then rebuilt as a simple web page in
a temporary folder and imported from there, through the same pipeline (``ingest``, a throwaway SQLite database unless
DATABASE_URL says otherwise). Two pages per article:

- *plain*: the title in <h1>, every other paragraph in <p>, navigation, a "most read" box and a footer around them;
- *marked*: the same, with the lead as <p class="lead">, the photo caption in <figure><figcaption> and the dateline in
  <time>, subheadings in <h2>, as news sites mark them.

Compared with the text import, article by article: the paragraphs (their texts in order, and their roles), the quotes
(text, speaker, kind) and the entities (name, type, number of mentions), and the metadata (title, date, source).
The pages are written here and thrown away; nothing of the folder is copied into the project.
"""

from __future__ import annotations

import argparse
import html
import sys
import tempfile
from collections import Counter
from pathlib import Path

from _setup import django_with_fresh_database, table

ROOT = Path(__file__).resolve().parent.parent
NAV = ("<header><a href='/'>Ziarul</a><nav><ul><li><a href='/'>Acasă</a></li><li><a href='/politica'>Politică</a>"
       "</li><li><a href='/economie'>Economie</a></li><li><a href='/sport'>Sport</a></li></ul></nav></header>")
ASIDE = ("<aside><h3>Cele mai citite</h3><ul><li><a href='/a/1'>Un alt articol despre altceva</a></li>"
         "<li><a href='/a/2'>Încă un titlu din altă zi</a></li></ul></aside>")
FOOTER = ("<footer><p>© 2025 Ziarul. Toate drepturile rezervate.</p><p><a href='/contact'>Contact</a> | "
          "<a href='/cookies'>Politica de cookie-uri</a></p></footer>")


def page(meta, paragraphs, *, marked: bool) -> str:
    """A web page for one parsed article."""
    head = [f"<meta charset='utf-8'><title>{html.escape(meta.title)} - Ziarul</title>"]
    if meta.date:
        head.append(f"<meta property='article:published_time' content='{meta.date}T09:00:00+03:00'>")
    if meta.source:
        head.append(f"<meta property='og:site_name' content='{html.escape(meta.source)}'>")
    body = []
    for p in paragraphs:
        text = html.escape(p.text)
        if p.role == "title":
            body.append(f"<h1>{text}</h1>")
        elif marked and p.role == "lead":
            body.append(f"<p class='lead'>{text}</p>")
        elif marked and p.role == "caption":
            body.append(f"<figure><img src='/foto.jpg' alt=''><figcaption>{text}</figcaption></figure>")
        elif marked and p.role == "dateline":
            body.append(f"<time datetime='{meta.date or ''}'>{text}</time>")
        elif marked and p.role == "heading":
            body.append(f"<h2>{text}</h2>")
        else:
            body.append(f"<p>{text}</p>")
    return (f"<!doctype html><html lang='ro'><head>{''.join(head)}</head><body>{NAV}{ASIDE}<main><article>"
            + "\n".join(body) + f"</article></main>{FOOTER}</body></html>")


def stored(article):
    from reader.models import Mention, Paragraph, Quote

    paragraphs = list(Paragraph.objects.filter(article=article, revision=article.revision).order_by("position")
                      .values_list("text", "role"))
    quotes = Counter(Quote.objects.filter(article=article).values_list("paragraph__text", "start", "end",
                                                                       "speaker_name", "kind"))
    entities = Counter(Mention.objects.filter(article=article).values_list("entity__name", "entity__type"))
    meta = (article.title, article.published_on, article.source)
    return paragraphs, quotes, entities, meta


def overlap(a: Counter, b: Counter) -> tuple[int, int, int]:
    """(in both, only in the text import, only in the page import)"""
    common = sum((a & b).values())
    return common, sum(a.values()) - common, sum(b.values()) - common


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", default=str(ROOT.parent / "shared" / "data" / "news-dev"))
    args = parser.parse_args()
    django_with_fresh_database("html-roundtrip")
    from reader.extraction.decode import decode_article
    from reader.extraction.parse import parse_article
    from reader.ingest import import_article, import_uploads

    files = sorted(Path(args.folder).glob("*.txt"))
    if not files:
        sys.exit(f"no .txt articles in {args.folder}")
    totals = {kind: Counter() for kind in ("plain", "marked")}
    rows = []
    with tempfile.TemporaryDirectory(prefix="html-roundtrip-") as tmp:
        for path in files:
            data = path.read_bytes()
            text_result = import_article(name=path.name, data=data)
            if text_result.failed:
                print(f"{path.name}: the text import failed: {text_result.message}")
                continue
            reference = stored(text_result.article)
            meta, paragraphs, _ = parse_article(decode_article(data))
            row = [path.stem]
            for kind in ("plain", "marked"):
                page_path = Path(tmp) / f"{path.stem}.{kind}.html"
                page_path.write_text(page(meta, paragraphs, marked=kind == "marked"), encoding="utf-8")
                result, = import_uploads(files=[(page_path.name, page_path.read_bytes())])
                t = totals[kind]
                t["articles"] += 1
                if result.failed:
                    t["failed"] += 1
                    row.append(f"failed: {result.message[:40]}")
                    continue
                got = stored(result.article)
                same_texts = [p[0] for p in got[0]] == [p[0] for p in reference[0]]
                same_roles = got[0] == reference[0]
                para = overlap(Counter(p[0] for p in reference[0]), Counter(p[0] for p in got[0]))
                quotes = overlap(reference[1], got[1])
                entities = overlap(reference[2], got[2])
                t["same paragraphs"] += same_texts
                t["same roles"] += same_roles
                t["same metadata"] += got[3] == reference[3]
                t["same quotes"] += quotes[1:] == (0, 0)
                t["same entities"] += entities[1:] == (0, 0)
                for name, (common, only_text, only_page) in (("paragraphs", para), ("quotes", quotes),
                                                             ("mentions", entities)):
                    t[f"{name} both"] += common
                    t[f"{name} text only"] += only_text
                    t[f"{name} page only"] += only_page
                row.append("=" if (same_texts and quotes[1:] == entities[1:] == (0, 0))
                           else f"¶{para[1]}/{para[2]} q{quotes[1]}/{quotes[2]} e{entities[1]}/{entities[2]}")
            rows.append(row)
    print(table(["article", "plain page", "marked page"], rows))
    print("(= the same paragraph texts, quotes and entity mentions as the text import; otherwise how many were only "
          "in the text import / only in the page import)\n")
    keys = ["articles", "failed", "same paragraphs", "same roles", "same metadata", "same quotes", "same entities",
            "paragraphs both", "paragraphs text only", "paragraphs page only", "quotes both", "quotes text only",
            "quotes page only", "mentions both", "mentions text only", "mentions page only"]
    print(table(["", "plain", "marked"], [[k, totals["plain"][k], totals["marked"][k]] for k in keys]))


if __name__ == "__main__":
    main()
