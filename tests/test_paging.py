"""Long lists are paged by key (newer / older), never by OFFSET or a count of the archive; counts stop at a cap
or come from the per-day counter table."""

import re
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from reader import archive
from reader.models import Article, ArticleCount
from reader.paging import ArticleKey, capped_count, key_at, keyset_page

pytestmark = pytest.mark.django_db

FIRST_DAY = date(2024, 1, 1)


@pytest.fixture
def seven_articles():
    for i in range(7):
        Article.objects.create(slug=f"p-{i}", import_key=f"p-{i}.txt", title=f"P{i}", raw_text="x", text_sha256="0")
    return Article.objects.order_by("id")


def make_articles(n: int, *, start: int = 0, per_day: int = 3, undated_every: int = 0, draft_every: int = 0,
                  first_day: date = FIRST_DAY) -> list[Article]:
    """``n`` articles, ``per_day`` on each day from ``first_day`` on (so days have ties broken by id), some undated
    or drafts; inserted in an order unrelated to their dates, as imports of old articles are."""
    rows = []
    for i in range(start, start + n):
        undated = undated_every and i % undated_every == 0
        rows.append(Article(
            slug=f"k-{i}", import_key=f"k-{i}.txt", title=f"K{i}", raw_text="x", text_sha256="0",
            published_on=None if undated else first_day + timedelta(days=(i * 7919 % max(n, 1)) // per_day),
            status="draft" if draft_every and i % draft_every == 0 else "published",
        ))
    return Article.objects.bulk_create(rows)


def listing_order(queryset) -> list[int]:
    """The order every list promises: newest date first, then newest id; undated articles last."""
    rows = list(queryset.values_list("published_on", "id"))
    dated = sorted((r for r in rows if r[0] is not None), reverse=True)
    undated = sorted((r for r in rows if r[0] is None), reverse=True)
    return [pk for _, pk in dated + undated]


def test_a_capped_count_says_when_there_are_more(seven_articles):
    assert str(capped_count(seven_articles, cap=10)) == "7"
    capped = capped_count(seven_articles, cap=5)
    assert (capped.value, capped.more, str(capped)) == (5, True, "5+")


# Keyset pages


def test_cursors_round_trip_and_refuse_anything_else():
    for key in (ArticleKey(date(2025, 9, 3), 1234), ArticleKey(None, 7), ArticleKey(date(2025, 9, 3), 0)):
        assert ArticleKey.parse(str(key)) == key
    assert str(ArticleKey(date(2025, 9, 3), 1234)) == "2025-09-03.1234"
    assert ArticleKey.parse(None) is None and ArticleKey.parse("") is None
    for bad in ("2025-09-03", "2025-02-30.1", "2025-09-03.-1", "2025-09-03.x", "yesterday.1", "9" * 41,
                f"2025-09-03.{2**63}", "2025-09-03.1.2", "20250903.1", "٢٠٢٥-٠٩-٠٣.1", "2025-09-03.١"):
        with pytest.raises(ValueError):
            ArticleKey.parse(bad)


@pytest.mark.parametrize("per_page", [1, 4, 10])
def test_walking_older_then_newer_visits_every_article_once_in_listing_order(per_page):
    make_articles(37, undated_every=5)
    articles = Article.objects.all()
    expected = listing_order(articles)
    pages, page = [], keyset_page(articles, per_page=per_page)
    assert page.newer is None
    while True:
        pages.append([a.pk for a in page.object_list])
        if page.older is None:
            break
        page = keyset_page(articles, before=page.older, per_page=per_page)
    assert [pk for p in pages for pk in p] == expected
    assert all(len(p) == per_page for p in pages[:-1])
    # and back up, page by page, to the first
    back = [[a.pk for a in page.object_list]]
    while page.newer is not None:
        page = keyset_page(articles, after=page.newer, per_page=per_page)
        back.append([a.pk for a in page.object_list])
    assert back[-1] == pages[0]
    assert [pk for p in reversed(back) for pk in p][: len(expected)] == expected[: len(back) * per_page]


def test_a_cursor_keeps_its_place_while_articles_arrive():
    make_articles(40)
    articles = Article.objects.all()
    second = keyset_page(articles, before=keyset_page(articles, per_page=10).older, per_page=10)
    link = second.object_list[-1]
    third = [a.pk for a in keyset_page(articles, before=ArticleKey.of(link), per_page=10).object_list]
    make_articles(25, start=100, first_day=date(2026, 1, 1))  # newer articles arrive
    again = keyset_page(articles, before=ArticleKey.of(link), per_page=10)
    assert [a.pk for a in again.object_list] == third
    assert again.newer == ArticleKey.of(again.object_list[0])


def test_the_newest_page_reached_by_newer_links_is_full():
    make_articles(25)
    articles = Article.objects.all()
    order = listing_order(articles)
    near_top = ArticleKey.of(Article.objects.get(pk=order[3]))
    page = keyset_page(articles, after=near_top, per_page=10)
    assert [a.pk for a in page.object_list] == order[:10]
    assert page.newer is None and page.older is not None


def test_pages_are_read_without_offset_or_count(django_assert_max_num_queries):
    make_articles(60, undated_every=7)
    articles = Article.objects.all()
    last = ArticleKey.of(Article.objects.get(pk=listing_order(articles)[29]))
    for kwargs in ({}, {"before": last}, {"after": last}):
        with CaptureQueriesContext(connection) as queries, django_assert_max_num_queries(4):
            keyset_page(articles, per_page=10, **kwargs)
        sql = " ".join(q["sql"] for q in queries).upper()
        assert "OFFSET" not in sql and "COUNT(" not in sql


def test_key_at_finds_the_row_at_an_offset_in_listing_order():
    make_articles(30, undated_every=4)
    order = listing_order(Article.objects.all())
    for offset in (0, 7, len(order) - 1):
        assert key_at(Article.objects.all(), offset).id == order[offset]
    assert key_at(Article.objects.all(), len(order)) is None


# The counter table


def assert_counts_match():
    real = {}
    for day, status in Article.objects.values_list("published_on", "status"):
        real[(day or ArticleCount.UNDATED, status)] = real.get((day or ArticleCount.UNDATED, status), 0) + 1
    kept = {(c.day, c.status): c.articles for c in ArticleCount.objects.filter(articles__gt=0)}
    assert kept == real
    assert not ArticleCount.objects.filter(articles__lt=0).exists()


def test_the_counter_table_follows_every_kind_of_write(seed_article):
    assert_counts_match()
    articles = make_articles(30, undated_every=6, draft_every=4)
    assert_counts_match()
    articles[1].publish()
    articles[2].unpublish()
    articles[3].published_on = None
    articles[3].save()
    articles[6].published_on = date(1999, 12, 31)
    articles[6].save(update_fields=["published_on"])
    Article.objects.filter(pk__in=[a.pk for a in articles[10:20]]).update(status="draft")
    Article.touch(*[a.pk for a in articles])  # no change of day or status: nothing to count
    assert_counts_match()
    Article.objects.filter(pk__in=[a.pk for a in articles[:5]]).delete()
    seed_article.delete()
    assert_counts_match()


def test_archive_counts_readers_published_articles_and_editors_all(make_user):
    make_articles(30, undated_every=6, draft_every=4)
    reader, editor = make_user("reader"), make_user("editor", editor=True)
    published = Article.objects.published()
    assert archive.total(reader) == published.count()
    assert archive.total(editor) == Article.objects.count()
    assert archive.undated(reader) == published.filter(published_on__isnull=True).count()
    years = archive.years(reader)
    assert [(p.year, p.articles) for p in years] == [
        (year, published.filter(published_on__year=year).count())
        for year in sorted({d.year for d in published.exclude(published_on=None).values_list("published_on",
                                                                                              flat=True)},
                           reverse=True)]
    months = archive.months(editor, 2024)
    assert sum(p.articles for p in months) == Article.objects.filter(published_on__year=2024).count()
    january = archive.days(reader, 2024, 1)
    assert [(p.start, p.articles) for p in january] == [
        (day, published.filter(published_on=day).count())
        for day in sorted(set(published.filter(published_on__year=2024, published_on__month=1)
                              .values_list("published_on", flat=True)), reverse=True)]


# Pages


def test_the_list_pages_by_cursor_and_links_both_ways(client):
    make_articles(70)
    order = listing_order(Article.objects.all())
    html = client.get(reverse("reader:index")).content.decode()
    older = re.search(r'href="\?before=([^"]+)" rel="next"', html).group(1)
    assert older == str(ArticleKey.of(Article.objects.get(pk=order[29])))
    assert "?after=" not in html
    assert "Articole în arhivă: 70" in html
    second = client.get(reverse("reader:index"), {"before": older}).content.decode()
    assert f"K{Article.objects.get(pk=order[30]).title[1:]}<" in second
    assert '?after=' in second and 'rel="next"' in second


def test_htmx_gets_only_the_list_partial(client):
    make_articles(40)
    response = client.get(reverse("reader:index"), headers={"HX-Request": "true"})
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="articles">') and "<h1>" not in html
    assert "HX-Request" in response["Vary"]


def test_a_bad_cursor_is_a_missing_page(client):
    assert client.get(reverse("reader:index"), {"before": "2025-02-30.1"}).status_code == 404
    assert client.get(reverse("reader:index"), {"after": "<script>"}).status_code == 404


def test_old_page_links_lead_to_the_same_articles(client):
    make_articles(95)
    order = listing_order(Article.objects.all())
    response = client.get(reverse("reader:index"), {"page": "3"})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    titles = re.findall(r'<a href="/a/[^"]+/">([^<]+)</a>', page)
    assert titles == [Article.objects.get(pk=pk).title for pk in order[60:90]]
    first = client.get(reverse("reader:index"), {"page": "1"})
    assert (first.status_code, first["Location"]) == (301, reverse("reader:index"))
    assert client.get(reverse("reader:index"), {"page": "9999"})["Location"] == reverse("reader:archive")


def test_the_archive_walks_years_months_and_days(client):
    make_articles(40, per_day=2, draft_every=5)
    day = Article.objects.published().exclude(published_on=None).order_by("published_on").first().published_on
    years = client.get(reverse("reader:archive")).content.decode()
    assert f'href="{reverse("reader:archive_year", args=[day.year])}"' in years
    months = client.get(reverse("reader:archive_year", args=[day.year])).content.decode()
    assert f'href="{reverse("reader:archive_month", args=[day.year, day.month])}"' in months
    days = client.get(reverse("reader:archive_month", args=[day.year, day.month])).content.decode()
    assert f'href="{reverse("reader:archive_day", args=[day.year, day.month, day.day])}"' in days
    page = client.get(reverse("reader:archive_day", args=[day.year, day.month, day.day])).content.decode()
    shown = re.findall(r'<a href="/a/([^"]+)/">', page)
    assert sorted(shown) == sorted(Article.objects.published().filter(published_on=day).values_list("slug",
                                                                                                    flat=True))
    later = Article.objects.published().filter(published_on__gt=day).order_by("published_on").first().published_on
    assert reverse("reader:archive_day", args=[later.year, later.month, later.day]) in page
    assert client.get(reverse("reader:archive_day", args=[2025, 2, 30])).status_code == 404
    assert client.get(reverse("reader:archive_month", args=[2025, 13])).status_code == 404
    assert client.get(reverse("reader:archive_year", args=[9999])).status_code == 200  # no day after 9999-12-31
    assert client.get(reverse("reader:archive_day", args=[9999, 12, 31])).status_code == 200


def test_drafts_stay_out_of_readers_archive(client, editor_client):
    draft = make_articles(1, first_day=date(2011, 5, 5))[0]
    draft.unpublish()
    assert "2011" not in client.get(reverse("reader:archive")).content.decode()
    assert reverse("reader:archive_year", args=[2011]) in editor_client.get(reverse("reader:archive")).content.decode()
    day = client.get(reverse("reader:archive_day", args=[2011, 5, 5])).content.decode()
    assert draft.title not in day


PAGES = [
    ("list, first page", lambda order: reverse("reader:index")),
    ("list, deep page", lambda order: reverse("reader:index") + f"?before={order[len(order) // 3]}"),
    ("list, newer page", lambda order: reverse("reader:index") + f"?after={order[len(order) // 2]}"),
    ("archive", lambda order: reverse("reader:archive")),
    ("archive year", lambda order: reverse("reader:archive_year", args=[2024])),
    ("archive month", lambda order: reverse("reader:archive_month", args=[2024, 2])),
    ("archive day", lambda order: reverse("reader:archive_day", args=[2024, 2, 1])),
    ("api list", lambda order: "/api/articles"),
    ("api deep", lambda order: f"/api/articles?before={order[len(order) // 3]}"),
]


@pytest.mark.parametrize("label, url", PAGES, ids=[p[0] for p in PAGES])
def test_list_pages_cost_the_same_queries_in_a_small_and_a_larger_archive(client, label, url,
                                                                          django_assert_max_num_queries):
    counts = []
    for size in (100, 700):
        make_articles(size - Article.objects.count(), start=Article.objects.count(), undated_every=9)
        order = [ArticleKey.of(a) for a in Article.objects.published().exclude(published_on=None)
                 .order_by("-published_on", "-id")]
        with CaptureQueriesContext(connection) as queries, django_assert_max_num_queries(6):
            assert client.get(url(order)).status_code == 200
        counts.append(len(queries))
        sql = " ".join(q["sql"] for q in queries).upper()
        assert "OFFSET" not in sql
        assert not re.search(r'COUNT\(\*\) AS "__COUNT" FROM "READER_ARTICLE"', sql), label
    assert counts[0] == counts[1], label
