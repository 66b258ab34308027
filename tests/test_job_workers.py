"""Jobs run by real worker processes: `manage.py jobs_worker` on the database backend and on RQ (Redis), a worker
SIGKILLed mid-batch, and two workers on PostgreSQL importing overlapping batches.

Each test has a scratch database of its own (a SQLite file, or a PostgreSQL database when the suite runs on one),
a copy of one `manage.py migrate` made (tests/scratch.py); the commands run as an operator would run them."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from reader.extraction import extract_bytes
from reader.synthetic import generate
from tests.jobqueue import forget_rq_queue, redis_or_skip
from tests.scratch import pg_server

pytestmark = pytest.mark.slow  # worker processes each load the NER model

ROOT = Path(__file__).resolve().parent.parent
COUNTS_SQL = """
SELECT a.import_key, a.revision,
  (SELECT COUNT(*) FROM reader_paragraph p WHERE p.article_id = a.id),
  (SELECT COUNT(*) FROM reader_quote q JOIN reader_paragraph p ON q.paragraph_id = p.id WHERE p.article_id = a.id),
  (SELECT COUNT(*) FROM reader_mention m JOIN reader_paragraph p ON m.paragraph_id = p.id WHERE p.article_id = a.id),
  (SELECT COUNT(*) FROM reader_figure f JOIN reader_paragraph p ON f.paragraph_id = p.id WHERE p.article_id = a.id)
