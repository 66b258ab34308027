"""Lighthouse on the article page, run against Debian's Chromium (never a downloaded browser).

    npm ci --prefix bench/lighthouse     # once: the `lighthouse` npm package, as package-lock.json pins it
    .venv/bin/python bench/lighthouse.py [--path /a/<slug>/] [--form-factor mobile|desktop] [--runs 3] [--as-editor]
                                         [--no-proxy]

Serves the project as in production (gunicorn, DEBUG off, WhiteNoise with compressed, hashed static
files, behind a reverse proxy that gzips the HTML as nginx's `gzip on` does: docs/deploy.md requires the proxy) on a
throwaway database holding the sample articles, runs Lighthouse `--runs` times and prints the median score per
category. The default page is the seed article (samples/article-0.txt), the one with the most quotes. Reports go to
bench/lighthouse/reports/. Not part of `make test`.
bench/lighthouse/node_modules/ is installed, never committed (tests/test_repository.py checks); this script runs
`npm ci` itself when it is missing.
Targets (issue 7): accessibility 100, best practices >= 95, performance >= 95.
"""

from __future__ import annotations

import argparse
import gzip
import http.client
import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from _setup import ROOT, django_with_fresh_database, table
from serve import free_port, start_server

HERE = Path(__file__).resolve().parent / "lighthouse"
LIGHTHOUSE = HERE / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 95}
SECRET_KEY = "lighthouse-bench-" * 4  # the server's; an editor's session is signed with it too


def ensure_lighthouse() -> None:
    if LIGHTHOUSE.exists():
        return
    if not shutil.which("npm"):
        sys.exit("npm is missing: sudo apt-get install npm (then npm ci --prefix bench/lighthouse)")
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--prefix", str(HERE)], check=True)


def run_lighthouse(url: str, *, form_factor: str, out: Path, cookie: str = "") -> dict[str, int]:
    flags = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
             "--disable-component-update", "--disable-sync"]
    cmd = ["node", str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
           f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={' '.join(flags)}"]
    if form_factor == "desktop":
        cmd.append("--preset=desktop")
    if cookie:
        cmd.append(f"--extra-headers={json.dumps({'Cookie': cookie})}")
    subprocess.run(cmd, check=True, env={**os.environ, "CHROME_PATH": CHROMIUM})
    report = json.loads(out.read_text())
    if report.get("finalDisplayedUrl", url) != url:  # e.g. the login page, for a session the server refused
        sys.exit(f"audited {report['finalDisplayedUrl']}, not {url}")
    return {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}


HOP_BY_HOP = {"connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade",
              "content-length"}


def start_gzip_proxy(upstream: int) -> ThreadingHTTPServer:
    """The production proxy's part that changes what a browser receives: HTML gzipped for a client that accepts it
    (nginx's `gzip on`, level 1, text/html only; static files come compressed from WhiteNoise already)."""

    class Proxy(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def _forward(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else None
            headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
            connection = http.client.HTTPConnection("127.0.0.1", upstream, timeout=60)
            connection.request(self.command, self.path, body=body, headers=headers)
            response = connection.getresponse()
            data = response.read()
            connection.close()
            out = [(k, v) for k, v in response.getheaders() if k.lower() not in HOP_BY_HOP]
            html = (response.getheader("Content-Type") or "").startswith("text/html")
            if html and data and "gzip" in self.headers.get("Accept-Encoding", "") and not response.getheader(
                    "Content-Encoding"):
                data = gzip.compress(data, compresslevel=1)
                out += [("Content-Encoding", "gzip"), ("Vary", "Accept-Encoding")]
            self.send_response_only(response.status, response.reason)
            for name, value in out:
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(data)

        do_GET = do_HEAD = do_POST = _forward

    proxy = ThreadingHTTPServer(("127.0.0.1", free_port()), Proxy)
    threading.Thread(target=proxy.serve_forever, daemon=True).start()
    return proxy


def editor_cookie() -> str:
    """A session of a new editor, stored in the database the server reads (sessions are cached_db)."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client, override_settings

    from reader.roles import EDITORS_GROUP, ensure_groups

    user = get_user_model().objects.create_user("lighthouse-editor", password=None)
    user.groups.add(ensure_groups()[EDITORS_GROUP])
    client = Client()
    with override_settings(SECRET_KEY=SECRET_KEY):
        client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--path", help="page to audit (default: the seed article; 'entity': the most mentioned "
                        "entity's page)")
    parser.add_argument("--form-factor", choices=["mobile", "desktop"], default="mobile")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--as-editor", action="store_true",
                        help="signed in as an editor (the review screen, /revizie/, and the editors' article page)")
    parser.add_argument("--no-proxy", action="store_true", help="audit gunicorn itself, its HTML uncompressed")
    args = parser.parse_args()
    ensure_lighthouse()

    database = django_with_fresh_database("lighthouse")
    from django.core.management import call_command

    from reader.models import Article

    call_command("import_articles", "--publish", "--now", str(ROOT / "samples"), verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    call_command("compilemessages", ignore_patterns=[".venv/*"], verbosity=0)
    path = args.path or Article.objects.get(import_key="article-0.txt").get_absolute_url()
    if path == "entity":
        from django.db.models import Count

        from reader.models import Entity

        path = f"/e/{Entity.objects.annotate(n=Count('mentions')).order_by('-n').first().slug}/"
    cookie = editor_cookie() if args.as_editor else ""

    port = free_port()
    env = {**os.environ, "DATABASE_URL": database, "DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": SECRET_KEY,
           "DJANGO_SECURE_SSL_REDIRECT": "0", "DJANGO_HSTS_SECONDS": "0"}
    server = start_server(port, env)
    proxy = None if args.no_proxy else start_gzip_proxy(port)
    audited = port if proxy is None else proxy.server_address[1]
    reports = HERE / "reports"
    reports.mkdir(exist_ok=True)
    try:
        runs = [run_lighthouse(f"http://127.0.0.1:{audited}{path}", form_factor=args.form_factor,
                               out=reports / f"{args.form_factor}-{i}.json", cookie=cookie) for i in range(args.runs)]
    finally:
        if proxy is not None:
            proxy.shutdown()
        server.terminate()
        server.wait()
    medians = {c: int(statistics.median(r[c] for r in runs)) for c in CATEGORIES}
    rows = [[c, *(r[c] for r in runs), medians[c], f">= {TARGETS[c]}" if c in TARGETS else ""] for c in CATEGORIES]
    print(f"Lighthouse {args.form_factor}, {path}{' as an editor' if args.as_editor else ''}"
          f"{', no proxy' if args.no_proxy else ''}")
    print(table(["category", *(f"run {i + 1}" for i in range(args.runs)), "median", "target"], rows))
    missed = [c for c, target in TARGETS.items() if medians[c] < target]
    if missed:
        sys.exit(f"below target: {', '.join(missed)}")


if __name__ == "__main__":
    main()
