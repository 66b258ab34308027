# ruff: noqa: F811 - `world` is the fixture of tests/test_access.py, imported so both files share one world
"""More of the access matrix (tests/test_access.py has the core): every other write, other people's and
editors-only notes by id, revisions, drafts, and every admin URL, for every role."""

import pytest
from django.contrib import admin
from django.urls import reverse

from tests.test_access import (  # noqa: F401 - `world` and `world_rows` are fixtures
    EDITORS_ONLY_GET,
    EDITORS_ONLY_POST,
    LOGIN,
    OTHERS_NOTE_GET,
    OTHERS_NOTE_POST,
    OWNER_OR_SENIOR_POST,
    ROLES,
    check_case,
    client_for,
    expect,
    world,
    world_rows,
)

pytestmark = pytest.mark.django_db

NOTE = {"body": "y", "kind": "context", "visibility": "public", "base_version": 1}
REFUSED_INPUT = {"anonymous": LOGIN, "reader": 403, "staff": 403, "*": 422}


def _trashed(note) -> str:
    note.soft_delete()
    return reverse("reader:note_reattach", args=[note.pk])
EDITORS = {"editor", "senior", "superuser"}

CASES = [
    ("edit own note form", "get", lambda w: reverse("reader:note_edit", args=[w["own"].pk]), None, EDITORS_ONLY_GET),
    ("edit other's note form", "get", lambda w: reverse("reader:note_edit", args=[w["others"].pk]), None,
     OTHERS_NOTE_GET),
    ("edit own note", "post", lambda w: reverse("reader:note_edit", args=[w["own"].pk]), NOTE, OWNER_OR_SENIOR_POST),
    ("edit other's note by id", "post", lambda w: reverse("reader:note_edit", args=[w["others"].pk]), NOTE,
     OTHERS_NOTE_POST),
    ("edit other's editors-only note by id", "post", lambda w: reverse("reader:note_edit", args=[w["secret"].pk]),
     NOTE, OTHERS_NOTE_POST),
    ("delete other's note by id", "post", lambda w: reverse("reader:note_delete", args=[w["others"].pk]), {},
     OTHERS_NOTE_POST),
    ("delete other's editors-only note by id", "post", lambda w: reverse("reader:note_delete", args=[w["secret"].pk]),
     {}, OTHERS_NOTE_POST),
    ("restore own note", "post", lambda w: reverse("reader:note_restore", args=[w["own"].pk]), {},
     OWNER_OR_SENIOR_POST),
    ("restore other's note", "post", lambda w: reverse("reader:note_restore", args=[w["others"].pk]), {},
     OTHERS_NOTE_POST),
    ("history of own note", "get", lambda w: reverse("reader:note_history", args=[w["own"].pk]), None,
     EDITORS_ONLY_GET),
    ("history of editors-only note", "get", lambda w: reverse("reader:note_history", args=[w["secret"].pk]), None,
     EDITORS_ONLY_GET),
    ("restore own revision", "post", lambda w: reverse("reader:note_revision_restore", args=[w["own"].pk, 1]), {},
     OWNER_OR_SENIOR_POST),
    ("restore other's revision", "post", lambda w: reverse("reader:note_revision_restore", args=[w["others"].pk, 1]),
     {}, OTHERS_NOTE_POST),
    ("editors-only note", "get", lambda w: reverse("reader:note", args=[w["secret"].pk]), None,
     {"anonymous": 404, "reader": 404, "staff": 404, "*": 302}),
    ("add note", "post", lambda w: reverse("reader:add_note", args=[w["article"].slug, 5]),
     {"body": "x", "kind": "context", "visibility": "public"}, EDITORS_ONLY_POST),
    ("add note to a missing paragraph", "post", lambda w: reverse("reader:add_note", args=[w["article"].slug, 9999]),
     {"body": "x", "kind": "context", "visibility": "public"}, {"anonymous": LOGIN, "reader": 403, "staff": 403,
                                                                "*": 404}),
    ("edit a missing note", "post", lambda w: reverse("reader:note_edit", args=[999999]), NOTE,
     {"anonymous": LOGIN, "reader": 403, "staff": 403, "*": 404}),
    ("reattach own detached note", "post", lambda w: reverse("reader:note_reattach", args=[w["own detached"].pk]),
     {"paragraph": 5}, EDITORS_ONLY_POST),
    ("reattach other's detached note", "post",
     lambda w: reverse("reader:note_reattach", args=[w["others detached"].pk]), {"paragraph": 5}, OTHERS_NOTE_POST),
    ("reattach other's detached note to its candidate", "post",
     lambda w: reverse("reader:note_reattach", args=[w["others detached"].pk]), {}, OTHERS_NOTE_POST),
    ("reattach an attached note", "post", lambda w: reverse("reader:note_reattach", args=[w["own"].pk]),
     {"paragraph": 5}, {"anonymous": LOGIN, "reader": 403, "staff": 403, "*": 409}),
    ("reattach a trashed note", "post", lambda w: _trashed(w["own detached"]), {"paragraph": 5},
     {"anonymous": LOGIN, "reader": 403, "staff": 403, "*": 409}),
    ("reattach to a paragraph that is not an id", "post",
     lambda w: reverse("reader:note_reattach", args=[w["own detached"].pk]), {"paragraph": "abc"},
     {"anonymous": LOGIN, "reader": 403, "staff": 403, "*": 422}),
    ("reattach to another article's paragraph", "post",
     lambda w: reverse("reader:note_reattach", args=[w["own detached"].pk]), {"paragraph": 10**9},
     {"anonymous": LOGIN, "reader": 403, "staff": 403, "*": 404}),
    ("change speaker", "post", lambda w: reverse("reader:quote_speaker", args=[w["quote"].pk]), {"speaker": "Ion"},
     EDITORS_ONLY_POST),
    ("add missed quote", "post", lambda w: reverse("reader:quote_add", args=[w["article"].slug, 9]),
     {"start": 0, "end": 3, "kind": "direct"}, EDITORS_ONLY_POST),
    ("rename entity", "post", lambda w: reverse("reader:entity_rename", args=[w["article"].slug, w["entity"].pk]),
     {"name": "Seoul"}, EDITORS_ONLY_POST),
    ("merge entity", "post", lambda w: reverse("reader:entity_merge", args=[w["article"].slug, w["entity"].pk]),
     {"into": "another entity"}, EDITORS_ONLY_POST),
    ("block entity", "post", lambda w: reverse("reader:entity_block", args=[w["article"].slug, w["entity"].pk]), {},
     EDITORS_ONLY_POST),
    # Ids that are not ids: a one-line reason (422), never a 500.
    ("change speaker to an entity that is not an id", "post",
     lambda w: reverse("reader:quote_speaker", args=[w["quote"].pk]), {"entity": "abc"}, REFUSED_INPUT),
    ("merge into an entity that is not an id", "post",
     lambda w: reverse("reader:entity_merge", args=[w["article"].slug, w["entity"].pk]), {"into": "abc"},
     REFUSED_INPUT),
    ("merge into nothing", "post",
     lambda w: reverse("reader:entity_merge", args=[w["article"].slug, w["entity"].pk]), {}, REFUSED_INPUT),
    ("merge into a missing entity", "post",
     lambda w: reverse("reader:entity_merge", args=[w["article"].slug, w["entity"].pk]), {"into": "999999999"},
     {"anonymous": LOGIN, "reader": 403, "staff": 403, "*": 404}),
    ("entity page", "get", lambda w: reverse("reader:entity", args=[w["entity"].slug]), None, {"*": 200}),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "method", "url", "data", "expected"), CASES, ids=[c[0] for c in CASES])
