"""An import killed with SIGKILL at random moments leaves each article fully imported or absent, never half.

Each run starts `manage.py import_articles --now` (the import in its own process; a killed queue worker is
tests/test_job_workers.py) on a folder of articles and kills it at a random moment: the first run while the
process starts and loads the model, the others a random fraction of a second after a random number of its
articles are stored, so the kill lands in the middle of the next one whatever the machine's speed. The database is
then read with plain SQL. Runs repeat on the same database, as an operator would after a crash; a last clean run
must complete everything. FAULT_RUNS (default 5) sets the number of killed runs.
"""

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.extraction import extract_bytes
from reader.synthetic import generate

pytestmark = pytest.mark.slow  # five imports killed mid-way, each loading the model

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = 10
RUNS = int(os.environ.get("FAULT_RUNS", "5"))
COUNTS_SQL = """
SELECT a.import_key,
  (SELECT COUNT(*) FROM reader_paragraph p WHERE p.article_id = a.id),
  (SELECT COUNT(*) FROM reader_quote q JOIN reader_paragraph p ON q.paragraph_id = p.id WHERE p.article_id = a.id),
  (SELECT COUNT(*) FROM reader_mention m JOIN reader_paragraph p ON m.paragraph_id = p.id WHERE p.article_id = a.id),
  (SELECT COUNT(*) FROM reader_figure f JOIN reader_paragraph p ON f.paragraph_id = p.id WHERE p.article_id = a.id)
FROM reader_article a
"""


@pytest.fixture
def scratch_database(scratch_databases, tmp_path):
    """A migrated database of its own (tests/scratch.py): a SQLite file, or PostgreSQL when the suite runs on it."""
    url = scratch_databases.database(tmp_path / "faults.sqlite3", "faults")
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_LOG_LEVEL": "ERROR"}
    return url, env


def _stored(url: str) -> dict[str, tuple[int, int, int, int]]:
    if url.startswith("postgres"):
        import psycopg

        with psycopg.connect(url) as conn:
            rows = conn.execute(COUNTS_SQL).fetchall()
    else:
        with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
            rows = conn.execute(COUNTS_SQL).fetchall()
    return {key: tuple(counts) for key, *counts in rows}


def _wait_for(url: str, keys: set[str], count: int, importer: subprocess.Popen) -> None:
    """Until ``count`` of these articles are stored (each in a transaction of its own)."""
    deadline = time.monotonic() + 300
    while len(keys & set(_stored(url))) < count:
        assert importer.poll() is None and time.monotonic() < deadline, "the import ended before the kill"
        time.sleep(0.02)


def _articles(folder: Path, indexes, expected: dict) -> Path:
    folder.mkdir()
    for i in indexes:
        article = generate(i)
        data = article.text.encode()
        (folder / article.name).write_bytes(data)
        found = extract_bytes(data)
        expected[article.name] = (len(found.paragraphs), len(found.quotes),
                                  sum(len(e.mentions) for e in found.entities), len(found.figures))
    return folder


def test_killed_imports_leave_whole_articles_or_none(scratch_database, tmp_path):
    url, env = scratch_database
    expected: dict[str, tuple[int, int, int, int]] = {}
    rng = random.Random(9)
    outcomes = []
    for run in range(RUNS):
        # New articles each run, so every kill lands while there is work: loading the model, or mid-article.
        indexes = range(run * ARTICLES, (run + 1) * ARTICLES)
        folder = _articles(tmp_path / f"run-{run}", indexes, expected)
        importer = subprocess.Popen([sys.executable, "manage.py", "import_articles", "--now", "--publish", str(folder)],
                                    cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if run == 0:
            time.sleep(rng.uniform(0.2, 1.0))  # Django starting, the model loading
        else:
            _wait_for(url, {f"generated-{i:06d}.txt" for i in indexes}, rng.randint(1, ARTICLES - 2), importer)
            time.sleep(rng.uniform(0.0, 0.05))
        importer.send_signal(signal.SIGKILL)
        importer.wait()
        stored = _stored(url)
        half = {key: (counts, expected[key]) for key, counts in stored.items() if counts != expected[key]}
        assert not half, f"half-imported after a kill: {half}"
        outcomes.append(sum(key.startswith("generated-") and int(key[10:16]) >= run * ARTICLES for key in stored))
    print(f"\n{RUNS} kills; articles of that run present at the kill: {outcomes} of {ARTICLES} each")
    assert sum(0 < present < ARTICLES for present in outcomes) >= RUNS - 2, outcomes  # most killed mid-batch

    finished = subprocess.run([sys.executable, "manage.py", "import_articles", "--now", "--publish", str(tmp_path)],
                              cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert finished.returncode == 0, finished.stdout[-2000:]
    assert _stored(url) == expected
