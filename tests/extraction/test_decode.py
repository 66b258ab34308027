"""Decoding exported article files into text."""

from __future__ import annotations

import codecs

import pytest

from reader.extraction.decode import decode_article
from reader.extraction.types import ExtractionError

TEXT = "Președintele a spus: „Țara își va respecta angajamentele.”\nAșa a fost."
LEGACY = "Preşedintele a spus: „Ţara îşi va respecta angajamentele.”\nAşa a fost."  # cedillas: what cp1250 can hold


def test_utf8_without_bom_is_decoded():
    assert decode_article(TEXT.encode("utf-8")) == TEXT


def test_utf8_bom_is_removed():
    assert decode_article(codecs.BOM_UTF8 + TEXT.encode("utf-8")) == TEXT


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_utf16_with_bom_is_decoded(encoding):
    data = TEXT.encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    assert decode_article(data) == TEXT


def test_windows_1250_keeps_romanian_letters_and_typographic_quotes():
    assert decode_article(LEGACY.encode("cp1250")) == LEGACY


def test_iso_8859_2_is_decoded():
    text = 'Preşedintele a spus: "Ţara îşi va respecta angajamentele." Aşa a fost, în România.'
    assert decode_article(text.encode("iso-8859-2")) == text


def test_windows_1250_wins_over_iso_8859_2_when_bytes_differ():
    # 0x84/0x94 are „ ” in cp1250 but C1 control characters in ISO-8859-2.
    data = "„Şcoala”".encode("cp1250")
    assert decode_article(data) == "„Şcoala”"


def test_crlf_and_cr_line_ends_become_lf():
    assert decode_article(b"Titlu\r\n\r\nCorp\rFinal") == "Titlu\n\nCorp\nFinal"


@pytest.mark.parametrize("data", [b"", b"   \n\t \r\n"])
def test_empty_or_whitespace_file_is_refused(data):
    with pytest.raises(ExtractionError, match="empty"):
        decode_article(data)


def test_too_large_file_is_refused_with_the_limit_in_the_message():
    with pytest.raises(ExtractionError, match="limit is 100 bytes"):
        decode_article(b"a" * 101, max_bytes=100)


def test_nul_bytes_mean_binary_data():
    with pytest.raises(ExtractionError, match="binary"):
        decode_article(b"PK\x03\x04\x00\x00\x08\x00 some zip content")


def test_many_control_characters_mean_binary_data():
    with pytest.raises(ExtractionError, match="binary"):
        decode_article(bytes(range(1, 32)) * 20 + b"text")


def test_error_messages_are_one_line():
    for data in (b"", b"\x00\x01", b"x" * 20):
        try:
            decode_article(data, max_bytes=10)
        except ExtractionError as exc:
            assert "\n" not in str(exc) and str(exc)


def test_utf8_with_a_few_corrupt_bytes_stays_utf8():
    data = ("Țara și școala, pâine și ațe. " * 3).encode("utf-8") + b"\xff" + " Sfârșit.".encode()
    text = decode_article(data)
    assert text.startswith("Țara și școala") and text.endswith("Sfârșit.")
