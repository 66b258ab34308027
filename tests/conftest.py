import os
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings
from django.utils import translation
from whitenoise.base import WhiteNoise

from reader.ingest import import_article
from tests.worlds import build_seed_article, create_user

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SEED_NAME = "article-0.txt"


def _uses_database(item) -> bool:
    """As pytest-django sorts tests: a django_db mark, or a fixture that opens the test database."""
    fixtures = set(getattr(item, "fixturenames", ()))
    return bool(item.get_closest_marker("django_db") or fixtures & {"db", "transactional_db", "live_server"})


def _is_transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    fixtures = set(getattr(item, "fixturenames", ()))
    return bool(marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences"))
                or fixtures & {"transactional_db", "live_server"})


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Slow tests first, so that with pytest-xdist the longest ones start while there is still plenty of quick work
    for the other worker, not at the end when it has none.

    pytest-django has put tests without the database last and transactional ones after the plain database tests
    (they empty the tables). That order stays: the slow tests without the database go first of all, the slow plain
    database tests first of those, the slow transactional ones first of theirs.
    """
    def order(item) -> int:
        slow = item.get_closest_marker("slow") is not None
        if not _uses_database(item):
            return 0 if slow else 5
        if _is_transactional(item):
            return 3 if slow else 4
        return 1 if slow else 2

    items.sort(key=order)
    shared = {getattr(item, "module", None) for item in items if "module_db" in getattr(item, "fixturenames", ())}
    for item in items:
        if getattr(item, "module", None) in shared - {None} and _is_transactional(item):
            raise pytest.UsageError(f"{item.nodeid}: a transactional test in a module with module_db rows")


def pytest_sessionstart(session):
    """Pages use hashed static names: (re)build the manifest when it is missing or older than a static file.
    Once, before pytest-xdist starts its workers (they only read it), or in the one process without it."""
    if hasattr(session.config, "workerinput"):
        return
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    sources = [p for d in settings.STATICFILES_DIRS for p in Path(d).rglob("*") if p.is_file()]
    if not manifest.exists() or any(p.stat().st_mtime > manifest.stat().st_mtime for p in sources):
        call_command("collectstatic", interactive=False, verbosity=0)


def _static_settings(middleware, root: str, prefix: str) -> tuple:
    """Everything a WhiteNoise scan of `root` depends on: the settings it reads, and the folder's state."""
    names = sorted(n for n in dir(settings) if n.startswith("WHITENOISE_"))
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    return (type(middleware), root, prefix, os.stat(root).st_mtime_ns,
            manifest.stat().st_mtime_ns if manifest.exists() else None,
            repr(settings.STORAGES.get("staticfiles")), settings.STATIC_URL, settings.DEBUG, settings.FORCE_SCRIPT_NAME,
            *((n, repr(getattr(settings, n))) for n in names))


@pytest.fixture(scope="session", autouse=True)
def _static_files_scanned_once():
    """WhiteNoise's middleware stats every static file when it starts, and every test client starts its own
    middleware: ~0.1 s per client, over a thousand clients. Scan once per set of static settings and reuse the
    table (the files do not change during a run); what each request gets is the same."""
    scans = {}
    scan = WhiteNoise.update_files_dictionary

    def update_files_dictionary(self, root, prefix):
        key = _static_settings(self, root, prefix)
        if key not in scans:
            files, self.files = self.files, {}
            try:
                scan(self, root, prefix)
                scans[key] = self.files
            finally:
                self.files = {**files, **self.files}
        else:
            self.files.update(scans[key])

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(WhiteNoise, "update_files_dictionary", update_files_dictionary)
        yield


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # The real hasher costs ~0.3 s per user by design; tests create hundreds of users.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session")
def scratch_databases(tmp_path_factory):
    """Migrated databases for tests that run the project's commands in processes of their own (tests/scratch.py)."""
    from tests.scratch import ScratchDatabases

    # pytest-xdist workers' temporary folders share a parent of this run's own: the SQLite template is made once there.
    run_folder = tmp_path_factory.getbasetemp()
    shared = run_folder.parent if os.environ.get("PYTEST_XDIST_WORKER") else run_folder
    databases = ScratchDatabases(tmp_path_factory.mktemp("scratch"), shared)
    yield databases
    databases.drop_all()


@pytest.fixture
def seed_bytes() -> bytes:
    return (SAMPLES / SEED_NAME).read_bytes()


@pytest.fixture
def seed_article(db):
    """The seed article as its import stored it, from frozen rows (tests/worlds.py): pages, permissions and editing
    are tested whatever a retrained model finds in it, and no model runs."""
    return build_seed_article()


@pytest.fixture
def imported_seed_article(db, seed_bytes):
    """The seed article through the real import (decoding, extraction, storage): for the tests of the import."""
    result = import_article(name=SEED_NAME, data=seed_bytes, publish=True)
    assert result.status == "imported", result.message
    return result.article


@pytest.fixture(autouse=True)
def _empty_cache():
    # Pages and sessions live in the cache; database rows are rolled back after each test, so the
    # cache must start empty too, or a page stored by one test is checked against another's rows.
    cache.clear()


@pytest.fixture(autouse=True)
def _romanian_interface():
    # The test client leaves the last request's language active; every test starts in Romanian.
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def make_user(db):
    return create_user


@pytest.fixture(scope="module")
def module_db(django_db_setup, django_db_blocker):
    """Rows a module's tests share, written once: in a transaction that each test's own one nests in (a savepoint
    rolled back after the test), itself rolled back after the module's last test. Only for modules whose tests
    are all plain `django_db` ones: a transactional test would run inside it."""
    fast = override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
    with django_db_blocker.unblock(), fast, transaction.atomic():
        yield
        transaction.set_rollback(True)


@pytest.fixture
def editor(make_user):
    return make_user("ana", editor=True)


@pytest.fixture
def editor_client(db, editor):
    """A client of its own, so a test can compare it with the anonymous `client`."""
    client = Client()
    client.force_login(editor)
    return client


@pytest.fixture
def hostile_world(make_user):
    """A reading room whose every human-editable field holds an XSS payload (tests/xss.py)."""
    from tests.xss import build_hostile_world

    return build_hostile_world(editor=make_user("ed-xss", editor=True), senior=make_user("senior-xss", editor=True))
