"""A quote's speaker is an entity, a description or unknown, on the page, in the API and after an import.

The rows are made here, not by the NER model, so the assertions hold whatever a retrained model finds.
"""

from __future__ import annotations

import pytest

from reader.extraction.types import Entity as FoundEntity
from reader.extraction.types import Extraction, Meta
from reader.extraction.types import Mention as FoundMention
from reader.extraction.types import Paragraph as FoundParagraph
from reader.extraction.types import Quote as FoundQuote
from reader.ingest import _save_article
from reader.models import Article, Entity, Mention, Paragraph, Quote

TEXT = ("Ministra culturii, Ilinca Ardelean, a spus că „teatrele vor rămâne deschise”. "
        "Actorii prezenți au declarat că sala este prea mică.")


@pytest.fixture
def article(db):
    article = Article.objects.create(slug="teatre", import_key="teatre.txt", title="Teatre", raw_text=TEXT,
                                     text_sha256="x", status=Article.Status.PUBLISHED)
    paragraph = Paragraph.objects.create(article=article, position=0, role="body", text=TEXT,
                                         fingerprint=Paragraph.fingerprint_of(TEXT))
    person = Entity.objects.create(name="Ilinca Ardelean", type=Entity.Type.PERSON, key="ilinca ardelean",
                                   slug="ilinca-ardelean")
    start = TEXT.index("Ilinca")
    Mention.objects.create(entity=person, paragraph=paragraph, start=start, end=start + 15,
                           roles=["ministra culturii"])
    said = TEXT.index("teatrele")
    Quote.objects.create(paragraph=paragraph, start=said, end=said + 29, kind="direct", speaker=person,
                         speaker_name=person.name, cue="a spus", confidence=0.95)
    clause = TEXT.index("sala este")
    Quote.objects.create(paragraph=paragraph, start=clause, end=len(TEXT) - 1, kind="indirect",
                         speaker_name="actorii prezenți", confidence=0.6)
    return article


def test_the_api_says_what_kind_of_speaker_each_quote_has(client, article):
    body = client.get(f"/api/articles/{article.slug}").json()
    kinds = {q["text"][:8]: (q["speaker_kind"], q["speaker_entity"], q["speaker"]) for q in body["quotes"]}
    assert kinds == {"teatrele": ("entity", 0, "Ilinca Ardelean"),
                     "sala est": ("description", None, "actorii prezenți")}
    assert body["entities"][0]["name"] == "Ilinca Ardelean"
    assert body["entities"][0]["roles"] == ["ministra culturii"]


def test_the_page_shows_the_role_in_the_sidebar_and_in_the_quote_hover(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    assert 'title="Ilinca Ardelean (ministra culturii) — a spus' in html
    sidebar = html[html.index('<aside class="sidebar"'):]
    assert '<span class="roles">ministra culturii</span>' in sidebar


def test_an_unknown_speaker_is_shown_as_such(client, article):
    Quote.objects.filter(kind="indirect").update(speaker_name="")
    quote = Quote.objects.get(kind="indirect")
    assert quote.speaker_kind == "unknown"
    html = client.get(article.get_absolute_url()).content.decode()
    assert '<span class="visually-hidden">vorbitor necunoscut: </span>sala este' in html


def test_import_links_entity_speakers_and_keeps_descriptions_as_names(db):
    paragraph = FoundParagraph(0, "body", TEXT)
    start = TEXT.index("Ilinca")
    person = FoundEntity("Ilinca Ardelean", "PERSON", (FoundMention(0, start, start + 15, "Ilinca Ardelean"),),
                         roles=("ministra culturii",))
    said, clause = TEXT.index("teatrele"), TEXT.index("sala este")
    quotes = (
        FoundQuote(0, said, said + 29, TEXT[said:said + 29], speaker="Ilinca Ardelean", speaker_kind="entity",
                   speaker_entity=0, confidence=0.95),
        FoundQuote(0, clause, len(TEXT) - 1, TEXT[clause:-1], kind="indirect", speaker="actorii prezenți",
                   speaker_kind="description", confidence=0.6),
    )
    extraction = Extraction(meta=Meta(title="Teatre"), paragraphs=(paragraph,), quotes=quotes, entities=(person,))
    article, _ = _save_article(existing=None, name="teatre.txt", text=TEXT, digest="y", extraction=extraction)
    stored = {q.kind: q for q in Quote.objects.filter(article=article).select_related("speaker")}
    assert stored["direct"].speaker.name == "Ilinca Ardelean" and stored["direct"].speaker_kind == "entity"
    assert stored["indirect"].speaker_id is None and stored["indirect"].speaker_kind == "description"
    assert Mention.objects.get(article=article).roles == ["ministra culturii"]
