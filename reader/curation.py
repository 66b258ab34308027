"""Curators' bookkeeping: who did what (Django's admin log), and entities that look like duplicates."""

from __future__ import annotations

from collections import defaultdict

from django.contrib.admin.models import CHANGE, LogEntry

from reader.models import Entity


def record(*, user, obj, message: str, action_flag: int = CHANGE) -> None:
    """One line in the object's history (shown by the admin's "History" page)."""
    LogEntry.objects.log_actions(
        user_id=user.pk, queryset=[obj], action_flag=action_flag, change_message=message, single_object=True
    )


def duplicate_suggestions() -> dict[int, list[Entity]]:
    """Entity id -> other entities that may be the same: same folded name (other type), or same surname."""
    rows = list(Entity.objects.only("id", "name", "key", "type", "slug"))
    by_key, by_surname = defaultdict(list), defaultdict(list)
    for entity in rows:
        by_key[entity.key].append(entity)
        if entity.type == Entity.Type.PERSON:
            by_surname[entity.key.split()[-1] if entity.key.split() else ""].append(entity)
    suggestions: dict[int, list[Entity]] = defaultdict(list)
    for group in [*by_key.values(), *(g for k, g in by_surname.items() if len(k) > 2)]:
        for entity in group:
            suggestions[entity.pk].extend(other for other in group if other.pk != entity.pk)
    return {pk: list({o.pk: o for o in others}.values()) for pk, others in suggestions.items() if others}
