"""Curation in the admin: counts, import, review queue, merging, blocking, re-extraction, history."""

import io
import zipfile

import pytest
from django.contrib.admin.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from reader.admin_lines import history_text
from reader.models import Article, BlockedName, Entity, EntityMerge, Mention, Note, Quote
from tests.jobqueue import run_worker

pytestmark = pytest.mark.django_db
ACTION = "_selected_action"


def _history(object_id) -> list[str]:
    """An object's History lines as the admin shows them, oldest first, in the active language."""
    return [history_text(entry) for entry in LogEntry.objects.filter(object_id=str(object_id)).order_by("pk")]


def test_article_list_shows_counts_of_quotes_entities_notes_and_unverified(admin_client, seed_article, editor):
    Note.create(
        paragraph=seed_article.paragraphs.get(position=5), author=editor, body="n", kind="context", visibility="public"
    )
    response = admin_client.get(reverse("admin:reader_article_changelist"))
    row = response.context["cl"].result_list[0]
    assert row.quote_count == Quote.objects.exclude(status="rejected").count()
    assert row.note_count == 1
    assert row.entity_count == Entity.objects.filter(mentions__paragraph__article=seed_article).distinct().count()
    assert row.unverified_count == Quote.objects.filter(status="machine", confidence__lt=Quote.CONFIDENT).count()


def test_article_list_filters_by_detached_notes(admin_client, seed_article, editor):
    url = reverse("admin:reader_article_changelist")
    assert len(admin_client.get(url + "?detached=yes").context["cl"].result_list) == 0
    note = Note.create(
        paragraph=seed_article.paragraphs.get(position=5), author=editor, body="n", kind="context", visibility="public"
    )
    note.detach(candidate=None, score=0)
    note.save()
    assert len(admin_client.get(url + "?detached=yes").context["cl"].result_list) == 1


def test_admin_import_reports_each_file_and_a_bad_file_does_not_stop_the_others(admin_client, seed_bytes):
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("din-arhiva.txt", seed_bytes.replace(b"LUME", b"ARHIVA").replace(b"Putin \xc3\xaei", b"Putin ii"))
        z.writestr("poza.jpg", b"\xff\xd8\xff")
    files = [
        SimpleUploadedFile("bun.txt", seed_bytes),
        SimpleUploadedFile("gol.txt", b""),
        SimpleUploadedFile("binar.txt", bytes(range(256)) * 4),
        SimpleUploadedFile("pachet.zip", archive.getvalue()),
    ]
    response = admin_client.post(reverse("admin:reader_article_import"), {"files": files, "publish": "on"})
    run_worker()  # the upload queued one job per article (tests/test_jobs.py follows the batch page)
    response = admin_client.get(response["Location"])
    results = {job.name: job for job in response.context["lines"]}
    assert {name: r.outcome for name, r in results.items()} == {
        "bun.txt": "imported",
        "gol.txt": "failed",
        "binar.txt": "failed",
        "din-arhiva.txt": "imported",
    }
    assert "empty" in results["gol.txt"].message.lower()
    assert Article.objects.published().count() == 2
    html = response.content.decode()
    assert "import-failed" in html and "import-imported" in html


def test_bulk_confirm_and_reject_in_the_review_queue(admin_client, seed_article):
    queue = admin_client.get(reverse("admin:reader_quote_changelist")).context["cl"].result_list
    confidences = [q.confidence for q in queue]
    assert confidences == sorted(confidences)  # least confident first
    first, second, third = (q.pk for q in queue[:3])
    url = reverse("admin:reader_quote_changelist")
    admin_client.post(url, {"action": "confirm", ACTION: [first, second]})
    admin_client.post(url, {"action": "reject", ACTION: [third]})
    statuses = dict(Quote.objects.filter(pk__in=[first, second, third]).values_list("pk", "status"))
    assert statuses == {first: "confirmed", second: "confirmed", third: "rejected"}
    assert _history(third) == ["respins: nu e citat"]


