"""Two interface languages: Romanian at the plain URLs (default), English under /en/."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

LOCALE = Path(__file__).resolve().parent.parent / "locale"


@pytest.fixture(scope="session", autouse=True)
def compiled_messages():
    """`make test` compiles the .po files; compile here too when a .mo is missing or older than its .po."""
    for po in LOCALE.rglob("*.po"):
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            # The same compiler as `make messages` (Babel, no gettext needed).
            subprocess.run([sys.executable, "-m", "babel.messages.frontend", "compile", "-d", str(LOCALE),
                            "-D", "django"], check=True, capture_output=True)
            translation.trans_real._translations = {}  # drop catalogues loaded before the .mo existed


@pytest.fixture(autouse=True)
def romanian_between_tests():
    """The test client runs requests in this thread and LocaleMiddleware leaves their language active:
    reset it, or reverse() in the next test would build /en/ URLs."""
    translation.activate("ro")
    yield
    translation.activate("ro")


def test_every_english_message_is_translated():
    po = (LOCALE / "en" / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    entries = [e for e in po.split("\n\n") if "\nmsgid " in "\n" + e and 'msgid ""\nmsgstr ""\n"Project' not in e]
    untranslated = [e for e in entries if re.search(r'^msgstr(\[\d\])? ""$', e, re.M) and "#, fuzzy" not in e]
    assert entries and not untranslated, untranslated[:3]
    assert "#, fuzzy" not in po


def test_the_interface_is_romanian_by_default_and_english_under_en(client, seed_article):
    romanian = client.get(seed_article.get_absolute_url()).content.decode()
    assert '<html lang="ro">' in romanian and "Cine vorbește" in romanian
    english = client.get("/en" + seed_article.get_absolute_url()).content.decode()
    assert '<html lang="en">' in english and "Who speaks" in english and "Cine vorbește" not in english
    assert seed_article.title in english  # the article itself is never translated


def test_a_browser_asking_for_english_still_gets_romanian_at_the_plain_url(client, seed_article):
    html = client.get(seed_article.get_absolute_url(), headers={"Accept-Language": "en"}).content.decode()
    assert '<html lang="ro">' in html  # one URL, one language: cached pages and shared links stay predictable


def test_the_language_switcher_links_the_same_page_in_the_other_language(client, seed_article):
    url = seed_article.get_absolute_url()
    html = client.get(url).content.decode()
    assert f'href="/en{url}" hreflang="en"' in html
    english = client.get("/en" + url).content.decode()
    assert f'href="{url}" hreflang="ro"' in english
    search = client.get(reverse("reader:search"), {"q": "kursk"}).content.decode()
    assert 'href="/en/search/?q=kursk" hreflang="en"' in search


def test_dates_and_numbers_follow_the_language(client, seed_article):
    romanian = client.get(seed_article.get_absolute_url()).content.decode()
    english = client.get("/en" + seed_article.get_absolute_url()).content.decode()
    assert "3 Septembrie 2025</time>" in romanian  # Django's Romanian formats and "Sept. 3, 2025</time>" in english
    assert '<data value="10000">10.000</data>' in romanian and '<data value="10000">10,000</data>' in english
    assert "(peste)" in romanian and "(more than)" in english


def test_each_language_has_its_own_cached_page(client, seed_article):
    url = seed_article.get_absolute_url()
    for _ in range(2):  # the second round is served from the page cache
        assert "Cine vorbește" in client.get(url).content.decode()
        assert "Who speaks" in client.get("/en" + url).content.decode()


def test_english_pages_link_to_english_pages(client, seed_article):
    url = seed_article.get_absolute_url()
    html = client.get("/en/").content.decode()
    assert f'href="/en{url}"' in html
    assert 'action="/en/search/"' in html
