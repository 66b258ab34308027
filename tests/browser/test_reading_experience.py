"""The reading experience in Chromium: speaker filter, entity highlight, keyboard, search, languages,
themes, accessibility (axe-core, 0 violations) and the README's screenshots."""

import os
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import translation

from reader.models import Mention, Quote
from tests.browser.helpers import log_in as sign_in
from tests.test_i18n import compiled_messages  # noqa: F401 - autouse: the English pages need the .mo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
# The README's screenshots are tracked files: only `make screenshots` rewrites them; any other run (make test)
# takes the same shots into a temporary folder.
UPDATE_SCREENSHOTS = os.environ.get("UPDATE_SCREENSHOTS") == "1"
EDITOR_PASSWORD = "parola-lunga-de-test-7"


@pytest.fixture(autouse=True)
def romanian_urls():
    translation.activate("ro")
    yield
    translation.activate("ro")


@pytest.fixture
def two_speakers(seed_article, make_user):
    """The seed quotes only Putin: give one quote to Kim so the filter has something to dim."""
    quotes = Quote.objects.filter(paragraph__article=seed_article, kind="direct")
    quote = quotes.order_by("-paragraph__position").first()
    quote.correct_speaker(by=make_user("corector", editor=True), name="Kim Jong-un")
    return quote


def log_in(page, live_server, next_url):
    sign_in(page, live_server, username="redactor", password=EDITOR_PASSWORD, next_url=next_url)


def assert_no_axe_violations(page):
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_clicking_a_speaker_dims_everyone_elses_quotes(page, live_server, seed_article, two_speakers):
    page.goto(live_server.url + seed_article.get_absolute_url())
    kim = page.locator(".speaker-toggle", has_text="Kim Jong-un")
    kim.click()
    assert kim.get_attribute("aria-pressed") == "true"
    assert page.locator(f"#q-{two_speakers.pk}").get_attribute("class").split().count("dimmed") == 0
    putin_quotes = page.locator('#reading .quote[data-speaker="Vladimir Putin"]')
    assert putin_quotes.count() >= 4
    assert putin_quotes.evaluate_all("qs => qs.every(q => q.classList.contains('dimmed'))")
    assert "Kim Jong-un" in page.locator(".filter-status").inner_text()
    kim.click()  # again: everyone is back
    assert page.locator("#reading .quote.dimmed").count() == 0
    page.locator(".speaker-toggle", has_text="Vladimir Putin").click()
    page.keyboard.press("Escape")
    assert page.locator("#reading .quote.dimmed").count() == 0


def test_clicking_an_entity_highlights_and_counts_its_mentions(page, live_server, seed_article):
    kursk = Mention.objects.filter(paragraph__article=seed_article, entity__name="Kursk")
    page.goto(live_server.url + seed_article.get_absolute_url())
    page.locator(".entity-highlight", has_text="Kursk").click()
    highlighted = page.locator('#reading .mention.highlighted[data-entity]')
    assert highlighted.count() == kursk.count() >= 2
    assert f"{kursk.count()} mențiuni evidențiate" in page.locator(".filter-status").inner_text()
    assert page.url.endswith(seed_article.get_absolute_url())  # handled in place, no jump
    page.locator(".entity-highlight", has_text="Kursk").click()
    assert page.locator("#reading .mention.highlighted").count() == 0


def test_each_quote_has_a_permalink(page, live_server, seed_article):
    page.goto(live_server.url + seed_article.get_absolute_url())
    link = page.locator("#reading .quote-direct + .quote-permalink").first
    target = link.get_attribute("href")
    assert target.startswith("#q-")
    link.click()
    assert page.url.endswith(target)
    assert page.evaluate("document.querySelector(':target').id") == target[1:]


def test_keyboard_moves_between_paragraphs_and_opens_search_and_shortcuts(page, live_server, seed_article):
    page.goto(live_server.url + seed_article.get_absolute_url())
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.id") == "p-0"
    page.keyboard.press("j")
    page.keyboard.press("j")
    page.keyboard.press("k")
    assert page.evaluate("document.activeElement.id") == "p-1"
    assert page.locator(".para.current").count() == 1
    page.keyboard.press("?")
    assert page.locator("dialog#shortcuts").evaluate("d => d.open")
    page.keyboard.press("Escape")
    assert not page.locator("dialog#shortcuts").evaluate("d => d.open")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "site-search"
    page.keyboard.type("jk")  # typing in a field is not a shortcut
    assert page.locator("#site-search").input_value() == "jk"
    assert page.evaluate("document.querySelector('.para.current').id") == "p-1"


def test_n_opens_a_note_on_the_current_paragraph_for_editors(page, live_server, seed_article, make_user):
    make_user("redactor", editor=True, password=EDITOR_PASSWORD)
    log_in(page, live_server, seed_article.get_absolute_url())
    for _ in range(4):
        page.keyboard.press("j")
    page.keyboard.press("n")
    assert page.locator("#p-3 details.add-note").evaluate("d => d.open")
    assert page.evaluate("document.activeElement.name") == "body"


