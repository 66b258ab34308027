"""A small newsroom for the importer tests: article pages, an RSS feed and row exports, all written here (invented
places and people, no real news), served by a real HTTP server on 127.0.0.1 in a thread."""

from __future__ import annotations

import hashlib
import html
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SITE = "Gazeta de Vâlcele"
AUTHOR = "Ana Rusu"
# What a news page has around its article: none of it may end up in the article.
BOILERPLATE = ["Cele mai citite", "Toate drepturile rezervate", "Abonează-te la newsletter", "Politica de cookie-uri",
               "Alt subiect fierbinte la Pietrari"]


@dataclass(frozen=True)
class Story:
    n: int

    @property
    def title(self) -> str:
        return f"Consiliul din Vâlcele aprobă proiectul {self.n} pentru noua bibliotecă"

    @property
    def date(self) -> str:
        return f"2025-10-{1 + self.n % 28:02d}"

    @property
    def lead(self) -> str:
        return f"Consilierii locali au votat miercuri proiectul {self.n}, după o dezbatere de trei ore."

    @property
    def paragraphs(self) -> list[str]:
        n = self.n
        return [
            f"Primarul Teodor Mănescu a prezentat proiectul {n} în ședința de miercuri, în fața a {10 + n} de "
            "consilieri locali.",
            "„Biblioteca va fi deschisă tuturor locuitorilor, de luni până sâmbătă”, a spus Teodor Mănescu.",
            f"Lucrările ar urma să coste {n + 2},5 milioane de lei și să fie gata în doi ani, potrivit primăriei.",
            f"Consiliera Irina Vlădescu a cerut ca sala de lectură să aibă {20 + n} de locuri. „Copiii au nevoie de "
            "un loc liniștit”, a declarat ea.",
        ]

    def page(self, *, canonical: str | None = None, paragraphs: list[str] | None = None) -> bytes:
        body = "\n".join(f"<p>{html.escape(p)}</p>" for p in (paragraphs or self.paragraphs))
        link = f'<link rel="canonical" href="{html.escape(canonical)}">' if canonical else ""
        return f"""<!doctype html>
<html lang="ro"><head><meta charset="utf-8"><title>{html.escape(self.title)} | {SITE}</title>{link}
<meta property="og:site_name" content="{SITE}"><meta name="author" content="{AUTHOR}">
<meta property="article:published_time" content="{self.date}T08:00:00+03:00">
<meta name="description" content="{html.escape(self.lead)}">
</head><body>
<header><a href="/">{SITE}</a><nav><ul><li><a href="/">Acasă</a></li><li><a href="/politica">Politică</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/cultura">Cultură</a></li></ul></nav>
<form action="/cauta"><input name="q"><button>Caută</button></form></header>
<aside class="sidebar"><h3>Cele mai citite</h3><ul>
<li><a href="/x/1">„Nu renunțăm”, a declarat Ilie Pârvu. Alt subiect fierbinte la Pietrari</a></li>
<li><a href="/x/2">Drumul spre Pietrari se redeschide</a></li></ul></aside>
<main><article>
<h1>{html.escape(self.title)}</h1>
<p class="lead">{html.escape(self.lead)}</p>
<figure><img src="/foto/{self.n}.jpg" alt=""><figcaption>Sala de consiliu din Vâlcele.
<span class="credit">Foto: Gazeta</span></figcaption></figure>
<time datetime="{self.date}">{int(self.date[-2:])} Octombrie 2025</time>
{body}
<div class="share"><a href="/share">Distribuie</a> <a href="/tw">Trimite</a></div>
</article>
<section class="newsletter"><p>Abonează-te la newsletter și primești știrile dimineața.</p></section>
</main>
<footer><p>© 2025 {SITE}. Toate drepturile rezervate.</p>
<p><a href="/contact">Contact</a> | <a href="/cookies">Politica de cookie-uri</a></p></footer>
</body></html>""".encode()


def rss(base: str, items: list[tuple[Story, str]], *, updated: dict[int, str] | None = None) -> bytes:
    """An RSS 2.0 feed of (story, path of its page)."""
    updated = updated or {}
    entries = []
    for story, path in items:
        when = datetime.fromisoformat(story.date).replace(tzinfo=UTC)
        entries.append(f"""<item><title>{html.escape(story.title)}</title><link>{base}{path}</link>
<guid isPermaLink="true">{base}{path}</guid><pubDate>{format_datetime(when)}</pubDate>
{f"<atom:updated>{updated[story.n]}</atom:updated>" if story.n in updated else ""}
<description>{html.escape(story.lead)}</description></item>""")
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>{SITE}</title><link>{base}/</link>
<description>Știri din Vâlcele</description>{"".join(entries)}</channel></rss>""".encode()


@dataclass
class Route:
    body: bytes
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


class Newsroom:
    """An HTTP server on 127.0.0.1 serving ``routes``; answers If-None-Match with 304 when the ETag matches and
    records every request (path, headers)."""

    def __init__(self):
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        newsroom = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                newsroom.requests.append((self.path, dict(self.headers.items())))
                route = newsroom.routes.get(self.path)
                if route is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if route.delay:
                    time.sleep(route.delay)
                etag = '"' + hashlib.sha256(route.body).hexdigest()[:16] + '"'
                if route.status == 200 and self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                self.send_header("Content-Length", str(len(route.body)))
                if route.status == 200:
                    self.send_header("ETag", etag)
                for name, value in route.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                try:
                    self.wfile.write(route.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        # serve_forever checks for shutdown() once per poll interval (0.5 s by default): each test would wait it out.
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    def paths_requested(self) -> list[str]:
        return [path for path, _ in self.requests]
