"""Worlds the web, access and browser tests read, built from rows written directly: no model runs.

The seed article is the rows an import of samples/article-0.txt stored, frozen in tests/data/seed-article.json
(paragraphs, entities with their mentions, quotes with their speakers, figures). Tests about pages and permissions
then hold whatever a retrained NER or speaker model would find, and cost a few inserts instead of a spaCy run.
The import itself is tested on the real extraction: the `imported_seed_article` fixture (tests/conftest.py).
"""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from pathlib import Path

from django.contrib.auth import get_user_model

from reader.extraction.normalize import match_key
from reader.models import Article, Entity, Figure, Mention, Paragraph, Quote
from reader.roles import EDITORS_GROUP, SENIOR_EDITORS_GROUP, ensure_groups

DATA = Path(__file__).resolve().parent / "data"
SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@cache
def seed_rows() -> dict:
    rows = json.loads((DATA / "seed-article.json").read_text(encoding="utf-8"))
    raw = (SAMPLES / rows["article"]["import_key"]).read_text(encoding="utf-8")
    texts = {position: text for position, _, text in rows["paragraphs"]}
    # The frozen rows must still describe the sample: same lines, and every span on the words it names.
    missing = [position for position, text in texts.items() if text not in raw]
    assert not missing, f"samples/{rows['article']['import_key']} changed: update tests/data/seed-article.json"
    spans = [(p, a, b, text) for _, p, a, b, text, _ in rows["mentions"]]
    spans += [(r["paragraph"], r["start"], r["end"], r["text"]) for r in rows["quotes"] + rows["figures"]]
    wrong = [span for span in spans if texts[span[0]][span[1]:span[2]] != span[3]]
    assert not wrong, f"tests/data/seed-article.json: spans off their words: {wrong[:3]}"
    return {**rows, "raw_text": raw}


def build_seed_article(*, publish: bool = True) -> Article:
    """The seed article as an import stores it (revision 1), written row by row."""
    rows = seed_rows()
    meta = rows["article"]
    article = Article.objects.create(
        import_key=meta["import_key"], slug=meta["slug"], title=meta["title"], source=meta["source"],
        published_on=date.fromisoformat(meta["published_on"]), dateline=meta["dateline"],
        photo_credit=meta["photo_credit"], raw_text=rows["raw_text"], text_sha256=meta["text_sha256"],
    )
    paragraphs = {
        p.position: p
        for p in Paragraph.objects.bulk_create(
            Paragraph(article=article, revision=1, position=position, role=role, text=text,
                      fingerprint=Paragraph.fingerprint_of(text))
            for position, role, text in rows["paragraphs"]
        )
    }
    entities = {}
    for name, type_, aliases in rows["entities"]:
        key = match_key(name)
        entity = Entity.objects.filter(key=key, type=type_).first()
        if entity is None:
            entity = Entity.objects.create(name=name, type=type_, key=key, slug=Entity.unique_slug(name), aliases=[])
        if entity.add_aliases(aliases):
            entity.save(update_fields=["aliases"])
        entities[name] = entity
    Mention.objects.bulk_create(
        Mention(entity=entities[name], paragraph=paragraphs[position], article=article, start=start, end=end,
                roles=roles)
        for name, position, start, end, _, roles in rows["mentions"]
    )
    Quote.objects.bulk_create(
        Quote(paragraph=paragraphs[q["paragraph"]], article=article, start=q["start"], end=q["end"], kind=q["kind"],
              speaker=entities[q["speaker"]] if q["speaker"] else None, speaker_name=q["speaker_name"],
              speaker_mention=q["speaker_mention"], cue=q["cue"], addressee=q["addressee"], inferred=q["inferred"],
              confidence=q["confidence"])
        for q in rows["quotes"]
    )
    Figure.objects.bulk_create(
        Figure(paragraph=paragraphs[f["paragraph"]], start=f["start"], end=f["end"], kind=f["kind"], value=f["value"],
               unit=f["unit"], qualifier=f["qualifier"])
        for f in rows["figures"]
    )
    if publish:
        article.publish()
    return article


def create_user(username: str, *, editor: bool = False, senior: bool = False, password: str = "correct-horse-battery-9",
                **extra):
    """A user, in the Editors group (and Senior editors) if asked: the `make_user` fixture."""
    user = get_user_model().objects.create_user(username=username, password=password, **extra)
    if editor or senior:
        # Transactional tests empty the tables the migration filled, so make sure the groups exist.
        groups = ensure_groups()
        user.groups.add(groups[EDITORS_GROUP])
        if senior:
            user.groups.add(groups[SENIOR_EDITORS_GROUP])
    return user
