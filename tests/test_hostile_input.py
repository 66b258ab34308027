"""Hostile input for decoding, parsing and extraction: a result or a clear ExtractionError, never a crash or a hang.

Example counts are kept modest (NER runs for every example); bench/hostile_input.py measures the real
seconds per megabyte on large inputs of every shape.
"""

import codecs
import time

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from reader.extraction import Extraction, ExtractionError, extract_bytes, extract_passage, extract_text
from reader.extraction.decode import decode_article
from reader.extraction.parse import parse_article, parse_passage

FEW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SOME = settings(max_examples=150, deadline=None)
# Generous: the real figure (bench/hostile_input.py) is far lower; this catches quadratic blow-ups, not noise.
SECONDS_PER_MB = 120

QUOTE_MARKS = "„“”\"«»‹›'’‘`"
# Every category, including controls, format characters, private use and lone surrogates.
ANY_CHAR = st.characters(codec=None, categories=None)
QUOTEY = st.lists(st.sampled_from([*QUOTE_MARKS, " ", " ", ".", ",", ":", "—", "a", "Ion", "Popescu", "a spus",
                                   "declarat", "Rusia"]), max_size=120).map("".join)


def _consistent(result: Extraction) -> None:
    """Every offset we return points inside its paragraph (the page highlights by offset)."""
    texts = {p.index: p.text for p in result.paragraphs}
    for quote in result.quotes:
        assert 0 <= quote.start < quote.end <= len(texts[quote.paragraph])
    for figure in result.figures:
        assert 0 <= figure.start < figure.end <= len(texts[figure.paragraph])
    for entity in result.entities:
        for mention in entity.mentions:
            assert 0 <= mention.start < mention.end <= len(texts[mention.paragraph])


def _extract_or_refuse(function, value):
    try:
        result = function(value)
    except ExtractionError as error:
        assert str(error) and "\n" not in str(error)  # one clear line for the import report
        return None
    _consistent(result)
    return result


@SOME
@given(st.binary(max_size=3000))
def test_any_bytes_decode_to_storable_text_or_a_clear_error(data):
    try:
        text = decode_article(data)
    except ExtractionError as error:
        assert str(error)
        return
    text.encode("utf-8")  # no lone surrogates: the database would refuse them
    assert "\r" not in text and "\x00" not in text


