"""The article changelist at scale: no COUNT of the whole table, filters whose choices come from an index or the
counter table, the same queries for a small and a larger archive."""

import re
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from reader import archive
from reader.models import Article
from reader.paging import EstimatedCountPaginator, planner_estimate

pytestmark = pytest.mark.django_db

SOURCES = ["LUME", "ECONOMIE", "digi24.ro", "hotnews.ro", ""]


def add_articles(n: int, start: int = 0) -> None:
    Article.objects.bulk_create(
        Article(slug=f"s-{i}", import_key=f"s-{i}.txt", title=f"S{i}", raw_text="x", text_sha256="0",
                source=SOURCES[i % len(SOURCES)], status="draft" if i % 3 == 0 else "published",
                published_on=date(2023, 11, 1) + timedelta(days=i % 90))
        for i in range(start, start + n)
    )


def test_sources_are_found_by_skipping_through_the_index():
    add_articles(60)
    assert archive.sources(["published", "draft"]) == sorted({s for s in SOURCES if s})
    Article.objects.filter(source="LUME").update(status="draft")
    assert "LUME" not in archive.sources(["published"]) and "LUME" in archive.sources(["draft"])


def test_the_changelist_filters_by_source_and_by_year_and_month(admin_client):
    add_articles(90)
    url = reverse("admin:reader_article_changelist")
    page = admin_client.get(url).content.decode()
    assert "?source=hotnews.ro" in page and "?published=2023" in page and "?published=2024" in page
    assert "?published=2023-12" not in page  # months only under the chosen year
    in_year = admin_client.get(url, {"published": "2023"})
    assert "?published=2023-12" in in_year.content.decode()
    assert in_year.context["cl"].result_count == Article.objects.filter(published_on__year=2023).count()
    december = admin_client.get(url, {"published": "2023-12", "source": "LUME"}).context["cl"]
    assert december.result_count == Article.objects.filter(published_on__year=2023, published_on__month=12,
                                                            source="LUME").count() > 0
    assert admin_client.get(url, {"published": "2023-13"}).status_code == 200


def test_the_changelist_costs_the_same_queries_in_a_small_and_a_larger_archive(admin_client):
    url = reverse("admin:reader_article_changelist")
    counts = []
    for size in (150, 900):  # both more than a page (100)
        add_articles(size - Article.objects.count(), start=Article.objects.count())
        with CaptureQueriesContext(connection) as queries:
            assert admin_client.get(url).status_code == 200
        counts.append(len(queries))
        sql = " ".join(q["sql"] for q in queries)
        assert "SELECT DISTINCT" not in sql.upper()  # no source filter or date hierarchy reading every row
        assert not re.search(r"django_date_trunc|DATE_TRUNC", sql, re.I)
    assert counts[0] == counts[1]


def test_a_large_count_is_the_planners_estimate_on_postgresql():
    add_articles(300)
    paginator = EstimatedCountPaginator(Article.objects.all(), 30)
    paginator.EXACT_BELOW = 100
    if connection.vendor != "postgresql":
        assert planner_estimate(Article.objects.all()) is None
        assert (paginator.count, paginator.count_is_estimate) == (300, False)
        return
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE reader_article")
    assert 200 <= planner_estimate(Article.objects.all()) <= 400
    with CaptureQueriesContext(connection) as queries:
        assert 200 <= paginator.count <= 400 and paginator.count_is_estimate
    assert not any("COUNT(" in q["sql"].upper() for q in queries)
    small = EstimatedCountPaginator(Article.objects.filter(slug="s-7"), 30)
    assert (small.count, small.count_is_estimate) == (1, False)


def _quotes(n: int, speaker) -> None:
    from reader.models import Paragraph, Quote

    start = Article.objects.count()
    add_articles(n, start=start)
    for article in Article.objects.filter(paragraphs__isnull=True):
        paragraph = Paragraph.objects.create(article=article, position=0, role="body", text="„Da”, a spus el.",
                                             fingerprint="0")
        Quote.objects.create(paragraph=paragraph, article=article, start=1, end=3, speaker=speaker,
                             speaker_name=speaker.name, confidence=0.5)


def test_the_quote_queue_lists_no_article_or_speaker_it_is_not_filtered_by(admin_client):
    from reader.models import Entity, Quote

    speaker = Entity.objects.create(name="Ion Vorbă", type="PERSON", key="ion vorba", slug="ion-vorba")
    url = reverse("admin:reader_quote_changelist")
    counts = []
    for size in (110, 250):  # both more than a page (100)
        _quotes(size - Article.objects.count(), speaker)
        with CaptureQueriesContext(connection) as queries:
            page = admin_client.get(url).content.decode()
        counts.append(len(queries))
        assert "SELECT DISTINCT" not in " ".join(q["sql"] for q in queries).upper()
        assert "paragraph__article__id__exact=" not in page and "?article=" not in page  # no link per article
    assert counts[0] == counts[1]
    article = Quote.objects.first().article
    chosen = admin_client.get(url, {"article": article.pk})
    assert [q.pk for q in chosen.context["cl"].result_list] == [q.pk for q in Quote.objects.filter(article=article)]
    assert article.title in chosen.content.decode()
    by_speaker = admin_client.get(url, {"speaker__id__exact": speaker.pk}).context["cl"]
    assert by_speaker.result_count == Quote.objects.filter(speaker=speaker).count()
    articles = admin_client.get(reverse("admin:reader_article_changelist")).content.decode()
    assert f"?article={article.pk}" in articles  # the way there: an article's quote count


def test_entity_counts_stop_at_a_thousand(admin_client):
    from reader.models import Entity, Mention, Paragraph

    place = Entity.objects.create(name="Brașov", type="PLACE", key="brasov", slug="brasov")
    add_articles(1)
    article = Article.objects.get()
    paragraph = Paragraph.objects.create(article=article, position=0, role="body", text="Brașov " * 10,
                                         fingerprint="0")
    Mention.objects.bulk_create(Mention(entity=place, paragraph=paragraph, article=article, start=0, end=6)
                                for _ in range(1005))
    page = admin_client.get(reverse("admin:reader_entity_changelist")).content.decode()
    assert "1000+" in page
