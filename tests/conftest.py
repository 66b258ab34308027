from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client

from reader.ingest import import_article
from reader.models import EDITORS_GROUP

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


@pytest.fixture
def make_user(db, django_user_model):
    def make(username: str, *, editor: bool = False, password: str = "correct-horse-battery-9", **extra):
        user = django_user_model.objects.create_user(username=username, password=password, **extra)
        if editor:
            user.groups.add(Group.objects.get(name=EDITORS_GROUP))
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
