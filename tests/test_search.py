"""Search across articles, quotes and notes (reader/search.py); runs on SQLite and on PostgreSQL."""

from datetime import date, timedelta
from urllib.parse import urlencode

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from reader.ingest import import_article
from reader.models import Article, Note, Paragraph
from reader.search import Filters, fold_text, search, snippet


@pytest.fixture
def anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


def _slugs(results):
    return [hit.article.slug for hit in results.articles]


@pytest.mark.parametrize("query", ["multumeste", "MULȚUMEȘTE", "mulţumeşte", "Mulțumește", "mulTUMESTE"])
def test_search_ignores_case_diacritics_and_cedilla_or_comma_below(seed_article, anonymous, query):
    results = search(query, user=anonymous)
    assert _slugs(results) == [seed_article.slug]
    assert results.articles[0].anchor == "p-0"  # the title matched: the hit points at it


def test_every_spelling_of_a_word_gives_the_same_results(seed_article, anonymous):
    def summary(query):
        r = search(query, user=anonymous)
        return _slugs(r), [h.quote.pk for h in r.quotes]

    assert summary("soldații") == summary("soldatii") == summary("SOLDAŢII") == summary("Soldaţii")


def test_words_match_the_start_of_words_and_all_must_be_present(seed_article, anonymous):
    assert _slugs(search("solda kursk", user=anonymous)) == [seed_article.slug]
    assert search("kursk zzzunknown", user=anonymous).total == 0
    assert search("urs", user=anonymous).quotes == []  # "Kursk" holds "urs" but does not start with it


def test_quotes_are_found_by_their_own_words_with_highlighted_snippets(seed_article, anonymous):
    results = search("curaj eroism", user=anonymous)
    texts = [hit.quote.text for hit in results.quotes]
    assert "Soldații dumneavoastră au luptat cu curaj și eroism." in texts
    assert all("curaj" in t and "eroism" in t for t in texts)
    assert all("<mark>curaj</mark>" in h.snippet and "<mark>eroism</mark>" in h.snippet for h in results.quotes)
    assert search("Ucrainei soldații", user=anonymous).quotes[0].quote.kind == "indirect"  # the title's


def test_snippets_escape_article_text(anonymous):
    html = str(snippet("Un <b>titlu</b> & altceva", ["titlu"]))
    assert html == "Un &lt;b&gt;<mark>titlu</mark>&lt;/b&gt; &amp; altceva"


def test_folding_keeps_offsets_of_the_original_text():
    text = "Ştiinţa și ȘTIRILE, Jong-un"
    assert len(fold_text(text)) == len(text)
    assert fold_text(text) == "stiinta si stirile, jong-un"


def test_drafts_are_found_only_by_editors(seed_article, anonymous, editor):
    seed_article.unpublish()
    assert search("Kursk", user=anonymous).total == 0
    assert _slugs(search("Kursk", user=editor)) == [seed_article.slug]


def test_notes_are_found_and_editors_only_notes_stay_hidden_from_readers(seed_article, anonymous, editor):
    paragraph = seed_article.paragraphs.get(position=5)
    public = Note.create(paragraph=paragraph, author=editor, body="Întâlnirea a avut loc la **Vladivostok**.",
                         kind="context", visibility="public")
    private = Note.create(paragraph=paragraph, author=editor, body="De verificat: Vladivostok sau Beijing?",
                          kind="internal", visibility="editors")
    assert [h.note for h in search("vladivostok", user=anonymous).notes] == [public]
    assert {h.note for h in search("vladivostok", user=editor).notes} == {public, private}


def test_edited_and_deleted_notes_are_searched_as_they_are_now(seed_article, anonymous, editor):
    paragraph = seed_article.paragraphs.get(position=5)
    note = Note.create(paragraph=paragraph, author=editor, body="Prima formă: Habarovsk.", kind="context",
                       visibility="public")
    note.edit(by=editor, base_version=1, body="A doua formă: Irkutsk.", kind="context", visibility="public")
    assert search("habarovsk", user=anonymous).notes == []
    assert [h.note for h in search("irkutsk", user=anonymous).notes] == [note]
    note.soft_delete()
    assert search("irkutsk", user=anonymous).notes == []


def test_the_index_follows_bulk_imports_and_reimports(db, anonymous):
    first = import_article(name="x.txt", data="date 2025-01-02 TEST\nTitlu despre Brăila\n\nUn paragraf.\n".encode(),
                           publish=True)
    assert _slugs(search("braila", user=anonymous)) == [first.article.slug]
    import_article(name="x.txt", data="date 2025-01-02 TEST\nTitlu despre Galați\n\nUn paragraf.\n".encode(),
                   publish=True)
    assert search("braila", user=anonymous).total == 0
    assert _slugs(search("galati", user=anonymous)) == [first.article.slug]
    Paragraph.objects.filter(article=first.article).delete()
    assert search("galati", user=anonymous).total == 0


