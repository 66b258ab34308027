"""What signed-in pages and public notes give away (issue 20, rows 13 and 14): pages made for a signed-in user are
private to shared caches, made-up query strings do not defeat the shared page cache, readers see editors' names,
not their logins, and pages answer HEAD."""

import pytest
from django.urls import reverse

from reader.models import Note

pytestmark = pytest.mark.django_db


@pytest.fixture
def note(seed_article, make_user):
    author = make_user("ion.login", editor=True, first_name="Ion", last_name="Popescu")
    paragraph = seed_article.paragraphs.get(position=5)
    return Note.create(paragraph=paragraph, author=author, body="O notă.", kind="context", visibility="public")


def test_an_editors_view_of_a_draft_is_private_to_shared_caches(editor_client, seed_article):
    seed_article.unpublish()
    response = editor_client.get(seed_article.get_absolute_url())
    assert response.status_code == 200
    directives = {d.strip() for d in response["Cache-Control"].split(",")}
    assert {"private", "no-cache"} <= directives and "public" not in directives


def test_every_signed_in_page_is_private(editor_client, seed_article):
    for url in (reverse("reader:index"), reverse("reader:search") + "?q=Putin", reverse("admin:index")):
        response = editor_client.get(url)
        assert "private" in response.get("Cache-Control", ""), url


def test_anonymous_article_pages_stay_shareable(client, seed_article):
    response = client.get(seed_article.get_absolute_url())
    assert "private" not in response["Cache-Control"]


def test_a_made_up_query_string_does_not_render_the_article_again(client, seed_article, django_assert_num_queries):
    url = seed_article.get_absolute_url()
    client.get(url)  # stored in the shared page cache
    redirect = client.get(url + "?x=1")
    assert (redirect.status_code, redirect["Location"]) == (301, url)
    with django_assert_num_queries(1):  # the version check of the stored page, no rendering
        assert client.get(redirect["Location"]).status_code == 200


def test_public_notes_name_their_author_not_their_login(client, note, seed_article):
    page = client.get(seed_article.get_absolute_url()).content.decode()
    jsonld = client.get(reverse("reader:notes_jsonld", args=[seed_article.slug])).json()
    markdown = client.get(reverse("reader:notes_markdown", args=[seed_article.slug])).content.decode()
    api = client.get(f"/api/articles/{seed_article.slug}/notes").content.decode()
    assert "Ion Popescu" in page and "Ion Popescu" in markdown
    assert jsonld["first"]["items"][0]["creator"] == {"type": "Person", "name": "Ion Popescu"}
    for text in (page, str(jsonld), markdown, api):
        assert "ion.login" not in text


def test_an_editor_without_a_full_name_is_shown_as_the_newsroom(client, seed_article, editor):
    Note.create(paragraph=seed_article.paragraphs.get(position=5), author=editor, body="Alta.", kind="context",
                visibility="public")
    page = client.get(seed_article.get_absolute_url()).content.decode()
    assert "Redacția" in page and "· ana ·" not in page


@pytest.mark.parametrize("name", ["search", "note", "notes_jsonld", "notes_markdown"])
def test_pages_answer_head(client, note, seed_article, name):
    args = {"search": [], "note": [note.pk]}.get(name, [seed_article.slug])
    get, head = client.get(reverse(f"reader:{name}", args=args)), client.head(reverse(f"reader:{name}", args=args))
    assert head.status_code == get.status_code != 405
    assert head.content == b""


def test_the_front_page_article_and_entity_pages_answer_head(client, seed_article):
    from reader.models import Entity

    entity = Entity.objects.get(name="Vladimir Putin")
    for url in ("/", seed_article.get_absolute_url(), reverse("reader:entity", args=[entity.slug]),
                reverse("reader:archive")):
        get, head = client.get(url), client.head(url)
        assert head.status_code == get.status_code == 200, url
        assert head.content == b"", url
