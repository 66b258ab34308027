"""20 editors at once against gunicorn, shortened: zero 5xx, every acknowledged write read back intact, 409s.

The full 60-second run is `bench/load_editors.py` (README). This runs it for a few seconds on the database the
suite runs on: a fresh SQLite file in WAL mode, or a scratch database on the same PostgreSQL server.
"""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # gunicorn and twenty clients for seconds

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def scratch_database_url(tmp_path):
    """A fresh SQLite file, or on the suite's PostgreSQL server a database of this test's own (the benchmark drops and
    re-creates it; a name with "test" in it), dropped afterwards: parallel runs never share one."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        yield f"sqlite:///{tmp_path}/load.sqlite3"
        return
    import psycopg

    server, name = url.rsplit("/", 1)[0], f"reader_load_{uuid.uuid4().hex[:10]}_test"
    yield f"{server}/{name}"
    with psycopg.connect(f"{server}/postgres", autocommit=True, connect_timeout=3) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_twenty_concurrent_editors_lose_nothing(scratch_database_url):
    run = subprocess.run(
        [sys.executable, "bench/load_editors.py", "--editors", "20", "--seconds", "4", "--workers", "3",
         "--database-url", scratch_database_url],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    result = json.loads(run.stdout.rsplit("RESULT ", 1)[1])
    assert result["server_errors_5xx"] == 0
    assert result["other_error_count"] == 0, result["other_errors"]
    assert result["writes_acknowledged"] > 20 and result["created"] > 0 and result["edited"] > 0
    assert result["conflicts_409"] > 0  # the hot notes were edited from stale versions, and refused
    assert result["lost"] == result["mangled"] == result["broken_history"] == 0
    assert result["server_log_errors"] == 0
