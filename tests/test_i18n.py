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


def _messages(language: str) -> dict:
    from babel.messages.pofile import read_po

    with open(LOCALE / language / "LC_MESSAGES" / "django.po", encoding="utf-8") as po:
        return {(m.context, m.id): m for m in read_po(po) if m.id}


def _translated(message) -> bool:
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return all(strings) and not message.fuzzy


def test_every_english_message_is_translated():
    english = _messages("en")
    assert len(english) > 300
    assert not [m.id for m in english.values() if not _translated(m)]


def test_the_romanian_catalogue_has_every_message_the_english_one_keeps_as_is():
    """Source strings are Romanian and need no Romanian translation; a message English keeps word for word is
    English (Django's, corrected here) or a word both languages share, and must be in the Romanian catalogue."""
    english, romanian = _messages("en"), _messages("ro")
    assert english.keys() == romanian.keys()
    as_is = [key for key, m in english.items() if m.string == m.id]
    assert not [key for key in as_is if not _translated(romanian[key])]
    assert not [m.id for m in romanian.values() if m.fuzzy]
    # Plurals take Romanian's three forms (1 citat, 2 citate, 20 de citate).
    plurals = [m for m in romanian.values() if isinstance(m.id, tuple)]
    assert plurals and all(len(m.string) == 3 and _translated(m) for m in plurals)


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
    assert "3 septembrie 2025</time>" in romanian and "Sept. 3, 2025</time>" in english  # Romanian: lowercase
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


# --- No string of the other language on a page ------------------------------------------------------------------
#
# Every main page is rendered in Romanian and in English, as the user who sees the most of it. What a reader sees
# of the interface (text, and the title, aria-label, placeholder and alt attributes and button values) is checked
# against the other language: the English catalogue gives both sides (msgid: Romanian, msgstr: English), and a
# short list of each language's function words catches strings that were never marked for translation. What the
# page shows of the data (article text, names, notes, usernames) is Romanian news whatever the interface and is
# taken out first, as are elements marked with another language (the language switcher's names).

from html.parser import HTMLParser  # noqa: E402

from babel.messages.pofile import read_po  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.test import Client  # noqa: E402

PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\{?\s*\w+\s*\}?\}")
ROMANIAN_LETTERS = re.compile(r"[ăâîșțşţĂÂÎȘȚŞŢ]")
# Words one language uses all the time and the other never on its own.
ROMANIAN_WORDS = {"și", "de", "la", "cu", "pentru", "din", "sau", "este", "sunt", "nu", "pe", "un", "se", "ale",
                  "lui", "mai", "care", "fără", "către", "doar", "ca"}
ENGLISH_WORDS = {"the", "of", "and", "to", "for", "with", "from", "this", "that", "is", "was", "by", "not", "into",
                 "selected", "select", "change", "add", "delete", "save", "view", "history", "filter", "yes", "all",
                 "article", "articles", "entity", "entities", "quote", "quotes", "paragraph", "paragraphs", "figure",
                 "figures", "mention", "mentions", "person", "place", "organization", "facility", "event", "other",
                 "detached", "attached", "unverified", "published", "draft", "machine", "confirmed", "corrected",
                 "rejected", "moved", "candidate", "best", "title", "lead", "caption", "dateline", "heading", "body",
                 "money", "quantity", "percent", "merge", "merges", "undo", "blocked", "name", "names"}
SKIPPED = {"script", "style", "template", "head", "code"}  # code: names of fields, columns, commands
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Inline elements continue the text around them: a snippet with a <mark> is one piece of text.
INLINE = {"a", "abbr", "b", "bdi", "cite", "code", "data", "em", "i", "kbd", "mark", "q", "s", "small", "span",
          "strong", "sub", "sup", "time", "u", "label", "br", "wbr", "img", "input"}
ATTRIBUTES = {"title", "aria-label", "placeholder", "alt"}