FROM reader_article a
"""
JOBS_SQL = "SELECT status, COUNT(*) FROM reader_job GROUP BY status"
ENTITY_TWICE_SQL = 'SELECT key, type FROM reader_entity GROUP BY key, type HAVING COUNT(*) > 1'


def _scratch(scratch_databases, tmp_path, name: str, *, postgres: bool | None = None,
             **env_extra) -> tuple[str, dict]:
    url = scratch_databases.database(tmp_path / f"{name}.sqlite3", name, postgres=postgres)
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_LOG_LEVEL": "ERROR", "OMP_NUM_THREADS": "1",
           "TASKS_QUEUE": f"test-{uuid.uuid4().hex[:12]}", **env_extra}
    return url, env


def _query(url: str, sql: str) -> list[tuple]:
    if url.startswith("postgres"):
        import psycopg

        with psycopg.connect(url) as conn:
            return conn.execute(sql).fetchall()
    with sqlite3.connect(url.removeprefix("sqlite:///"), timeout=30) as conn:
        return conn.execute(sql).fetchall()


def _articles(folder: Path, indexes) -> dict[str, tuple[int, int, int, int, int]]:
    """Writes generated articles; returns what a whole import of each stores: (revision, paragraphs, quotes,
    mentions, figures)."""
    folder.mkdir(exist_ok=True)
    expected = {}
    for i in indexes:
        article = generate(i, paragraphs=6)
        data = article.text.encode()
        (folder / article.name).write_bytes(data)
        found = extract_bytes(data)
        expected[article.name] = (1, len(found.paragraphs), len(found.quotes),
                                  sum(len(e.mentions) for e in found.entities), len(found.figures))
    return expected


def _stored(url: str) -> dict[str, tuple]:
    return {key: tuple(counts) for key, *counts in _query(url, COUNTS_SQL)}


def _manage(env, *args, timeout=600) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=timeout)


@pytest.mark.parametrize("backend", ["database", "rq"])
def test_a_worker_process_imports_a_queued_folder(scratch_databases, tmp_path, backend, request):
    if backend == "rq":
        redis_or_skip()
    url, env = _scratch(scratch_databases, tmp_path, f"worker_{backend}", TASKS_BACKEND=backend)
    if backend == "rq":
        request.addfinalizer(lambda: forget_rq_queue(env["TASKS_QUEUE"]))
    expected = _articles(tmp_path / "in", range(6))
    (tmp_path / "in" / "gol.txt").write_bytes(b"")
    queued = _manage(env, "import_articles", "--no-wait", "--publish", str(tmp_path / "in"))
    assert queued.returncode == 0 and "7 file(s) on the queue, 0 refused" in queued.stdout, queued.stderr
    assert _stored(url) == {}  # nothing imported until a worker runs
    worker = _manage(env, "jobs_worker", "--batch")
    assert worker.returncode == 0, worker.stdout[-2000:] + worker.stderr[-2000:]
    assert _stored(url) == expected
    assert dict(_query(url, JOBS_SQL)) == {"done": 6, "failed": 1}
    failed = _query(url, "SELECT name, message FROM reader_job WHERE status = 'failed'")
    assert failed[0][0] == "gol.txt" and "empty" in failed[0][1].lower()
    # The batch is finished, and a second run of the same folder changes nothing.
    assert _query(url, "SELECT COUNT(*) FROM reader_batch WHERE finished_at IS NULL") == [(0,)]
    _manage(env, "import_articles", "--no-wait", "--publish", str(tmp_path / "in"))
    _manage(env, "jobs_worker", "--batch")
    assert _stored(url) == expected
    outcomes = _query(url, "SELECT outcome, COUNT(*) FROM reader_job j JOIN reader_batch b ON j.batch_id = b.id "
                           "WHERE b.id = (SELECT MAX(id) FROM reader_batch) GROUP BY outcome")
    assert dict(outcomes) == {"unchanged": 6, "failed": 1}


def test_a_worker_killed_mid_batch_leaves_whole_articles_and_the_batch_finishes_after_a_restart(scratch_databases,
                                                                                                  tmp_path):
    url, env = _scratch(scratch_databases, tmp_path, "killed")
    expected = _articles(tmp_path / "in", range(40))
    assert _manage(env, "import_articles", "--no-wait", "--publish", str(tmp_path / "in")).returncode == 0
    worker = subprocess.Popen([sys.executable, "manage.py", "jobs_worker", "--interval", "0.1"], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:  # kill it once it is well into the batch, in the middle of an article
        done = dict(_query(url, JOBS_SQL)).get("done", 0)
        if done >= 5:
            break
        time.sleep(0.1)
    time.sleep(0.13)
    worker.send_signal(signal.SIGKILL)
    worker.wait()
    jobs = dict(_query(url, JOBS_SQL))
    assert 5 <= jobs.get("done", 0) < 40, jobs
    stored = _stored(url)
    half = {key: (counts, expected[key]) for key, counts in stored.items() if counts != expected[key]}
    assert not half, f"half-imported after the kill: {half}"
    # A restarted worker hands the dead one's job out again (its process is gone) and finishes the batch.
    restarted = _manage(env, "jobs_worker", "--batch")
    assert restarted.returncode == 0, restarted.stderr[-2000:]
    assert "handed out again" in restarted.stdout or jobs.get("running", 0) == 0
    assert _stored(url) == expected
    assert dict(_query(url, JOBS_SQL)) == {"done": 40}
    assert _query(url, "SELECT COUNT(*) FROM reader_batch WHERE finished_at IS NULL") == [(0,)]


def test_two_workers_on_postgresql_importing_overlapping_batches_make_each_entity_once(scratch_databases, tmp_path):
    import psycopg

    try:
        url, env = _scratch(scratch_databases, tmp_path, "overlap", postgres=True)
    except psycopg.OperationalError as error:
        pytest.skip(f"PostgreSQL is not reachable at {pg_server()} ({error})")
    expected = _articles(tmp_path / "a", range(0, 16))
    expected |= _articles(tmp_path / "b", range(8, 24))  # half of each batch is in the other one too
    for folder in ("a", "b"):
        assert _manage(env, "import_articles", "--no-wait", "--publish", str(tmp_path / folder)).returncode == 0
    workers = [subprocess.Popen([sys.executable, "manage.py", "jobs_worker", "--batch"], cwd=ROOT, env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) for _ in range(2)]
    outputs = [w.communicate(timeout=600)[0] for w in workers]
    assert all(w.returncode == 0 for w in workers), outputs
    assert _stored(url) == expected  # each article once, at revision 1
    assert _query(url, ENTITY_TWICE_SQL) == []
    assert dict(_query(url, JOBS_SQL)) == {"done": 32}
    outcomes = dict(_query(url, "SELECT outcome, COUNT(*) FROM reader_job GROUP BY outcome"))
    assert outcomes == {"imported": 24, "unchanged": 8}
    by_worker = _query(url, "SELECT worker, COUNT(*) FROM reader_job GROUP BY worker")
    assert len(by_worker) == 2, by_worker  # both worked
