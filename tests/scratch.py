"""Scratch databases for tests that run the project's commands in processes of their own (real job workers, killed
imports): each test gets an empty, fully migrated database that no other test or test run shares.

`manage.py migrate` runs into a template, once per test run for SQLite (a file the pytest-xdist workers share) and once
per pytest process for PostgreSQL; each test then gets a copy (SQLite's backup API, or PostgreSQL's CREATE DATABASE …
TEMPLATE), which is what a migrate run would have left, in a fraction of the time. PostgreSQL names carry a random
tag of this process, so parallel workers and other test runs on the same server never drop each other's databases;
everything made there is dropped when the session ends.
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_SERVER = "postgres://postgres@127.0.0.1:5432"


def pg_server() -> str:
    """The PostgreSQL server of the suite's DATABASE_URL, else the local one."""
    url = os.environ.get("DATABASE_URL", "")
    return url.rsplit("/", 1)[0] if url.startswith("postgres") else PG_SERVER


def suite_on_postgres() -> bool:
    return os.environ.get("DATABASE_URL", "").startswith("postgres")


def _migrate(url: str) -> None:
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_LOG_LEVEL": "ERROR"}
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True, timeout=300)


class ScratchDatabases:
    def __init__(self, folder: Path, shared_folder: Path | None = None):
        self.folder = folder
        self.shared_folder = shared_folder or folder
        self.tag = uuid.uuid4().hex[:10]
        self._sqlite_template: Path | None = None
        self._pg_template: str | None = None
        self._pg_made: list[str] = []

    def sqlite(self, path: Path) -> str:
        if self._sqlite_template is None:
            self._sqlite_template = self._shared_sqlite_template()
        with sqlite3.connect(self._sqlite_template) as source, sqlite3.connect(path) as copy:
            source.backup(copy)
        source.close()
        copy.close()
        return f"sqlite:///{path}"

    def _shared_sqlite_template(self) -> Path:
        """The first process to ask migrates; the others wait on the lock and find the file."""
        template = self.shared_folder / "scratch-template.sqlite3"
        with open(self.shared_folder / "scratch-template.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if not template.exists():
                partial = self.shared_folder / f"scratch-template-{self.tag}.sqlite3"
                _migrate(f"sqlite:///{partial}")
                partial.rename(template)
        return template

    def postgres(self, name: str) -> str:
        """A migrated PostgreSQL database named after `name`; raises psycopg.OperationalError without a server."""
        import psycopg

        server = pg_server()
        with psycopg.connect(f"{server}/postgres", autocommit=True, connect_timeout=3) as conn:
            if self._pg_template is None:
                template = f"scratch_template_{self.tag}"
                conn.execute(f'CREATE DATABASE "{template}"')
                self._pg_made.append(template)
                _migrate(f"{server}/{template}")
                self._pg_template = template
            database = f"scratch_{name}_{self.tag}"[:63]
            conn.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{database}" TEMPLATE "{self._pg_template}"')
            self._pg_made.append(database)
        return f"{server}/{database}"

    def database(self, path: Path, name: str, *, postgres: bool | None = None) -> str:
        """On the suite's kind of database unless told: a SQLite file at `path`, or a PostgreSQL database."""
        postgres = suite_on_postgres() if postgres is None else postgres
        return self.postgres(name) if postgres else self.sqlite(path)

    def drop_all(self) -> None:
        if not self._pg_made:
            return
        import psycopg

        with psycopg.connect(f"{pg_server()}/postgres", autocommit=True, connect_timeout=3) as conn:
            for database in reversed(self._pg_made):
                conn.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
