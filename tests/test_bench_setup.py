"""The benchmarks empty the database they are pointed at only when it clearly is a bench or test database."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from _setup import flush_refusal  # noqa: E402

# Port 1: nothing answers there, so a refusal that came after connecting would show as a connection error.
PRODUCTION = "postgres://postgres@127.0.0.1:1/reader"


@pytest.mark.parametrize(
    "url",
    ["postgres://postgres@127.0.0.1:5432/bench", "postgres://u@h/bench_scale", "postgres://u@h/reader_load_test",
     "postgres://u@h/TEST"],
)
def test_bench_and_test_databases_may_be_emptied(url):
    assert flush_refusal(url) is None


@pytest.mark.parametrize("url", [PRODUCTION, "postgres://u@h/reading_room", "postgres://u@h/"])
def test_other_databases_are_refused_unless_asked(url):
    assert "refusing" in flush_refusal(url)
    assert flush_refusal(url, yes_flush=True) is None


@pytest.mark.parametrize(
    "command, env",
    [
        (["bench/queries.py"], {"DATABASE_URL": PRODUCTION}),
        (["bench/load_editors.py", "--database-url", PRODUCTION], {}),
    ],
)
def test_a_bench_script_stops_before_touching_a_production_database(command, env):
    run = subprocess.run([sys.executable, *command], cwd=ROOT, env={**_environ(), **env}, capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 1
    assert run.stderr.strip().splitlines() == [
        "bench: refusing to empty the database 'reader': its name contains neither 'bench' nor 'test' "
        "(use a bench or test database, or add --yes-flush)"
    ]


def _environ() -> dict:
    import os

    return {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
