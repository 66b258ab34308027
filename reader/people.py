"""How editors are named to readers: their full name, never the login name (half of what an attacker needs)."""

from __future__ import annotations

from django.utils.translation import gettext, gettext_noop

NEWSROOM = gettext_noop("Redacția")


def display_name(user) -> str:
    """The editor's full name as set in the admin; "Redacția" (the newsroom) when none is set."""
    return (user.get_full_name() or "").strip() or gettext(NEWSROOM)