def test_changing_a_speaker_in_the_admin_marks_the_quote_corrected(admin_client, seed_article):
    quote = Quote.objects.filter(kind="direct").first()
    kim = Entity.objects.get(name="Kim Jong-un")
    url = reverse("admin:reader_quote_change", args=[quote.pk])
    data = {
        "speaker": kim.pk,
        "speaker_name": quote.speaker_name,
        "kind": quote.kind,
        "cue": quote.cue,
        "addressee": quote.addressee,
        "status": quote.status,
    }
    assert admin_client.post(url, data).status_code == 302
    quote.refresh_from_db()
    assert (quote.speaker, quote.speaker_name, quote.status) == (kim, "Kim Jong-un", "corrected")


def test_merge_repoints_every_mention_and_quote_and_keeps_aliases(admin_client, seed_article):
    putin = Entity.objects.get(name="Vladimir Putin")
    duplicate = Entity.objects.create(
        name="V. Putin", type="PERSON", key="v. putin", slug="v-putin", aliases=["Vladimir Vladimirovici"]
    )
    Mention.objects.create(entity=duplicate, paragraph=seed_article.paragraphs.get(position=4), start=0, end=5)
    moved_quote = Quote.objects.filter(speaker=putin).first()
    moved_quote.speaker = duplicate
    moved_quote.save()
    mentions = Mention.objects.filter(entity__in=[putin, duplicate]).count()
    quotes = Quote.objects.filter(speaker__in=[putin, duplicate]).count()

    url = reverse("admin:reader_entity_changelist")
    page = admin_client.post(url, {"action": "merge_selected", ACTION: [putin.pk, duplicate.pk]})
    assert "Unește în" in page.content.decode()
    admin_client.post(url, {"action": "merge_selected", ACTION: [putin.pk, duplicate.pk], "target": putin.pk})

    assert not Entity.objects.filter(pk=duplicate.pk).exists()
    assert Mention.objects.filter(entity=putin).count() == mentions
    assert Quote.objects.filter(speaker=putin).count() == quotes
    putin.refresh_from_db()
    assert {"V. Putin", "Vladimir Vladimirovici"} <= set(putin.aliases)
    assert f"„V. Putin” unită în aceasta (id {duplicate.pk})" in _history(putin.pk)


def _change_types_in_the_list(admin_client, changes: dict) -> object:
    """Post the entity list's editable type column, as its Save button does."""
    data = {"form-TOTAL_FORMS": len(changes), "form-INITIAL_FORMS": len(changes), "_save": "Save"}
    for k, (entity, type_) in enumerate(changes.items()):
        data |= {f"form-{k}-id": entity.pk, f"form-{k}-type": type_}
    return admin_client.post(reverse("admin:reader_entity_changelist"), data)


def test_a_type_change_in_the_entity_list_that_collides_is_refused_with_a_reason(admin_client, seed_article):
    seoul = Entity.objects.get(name="Seul")
    twin = Entity.objects.create(name="Seul", type="ORGANIZATION", key=seoul.key, slug="seul-org")
    response = _change_types_in_the_list(admin_client, {twin: "PLACE"})
    assert response.status_code == 200
    assert "„Seul” există deja cu acest tip" in response.content.decode()
    assert Entity.objects.get(pk=twin.pk).type == "ORGANIZATION"


def test_a_type_change_in_the_entity_list_is_saved_and_in_the_history(admin_client, seed_article):
    seoul = Entity.objects.get(name="Seul")
    response = _change_types_in_the_list(admin_client, {seoul: "ORGANIZATION"})
    assert response.status_code == 302
    assert Entity.objects.get(pk=seoul.pk).type == "ORGANIZATION"
    assert _history(seoul.pk) == ["S-au schimbat tip."]
    with translation.override("en"):
        assert _history(seoul.pk) == ["Changed type."]


def test_duplicate_filter_suggests_same_surname(admin_client, seed_article):
    Entity.objects.create(name="Putin", type="PERSON", key="putin", slug="putin-2")
    response = admin_client.get(reverse("admin:reader_entity_changelist") + "?duplicates=yes")
    names = {e.name for e in response.context["cl"].result_list}
    assert {"Putin", "Vladimir Putin"} <= names


def test_block_removes_the_entity_and_reextraction_does_not_bring_it_back(admin_client, seed_article):
    china = Entity.objects.get(name="China")
    admin_client.post(reverse("admin:reader_entity_changelist"), {"action": "block_selected", ACTION: [china.pk]})
    assert BlockedName.objects.filter(name="China").exists()
    admin_client.post(reverse("admin:reader_article_changelist"), {"action": "reextract", ACTION: [seed_article.pk]})
    assert run_worker() == 1
    seed_article.refresh_from_db()
    assert seed_article.revision == 2
    assert not Entity.objects.filter(name="China").exists()


