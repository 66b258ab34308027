"""Articles from where newsrooms keep them (issue 23): saved web pages and row exports (JSON Lines, JSON arrays,
CSV) land through the same pipeline as text files: same extraction, same re-import rules, one-line errors."""

import csv
import io
import json
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from reader.importers import ArticleText, Unreadable, read_source
from reader.importers.rows import parse_mapping
from reader.ingest import import_article, import_paths, import_uploads
from reader.models import Article, Note, Paragraph, Quote
from tests.newsroom import AUTHOR, BOILERPLATE, SITE, Story

pytestmark = pytest.mark.django_db


def texts(article) -> list[str]:
    return list(Paragraph.objects.filter(article=article, revision=article.revision)
                .order_by("position").values_list("text", flat=True))


def state() -> tuple:
    return Article.objects.count(), Paragraph.objects.count(), tuple(Article.objects.values_list("revision", flat=True))


# --- saved web pages ------------------------------------------------------------------------------------------

def test_a_page_with_boilerplate_around_the_article_yields_only_the_article():
    story = Story(3)
    result, = import_uploads(files=[("biblioteca.html", story.page(canonical="https://gazeta.example/a/3"))])
    assert result.status == "imported", result.message
    article = result.article
    assert texts(article) == [story.title, story.lead, "Sala de consiliu din Vâlcele. / Foto: Gazeta",
                              "4 Octombrie 2025", *story.paragraphs]
    roles = list(Paragraph.objects.filter(article=article).order_by("position").values_list("role", flat=True))
    assert roles[:4] == ["title", "lead", "caption", "dateline"]
    assert not any(junk in text for junk in BOILERPLATE for text in texts(article))
    assert (article.title, article.source, article.published_on.isoformat(), article.author, article.url,
            article.photo_credit) == (story.title, SITE, story.date, AUTHOR, "https://gazeta.example/a/3", "Gazeta")
    # The same extraction as a text file: the quotes and their speaker are found.
    speakers = set(Quote.objects.filter(article=article).values_list("speaker_name", flat=True))
    assert "Teodor Mănescu" in speakers


def test_a_changed_page_makes_a_new_revision_and_notes_move(editor):
    story = Story(4)
    first, = import_uploads(files=[("pagina.html", story.page(canonical="https://gazeta.example/a/4"))])
    note = Note.create(paragraph=Paragraph.objects.get(article=first.article, text=story.paragraphs[2]),
                       author=editor, body="De verificat suma.", kind="context", visibility="public")
    again, = import_uploads(files=[("pagina.html", story.page(canonical="https://gazeta.example/a/4"))])
    assert again.status == "unchanged"
    changed = [story.paragraphs[0] + " Ședința a fost publică.", *story.paragraphs[1:]]
    # Saved again under another name: the canonical URL says it is the same article.
    updated, = import_uploads(files=[("salvata-din-nou.html",
                                      story.page(canonical="https://gazeta.example/a/4", paragraphs=changed))])
    assert updated.status == "updated" and updated.article.pk == first.article.pk
    assert updated.article.revision == 2 and "notes: 1 placed, 0 detached" in updated.message
    note.refresh_from_db()
    assert note.paragraph.text == story.paragraphs[2] and note.paragraph.revision == 2


def test_pages_inside_a_zip_are_imported():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("pagini/unu.html", Story(1).page())
        archive.writestr("pagini/doi.htm", Story(2).page())
    results = import_uploads(files=[("pagini.zip", buffer.getvalue())])
    assert [(r.name, r.status) for r in results] == [("unu.html", "imported"), ("doi.htm", "imported")]
    assert texts(results[1].article)[0] == Story(2).title


@pytest.mark.parametrize(("data", "expected"), [
    (b"", "The file is empty."),
    (b"<html><body><nav><a href='/'>Acas\xc4\x83</a></nav></body></html>", "no title"),
    (b"<html><head><title>Doar titlu</title></head><body></body></html>", "No article text found in the page"),
    (b"<html>\x00\x01\x02</html>", "NUL character"),
])
def test_a_page_without_an_article_gives_one_line_and_changes_nothing(data, expected):
    import_uploads(files=[("bun.html", Story(5).page())])
    before = state()
    result, = import_uploads(files=[("rau.html", data)])
    assert result.failed and expected in result.message and "\n" not in result.message
    assert state() == before


def test_a_page_saved_as_utf16_is_read():
    result, = import_uploads(files=[("utf16.html", Story(2).page().decode().encode("utf-16"))])
    assert result.status == "imported" and result.article.title == Story(2).title


