"""Editors annotate in the reading view, in Chromium, with htmx."""

import pytest

from reader.ingest import import_article
from reader.models import Note, Paragraph, Quote
from tests.browser.helpers import log_in as sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "parola-lunga-de-test-7"


@pytest.fixture
def editor_user(make_user):
    return make_user("redactor", editor=True, password=PASSWORD)


def log_in(page, live_server, username="redactor"):
    sign_in(page, live_server, username=username, password=PASSWORD)


def open_article(page, live_server, article):
    page.goto(live_server.url + article.get_absolute_url())
    page.evaluate("window.__noReload = true")


def add_note(page, position, text):
    notes = page.locator(f"#p-{position}-notes")
    notes.locator("details.add-note summary").click()
    notes.locator("textarea[name=body]").fill(text)
    notes.locator("details.add-note button[type=submit]").click()
    page.locator(f"#p-{position}-notes .note", has_text=text).wait_for()


def test_add_edit_delete_and_restore_a_note_without_reloads(page, live_server, seed_article, editor_user):
    log_in(page, live_server)
    open_article(page, live_server, seed_article)
    add_note(page, 6, "Prima formă a notei")
    note = Note.objects.get()

    box = page.locator(f"#note-{note.pk}")
    box.get_by_text("editează").click()
    page.locator(f"form#note-{note.pk} textarea[name=body]").fill("A doua formă, cu **aldin**")
    page.locator(f"form#note-{note.pk} button[type=submit]").click()
    page.locator(f"aside#note-{note.pk} strong", has_text="aldin").wait_for()

    page.locator(f"aside#note-{note.pk}").get_by_role("button", name="șterge").click()
    page.locator(f"aside#note-{note.pk}.deleted").wait_for()
    page.locator(f"aside#note-{note.pk}").get_by_role("button", name="Restaurează").click()
    page.locator(f"aside#note-{note.pk} strong", has_text="aldin").wait_for()
    assert page.evaluate("window.__noReload === true")

    note.refresh_from_db()
    assert (note.version, note.deleted_at) == (2, None)
    assert list(note.revisions.values_list("body", flat=True)) == ["Prima formă a notei", "A doua formă, cu **aldin**"]


def test_two_editors_edit_one_note_and_the_second_sees_the_conflict(browser, page, live_server, seed_article,
                                                                     editor_user, make_user, settings):
    make_user("senior", senior=True, password=PASSWORD)
    note = Note.create(paragraph=seed_article.paragraphs.get(position=6), author=editor_user, body="Original",
                       kind="context", visibility="public")
    log_in(page, live_server)
    open_article(page, live_server, seed_article)
    other_context = browser.new_context()
    other = other_context.new_page()
    log_in(other, live_server, "senior")
    open_article(other, live_server, seed_article)

    for p in (page, other):
        p.locator(f"#note-{note.pk}").get_by_text("editează").click()
        p.locator(f"form#note-{note.pk} textarea[name=body]").wait_for()
    page.locator(f"form#note-{note.pk} textarea[name=body]").fill("Versiunea primului")
    page.locator(f"form#note-{note.pk} button[type=submit]").click()
    page.locator(f"aside#note-{note.pk}", has_text="Versiunea primului").wait_for()

    other.locator(f"form#note-{note.pk} textarea[name=body]").fill("Versiunea celui de-al doilea")
    with other.expect_response(lambda r: "/edit/" in r.url and r.request.method == "POST") as response_info:
        other.locator(f"form#note-{note.pk} button[type=submit]").click()
    assert response_info.value.status == 409
    conflict = other.locator(f"form#note-{note.pk} .conflict")
    conflict.wait_for()
    assert "Versiunea primului" in conflict.inner_text()
    assert "Versiunea celui de-al doilea" in conflict.inner_text()
    note.refresh_from_db()
    assert note.body == "Versiunea primului"

    # The second editor merges and saves on top of the saved version.
    other.locator(f"form#note-{note.pk} textarea[name=body]").fill("Versiunea primului + a celui de-al doilea")
    other.locator(f"form#note-{note.pk} button[type=submit]").click()
    other.locator(f"aside#note-{note.pk}", has_text="a celui de-al doilea").wait_for()
    note.refresh_from_db()
    assert (note.version, note.body) == (3, "Versiunea primului + a celui de-al doilea")
    other_context.close()


