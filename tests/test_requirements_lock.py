"""The lock files `make install` and `make install-dev` read agree with the requirements files people edit.

Forgetting `make lock` after editing requirements*.txt would otherwise install the old pins silently.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s;\\]+)")
INPUTS_AND_LOCKS = [
    ("requirements.txt", "requirements.lock"),
    ("requirements-dev.txt", "requirements-dev.lock"),
    ("requirements-vectors.txt", "requirements-vectors.lock"),
]


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(path: Path) -> dict[str, str]:
    """name -> version for every `name==version` line; follows `-r other.txt`."""
    found: dict[str, str] = {}
    for line in path.read_text().splitlines():
        line = line.strip()
        if line.startswith("-r "):
            found.update(pins(path.parent / line[3:].strip()))
        elif match := PIN.match(line):
            found[normalise(match[1])] = match[2]
    return found


def locked(path: Path) -> dict[str, list[str]]:
    """name==version -> its hashes, from a pip-compile style lock (continuation lines joined)."""
    text = re.sub(r"\\\n\s*", " ", path.read_text())
    entries = {}
    for line in text.splitlines():
        if match := PIN.match(line):
            entries[f"{normalise(match[1])}=={match[2]}"] = re.findall(r"--hash=sha256:([0-9a-f]{64})", line)
    return entries


@pytest.mark.parametrize("source, lock", INPUTS_AND_LOCKS)
def test_every_requirement_is_locked_at_its_pinned_version(source, lock):
    entries = locked(ROOT / lock)
    wanted = [f"{name}=={version}" for name, version in pins(ROOT / source).items()]
    missing = [pin for pin in wanted if pin not in entries]
    assert not missing, f"{lock} does not pin {missing}: run `make lock` after editing {source}"


@pytest.mark.parametrize("lock", [lock for _, lock in INPUTS_AND_LOCKS])
def test_every_locked_package_has_a_hash(lock):
    entries = locked(ROOT / lock)
    assert entries, f"{lock} pins nothing"
    assert not [pin for pin, hashes in entries.items() if not hashes]


def test_the_dev_lock_keeps_the_runtime_versions():
    # Both locks install into the same .venv: a package in both must have one version.
    runtime, dev = locked(ROOT / "requirements.lock"), locked(ROOT / "requirements-dev.lock")
    assert set(runtime) <= set(dev), sorted(set(runtime) - set(dev))
