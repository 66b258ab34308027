"""Long lists are paged without counting them, and counts stop at a cap."""

import pytest

from reader.models import Article
from reader.paging import capped_count, countless_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def seven_articles():
    for i in range(7):
        Article.objects.create(slug=f"p-{i}", import_key=f"p-{i}.txt", title=f"P{i}", raw_text="x", text_sha256="0")
    return Article.objects.order_by("id")


def test_a_countless_page_knows_whether_another_follows(seven_articles, django_assert_num_queries):
    with django_assert_num_queries(1):
        first = countless_page(seven_articles, "1", per_page=3)
    assert [a.title for a in first.object_list] == ["P0", "P1", "P2"]
    assert first.has_next and not first.has_previous
    last = countless_page(seven_articles, "3", per_page=3)
    assert [a.title for a in last.object_list] == ["P6"]
    assert last.has_previous and not last.has_next and last.previous_page_number() == 2


def test_a_bad_page_number_means_the_first_page(seven_articles):
    assert countless_page(seven_articles, "abc", per_page=3).number == 1
    assert countless_page(seven_articles, "-4", per_page=3).number == 1


def test_a_capped_count_says_when_there_are_more(seven_articles):
    assert str(capped_count(seven_articles, cap=10)) == "7"
    capped = capped_count(seven_articles, cap=5)
    assert (capped.value, capped.more, str(capped)) == (5, True, "5+")
