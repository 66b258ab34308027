"""Security headers on every kind of page, and the production settings (HSTS, secure cookies, check --deploy)."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.django_db


def _csp(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


@pytest.fixture
def pages(seed_article):
    return {
        "index": reverse("reader:index"),
        "article": seed_article.get_absolute_url(),
        "login": reverse("login"),
        "admin login": reverse("admin:login"),
        "not found": "/a/no-such-article/",
    }


def test_every_page_has_a_csp_without_inline_scripts(client, pages, editor_client):
    for name, url in pages.items():
        for who in (client, editor_client):
            policy = _csp(who.get(url))
            assert policy["script-src"] == ["'self'"], name
            assert "'unsafe-inline'" not in policy["style-src"], name
            assert policy["frame-ancestors"] == ["'none'"], name
            assert policy["object-src"] == ["'none'"], name


def test_the_admin_pages_carry_the_same_policy(make_user, client):
    client.force_login(make_user("root", is_staff=True, is_superuser=True))
    for url in (reverse("admin:index"), reverse("admin:reader_note_changelist"), reverse("admin:reader_entity_add")):
        response = client.get(url)
        assert response.status_code == 200, url
        assert _csp(response)["script-src"] == ["'self'"]
        # The admin in Django 5.2 needs no inline script; if a future version adds one, this fails first.
        assert b"<script>" not in response.content, url


def test_pages_forbid_sniffing_framing_and_leaking_referrers(client, pages):
    for url in pages.values():
        response = client.get(url)
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"
        assert response["X-Frame-Options"] == "DENY"


def test_htmx_does_not_inject_its_inline_style(client, pages):
    # htmx adds a <style> for its indicators unless told not to, which the CSP would block.
    assert b'"includeIndicatorStyles": false' in client.get(pages["index"]).content


PRODUCTION_PROBE = """
import json, django
django.setup()
from django.conf import settings
from django.test import Client
response = Client().get("/login/", secure=True)
cookie = response.cookies.get("csrftoken")
print(json.dumps({
    "status": response.status_code,
    "hsts": response.get("Strict-Transport-Security", ""),
    "csrf_secure": bool(cookie and cookie["secure"]),
    "session_secure": settings.SESSION_COOKIE_SECURE,
    "redirect": Client().get("/login/").status_code,
}))
"""


def _production_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update({"DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
                "DJANGO_ALLOWED_HOSTS": "testserver", "DJANGO_SETTINGS_MODULE": "config.settings"})
    return env


@pytest.mark.slow  # a process of its own with the production settings
def test_production_sends_hsts_and_secure_cookies_and_redirects_to_https():
    run = subprocess.run([sys.executable, "-c", PRODUCTION_PROBE], cwd=ROOT, env=_production_env(),
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    seen = json.loads(run.stdout.strip().splitlines()[-1])
    assert seen["status"] == 200
    assert "max-age=31536000" in seen["hsts"] and "includeSubDomains" in seen["hsts"]
    assert seen["csrf_secure"] and seen["session_secure"]
    assert seen["redirect"] == 301


@pytest.mark.slow  # a process of its own with the production settings
def test_check_deploy_reports_nothing():
    run = subprocess.run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"], cwd=ROOT,
                         env=_production_env(), capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "no issues (0 silenced)" in run.stdout
