"""Serving: the seed article page vs the same HTML as a static file, both through gunicorn + WhiteNoise.

    .venv/bin/python bench/serve.py [--seconds 30] [--connections 16] [--instances 1]

Needs wrk (Debian: apt-get install wrk; installed for you when run as root). Uses DATABASE_URL when set
(e.g. postgres://postgres@127.0.0.1:5432/bench_serve); --instances 2 starts two gunicorn servers on one
database and loads both at once, to show the app keeps no per-process state.
Target: article page throughput >= 50% of the static file, p50 under 10 ms.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from _setup import ROOT, django_with_fresh_database, table

GUNICORN = str(Path(sys.executable).with_name("gunicorn"))


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() == 0 and shutil.which("apt-get"):
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True, env={**os.environ,
                       "DEBIAN_FRONTEND": "noninteractive"})
        return shutil.which("wrk")
    sys.exit("wrk is missing: sudo apt-get install wrk")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int, env: dict) -> subprocess.Popen:
    server = subprocess.Popen(
        [GUNICORN, "config.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
        cwd=ROOT, env=env,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1)
            return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    sys.exit("gunicorn did not start")


def run_wrk(wrk: str, urls: list[str], seconds: int, connections: int) -> dict:
    """Load every URL at once (one wrk each); requests/s summed, latencies from the first."""
    procs = [subprocess.Popen([wrk, "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", url],
                              stdout=subprocess.PIPE, text=True) for url in urls]
    outputs = [p.communicate()[0] for p in procs]
    rps = sum(float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)) for out in outputs)
    non2xx = sum(int(m.group(1)) for out in outputs for m in [re.search(r"Non-2xx or 3xx responses: (\d+)", out)] if m)
    latency = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", outputs[0], re.M))
    return {"rps": rps, "p50": latency.get("50"), "p99": latency.get("99"), "errors": non2xx}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--instances", type=int, default=1, choices=[1, 2])
    args = parser.parse_args()
    wrk = ensure_wrk()
    url = django_with_fresh_database("serve")
    from django.conf import settings
    from django.core.management import call_command

    from reader.ingest import import_article

    article = import_article(name="article-0.txt", data=(ROOT / "samples/article-0.txt").read_bytes(),
                             publish=True).article
    call_command("collectstatic", interactive=False, verbosity=0)
    env = {**os.environ, "DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": "bench-" + "x" * 50,
           "DJANGO_SECURE_SSL_REDIRECT": "0", "DATABASE_URL": url}
    ports = [free_port() for _ in range(args.instances)]
    servers = [start_server(port, env) for port in ports]
    try:
        page_urls = [f"http://127.0.0.1:{p}{article.get_absolute_url()}" for p in ports]
        html = urllib.request.urlopen(page_urls[0]).read()
        static_file = Path(settings.STATIC_ROOT) / "bench-article.html"
        static_file.write_bytes(html)
        for server in servers:  # WhiteNoise indexes STATIC_ROOT at start-up
            server.send_signal(signal.SIGHUP)
        time.sleep(2)
        static_urls = [f"http://127.0.0.1:{p}/static/bench-article.html" for p in ports]
        assert urllib.request.urlopen(static_urls[0]).read() == html
        page = run_wrk(wrk, page_urls, args.seconds, args.connections)
        static = run_wrk(wrk, static_urls, args.seconds, args.connections)
    finally:
        for server in servers:
            server.terminate()
            server.wait()
    print(f"database: {url.split('://')[0]}; gunicorn instances: {args.instances} x 2 workers; "
          f"wrk {args.connections} connections x {args.seconds} s; page {len(html):,} bytes")
    print(table(["target", "requests/s", "p50", "p99", "non-2xx"], [
        ["article page", f"{page['rps']:.0f}", page["p50"], page["p99"], page["errors"]],
        ["same HTML as static file", f"{static['rps']:.0f}", static["p50"], static["p99"], static["errors"]],
    ]))
    print(f"article/static throughput ratio: {page['rps'] / static['rps']:.2f} (target >= 0.50)")


if __name__ == "__main__":
    main()