def test_a_row_export_given_to_import_article_is_summed_up_in_one_result():
    rows = [news_please(Story(n), f"https://gazeta.example/r/{n}") for n in (1, 2)] + [{"title": "Gol"}]
    data = json.dumps(rows).encode()
    result = import_article(name="export.json", data=data)  # as a job imports one file
    assert result.failed and result.message.startswith("3 rows: 2 imported, 1 failed; first failure: export.json#3")
    again = import_article(name="export.json", data=json.dumps(rows[:2]).encode())
    assert (again.status, again.message) == ("unchanged", "2 rows: 2 unchanged")


def test_two_pages_of_one_import_with_the_same_url_are_one_article():
    page = Story(6).page(canonical="https://gazeta.example/a/6")
    first, second = import_uploads(files=[("a.html", page), ("b.html", page)])
    assert first.status == "imported" and second.failed and "same URL" in second.message


def test_a_canonical_url_that_is_not_http_is_not_kept():
    result, = import_uploads(files=[("j.html", Story(7).page(canonical="javascript:alert(1)"))])
    assert result.status == "imported" and result.article.url == ""


# --- row exports ----------------------------------------------------------------------------------------------

def news_please(story: Story, url: str) -> dict:
    """A row as news-please writes it."""
    return {"title": story.title, "maintext": "\n".join([story.lead, *story.paragraphs]), "date_publish":
            f"{story.date} 08:00:00", "source_domain": "gazeta.example", "authors": [AUTHOR, "Dan Iordache"],
            "url": url, "language": "ro"}


