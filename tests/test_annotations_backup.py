"""export_annotations / import_annotations: a round trip into an empty database loses nothing."""

import json

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from reader import actions
from reader.backup import BackupError, export_annotations, import_annotations
from reader.ingest import import_article
from reader.models import Article, BlockedName, Entity, Note, NoteRevision, Quote
from reader.roles import SENIOR_EDITORS_GROUP

pytestmark = pytest.mark.django_db

SECOND = "date 2025-09-04 ECONOMIE\nTitlu de probă\n\nMinistrul a spus: „Bugetul crește cu 5%.”\nAlt paragraf.\n"


@pytest.fixture
def annotated(seed_article, make_user):
    """Every kind of human work: notes in every state, quote decisions of every kind, entity decisions."""
    editor, senior = make_user("ana", editor=True), make_user("bogdan", senior=True, email="b@example.org")
    draft = import_article(name="second.txt", data=SECOND.encode()).article
    p5, p6 = seed_article.paragraphs.get(position=5), seed_article.paragraphs.get(position=6)
    edited = Note.create(paragraph=p5, author=editor, body="**prima** formă", kind="context", visibility="public")
    edited.edit(by=senior, base_version=1, body="a doua formă", kind="fact-check", visibility="editors")
    edited.edit(by=editor, base_version=2, body="a treia <script>x</script>", kind="fact-check", visibility="public")
    Note.create(paragraph=p6, author=senior, body="doar editori", kind="internal", visibility="editors")
    Note.create(paragraph=p6, author=editor, body="la coș", kind="context", visibility="public").soft_delete()
    detached = Note.create(paragraph=p5, author=editor, body="desprinsă", kind="context", visibility="public")
    detached.detach(candidate=p6, score=0.31)
    detached.save()
    Note.create(paragraph=draft.paragraphs.order_by("position").last(), author=senior, body="pe ciornă",
                kind="correction", visibility="public")

    quotes = list(Quote.objects.filter(paragraph__article=seed_article).order_by("paragraph__position", "start"))
    quotes[0].confirm(by=editor)
    quotes[1].reject(by=senior)
    quotes[2].correct_speaker(by=editor, name="Un purtător de cuvânt")
    quotes[3].correct_speaker(by=editor, entity=Entity.objects.get(name="Seul"))
    body = seed_article.paragraphs.get(position=9)
    added = Quote(paragraph=body, start=0, end=12, kind="indirect", added_by_human=True)
    added.correct_speaker(by=senior, name="Cineva")

    entity = Entity.objects.filter(type="PERSON").exclude(quotes__isnull=False).first() or Entity.objects.first()
    actions.rename_entity(entity=entity, name=entity.name + " (verificat)", by=senior)
    blocked = Entity.objects.exclude(pk=entity.pk).exclude(name="Seul").filter(type="PLACE").first()
    actions.block_entity(entity=blocked, by=senior)
    return export_annotations()


def _empty_database():
    NoteRevision.objects.all().delete()
    Note.objects.all().delete()
    Article.objects.all().delete()
    Entity.objects.all().delete()
    BlockedName.objects.all().delete()
    LogEntry.objects.all().delete()
    get_user_model().objects.all().delete()


def test_a_round_trip_into_an_empty_database_loses_nothing(annotated):
    before = annotated
    assert sum(len(a["notes"]) for a in before["articles"]) == 5
    assert sum(len(a["quote_decisions"]) for a in before["articles"]) == 5
    assert len(before["entities"]) == 1 and before["blocked_names"]
    _empty_database()

    counts = import_annotations(data=json.loads(json.dumps(before)))

    assert counts["articles_failed"] == 0
    assert counts["notes"] == 5 and counts["revisions"] == 7 and counts["quote_decisions"] == 5
    assert export_annotations() == before


def test_restored_notes_keep_their_state_and_history(annotated):
    _empty_database()
    import_annotations(data=annotated)
    edited = Note.objects.get(body__startswith="a treia")
    assert edited.version == 3 and edited.paragraph.position == 5
    assert list(edited.revisions.values_list("body", flat=True)) == ["**prima** formă", "a doua formă",
                                                                      edited.body]
    assert "<script>" not in edited.body_html
    assert Note.objects.get(body="la coș").is_deleted
    detached = Note.objects.get(body="desprinsă")
    assert detached.is_detached and detached.candidate.position == 6
    assert Note.objects.get(body="doar editori").visibility == "editors"
    assert not Article.objects.get(import_key="second.txt").is_published


def test_restored_users_must_reset_their_password(annotated):
    _empty_database()
    import_annotations(data=annotated)
    bogdan = get_user_model().objects.get(username="bogdan")
    assert not bogdan.has_usable_password()
    assert bogdan.email == "b@example.org"
    assert set(bogdan.groups.values_list("name", flat=True)) == {"Editors", SENIOR_EDITORS_GROUP}


def test_importing_twice_changes_nothing(annotated):
    counts = import_annotations(data=annotated)
    assert counts["notes"] == counts["articles"] == counts["users"] == 0
    assert export_annotations() == annotated


def test_the_commands_round_trip_through_a_file(annotated, tmp_path):
    target = tmp_path / "backup.json"
    call_command("export_annotations", str(target))
    _empty_database()
    call_command("import_annotations", str(target))
    assert export_annotations() == annotated
    assert not list(tmp_path.glob("*.partial"))


@pytest.mark.parametrize("content", ['{"format": "something-else"}', "not json", '{"format": "reading-room-'
                                     'annotations", "version": 99}'])
def test_a_foreign_file_is_refused_with_a_reason(tmp_path, content):
    target = tmp_path / "x.json"
    target.write_text(content)
    with pytest.raises(CommandError, match="cannot import"):
        call_command("import_annotations", str(target))


def test_the_library_refuses_a_foreign_document(db):
    with pytest.raises(BackupError):
        import_annotations(data=[])
