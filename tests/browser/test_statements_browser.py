"""The same words elsewhere, in the browser: a quote's count, the list of its appearances and the word diff
(with htmx, without JavaScript, for an editor's verdict), and the README's screenshot of them."""

import os
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from reader.models import Appearance, Quote
from tests.browser.helpers import log_in
from tests.test_provenance import OTHER, WORDS, publish, text

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
UPDATE_SCREENSHOTS = os.environ.get("UPDATE_SCREENSHOTS") == "1"
PASSWORD = "parola-lunga-de-test-7"


@pytest.fixture
def reported(db):
    first = publish("a.txt", text("2025-03-01", "agerpres", WORDS, n=0))
    publish("b.txt", text("2025-03-02", "digi24.ro", WORDS, n=1))
    publish("c.txt", text("2025-03-03", "hotnews.ro", WORDS.replace("din nou", "încă o dată"), n=2))
    publish("d.txt", text("2025-03-04", "libertatea", OTHER, n=3))
    return first


def open_list(page, live_server, article):
    page.goto(live_server.url + article.get_absolute_url())
    count = page.locator("a.statement-count")
    assert count.count() == 1
    assert count.inner_text().strip().startswith("+2")
    page.evaluate("window.__noReload = true")
    count.click()
    panel = page.locator("#p-2-statement .statement")
    panel.wait_for()
    assert page.evaluate("window.__noReload === true")  # swapped in by htmx, no page load
    return panel


def test_the_count_opens_the_list_with_the_diff_in_place(page, live_server, reported):
    panel = open_list(page, live_server, reported)
    rows = panel.locator("li.appearance")
    assert rows.count() == 3
    assert "agerpres" in rows.nth(0).inner_text() and "Prima apariție" in rows.nth(0).inner_text()
    assert "Aceleași cuvinte" in rows.nth(1).inner_text()
    assert panel.locator("del").inner_text() == "din nou" and panel.locator("ins").inner_text() == "încă o dată"
    link = rows.nth(2).locator("a")
    assert link.get_attribute("href").endswith(f"#q-{Quote.objects.get(article__import_key='c.txt').pk}")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_without_javascript_the_count_is_a_link_to_the_list(browser, live_server, reported):
    context = browser.new_context(locale="ro-RO", java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + reported.get_absolute_url())
    page.locator("a.statement-count").click()
    page.wait_for_url("**/statement/")
    assert page.locator("li.appearance").count() == 3
    assert page.locator("del").inner_text() == "din nou"
    context.close()


def test_an_editor_marks_a_version_altered_in_the_panel(page, live_server, reported, make_user):
    make_user("redactor", editor=True, password=PASSWORD)
    log_in(page, live_server, username="redactor", password=PASSWORD, next_url=reported.get_absolute_url())
    panel = open_list(page, live_server, reported)
    altered = Appearance.objects.get(article__import_key="c.txt")
    panel.locator(f"#appearance-{altered.pk}-verdict").select_option("altered")
    panel.locator(f"#appearance-{altered.pk}-save").click()
    page.locator(f"#appearance-{altered.pk}.verdict-altered").wait_for()
    altered.refresh_from_db()
    assert altered.verdict == "altered"


def test_screenshot_of_a_statement_reported_in_three_outlets(browser, live_server, reported, settings, tmp_path):
    settings.STORAGES = {**settings.STORAGES,
                         "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    folder = SCREENSHOTS if UPDATE_SCREENSHOTS else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(locale="ro-RO", viewport={"width": 1100, "height": 900}, color_scheme="light")
    page = context.new_page()
    open_list(page, live_server, reported)
    page.locator("#p-2").screenshot(path=folder / "statement.png")  # the quote, its count and the list it opened
    context.close()
    assert 10_000 < (folder / "statement.png").stat().st_size < 1_000_000