def test_reextraction_keeps_human_decisions_and_notes(admin_client, seed_article, editor):
    quote = Quote.objects.filter(kind="direct").order_by("paragraph__position").first()
    text = quote.text
    quote.correct_speaker(by=editor, name="Un purtător de cuvânt")
    Note.create(paragraph=quote.paragraph, author=editor, body="rămâne", kind="context", visibility="public")
    admin_client.post(reverse("admin:reader_article_changelist"), {"action": "reextract", ACTION: [seed_article.pk]})
    run_worker()
    again = Quote.objects.get(paragraph__article=seed_article, paragraph__revision=2, kind="direct", status="corrected")
    assert (again.text, again.speaker_name) == (text, "Un purtător de cuvânt")
    note = Note.objects.get()
    assert note.paragraph.revision == 2 and note.paragraph.text.startswith("„La inițiativa")


def test_article_change_page_shows_paragraphs_with_what_was_found(admin_client, seed_article):
    html = admin_client.get(reverse("admin:reader_article_change", args=[seed_article.pk])).content.decode()
    assert "La inițiativa dumneavoastră" in html and "Vladimir Putin" in html and "10000" in html


def test_entity_page_lists_the_five_putin_quotes(client, seed_article):
    putin = Entity.objects.get(name="Vladimir Putin")
    response = client.get(reverse("reader:entity", args=[putin.slug]))
    html = response.content.decode()
    direct = [q for q in response.context["quote_page"].object_list if q.kind == "direct"]
    assert len(direct) == 5
    assert f'href="{seed_article.get_absolute_url()}#q-{direct[0].pk}"' in html
    assert "Kim Jong-un" in html  # appears alongside


def test_history_page_shows_who_did_what(admin_client, seed_article, editor_client):
    quote = Quote.objects.first()
    editor_client.post(reverse("reader:quote_confirm", args=[quote.pk]))
    history = admin_client.get(reverse("admin:reader_quote_history", args=[quote.pk])).content.decode()
    assert "citat confirmat pe pagina articolului" in history and "ana" in history


def test_a_merge_is_undone_in_one_step(admin_client, seed_article):
    putin = Entity.objects.get(name="Vladimir Putin")
    kim = Entity.objects.get(name="Kim Jong-un")
    before = {
        "putin": (Mention.objects.filter(entity=putin).count(), Quote.objects.filter(speaker=putin).count()),
        "kim": (Mention.objects.filter(entity=kim).count(), Quote.objects.filter(speaker=kim).count()),
        "putin aliases": list(putin.aliases),
    }
    url = reverse("admin:reader_entity_changelist")
    admin_client.post(url, {"action": "merge_selected", ACTION: [putin.pk, kim.pk], "target": putin.pk})
    assert not Entity.objects.filter(name="Kim Jong-un").exists()

    merge = EntityMerge.objects.get()
    admin_client.post(reverse("admin:reader_entitymerge_changelist"), {"action": "undo", ACTION: [merge.pk]})
    restored = Entity.objects.get(name="Kim Jong-un")
    putin.refresh_from_db()
    assert (Mention.objects.filter(entity=restored).count(), Quote.objects.filter(speaker=restored).count()) == before[
        "kim"
    ]
    assert (Mention.objects.filter(entity=putin).count(), Quote.objects.filter(speaker=putin).count()) == before[
        "putin"
    ]
    assert putin.aliases == before["putin aliases"]
    merge.refresh_from_db()
    assert merge.undone_at is not None
    assert _history(restored.pk) == ["unirea în „Vladimir Putin” anulată"]
    assert "unirea cu „Kim Jong-un” anulată" in _history(putin.pk)


def test_article_search_ignores_diacritics_and_cedillas(admin_client, seed_article):
    url = reverse("admin:reader_article_changelist")
    for term in ("multumeste", "mulţumeşte", "MULȚUMEȘTE", "soldatii nord-coreeni"):
        assert [a.pk for a in admin_client.get(url, {"q": term}).context["cl"].result_list] == [seed_article.pk], term
    assert len(admin_client.get(url, {"q": "elefant"}).context["cl"].result_list) == 0
