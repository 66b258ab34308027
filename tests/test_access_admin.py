# ruff: noqa: F811 - `world` is the fixture of tests/test_access.py, imported so the files share one world
"""The admin part of the access matrix: every admin action and every change form, for every role, including
editors who may open the admin (staff in the Editors or Senior editors group, like the demo editor)."""

import pytest
from django.contrib import admin
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.db.models import F
from django.test import Client
from django.urls import reverse

from reader.models import (
    Article,
    Batch,
    BlockedName,
    Entity,
    EntityMerge,
    Feed,
    Figure,
    Mention,
    Note,
    Paragraph,
    Quote,
)
from tests.jobqueue import run_worker
from tests.test_access import ROLES, client_for, world, world_rows  # noqa: F401 - `world`, `world_rows`: fixtures
from tests.worlds import create_user

pytestmark = pytest.mark.django_db

ADMIN_ROLES = [*ROLES, "staff editor", "staff senior"]
ADMIN_EDITORS = {"staff editor", "staff senior", "superuser"}
CURATORS = {"superuser"}


@pytest.fixture(scope="module")
def aworld_rows(world_rows):
    """The shared world, plus editors who can open the admin and notes of theirs and of others (written once per
    module, like the world: tests/test_access.py)."""
    users = {"staff editor": create_user("redactor", editor=True, is_staff=True),
             "staff senior": create_user("redactor-sef", senior=True, is_staff=True)}
    paragraph = Paragraph.objects.get(article_id=world_rows["article"], position=5)
    mine = Note.create(paragraph=paragraph, author=users["staff editor"], body="a redactorului", kind="context",
                       visibility="public")
    # Detached, waiting for an editor, with a best candidate.
    for note in (mine, Note.objects.get(pk=world_rows["others"])):
        note.detach(candidate=paragraph, score=80.0)  # a confident candidate: the admin's action takes it
        note.save()
    return {"users": {role: user.pk for role, user in users.items()}, "mine": mine.pk}


@pytest.fixture
def aworld(aworld_rows, world, django_user_model):
    users = django_user_model.objects.in_bulk(aworld_rows["users"].values())
    world["users"].update({role: users[pk] for role, pk in aworld_rows["users"].items()})
    return {**world, "mine": Note.objects.get(pk=aworld_rows["mine"])}


def is_staff(world, role) -> bool:
    return role != "anonymous" and world["users"][role].is_staff


def check_refused_or_done(world, role, response, allowed: bool, done: bool, name: str) -> None:
    """Non-staff go to the admin's login, staff without rights get 403 or are not offered the action,
    and the effect happened exactly when the role is allowed."""
    if not is_staff(world, role):
        assert response.status_code == 302 and "/admin/login/" in response["Location"], (name, role)
    else:
        assert response.status_code in (200, 302, 403), (name, role, response.status_code)
    assert done == allowed, (name, role, "done" if done else "not done")


def _ids(queryset):
    return [str(pk) for pk in queryset.values_list("pk", flat=True)]


def _publish(w):
    w["article"].unpublish()
    return [w["article"].pk], {}


def _reextract(w):
    w["revision"] = w["article"].revision
    return [w["article"].pk], {}


def _merge(w):
    stray = Entity.objects.create(name="Seul 2", type="PLACE", key="seul 2", slug="seul-2")
    w["stray"] = stray
    return [w["entity"].pk, stray.pk], {"target": w["entity"].pk}


def _block(w):
    stray = Entity.objects.create(name="Nimeni Altul", type="PERSON", key="nimeni altul", slug="nimeni-altul")
    w["stray"] = stray
    return [stray.pk], {}


def _confirm_entity(w):
    Entity.objects.filter(pk=w["entity"].pk).update(confirmed=False)
    return [w["entity"].pk], {}


def _quote(w):
    return [w["quote"].pk], {}


def _undo(w):
    return _ids(EntityMerge.objects.filter(undone_at__isnull=True)), {}


def _article_is(status):
    return lambda w, r: Article.objects.get(pk=w["article"].pk).status == status


def _quote_is(status):
    return lambda w, r: Quote.objects.get(pk=w["quote"].pk).status == status


def _first(model):
    def select(w):
        return [model.objects.order_by("pk").first().pk], {}

    return select


def _feed(w):
    feed, _ = Feed.objects.get_or_create(url="https://gazeta.example/feed.xml")
    return [feed.pk], {}


