"""Articles keep their author and original URL; feeds, the items they listed and their log.

The two article columns are added with ALTER TABLE ... ADD COLUMN on both databases: Django's SQLite schema editor
would otherwise rebuild reader_article, dropping the full-text (0004) and counter (0010) triggers on it.
"""

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models

COLUMNS = [("author", "varchar(300)"), ("url", "varchar(2000)")]


def add_columns(apps, schema_editor):
    for column, type_ in COLUMNS:
        schema_editor.execute(f"ALTER TABLE reader_article ADD COLUMN {column} {type_} NOT NULL DEFAULT ''")
        if schema_editor.connection.vendor == "postgresql":  # as Django leaves its columns: no database default
            schema_editor.execute(f"ALTER TABLE reader_article ALTER COLUMN {column} DROP DEFAULT")


def drop_columns(apps, schema_editor):
    for column, _ in COLUMNS:
        schema_editor.execute(f"ALTER TABLE reader_article DROP COLUMN {column}")


class Migration(migrations.Migration):

    dependencies = [
        ("reader", "0012_quote_review_queue"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddField(
                    model_name="article",
                    name="author",
                    field=models.CharField(blank=True, max_length=300),
                ),
                migrations.AddField(
                    model_name="article",
                    name="url",
                    field=models.URLField(blank=True, help_text="Where the article was published (the page's canonical URL).", max_length=2000),
                ),
            ],
            database_operations=[migrations.RunPython(add_columns, drop_columns)],
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(fields=["url"], name="article_url"),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(fields=["text_sha256"], name="article_text_sha256"),
        ),
        migrations.CreateModel(
            name="Feed",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("url", models.URLField(max_length=2000, unique=True)),
                ("title", models.CharField(blank=True, help_text="The feed's own title, read when polled.", max_length=300)),
                ("publish", models.BooleanField(default=False, help_text="Publish imported items (otherwise they stay drafts).")),
                ("active", models.BooleanField(default=True, help_text="Inactive feeds are not polled.")),
                ("interval_minutes", models.PositiveIntegerField(default=30, help_text="Minutes between polls.")),
                ("etag", models.CharField(blank=True, editable=False, max_length=500)),
                ("last_modified", models.CharField(blank=True, editable=False, max_length=100)),
                ("last_polled_at", models.DateTimeField(blank=True, editable=False, null=True)),
                ("next_poll_at", models.DateTimeField(blank=True, editable=False, null=True)),
                ("last_result", models.CharField(blank=True, editable=False, max_length=500)),
                ("created_at", models.DateTimeField(default=django.utils.timezone.now, editable=False)),
            ],
            options={"ordering": ["url"]},
        ),
        migrations.CreateModel(
            name="FeedItem",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("key", models.CharField(help_text="SHA-256 of the item's id (or link).", max_length=64)),
                ("link", models.URLField(max_length=2000)),
                ("updated", models.CharField(blank=True, help_text="The item's updated date as the feed gives it.", max_length=100)),
                ("seen_at", models.DateTimeField(default=django.utils.timezone.now)),
                ("article", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to="reader.article")),
                ("feed", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="items", to="reader.feed")),
            ],
            options={
                "constraints": [models.UniqueConstraint(fields=("feed", "key"), name="feed_item_once")],
            },
        ),
        migrations.CreateModel(
            name="FeedLog",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("at", models.DateTimeField(default=django.utils.timezone.now)),
                ("level", models.CharField(choices=[("info", "info"), ("error", "error")], default="info", max_length=10)),
                ("message", models.CharField(max_length=1000)),
                ("link", models.URLField(blank=True, max_length=2000)),
                ("feed", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="log", to="reader.feed")),
            ],
            options={
                "ordering": ["-at", "-id"],
                "indexes": [models.Index(fields=["feed", "-at"], name="feed_log_recent")],
            },
        ),
    ]
