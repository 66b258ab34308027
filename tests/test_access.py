"""Every URL × method × role × own/other's object, with the expected status code."""

import pytest
from django.urls import reverse

from reader import actions, provenance
from reader.models import Article, Batch, BlockedName, Entity, Feed, Job, Note, Quote
from tests.worlds import build_seed_article, create_user

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "reader", "editor", "senior", "staff", "superuser"]
LOGIN = "login"  # a redirect to the login page


@pytest.fixture(scope="module")
def world_rows(module_db):
    """The world's rows, written once per module (tests/conftest.py: module_db); `world` hands each test its own
    copies of the objects, and the test's changes are rolled back."""
    seed_article = build_seed_article()
    users = {
        "reader": create_user("cititor"),
        "editor": create_user("editor1", editor=True),
        "senior": create_user("senior1", senior=True),
        "staff": create_user("personal", is_staff=True),
        "superuser": create_user("sef", is_staff=True, is_superuser=True),
    }
    other = create_user("alt-editor", editor=True)
    paragraph = seed_article.paragraphs.get(position=5)
    own = Note.create(paragraph=paragraph, author=users["editor"], body="a mea", kind="context", visibility="public")
    others = Note.create(paragraph=paragraph, author=other, body="a altuia", kind="context", visibility="public")
    secret = Note.create(paragraph=paragraph, author=other, body="secret", kind="internal", visibility="editors")
    # Detached notes (their paragraph changed beyond recognition at a re-import), waiting to be re-attached.
    own_detached = Note.create(paragraph=paragraph, author=users["editor"], body="a mea, detașată", kind="context",
                               visibility="public")
    others_detached = Note.create(paragraph=paragraph, author=other, body="a altuia, detașată", kind="context",
                                  visibility="public")
    for note in (own_detached, others_detached):
        note.detach(candidate=paragraph, score=0.5)
        note.save()
    quote = Quote.objects.filter(paragraph__article=seed_article).first()
    entity = Entity.objects.get(name="Seul")
    # Objects of every admin model exist, so the admin part of the matrix has a page to open for each.
    stray = Entity.objects.create(name="Seul (dublură)", type="PLACE", key="seul (dublura)", slug="seul-dublura")
    actions.merge_entities(source=stray, target=entity, by=users["superuser"])
    BlockedName.objects.create(key="nimeni", name="Nimeni", created_by=users["superuser"])
    Feed.objects.create(url="https://stiri.example/rss", title="Știri de probă")
    batch = Batch.objects.create(kind=Batch.Kind.IMPORT, label="Import de probă", created_by=users["superuser"])
    Job.objects.create(batch=batch, name="articol.txt")
    provenance.reindex_article(seed_article)  # the seed article's quotes as statements
    return {
        "users": {role: user.pk for role, user in users.items()},
        "article": seed_article.pk,
        "own": own.pk,
        "others": others.pk,
        "secret": secret.pk,
        "own detached": own_detached.pk,
        "others detached": others_detached.pk,
        "quote": quote.pk,
        "entity": entity.pk,
    }


NOTES = ("own", "others", "secret", "own detached", "others detached")


@pytest.fixture
def world(world_rows, db, django_user_model):
    users = django_user_model.objects.in_bulk(world_rows["users"].values())
    notes = Note.objects.in_bulk([world_rows[name] for name in NOTES])
    return {
        "users": {role: users[pk] for role, pk in world_rows["users"].items()},
        "article": Article.objects.get(pk=world_rows["article"]),
        **{name: notes[world_rows[name]] for name in NOTES},
        "quote": Quote.objects.get(pk=world_rows["quote"]),
        "entity": Entity.objects.get(pk=world_rows["entity"]),
    }


def client_for(client, world, role):
    if role != "anonymous":
        client.force_login(world["users"][role])
    return client


def expect(code_by_role, role):
    return code_by_role.get(role, code_by_role.get("*"))