def test_live_search_finds_the_same_with_and_without_diacritics(page, live_server, seed_article):
    page.goto(live_server.url + "/search/")
    page.evaluate("window.__noReload = true")
    box = page.locator("#search-q")
    results = {}
    for query in ("mulțumește soldații", "multumeste soldatii", "MULŢUMEŞTE SOLDAŢII"):
        box.fill(query)
        page.locator(".hit-article a").first.wait_for()
        page.wait_for_function("q => new URL(location).searchParams.get('q') === q", arg=query)
        results[query] = page.locator("#search-results .hit a").evaluate_all("as => as.map(a => a.href)")
        assert page.locator(".hit-article mark").count() >= 2
    assert page.evaluate("window.__noReload === true")  # htmx swapped the results in place
    assert len(set(map(tuple, results.values()))) == 1 and results["multumeste soldatii"]


def test_search_works_without_javascript(browser, live_server, seed_article, settings):
    settings.STORAGES = {**settings.STORAGES,
                         "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + seed_article.get_absolute_url())
    assert page.locator(".speaker-toggle").first.is_hidden() and page.locator(".theme-toggle").is_hidden()
    page.fill("#site-search", "stiinta kursk")
    page.click(".site-search button[type=submit]")
    page.wait_for_url("**/search/?q=stiinta+kursk")
    page.fill("#search-q", "kursk")
    page.click(".search-main button[type=submit]")
    page.wait_for_url("**/search/?q=kursk**")
    assert page.locator(".hit-article a", has_text=seed_article.title[:20]).count() == 1
    context.close()


def test_the_language_switch_keeps_the_page(page, live_server, seed_article):
    url = seed_article.get_absolute_url()
    page.goto(live_server.url + url)
    page.locator(".languages a", has_text="English").click()
    page.wait_for_url(f"{live_server.url}/en{url}")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", name="Who speaks").is_visible()
    page.locator(".entity-highlight", has_text="Kursk").click()
    assert "mentions highlighted" in page.locator(".filter-status").inner_text()
    page.locator(".languages a", has_text="Română").click()
    page.wait_for_url(live_server.url + url)
    assert page.get_by_role("heading", name="Cine vorbește").is_visible()


def test_dark_mode_follows_the_system_and_the_toggle_is_remembered(browser, page, live_server, seed_article):
    url = live_server.url + seed_article.get_absolute_url()
    background = "getComputedStyle(document.body).backgroundColor"
    page.goto(url)
    light = page.evaluate(background)
    page.locator(".theme-toggle").click()
    assert page.locator("html").get_attribute("data-theme") == "dark"
    dark = page.evaluate(background)
    assert dark != light
    page.reload()
    assert page.evaluate(background) == dark and page.locator(".theme-toggle").get_attribute("aria-pressed") == "true"
    context = browser.new_context(color_scheme="dark")
    system_dark = context.new_page()
    system_dark.goto(url)
    assert system_dark.evaluate(background) == dark
    context.close()


def test_pages_have_no_accessibility_violations(page, live_server, seed_article, make_user):
    make_user("redactor", editor=True, password=EDITOR_PASSWORD)
    entity = Mention.objects.filter(paragraph__article=seed_article).first().entity
    for path in ("/", seed_article.get_absolute_url(), f"/e/{entity.slug}/", "/search/?q=kursk", "/search/",
                 "/login/", "/en" + seed_article.get_absolute_url(), "/arhiva/", "/arhiva/2025/", "/arhiva/2025/09/",
                 "/arhiva/2025/09/03/"):
        page.goto(live_server.url + path)
        assert_no_axe_violations(page)
    page.emulate_media(color_scheme="dark")
    page.goto(live_server.url + seed_article.get_absolute_url())
    assert_no_axe_violations(page)
    page.emulate_media(color_scheme="light")
    log_in(page, live_server, seed_article.get_absolute_url())
    assert_no_axe_violations(page)
    page.locator("#p-5 details.quote-tools summary").click()
    page.locator("#p-5 details.add-note summary").click()
    assert_no_axe_violations(page)


def test_screenshots_of_the_article_light_dark_and_phone(browser, live_server, seed_article, settings, tmp_path):
    settings.STORAGES = {**settings.STORAGES,
                         "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    folder = SCREENSHOTS if UPDATE_SCREENSHOTS else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    url = live_server.url + seed_article.get_absolute_url()
    shots = {
        "article-light.png": {"viewport": {"width": 1280, "height": 900}, "color_scheme": "light"},
        "article-dark.png": {"viewport": {"width": 1280, "height": 900}, "color_scheme": "dark"},
        "article-phone.png": {"viewport": {"width": 360, "height": 760}, "color_scheme": "light",
                              "device_scale_factor": 2, "is_mobile": True, "has_touch": True},
    }
    for name, options in shots.items():
        context = browser.new_context(locale="ro-RO", **options)
        page = context.new_page()
        page.goto(url)
        # A phone must never scroll sideways.
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), name
        page.screenshot(path=folder / name)
        context.close()
        assert 10_000 < (folder / name).stat().st_size < 1_000_000


def test_pages_run_under_the_content_security_policy_without_complaints(page, live_server, seed_article, make_user):
    make_user("redactor", editor=True, password=EDITOR_PASSWORD)
    complaints = []
    page.on("console", lambda message: message.type == "error" and complaints.append(message.text))
    log_in(page, live_server, seed_article.get_absolute_url())
    page.locator(".speaker-toggle").first.click()
    page.locator(".theme-toggle").click()
    page.goto(live_server.url + "/search/")
    page.locator("#search-q").fill("kursk")
    page.locator(".hit-article").first.wait_for()
    assert complaints == []
