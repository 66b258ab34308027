"""Buildings and venues get their own entity type (they were stored as "other")."""

from django.db import migrations, models


def facilities_out_of_other(apps, schema_editor):
    # Until now extraction stored only its FACILITY label as OTHER; a curator's confirmed choice of "other" stays.
    Entity = apps.get_model("reader", "Entity")
    Entity.objects.filter(type="OTHER", confirmed=False).update(type="FACILITY")


def facilities_back_to_other(apps, schema_editor):
    Entity = apps.get_model("reader", "Entity")
    Entity.objects.filter(type="FACILITY").update(type="OTHER")


class Migration(migrations.Migration):

    dependencies = [
        ('reader', '0007_mention_quote_article'),
    ]

    operations = [
        migrations.AlterField(
            model_name='entity',
            name='type',
            field=models.CharField(choices=[('PERSON', 'person'), ('PLACE', 'place'), ('ORGANIZATION', 'organization'), ('FACILITY', 'facility'), ('OTHER', 'other')], max_length=20),
        ),
        migrations.RunPython(facilities_out_of_other, facilities_back_to_other),
    ]
