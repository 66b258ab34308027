"""Concurrent editors against gunicorn: notes added and edited for a while, then every acknowledged write checked.

    .venv/bin/python bench/load_editors.py                       # 20 editors, 60 s, a fresh SQLite file (WAL)
    .venv/bin/python bench/load_editors.py --database-url postgres://postgres@127.0.0.1:5432/reader_load_bench

A PostgreSQL database named in --database-url is dropped and re-created: its name must contain "bench" or "test",
or the command line must say --yes-flush. Each editor (a thread with its own
session) adds notes, edits its own notes, and edits a few "hot" notes that everybody edits, starting from the
version it last saw: of two edits from the same version exactly one may win, the other must get 409.
Afterwards every acknowledged write (2xx) must be in the database as that note's revision of that version,
byte for byte. Prints a table, and a last line `RESULT {json}` for tests/test_concurrency.py.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
HOT_NOTES = 5
SERVER_LOG = Path(tempfile.gettempdir()) / f"load-editors-server-{os.getpid()}.log"
_NOTE_ID = re.compile(r'id="note-(\d+)"')
_BASE_VERSION = re.compile(r'name="base_version" value="(\d+)"')


@dataclass
class Tally:
    requests: int = 0
    created: int = 0
    edited: int = 0
    conflicts: int = 0
    server_errors: int = 0
    other_errors: list[str] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    acknowledged: list[tuple[int, int, str]] = field(default_factory=list)  # (note id, version, body)
    lock: threading.Lock = field(default_factory=threading.Lock)


def prepare_database(url: str, *, editors: int) -> dict:
    """Migrate a fresh database and create the editors, an article and the hot notes; returns their ids."""
    if url.startswith("postgres"):
        import psycopg

        base, name = url.rsplit("/", 1)
        with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"')
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.contrib.auth.models import Group, User
    from django.core.management import call_command
    from django.test import Client

    from reader.models import Article, Note, Paragraph
    from reader.roles import EDITORS_GROUP, SENIOR_EDITORS_GROUP

    call_command("migrate", verbosity=0)
    article = Article.objects.create(slug="incarcare", import_key="incarcare.txt", title="Încărcare",
                                     raw_text="x", text_sha256="x", status=Article.Status.PUBLISHED)
    for position in range(10):
        text = f"Paragraful {position}: „Totul merge bine”, a spus Ion Popescu."
        Paragraph.objects.create(article=article, position=position, role="body", text=text,
                                 fingerprint=Paragraph.fingerprint_of(text))
    groups = [Group.objects.get(name=EDITORS_GROUP), Group.objects.get(name=SENIOR_EDITORS_GROUP)]
    sessions = []
    for i in range(editors):
        user = User(username=f"editor{i}")
        user.set_unusable_password()  # sessions are made directly: no login, no password hashing cost
        user.save()
        user.groups.set(groups)  # senior: everybody may edit the hot notes
        client = Client()
        client.force_login(user)
        sessions.append(client.cookies["sessionid"].value)
    first = User.objects.get(username="editor0")
    hot = [Note.create(paragraph=article.paragraphs.get(position=0), author=first, body=f"fierbinte {i}",
                       kind="context", visibility="public").pk for i in range(HOT_NOTES)]
    from django.db import connection

    connection.close()  # hold no SQLite lock while the server runs
    return {"slug": article.slug, "sessions": sessions, "hot": hot}


def start_gunicorn(url: str, *, workers: int) -> tuple[subprocess.Popen, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_DEBUG": "1", "DJANGO_ALLOWED_HOSTS": "127.0.0.1"}
    # The server's log (every 409 is a "Conflict" warning) goes to a file; run() reports its errors.
    log = open(SERVER_LOG, "w")  # noqa: SIM115 - closed with the process
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "config.wsgi:application", "--bind", f"127.0.0.1:{port}",
         "--workers", str(workers), "--timeout", "120", "--log-level", "warning"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            requests.get(base + "/login/", timeout=10)
            return server, base
        except requests.RequestException:
            time.sleep(0.1)
    server.kill()
    raise RuntimeError("gunicorn did not start")


def _editor(n: int, base: str, session: str, world: dict, deadline: float, tally: Tally) -> None:
    rng = random.Random(n)
    web = requests.Session()
    web.cookies.set("sessionid", session)
    web.get(f"{base}/a/{world['slug']}/", timeout=60)  # sets the CSRF cookie
    headers = {"X-CSRFToken": web.cookies.get("csrftoken", ""), "Referer": base + "/"}
    mine: dict[int, int] = {}  # my notes -> version
    seen = dict.fromkeys(world["hot"], 1)  # hot notes -> the version I last saw
    counter = 0

    def call(method, path, data, htmx=False):
        started = time.perf_counter()
        try:
            response = web.request(method, base + path, data=data, allow_redirects=False, timeout=60,
                                   headers={**headers, **({"HX-Request": "true"} if htmx else {})})
        except requests.RequestException as error:
            with tally.lock:
                tally.other_errors.append(f"{path}: {error}")
            return None
        with tally.lock:
            tally.requests += 1
            tally.latencies.append(time.perf_counter() - started)
            tally.server_errors += response.status_code >= 500
        return response

    while time.monotonic() < deadline:
        counter += 1
        body = f"e{n}-{counter} ăîșț „ghilimele” 💬 **aldin** {rng.random():.6f}"
        action = rng.random()
        if action < 0.3 or not mine:
            response = call("POST", f"/a/{world['slug']}/p/{rng.randrange(10)}/notes/",
                            {"body": body, "kind": "context", "visibility": "public"}, htmx=True)
            if response is None:
                continue
            note_id = _note_with(response.text, f"e{n}-{counter} ")
            if response.status_code == 200 and note_id:
                mine[note_id] = 1
                with tally.lock:
                    tally.created += 1
                    tally.acknowledged.append((note_id, 1, body))
            elif response.status_code < 500:
                with tally.lock:
                    tally.other_errors.append(f"add note: {response.status_code}")
            continue
        hot = action > 0.65
        note_id = rng.choice(world["hot"]) if hot else rng.choice(list(mine))
        version = seen[note_id] if hot else mine[note_id]
        response = call("POST", f"/notes/{note_id}/edit/",
                        {"body": body, "kind": "context", "visibility": "public", "base_version": version})
        if response is None:
            continue
        if response.status_code == 302:
            (seen if hot else mine)[note_id] = version + 1
            with tally.lock:
                tally.edited += 1
                tally.acknowledged.append((note_id, version + 1, body))
        elif response.status_code == 409:
            current = _BASE_VERSION.search(response.text)
            (seen if hot else mine)[note_id] = int(current.group(1)) if current else version
            with tally.lock:
                tally.conflicts += 1
        elif response.status_code < 500:
            with tally.lock:
                tally.other_errors.append(f"edit: {response.status_code}")


def _note_with(html: str, token: str) -> int | None:
    """The id of the note whose text holds ``token`` in an htmx fragment of a paragraph's notes."""
    parts = _NOTE_ID.split(html)
    for i in range(1, len(parts) - 1, 2):
        if token in parts[i + 1]:
            return int(parts[i])
    return None


