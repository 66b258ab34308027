"""Entity pages and their API entries: bounded for huge articles, one query shape for both, and nothing
about drafts for readers (issue 20, rows 4 and 9)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from reader.models import Article, Entity, Mention, Paragraph, Quote

pytestmark = pytest.mark.django_db


@pytest.fixture
def huge_article(db):
    """One published article of 10,000 paragraphs (2 MB of raw text) whose speaker is quoted 600 times."""
    speaker = Entity.objects.create(name="Ion Vorbăreț", type="PERSON", key="ion vorbaret", slug="ion-vorbaret")
    article = Article.objects.create(slug="urias", import_key="urias.txt", title="Uriaș", status="published",
                                     raw_text="x" * 2_000_000, text_sha256="0")
    said = "„Bugetul crește anul acesta”, a spus Ion Vorbăreț."
    paragraphs = Paragraph.objects.bulk_create(
        Paragraph(article=article, position=i, role="body", text=f"{said} ({i})", fingerprint=f"{i:040d}")
        for i in range(10_000)
    )
    Quote.objects.bulk_create(
        Quote(paragraph=paragraphs[i * 16], article=article, start=1, end=27, speaker=speaker,
              speaker_name=speaker.name, confidence=0.9)
        for i in range(600)
    )
    Mention.objects.bulk_create(
        Mention(entity=speaker, paragraph=paragraphs[i], article=article, start=37, end=49) for i in range(50)
    )
    return article, speaker


def test_an_entity_of_a_huge_article_loads_no_article_text(client, huge_article):
    article, speaker = huge_article
    with CaptureQueriesContext(connection) as api_queries:
        body = client.get(f"/api/entities/{speaker.slug}").json()
    assert len(body["quotes"]) == 500  # the newest 500
    assert {q["text"] for q in body["quotes"]} == {"Bugetul crește anul acesta"}
    with CaptureQueriesContext(connection) as page_queries:
        page = client.get(reverse("reader:entity", args=[speaker.slug]))
    assert page.status_code == 200 and "„Bugetul crește anul acesta”" in page.content.decode()
    # The page has one query more than the API: the speaker's statements and where they were reported.
    for queries, most in ((api_queries, 8), (page_queries, 9)):
        sql = [q["sql"] for q in queries.captured_queries]
        assert len(sql) <= most, sql
        assert not any("raw_text" in s for s in sql), "an article's whole text was read"
    # The page and the API list the same quotes in the same order.
    assert [q.pk for q in page.context["quote_page"].object_list] == [q["id"] for q in body["quotes"][:25]]


@pytest.fixture
def draft_only(seed_article):
    """An entity mentioned only in a draft, and a draft-only alias of a published entity."""
    draft = Article.objects.create(slug="embargo", import_key="embargo.txt", title="Embargo", raw_text="-",
                                   text_sha256="0")
    paragraph = Paragraph.objects.create(article=draft, position=0, role="body", fingerprint="0" * 40,
                                         text="Ministrul Secret Viitorul, zis Vladimir cel Tainic, vine.")
    secret = Entity.objects.create(name="Secret Viitorul", type="PERSON", key="secret viitorul",
                                   slug="secret-viitorul", aliases=["Ministrul Secret"])
    Mention.objects.create(entity=secret, paragraph=paragraph, start=10, end=25)
    putin = Entity.objects.get(name="Vladimir Putin")
    putin.add_aliases(["Vladimir cel Tainic"])
    putin.save()
    Mention.objects.create(entity=putin, paragraph=paragraph, start=31, end=50)
    return secret, putin


@pytest.mark.parametrize("url", ["/e/{}/", "/api/entities/{}"])
def test_an_entity_found_only_in_drafts_is_not_found_by_readers(client, editor_client, draft_only, url):
    secret, _ = draft_only
    unknown = client.get(url.format("nobody-at-all"))
    response = client.get(url.format(secret.slug))
    assert response.status_code == unknown.status_code == 404
    assert "Secret Viitorul" not in response.content.decode()
    assert editor_client.get(url.format(secret.slug)).status_code == 200


@pytest.mark.parametrize("url", ["/e/{}/", "/api/entities/{}"])
def test_aliases_found_only_in_drafts_are_not_shown_to_readers(client, editor_client, draft_only, url):
    _, putin = draft_only
    assert "Vladimir cel Tainic" not in client.get(url.format(putin.slug)).content.decode()
    assert "Vladimir cel Tainic" in editor_client.get(url.format(putin.slug)).content.decode()


def test_the_article_api_shows_readers_only_the_aliases_the_article_uses(client, editor_client, draft_only,
                                                                       seed_article):
    _, putin = draft_only
    url = f"/api/articles/{seed_article.slug}"

    def aliases(c):
        return next(e["aliases"] for e in c.get(url).json()["entities"] if e["id"] == putin.pk)

    assert "Vladimir cel Tainic" not in aliases(client)
    assert "Vladimir cel Tainic" in aliases(editor_client)


def test_an_entity_quoted_in_a_published_article_stays_public_when_another_is_a_draft(client, draft_only):
    _, putin = draft_only
    assert client.get(f"/api/entities/{putin.slug}").json()["quotes"]


def test_a_speakers_quotes_are_paged_by_cursor_and_old_page_links_find_the_same_quotes(client, huge_article):
    _, speaker = huge_article
    url = reverse("reader:entity", args=[speaker.slug])
    seen, page = [], client.get(url)
    while True:
        quote_page = page.context["quote_page"]
        seen.append([q.pk for q in quote_page.object_list])
        if quote_page.older is None:
            break
        page = client.get(url, {"before": str(quote_page.older)})
    assert [len(p) for p in seen] == [25] * 20  # the newest 500, 25 a page
    flat = [pk for p in seen for pk in p]
    assert len(set(flat)) == 500 and flat == sorted(flat)  # the newest 500 of one article, in text order
    back = client.get(url, {"after": str(page.context["quote_page"].newer)})
    assert [q.pk for q in back.context["quote_page"].object_list] == seen[-2]
    old = client.get(url, {"page": "3"})
    assert old.status_code == 302
    assert [q.pk for q in client.get(old["Location"]).context["quote_page"].object_list] == seen[2]
    assert client.get(url, {"before": "yesterday"}).status_code == 404
