"""Who may do what: every write view asks here, on the server."""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from reader.roles import can_edit


def editor_required(view):
    """Anonymous visitors go to the login page; logged-in non-editors get 403."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not can_edit(request.user):
            raise PermissionDenied("Only editors can do this.")
        return view(request, *args, **kwargs)

    return wrapper


def check_note_owner(note, user) -> None:
    """Editors change their own notes; senior editors anybody's."""
    if not note.can_be_changed_by(user):
        raise PermissionDenied("Only the author or a senior editor can change this note.")