# (name, method, url builder, data, expected status per role; "*" = every other role)
EDITORS_ONLY_GET = {"anonymous": LOGIN, "reader": 403, "staff": 403, "*": 200}
EDITORS_ONLY_POST = {"anonymous": LOGIN, "reader": 403, "staff": 403, "*": 302}
OWNER_OR_SENIOR_POST = {"anonymous": LOGIN, "reader": 403, "staff": 403, "editor": 302, "*": 302}
OTHERS_NOTE_POST = {"anonymous": LOGIN, "reader": 403, "staff": 403, "editor": 403, "*": 302}
OTHERS_NOTE_GET = {"anonymous": LOGIN, "reader": 403, "staff": 403, "editor": 403, "*": 200}

CASES = [
    ("index", "get", lambda w: reverse("reader:index"), None, {"*": 200}),
    ("article", "get", lambda w: w["article"].get_absolute_url(), None, {"*": 200}),
    ("export jsonld", "get", lambda w: reverse("reader:notes_jsonld", args=[w["article"].slug]), None, {"*": 200}),
    ("export md", "get", lambda w: reverse("reader:notes_markdown", args=[w["article"].slug]), None, {"*": 200}),
    ("trash", "get", lambda w: reverse("reader:trash", args=[w["article"].slug]), None, EDITORS_ONLY_GET),
    ("public note", "get", lambda w: reverse("reader:note", args=[w["others"].pk]), None, {"*": 302}),
    (
        "editors-only note",
        "get",
        lambda w: reverse("reader:note", args=[w["secret"].pk]),
        None,
        {"anonymous": 404, "reader": 404, "staff": 404, "*": 302},
    ),
    ("history", "get", lambda w: reverse("reader:note_history", args=[w["others"].pk]), None, EDITORS_ONLY_GET),
    (
        "edit own note form",
        "get",
        lambda w: reverse("reader:note_edit", args=[w["own"].pk]),
        None,
        {"anonymous": LOGIN, "reader": 403, "staff": 403, "*": 200},
    ),
    (
        "edit other's note form",
        "get",
        lambda w: reverse("reader:note_edit", args=[w["others"].pk]),
        None,
        OTHERS_NOTE_GET,
    ),
    (
        "add note",
        "post",
        lambda w: reverse("reader:add_note", args=[w["article"].slug, 5]),
        {"body": "x", "kind": "context", "visibility": "public"},
        EDITORS_ONLY_POST,
    ),
    (
        "edit own note",
        "post",
        lambda w: reverse("reader:note_edit", args=[w["own"].pk]),
        {"body": "y", "kind": "context", "visibility": "public", "base_version": 1},
        OWNER_OR_SENIOR_POST,
    ),
    (
        "edit other's note",
        "post",
        lambda w: reverse("reader:note_edit", args=[w["others"].pk]),
        {"body": "y", "kind": "context", "visibility": "public", "base_version": 1},
        OTHERS_NOTE_POST,
    ),
    ("delete own note", "post", lambda w: reverse("reader:note_delete", args=[w["own"].pk]), {}, OWNER_OR_SENIOR_POST),
    (
        "delete other's note",
        "post",
        lambda w: reverse("reader:note_delete", args=[w["others"].pk]),
        {},
        OTHERS_NOTE_POST,
    ),
    (
        "restore other's note",
        "post",
        lambda w: reverse("reader:note_restore", args=[w["others"].pk]),
        {},
        OTHERS_NOTE_POST,
    ),
    (
        "reattach",
        "post",
        lambda w: reverse("reader:note_reattach", args=[w["own detached"].pk]),
        {"paragraph": 5},
        EDITORS_ONLY_POST,
    ),
    ("confirm quote", "post", lambda w: reverse("reader:quote_confirm", args=[w["quote"].pk]), {}, EDITORS_ONLY_POST),
    ("reject quote", "post", lambda w: reverse("reader:quote_reject", args=[w["quote"].pk]), {}, EDITORS_ONLY_POST),
    (
        "change speaker",
        "post",
        lambda w: reverse("reader:quote_speaker", args=[w["quote"].pk]),
        {"speaker": "Ion"},
        EDITORS_ONLY_POST,
    ),
    (
        "add missed quote",
        "post",
        lambda w: reverse("reader:quote_add", args=[w["article"].slug, 9]),
        {"start": 0, "end": 3, "kind": "direct"},
        EDITORS_ONLY_POST,
    ),
    (
        "rename entity",
        "post",
        lambda w: reverse("reader:entity_rename", args=[w["article"].slug, w["entity"].pk]),
        {"name": "Seoul"},
        EDITORS_ONLY_POST,
    ),
    (
        "block entity",
        "post",
        lambda w: reverse("reader:entity_block", args=[w["article"].slug, w["entity"].pk]),
        {},
        EDITORS_ONLY_POST,
    ),
    ("review screen", "get", lambda w: reverse("reader:review"), None, EDITORS_ONLY_GET),
    ("review: confirm", "post", lambda w: reverse("reader:review_decide", args=[w["quote"].pk]),
     {"decision": "confirm"}, EDITORS_ONLY_POST),
    ("review: speaker", "post", lambda w: reverse("reader:review_decide", args=[w["quote"].pk]),
     {"decision": "speaker", "speaker": "Ion"}, EDITORS_ONLY_POST),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "method", "url", "data", "expected"), CASES, ids=[c[0] for c in CASES])
