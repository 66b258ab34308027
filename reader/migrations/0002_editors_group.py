"""The Editors group: may annotate (notes) and correct quotes; readers without it only read."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_PERMISSIONS = [
    "add_note", "change_note", "view_note",
    "change_quote", "view_quote",
    "view_article", "view_paragraph", "view_entity", "view_mention", "view_figure",
]


def create_editors_group(apps, schema_editor):
    # Permissions are normally created after all migrations; editors need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Editors")
    group.permissions.add(*Permission.objects.filter(content_type__app_label="reader", codename__in=EDITOR_PERMISSIONS))


def remove_editors_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Editors").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("reader", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_editors_group, remove_editors_group)]
