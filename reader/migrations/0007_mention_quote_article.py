"""Copy each mention's and quote's article onto the row (a paragraph never changes article).

Entity and speaker pages then reach the article's date and status in one lookup instead of two, and
"articles that mention X" is an index-only scan of (entity, article).
"""

import django.db.models.deletion
from django.db import migrations, models

BACKFILL = "UPDATE {table} SET article_id = (SELECT p.article_id FROM reader_paragraph p WHERE p.id = {table}.paragraph_id)"


def article_field(null: bool, what: str):
    return models.ForeignKey(
        null=null, editable=False, on_delete=django.db.models.deletion.CASCADE, related_name="+",
        to="reader.article", help_text=f"The paragraph's article, copied so {what} pages need not join every paragraph.",
    )


class Migration(migrations.Migration):
    dependencies = [("reader", "0006_stored_search_vector")]

    operations = [
        migrations.AddField("mention", "article", article_field(True, "entity")),
        migrations.AddField("quote", "article", article_field(True, "speaker")),
        migrations.RunSQL(BACKFILL.format(table="reader_mention"), migrations.RunSQL.noop),
        migrations.RunSQL(BACKFILL.format(table="reader_quote"), migrations.RunSQL.noop),
        migrations.AlterField("mention", "article", article_field(False, "entity")),
        migrations.AlterField("quote", "article", article_field(False, "speaker")),
        migrations.AddIndex("mention", models.Index(fields=["entity", "article"], name="mention_by_entity")),
        migrations.AddIndex("quote", models.Index(fields=["speaker", "-id"], name="quote_by_speaker_newest")),
    ]