def _confirmation_page(w, r):
    return r.status_code == 200 and "admin/delete_selected_confirmation.html" in [t.name for t in r.templates]


def _reextracted(w, response) -> bool:
    """The action queued a job (reader/jobs.py): the worker runs it."""
    run_worker()
    return Article.objects.get(pk=w["article"].pk).revision > w["revision"]


def _exported(w, response) -> bool:
    run_worker()
    batch = Batch.objects.filter(kind=Batch.Kind.EXPORT).order_by("pk").last()
    return (response.status_code == 302 and batch is not None and str(batch.pk) in response["Location"]
            and bool(batch.output))


# (model, action, select(world) -> (ids, extra POST data), done(world, response) -> bool, roles allowed)
ACTIONS = [
    (Article, "publish", _publish, _article_is("published"), CURATORS),
    (Article, "unpublish", lambda w: ([w["article"].pk], {}), _article_is("draft"), CURATORS),
    (Article, "reextract", _reextract, _reextracted, CURATORS),
    (Article, "export_annotations", lambda w: ([w["article"].pk], {}), _exported, ADMIN_EDITORS),
    (Entity, "merge_selected", _merge, lambda w, r: not Entity.objects.filter(pk=w["stray"].pk).exists(),
     ADMIN_EDITORS),
    (Entity, "block_selected", _block, lambda w, r: not Entity.objects.filter(pk=w["stray"].pk).exists(),
     ADMIN_EDITORS),
    (Entity, "confirm_selected", _confirm_entity, lambda w, r: Entity.objects.get(pk=w["entity"].pk).confirmed,
     ADMIN_EDITORS),
    (Quote, "confirm", _quote, _quote_is("confirmed"), ADMIN_EDITORS),
    (Quote, "reject", _quote, _quote_is("rejected"), ADMIN_EDITORS),
    (Note, "reattach_to_candidate", lambda w: ([w["mine"].pk], {}),
     lambda w, r: Note.objects.get(pk=w["mine"].pk).paragraph_id is not None, ADMIN_EDITORS),
    (Note, "reattach_to_candidate", lambda w: ([w["others"].pk], {}),
     lambda w, r: Note.objects.get(pk=w["others"].pk).paragraph_id is not None, {"staff senior", "superuser"}),
    (EntityMerge, "undo", _undo, lambda w, r: not EntityMerge.objects.filter(undone_at__isnull=True).exists(),
     CURATORS),
    (Feed, "poll_now", _feed, lambda w, r: Feed.objects.filter(next_poll_at__isnull=False).exists(), CURATORS),
    (Feed, "delete_selected", _feed, _confirmation_page, CURATORS),
    *((model, "delete_selected", _first(model), _confirmation_page, set() if model is Note else CURATORS)
      for model in (Article, Paragraph, Entity, Mention, Quote, Figure, Note, EntityMerge, BlockedName)),
]
ACTION_IDS = [f"{m._meta.model_name}.{a}" for m, a, *_ in ACTIONS]
ACTION_IDS[ACTION_IDS.index("note.reattach_to_candidate") + 1] += " (other's note)"


@pytest.mark.parametrize("role", ADMIN_ROLES)
@pytest.mark.parametrize(("model", "action", "select", "done", "allowed"), ACTIONS, ids=ACTION_IDS)
def test_admin_actions_by_role(client, aworld, role, model, action, select, done, allowed):
    ids, extra = select(aworld)
    url = reverse(f"admin:reader_{model._meta.model_name}_changelist")
    response = client_for(client, aworld, role).post(url, {"action": action, ACTION_CHECKBOX_NAME: ids, **extra})
    check_refused_or_done(aworld, role, response, role in allowed, done(aworld, response), f"{model.__name__}.{action}")


def test_every_admin_action_declares_its_permission():
    """An action without `permissions` is offered to anybody who may only view the list."""
    for model, model_admin in admin.site._registry.items():
        for name in model_admin.actions or []:
            function = getattr(model_admin, name) if isinstance(name, str) else name
            assert getattr(function, "allowed_permissions", None), f"{model.__name__}: action {name}"


