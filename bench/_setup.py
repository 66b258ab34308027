"""Shared set-up for the benchmarks: a throwaway database unless DATABASE_URL says otherwise.

A PostgreSQL DATABASE_URL is flushed before the run (bench/scale.py keeps it). So that a stray DATABASE_URL never
empties a real database, the flush is refused unless the database's name contains "bench" or "test"
(postgres://postgres@127.0.0.1:5432/bench) or the command line says --yes-flush (every bench script accepts it).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Taken off the command line here, before the script's own argparse sees it.
YES_FLUSH = "--yes-flush" in sys.argv
if YES_FLUSH:
    sys.argv.remove("--yes-flush")


def flush_refusal(url: str, *, yes_flush: bool = False) -> str | None:
    """Why the database at ``url`` must not be flushed, or None when it clearly is a bench or test database."""
    from urllib.parse import urlsplit

    name = urlsplit(url).path.lstrip("/")
    if yes_flush or any(word in name.lower() for word in ("bench", "test")):
        return None
    return (
        f"bench: refusing to empty the database {name!r}: its name contains neither 'bench' nor 'test' "
        "(use a bench or test database, or add --yes-flush)"
    )


def django_with_fresh_database(name: str, *, keep: bool = False) -> str:
    """Configure Django on a fresh database (a temp SQLite file by default); returns the database URL.

    With ``keep``, a DATABASE_URL database is reused as it is (created when PostgreSQL lacks it), so
    a long fill (bench/scale.py) is paid once."""
    sys.path.insert(0, str(ROOT))
    if "DATABASE_URL" not in os.environ:
        os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp(prefix=f'bench-{name}-')}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
    import django
    from django.core.management import call_command

    url = os.environ["DATABASE_URL"]
    flush = url.startswith("postgres") and not keep
    if flush and (refusal := flush_refusal(url, yes_flush=YES_FLUSH)):
        sys.exit(refusal)
    if url.startswith("postgres"):
        _create_postgres_database(url)
    django.setup()
    if flush:
        call_command("flush", interactive=False, verbosity=0)
    call_command("migrate", verbosity=0)
    return os.environ["DATABASE_URL"]


def _create_postgres_database(url: str) -> None:
    from urllib.parse import urlsplit

    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    server = parts._replace(path="/postgres").geturl()
    with psycopg.connect(server, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def table(headers: list[str], rows: list[list]) -> str:
    cells = [headers, *[[str(c) for c in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = [" | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in cells]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(lines)