class _VisibleText(HTMLParser):
    """The page's visible pieces of text: runs of text between block boundaries, and the attributes people read."""

    def __init__(self, language: str):
        super().__init__(convert_charrefs=True)
        self.language, self.stack, self.pieces, self.run = language, [], [], []

    def _hidden(self) -> bool:
        return any(tag in SKIPPED or (lang and lang != self.language) for tag, lang, _ in self.stack)

    def _flush(self):
        text = " ".join("".join(self.run).split())
        if text:
            self.pieces.append(text)
        self.run = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "title":  # the tab's title, though it is in <head>
            self.stack.append((tag, None, False))
            return
        if tag not in INLINE:
            self._flush()
        # What only a screen reader hears is a piece of its own (a speaker's name inside a quote).
        isolated = "visually-hidden" in (attrs.get("class") or "").split()
        if isolated:
            self._flush()
        if tag not in VOID:
            self.stack.append((tag, attrs.get("lang"), isolated))
        if self._hidden() and tag not in VOID:
            return
        if tag == "br":
            self.run.append(" ")
        if tag == "meta" and attrs.get("name") == "description":
            self.pieces.append(attrs.get("content") or "")
        if self._hidden():
            return
        for name in ATTRIBUTES & attrs.keys():
            self.pieces.append(attrs[name] or "")
        if tag == "input" and attrs.get("type") in {"submit", "button", "reset"}:
            self.pieces.append(attrs.get("value") or "")

    def handle_endtag(self, tag):
        if tag not in INLINE:
            self._flush()
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                if self.stack[i][2]:
                    self._flush()
                del self.stack[i:]
                break

    def handle_data(self, data):
        if self.stack and self.stack[-1][0] == "title":
            self.pieces.append(" ".join(data.split()))
        elif not self._hidden():
            self.run.append(data)

    def close(self):
        super().close()
        self._flush()


def _catalogue() -> list[tuple[str, str]]:
    """(Romanian, English) pairs of the English catalogue, plural forms included."""
    with open(LOCALE / "en" / "LC_MESSAGES" / "django.po", encoding="utf-8") as po:
        catalogue = read_po(po)
    pairs = []
    for message in catalogue:
        if not message.id or message.fuzzy:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        pairs += [(i, s) for i, s in zip(ids, strings * len(ids), strict=False) if s and i != s]
    return pairs


def _fragments(strings) -> set[str]:
    """The literal parts of messages, around their placeholders: those a page shows word for word."""
    parts = set()
    for string in strings:
        for part in PLACEHOLDER.split(string):
            part = part.strip(" .,:;·()–—-\n")
            if len(part) >= 3 and re.search(r"[^\W\d_]", part):
                parts.add(part)
    return parts


