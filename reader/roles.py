"""Who is an editor: the one place that says so.

An editor holds EDIT_PERMISSION, through the Editors group (or is a superuser); editors annotate, correct quotes
and entities and see drafts. Senior editors also change other editors' notes. Migration 0002 creates the groups on
a new database; `ensure_groups` puts them back where a test or a restore emptied the tables (it is idempotent).
Everything else asks `can_edit` (views, QuerySets, the API) or reads these names (the auth backend, commands).
"""

from __future__ import annotations

EDITORS_GROUP = "Editors"
SENIOR_EDITORS_GROUP = "Senior editors"
EDIT_PERMISSION = "reader.add_note"  # holding it makes an editor

EDITOR_PERMISSIONS = [
    "add_note", "change_note", "view_note", "view_noterevision",
    "add_quote", "change_quote", "view_quote",
    "change_entity", "view_entity", "add_blockedname", "view_blockedname",
    "view_article", "view_paragraph", "view_mention", "view_figure",
]  # fmt: skip
SENIOR_EDITOR_PERMISSIONS = [*EDITOR_PERMISSIONS, "moderate_note"]


def can_edit(user) -> bool:
    """Editors (the Editors group, via its permission) and superusers may annotate and see drafts."""
    if not (user and user.is_authenticated):
        return False
    # Users loaded from the session carry the answer already (reader/auth_backend.py): no query.
    known = getattr(user, "holds_edit_permission", None)
    if known is not None and user.is_active:
        return known or user.is_superuser
    return user.has_perm(EDIT_PERMISSION)


def ensure_groups() -> dict:
    """The two groups with their permissions, by name."""
    from django.contrib.auth.models import Group, Permission  # not at import: reader.models imports this module

    groups = {}
    for name, codenames in ((EDITORS_GROUP, EDITOR_PERMISSIONS), (SENIOR_EDITORS_GROUP, SENIOR_EDITOR_PERMISSIONS)):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*Permission.objects.filter(content_type__app_label="reader", codename__in=codenames))
        groups[name] = group
    return groups
