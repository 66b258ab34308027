"""The editors' groups. Editors annotate (notes) and correct quotes and entities; senior editors also
edit and delete other people's notes. Readers without a group only read."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_PERMISSIONS = [
    "add_note", "change_note", "view_note", "view_noterevision",
    "add_quote", "change_quote", "view_quote",
    "change_entity", "view_entity", "add_blockedname", "view_blockedname",
    "view_article", "view_paragraph", "view_mention", "view_figure",
]
SENIOR_EDITOR_PERMISSIONS = [*EDITOR_PERMISSIONS, "moderate_note"]


def create_editors_group(apps, schema_editor):
    # Permissions are normally created after all migrations; editors need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in (("Editors", EDITOR_PERMISSIONS), ("Senior editors", SENIOR_EDITOR_PERMISSIONS)):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*Permission.objects.filter(content_type__app_label="reader", codename__in=codenames))


def remove_editors_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Editors", "Senior editors"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("reader", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_editors_group, remove_editors_group)]
