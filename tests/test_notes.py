import pytest
from django.test import Client
from django.urls import reverse

from reader.models import Note

pytestmark = pytest.mark.django_db


def note_url(article, position=5):
    return reverse("reader:add_note", args=[article.slug, position])


def test_editor_adds_a_note_with_a_plain_form_post(editor_client, seed_article):
    response = editor_client.post(
        note_url(seed_article), {"body": "Vezi **contextul**.", "kind": "context", "visibility": "public"}
    )
    assert response.status_code == 302
    assert response["Location"].endswith("#p-5")
    note = Note.objects.get()
    assert note.paragraph.position == 5
    assert note.body_html == "<p>Vezi <strong>contextul</strong>.</p>"
    page = editor_client.get(seed_article.get_absolute_url()).content.decode()
    assert "Vezi <strong>contextul</strong>." in page


def test_editor_adds_a_note_with_htmx_and_gets_the_fragment(editor_client, seed_article):
    response = editor_client.post(
        note_url(seed_article),
        {"body": "Notă rapidă", "kind": "context", "visibility": "public"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith('<div class="notes" id="p-5-notes">')
    assert "Notă rapidă" in html
    assert "<html" not in html


def test_an_empty_note_is_refused_and_nothing_saved(editor_client, seed_article):
    response = editor_client.post(
        note_url(seed_article), {"body": "   ", "kind": "context", "visibility": "public"}, HTTP_HX_REQUEST="true"
    )
    assert "Nota este goală" in response.content.decode()
    assert Note.objects.count() == 0


def test_anonymous_visitor_is_sent_to_login_and_nothing_saved(client, seed_article):
    response = client.post(note_url(seed_article), {"body": "spam", "kind": "context", "visibility": "public"})
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert Note.objects.count() == 0


def test_logged_in_reader_without_editor_role_is_forbidden(client, make_user, seed_article):
    client.force_login(make_user("cititor"))
    response = client.post(note_url(seed_article), {"body": "spam", "kind": "context", "visibility": "public"})
    assert response.status_code == 403
    assert Note.objects.count() == 0


def test_note_post_without_csrf_token_is_rejected(editor, seed_article):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(editor)
    response = strict.post(note_url(seed_article), {"body": "x", "kind": "context", "visibility": "public"})
    assert response.status_code == 403
    assert Note.objects.count() == 0


def test_add_note_control_shown_only_to_editors(client, editor_client, seed_article):
    assert "Adaugă notă" not in client.get(seed_article.get_absolute_url()).content.decode()
    assert "Adaugă notă" in editor_client.get(seed_article.get_absolute_url()).content.decode()


def test_editors_only_notes_are_hidden_from_readers(client, editor_client, seed_article, editor):
    paragraph = seed_article.paragraphs.get(position=5)
    Note.objects.create(paragraph=paragraph, author=editor, body="Public", visibility="public")
    Note.objects.create(paragraph=paragraph, author=editor, body="Secret de redacție", visibility="editors")
    Note.objects.create(paragraph=paragraph, author=editor, body="Șters", deleted_at="2025-01-01T00:00Z")
    reader_page = client.get(seed_article.get_absolute_url()).content.decode()
    editor_page = editor_client.get(seed_article.get_absolute_url()).content.decode()
    assert "Public" in reader_page and "Secret de redacție" not in reader_page
    assert "Secret de redacție" in editor_page
    assert "Șters" not in reader_page and "Șters" not in editor_page


def test_note_bodies_are_sanitised(editor_client, seed_article):
    body = "<script>alert(1)</script> [x](javascript:alert(2)) [ok](https://example.org/a?b=1&c=2)"
    editor_client.post(note_url(seed_article), {"body": body, "kind": "context", "visibility": "public"})
    html = Note.objects.get().body_html
    assert "<script" not in html and "javascript:" not in html.replace("[x](javascript:alert(2))", "")
    assert '<a href="https://example.org/a?b=1&amp;c=2" rel="nofollow noopener">ok</a>' in html
