"""What git tracks: sources, not installed or generated trees, and no big files but the shipped NER model.

Installed trees (node_modules, .venv), caches and build output are restored by `make install`, `npm ci` or
`collectstatic`; committing them buries the project's own files (bench/lighthouse/node_modules once made up
13,503 of 13,697 tracked files). Skips only outside a git checkout (a source tarball, an exported tree).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path, PurePosixPath

import pytest

ROOT = Path(__file__).resolve().parent.parent
MAX_BYTES = 5 * 1024 * 1024
# The trained NER model is shipped in the repository on purpose (README, "The Romanian NER model").
BIG_FILES_ALLOWED_UNDER = "reader/extraction/ner/model/"
# Any path component with one of these names is an installed, cached or generated tree.
GENERATED_DIRS = {
    "node_modules",
    ".venv",
    "venv",
    "__pycache__",
    "staticfiles",
    ".pytest_cache",
    ".ruff_cache",
    ".hypothesis",
}
GENERATED_SUFFIXES = (".pyc", ".pyo", ".mo")


def _git(*args: str, stdin: bytes | None = None) -> bytes:
    return subprocess.run(["git", *args], cwd=ROOT, input=stdin, capture_output=True, check=True).stdout


@pytest.fixture(scope="module")
def index() -> list[tuple[str, str]]:
    """(blob id, path) of every tracked file, from git's index."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    inside = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=ROOT, capture_output=True, text=True)
    if inside.returncode != 0 or Path(inside.stdout.strip()).resolve() != ROOT:
        pytest.skip("not a git checkout of the project")
    entries = []
    for record in _git("ls-files", "-s", "-z").split(b"\0"):
        if record:
            meta, path = record.decode().split("\t", 1)
            entries.append((meta.split()[1], path))
    return entries


def generated(path: str) -> bool:
    parts = PurePosixPath(path).parts
    return (
        any(part in GENERATED_DIRS for part in parts)
        or path.endswith(GENERATED_SUFFIXES)
        or parts[0].startswith("db.sqlite3")
        or path.startswith("bench/lighthouse/reports/")
    )


def test_no_installed_or_generated_tree_is_tracked(index):
    offenders = [path for _, path in index if generated(path)]
    assert not offenders, (
        f"{len(offenders)} installed/generated files are tracked (git rm -r --cached them), e.g. {offenders[:5]}"
    )


def test_no_big_file_is_tracked_but_the_model(index):
    listing = "".join(f"{blob} {path}\n" for blob, path in index).encode()
    sizes = _git("cat-file", "--batch-check=%(objectsize) %(rest)", stdin=listing).decode().splitlines()
    big = []
    for line in sizes:
        size, path = line.split(" ", 1)
        if int(size) > MAX_BYTES and not path.startswith(BIG_FILES_ALLOWED_UNDER):
            big.append(f"{path} ({int(size) / 1024 / 1024:.1f} MB)")
    assert not big, f"files over 5 MB are tracked: {big}"


def test_the_checks_catch_what_they_are_for():
    # The filters themselves: a test that lists nothing must not pass because it matches nothing.
    for path in (
        "bench/lighthouse/node_modules/lighthouse/cli/index.js",
        ".venv/bin/python",
        "reader/__pycache__/markup.cpython-311.pyc",
        "staticfiles/staticfiles.json",
        "locale/en/LC_MESSAGES/django.mo",
        "db.sqlite3-wal",
    ):
        assert generated(path), path
    for path in ("reader/markup.py", "static/reader/app.js", "bench/lighthouse/package-lock.json"):
        assert not generated(path), path


def test_no_template_comment_runs_over_a_line():
    """Django's ``{# #}`` ends at the end of its line: a longer one is printed on the page as text."""
    import re

    offenders = [f"{path.relative_to(ROOT)}:{text[:m.start()].count(chr(10)) + 1}"
                 for path in sorted((ROOT / "templates").rglob("*.html"))
                 for text in [path.read_text(encoding="utf-8")]
                 for m in re.finditer(r"\{#(.*?)#\}|\{#[^\n]*$", text, re.S | re.M) if "\n" in m.group(0)
                 or not m.group(0).endswith("#}")]
    assert offenders == []