def test_editor_corrects_a_speaker_and_adds_a_missed_quote(page, live_server, seed_article, editor_user):
    log_in(page, live_server)
    open_article(page, live_server, seed_article)
    quote = Quote.objects.filter(paragraph__article=seed_article, kind="direct").order_by("paragraph__position")[1]
    section = page.locator(f"#{quote.paragraph.anchor}")
    section.locator("details.quote-tools summary").click()
    row = page.locator(f"#q-{quote.pk}-tools")
    row.locator("input[name=speaker]").fill("Kim Jong-un")
    row.get_by_role("button", name="Schimbă").click()
    page.locator(f'span#q-{quote.pk}[data-speaker="Kim Jong-un"]').wait_for()
    quote.refresh_from_db()
    assert quote.speaker.name == "Kim Jong-un" and quote.status == "corrected"

    # Select words in a paragraph: the form gets the offsets; the server checks them.
    paragraph = Paragraph.objects.get(article=seed_article, text__startswith="La mijlocul lunii august")
    words = "lăudând soldații nord-coreeni"
    start = paragraph.text.index(words)
    page.evaluate(
        """([anchor, start, end]) => {
            const container = document.querySelector('#' + anchor + ' > .text');
            const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
            let seen = 0, range = document.createRange(), node;
            while ((node = walker.nextNode())) {
                if (node.parentElement.closest('.visually-hidden')) continue;
                const len = node.data.length;
                if (start >= seen && start <= seen + len) range.setStart(node, start - seen);
                if (end >= seen && end <= seen + len) { range.setEnd(node, end - seen); break; }
                seen += len;
            }
            const selection = window.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
            container.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
        }""",
        [paragraph.anchor, start, start + len(words)],
    )
    form = page.locator(f"#{paragraph.anchor} form.missed-quote")
    assert form.locator("input[name=start]").input_value() == str(start)
    form.locator("input[name=speaker]").fill("Vladimir Putin")
    form.locator("select[name=kind]").select_option("indirect")
    form.get_by_role("button", name="Adaugă citatul").click()
    page.locator(f"#{paragraph.anchor} span.quote-indirect.human").wait_for()
    added = Quote.objects.get(added_by_human=True)
    assert added.text == words and added.speaker.name == "Vladimir Putin"
    assert page.evaluate("window.__noReload === true")


def test_reimport_after_notes_keeps_every_note_placed_or_detached(page, live_server, seed_article, seed_bytes,
                                                                  editor_user):
    log_in(page, live_server)
    open_article(page, live_server, seed_article)
    add_note(page, 5, "Nota pe citatul despre Kursk")
    add_note(page, 14, "Nota pe paragraful care dispare")
    add_note(page, 17, "Nota pe ultimul paragraf")
    doomed = Paragraph.objects.get(article=seed_article, position=14).text

    new_text = seed_bytes.decode().replace(doomed + "\n", "").replace("Mii de soldați", "Mii de militari")
    result = import_article(name="article-0.txt", data=new_text.encode())
    assert result.status == "updated", result.message

    page.reload()
    assert Note.objects.count() == 3
    assert "Nota pe citatul despre Kursk" in page.locator(".para", has_text="La inițiativa").inner_text()
    assert "Nota pe ultimul paragraf" in page.locator(".para", has_text="Aproximativ 600").inner_text()
    detached = page.locator("#detached-notes")
    assert "Note detașate (1)" in detached.inner_text()
    assert "Nota pe paragraful care dispare" in detached.inner_text()