def test_filters_narrow_by_speaker_entity_source_and_date(seed_article, anonymous):
    by_putin = search("", user=anonymous, filters=Filters(speaker="Vladimir Putin"))
    assert by_putin.quotes and {h.quote.display_speaker for h in by_putin.quotes} == {"Vladimir Putin"}
    assert search("", user=anonymous, filters=Filters(speaker="vladimir putin")).quotes == by_putin.quotes
    assert search("curaj", user=anonymous, filters=Filters(speaker="Nimeni Altcineva")).total == 0
    assert _slugs(search("curaj", user=anonymous, filters=Filters(entity="Coreea de Nord"))) == [seed_article.slug]
    assert search("curaj", user=anonymous, filters=Filters(entity="Atlantida")).total == 0
    assert _slugs(search("curaj", user=anonymous, filters=Filters(source="lume"))) == [seed_article.slug]
    assert search("curaj", user=anonymous, filters=Filters(source="ALTA")).total == 0
    assert search("curaj", user=anonymous, filters=Filters(date_from=date(2025, 9, 4))).total == 0
    inside = Filters(date_from=date(2025, 9, 3), date_to=date(2025, 9, 3))
    assert _slugs(search("curaj", user=anonymous, filters=inside)) == [seed_article.slug]


def test_articles_rank_by_matching_paragraphs_then_newest(db, anonymous):
    for name, text in [("a.txt", "date 2025-01-01 TEST\nDespre Cluj\n\nCluj din nou.\n"),
                       ("b.txt", "date 2025-02-01 TEST\nAlt titlu\n\nO dată Cluj.\n"),
                       ("c.txt", "date 2025-03-01 TEST\nAlt titlu nou\n\nTot o dată Cluj.\n")]:
        import_article(name=name, data=text.encode(), publish=True)
    titles = [h.article.title for h in search("cluj", user=anonymous).articles]
    assert titles == ["Despre Cluj", "Alt titlu nou", "Alt titlu"]


def test_search_page_works_as_a_plain_form(client, seed_article):
    response = client.get(reverse("reader:search"), {"q": "stiinta kursk", "source": "", "from": "2025-02-30"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" in html and 'id="search-results"' in html
    response = client.get(reverse("reader:search"), {"q": "kursk"})
    html = response.content.decode()
    assert seed_article.get_absolute_url() in html and "<mark>Kursk</mark>" in html


def test_search_page_answers_htmx_with_only_the_results(client, seed_article):
    response = client.get(reverse("reader:search"), {"q": "Kursk"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "<html" not in html and html.lstrip().startswith('<div id="search-results"')
    assert "<mark>Kursk</mark>" in html


def test_history_restore_gets_the_whole_page(client, seed_article):
    headers = {"HX-Request": "true", "HX-History-Restore-Request": "true"}
    assert "<html" in client.get(reverse("reader:search"), {"q": "Kursk"}, headers=headers).content.decode()


def test_search_page_escapes_the_query(client, db):
    html = client.get(reverse("reader:search"), {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html


def test_search_page_never_shows_drafts_to_readers(client, seed_article):
    Article.objects.filter(pk=seed_article.pk).update(status=Article.Status.DRAFT)
    html = client.get(reverse("reader:search"), {"q": "Kursk"}).content.decode()
    assert seed_article.title not in html


def _archive_of_matches(n: int, *, draft_every: int = 0) -> list[Article]:
    """``n`` articles (two paragraphs each matching "bugetar"), dated a day apart, imported in date order."""
    articles = Article.objects.bulk_create(
        Article(slug=f"b-{i}", import_key=f"b-{i}.txt", title=f"Buget {i}", raw_text="x", text_sha256="0",
                source="LUME" if i % 2 else "SPORT", published_on=date(2024, 1, 1) + timedelta(days=i),
                status="draft" if draft_every and i % draft_every == 0 else "published")
        for i in range(n)
    )
    Paragraph.objects.bulk_create(
        Paragraph(article=a, position=k, role="title" if k == 0 else "body", fingerprint=f"{a.pk}-{k}",
                  text=f"Proiectul bugetar numărul {a.pk}, paragraful {k}.")
        for a in articles for k in range(2)
    )
    return articles


def _walk(client, params: dict) -> list[list[str]]:
    pages, url = [], reverse("reader:search") + "?" + urlencode(params)
    while url:
        response = client.get(url)
        assert response.status_code == 200
        pages.append([hit.article.slug for hit in response.context["results"].articles])
        older = response.context["pages"].get("older")
        url = reverse("reader:search") + older if older else None
        assert len(pages) < 20
    return pages


@pytest.mark.parametrize("params", [{"q": "bugetar"}, {"source": "LUME"}], ids=["words", "filters only"])
def test_results_come_a_page_at_a_time_newest_first_each_once(client, db, params):
    articles = _archive_of_matches(70, draft_every=9)
    visible = [a.slug for a in reversed(articles) if a.status == "published"
               and ("source" not in params or a.source == params["source"])]
    pages = _walk(client, params)
    assert [slug for page in pages for slug in page] == visible  # one date a day: newest first is import order
    assert all(len(page) == 25 for page in pages[:-1])
    assert client.get(reverse("reader:search"), {**params, "before": "x"}).status_code == 404


def test_later_pages_cost_what_the_first_does(client, db):
    _archive_of_matches(120)
    with CaptureQueriesContext(connection) as first_queries:
        first = client.get(reverse("reader:search"), {"q": "bugetar"})
    with CaptureQueriesContext(connection) as deeper_queries:
        deeper = client.get(reverse("reader:search") + first.context["pages"]["older"])
    assert deeper.status_code == 200 and "cele mai noi rezultate" in deeper.content.decode()
    assert len(deeper.context["results"].articles) == 25
    assert len(deeper_queries) <= len(first_queries) <= 8
