"""Editors and curators at work in Chromium: every action says what happened on the same page, htmx swaps only
what changed (no scroll jump, panels stay open, focus stays), refusals sit next to their control; without
JavaScript the same forms work and the message shows on the page they come back to. The review screen works from
the keyboard. axe finds nothing on the review page, nor on an article showing a refusal."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from reader.models import Entity, Quote
from tests.browser.helpers import log_in as sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "parola-lunga-de-test-7"


@pytest.fixture
def editor_user(make_user):
    return make_user("redactor", editor=True, password=PASSWORD)


def log_in(page, live_server, next_url="/"):
    sign_in(page, live_server, username="redactor", password=PASSWORD, next_url=next_url)


def assert_no_axe_violations(page):
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def scroll_y(page) -> float:
    return page.evaluate("window.scrollY")


def focused_id(page) -> str:
    return page.evaluate("document.activeElement && document.activeElement.id")


def test_quote_and_entity_tools_keep_scroll_panels_and_focus(page, live_server, seed_article, editor_user):
    log_in(page, live_server)
    page.goto(live_server.url + seed_article.get_absolute_url())
    page.evaluate("window.__noReload = true")
    quote = Quote.objects.filter(paragraph__article=seed_article, kind="direct").order_by("paragraph__position")[1]
    anchor = quote.paragraph.anchor
    section = page.locator(f"#{anchor}")
    section.locator("details.quote-tools summary").click()
    section.locator("details.add-note summary").click()  # another panel, open in the same paragraph
    page.locator(f"#q-{quote.pk}-confirm").scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, -150)")
    before = scroll_y(page)
    assert before > 300  # well down the page: a jump would show

    page.locator(f"#q-{quote.pk}-confirm").click()
    page.locator("#messages .messages", has_text="Citat confirmat.").wait_for()
    page.locator(f"span#q-{quote.pk}.human").wait_for()
    print(f"\nscroll before/after confirm: {before}/{scroll_y(page)}")
    assert abs(scroll_y(page) - before) <= 2, (before, scroll_y(page))
    assert section.locator("details.quote-tools").evaluate("d => d.open")
    assert section.locator("details.add-note").evaluate("d => d.open")
    assert focused_id(page) == f"q-{quote.pk}-confirm"
    assert page.locator("#messages .messages").is_visible()  # fixed on screen: seen where the editor is

    # A refusal: written next to the control, the page where it was.
    page.locator(f"#q-{quote.pk}-speaker").fill(" ")
    before = scroll_y(page)  # Playwright scrolls a field into view to fill it: measure from here
    page.locator(f"#q-{quote.pk}-change").click()
    error = page.locator(f"#q-{quote.pk}-error")
    error.wait_for()
    assert "numele vorbitorului" in error.inner_text()
    assert abs(scroll_y(page) - before) <= 2
    assert focused_id(page) == f"q-{quote.pk}-change"

    missed = section.locator("form.missed-quote")
    missed.locator("input[name=text]").fill("cuvinte care nu sunt în paragraf")
    missed.get_by_role("button", name="Adaugă citatul").scroll_into_view_if_needed()
    before = scroll_y(page)
    missed.get_by_role("button", name="Adaugă citatul").click()
    page.locator(f"#{anchor}-quote-error").wait_for()
    assert abs(scroll_y(page) - before) <= 2

    # Entity tools: the sidebar is swapped, its panel stays open, the refusal is in it.
    first, second = Entity.objects.filter(mentions__article=seed_article, type="PERSON").distinct()[:2]
    tools = page.locator(f"#e-{first.pk}-tools")
    tools.locator("summary").click()
    page.locator(f"#e-{first.pk}-name").fill(second.name)
    page.locator(f"#e-{first.pk}-rename").scroll_into_view_if_needed()
    sidebar_before = scroll_y(page)
    page.locator(f"#e-{first.pk}-rename").click()
    page.locator(f"#e-{first.pk}-error").wait_for()
    assert page.locator(f"#e-{first.pk}-tools").evaluate("d => d.open")
    assert abs(scroll_y(page) - sidebar_before) <= 2
    assert focused_id(page) == f"e-{first.pk}-rename"
    page.locator(f"#e-{first.pk}-name").fill("Un nume nou de test")
    page.locator(f"#e-{first.pk}-rename").click()
    page.locator("#messages .messages", has_text="Un nume nou de test").wait_for()
    assert page.locator(".entity-highlight", has_text="Un nume nou de test").count() == 1
    # A merge: the entity and its control are gone; the one it went into is open and takes the focus.
    page.locator(f"#e-{first.pk}-into").select_option(str(second.pk))
    page.locator(f"#e-{first.pk}-merge").click()
    page.locator("#messages .messages", has_text="a fost unit").wait_for()
    assert page.locator(f"#e-{first.pk}-tools").count() == 0
    # The focus moves once htmx has settled the swap, a moment after the message shows: wait for it.
    expect(page.locator(f"#e-{second.pk}-tools > summary")).to_be_focused()
    assert page.evaluate("window.__noReload === true")
    assert_no_axe_violations(page)


def test_without_javascript_the_same_actions_say_what_happened(browser, live_server, seed_article, editor_user,
                                                                settings):
    settings.STORAGES = {**settings.STORAGES,
                         "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    context = browser.new_context(java_script_enabled=False, locale="ro-RO")
    page = context.new_page()
    log_in(page, live_server)
    page.goto(live_server.url + seed_article.get_absolute_url())
    quote = Quote.objects.filter(paragraph__article=seed_article, kind="direct").order_by("paragraph__position")[1]
    section = page.locator(f"#{quote.paragraph.anchor}")
    section.locator("details.quote-tools summary").click()
    page.locator(f"#q-{quote.pk}-confirm").click()
    page.wait_for_url(f"**{seed_article.get_absolute_url()}#q-{quote.pk}")
    message = page.locator("#messages .messages", has_text="Citat confirmat.")
    assert message.is_visible()
    quote.refresh_from_db()
    assert quote.status == "confirmed"

    # A refusal, and the page it comes back to is rendered (not a 304 of the same page without the message).
    page.locator(f"#{quote.paragraph.anchor} details.quote-tools summary").click()
    page.locator(f"#q-{quote.pk}-speaker").fill(" ")
    page.locator(f"#q-{quote.pk}-change").click()
    page.locator("#messages .messages", has_text="numele vorbitorului").wait_for()
    assert page.locator("#messages .messages").is_visible()
    context.close()


def test_the_review_screen_from_the_keyboard(page, live_server, seed_article, editor_user):
    log_in(page, live_server, "/revizie/")
    page.evaluate("window.__noReload = true")
    assert_no_axe_violations(page)
    items = page.locator(".review-item")
    ids = [int(i.split("-")[1]) for i in items.evaluate_all("els => els.map(e => e.id)")[:3]]
    queue = [Quote.objects.get(pk=pk) for pk in ids]
    assert queue[0].confidence <= queue[1].confidence <= queue[2].confidence
    page.keyboard.press("j")  # the first quote takes the focus
    assert focused_id(page) == f"review-{queue[0].pk}"
    page.keyboard.press("c")
    page.locator(f"#review-{queue[0].pk}.decided").wait_for()
    page.locator("#messages .messages", has_text="Citat confirmat.").wait_for()
    page.locator(f"#review-{queue[1].pk}:focus").wait_for()  # on to the next quote
    page.keyboard.press("x")
    page.locator(f"#review-{queue[1].pk}.decided").wait_for()
    page.locator(f"#review-{queue[2].pk}:focus").wait_for()
    alternative = page.locator(f"#review-{queue[2].pk}-speaker-1")
    chosen = int(alternative.get_attribute("value"))
    page.keyboard.press("1")
    page.locator(f"#review-{queue[2].pk}.decided").wait_for()
    for quote in queue:
        quote.refresh_from_db()
    assert [q.status for q in queue] == ["confirmed", "rejected", "corrected"]
    assert queue[2].speaker_id == chosen
    assert items.count() >= 3 and page.evaluate("window.__noReload === true")
    assert_no_axe_violations(page)
