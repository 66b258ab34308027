"""Imports that could be made to fall over (issue 20, rows 6, 7, 8, 10 and 14): archives are capped and unpacked
one member at a time, sizes are checked before reading, paragraphs are capped, the whole text is checked, names
are validated, a database error fails its file alone, and a path inside an archive is its key."""

import io
import time
import zipfile

import pytest
from django.core.files.uploadedfile import InMemoryUploadedFile, SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DataError
from django.urls import reverse

from reader import ingest
from reader.ingest import ImportResult, import_article, import_paths, import_uploads
from reader.models import Article, Paragraph
from tests.jobqueue import run_worker

pytestmark = pytest.mark.django_db


def article(title: str, body: str = "Un paragraf despre buget.") -> bytes:
    return f"date 2025-01-02 TEST\n{title}\n\n{body}\n".encode()


def _queued_results(client, response) -> dict:
    """An upload queues its articles: run them, then read each file's line from the batch's page."""
    run_worker()
    page = client.get(response["Location"])
    return {job.name: ImportResult(job.name, job.outcome, job.message) for job in page.context["lines"]}


def zipped(*members: tuple[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            archive.writestr(name, data)
    return buffer.getvalue()


def counts() -> tuple[int, int]:
    return Article.objects.count(), Paragraph.objects.count()


class Opened:
    """Counts archive members as they are read."""

    def __init__(self, monkeypatch, events=None):
        self.names, self.events = [], events if events is not None else []
        real = zipfile.ZipFile.open

        def spy(archive, member, *args, **kwargs):
            name = member.filename if isinstance(member, zipfile.ZipInfo) else member
            self.names.append(name)
            self.events.append(f"read {name}")
            return real(archive, member, *args, **kwargs)

        monkeypatch.setattr(zipfile.ZipFile, "open", spy)


# --- row 6: archives and sizes -------------------------------------------------------------------------------

def test_an_archive_that_unpacks_past_the_cap_is_refused_before_any_member_is_read(settings, monkeypatch):
    settings.READER_MAX_ARCHIVE_BYTES = 1_000_000
    bomb = zipped(*((f"m{i:02}.txt", b"a" * 100_000) for i in range(40)))  # 4 MB unpacked, a few KB packed
    opened = Opened(monkeypatch)
    results = import_uploads(files=[("bomba.zip", bomb)])
    assert [(r.name, r.status) for r in results] == [("bomba.zip", "failed")]
    assert "unpacks to 4,000,000 bytes" in results[0].message and "1,000,000" in results[0].message
    assert opened.names == [] and counts() == (0, 0)


def test_an_archive_with_too_many_entries_is_refused(settings):
    settings.READER_MAX_ARCHIVE_MEMBERS = 50
    many = zipped(*((f"m{i:03}.txt", article(f"Titlu {i}")) for i in range(51)))
    results = import_uploads(files=[("multe.zip", many)])
    assert [(r.name, r.status) for r in results] == [("multe.zip", "failed")]
    assert "51 entries; the limit is 50" in results[0].message
    assert counts() == (0, 0)


def test_members_are_read_and_imported_one_at_a_time(monkeypatch):
    upload = zipped(("a.txt", article("Titlu A")), ("b.txt", article("Titlu B")))
    events = []
    Opened(monkeypatch, events)
    real = ingest.import_text  # where every file's article lands, whatever its format

    def spy(*, name, **kwargs):
        events.append(f"import {name}")
        return real(name=name, **kwargs)

    monkeypatch.setattr(ingest, "import_text", spy)
    import_uploads(files=[("doua.zip", upload)])
    assert events == ["read a.txt", "import a.txt", "read b.txt", "import b.txt"]


class Unreadable(io.BytesIO):
    """An uploaded file that must not be read (its size is known without reading)."""

    def __init__(self, size: int):
        super().__init__()
        self.size = size

    def read(self, *args):
        raise AssertionError("the file was read")


def test_an_uploaded_file_over_the_limit_is_refused_without_reading_it(settings):
    settings.READER_MAX_IMPORT_BYTES = 1000
    results = import_uploads(files=[("mare.txt", Unreadable(150 * 2**20)), ("mare.zip", Unreadable(2**40))])
    assert [r.status for r in results] == ["failed", "failed"]
    assert "157,286,400 bytes" in results[0].message and "too large" in results[1].message


def test_the_admin_upload_checks_sizes_before_reading(admin_client, settings, monkeypatch):
    settings.READER_MAX_IMPORT_BYTES = 1000

    read = InMemoryUploadedFile.read  # a property handing out the file's read method

    def guarded(upload):
        assert upload.name != "mare.txt", "the oversized upload was read"
        return read.fget(upload)

    monkeypatch.setattr(InMemoryUploadedFile, "read", property(guarded))
    big = io.BytesIO(b"x" * 5000)  # not an UploadedFile on this side: only the server's copy is guarded
    big.name = "mare.txt"
    good = SimpleUploadedFile("bun.txt", article("Titlu bun"))
    response = admin_client.post(reverse("admin:reader_article_import"), {"files": [big, good]})
    results = _queued_results(admin_client, response)
    assert results["mare.txt"].failed and "too large" in results["mare.txt"].message
    assert results["bun.txt"].status == "imported"


# --- row 7: paragraph caps ----------------------------------------------------------------------------------

def test_a_paragraph_over_the_length_cap_is_refused_quickly_with_its_line(settings):
    limit = settings.READER_MAX_PARAGRAPH_CHARS
    began = time.perf_counter()
    result = import_article(name="lung.txt", data=article("Titlu", "Ion Popescu a spus. " * (limit // 20 + 50)))
    assert time.perf_counter() - began < 2
    assert result.failed
    assert f"line 4 is {limit + 1000:,} characters long; the limit is {limit:,}" in result.message
    assert counts() == (0, 0)


def test_too_many_paragraphs_are_refused(settings):
    settings.READER_MAX_PARAGRAPHS = 100
    result = import_article(name="multe.txt", data=article("Titlu", "\n".join(["Un paragraf."] * 100)))
    assert result.failed and "102 non-empty lines (a paragraph each); the limit is 100" in result.message
    assert counts() == (0, 0)


def test_an_admin_upload_with_a_huge_paragraph_fails_that_file_only(admin_client, settings):
    huge = SimpleUploadedFile("urias.txt", article("Titlu", "Cuvinte. " * 3000))
    settings.READER_MAX_PARAGRAPH_CHARS = 10_000
    good = SimpleUploadedFile("bun.txt", article("Titlu bun"))
    response = admin_client.post(reverse("admin:reader_article_import"), {"files": [huge, good]})
    results = _queued_results(admin_client, response)
    assert results["urias.txt"].failed and "the limit is 10,000" in results["urias.txt"].message
    assert results["bun.txt"].status == "imported"


# --- row 8: the whole text, names, database errors -----------------------------------------------------------

@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"], ids=["utf-8", "utf-8 with BOM"])
def test_a_nul_character_anywhere_is_refused(bom):
    data = bom + article("Titlu", "Cuvinte. " * 3000 + "\x00" + " coada.")
    result = import_article(name="nul.txt", data=data)
    assert result.failed and "NUL" in result.message
    assert counts() == (0, 0)


def test_a_nul_character_in_utf16_text_is_refused():
    text = "date 2025-01-02 TEST\nTitlu\n\n" + "Cuvinte. " * 3000 + "\x00 coada.\n"
    result = import_article(name="nul16.txt", data=text.encode("utf-16"))
    assert result.failed and "NUL character (line 4)" in result.message
    assert counts() == (0, 0)


def test_a_member_name_too_long_for_the_key_fails_alone():
    long_name = "dosar/" + "n" * 300 + ".txt"
    results = import_uploads(files=[("nume.zip", zipped((long_name, article("Titlu lung")),
                                                          ("scurt.txt", article("Titlu scurt"))))])
    statuses = {r.name[:20]: r.status for r in results}
    assert statuses == {"dosar/" + "n" * 14: "failed", "scurt.txt": "imported"}
    assert "304 characters long; the limit is 255" in results[0].message
    assert list(Article.objects.values_list("import_key", flat=True)) == ["scurt.txt"]


def test_control_characters_in_a_name_are_refused():
    result = import_article(name="rau\x00nume.txt", data=article("Titlu"))
    assert result.failed and "control characters" in result.message


def _database_refuses(monkeypatch, key: str):
    real = ingest._save_analysis

    def save(*, article, extraction):
        if article.import_key == key:
            raise DataError("value too long for type character varying(200)")
        return real(article=article, extraction=extraction)

    monkeypatch.setattr(ingest, "_save_analysis", save)


def test_a_database_error_fails_that_file_only_and_the_import_goes_on(tmp_path, monkeypatch):
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_bytes(article(f"Titlu {name}"))
    _database_refuses(monkeypatch, "b.txt")
    results = import_paths(paths=[tmp_path])
    assert [(r.name, r.status) for r in results] == [("a.txt", "imported"), ("b.txt", "failed"),
                                                     ("c.txt", "imported")]
    assert "database refused it (value too long" in results[1].message
    assert sorted(Article.objects.values_list("import_key", flat=True)) == ["a.txt", "c.txt"]
    assert not Paragraph.objects.filter(article__import_key="b.txt").exists()


def test_the_import_command_reports_a_database_error_and_goes_on(tmp_path, monkeypatch, capsys):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_bytes(article(f"Titlu {name}"))
    _database_refuses(monkeypatch, "a.txt")
    with pytest.raises(CommandError, match="1 file"):
        call_command("import_articles", "--now", str(tmp_path))
    out = capsys.readouterr().out
    assert "failed    a.txt: the database refused it" in out and "imported  b.txt" in out


# --- row 10: one name twice in one import ------------------------------------------------------------------

def test_the_same_file_name_in_two_folders_of_an_archive_is_refused_the_second_time():
    upload = zipped(("2024/ianuarie/stiri.txt", article("Titlu din ianuarie")),
                    ("2024/februarie/stiri.txt", article("Titlu din februarie")))
    results = import_uploads(files=[("arhiva.zip", upload)])
    assert [(r.name, r.status) for r in results] == [("stiri.txt", "imported"), ("2024/februarie/stiri.txt",
                                                                                  "failed")]
    assert "same name (2024/ianuarie/stiri.txt)" in results[1].message
    stored = Article.objects.get(import_key="stiri.txt")
    assert (stored.title, stored.revision) == ("Titlu din ianuarie", 1)  # not overwritten as revision 2


def test_a_path_twice_in_one_archive_is_refused_the_second_time():
    buffer = io.BytesIO()
    with pytest.warns(UserWarning), zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", article("Primul"))
        archive.writestr("a.txt", article("Al doilea"))
    results = import_uploads(files=[("dublura.zip", buffer.getvalue())])
    assert [r.status for r in results] == ["imported", "failed"]
    assert "same name" in results[1].message
    assert Article.objects.get().title == "Primul"


def test_an_upload_and_an_archive_member_with_the_same_name_are_not_both_imported():
    results = import_uploads(files=[("a.txt", article("Singur")), ("z.zip", zipped(("x/a.txt", article("Altul"))))])
    assert [r.status for r in results] == ["imported", "failed"]
    assert Article.objects.get().title == "Singur"


def test_the_same_file_name_in_two_subfolders_on_disk_is_refused_the_second_time(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "stiri.txt").write_bytes(article(f"Titlu {folder}"))
    results = import_paths(paths=[tmp_path])
    assert [(r.name, r.status) for r in results] == [("stiri.txt", "imported"), ("stiri.txt", "failed")]
    assert "same name" in results[1].message and Article.objects.get().title == "Titlu a"


def test_resource_forks_of_macos_archives_are_not_articles():
    upload = zipped(("a.txt", article("Titlu")), ("__MACOSX/._a.txt", b"\x00\x05\x16\x07"))
    assert [(r.name, r.status) for r in import_uploads(files=[("mac.zip", upload)])] == [("a.txt", "imported")]


# --- row 14: only .txt and .zip ------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["poza.jpg", "articol.docx", "fara-extensie"])
def test_only_txt_and_zip_uploads_are_imported(name):
    result, = import_uploads(files=[(name, article("Titlu"))])
    assert result.failed and "only .txt, .html, .jsonl, .json and .csv files and .zip archives" in result.message
    assert counts() == (0, 0)


def test_reextracting_an_article_stored_before_the_caps_is_refused_with_the_reason(admin_client, settings):
    stored = import_article(name="vechi.txt", data=article("Titlu", "\n".join(["Un paragraf."] * 30))).article
    settings.READER_MAX_PARAGRAPHS = 10
    response = admin_client.post(reverse("admin:reader_article_changelist"),
                                 {"action": "reextract", "_selected_action": [stored.pk]})
    run_worker()
    response = admin_client.get(response["Location"])
    assert "32 non-empty lines (a paragraph each); the limit is 10" in response.content.decode()
    stored.refresh_from_db()
    assert stored.revision == 1
