"""Full-text search over paragraphs and notes, one index per database vendor (see reader/search.py).

PostgreSQL: expression GIN indexes on to_tsvector('simple', reader_fold(text)), where reader_fold is
lower(unaccent(...)) declared IMMUTABLE so it can be indexed (unaccent itself is only STABLE).
SQLite: FTS5 external-content tables with the unicode61 tokenizer (remove_diacritics 2 folds case,
diacritics and cedilla/comma-below alike), kept in sync by triggers, so bulk_create and
QuerySet.update() are indexed too.
"""

from django.db import migrations

INDEXED = [("reader_paragraph", "text"), ("reader_note", "body")]

POSTGRES_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE OR REPLACE FUNCTION reader_fold(text) RETURNS text AS "
    "$$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$ "
    "LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT",
    *(
        f"CREATE INDEX {table}_fts ON {table} USING gin (to_tsvector('simple', reader_fold({column})))"
        for table, column in INDEXED
    ),
]
POSTGRES_BACKWARD = [
    *(f"DROP INDEX IF EXISTS {table}_fts" for table, _ in INDEXED),
    "DROP FUNCTION IF EXISTS reader_fold(text)",
]


def sqlite_forward(table: str, column: str) -> list[str]:
    fts = f"{table}_fts"
    return [
        f"CREATE VIRTUAL TABLE {fts} USING fts5({column}, content='{table}', content_rowid='id', "
        "tokenize='unicode61 remove_diacritics 2')",
        f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
        f"CREATE TRIGGER {fts}_insert AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO {fts}(rowid, {column}) VALUES (new.id, new.{column}); END",
        f"CREATE TRIGGER {fts}_delete AFTER DELETE ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {column}) VALUES ('delete', old.id, old.{column}); END",
        f"CREATE TRIGGER {fts}_update AFTER UPDATE OF {column} ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {column}) VALUES ('delete', old.id, old.{column}); "
        f"INSERT INTO {fts}(rowid, {column}) VALUES (new.id, new.{column}); END",
    ]


def sqlite_backward(table: str) -> list[str]:
    fts = f"{table}_fts"
    return [*(f"DROP TRIGGER IF EXISTS {fts}_{event}" for event in ("insert", "delete", "update")),
            f"DROP TABLE IF EXISTS {fts}"]


def forward(apps, schema_editor):
    statements = {"postgresql": POSTGRES_FORWARD,
                  "sqlite": [s for table, column in INDEXED for s in sqlite_forward(table, column)]}
    for sql in statements.get(schema_editor.connection.vendor, []):
        schema_editor.execute(sql, params=None)


def backward(apps, schema_editor):
    statements = {"postgresql": POSTGRES_BACKWARD,
                  "sqlite": [s for table, _ in INDEXED for s in sqlite_backward(table)]}
    for sql in statements.get(schema_editor.connection.vendor, []):
        schema_editor.execute(sql, params=None)


class Migration(migrations.Migration):
    dependencies = [("reader", "0003_entity_merge")]

    operations = [migrations.RunPython(forward, backward)]
