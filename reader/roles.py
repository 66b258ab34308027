"""The editors' groups and their permissions.

Migration 0002 creates them on a new database; `ensure_groups` puts them back where a test or a
restore emptied the tables (it is idempotent).
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission

from reader.models import EDITORS_GROUP, SENIOR_EDITORS_GROUP

EDITOR_PERMISSIONS = [
    "add_note", "change_note", "view_note", "view_noterevision",
    "add_quote", "change_quote", "view_quote",
    "change_entity", "view_entity", "add_blockedname", "view_blockedname",
    "view_article", "view_paragraph", "view_mention", "view_figure",
]  # fmt: skip
SENIOR_EDITOR_PERMISSIONS = [*EDITOR_PERMISSIONS, "moderate_note"]


def ensure_groups() -> dict[str, Group]:
    groups = {}
    for name, codenames in ((EDITORS_GROUP, EDITOR_PERMISSIONS), (SENIOR_EDITORS_GROUP, SENIOR_EDITOR_PERMISSIONS)):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*Permission.objects.filter(content_type__app_label="reader", codename__in=codenames))
        groups[name] = group
    return groups