def verify(tally: Tally) -> dict:
    """Every acknowledged write, read back from the database: lost (missing) or mangled (different)."""
    from reader.models import Note, NoteRevision

    revisions = {(r.note_id, r.version): r.body for r in NoteRevision.objects.all()}
    lost = sum((note, version) not in revisions for note, version, _ in tally.acknowledged)
    mangled = sum(revisions.get((note, version), body) != body for note, version, body in tally.acknowledged)
    broken_history = 0
    for note in Note.objects.all():
        versions = sorted(v for (n, v) in revisions if n == note.pk)
        if versions != list(range(1, note.version + 1)) or revisions[(note.pk, note.version)] != note.body:
            broken_history += 1
    return {"lost": lost, "mangled": mangled, "broken_history": broken_history, "notes": Note.objects.count()}


def run(*, database_url: str, editors: int, seconds: float, workers: int) -> dict:
    world = prepare_database(database_url, editors=editors)
    server, base = start_gunicorn(database_url, workers=workers)
    tally = Tally()
    try:
        deadline = time.monotonic() + seconds
        threads = [threading.Thread(target=_editor, args=(n, base, s, world, deadline, tally))
                   for n, s in enumerate(world["sessions"])]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        server.terminate()
        server.wait(timeout=30)
    checked = verify(tally)
    server_log = SERVER_LOG.read_text(errors="replace").splitlines()
    SERVER_LOG.unlink(missing_ok=True)
    checked["server_log_errors"] = sum(("Traceback" in line or "[ERROR]" in line) for line in server_log)
    latencies = sorted(tally.latencies) or [0.0]
    return {
        "database": database_url.split("://")[0], "editors": editors, "seconds": seconds,
        "requests": tally.requests, "created": tally.created, "edited": tally.edited,
        "writes_acknowledged": len(tally.acknowledged), "conflicts_409": tally.conflicts,
        "server_errors_5xx": tally.server_errors, "other_errors": tally.other_errors[:10],
        "other_error_count": len(tally.other_errors),
        "p50_ms": round(1000 * statistics.median(latencies)),
        "p95_ms": round(1000 * latencies[int(0.95 * len(latencies))]),
        **checked,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default="", help="default: a fresh SQLite file in a temp folder")
    parser.add_argument("--editors", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
    parser.add_argument("--yes-flush", action="store_true", help="drop a PostgreSQL database whatever its name")
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).parent))
    from _setup import flush_refusal, table

    url = args.database_url or f"sqlite:///{tempfile.mkdtemp(prefix='load-editors-')}/load.sqlite3"
    if url.startswith("postgres") and (refusal := flush_refusal(url, yes_flush=args.yes_flush)):
        sys.exit(refusal)
    result = run(database_url=url, editors=args.editors, seconds=args.seconds, workers=args.workers)

    rows = [[k, v] for k, v in result.items() if k != "other_errors"]
    print(table(["measure", "value"], rows))
    for error in result["other_errors"]:
        print("  error:", error)
    print("RESULT " + json.dumps(result))


if __name__ == "__main__":
    main()
