"""Articles per day and status, kept by triggers: the archive's calendar and counts without COUNT(*).

Every insert, delete and change of status or date on reader_article adjusts reader_articlecount in the same
transaction, whatever wrote the row (an import, the admin, bulk_create, COPY, QuerySet.update()).
PostgreSQL: statement-level triggers with transition tables, one grouped upsert per statement (a COPY of 2,000
articles is one statement, not 2,000). SQLite: row-level triggers. Undated articles count under 0001-01-01
(ArticleCount.UNDATED). Existing articles are counted once here.
"""

from django.db import migrations, models

UNDATED = "0001-01-01"

POSTGRES_FORWARD = [
    f"""
    CREATE FUNCTION reader_article_count_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'INSERT' THEN
            INSERT INTO reader_articlecount (day, status, articles)
            SELECT coalesce(published_on, DATE '{UNDATED}'), status, count(*) FROM new_rows
            GROUP BY 1, 2 ORDER BY 1, 2
            ON CONFLICT (day, status) DO UPDATE SET articles = reader_articlecount.articles + EXCLUDED.articles;
        ELSIF TG_OP = 'DELETE' THEN
            UPDATE reader_articlecount c SET articles = c.articles - d.n
            FROM (SELECT coalesce(published_on, DATE '{UNDATED}') AS day, status, count(*) AS n FROM old_rows
                  GROUP BY 1, 2) d
            WHERE c.day = d.day AND c.status = d.status;
        ELSE
            INSERT INTO reader_articlecount (day, status, articles)
            SELECT day, status, sum(n) FROM (
                SELECT coalesce(published_on, DATE '{UNDATED}') AS day, status, 1 AS n FROM new_rows
                UNION ALL
                SELECT coalesce(published_on, DATE '{UNDATED}'), status, -1 FROM old_rows
            ) changes GROUP BY 1, 2 HAVING sum(n) <> 0 ORDER BY 1, 2
            ON CONFLICT (day, status) DO UPDATE SET articles = reader_articlecount.articles + EXCLUDED.articles;
        END IF;
        RETURN NULL;
    END $$
    """,
    "CREATE TRIGGER reader_article_count_insert AFTER INSERT ON reader_article REFERENCING NEW TABLE AS new_rows "
    "FOR EACH STATEMENT EXECUTE FUNCTION reader_article_count_change()",
    "CREATE TRIGGER reader_article_count_delete AFTER DELETE ON reader_article REFERENCING OLD TABLE AS old_rows "
    "FOR EACH STATEMENT EXECUTE FUNCTION reader_article_count_change()",
    "CREATE TRIGGER reader_article_count_update AFTER UPDATE ON reader_article "
    "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows "
    "FOR EACH STATEMENT EXECUTE FUNCTION reader_article_count_change()",
]
POSTGRES_BACKWARD = [
    *(f"DROP TRIGGER IF EXISTS reader_article_count_{event} ON reader_article"
      for event in ("insert", "delete", "update")),
    "DROP FUNCTION IF EXISTS reader_article_count_change()",
]

SQLITE_FORWARD = [
    "CREATE TRIGGER reader_article_count_insert AFTER INSERT ON reader_article BEGIN "
    "INSERT INTO reader_articlecount (day, status, articles) "
    f"VALUES (coalesce(new.published_on, '{UNDATED}'), new.status, 1) "
    "ON CONFLICT (day, status) DO UPDATE SET articles = articles + 1; END",
    "CREATE TRIGGER reader_article_count_delete AFTER DELETE ON reader_article BEGIN "
    "UPDATE reader_articlecount SET articles = articles - 1 "
    f"WHERE day = coalesce(old.published_on, '{UNDATED}') AND status = old.status; END",
    "CREATE TRIGGER reader_article_count_update AFTER UPDATE OF status, published_on ON reader_article "
    "WHEN old.status IS NOT new.status OR old.published_on IS NOT new.published_on BEGIN "
    "UPDATE reader_articlecount SET articles = articles - 1 "
    f"WHERE day = coalesce(old.published_on, '{UNDATED}') AND status = old.status; "
    "INSERT INTO reader_articlecount (day, status, articles) "
    f"VALUES (coalesce(new.published_on, '{UNDATED}'), new.status, 1) "
    "ON CONFLICT (day, status) DO UPDATE SET articles = articles + 1; END",
]
SQLITE_BACKWARD = [f"DROP TRIGGER IF EXISTS reader_article_count_{event}" for event in ("insert", "delete", "update")]

COUNT_EXISTING = (
    f"INSERT INTO reader_articlecount (day, status, articles) "
    f"SELECT coalesce(published_on, '{UNDATED}'), status, count(*) FROM reader_article GROUP BY 1, 2"
)


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for sql in {"postgresql": POSTGRES_FORWARD, "sqlite": SQLITE_FORWARD}.get(vendor, []):
        schema_editor.execute(sql, params=None)
    schema_editor.execute(COUNT_EXISTING, params=None)


def backward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for sql in {"postgresql": POSTGRES_BACKWARD, "sqlite": SQLITE_BACKWARD}.get(vendor, []):
        schema_editor.execute(sql, params=None)


class Migration(migrations.Migration):
    dependencies = [("reader", "0009_mention_roles")]

    operations = [
        migrations.CreateModel(
            name="ArticleCount",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("day", models.DateField()),
                ("status", models.CharField(choices=[("draft", "draft"), ("published", "published")],
                                            max_length=10)),
                ("articles", models.IntegerField(default=0)),
            ],
            options={
                "ordering": ["-day", "status"],
                "constraints": [models.UniqueConstraint(fields=("day", "status"), name="article_count_day_status")],
            },
        ),
        migrations.RunPython(forward, backward),
    ]
