"""Generated data in the database, for benchmarks and scale tests: never for real articles.

Real articles always go through reader.ingest.import_article; these helpers store rows whose
quotes and names are already known, so a database can be filled fast.
"""

from __future__ import annotations

import hashlib
import operator

from django.db import connection, models, transaction
from django.utils.text import slugify

from reader.extraction.normalize import match_key
from reader.models import Article, Entity, Mention, Note, Paragraph, Quote


def save_generated_articles(*, generated: list, publish: bool = True) -> int:
    """Store generated articles (reader.synthetic) with their known quotes and names, without extraction.

    One transaction per call. On PostgreSQL the rows go in with COPY (ids reserved from the sequences first),
    several times faster than INSERT for the millions of paragraphs, quotes and mentions of a scale benchmark;
    elsewhere with bulk_create. Both store the same rows."""
    people, places = {}, {}
    for item in generated:
        for span in item.spans:
            if span.label in ("quote", "PERSON"):
                people.setdefault(span.speaker or item.paragraphs[span.paragraph][1][span.start : span.end], None)
            elif span.label == "PLACE":
                places.setdefault(item.paragraphs[span.paragraph][1][span.start : span.end], None)
    entities = {**_bulk_entities(people, Entity.Type.PERSON), **_bulk_entities(places, Entity.Type.PLACE)}
    status = Article.Status.PUBLISHED if publish else Article.Status.DRAFT
    store = _copy if connection.vendor == "postgresql" else _bulk_create
    with transaction.atomic():
        articles = store(Article, [
            Article(slug=slugify(item.name.removesuffix(".txt")), import_key=item.name, title=item.title,
                    source=item.source, published_on=item.published_on, raw_text=item.text, status=status,
                    text_sha256=hashlib.sha256(item.text.encode()).hexdigest())
            for item in generated
        ])
        paragraphs = store(Paragraph, [
            Paragraph(article=article, position=i, role=role, text=text, fingerprint=Paragraph.fingerprint_of(text))
            for article, item in zip(articles, generated, strict=True)
            for i, (role, text) in enumerate(item.paragraphs)
        ])
        index = {(p.article_id, p.position): p for p in paragraphs}
        quotes, mentions = [], []
        for article, item in zip(articles, generated, strict=True):
            for span in item.spans:
                paragraph = index[(article.pk, span.paragraph)]
                if span.label == "quote":
                    quotes.append(Quote(paragraph=paragraph, article=article, start=span.start, end=span.end,
                                        kind="direct",
                                        speaker=entities[span.speaker], speaker_name=span.speaker,
                                        cue="a declarat", confidence=0.9))
                else:
                    mentions.append(Mention(entity=entities[paragraph.text[span.start : span.end]],
                                            paragraph=paragraph, article=article, start=span.start, end=span.end))
        store(Quote, quotes)
        store(Mention, mentions)
    return len(articles)


def _bulk_create(model, rows: list) -> list:
    return model.objects.bulk_create(rows, batch_size=2000)


def _copy(model, rows: list) -> list:
    """PostgreSQL COPY of unsaved instances: ids come from the table's sequence, every other column from the
    field's own conversion (defaults included), so the rows are those bulk_create would store."""
    if not rows:
        return rows
    meta = model._meta
    fields = [f for f in meta.concrete_fields if not f.generated]
    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                       [meta.db_table, len(rows)])
        for row, (pk,) in zip(rows, cursor.fetchall(), strict=True):
            row.pk = pk
        columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
        # Plain attributes for the types psycopg adapts itself; the field's own conversion for the others
        # (JSON, auto_now): get_db_prep_save on every cell took half the time of a million-article fill.
        plain = (models.CharField, models.TextField, models.IntegerField, models.FloatField, models.BooleanField,
                 models.DateField, models.ForeignKey)
        getters = [
            operator.attrgetter(f.attname)
            if isinstance(f, plain) and not getattr(f, "auto_now", False) and not getattr(f, "auto_now_add", False)
            else (lambda row, f=f: f.get_db_prep_save(f.pre_save(row, add=True), connection))
            for f in fields
        ]
        with cursor.cursor.copy(f"COPY {meta.db_table} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row([get(row) for get in getters])
    for row in rows:
        row._state.adding, row._state.db = False, connection.alias
    return rows


def _bulk_entities(names: dict, type_: str) -> dict[str, Entity]:
    keys = {match_key(n): n for n in names}
    existing = {e.key: e for e in Entity.objects.filter(type=type_, key__in=keys)}
    missing = [Entity(name=n, type=type_, key=k, slug=f"{slugify(n)}-{type_.lower()}", aliases=[])
               for k, n in keys.items() if k not in existing]
    Entity.objects.bulk_create(missing, ignore_conflicts=True)
    existing = {e.key: e for e in Entity.objects.filter(type=type_, key__in=keys)}
    return {n: existing[k] for k, n in keys.items()}


def build_large_article(*, author, paragraphs: int = 200, quotes: int = 300, notes: int = 500) -> Article:
    """One long published article with many quotes and notes: page costs must not grow with it."""
    speakers = [Entity.objects.get_or_create(key=match_key(n), type=Entity.Type.PERSON,
                                             defaults={"name": n, "slug": slugify(n) + "-large"})[0]
                for n in ("Ana Lungu", "Radu Stan", "Irina Voicu")]
    article = Article.objects.create(slug="articol-lung", import_key="articol-lung.txt", title="Un articol lung",
                                     source="BENCH", raw_text="generated", text_sha256="0", status="published")
    sentence = "„Aceasta este o declarație despre buget”, a spus ea. "
    rows = Paragraph.objects.bulk_create(
        Paragraph(article=article, position=i, role="title" if i == 0 else "body",
                  text=(sentence * 2).strip() + f" ({i})", fingerprint=f"{i:040d}")
        for i in range(paragraphs)
    )
    per_paragraph = -(-quotes // paragraphs)
    made = [Quote(paragraph=rows[i // per_paragraph], article=article, start=1 + (i % per_paragraph) * len(sentence),
                  end=1 + (i % per_paragraph) * len(sentence) + 37, speaker=speakers[i % 3],
                  speaker_name=speakers[i % 3].name, cue="a spus", confidence=0.9)
            for i in range(quotes)]
    Quote.objects.bulk_create(made)
    Mention.objects.bulk_create(Mention(entity=speakers[i % 3], paragraph=rows[i], article=article, start=0, end=3)
                                for i in range(paragraphs))
    for i in range(notes):
        Note.objects.create(article=article, paragraph=rows[i % paragraphs], author=author, body=f"Nota {i}",
                            anchor_exact=rows[i % paragraphs].text)
    return article
