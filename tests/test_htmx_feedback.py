"""Feedback arrives on the page where the action was taken: htmx swaps only what changed, messages travel with
the answer, refusals sit next to their control, and a page with a message waiting is never a 304."""

import re

import pytest
from django.urls import reverse

from reader.models import Entity, Mention, Quote

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


def direct_quotes(article):
    return Quote.objects.filter(paragraph__article=article, kind="direct").order_by("paragraph__position")


def top_level_ids(html: str) -> list[tuple[str, bool]]:
    """(id, out of band?) of the answer's top-level elements, in order."""
    return [(m.group(2), "hx-swap-oob" in m.group(0))
            for m in re.finditer(r'^\s{0,2}<(section|aside|div)\b[^>]*\bid="([^"]+)"[^>]*>', html, re.M)]


def test_confirm_answers_its_paragraph_with_the_tools_open_and_the_message(editor_client, seed_article):
    quote = direct_quotes(seed_article)[0]
    response = editor_client.post(reverse("reader:quote_confirm", args=[quote.pk]), **HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    ids = top_level_ids(html)
    assert ids[0] == (quote.paragraph.anchor, False)  # the swap target: the paragraph acted on
    assert ("messages", True) in ids
    assert "sidebar" not in dict(ids)  # a confirmation changes no count, no colour: the sidebar stays
    assert 'class="quote-tools" open' in html
    assert f'id="q-{quote.pk}-confirm"' in html  # focus stays on the same control (htmx keeps it by id)
    assert "Citat confirmat." in html
    # The message went with the answer: it does not wait for the next page.
    assert "Citat confirmat." not in editor_client.get(seed_article.get_absolute_url()).content.decode()


def test_not_a_quote_also_swaps_the_sidebar_out_of_band(editor_client, seed_article):
    quote = direct_quotes(seed_article)[0]
    html = editor_client.post(reverse("reader:quote_reject", args=[quote.pk]), **HTMX).content.decode()
    ids = dict(top_level_ids(html))
    assert ids[quote.paragraph.anchor] is False and ids["sidebar"] is True


def test_a_refused_speaker_change_is_written_next_to_the_control(editor_client, seed_article):
    quote = direct_quotes(seed_article)[0]
    response = editor_client.post(reverse("reader:quote_speaker", args=[quote.pk]), {"speaker": " "}, **HTMX)
    html = response.content.decode()
    assert response.status_code == 422
    assert f'<p class="field-error" id="q-{quote.pk}-error" role="alert">Alegeți sau scrieți' in html
    assert f'aria-describedby="q-{quote.pk}-error"' in html
    quote.refresh_from_db()
    assert quote.status == "machine"


def test_a_missed_quote_not_found_is_refused_inline(editor_client, seed_article):
    paragraph = seed_article.paragraphs.get(position=5)
    url = reverse("reader:quote_add", args=[seed_article.slug, paragraph.position])
    response = editor_client.post(url, {"text": "cuvinte care nu sunt acolo", "kind": "direct"}, **HTMX)
    assert response.status_code == 422
    assert f'id="{paragraph.anchor}-quote-error" role="alert"' in response.content.decode()


def test_rename_to_an_existing_name_is_refused_in_the_sidebar(editor_client, seed_article):
    first, second = Entity.objects.filter(mentions__article=seed_article, type="PERSON").distinct()[:2]
    url = reverse("reader:entity_rename", args=[seed_article.slug, first.pk])
    response = editor_client.post(url, {"name": second.name}, **HTMX)
    html = response.content.decode()
    assert response.status_code == 422
    assert top_level_ids(html)[0] == ("sidebar", False)
    assert f'id="e-{first.pk}-tools" open' in html and f'id="e-{first.pk}-error" role="alert"' in html


def test_a_merge_swaps_the_sidebar_and_the_paragraphs_it_reached(editor_client, seed_article):
    first, second = Entity.objects.filter(mentions__article=seed_article, type="PERSON").distinct()[:2]
    reached = {p.anchor for p in seed_article.paragraphs.filter(mentions__entity=first)}
    url = reverse("reader:entity_merge", args=[seed_article.slug, first.pk])
    html = editor_client.post(url, {"into": second.pk}, **HTMX).content.decode()
    ids = dict(top_level_ids(html))
    assert ids["sidebar"] is False and ids["messages"] is True
    assert reached and all(ids.get(anchor) is True for anchor in reached)
    assert not Mention.objects.filter(entity_id=first.pk).exists()


def test_without_javascript_a_refusal_shows_on_the_page_even_to_a_conditional_get(editor_client, seed_article):
    url = seed_article.get_absolute_url()
    etag = editor_client.get(url)["ETag"]
    assert editor_client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    quote = direct_quotes(seed_article)[0]
    response = editor_client.post(reverse("reader:quote_speaker", args=[quote.pk]), {"speaker": ""})
    assert response.status_code == 302 and response["Location"] == f"{url}#q-{quote.pk}"
    # The article did not change, but a message waits: the page is rendered, with it, and tagged apart.
    page = editor_client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert page.status_code == 200 and "Alegeți sau scrieți numele vorbitorului." in page.content.decode()
    assert page["ETag"] != etag
    # Shown once: the next request is back to the plain page (and to 304).
    assert editor_client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_without_javascript_a_success_is_said_on_the_page(editor_client, seed_article):
    quote = direct_quotes(seed_article)[0]
    editor_client.post(reverse("reader:quote_confirm", args=[quote.pk]))
    assert "Citat confirmat." in editor_client.get(seed_article.get_absolute_url()).content.decode()


def test_the_messages_region_is_always_there_for_htmx_to_fill(client, seed_article):
    assert '<div id="messages" class="messages-region" role="status">' in client.get(
        seed_article.get_absolute_url()).content.decode()


def test_corrections_need_the_csrf_token(seed_article, editor):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(editor)
    quote = direct_quotes(seed_article)[0]
    assert strict.post(reverse("reader:quote_confirm", args=[quote.pk]), **HTMX).status_code == 403


def test_an_htmx_answer_costs_the_decision_and_one_page_render(editor_client, editor, seed_article):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from reader import actions

    first, second = direct_quotes(seed_article)[:2]
    editor_client.get(seed_article.get_absolute_url())
    with CaptureQueriesContext(connection) as page:
        editor_client.get(seed_article.get_absolute_url())
    with CaptureQueriesContext(connection) as decision:
        actions.confirm_quote(quote=Quote.objects.select_related("paragraph__article").get(pk=first.pk), by=editor)
    with CaptureQueriesContext(connection) as answer:
        editor_client.post(reverse("reader:quote_confirm", args=[second.pk]), **HTMX)
    # The quote and the speaker legend before the change: two more than a page and the decision, whatever the size.
    assert len(answer) <= len(page) + len(decision) + 2, (len(answer), len(page), len(decision))
