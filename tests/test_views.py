import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from reader.models import Article

pytestmark = pytest.mark.django_db


def test_index_lists_published_articles_with_source_and_date(client, seed_article):
    response = client.get(reverse("reader:index"))
    assert response.status_code == 200
    html = response.content.decode()
    assert seed_article.title in html
    assert "LUME" in html
    assert 'datetime="2025-09-03"' in html


def test_index_hides_drafts_from_readers(client, seed_article):
    seed_article.unpublish()
    assert seed_article.title not in client.get(reverse("reader:index")).content.decode()


def test_draft_article_is_404_for_readers_and_visible_to_editors(client, editor_client, seed_article):
    seed_article.unpublish()
    url = seed_article.get_absolute_url()
    assert client.get(url).status_code == 404
    assert editor_client.get(url).status_code == 200


def test_article_page_highlights_every_quote_with_its_speaker(client, seed_article):
    html = client.get(seed_article.get_absolute_url()).content.decode()
    direct = re.findall(r'<span class="quote quote-direct[^"]*"[^>]*data-speaker="([^"]*)"', html)
    assert direct == ["Vladimir Putin"] * 5
    # Speaker named for screen readers inside the highlight, and on hover.
    assert '<span class="visually-hidden">Vladimir Putin: </span>La inițiativa dumneavoastră' in html
    assert 'title="Vladimir Putin' in html


def test_article_page_sidebar_lists_speakers_entities_and_figures(client, seed_article):
    html = client.get(seed_article.get_absolute_url()).content.decode()
    sidebar = html[html.index('<aside class="sidebar"') :]
    for name in ("Vladimir Putin", "Kim Jong-un", "Rusia", "Ucraina", "Coreea de Nord", "Kursk"):
        assert f">{name}</a>" in sidebar, name
    assert ">peste 10 000 de soldați</a>" in sidebar
    assert ">Aproximativ 600 de soldați</a>" in sidebar
    assert re.search(r'href="#p-\d+">peste 10 000 de soldați', sidebar)


def test_article_page_links_sidebar_to_existing_paragraph_anchors(client, seed_article):
    html = client.get(seed_article.get_absolute_url()).content.decode()
    anchors = set(re.findall(r'<section class="para[^"]*" id="(p-\d+)"', html))
    targets = set(re.findall(r'href="#(p-\d+)"', html))
    assert targets and targets <= anchors


def test_article_text_is_escaped(client, db):
    from reader.ingest import import_article

    data = " date 2025-01-02 test\nTitlu <script>alert(1)</script>\n\n„<img src=x onerror=alert(2)>”, a spus Ion Pop.\n"
    result = import_article(name="xss.txt", data=data.encode(), publish=True)
    html = client.get(result.article.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(2)&gt;" in html


def test_buildings_and_venues_are_listed_under_their_own_heading_and_not_offered_as_speakers(client, editor_client):
    from reader.ingest import import_article
    from reader.models import Entity

    data = (" date 2025-01-02 test\nConcert la Sala Palatului\n\nConcertul va avea loc la Sala Palatului, "
            "sâmbătă seara, a anunțat Ion Popescu.\n")
    article = import_article(name="sala.txt", data=data.encode(), publish=True).article
    assert Entity.objects.get(name="Sala Palatului").type == Entity.Type.FACILITY
    html = client.get(article.get_absolute_url()).content.decode()
    sidebar = html[html.index('<aside class="sidebar"') :]
    assert re.search(r"<h3>Clădiri și construcții</h3>\s*<ul[^>]*>\s*<li><a [^>]*>Sala Palatului</a>", sidebar)
    # Speaker suggestions are an editor's tool: readers get none, so the editor's page is the one to check.
    editor_html = editor_client.get(article.get_absolute_url()).content.decode()
    people = re.search(r'<datalist id="people">(.*?)</datalist>', editor_html, re.S).group(1)
    assert "Ion Popescu" in people and "Sala Palatului" not in people


def test_article_page_query_count_is_bounded(client, seed_article, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        assert client.get(seed_article.get_absolute_url()).status_code == 200


def test_article_page_query_count_for_editors_is_bounded(editor_client, seed_article, django_assert_max_num_queries):
    cache.clear()  # sessions are cached too: count the cold case
    with django_assert_max_num_queries(8):
        assert editor_client.get(seed_article.get_absolute_url()).status_code == 200


def test_index_query_count_does_not_grow_with_articles(client, seed_article, django_assert_max_num_queries):
    for i in range(40):
        Article.objects.create(
            slug=f"a-{i}",
            import_key=f"a-{i}.txt",
            title=f"Articol {i}",
            raw_text="x",
            text_sha256="0",
            status="published",
        )
    with django_assert_max_num_queries(3):
        assert client.get(reverse("reader:index")).status_code == 200


def test_admin_has_every_model_registered(admin_client):
    for model in ("article", "paragraph", "entity", "mention", "quote", "figure", "note"):
        assert admin_client.get(f"/admin/reader/{model}/").status_code == 200, model


def test_login_page_renders(client):
    assert client.get(reverse("login")).status_code == 200


def test_article_page_query_count_does_not_grow_with_the_article(client, editor, django_assert_max_num_queries):
    from reader.sample_data import build_large_article

    article = build_large_article(author=editor, paragraphs=200, quotes=300, notes=500)
    with django_assert_max_num_queries(6):
        response = client.get(article.get_absolute_url())
    assert response.content.decode().count('class="quote ') == 300


@pytest.mark.slow  # renders a 300-paragraph article with every editor tool: seconds
def test_editor_view_of_a_large_article_has_bounded_queries(editor_client, editor, django_assert_max_num_queries):
    from reader.sample_data import build_large_article

    article = build_large_article(author=editor, paragraphs=200, quotes=300, notes=500)
    cache.clear()
    with django_assert_max_num_queries(8):
        assert editor_client.get(article.get_absolute_url()).status_code == 200


def test_entity_page_query_count_is_bounded(client, seed_article, django_assert_max_num_queries):
    from reader.models import Entity

    entity = Entity.objects.get(name="Rusia")
    with django_assert_max_num_queries(8):
        assert client.get(f"/e/{entity.slug}/").status_code == 200


def test_quote_hover_shows_cue_addressee_and_confidence(client, seed_article):
    html = client.get(seed_article.get_absolute_url()).content.decode()
    # The role the article gives the speaker comes with the name.
    assert re.search(r'title="Vladimir Putin \((?i:președintele rus)\) — i-a spus, către Kim Jong-un '
                     r'\(încredere 0,\d\d\)', html)  # a decimal comma in Romanian
