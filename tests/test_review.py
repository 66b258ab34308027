"""The review screen: unchecked quotes least confident first, each in its paragraph with the article's speakers,
one form per decision; the same with htmx (the item swapped) and without (a redirect with a message)."""

import pytest
from django.urls import reverse

from reader.models import Entity, Quote

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


def machine_quotes(article):
    return Quote.objects.filter(article=article, status="machine").order_by("confidence", "id")


def test_only_editors_open_it(client, seed_article, make_user):
    url = reverse("reader:review")
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(make_user("cititor"))
    assert client.get(url).status_code == 403
    assert client.post(reverse("reader:review_decide", args=[machine_quotes(seed_article)[0].pk]),
                       {"decision": "confirm"}).status_code == 403


def test_least_confident_first_with_the_paragraph_and_alternatives(editor_client, seed_article):
    Quote.objects.filter(pk=machine_quotes(seed_article).last().pk).update(confidence=0.01)
    weakest = machine_quotes(seed_article).first()
    html = editor_client.get(reverse("reader:review")).content.decode()
    assert html.index('<li class="review-item"') + len('<li class="review-item" ') == html.index(
        f'id="review-{weakest.pk}"')
    assert f'<mark class="review-quote" id="review-{weakest.pk}-words">' in html
    assert f'href="{seed_article.get_absolute_url()}#q-{weakest.pk}"' in html
    speakers = Entity.objects.filter(mentions__article=seed_article, type__in=Entity.SPEAKER_TYPES).distinct()
    assert speakers and any(f'name="entity" value="{e.pk}"' in html for e in speakers)
    assert 'aria-keyshortcuts="c"' in html and 'aria-keyshortcuts="x"' in html


def test_the_page_costs_the_same_queries_whatever_the_queue(editor_client, seed_article,
                                                            django_assert_max_num_queries):
    editor_client.get(reverse("reader:review"))
    # session, user, the quotes page, the speakers of its articles, the unverified count
    with django_assert_max_num_queries(6):
        response = editor_client.get(reverse("reader:review"))
    assert response.status_code == 200


def test_confirm_with_htmx_answers_the_item_decided(editor_client, seed_article):
    quote = machine_quotes(seed_article).first()
    response = editor_client.post(reverse("reader:review_decide", args=[quote.pk]),
                                  {"decision": "confirm", "back": "/revizie/"}, **HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith(f'<li class="review-item decided" id="review-{quote.pk}"')
    assert 'id="messages"' in html and "Citat confirmat." in html
    quote.refresh_from_db()
    assert quote.status == "confirmed"


def test_choose_an_alternative_or_a_new_name(editor_client, seed_article):
    first, second = machine_quotes(seed_article)[:2]
    other = Entity.objects.filter(mentions__article=seed_article, type="PERSON").exclude(
        pk=first.speaker_id).first()
    editor_client.post(reverse("reader:review_decide", args=[first.pk]), {"decision": "speaker", "entity": other.pk})
    editor_client.post(reverse("reader:review_decide", args=[second.pk]),
                       {"decision": "speaker", "speaker": "Un purtător de cuvânt"})
    first.refresh_from_db(), second.refresh_from_db()
    assert first.speaker_id == other.pk and first.status == "corrected"
    assert second.speaker_name == "Un purtător de cuvânt"


def test_without_javascript_the_queue_comes_back_at_the_next_quote_with_a_message(editor_client, seed_article):
    first, second = machine_quotes(seed_article)[:2]
    response = editor_client.post(reverse("reader:review_decide", args=[first.pk]),
                                  {"decision": "reject", "back": "/revizie/?article=1", "next": second.pk})
    assert response.status_code == 302 and response["Location"] == f"/revizie/?article=1#review-{second.pk}"
    page = editor_client.get(reverse("reader:review")).content.decode()
    assert "Marcat: nu e citat." in page and f'id="review-{first.pk}"' not in page


def test_a_refusal_is_next_to_the_control_and_an_outside_back_is_ignored(editor_client, seed_article):
    quote = machine_quotes(seed_article).first()
    url = reverse("reader:review_decide", args=[quote.pk])
    response = editor_client.post(url, {"decision": "speaker", "speaker": ""}, **HTMX)
    assert response.status_code == 422
    assert f'id="review-{quote.pk}-error" role="alert"' in response.content.decode()
    response = editor_client.post(url, {"decision": "speaker", "back": "//example.com/"})
    assert response["Location"] == f"/revizie/#review-{quote.pk}"
    assert editor_client.post(url, {"decision": "delete"}).status_code == 422


def test_decisions_need_the_csrf_token(seed_article, editor):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(editor)
    quote = machine_quotes(seed_article).first()
    assert strict.post(reverse("reader:review_decide", args=[quote.pk]), {"decision": "confirm"}).status_code == 403


def test_one_article_only_and_a_bad_cursor_is_404(editor_client, seed_article):
    url = reverse("reader:review")
    assert editor_client.get(f"{url}?article={seed_article.pk}").status_code == 200
    assert editor_client.get(f"{url}?after=nimic").status_code == 404


def test_the_article_list_counts_what_is_left_to_check_for_editors(client, editor_client, seed_article):
    unverified = Quote.objects.filter(article=seed_article, status="machine", confidence__lt=Quote.CONFIDENT).count()
    assert unverified
    link = f'href="{reverse("reader:review")}?article={seed_article.pk}"'
    html = editor_client.get(reverse("reader:index")).content.decode()
    assert link in html and f"{unverified} citat" in html
    assert link not in client.get(reverse("reader:index")).content.decode()


def test_the_admin_index_counts_them_and_links_the_review_screen(admin_client, seed_article):
    unverified = Quote.objects.filter(status="machine", confidence__lt=Quote.CONFIDENT).count()
    html = admin_client.get(reverse("admin:index")).content.decode()
    assert f'<p class="review-summary">{unverified} citat' in html and f'href="{reverse("reader:review")}"' in html


def test_the_admin_queue_opens_on_undecided_quotes_with_their_paragraph(admin_client, seed_article, editor):
    decided = Quote.objects.filter(article=seed_article).first()
    decided.confirm(by=editor)
    url = reverse("admin:reader_quote_changelist")
    html = admin_client.get(url).content.decode()
    assert f"/admin/reader/quote/{decided.pk}/change/" not in html
    assert f'href="{seed_article.get_absolute_url()}#q-' in html
    assert f"/admin/reader/quote/{decided.pk}/change/" in admin_client.get(url + "?review=all").content.decode()
    page = admin_client.get(reverse("admin:reader_quote_change", args=[decided.pk])).content.decode()
    assert f"<h2>„{decided.text[:60]}”" in page  # the change page names the quote, not ": …"
    assert '<mark class="review-quote">' in page


def test_the_admin_bulk_decisions_say_what_they_did(admin_client, seed_article):
    from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME

    pks = list(Quote.objects.filter(article=seed_article, status="machine").values_list("pk", flat=True)[:2])
    response = admin_client.post(reverse("admin:reader_quote_changelist"),
                                 {"action": "confirm", ACTION_CHECKBOX_NAME: pks}, follow=True)
    assert "2 citate confirmate." in response.content.decode()
    assert set(Quote.objects.filter(pk__in=pks).values_list("status", flat=True)) == {"confirmed"}