def form_data(response) -> dict:
    """What a browser would send back from an admin change page, unchanged: the form and its inlines."""
    data = {}

    def add(form):
        for field in form:
            value = field.value()
            if value is None or value is False:
                continue
            data[field.html_name] = "on" if value is True else value

    add(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        add(inline.formset.management_form)
        for form in inline.formset.forms:
            add(form)
    return data


def _change_target(w, name):
    """The object each change form case opens."""
    objects = {
        "note (own)": lambda: w["mine"],
        "note (other's)": lambda: w["others"],
        "article": lambda: w["article"],
        "paragraph": lambda: w["article"].paragraphs.order_by("pk").first(),
        "entity": lambda: w["entity"],
        "mention": lambda: Mention.objects.order_by("pk").first(),
        "quote": lambda: w["quote"],
        "figure": lambda: Figure.objects.order_by("pk").first(),
        "entitymerge": lambda: EntityMerge.objects.order_by("pk").first(),
        "blockedname": lambda: BlockedName.objects.order_by("pk").first(),
        "feed": lambda: _feed(w) and Feed.objects.get(url="https://gazeta.example/feed.xml"),
        "statement": lambda: _statement(w),
        "batch": lambda: Batch.objects.create(kind=Batch.Kind.IMPORT, label="lot", created_by=w["users"]["superuser"]),
    }
    return objects[name]()


def _statement(w):
    """The world's quote as a statement (reader.provenance): the words of a quote of six words or more."""
    from reader import provenance
    from reader.models import Statement

    if not Statement.objects.exists():  # the shared world indexes the seed article's quotes already
        quote = Quote.objects.select_related("paragraph", "article").filter(end__gte=F("start") + 40).first()
        provenance.index_quotes([quote])
    return Statement.objects.order_by("pk").first()


# (case, status of GET then of POST unchanged, per admin role allowed in; staff without rights always get 403)
CHANGE_FORMS = [
    ("article", {"staff editor": (200, 403), "staff senior": (200, 403), "superuser": (200, 302)}),
    ("paragraph", {"staff editor": (200, 403), "staff senior": (200, 403), "superuser": (200, 302)}),
    ("mention", {"staff editor": (200, 403), "staff senior": (200, 403), "superuser": (200, 302)}),
    ("figure", {"staff editor": (200, 403), "staff senior": (200, 403), "superuser": (200, 302)}),
    ("quote", {"staff editor": (200, 302), "staff senior": (200, 302), "superuser": (200, 302)}),
    ("entity", {"staff editor": (200, 302), "staff senior": (200, 302), "superuser": (200, 302)}),
    ("blockedname", {"staff editor": (200, 403), "staff senior": (200, 403), "superuser": (200, 302)}),
    ("entitymerge", {"staff editor": (403, 403), "staff senior": (403, 403), "superuser": (200, 302)}),
    ("feed", {"superuser": (200, 302)}),
    # A batch of jobs (started by the superuser here): followed, never edited; others' batches are not shown.
    ("batch", {"staff editor": (403, 403), "staff senior": (403, 403), "superuser": (200, 405)}),
    # Kept by the import alone: readable by superusers, changed by nobody.
    ("statement", {"staff editor": (403, 403), "staff senior": (403, 403), "superuser": (200, 403)}),
    ("note (own)", {"staff editor": (200, 302), "staff senior": (200, 302), "superuser": (200, 302)}),
    ("note (other's)", {"staff editor": (200, 403), "staff senior": (200, 302), "superuser": (200, 302)}),
]
assert {c for c, _ in CHANGE_FORMS} >= {m._meta.model_name for m in admin.site._registry if m._meta.app_label ==
                                        "reader"} - {"note"}, "every admin model has a change form case"


@pytest.mark.parametrize("role", ADMIN_ROLES)
@pytest.mark.parametrize(("case", "expected"), CHANGE_FORMS, ids=[c for c, _ in CHANGE_FORMS])
def test_admin_change_forms_by_role(client, aworld, role, case, expected):
    """Open each change form, then send it back unchanged (for those who may not open it: as a curator's
    browser would have sent it)."""
    obj = _change_target(aworld, case)
    url = reverse(f"admin:reader_{obj._meta.model_name}_change", args=[obj.pk])
    curator = Client()
    curator.force_login(aworld["users"]["superuser"])
    data = form_data(curator.get(url)) if case != "batch" else {}
    client = client_for(client, aworld, role)
    got = client.get(url).status_code, client.post(url, data).status_code
    if not is_staff(aworld, role):
        assert got == (302, 302), (case, role, got)
    else:
        assert got == expected.get(role, (403, 403)), (case, role, got)


def _edit(client, note, **changes):
    url = reverse("admin:reader_note_change", args=[note.pk])
    data = {**form_data(client.get(url)), **changes}
    return client.post(url, data)


def test_an_editor_cannot_rewrite_another_editors_note_in_the_admin(client, aworld):
    others = aworld["others"]
    client.force_login(aworld["users"]["staff editor"])
    curator = Client()
    curator.force_login(aworld["users"]["superuser"])
    url = reverse("admin:reader_note_change", args=[others.pk])
    data = {**form_data(curator.get(url)), "body": "rescrisă", "visibility": "editors",
            "author": aworld["users"]["staff editor"].pk}
    assert client.post(url, data).status_code == 403
    others.refresh_from_db()
    assert (others.body, others.visibility, others.author_id, others.version) == ("a altuia", "public",
                                                                                  others.author_id, 1)
    assert others.revisions.count() == 1


def test_an_admin_edit_is_a_new_revision_and_where_and_who_stay(client, aworld):
    mine, editor = aworld["mine"], aworld["users"]["staff editor"]
    other_paragraph = aworld["article"].paragraphs.get(position=7)
    client.force_login(editor)
    response = _edit(client, mine, body="text nou", kind="fact-check", author=aworld["users"]["senior"].pk,
                     article=0, paragraph=other_paragraph.pk, deleted_at="2020-01-01 00:00")
    assert response.status_code == 302
    mine.refresh_from_db()
    assert (mine.body, mine.kind, mine.version, mine.author_id) == ("text nou", "fact-check", 2, editor.pk)
    assert mine.paragraph_id is None and mine.deleted_at is None  # still detached, not trashed
    latest = mine.revisions.order_by("version").last()
    assert (latest.version, latest.body, latest.editor_id) == (2, "text nou", editor.pk)


def test_a_senior_editor_edits_another_editors_note_in_the_admin_as_a_revision(client, aworld):
    others, senior = aworld["others"], aworld["users"]["staff senior"]
    client.force_login(senior)
    assert _edit(client, others, body="corectat").status_code == 302
    others.refresh_from_db()
    assert (others.body, others.version, others.author.username) == ("corectat", 2, "alt-editor")
    assert others.revisions.get(version=2).editor_id == senior.pk


def test_a_stale_admin_edit_is_refused_and_keeps_the_text(client, aworld):
    mine, editor = aworld["mine"], aworld["users"]["staff editor"]
    client.force_login(editor)
    url = reverse("admin:reader_note_change", args=[mine.pk])
    stale = form_data(client.get(url))
    mine.edit(by=editor, base_version=1, body="din pagină", kind="context", visibility="public")
    response = client.post(url, {**stale, "body": "din admin"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "nu s-a salvat nimic" in html and "din admin" in html
    mine.refresh_from_db()
    assert (mine.body, mine.version) == ("din pagină", 2)
    # The form now carries the saved version: saving again knowingly replaces it, as a new revision.
    again = form_data(response)
    assert again["base_version"] == 2
    assert client.post(url, again).status_code == 302
    mine.refresh_from_db()
    assert (mine.body, mine.version) == ("din admin", 3)


def test_a_trashed_note_is_not_edited_in_the_admin(client, aworld):
    mine = aworld["mine"]
    mine.soft_delete()
    client.force_login(aworld["users"]["superuser"])
    url = reverse("admin:reader_note_change", args=[mine.pk])
    assert client.post(url, {"body": "x", "kind": "context", "visibility": "public", "base_version": 1}).status_code \
        == 403
    mine.refresh_from_db()
    assert mine.body == "a redactorului"


def test_notes_are_not_added_in_the_admin(client, aworld):
    client.force_login(aworld["users"]["superuser"])
    assert client.get(reverse("admin:reader_note_add")).status_code == 403
    assert client.get(reverse("admin:reader_quote_add")).status_code == 403


def test_a_rename_onto_an_existing_entity_is_refused_with_a_reason(client, aworld):
    client.force_login(aworld["users"]["staff editor"])
    putin = Entity.objects.get(name="Vladimir Putin")
    kim = Entity.objects.get(name="Kim Jong-un")
    url = reverse("admin:reader_entity_change", args=[kim.pk])
    response = client.post(url, {**form_data(client.get(url)), "name": "vladimir PUTIN", "type": putin.type})
    assert response.status_code == 200 and "există deja" in response.content.decode()
    assert Entity.objects.get(pk=kim.pk).name == "Kim Jong-un"
