"""A detached note on the reading page: the paragraphs its own selectors point to come first, never the title for a
note from the text, and a weak best guess is not preselected: the editor chooses."""

import re

import pytest

from reader.models import Note

pytestmark = pytest.mark.django_db


def detached_note(article, editor, *, candidate_position: int, score: float) -> Note:
    paragraph = article.paragraphs.get(position=6)
    note = Note.create(paragraph=paragraph, author=editor, body="Rămâne", kind="context", visibility="public")
    note.anchor_exact = "Un paragraf rescris cu totul, despre altceva decât oricare din articol."
    note.anchor_prefix = note.anchor_suffix = "nimic asemănător"
    note.detach(candidate=article.paragraphs.get(position=candidate_position), score=score)
    note.save()
    return note


def reattach_form(html: str, note: Note) -> str:
    return re.search(rf'<form method="post" action="/notes/{note.pk}/reattach/".*?</form>', html, re.S).group(0)


def test_a_weak_guess_preselects_nothing_and_the_title_is_not_suggested(editor_client, seed_article, editor):
    note = detached_note(seed_article, editor, candidate_position=7, score=20.0)
    form = reattach_form(editor_client.get(seed_article.get_absolute_url()).content.decode(), note)
    assert re.search(r'<option value="" selected>', form)
    suggested = re.search(r'<optgroup label="Cele mai apropiate">(.*?)</optgroup>', form, re.S).group(1)
    title = seed_article.paragraphs.get(role="title")
    assert suggested.count("<option") == 3 and f'value="{title.pk}"' not in suggested
    assert "required" in form


def test_a_confident_suggestion_is_preselected(editor_client, seed_article, editor):
    note = detached_note(seed_article, editor, candidate_position=7, score=90.0)
    note.anchor_exact = seed_article.paragraphs.get(position=7).text[:-3]
    note.save()
    form = reattach_form(editor_client.get(seed_article.get_absolute_url()).content.decode(), note)
    seventh = seed_article.paragraphs.get(position=7)
    assert f'<option value="{seventh.pk}" selected>' in form and '<option value="" selected>' not in form


def test_the_admin_action_takes_only_confident_candidates(admin_client, seed_article, editor, admin_user):
    from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
    from django.urls import reverse

    weak = detached_note(seed_article, admin_user, candidate_position=7, score=20.0)
    sure = detached_note(seed_article, admin_user, candidate_position=8, score=90.0)
    response = admin_client.post(reverse("admin:reader_note_changelist"),
                                 {"action": "reattach_to_candidate", ACTION_CHECKBOX_NAME: [weak.pk, sure.pk]},
                                 follow=True)
    weak.refresh_from_db(), sure.refresh_from_db()
    assert weak.paragraph is None and sure.paragraph.position == 8
    assert "potrivire slabă" in response.content.decode()
