"""The read-only JSON API (reader/api.py) and its OpenAPI description."""

import json
from datetime import date, timedelta

import pytest

from reader.extraction import extract_bytes
from reader.models import Article, Note


def test_article_list_is_paginated_and_shows_only_published_articles(client, seed_article, editor_client):
    body = client.get("/api/articles").json()
    assert (body["count"], body["next"], body["previous"]) == (1, None, None)
    assert body["items"][0] | {"slug": seed_article.slug, "url": seed_article.get_absolute_url()} == body["items"][0]
    seed_article.unpublish()
    assert client.get("/api/articles").json() == {"items": [], "count": 0, "next": None, "previous": None}
    assert editor_client.get("/api/articles").json()["count"] == 1
    assert client.get("/api/articles?page=1").json()["count"] == 0
    assert client.get("/api/articles?page=2", follow=True).json()["items"] == []


def test_article_list_pages_by_cursor_and_old_page_numbers_redirect_to_the_same_articles(client, db):
    Article.objects.bulk_create(
        Article(slug=f"c-{i}", import_key=f"c-{i}.txt", title=f"C{i}", raw_text="x", text_sha256="0",
                status="published", published_on=date(2025, 1, 1) + timedelta(days=i // 4))
        for i in range(75)
    )
    order = list(Article.objects.order_by("-published_on", "-id").values_list("slug", flat=True))
    first = client.get("/api/articles").json()
    assert [a["slug"] for a in first["items"]] == order[:30] and first["count"] == 75
    second = client.get(first["next"]).json()
    assert [a["slug"] for a in second["items"]] == order[30:60]
    third = client.get(second["next"]).json()
    assert [a["slug"] for a in third["items"]] == order[60:] and third["next"] is None
    assert client.get(third["previous"]).json()["items"] == second["items"]
    old = client.get("/api/articles?page=3")
    assert (old.status_code, old["Location"]) == (302, second["next"])
    assert client.get("/api/articles?page=3", follow=True).json()["items"] == third["items"]
    assert client.get("/api/articles?page=101").status_code == 404
    assert client.get("/api/articles?before=2025-02-30.4").status_code == 400


def test_article_list_paging_is_described_in_the_openapi_schema(client, db):
    operation = client.get("/api/openapi.json").json()["paths"]["/api/articles"]["get"]
    assert {p["name"] for p in operation["parameters"]} == {"before", "after", "page"}
    assert "cursor" in operation["parameters"][0]["description"]
    schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert schema["$ref"].endswith("/ArticlePage")


def test_article_detail_has_the_extraction_json_shape_with_database_ids(client, seed_article, seed_bytes):
    body = client.get(f"/api/articles/{seed_article.slug}").json()
    extraction = extract_bytes(seed_bytes).to_dict()
    assert set(body) >= set(extraction) | {"id", "slug"}
    for key in ("paragraphs", "quotes", "entities", "figures"):
        if extraction[key] and body[key]:
            assert set(body[key][0]) >= set(extraction[key][0]) | {"id"}, key
    assert body["meta"] == {"date": "2025-09-03", "source": "LUME", "title": seed_article.title,
                            "lead": body["paragraphs"][1]["text"], "credit": seed_article.photo_credit,
                            "dateline": seed_article.dateline}
    paragraphs = {p["index"]: p["text"] for p in body["paragraphs"]}
    for quote in body["quotes"]:
        assert quote["id"] and paragraphs[quote["paragraph"]][quote["start"]:quote["end"]] == quote["text"]
    assert {"Vladimir Putin"} <= {q["speaker"] for q in body["quotes"]}
    for entity in body["entities"]:
        for mention in entity["mentions"]:
            assert paragraphs[mention["paragraph"]][mention["start"]:mention["end"]] == mention["text"]
    assert any(f["value"] == 10000 and f["text"] == "peste 10 000 de soldați" for f in body["figures"])


def test_drafts_are_not_found_by_anonymous_callers(client, editor_client, seed_article):
    seed_article.unpublish()
    assert client.get(f"/api/articles/{seed_article.slug}").status_code == 404
    assert client.get(f"/api/articles/{seed_article.slug}/notes").status_code == 404
    assert editor_client.get(f"/api/articles/{seed_article.slug}").status_code == 200


def test_entity_detail_lists_its_quotes_in_visible_articles(client, seed_article):
    putin = client.get(f"/api/articles/{seed_article.slug}").json()["quotes"][0]
    slug = next(e["slug"] for e in client.get(f"/api/articles/{seed_article.slug}").json()["entities"]
                if e["name"] == putin["speaker"])
    body = client.get(f"/api/entities/{slug}").json()
    assert body["name"] == "Vladimir Putin" and len(body["quotes"]) >= 3
    assert all(q["url"].startswith(seed_article.get_absolute_url() + "#q-") for q in body["quotes"])
    Article.objects.filter(pk=seed_article.pk).update(status=Article.Status.DRAFT)
    assert client.get(f"/api/entities/{slug}").status_code == 404  # seen in no visible article
    assert client.get("/api/entities/nobody-at-all").status_code == 404


def test_notes_export_hides_editors_only_notes_from_anonymous_callers(client, editor_client, editor, seed_article):
    paragraph = seed_article.paragraphs.get(position=5)
    Note.create(paragraph=paragraph, author=editor, body="Public.", kind="context", visibility="public")
    Note.create(paragraph=paragraph, author=editor, body="Intern.", kind="internal", visibility="editors")
    anonymous = client.get(f"/api/articles/{seed_article.slug}/notes").json()
    assert anonymous["type"] == "AnnotationCollection"
    assert [item["body"]["value"] for item in anonymous["first"]["items"]] == ["Public."]
    assert editor_client.get(f"/api/articles/{seed_article.slug}/notes").json()["total"] == 2


def test_openapi_description_lists_every_endpoint(client, db):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    spec = json.loads(response.content)
    assert spec["openapi"].startswith("3.")
    assert set(spec["paths"]) == {"/api/articles", "/api/articles/{slug}", "/api/articles/{slug}/notes",
                                  "/api/entities/{slug}", "/api/statements/{statement_id}"}
    assert all(set(methods) == {"get"} for methods in spec["paths"].values())


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_api_is_read_only(client, seed_article, method):
    assert getattr(client, method)(f"/api/articles/{seed_article.slug}").status_code == 405


def test_article_and_entity_details_cost_a_fixed_number_of_queries(client, editor_client, seed_article,
                                                                     django_assert_max_num_queries):
    for caller in (client, editor_client):  # an editor's session adds the user's row
        with django_assert_max_num_queries(6):
            assert caller.get(f"/api/articles/{seed_article.slug}").status_code == 200
        with django_assert_max_num_queries(6):
            assert caller.get("/api/entities/vladimir-putin").status_code == 200
