"""Events (championships, festivals, wars) get their own entity type; extraction tagged them EVENT, which was
stored as "other". Entities already stored stay as they are: "other" mixes events with anything else."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('reader', '0010_article_count'),
    ]

    operations = [
        migrations.AlterField(
            model_name='entity',
            name='type',
            field=models.CharField(choices=[('PERSON', 'person'), ('PLACE', 'place'), ('ORGANIZATION', 'organization'), ('FACILITY', 'facility'), ('EVENT', 'event'), ('OTHER', 'other')], max_length=20),
        ),
    ]
