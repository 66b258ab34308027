"""Editors' quote decisions come back the same way after a re-import and after a restore (reader.decisions)."""

import json

import pytest

from reader import decisions
from reader.backup import export_annotations, import_annotations
from reader.ingest import import_article
from reader.models import Article, Entity, Quote
from tests.test_annotations_backup import _empty_database

pytestmark = pytest.mark.django_db


def _decided(article: Article) -> list[tuple]:
    """Every decision on the article's current revision: its words and every decided field (people by name)."""
    article.refresh_from_db()
    rows = decisions.decided(Quote.objects.filter(paragraph__article=article, paragraph__revision=article.revision))
    shaped = []
    for quote in rows.select_related("paragraph", "speaker", "decided_by"):
        values = {field: getattr(quote, field) for field in decisions.FIELDS}
        values["speaker"] = (quote.speaker.name, quote.speaker.type) if quote.speaker else None
        values["decided_by"] = quote.decided_by.get_username() if quote.decided_by else None
        shaped.append((quote.text, *sorted(values.items())))
    return sorted(shaped, key=repr)


def test_a_carried_over_and_a_restored_decision_keep_the_same_fields(seed_article, seed_bytes, make_user):
    editor = make_user("ana", editor=True)
    quotes = list(Quote.objects.filter(paragraph__article=seed_article, kind="direct").order_by("paragraph__position"))
    quotes[0].confirm(by=editor)
    quotes[1].reject(by=editor)
    quotes[2].correct_speaker(by=editor, entity=Entity.objects.get(name="Kim Jong-un"))
    quotes[3].correct_speaker(by=editor, name="Un diplomat anonim")
    paragraph = seed_article.paragraphs.get(text__startswith="La mijlocul lunii august")
    added = Quote(paragraph=paragraph, start=0, end=12, kind="indirect", added_by_human=True)
    added.correct_speaker(by=editor, name="Cineva")
    made = _decided(seed_article)
    assert len(made) == 5
    exported = json.loads(json.dumps(export_annotations()))

    import_article(name="article-0.txt", data=seed_bytes.replace(b"Mii de", b"Multe mii de"))
    carried_over = _decided(seed_article)

    _empty_database()
    import_annotations(data=exported)
    restored = _decided(Article.objects.get(import_key="article-0.txt"))

    assert carried_over == restored == made