def _word_pattern(fragments) -> re.Pattern | None:
    if not fragments:
        return None
    alternatives = "|".join(re.escape(f) for f in sorted(fragments, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def _foreign_patterns() -> dict[str, re.Pattern]:
    """For each page language, the other language's catalogue strings (those that are not also words of its own)."""
    pairs = _catalogue()
    romanian, english = _fragments(r for r, _ in pairs), _fragments(e for _, e in pairs)
    # What each language says, including the words both share ("Import", "context"): never foreign to it.
    own = {"ro": " \n ".join(m.id if isinstance(m.id, str) else " \n ".join(m.id) for m in _messages("en").values()),
           "en": " \n ".join(e for _, e in pairs)}

    def foreign(fragments, language):
        return {f for f in fragments if not re.search(rf"(?<!\w){re.escape(f)}(?!\w)", own[language])}

    return {"en": _word_pattern(foreign(romanian, "en")), "ro": _word_pattern(foreign(english, "ro"))}


def _data_corpus() -> list[str]:
    """Everything the pages show that people or the import wrote: never translated."""
    from reader.models import (
        Article,
        BlockedName,
        Entity,
        FeedLog,
        Figure,
        Job,
        Mention,
        Note,
        NoteRevision,
        Paragraph,
        Quote,
    )

    strings = []
    for article in Article.objects.all():
        strings += [article.title, article.source, article.dateline, article.photo_credit, article.raw_text,
                    article.slug, article.import_key, article.text_sha256]
    strings += Paragraph.objects.values_list("text", flat=True)
    for entity in Entity.objects.all():
        strings += [entity.name, entity.slug, entity.key, *entity.aliases]
    for roles in Mention.objects.values_list("roles", flat=True):
        strings += roles or []
    for quote in Quote.objects.select_related("paragraph"):
        strings += [quote.text, quote.speaker_name, quote.speaker_mention, quote.cue, quote.addressee]
    strings += [f.text for f in Figure.objects.all()] + [f.unit or "" for f in Figure.objects.all()]
    for note in list(Note.objects.all()) + list(NoteRevision.objects.all()):
        strings += [note.body, re.sub(r"<[^>]+>", "", note.body_html), getattr(note, "anchor_exact", "")]
    strings += BlockedName.objects.values_list("name", flat=True)
    # Result lines are written once, where the work ran (a worker, a poll): records, like the admin's history.
    strings += Job.objects.values_list("message", flat=True)
    strings += FeedLog.objects.values_list("message", flat=True)
    for user in get_user_model().objects.all():
        strings += [user.get_username(), user.get_full_name(), user.first_name, user.last_name]
    return sorted({" ".join(str(s).split()) for s in strings if s and len(str(s).strip()) >= 3}, key=len, reverse=True)


def _without_data(piece: str, corpus: list[str], joined: str) -> str:
    # Cut or highlighted data first (snippets, "…" endings, excerpts, a paragraph around a quote): three words or
    # more in a row found in the data; then the names and other short data left.
    words, kept, i = piece.split(), [], 0
    clean = [w.strip("„”“\"«»…'") for w in words]
    while i < len(words):
        j = i + 3
        if j <= len(words) and " ".join(clean[i:j]) in joined:
            while j < len(words) and " ".join(clean[i:j + 1]) in joined:
                j += 1
            kept.append("▪")
            i = j
            continue
        kept.append(words[i])
        i += 1
    piece = " ".join(kept)
    for data in corpus:
        if data in piece:
            piece = piece.replace(data, " ▪ ")
    return " ".join(piece.split())


def _offences(html: str, language: str, patterns, corpus, joined) -> list[str]:
    parser = _VisibleText(language)
    parser.feed(html)
    parser.close()
    own_words = ROMANIAN_WORDS if language == "ro" else ENGLISH_WORDS
    found = []
    for piece in dict.fromkeys(parser.pieces):
        if piece.startswith("{") and piece.endswith("}"):
            continue  # a JSON field shown as it is stored (an entity merge's record)
        rest = _without_data(piece, corpus, joined)
        words = {w.lower() for w in re.findall(r"[^\W\d_]+", rest)}
        foreign_words = (ENGLISH_WORDS if language == "ro" else ROMANIAN_WORDS) & words - (own_words & words)
        hits = set(patterns[language].findall(rest)) if patterns[language] else set()
        if language == "en" and ROMANIAN_LETTERS.search(rest):
            hits.add("ăâîșț")
        if foreign_words or hits:
            found.append(f"{sorted(hits | foreign_words)} in {rest[:160]!r}")
    return found


@pytest.fixture
def reading_room(seed_article, make_user):
    """One of everything the pages show: the seed article, notes (edited, trashed, detached), a merge, a blocked
    name, an editor and a superuser with their full names."""
    from reader import actions
    from reader.models import Batch, BlockedName, Entity, Feed, FeedLog, Job, Note, Quote

    editor = make_user("ana", editor=True, is_staff=True, first_name="Ana", last_name="Pop")
    reader = make_user("cititor")  # signed in, not an editor: refused the editors' pages
    admin = make_user("root", is_staff=True, is_superuser=True, first_name="Radu", last_name="Ionescu")
    paragraphs = list(seed_article.paragraphs.order_by("position"))
    note = actions.create_note(paragraph=paragraphs[3], by=editor, body="Context **important** aici.",
                               kind="context", visibility="public")
    actions.edit_note(note=note, by=editor, base_version=1, body="Context *verificat* aici.", kind="fact-check",
                      visibility="editors")
    trashed = actions.create_note(paragraph=paragraphs[4], by=editor, body="Notă ștearsă.", kind="internal",
                                  visibility="editors")
    actions.trash_note(note=trashed, by=editor)
    detached = actions.create_note(paragraph=paragraphs[5], by=editor, body="Notă detașată.", kind="correction",
                                   visibility="public")
    Note.objects.filter(pk=detached.pk).update(paragraph=None, candidate=paragraphs[5], candidate_score=82.0)
    one = Entity.objects.create(name="Ion Ionescu", type="PERSON", key="ion ionescu", slug="ion-ionescu")
    two = Entity.objects.create(name="I. Ionescu", type="PERSON", key="i ionescu", slug="i-ionescu")
    actions.merge_entities(source=two, target=one, by=admin)
    BlockedName.objects.create(name="Actualizare", key="actualizare", created_by=admin)
    feed = Feed.objects.create(url="https://exemplu.ro/rss", title="Exemplu")
    FeedLog.objects.create(feed=feed, level="error", message="HTTP 500", link="https://exemplu.ro/a")
    batch = Batch.objects.create(kind="import", label="a.txt", created_by=admin)
    # Result lines as the import and the queue store them: said in the page's language.
    Job.objects.create(batch=batch, name="a.txt", status="failed", outcome="failed", message="The file is empty.")
    Job.objects.create(batch=batch, name="b.txt", status="done", outcome="updated",
                       message="revision 2; notes: 1 placed, 0 detached; human quote decisions: 1 kept")
    speaker = Quote.objects.exclude(speaker=None).first().speaker
    return {"article": seed_article, "editor": editor, "admin": admin, "reader": reader, "note": note,
            "trashed": trashed, "entity": speaker}


def _pages(world) -> dict[str, list[tuple[str, str]]]:
    """(name, URL) to render, by who renders them."""
    from reader.models import (
        Article,
        Batch,
        BlockedName,
        Entity,
        EntityMerge,
        Feed,
        Figure,
        Mention,
        Note,
        Paragraph,
        Quote,
    )

    article, note = world["article"], world["note"]
    day = article.published_on
    word = article.title.split()[0]
    reader_pages = [
        ("index", reverse("reader:index")),
        ("article", article.get_absolute_url()),
        ("entity", reverse("reader:entity", args=[world["entity"].slug])),
        ("search", reverse("reader:search") + f"?q={word}"),
        ("archive", reverse("reader:archive")),
        ("archive year", reverse("reader:archive_year", args=[day.year])),
        ("archive month", reverse("reader:archive_month", args=[day.year, day.month])),
        ("archive day", reverse("reader:archive_day", args=[day.year, day.month, day.day])),
    ]
    editor_pages = reader_pages + [
        ("note edit", reverse("reader:note_edit", args=[note.pk])),
        ("note history", reverse("reader:note_history", args=[note.pk])),
        ("trash", reverse("reader:trash", args=[article.slug])),
        ("quote review", reverse("reader:review")),
    ]
    admin_pages = [("admin index", reverse("admin:index")), ("article import", reverse("admin:reader_article_import"))]
    for model in (Article, Paragraph, Entity, Mention, Quote, Figure, Note, EntityMerge, BlockedName, Feed, Batch):
        name = model._meta.model_name
        admin_pages.append((f"{name} list", reverse(f"admin:reader_{name}_changelist")))
        admin_pages.append((f"{name} page", reverse(f"admin:reader_{name}_change", args=[model.objects.first().pk])))
    admin_pages.append(("quote history", reverse("admin:reader_quote_history", args=[Quote.objects.first().pk])))
    # History lines of the world's merge and note edits, stored without a language.
    admin_pages.append(("entity history", reverse("admin:reader_entity_history",
                                                  args=[Entity.objects.get(name="Ion Ionescu").pk])))
    admin_pages.append(("detached notes", reverse("admin:reader_note_changelist") + "?anchoring=detached"))
    admin_pages.append(("entity merges", reverse("admin:reader_entitymerge_changelist")))
    return {"anonymous": reader_pages + [("login", reverse("login"))], "editor": editor_pages, "admin": admin_pages}


def _localised(url: str, language: str) -> str:
    return url if language == "ro" else "/en" + url


def _render_everything(world, language: str) -> dict[str, str]:
    """Every page, in ``language``, plus the pages people land on after an action (messages, form errors)."""
    from reader.models import Quote

    clients = {"anonymous": Client(), "editor": Client(), "admin": Client(), "reader": Client()}
    clients["reader"].force_login(world["reader"])
    clients["editor"].force_login(world["editor"])
    clients["admin"].force_login(world["admin"])
    headers = {"Accept-Language": "ro" if language == "en" else "en"}  # the URL decides, never the browser
    pages = {}
    for who, urls in _pages(world).items():
        for name, url in urls:
            response = clients[who].get(_localised(url, language), headers=headers)
            assert response.status_code == 200, (who, name, url, response.status_code)
            pages[f"{who}: {name}"] = response.content.decode()
    article, editor = world["article"], clients["editor"]
    paragraph = article.paragraphs.order_by("position")[2]
    posts = {
        "empty note": (reverse("reader:add_note", args=[article.slug, paragraph.position]), {"body": " "}),
        "note trashed": (reverse("reader:note_delete", args=[world["note"].pk]), {}),
        "note restored": (reverse("reader:note_restore", args=[world["note"].pk]), {}),
        "missed quote not found": (reverse("reader:quote_add", args=[article.slug, paragraph.position]),
                                   {"text": "cuvinte care nu sunt acolo", "speaker": "Ion", "kind": "direct"}),
        "speaker missing": (reverse("reader:quote_speaker", args=[Quote.objects.first().pk]), {"speaker": ""}),
    }
    for name, (url, data) in posts.items():
        response = editor.post(_localised(url, language), data, follow=True, headers=headers)
        pages[f"editor: {name}"] = response.content.decode()
    for name, url in {"page not found": "/nu-exista/", "refused": reverse("reader:trash", args=[article.slug])}.items():
        response = clients["anonymous" if name == "page not found" else "reader"].get(_localised(url, language))
        assert response.status_code in (403, 404), (name, response.status_code)
        pages[f"error: {name}"] = response.content.decode()
    admin = clients["admin"]
    entities = [str(world["entity"].pk), str(world["entity"].pk + 1)]
    response = admin.post(reverse("admin:reader_entity_changelist"),
                          {"action": "merge_selected", "_selected_action": entities}, headers=headers)
    pages["admin: merge form"] = response.content.decode()
    response = admin.post(reverse("admin:reader_article_changelist"),
                          {"action": "publish", "_selected_action": [str(article.pk)]}, follow=True, headers=headers)
    pages["admin: after an action"] = response.content.decode()
    return pages


@pytest.mark.slow  # every main page of both languages, the admin's included: seconds each
@pytest.mark.parametrize("language", ["en", "ro"])
def test_no_page_shows_a_string_of_the_other_language(reading_room, language):
    patterns = _foreign_patterns()
    corpus = _data_corpus()
    joined = "\n".join(corpus)
    offences = []
    for page, html in _render_everything(reading_room, language).items():
        assert f'<html lang="{language}"' in html, page
        offences += [f"{page}: {offence}" for offence in _offences(html, language, patterns, corpus, joined)]
    other = "Romanian" if language == "en" else "English"
    assert not offences, f"{len(offences)} {other} strings on {language} pages:\n" + "\n".join(offences)


def test_romanian_months_are_lowercase(client, seed_article):
    html = client.get(seed_article.get_absolute_url()).content.decode()
    assert "3 septembrie 2025</time>" in html
