from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.utils import translation

from reader.ingest import import_article
from reader.roles import EDITORS_GROUP, SENIOR_EDITORS_GROUP, ensure_groups

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SEED_NAME = "article-0.txt"


@pytest.fixture(scope="session", autouse=True)
def _static_manifest():
    """Pages use hashed static names: (re)build the manifest when it is missing or older than a static file."""
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    sources = [p for d in settings.STATICFILES_DIRS for p in Path(d).rglob("*") if p.is_file()]
    if not manifest.exists() or any(p.stat().st_mtime > manifest.stat().st_mtime for p in sources):
        call_command("collectstatic", interactive=False, verbosity=0)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # The real hasher costs ~0.3 s per user by design; tests create hundreds of users.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def seed_bytes() -> bytes:
    return (SAMPLES / SEED_NAME).read_bytes()


@pytest.fixture
def seed_article(db, seed_bytes):
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
def make_user(db, django_user_model):
    def make(username: str, *, editor: bool = False, senior: bool = False, password: str = "correct-horse-battery-9",
             **extra):
        user = django_user_model.objects.create_user(username=username, password=password, **extra)
        if editor or senior:
            # Transactional tests empty the tables the migration filled, so make sure the groups exist.
            groups = ensure_groups()
            user.groups.add(groups[EDITORS_GROUP])
            if senior:
                user.groups.add(groups[SENIOR_EDITORS_GROUP])
        return user

    return make


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
