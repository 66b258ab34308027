"""Slow clients against gunicorn (issue 20, row 5): four connections that send a header line every half second
stall every request of a two-worker sync server, and none of the production configuration's (config/gunicorn.py).

Loopback only, bounded loops: each slow client sends at most SLOW_LINES lines, each probe waits PROBE_TIMEOUT.
"""

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # gunicorn, held connections and timeouts: seconds of waiting

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
SLOW_CLIENTS = 4
SLOW_LINES = 16
LINE_EVERY = 0.5
PROBES = 5
PROBE_TIMEOUT = 2.0
URL = "/api/openapi.json"  # answered without the database


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(args: list[str], port: int, tmp_path) -> subprocess.Popen:
    env = {**os.environ, "DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": "slow-clients-test-" + "k" * 50,
           "DJANGO_ALLOWED_HOSTS": "127.0.0.1", "DJANGO_SECURE_SSL_REDIRECT": "0",
           "DATABASE_URL": f"sqlite:///{tmp_path}/unused.sqlite3", "GUNICORN_ACCESS_LOG": "/dev/null"}
    server = subprocess.Popen([GUNICORN, *args, "--bind", f"127.0.0.1:{port}", "--log-level", "warning",
                               "config.wsgi"], cwd=ROOT, env=env)
    for _ in range(150):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}{URL}", timeout=1).read()
            return server
        except OSError:
            if server.poll() is not None:
                break
            time.sleep(0.1)
    server.kill()
    pytest.fail("gunicorn did not start")


def _slow_client(port: int, stop: threading.Event) -> None:
    """Start a request, then trickle header lines in, never finishing it."""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(f"GET {URL} HTTP/1.1\r\nHost: 127.0.0.1\r\n".encode())
        for n in range(SLOW_LINES):
            if stop.wait(LINE_EVERY):
                return
            try:
                sock.sendall(f"X-Slow-{n}: {'x' * 10}\r\n".encode())
            except OSError:
                return


def _probe_while_slow_clients_hold(port: int, *, until_stalled: bool) -> list[float | None]:
    """Seconds each normal request took while the slow clients hold their connections (None: timed out); with
    ``until_stalled``, none after the first that timed out: the stall is shown, more would only wait."""
    stop = threading.Event()
    slow = [threading.Thread(target=_slow_client, args=(port, stop), daemon=True) for _ in range(SLOW_CLIENTS)]
    for thread in slow:
        thread.start()
    time.sleep(1.0)  # every slow connection is accepted and has sent its first lines
    took = []
    try:
        for _ in range(PROBES):
            began = time.monotonic()
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}{URL}", timeout=PROBE_TIMEOUT).read()
                took.append(time.monotonic() - began)
            except OSError:
                took.append(None)
                if until_stalled:
                    break
    finally:
        stop.set()
        for thread in slow:
            thread.join(timeout=5)
    return took


@pytest.mark.parametrize(
    ("name", "args", "stalls"),
    [
        ("sync workers (the old run command)", ["--workers", "2"], True),
        ("config/gunicorn.py (the production run command)", ["-c", "config/gunicorn.py", "--workers", "2"], False),
    ],
)
def test_slow_clients_stall_sync_workers_but_not_the_production_configuration(tmp_path, name, args, stalls):
    port = _free_port()
    server = _start(args, port, tmp_path)
    try:
        took = _probe_while_slow_clients_hold(port, until_stalled=stalls)
    finally:
        server.terminate()
        server.wait(timeout=30)
    if stalls:
        assert None in took, (name, took)
    else:
        assert None not in took and max(took) < 1.0, (name, took)
