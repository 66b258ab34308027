import pytest
from django.urls import reverse

from reader.ingest import import_article
from reader.models import BlockedName, Entity, Mention, Quote

pytestmark = pytest.mark.django_db


def direct_quotes(article):
    return Quote.objects.filter(paragraph__article=article, kind="direct").order_by("paragraph__position")


def test_editor_confirms_a_quote_and_the_page_shows_it_as_checked(editor_client, seed_article):
    quote = direct_quotes(seed_article)[1]
    editor_client.post(reverse("reader:quote_confirm", args=[quote.pk]))
    quote.refresh_from_db()
    assert quote.status == "confirmed" and quote.decided_by is not None
    html = editor_client.get(seed_article.get_absolute_url()).content.decode()
    assert f'id="q-{quote.pk}"' in html and "verificat de redacție" in html


def test_not_a_quote_removes_the_highlight(client, editor_client, seed_article):
    quote = direct_quotes(seed_article)[0]
    editor_client.post(reverse("reader:quote_reject", args=[quote.pk]))
    assert f'id="q-{quote.pk}"' not in client.get(seed_article.get_absolute_url()).content.decode()


def test_change_speaker_to_a_known_entity_or_a_new_name(editor_client, seed_article):
    first, second = direct_quotes(seed_article)[:2]
    editor_client.post(reverse("reader:quote_speaker", args=[first.pk]), {"speaker": "Kim Jong-un"})
    editor_client.post(reverse("reader:quote_speaker", args=[second.pk]), {"speaker": "Un diplomat anonim"})
    first.refresh_from_db(), second.refresh_from_db()
    assert first.speaker.name == "Kim Jong-un" and first.status == "corrected"
    assert second.speaker is None and second.speaker_name == "Un diplomat anonim"


def test_htmx_correction_returns_only_its_paragraph(editor_client, seed_article):
    quote = direct_quotes(seed_article)[0]
    response = editor_client.post(reverse("reader:quote_confirm", args=[quote.pk]), HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert html.lstrip().startswith(f'<section class="para role-{quote.paragraph.role}" id="{quote.paragraph.anchor}"')
    assert 'id="reading"' not in html


def test_add_a_missed_quote_by_its_words(editor_client, seed_article):
    paragraph = seed_article.paragraphs.get(text__startswith="La mijlocul lunii august")
    url = reverse("reader:quote_add", args=[seed_article.slug, paragraph.position])
    editor_client.post(url, {"text": "lăudând soldații nord-coreeni", "speaker": "Vladimir Putin", "kind": "indirect"})
    quote = Quote.objects.get(added_by_human=True)
    assert quote.text == "lăudând soldații nord-coreeni" and quote.speaker.name == "Vladimir Putin"


def test_add_a_missed_quote_by_offsets_is_validated_on_the_server(editor_client, seed_article):
    paragraph = seed_article.paragraphs.get(text__startswith="La mijlocul lunii august")
    url = reverse("reader:quote_add", args=[seed_article.slug, paragraph.position])
    editor_client.post(url, {"start": 5, "end": 100_000, "speaker": "X", "kind": "direct"})
    editor_client.post(url, {"start": 0, "end": 5, "text": "altceva", "speaker": "X", "kind": "direct"})
    editor_client.post(url, {"text": "nu apare deloc aici", "speaker": "X", "kind": "direct"})
    assert not Quote.objects.filter(added_by_human=True).exists()
    editor_client.post(url, {"start": 3, "end": 12, "text": paragraph.text[3:12], "kind": "direct"})
    assert Quote.objects.get(added_by_human=True).text == paragraph.text[3:12].strip()


def test_rename_keeps_the_old_name_as_alias(editor_client, seed_article):
    entity = Entity.objects.get(name="Kursk", type="PLACE")
    editor_client.post(reverse("reader:entity_rename", args=[seed_article.slug, entity.pk]), {"name": "Regiunea Kursk"})
    entity.refresh_from_db()
    assert entity.name == "Regiunea Kursk" and "Kursk" in entity.aliases and entity.confirmed


def test_merge_moves_mentions_and_quotes(editor_client, seed_article):
    putin = Entity.objects.get(name="Vladimir Putin")
    kim = Entity.objects.get(name="Kim Jong-un")
    total = Mention.objects.filter(entity__in=[putin, kim]).count()
    editor_client.post(reverse("reader:entity_merge", args=[seed_article.slug, kim.pk]), {"into": putin.pk})
    assert not Entity.objects.filter(pk=kim.pk).exists()
    assert Mention.objects.filter(entity=putin).count() == total
    putin.refresh_from_db()
    assert "Kim Jong-un" in putin.aliases


def test_blocked_name_is_gone_and_stays_gone_after_reimport(editor_client, seed_article, seed_bytes):
    china = Entity.objects.get(name="China")
    editor_client.post(reverse("reader:entity_block", args=[seed_article.slug, china.pk]))
    assert not Entity.objects.filter(name="China").exists()
    assert BlockedName.objects.filter(name="China").exists()
    import_article(name="article-0.txt", data=seed_bytes.replace(b"Mii de", b"Multe mii de"))
    assert not Entity.objects.filter(name="China").exists()


def test_a_renamed_entity_keeps_its_name_after_reimport(editor_client, seed_article, seed_bytes):
    kim = Entity.objects.get(name="Kim Jong-un")
    editor_client.post(reverse("reader:entity_rename", args=[seed_article.slug, kim.pk]),
                       {"name": "Kim Jong Un (lider nord-coreean)"})
    import_article(name="article-0.txt", data=seed_bytes.replace(b"Mii de", b"Multe mii de"))
    names = set(Entity.objects.filter(mentions__paragraph__article=seed_article).values_list("name", flat=True))
    assert "Kim Jong Un (lider nord-coreean)" in names
    assert "Kim Jong-un" not in names
