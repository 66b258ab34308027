"""Chromium renders every page that shows hostile text (tests/xss.py): no script runs, nothing is injected,
and the text reads as written. A dialog, a stray element or attribute, or a CSP report would all fail it."""

from urllib.parse import urlencode

import pytest
from django.urls import reverse

from tests.browser.helpers import log_in
from tests.xss import PAYLOADS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "correct-horse-battery-9"  # make_user's default

# Everything a payload could have added to the DOM if it had escaped its text.
INJECTED = """() => {
  const found = [];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      if (attr.name.startsWith('on')) found.push(`${el.tagName} ${attr.name}`);
      if (/^\\s*(javascript|vbscript|data):/i.test(attr.value) && /href|src|action|data/.test(attr.name))
        found.push(`${el.tagName} ${attr.name}=${attr.value.slice(0, 30)}`);
    }
  }
  for (const s of document.scripts) if (!s.src && s.type !== 'application/json') found.push('inline <script>');
  for (const tag of ['iframe', 'object', 'embed', 'base', 'marquee', 'video', 'audio', 'math', 'style'])
    if (document.querySelector(tag)) found.push(`<${tag}>`);
  if (document.body.dataset.pwned) found.push('script ran: body[data-pwned]');
  return found;
}"""


@pytest.fixture
def watched(page):
    """The page, plus every dialog and CSP violation it produces."""
    seen = []

    def on_dialog(dialog):
        seen.append(f"dialog: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("console", lambda m: seen.append(f"console: {m.text}") if "Content Security Policy" in m.text else None)
    return page, seen


def test_the_detector_sees_a_live_payload(watched):
    page, seen = watched
    page.set_content("<p>x</p><img src=x onerror=alert('XSS')><div onmouseover='1'></div>")
    page.wait_for_timeout(200)
    assert seen == ["dialog: XSS"]
    assert "IMG onerror" in page.evaluate(INJECTED)


def _log_in(page, live_server, username):
    log_in(page, live_server, username=username, password=PASSWORD)


def _visit(page, seen, url):
    page.goto(url)
    page.wait_for_load_state("load")
    page.mouse.move(200, 300)  # hover handlers, had any been injected
    page.keyboard.press("Tab")  # focus handlers
    assert page.evaluate(INJECTED) == [], url
    assert seen == [], (url, seen)


def test_no_payload_runs_on_any_reader_page(watched, live_server, hostile_world):
    page, seen = watched
    world, base = hostile_world, live_server.url
    urls = [reverse("reader:index"), reverse("reader:index") + "?before=9999-12-31.0", reverse("reader:archive"),
            world["article"].get_absolute_url()]
    urls += [a.get_absolute_url() for a in world["titled"][::5]]
    urls += [reverse("reader:entity", args=[e.slug]) for e in world["entities"][::5]]
    for url in urls:  # as a visitor
        _visit(page, seen, base + url)
    title = world["titled"][0]
    page.goto(base + title.get_absolute_url())
    assert page.inner_text("h1").strip() == title.title.strip()  # shown as text, escaped

    _log_in(page, live_server, world["revised"].author.username)
    urls += [reverse("reader:trash", args=[world["article"].slug]),
             reverse("reader:note_history", args=[world["revised"].pk]),
             reverse("reader:note_edit", args=[world["revised"].pk])]
    for url in urls:  # as an editor: the forms and tools show the same text in attributes and textareas
        _visit(page, seen, base + url)
    for query in ("Popescu", *PAYLOADS[:12]):  # the search page echoes the query into its form
        _visit(page, seen, f"{base}{reverse('reader:search')}?{urlencode({'q': query})}")
        assert page.input_value("#search-q") == query  # it reached the page whole, and reads as typed


def test_no_payload_runs_in_the_admin(watched, live_server, hostile_world, make_user):
    page, seen = watched
    make_user("root-xss", is_staff=True, is_superuser=True)
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", "root-xss")
    page.fill("input[name=password]", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    world = hostile_world
    urls = [reverse(f"admin:reader_{m}_changelist") for m in ("article", "entity", "note", "quote", "blockedname")]
    urls += [reverse("admin:reader_entity_change", args=[e.pk]) for e in world["entities"][::10]]
    urls += [reverse("admin:reader_note_change", args=[n.pk]) for n in world["notes"][::10]]
    urls += [reverse("admin:reader_entity_history", args=[world["entities"][0].pk]),
             reverse("admin:reader_article_change", args=[world["article"].pk]),
             reverse("admin:reader_entity_changelist") + f"?q={PAYLOADS[0]}"]
    for url in urls:
        _visit(page, seen, live_server.url + url)
