import pytest

from reader.models import Note

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_reader_sees_quotes_and_editor_adds_a_note_with_htmx(page, live_server, seed_article, make_user):
    make_user("redactor", editor=True, password="parola-lunga-de-test-7")
    url = live_server.url + seed_article.get_absolute_url()

    page.goto(url)
    quotes = page.locator("span.quote-direct")
    assert quotes.count() == 5
    assert {quotes.nth(i).get_attribute("data-speaker") for i in range(5)} == {"Vladimir Putin"}
    assert page.locator(".sidebar").get_by_text("Kim Jong-un").count() >= 1

    page.goto(f"{live_server.url}/login/?next={seed_article.get_absolute_url()}")
    page.fill("input[name=username]", "redactor")
    page.fill("input[name=password]", "parola-lunga-de-test-7")
    page.click("form.login button[type=submit]")
    page.wait_for_url(url)

    # A marker on window survives only if the note is swapped in without a page load.
    page.evaluate("window.__noReload = true")
    notes = page.locator("#p-5-notes")
    notes.locator("summary").click()
    notes.locator("textarea[name=body]").fill("Context: întâlnirea a avut loc la Beijing.")
    notes.locator("button[type=submit]").click()
    page.locator("#p-5-notes .note").wait_for()
    assert page.evaluate("window.__noReload === true")
    assert Note.objects.filter(paragraph__position=5).count() == 1

    page.reload()
    assert "întâlnirea a avut loc la Beijing" in page.locator("#p-5-notes .note").inner_text()
