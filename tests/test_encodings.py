"""Every export encoding imports to the same article; files over the size limit are refused with a reason."""

import io
import zipfile

import pytest

from reader.extraction import extract_text
from reader.ingest import import_article, import_uploads
from reader.models import Article

pytestmark = pytest.mark.django_db

# Legacy code pages have no comma-below ș/ț (exports used the cedilla forms) and ISO-8859-2 has no „ ” quotes.
CEDILLAS = str.maketrans("șțȘȚ", "şţŞŢ")
NO_TYPOGRAPHIC_QUOTES = str.maketrans({"„": '"', "”": '"', "“": '"', "–": "-", "—": "-", "…": "..."})


def _variant(seed_text: str, encoding: str) -> tuple[str, bytes]:
    """(the text as that export would hold it, its bytes)."""
    if encoding == "utf-8":
        return seed_text, seed_text.encode("utf-8")
    if encoding == "utf-8-sig":
        return seed_text, seed_text.encode("utf-8-sig")
    if encoding == "crlf":
        return seed_text, seed_text.replace("\n", "\r\n").encode("utf-8")
    if encoding == "cr":
        return seed_text, seed_text.replace("\n", "\r").encode("utf-8")
    text = seed_text.translate(CEDILLAS)
    if encoding == "iso-8859-2":
        text = text.translate(NO_TYPOGRAPHIC_QUOTES)
    return text, text.encode(encoding)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1250", "iso-8859-2", "crlf", "cr"],
                         ids=["UTF-8", "UTF-8 with BOM", "Windows-1250", "ISO-8859-2", "CRLF", "CR"])
def test_each_encoding_imports_the_same_article(seed_bytes, encoding):
    text, data = _variant(seed_bytes.decode("utf-8"), encoding)
    expected = extract_text(text.replace("\r\n", "\n"))

    result = import_article(name=f"seed-{encoding}.txt", data=data, publish=True)

    assert result.status == "imported", result.message
    stored = list(result.article.paragraphs.order_by("position").values_list("text", flat=True))
    assert stored == [p.text for p in expected.paragraphs]
    assert "\ufeff" not in result.article.raw_text and "\r" not in result.article.raw_text
    assert result.article.title.startswith("Putin îi mulțumește lui Kim")  # cedillas folded to comma-below


def test_a_file_over_the_default_limit_is_refused_with_its_size(settings):
    assert settings.READER_MAX_IMPORT_BYTES == 5 * 1024 * 1024
    data = b"Titlu\n\n" + b"Un paragraf.\n" * (settings.READER_MAX_IMPORT_BYTES // 13 + 1)
    result = import_article(name="mare.txt", data=data)
    assert result.failed
    assert "too large" in result.message and f"{settings.READER_MAX_IMPORT_BYTES:,}" in result.message
    assert not Article.objects.exists()


def test_a_zip_member_over_the_limit_is_refused_without_unpacking(settings, seed_bytes):
    settings.READER_MAX_IMPORT_BYTES = 10_000
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("bomb.txt", b"a" * 10_000_000)
        archive.writestr("ok.txt", seed_bytes)
    results = {r.name: r for r in import_uploads(files=[("upload.zip", buffer.getvalue())])}
    assert results["bomb.txt"].failed and "limit" in results["bomb.txt"].message
    assert results["ok.txt"].status == "imported"