def test_json_lines_json_arrays_and_csv_all_import(tmp_path):
    (tmp_path / "export.jsonl").write_text("\n".join(
        json.dumps(news_please(Story(n), f"https://gazeta.example/r/{n}"), ensure_ascii=False) for n in (1, 2)) + "\n",
        encoding="utf-8")
    (tmp_path / "export.json").write_text(json.dumps(
        [news_please(Story(n), f"https://gazeta.example/r/{n}") for n in (3, 4)], ensure_ascii=False),
        encoding="utf-8")
    with open(tmp_path / "export.csv", "w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=["headline", "body", "published", "link", "site", "byline"])
        writer.writeheader()
        for n in (5, 6):
            story = Story(n)
            writer.writerow({"headline": story.title, "body": "\n\n".join(story.paragraphs), "published": story.date,
                             "link": f"https://gazeta.example/r/{n}", "site": SITE, "byline": AUTHOR})
    results = import_paths(paths=[tmp_path], mapping=parse_mapping("title=headline,text=body"))
    assert [r.status for r in results] == ["imported"] * 6, [r.message for r in results]
    by_url = {a.url: a for a in Article.objects.all()}
    one = by_url["https://gazeta.example/r/1"]
    assert (one.source, one.published_on.isoformat(), one.author) == ("gazeta.example", Story(1).date,
                                                                      f"{AUTHOR}, Dan Iordache")
    assert texts(one) == [Story(1).title, Story(1).lead, *Story(1).paragraphs]  # paragraphs as the rows have them
    five = by_url["https://gazeta.example/r/5"]
    assert (five.source, five.author, texts(five)) == (SITE, AUTHOR, [Story(5).title, *Story(5).paragraphs])
    # Unchanged rows do nothing; a changed row makes a new revision of its article.
    rows = [news_please(Story(n), f"https://gazeta.example/r/{n}") for n in (3, 4)]
    rows[1]["maintext"] += "\nConsiliul se reunește din nou joi."
    (tmp_path / "export.json").write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    again = import_paths(paths=[tmp_path / "export.json"])
    assert [(r.status, r.article.revision) for r in again] == [("unchanged", 1), ("updated", 2)]


def test_rows_without_a_url_are_keyed_by_file_and_row():
    data = json.dumps([{"title": "Fără adresă", "text": "Un paragraf.\nAltul."}]).encode()
    result, = import_uploads(files=[("cms.json", data)])
    assert result.status == "imported" and result.article.import_key == "cms.json#1"
    assert import_uploads(files=[("cms.json", data)])[0].status == "unchanged"


def test_row_text_in_html_keeps_its_paragraphs():
    data = json.dumps([{"title": "Din CMS", "content": "<p>Primul <b>paragraf</b>.</p><p>Al doilea.</p>"}]).encode()
    result, = import_uploads(files=[("cms.json", data)])
    assert texts(result.article) == ["Din CMS", "Primul paragraf.", "Al doilea."]


def test_a_row_without_text_fails_alone_with_its_number():
    lines = [json.dumps(news_please(Story(1), "https://gazeta.example/r/1")),
             json.dumps({"title": "Gol", "maintext": ""}),
             "{nu e json",
             json.dumps(["o", "listă"])]
    results = import_uploads(files=[("export.jsonl", "\n".join(lines).encode())])
    assert [(r.name, r.status) for r in results] == [("https://gazeta.example/r/1", "imported"),
                                                     ("export.jsonl#2", "failed"), ("export.jsonl#3", "failed"),
                                                     ("export.jsonl#4", "failed")]
    assert results[1].message == "Row 2 has no text (column 'maintext' is empty or missing)."
    assert results[2].message.startswith("Row 3: not JSON (")
    assert all("\n" not in r.message for r in results)
    assert Article.objects.count() == 1


@pytest.mark.parametrize(("name", "data", "expected"), [
    ("export.json", b"{\"title\": ", "Not a valid JSON export"),
    ("export.json", b"[]", "The export has no rows."),
    ("export.csv", b"", "The file is empty."),
    ("export.csv", b"titlu,text\n", "The export has no rows."),
    ("export.jsonl", b"\x00\x01binary", "binary"),
])
def test_a_bad_export_gives_one_line_and_changes_nothing(name, data, expected):
    import_uploads(files=[("bun.html", Story(5).page())])
    before = state()
    result, = import_uploads(files=[(name, data)])
    assert result.failed and expected in result.message and "\n" not in result.message
    assert state() == before


def test_the_import_command_takes_pages_and_rows_with_a_map(tmp_path, capsys):
    (tmp_path / "pagina.html").write_bytes(Story(8).page())
    (tmp_path / "rows.csv").write_text("Titlu;Corp\nDin tabel;Un paragraf din tabel.\n", encoding="utf-8")
    call_command("import_articles", "--publish", "--map", "title=Titlu,text=Corp", str(tmp_path))
    out = capsys.readouterr().out
    assert "imported  pagina.html" in out and "imported  rows.csv#2" in out and "2 file(s), 0 failed." in out
    assert Article.objects.published().count() == 2
    with pytest.raises(CommandError, match="--map: Unknown field 'titel'"):
        call_command("import_articles", "--map", "titel=Titlu", str(tmp_path))


def test_read_source_is_the_one_entry_point_by_suffix():
    assert isinstance(read_source("a.txt", b"date 2025-01-02 X\nTitlu\n\nText.\n")[0], ArticleText)
    assert isinstance(read_source("a.html", Story(1).page())[0], ArticleText)
    assert isinstance(read_source("a.pdf", b"%PDF")[0], Unreadable)


# --- the admin upload -----------------------------------------------------------------------------------------

def test_the_admin_upload_takes_pages_and_row_exports(admin_client):
    rows = "headline,body\nDin foaie,Primul rând de text.\n".encode()
    response = admin_client.post(reverse("admin:reader_article_import"), {
        "files": [SimpleUploadedFile("pagina.html", Story(9).page(canonical="https://gazeta.example/a/9")),
                  SimpleUploadedFile("foaie.csv", rows)],
        "mapping": "title=headline,text=body",
    })
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count('class="import-imported"') == 2, page
    assert Article.objects.get(url="https://gazeta.example/a/9").title == Story(9).title
    assert Article.objects.filter(import_key="foaie.csv#2", title="Din foaie").exists()
    bad = admin_client.post(reverse("admin:reader_article_import"), {
        "files": [SimpleUploadedFile("foaie.csv", rows)], "mapping": "corp"})
    assert "is not FIELD=COLUMN" in bad.content.decode() and Article.objects.count() == 2


# --- the job queue ---------------------------------------------------------------------------------------------

def test_pages_and_row_exports_go_through_the_job_queue_like_text_files():
    from reader import ingest, jobs

    rows = json.dumps([news_please(Story(n), f"https://gazeta.example/q/{n}") for n in (1, 2)]).encode()
    batch = jobs.enqueue_import(items=ingest.split_uploads(files=[("pagina.html", Story(3).page()),
                                                                  ("export.json", rows)]))
    jobs.run_here(batch)
    outcomes = dict(batch.jobs.values_list("name", "outcome"))
    assert outcomes == {"pagina.html": "imported", "export.json": "imported"}
    assert set(Article.objects.values_list("title", flat=True)) == {Story(n).title for n in (1, 2, 3)}
