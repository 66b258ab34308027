import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from reader.ingest import import_article, import_paths
from reader.models import Article, Entity, Figure, Mention, Note, Paragraph, Quote

pytestmark = pytest.mark.django_db

TABLES = (Article, Paragraph, Entity, Mention, Quote, Figure, Note)


@pytest.fixture
def seed_article(imported_seed_article):
    """These tests are about the import: the seed goes through the real extraction, not the frozen rows."""
    return imported_seed_article


def counts():
    return {model.__name__: model.objects.count() for model in TABLES}


def test_seed_import_stores_paragraphs_quotes_entities_and_figures(seed_article):
    assert seed_article.title.startswith("Putin îi mulțumește lui Kim")
    assert seed_article.source == "LUME"
    assert str(seed_article.published_on) == "2025-09-03"
    assert seed_article.photo_credit == "Reuters"
    direct = Quote.objects.filter(paragraph__article=seed_article, kind="direct")
    assert direct.count() == 5
    assert {q.display_speaker for q in direct} == {"Vladimir Putin"}
    assert all(q.speaker and q.speaker.name == "Vladimir Putin" for q in direct)
    names = set(Entity.objects.values_list("name", flat=True))
    assert {"Vladimir Putin", "Kim Jong-un", "Rusia", "Ucraina", "Coreea de Nord", "Kursk"} <= names
    figure_texts = {f.text for f in Figure.objects.filter(paragraph__article=seed_article)}
    assert "peste 10 000 de soldați" in figure_texts
    assert "Aproximativ 600 de soldați" in figure_texts


def test_stored_offsets_point_at_the_quoted_words(seed_article):
    quote = Quote.objects.filter(paragraph__article=seed_article, kind="direct").first()
    assert quote.text.startswith("La inițiativa dumneavoastră")
    for mention in Mention.objects.filter(paragraph__article=seed_article).select_related("entity", "paragraph"):
        assert mention.text.strip() == mention.text and mention.text


def test_reimporting_an_unchanged_file_does_nothing(seed_article, seed_bytes):
    before = counts()
    result = import_article(name="article-0.txt", data=seed_bytes)
    assert result.status == "unchanged"
    assert counts() == before
    seed_article.refresh_from_db()
    assert seed_article.revision == 1


def test_a_changed_file_makes_a_new_revision(seed_article, seed_bytes):
    changed = seed_bytes.replace("Mii de soldați".encode(), b"Mii de militari")
    result = import_article(name="article-0.txt", data=changed)
    assert result.status == "updated"
    seed_article.refresh_from_db()
    assert seed_article.revision == 2
    assert Paragraph.objects.filter(article=seed_article, text="Mii de militari").exists()
    assert Article.objects.count() == 1


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "empty"),
        (b"   \n\n  ", "empty"),
        (b"\x00\x01\x02\x89PNG\r\n\x1a\n" * 50, "binary"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message_and_changes_nothing(seed_article, data, expected):
    before = counts()
    result = import_article(name="bad.txt", data=data)
    assert result.status == "failed"
    assert expected in result.message.lower()
    assert counts() == before


def test_files_over_the_size_limit_are_refused(db, settings):
    settings.READER_MAX_IMPORT_BYTES = 1000
    result = import_article(name="big.txt", data=b" date 2025-01-01 X\nTitlu\n\n" + b"Cuvinte multe. " * 200)
    assert result.status == "failed"
    assert "limit" in result.message
    assert Article.objects.count() == 0


def test_one_bad_file_among_good_ones_fails_alone(tmp_path, seed_bytes):
    (tmp_path / "a-good.txt").write_bytes(seed_bytes)
    (tmp_path / "b-empty.txt").write_bytes(b"")
    (tmp_path / "c-binary.txt").write_bytes(bytes(range(256)) * 10)
    results = import_paths(paths=[tmp_path])
    assert [r.status for r in results] == ["imported", "failed", "failed"]
    assert Article.objects.count() == 1


def test_import_command_exits_non_zero_when_a_file_failed(tmp_path, seed_bytes, capsys):
    (tmp_path / "good.txt").write_bytes(seed_bytes)
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(CommandError, match="1 file"):
        call_command("import_articles", "--now", str(tmp_path))
    out = capsys.readouterr().out
    assert "imported  good.txt" in out
    assert "failed    empty.txt" in out
    assert Article.objects.count() == 1


def test_import_command_publishes_when_asked(tmp_path, seed_bytes):
    (tmp_path / "good.txt").write_bytes(seed_bytes)
    call_command("import_articles", "--now", str(tmp_path), "--publish")
    assert Article.objects.published().count() == 1
