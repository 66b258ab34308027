import pytest
from django.urls import reverse

from reader.models import Note

pytestmark = pytest.mark.django_db


@pytest.fixture
def note(seed_article, editor):
    paragraph = seed_article.paragraphs.get(position=6)
    return Note.create(paragraph=paragraph, author=editor, body="Prima versiune", kind="context", visibility="public")


def edit(client, note, body, base_version, **extra):
    data = {"body": body, "kind": "context", "visibility": "public", "base_version": base_version}
    return client.post(reverse("reader:note_edit", args=[note.pk]), data, **extra)


def test_new_note_remembers_its_anchor_and_first_revision(note):
    assert note.anchor_exact == note.paragraph.text
    assert note.anchor_fingerprint == note.paragraph.fingerprint
    assert len(note.anchor_prefix) >= 32 and len(note.anchor_suffix) >= 32
    assert list(note.revisions.values_list("version", "body")) == [(1, "Prima versiune")]


def test_edit_bumps_the_version_and_keeps_a_revision(editor_client, note):
    response = edit(editor_client, note, "A doua versiune", 1)
    assert response.status_code == 302
    note.refresh_from_db()
    assert (note.version, note.body, note.edited_at is not None) == (2, "A doua versiune", True)
    assert list(note.revisions.values_list("version", flat=True)) == [1, 2]


def test_stale_edit_gets_409_shows_both_texts_and_overwrites_nothing(editor_client, note):
    edit(editor_client, note, "Salvată de primul editor", 1)
    response = edit(editor_client, note, "Textul celui de-al doilea", 1)
    assert response.status_code == 409
    html = response.content.decode()
    assert "Salvată de primul editor" in html and "Textul celui de-al doilea" in html
    assert 'name="base_version" value="2"' in html  # the next save merges on top of the saved version
    note.refresh_from_db()
    assert note.body == "Salvată de primul editor" and note.version == 2


def test_htmx_edit_conflict_returns_the_form_fragment_with_409(editor_client, note):
    edit(editor_client, note, "Primul", 1)
    response = edit(editor_client, note, "Al doilea", 1, HTTP_HX_REQUEST="true")
    assert response.status_code == 409
    assert response.content.decode().lstrip().startswith(f'<form id="note-{note.pk}"')


def test_htmx_edit_returns_the_updated_note_fragment(editor_client, note):
    response = edit(editor_client, note, "Nou **text**", 1, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith(f'<aside class="note kind-context" id="note-{note.pk}"')
    assert "Nou <strong>text</strong>" in html


def test_delete_is_soft_and_restore_brings_it_back(editor_client, note, seed_article):
    editor_client.post(reverse("reader:note_delete", args=[note.pk]))
    note.refresh_from_db()
    assert note.deleted_at is not None
    assert "Prima versiune" not in editor_client.get(seed_article.get_absolute_url()).content.decode()
    trash = editor_client.get(reverse("reader:trash", args=[seed_article.slug])).content.decode()
    assert "Prima versiune" in trash
    editor_client.post(reverse("reader:note_restore", args=[note.pk]))
    note.refresh_from_db()
    assert note.deleted_at is None
    assert "Prima versiune" in editor_client.get(seed_article.get_absolute_url()).content.decode()


def test_history_lists_revisions_and_restoring_one_makes_a_new_version(editor_client, note):
    edit(editor_client, note, "A doua", 1)
    history = editor_client.get(reverse("reader:note_history", args=[note.pk])).content.decode()
    assert "Versiunea 2 (curentă)" in history and "Prima versiune" in history
    editor_client.post(reverse("reader:note_revision_restore", args=[note.pk, 1]))
    note.refresh_from_db()
    assert (note.version, note.body) == (3, "Prima versiune")
    assert note.revisions.count() == 3


def test_exports_give_web_annotations_and_markdown(client, note, seed_article):
    data = client.get(reverse("reader:notes_jsonld", args=[seed_article.slug])).json()
    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld"
    item = data["first"]["items"][0]
    quote_sel, position_sel = item["target"]["selector"]
    assert quote_sel["type"] == "TextQuoteSelector" and quote_sel["exact"] == note.paragraph.text
    assert position_sel["type"] == "TextPositionSelector"
    full_text = "\n\n".join(seed_article.paragraphs.order_by("position").values_list("text", flat=True))
    assert full_text[position_sel["start"] : position_sel["end"]] == note.paragraph.text
    markdown = client.get(reverse("reader:notes_markdown", args=[seed_article.slug])).content.decode()
    assert "Prima versiune" in markdown and "¶6" in markdown


def test_exports_leave_out_editors_only_notes_for_readers(client, editor_client, seed_article, editor):
    Note.create(paragraph=seed_article.paragraphs.get(position=6), author=editor, body="Intern", kind="internal",
                visibility="editors")
    assert "Intern" not in client.get(reverse("reader:notes_markdown", args=[seed_article.slug])).content.decode()
    assert "Intern" in editor_client.get(reverse("reader:notes_markdown", args=[seed_article.slug])).content.decode()


def test_reattaching_a_note_is_recorded_and_offered_only_to_who_may_move_it(client, editor_client, note, make_user):
    from django.contrib.admin.models import LogEntry

    from reader.admin_lines import history_text

    note.detach(candidate=note.article.paragraphs.get(position=7), score=0.4)
    note.save()
    other = make_user("alt-redactor", editor=True)
    client.force_login(other)
    assert 'class="reattach"' not in client.get(note.article.get_absolute_url()).content.decode()
    assert client.post(reverse("reader:note_reattach", args=[note.pk])).status_code == 403
    assert 'class="reattach"' in editor_client.get(note.article.get_absolute_url()).content.decode()
    # A weak suggestion (score below SUGGEST_SCORE) is never taken for the editor: they choose.
    assert editor_client.post(reverse("reader:note_reattach", args=[note.pk])).status_code == 302
    note.refresh_from_db()
    assert note.paragraph is None
    seventh = note.article.paragraphs.get(position=7)
    url = reverse("reader:note_reattach", args=[note.pk])
    assert editor_client.post(url, {"paragraph": seventh.pk}).status_code == 302
    note.refresh_from_db()
    assert note.paragraph.position == 7
    entry = LogEntry.objects.get(object_id=str(note.pk))
    assert (entry.user.username, history_text(entry)) == ("ana", "reatașată la paragraful 7")


def test_a_note_and_its_first_revision_are_written_together(seed_article, editor, monkeypatch):
    from reader.models import NoteRevision

    def broken(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(NoteRevision, "save", broken)
    with pytest.raises(RuntimeError):
        Note.create(paragraph=seed_article.paragraphs.get(position=6), author=editor, body="x", kind="context",
                    visibility="public")
    assert not Note.objects.exists()
