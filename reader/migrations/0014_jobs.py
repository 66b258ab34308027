"""Batches and jobs of the job queue (reader/jobs.py), and the version of the models each article was analysed with.

The article column is added with ALTER TABLE ... ADD COLUMN on both databases: Django's SQLite schema editor would
otherwise rebuild reader_article, dropping the full-text (0004) and counter (0010) triggers on it.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def add_column(apps, schema_editor):
    schema_editor.execute("ALTER TABLE reader_article ADD COLUMN extraction_version varchar(64) NOT NULL DEFAULT ''")
    if schema_editor.connection.vendor == "postgresql":  # as Django leaves its columns: no database default
        schema_editor.execute("ALTER TABLE reader_article ALTER COLUMN extraction_version DROP DEFAULT")


def drop_column(apps, schema_editor):
    schema_editor.execute("ALTER TABLE reader_article DROP COLUMN extraction_version")


class Migration(migrations.Migration):

    dependencies = [
        ('reader', '0013_article_url_feeds'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddField(
                    model_name='article',
                    name='extraction_version',
                    field=models.CharField(blank=True, help_text='The shipped models its analysis came from (ingest.extraction_version).', max_length=64),
                ),
            ],
            database_operations=[migrations.RunPython(add_column, drop_column)],
        ),
        migrations.CreateModel(
            name='Batch',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('import', 'import'), ('reextract', 'reextragere'), ('export', 'export de adnotări')], max_length=20)),
                ('label', models.CharField(blank=True, max_length=300)),
                ('publish', models.BooleanField(default=False, help_text='Publish the articles it imports.')),
                ('backend', models.CharField(default='default', help_text='The TASKS alias its jobs went to.', max_length=50)),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('finished_at', models.DateTimeField(blank=True, null=True)),
                ('output', models.TextField(blank=True, help_text='What an export job wrote (served as a download).')),
                ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'lot de lucrări',
                'verbose_name_plural': 'loturi de lucrări',
                'ordering': ['-created_at', '-id'],
            },
        ),
        migrations.CreateModel(
            name='Job',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(help_text='The file name, or what the job works on.', max_length=300)),
                ('status', models.CharField(choices=[('waiting', 'în așteptare'), ('running', 'în lucru'), ('done', 'gata'), ('failed', 'eșuat')], default='waiting', max_length=10)),
                ('outcome', models.CharField(blank=True, help_text='imported, updated, unchanged, failed…', max_length=20)),
                ('message', models.TextField(blank=True, help_text='The result line, or the reason of the failure.')),
                ('data', models.BinaryField(blank=True, help_text='The file to import, dropped once it is imported.', null=True)),
                ('revision', models.PositiveIntegerField(blank=True, help_text="The article's revision when a re-extraction was asked for.", null=True)),
                ('task_id', models.CharField(blank=True, help_text="The queue's id of the task running it.", max_length=64)),
                ('attempts', models.PositiveIntegerField(default=0)),
                ('worker', models.CharField(blank=True, help_text='host:pid of the process that runs it.', max_length=200)),
                ('lease_until', models.DateTimeField(blank=True, help_text='A running job not finished by then is handed out again.', null=True)),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('finished_at', models.DateTimeField(blank=True, null=True)),
                ('article', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='reader.article')),
                ('batch', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='jobs', to='reader.batch')),
            ],
            options={
                'verbose_name': 'lucrare',
                'verbose_name_plural': 'lucrări',
                'ordering': ['id'],
                'indexes': [models.Index(fields=['batch', 'status'], name='job_batch_status'), models.Index(fields=['status', 'lease_until'], name='job_status_lease')],
            },
        ),
    ]
