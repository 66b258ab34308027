"""The benchmarks empty the database they are pointed at only when it clearly is a bench or test database."""

import io
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from _setup import flush_refusal  # noqa: E402

# Port 1: nothing answers there, so a refusal that came after connecting would show as a connection error.
PRODUCTION = "postgres://postgres@127.0.0.1:1/reader"


@pytest.mark.parametrize(
    "url",
    ["postgres://postgres@127.0.0.1:5432/bench", "postgres://u@h/bench_scale", "postgres://u@h/reader_load_test",
     "postgres://u@h/TEST"],
)
def test_bench_and_test_databases_may_be_emptied(url):
    assert flush_refusal(url) is None


@pytest.mark.parametrize("url", [PRODUCTION, "postgres://u@h/reading_room", "postgres://u@h/"])
def test_other_databases_are_refused_unless_asked(url):
    assert "refusing" in flush_refusal(url)
    assert flush_refusal(url, yes_flush=True) is None


@pytest.mark.parametrize(
    "command, env",
    [
        (["bench/queries.py"], {"DATABASE_URL": PRODUCTION}),
        (["bench/load_editors.py", "--database-url", PRODUCTION], {}),
    ],
)
def test_a_bench_script_stops_before_touching_a_production_database(command, env):
    run = subprocess.run([sys.executable, *command], cwd=ROOT, env={**_environ(), **env}, capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 1
    assert run.stderr.strip().splitlines() == [
        "bench: refusing to empty the database 'reader': its name contains neither 'bench' nor 'test' "
        "(use a bench or test database, or add --yes-flush)"
    ]


def _environ() -> dict:
    import os

    return {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}


@pytest.mark.django_db
def test_generated_articles_are_stored_whole_and_counted_and_searchable():
    """generate_articles (COPY on PostgreSQL, bulk_create elsewhere) stores what the scale bench measures."""
    from django.contrib.auth.models import AnonymousUser
    from django.core.management import call_command

    from reader import archive
    from reader.models import Article, Mention, Paragraph, Quote
    from reader.search import search
    from reader.synthetic import generate

    call_command("generate_articles", 3, start=5, batch=2, stdout=io.StringIO())
    articles = list(Article.objects.order_by("import_key"))
    expected = [generate(i) for i in range(5, 8)]
    assert [(a.import_key, a.title, a.published_on, a.status) for a in articles] == [
        (g.name, g.title, g.published_on, "published") for g in expected]
    assert Paragraph.objects.count() == sum(len(g.paragraphs) for g in expected)
    assert Quote.objects.count() == sum(s.label == "quote" for g in expected for s in g.spans)
    assert Mention.objects.count() == sum(s.label != "quote" for g in expected for s in g.spans)
    assert all(m.paragraph.article_id == m.article_id for m in Mention.objects.select_related("paragraph"))
    assert archive.total(AnonymousUser()) == 3
    assert {h.article.pk for h in search("dezbatere", user=AnonymousUser()).articles} == {a.pk for a in articles}