def test_more_of_the_access_matrix(client, world, role, name, method, url, data, expected):
    check_case(client, world, role, name, method, url, data, expected)


DRAFT_URLS = {
    "article": lambda w: w["article"].get_absolute_url(),
    "export jsonld": lambda w: reverse("reader:notes_jsonld", args=[w["article"].slug]),
    "export md": lambda w: reverse("reader:notes_markdown", args=[w["article"].slug]),
    "public note": lambda w: reverse("reader:note", args=[w["others"].pk]),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", DRAFT_URLS)
def test_an_unpublished_article_and_its_notes_are_not_found_by_readers(client, world, role, name):
    world["article"].unpublish()
    response = client_for(client, world, role).get(DRAFT_URLS[name](world))
    if role in EDITORS:
        assert response.status_code in (200, 302)  # a note redirects to its paragraph
    else:
        assert response.status_code == 404


def _admin_urls() -> list[tuple[str, object]]:
    urls = [("admin index", lambda w: reverse("admin:index")),
            ("article import", lambda w: reverse("admin:reader_article_import"))]
    for model in admin.site._registry:
        if model._meta.app_label != "reader":
            continue
        name, label = f"admin:reader_{model._meta.model_name}", model._meta.model_name

        def first(model=model):
            return model.objects.order_by("pk").first()

        urls += [
            (f"{label} list", lambda w, n=name: reverse(f"{n}_changelist")),
            (f"{label} change", lambda w, n=name, f=first: reverse(f"{n}_change", args=[f().pk]) if f() else None),
            (f"{label} history", lambda w, n=name, f=first: reverse(f"{n}_history", args=[f().pk]) if f() else None),
        ]
    return urls


ADMIN_URLS = _admin_urls()


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "url"), ADMIN_URLS, ids=[n for n, _ in ADMIN_URLS])
def test_admin_urls_by_role(client, world, role, name, url):
    """Non-staff go to the admin's login; staff without permissions get 403; superusers see everything."""
    url = url(world)
    if url is None:
        pytest.skip("no object of this model in the world")
    response = client_for(client, world, role).get(url)
    if role == "anonymous" or not world["users"][role].is_staff:
        assert response.status_code == 302 and "/admin/login/" in response["Location"], (name, role)
    elif role == "staff":
        assert response.status_code == (200 if name == "admin index" else 403), (name, response.status_code)
    else:
        assert response.status_code == 200, (name, role, response.status_code)


@pytest.mark.parametrize("query", ["page=9223372036854775807", "page=99999999999999999999999", "page=abc",
                                   "before=abc", "after=9999-99-99.1"])
def test_the_article_api_refuses_impossible_pages_with_a_reason(client, world, query):
    response = client.get(f"/api/articles?{query}")
    assert response.status_code in (400, 404, 422), response.status_code
    assert response.json()["detail"]