# Longest first: the UTF-32-LE mark starts with the UTF-16-LE one.
BOMS = {"utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE,
        "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}


def _strict_decode(data: bytes) -> tuple[str, str | None]:
    """The encoding a file's byte order mark announces, and its text decoded strictly (None if it cannot be)."""
    encoding = next(name for name, bom in BOMS.items() if data.startswith(bom))
    try:
        return encoding, data[len(BOMS[encoding]):].decode(encoding)
    except UnicodeDecodeError:
        return encoding, None


@SOME
@given(st.sampled_from(list(BOMS)), st.binary(min_size=1, max_size=200))
@example("utf-16-le", b"\x00\xd8")  # a lone surrogate: refused
@example("utf-32-be", b"\x00\x11\x00\x00")  # past U+10FFFF: refused
@example("utf-16-le", "Titlu\r\ntext".encode("utf-16-le"))  # well formed: decoded
@example("utf-16-le", b"\x00\x00" + "Titlu".encode("utf-32-le"))  # the BOM is UTF-32-LE's after all
def test_a_bom_followed_by_garbage_is_decoded_strictly_or_refused_with_the_encoding_named(encoding, garbage):
    data = BOMS[encoding] + garbage
    announced, strict = _strict_decode(data)
    try:
        text = decode_article(data)
    except ExtractionError as error:
        message = str(error)
        assert "\n" not in message
        if strict is None:
            assert f"starts with a {announced.upper()} mark but cannot be decoded" in message
        else:  # decodable, but nothing worth importing
            assert "only whitespace" in message or "binary data" in message, message
        return
    assert strict is not None, f"{announced.upper()} with undecodable bytes was accepted: {text!r}"
    assert text == strict.replace("\r\n", "\n").replace("\r", "\n")
    text.encode("utf-8")  # storable


def test_lone_surrogates_in_utf16_are_refused():
    data = "\ufeffTitlu ".encode("utf-16-le") + b"\x00\xd8" + "text".encode("utf-16-le")  # a lone high surrogate
    with pytest.raises(ExtractionError, match="UTF-16-LE"):
        decode_article(data)


@SOME
@given(st.text(alphabet=ANY_CHAR, max_size=2000))
def test_the_parser_never_crashes_on_any_unicode(text):
    try:
        _, paragraphs, cleaned = parse_article(text)
    except ExtractionError:
        return
    assert paragraphs and all(p.text for p in paragraphs)
    assert parse_passage(text)[2] is not None


@FEW
@given(st.text(alphabet=ANY_CHAR, max_size=600))
@example("A\ud800")  # a lone surrogate, as a JSON line may carry it
def test_extraction_survives_any_unicode(text):
    _extract_or_refuse(extract_text, text)
    _extract_or_refuse(extract_passage, text)


@FEW
@given(st.lists(QUOTEY, min_size=1, max_size=6).map("\n".join))
def test_unbalanced_and_nested_quote_marks_give_consistent_quotes(text):
    _extract_or_refuse(extract_text, "Titlu\n\n" + text)
    _extract_or_refuse(extract_passage, text)


@FEW
@given(st.binary(max_size=2000))
def test_extract_bytes_gives_a_result_or_a_clear_error(data):
    _extract_or_refuse(extract_bytes, data)


def _timed(function, value) -> float:
    started = time.perf_counter()
    _extract_or_refuse(function, value)
    return time.perf_counter() - started


MB = 1_000_000
CHEAP_MEGABYTE_LINES = {
    "a run without spaces": "a" * MB,
    "opening quote marks": "„" * MB,
    "nested quotes": ("„a «b ‹c " * (MB // 27)) + "› » ”" * (MB // 27),
    "unbalanced quotes": '"a „b ' * (MB // 8),
    "lowercase words": "cuvânt după cuvânt " * (MB // 20),
    "digits and units": "12 345,6 % lei 7 mai 2025 " * (MB // 30),
}


@pytest.mark.slow
@pytest.mark.parametrize("shape", CHEAP_MEGABYTE_LINES)
def test_a_one_megabyte_line_is_extracted_in_bounded_time(shape):
    line = CHEAP_MEGABYTE_LINES[shape]
    seconds = _timed(extract_text, "Titlu\n\n" + line)
    assert seconds < SECONDS_PER_MB * len(line.encode()) / MB, f"{shape}: {seconds:.1f} s"


@pytest.mark.slow
@pytest.mark.parametrize("newline", ["\n", " "], ids=["many paragraphs", "one line"])
def test_real_text_with_names_scales_linearly(seed_bytes, newline):
    body = seed_bytes.decode("utf-8").split("\n\n", 1)[1].replace("\n", newline)
    text = "Titlu\n\n" + body * (250_000 // len(body))
    seconds = _timed(extract_text, text)
    assert seconds < SECONDS_PER_MB * len(text.encode()) / MB, f"{seconds:.1f} s"


def test_a_ten_megabyte_file_is_refused_quickly():
    data = ("Titlu\n\n" + "Un paragraf obișnuit, fără nimic special.\n" * 250_000).encode()
    assert len(data) > 10 * MB
    started = time.perf_counter()
    with pytest.raises(ExtractionError, match="too large"):
        extract_bytes(data)
    assert time.perf_counter() - started < 1


@pytest.mark.parametrize("size", [5000, 300_000])
def test_binary_data_is_refused(size):
    import random

    data = random.Random(size).randbytes(size)
    with pytest.raises(ExtractionError, match="binary|decoded"):
        extract_bytes(data)
