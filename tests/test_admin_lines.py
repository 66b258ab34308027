"""History lines and import results are stored without a language and said in the curator's: Romanian at /admin/,
English at /en/admin/; a line stored as plain text (before, or by other code) is shown as it was stored."""

import json

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from reader import actions
from reader.admin_lines import HISTORY, history_line, history_text, result_text
from reader.models import Batch, Entity, Quote
from tests.jobqueue import run_worker

pytestmark = pytest.mark.django_db


def _page(client, url: str, language: str) -> str:
    html = client.get(("/en" if language == "en" else "") + url).content.decode()
    translation.activate("ro")  # the request left its language active: reverse() would build /en/ URLs
    return " ".join(html.split())


def test_a_history_line_is_romanian_in_the_romanian_admin_and_english_in_the_english_one(admin_client, admin_user,
                                                                                         seed_article):
    entity = Entity.objects.get(name="Vladimir Putin")
    actions.rename_entity(entity=entity, name="V. V. Putin", by=admin_user)
    actions.edit_entity(entity=entity, by=admin_user, type="ORGANIZATION")
    entry = LogEntry.objects.filter(object_id=str(entity.pk)).order_by("pk").first()
    assert json.loads(entry.change_message) == [{"reader": {"line": "renamed", "values": {"old": "Vladimir Putin"}}}]

    url = reverse("admin:reader_entity_history", args=[entity.pk])
    romanian, english = _page(admin_client, url, "ro"), _page(admin_client, url, "en")
    assert "redenumită din „Vladimir Putin”" in romanian and "S-au schimbat tip." in romanian
    assert "renamed from “Vladimir Putin”" in english and "Changed type." in english
    assert "renamed" not in romanian and "redenumită" not in english


def test_a_quote_decision_says_where_it_was_taken_in_each_language(admin_client, editor_client, seed_article):
    quote = Quote.objects.first()
    editor_client.post(reverse("reader:quote_confirm", args=[quote.pk]))
    url = reverse("admin:reader_quote_history", args=[quote.pk])
    assert "citat confirmat pe pagina articolului" in _page(admin_client, url, "ro")
    assert "quote confirmed on the reading page" in _page(admin_client, url, "en")


def test_a_line_stored_as_text_is_shown_as_stored(admin_client, admin_user, seed_article):
    entity = Entity.objects.get(name="Vladimir Putin")
    LogEntry.objects.create(user=admin_user, content_type=ContentType.objects.get_for_model(Entity),
                            object_id=str(entity.pk), object_repr=str(entity), action_flag=CHANGE,
                            change_message="renamed from “Putin”")
    url = reverse("admin:reader_entity_history", args=[entity.pk])
    assert "renamed from “Putin”" in _page(admin_client, url, "ro")
    assert "renamed from “Putin”" in _page(admin_client, url, "en")


def test_every_history_line_is_said_in_both_languages():
    values = {"old": "A", "name": "B", "source": "C", "id": 7, "target": "D", "where": "on the review screen",
              "speaker": "E", "verdict": "altered", "rating": "Fals", "value": 1, "best": 5,
              "detail": "revision 3", "position": 4}
    for key in HISTORY:
        entry = LogEntry(change_message=history_line(key, **values))
        with translation.override("ro"):
            romanian = history_text(entry)
        with translation.override("en"):
            english = history_text(entry)
        assert romanian and english and romanian != english, key
    entry = LogEntry(change_message=history_line("statement_verdict", verdict="altered"))
    with translation.override("en"):
        assert history_text(entry) == "statement version marked “altered”"
    with translation.override("ro"):
        assert history_text(entry) == "versiunea declarației marcată „modificată”"


def test_import_results_are_romanian_in_the_romanian_admin_and_english_in_the_english_one(admin_client):
    response = admin_client.post(reverse("admin:reader_article_import"), {"files": [
        SimpleUploadedFile("bun.txt", "date 2025-03-04 TEST\nConsiliul votează bugetul\n\nPrimăria a prezentat "
                                      "bugetul.\n".encode()),
        SimpleUploadedFile("gol.txt", b""),
    ]})
    assert response.status_code == 302
    run_worker()
    batch = Batch.objects.get()
    assert dict(batch.jobs.values_list("name", "message")) == {"bun.txt": "revision 1",
                                                               "gol.txt": "The file is empty."}
    url = reverse("admin:reader_batch_change", args=[batch.pk])
    romanian, english = _page(admin_client, url, "ro"), _page(admin_client, url, "en")
    assert "<td>revizia 1</td>" in romanian and "<td>Fișierul e gol.</td>" in romanian
    assert "<td>revision 1</td>" in english and "<td>The file is empty.</td>" in english
    article = batch.jobs.get(name="bun.txt").article
    history = reverse("admin:reader_article_history", args=[article.pk])
    assert "importat din bun.txt" in _page(admin_client, history, "ro")
    assert "imported from bun.txt" in _page(admin_client, history, "en")


@pytest.mark.parametrize(("stored", "romanian", "english"), [
    ("re-extracted as revision 2; notes: 3 placed, 1 detached; human quote decisions: 2 kept, 1 whose text is gone",
     "reextras, revizia 2; note: 3 puse la loc, 1 detașate; decizii ale redacției asupra citatelor: 2 păstrate, "
     "1 al căror text a dispărut",
     "re-extracted as revision 2; notes: 3 placed, 1 detached; human quote decisions: 2 kept, 1 whose text is gone"),
    ("The file is too large (6,291,456 bytes); the limit is 5,242,880 bytes.",
     "Fișierul e prea mare (6.291.456 octeți); limita e de 5.242.880 octeți.",
     "The file is too large (6,291,456 bytes); the limit is 5,242,880 bytes."),
    ("12 rows: 11 imported, 1 failed; first failure: export.jsonl#3: The file is empty.",
     "12 rânduri: 11 importat, 1 eșuat; primul eșec: export.jsonl#3: Fișierul e gol.",
     "12 rows: 11 imported, 1 failed; first failure: export.jsonl#3: The file is empty."),
    ("try 1 failed, trying again: the database refused it (database is locked)",
     "încercarea 1 a eșuat, se reîncearcă: baza de date l-a refuzat (database is locked)",
     "try 1 failed, trying again: the database refused it (database is locked)"),
    ("1 article(s), 4 annotation(s), 12,345 characters", "articole: 1, adnotări: 4, caractere: 12.345",
     "articles: 1, annotations: 4, characters: 12,345"),
    ("ValueError: a bug in one file", "ValueError: a bug in one file", "ValueError: a bug in one file"),
])
def test_result_lines_in_each_language(stored, romanian, english):
    with translation.override("ro"):
        assert result_text(stored) == romanian
    with translation.override("en"):
        assert result_text(stored) == english
