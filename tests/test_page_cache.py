"""The article page is cached per article version and answers conditional GETs."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils.http import http_date

from reader import actions
from reader.models import Article, Note, Quote

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


def test_second_anonymous_view_is_served_from_cache(client, seed_article, django_assert_max_num_queries):
    first = client.get(seed_article.get_absolute_url())
    with django_assert_max_num_queries(1):
        second = client.get(seed_article.get_absolute_url())
    assert second.content == first.content


def test_a_new_note_shows_at_once_despite_the_cache(client, seed_article, editor):
    client.get(seed_article.get_absolute_url())
    Note.create(paragraph=seed_article.paragraphs.get(position=5), author=editor, body="Proaspătă",
                kind="context", visibility="public")
    assert "Proaspătă" in client.get(seed_article.get_absolute_url()).content.decode()


def test_a_quote_decision_and_an_entity_rename_change_the_page(client, seed_article, editor):
    client.get(seed_article.get_absolute_url())
    quote = Quote.objects.filter(kind="direct").first()
    quote.reject(by=editor)
    assert f'id="q-{quote.pk}"' not in client.get(seed_article.get_absolute_url()).content.decode()
    rusia = quote.paragraph.article.paragraphs.first().mentions.first().entity
    actions.rename_entity(entity=rusia, name="Nume nou de test", by=editor)
    assert "Nume nou de test" in client.get(seed_article.get_absolute_url()).content.decode()


def test_conditional_get_answers_304_until_the_article_changes(client, seed_article, editor):
    response = client.get(seed_article.get_absolute_url())
    etag = response["ETag"]
    assert response["Last-Modified"]
    assert client.get(seed_article.get_absolute_url(), HTTP_IF_NONE_MATCH=etag).status_code == 304
    Note.create(paragraph=seed_article.paragraphs.get(position=5), author=editor, body="x", kind="context",
                visibility="public")
    assert client.get(seed_article.get_absolute_url(), HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_editors_never_get_the_anonymous_page(client, editor_client, seed_article, editor):
    Note.create(paragraph=seed_article.paragraphs.get(position=5), author=editor, body="Doar pentru redacție",
                kind="internal", visibility="editors")
    client.get(seed_article.get_absolute_url())
    assert "Doar pentru redacție" in editor_client.get(seed_article.get_absolute_url()).content.decode()
    assert "Doar pentru redacție" not in client.get(seed_article.get_absolute_url()).content.decode()
    anon_tag = client.get(seed_article.get_absolute_url())["ETag"]
    assert editor_client.get(seed_article.get_absolute_url(), HTTP_IF_NONE_MATCH=anon_tag).status_code == 200


def test_replayed_page_keeps_the_security_headers(client, seed_article):
    first = client.get(seed_article.get_absolute_url())
    replayed = client.get(seed_article.get_absolute_url())
    assert first["Content-Security-Policy"]
    for header in ("Content-Security-Policy", "X-Frame-Options", "ETag", "Content-Type", "Content-Language"):
        assert replayed[header] == first[header]


def test_an_unpublished_article_is_not_replayed_from_the_cache(client, seed_article):
    client.get(seed_article.get_absolute_url())
    seed_article.unpublish()
    assert client.get(seed_article.get_absolute_url()).status_code == 404


def test_a_reader_with_a_session_takes_the_full_path(client, seed_article, editor):
    client.get(seed_article.get_absolute_url())
    client.force_login(editor)
    client.logout()  # an anonymous session cookie may remain; the page must still be right
    response = client.get(seed_article.get_absolute_url())
    assert response.status_code == 200
    assert 'name="csrfmiddlewaretoken"' not in response.content.decode()


def test_replayed_page_answers_a_conditional_get(client, seed_article, django_assert_max_num_queries):
    etag = client.get(seed_article.get_absolute_url())["ETag"]
    with django_assert_max_num_queries(1):
        response = client.get(seed_article.get_absolute_url(), HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response["ETag"] == etag


def _weak(etag: str) -> str:
    return f"W/{etag}"


def test_a_weakened_etag_still_gets_304(client, editor_client, seed_article):
    # nginx turns ETag: "x" into W/"x" when it gzips the page; the browser sends that back.
    url = seed_article.get_absolute_url()
    anonymous = client.get(url)["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=_weak(anonymous)).status_code == 304  # replayed by the middleware
    assert client.get(url, HTTP_IF_NONE_MATCH=f'"other", {_weak(anonymous)}').status_code == 304
    cache.clear()
    assert client.get(url, HTTP_IF_NONE_MATCH=_weak(anonymous)).status_code == 304  # the view's own answer
    editor = editor_client.get(url)["ETag"]
    assert editor_client.get(url, HTTP_IF_NONE_MATCH=_weak(editor)).status_code == 304
    assert editor_client.get(url, HTTP_IF_NONE_MATCH=_weak(anonymous)).status_code == 200


def test_if_modified_since_gets_304_until_the_article_changes(client, editor_client, seed_article):
    url = seed_article.get_absolute_url()
    last_modified = client.get(url)["Last-Modified"]
    before = http_date(seed_article.updated_at.timestamp() - 60)
    for c in (client, editor_client):
        assert c.get(url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
        assert c.get(url, HTTP_IF_MODIFIED_SINCE=before).status_code == 200
    cache.clear()
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304  # the view's own answer
    # Last-Modified has whole seconds: a change is seen once the clock passes the second the copy was made.
    Article.objects.filter(pk=seed_article.pk).update(updated_at=seed_article.updated_at + timedelta(seconds=2))
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 200
    assert editor_client.get(url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 200


def test_an_etag_that_does_not_match_wins_over_if_modified_since(client, seed_article):
    url = seed_article.get_absolute_url()
    last_modified = client.get(url)["Last-Modified"]
    response = client.get(url, HTTP_IF_NONE_MATCH='"stale"', HTTP_IF_MODIFIED_SINCE=last_modified)
    assert response.status_code == 200
