"""A re-import never loses an editor's work: notes move or wait detached; quote decisions stay."""

import pytest

from reader.ingest import import_article
from reader.models import Note, Paragraph, Quote

pytestmark = pytest.mark.django_db


@pytest.fixture
def seed_article(imported_seed_article):
    """These tests are about the import: the seed goes through the real extraction, not the frozen rows."""
    return imported_seed_article


def para(article, start):
    return Paragraph.objects.get(article=article, text__startswith=start)


def test_reimport_moves_notes_to_matching_paragraphs_and_detaches_the_rest(seed_article, seed_bytes, editor):
    text = seed_bytes.decode()
    kept = Note.create(
        paragraph=para(seed_article, "Trupele nord-coreene au ajutat Rusia la"),
        author=editor,
        body="Neschimbat",
        kind="context",
        visibility="public",
    )
    edited = Note.create(
        paragraph=para(seed_article, "Rusia și Coreea de Nord"),
        author=editor,
        body="Pe paragraful editat",
        kind="fact-check",
        visibility="public",
    )
    removed = Note.create(
        paragraph=para(seed_article, "Cu ocazia aniversării"),
        author=editor,
        body="Paragraful dispare",
        kind="internal",
        visibility="editors",
    )
    trashed = Note.create(
        paragraph=para(seed_article, "Mii de soldați"),
        author=editor,
        body="Din coș",
        kind="context",
        visibility="public",
    )
    trashed.soft_delete()

    new_text = (
        text.replace(
            "Rusia și Coreea de Nord au consolidat legăturile lor",
            "Rusia și Coreea de Nord și-au consolidat legăturile",
        )
        .replace(
            "Cu ocazia aniversării eliberării Coreei de sub dominația japoneză, Putin a amintit în scrisoare cum "
            "unitățile Armatei Roșii Sovietice și forțele nord-coreene au luptat împreună pentru a pune capăt "
            "ocupației coloniale japoneze.\n",
            "",
        )
        .replace("Mii de soldați\n", "Mii de soldați\n\nUn paragraf nou, scris de redacție pentru context.\n")
    )
    assert new_text.count("\n") != text.count("\n")
    result = import_article(name="article-0.txt", data=new_text.encode())
    assert result.status == "updated", result.message
    assert "3 placed, 1 detached" in result.message

    assert Note.objects.count() == 4  # none lost
    kept.refresh_from_db(), edited.refresh_from_db(), removed.refresh_from_db(), trashed.refresh_from_db()
    assert kept.paragraph.text.startswith("Trupele nord-coreene au ajutat Rusia la")
    assert kept.paragraph.revision == 2
    assert edited.paragraph.text.startswith("Rusia și Coreea de Nord și-au consolidat")
    assert removed.paragraph is None and removed.detached_at is not None
    assert removed.anchor_exact.startswith("Cu ocazia aniversării")  # its last text is kept
    assert trashed.paragraph.text == "Mii de soldați" and trashed.deleted_at is not None
    assert not Paragraph.objects.filter(article=seed_article, revision=1).exists()


def test_detached_notes_are_listed_for_editors_and_can_be_reattached(seed_article, seed_bytes, editor, editor_client):
    note = Note.create(
        paragraph=para(seed_article, "Cu ocazia aniversării"),
        author=editor,
        body="Caut paragraf",
        kind="context",
        visibility="public",
    )
    old = para(seed_article, "Cu ocazia aniversării").text
    rewritten = "Cu prilejul acestei zile, scrisoarea a evocat istoria comună a celor două armate."
    import_article(name="article-0.txt", data=seed_bytes.decode().replace(old, rewritten).encode())
    note.refresh_from_db()
    assert note.paragraph is None and note.detached_at is not None  # rewritten beyond recognition
    page = editor_client.get(seed_article.get_absolute_url()).content.decode()
    assert "Note detașate (1)" in page and "Caut paragraf" in page
    target = para(seed_article, "Cu prilejul")
    editor_client.post(f"/notes/{note.pk}/reattach/", {"paragraph": target.pk})
    note.refresh_from_db()
    assert note.paragraph == target and note.detached_at is None


def test_human_quote_decisions_survive_a_reimport(seed_article, seed_bytes, editor):
    quotes = list(Quote.objects.filter(paragraph__article=seed_article, kind="direct").order_by("paragraph__position"))
    quotes[0].confirm(by=editor)
    quotes[1].correct_speaker(by=editor, name="Vladimir Vladimirovici Putin")
    quotes[2].reject(by=editor)
    texts = [q.text for q in quotes[:3]]
    new_text = seed_bytes.decode().replace("Mii de soldați", "Mii de militari")
    import_article(name="article-0.txt", data=new_text.encode())
    after = {q.text: q for q in Quote.objects.filter(paragraph__article=seed_article, kind="direct")}
    assert after[texts[0]].status == "confirmed"
    assert after[texts[1]].status == "corrected"
    assert after[texts[1]].speaker_name == "Vladimir Vladimirovici Putin"
    assert after[texts[2]].status == "rejected"
    assert all(q.paragraph.revision == 2 for q in after.values())


def test_reimport_keeps_a_quote_an_editor_added(seed_article, seed_bytes, editor):
    paragraph = para(seed_article, "Agențiile de informații")
    start = paragraph.text.index("Phenianul")
    quote = Quote(paragraph=paragraph, start=start, end=start + 9, kind="indirect", added_by_human=True)
    quote.correct_speaker(by=editor, name="Agențiile de informații")
    import_article(name="article-0.txt", data=seed_bytes.replace(b"Mii de", b"Multe mii de"))
    assert (
        Quote.objects.filter(paragraph__article=seed_article, added_by_human=True, paragraph__revision=2).count() == 1
    )