def test_access_matrix(client, world, role, name, method, url, data, expected):
    check_case(client, world, role, name, method, url, data, expected)


def check_case(client, world, role, name, method, url, data, expected) -> None:
    """Make one request of the matrix as `role` and compare its status with the expected one."""
    client = client_for(client, world, role)
    # Ids differ per database: cases name paragraphs by position (a small number); other values go as they are.
    if data and isinstance(data.get("paragraph"), int) and data["paragraph"] < 1000:
        data = {**data, "paragraph": world["article"].paragraphs.get(position=data["paragraph"]).pk}
    if data and data.get("into") == "another entity":
        data = {**data, "into": Entity.objects.exclude(pk=world["entity"].pk).first().pk}
    response = getattr(client, method)(url(world), data or {})
    want = expect(expected, role)
    if want == LOGIN:
        assert response.status_code == 302 and "/login/" in response["Location"], (name, role)
    else:
        assert response.status_code == want, (name, role, response.status_code)


@pytest.mark.parametrize("role", ROLES)
def test_draft_article_is_hidden_from_everyone_but_editors(client, world, role):
    world["article"].unpublish()
    response = client_for(client, world, role).get(world["article"].get_absolute_url())
    assert response.status_code == (200 if role in {"editor", "senior", "superuser"} else 404)


@pytest.mark.parametrize("role", ROLES)
def test_editors_only_notes_never_reach_readers(client, world, role):
    client = client_for(client, world, role)
    pages = [
        world["article"].get_absolute_url(),
        reverse("reader:notes_jsonld", args=[world["article"].slug]),
        reverse("reader:notes_markdown", args=[world["article"].slug]),
    ]
    seen = any("secret" in client.get(url).content.decode() for url in pages)
    assert seen == (role in {"editor", "senior", "superuser"})


@pytest.mark.parametrize("url_name", ["reader:note_delete", "reader:note_restore", "reader:quote_confirm"])
def test_write_urls_refuse_get(editor_client, world, url_name):
    pk = world["quote"].pk if "quote" in url_name else world["own"].pk
    assert editor_client.get(reverse(url_name, args=[pk])).status_code == 405


@pytest.mark.parametrize("role", ROLES)
def test_the_api_shows_each_role_what_its_pages_show(client, world, role):
    client = client_for(client, world, role)
    article, editor_view = world["article"], role in {"editor", "senior", "superuser"}
    notes = client.get(f"/api/articles/{article.slug}/notes")
    assert notes.status_code == 200 and notes["X-Content-Type-Options"] == "nosniff"
    assert ("secret" in notes.content.decode()) == editor_view
    putin = Entity.objects.get(name="Vladimir Putin")
    assert client.get(f"/api/entities/{putin.slug}").json()["quotes"]

    article.unpublish()
    listed = [a["slug"] for a in client.get("/api/articles").json()["items"]]
    assert (article.slug in listed) == editor_view
    assert client.get(f"/api/articles/{article.slug}").status_code == (200 if editor_view else 404)
    assert client.get(f"/api/articles/{article.slug}/notes").status_code == (200 if editor_view else 404)
    # Putin now appears in no published article: unknown to readers (404, as for a slug that does not exist).
    entity = client.get(f"/api/entities/{putin.slug}")
    assert entity.status_code == (200 if editor_view else 404)
    assert not editor_view or entity.json()["quotes"]
