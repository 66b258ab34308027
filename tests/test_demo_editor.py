"""make run creates the demo editor once and never undoes what was changed on it since."""

from __future__ import annotations

from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command

from reader.roles import EDITORS_GROUP


def _run(*args) -> str:
    out = StringIO()
    call_command("create_demo_editor", *args, stdout=out)
    return out.getvalue()


def test_the_demo_editor_is_created_with_its_login_printed(db):
    assert "citeste-atent-2025" in _run()
    user = get_user_model().objects.get(username="editor")
    assert user.is_staff and user.check_password("citeste-atent-2025")
    assert user.groups.filter(name=EDITORS_GROUP).exists()


def test_a_second_run_keeps_a_changed_password_and_staff_flag(db):
    _run()
    user = get_user_model().objects.get(username="editor")
    user.set_password("a-new-secret-9")
    user.is_staff = False
    user.save()
    assert "citeste-atent-2025" not in _run()
    user.refresh_from_db()
    assert user.check_password("a-new-secret-9") and not user.is_staff


def test_reset_sets_the_demo_login_again(db):
    _run()
    user = get_user_model().objects.get(username="editor")
    user.set_password("a-new-secret-9")
    user.save()
    _run("--reset")
    user.refresh_from_db()
    assert user.check_password("citeste-atent-2025")
