"""One note form per paragraph: each gets its own element ids (reader/templatetags/page_forms.py)."""

import re

import pytest
from django.urls import reverse

from reader.forms import NoteEditForm, NoteForm
from reader.templatetags.page_forms import as_div_with_ids, ids_prefixed


def ids(html: str) -> set[str]:
    return set(re.findall(r'\bid="([^"]+)"', html)) | set(re.findall(r'\bfor="([^"]+)"', html))


def test_an_unbound_form_gets_prefixed_ids_and_keeps_its_field_names():
    original = NoteForm()
    html = ids_prefixed(original, "p-3").as_div()
    assert ids(html) == {"p-3-body", "p-3-body_helptext", "p-3-kind", "p-3-visibility"}
    assert set(re.findall(r'name="([^"]+)"', html)) == {"body", "kind", "visibility"}
    assert 'id="id_body"' in original.as_div()  # the form passed in is left as it was


def test_a_bound_form_keeps_its_data_and_its_errors_under_the_new_ids():
    form = NoteForm({"body": "  ", "kind": "correction", "visibility": "editors"})
    assert not form.is_valid()
    twin = ids_prefixed(form, "p-7")
    html = twin.as_div()
    assert twin.errors == form.errors
    assert "Nota este goală." in html
    assert '<option value="correction" selected>' in html and '<option value="editors" selected>' in html
    # The error list is named by its field's id, so aria-describedby finds it (it kept id_body_error before).
    assert 'id="p-7-body_error"' in html and 'aria-describedby="p-7-body_helptext p-7-body_error"' in html
    assert "id_" not in html


def test_a_plain_form_and_none_work_too():
    assert ids_prefixed(None, "p-1") is None
    html = ids_prefixed(NoteEditForm(initial={"body": "x", "base_version": 2}), "n-4").as_div()
    assert 'id="n-4-body"' in html and 'value="2"' in html


@pytest.mark.parametrize("form", [
    NoteForm(),
    NoteForm({"body": " ", "kind": "correction", "visibility": "editors"}),
    NoteEditForm(initial={"body": "x", "base_version": 2}),
], ids=["unbound", "bound", "plain"])
def test_a_form_rendered_once_per_page_reads_as_each_copy_rendered_on_its_own(form):
    for prefix in ("p-3", "p-12-quote", "p-3"):
        assert as_div_with_ids(form, prefix) == ids_prefixed(form, prefix).as_div()
    assert as_div_with_ids(None, "p-1") == ""


@pytest.mark.django_db
def test_every_paragraph_form_on_the_article_page_has_its_own_ids(editor_client, seed_article):
    page = editor_client.get(seed_article.get_absolute_url()).content.decode()
    bodies = re.findall(r'<textarea name="body"[^>]* id="([^"]+)"', page)
    assert len(bodies) == seed_article.paragraphs.count() > 1
    assert bodies == [f"p-{p}-body" for p in seed_article.paragraphs.values_list("position", flat=True)]
    assert f'for="{bodies[0]}"' in page and "id_body" not in page


@pytest.mark.django_db
def test_a_refused_note_comes_back_with_its_errors_under_its_paragraph_ids(editor_client, seed_article):
    url = reverse("reader:add_note", args=[seed_article.slug, 5])
    html = editor_client.post(url, {"body": " ", "kind": "context", "visibility": "public"},
                              HTTP_HX_REQUEST="true").content.decode()
    assert 'id="p-5-body_error"' in html and "Nota este goală." in html
