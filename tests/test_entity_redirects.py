"""A merged entity's old address leads to the entity it was merged into: the page by 301, the API by 301 with a body
naming it."""

import pytest
from django.urls import reverse

from reader import actions
from reader.models import Entity

pytestmark = pytest.mark.django_db


def people(article, n=2):
    return list(Entity.objects.filter(mentions__article=article).distinct().order_by("pk")[:n])


def test_the_old_page_redirects_for_good_to_the_target(client, seed_article, editor):
    source, target = people(seed_article)
    old_slug = source.slug
    actions.merge_entities(source=source, target=target, by=editor)
    response = client.get(reverse("reader:entity", args=[old_slug]))
    assert response.status_code == 301 and response["Location"] == reverse("reader:entity", args=[target.slug])
    english = client.get(f"/en/e/{old_slug}/")
    assert english.status_code == 301 and english["Location"] == f"/en/e/{target.slug}/"


def test_a_chain_of_merges_is_followed_and_an_undone_merge_is_not(client, seed_article, editor):
    first, second, third = people(seed_article, 3)
    first_slug, second_slug = first.slug, second.slug
    actions.merge_entities(source=first, target=second, by=editor)
    actions.merge_entities(source=second, target=third, by=editor)
    assert client.get(f"/e/{first_slug}/")["Location"] == f"/e/{third.slug}/"
    assert client.get(f"/e/{second_slug}/")["Location"] == f"/e/{third.slug}/"
    restored = actions.undo_merge(merge=third.merges_in.order_by("-merged_at").first(), by=editor)
    assert restored.slug == second_slug
    assert client.get(f"/e/{second_slug}/").status_code == 200  # alive again: its own page


def test_an_unknown_slug_is_still_404(client, db):
    assert client.get("/e/nimeni-nicaieri/").status_code == 404
    assert client.get("/api/entities/nimeni-nicaieri").status_code == 404


def test_the_api_answers_301_with_the_new_slug(client, seed_article, editor):
    source, target = people(seed_article)
    old_slug = source.slug
    actions.merge_entities(source=source, target=target, by=editor)
    response = client.get(f"/api/entities/{old_slug}")
    assert response.status_code == 301
    assert response["Location"] == f"/api/entities/{target.slug}"
    assert response.json() == {"detail": f"“{old_slug}” was merged into “{target.slug}”.", "slug": old_slug,
                               "merged_into": target.slug, "url": f"/api/entities/{target.slug}"}
    followed = client.get(f"/api/entities/{old_slug}", follow=True)
    assert followed.status_code == 200 and followed.json()["slug"] == target.slug


def test_the_openapi_description_names_the_redirect(client, db):
    operation = client.get("/api/openapi.json").json()["paths"]["/api/entities/{slug}"]["get"]
    assert set(operation["responses"]) >= {"200", "301"}
