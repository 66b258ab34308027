"""Text cleaning and splitting articles into metadata and role-tagged paragraphs."""

from __future__ import annotations

import pytest

from reader.extraction.normalize import clean_text, fold, match_key
from reader.extraction.parse import parse_article, parse_passage
from reader.extraction.types import ExtractionError

ARTICLE = """ date 2025-03-14 EXEMPLU
Primăria anunță lucrări pe bulevardul central
Circulația va fi restricționată timp de două săptămâni.
Muncitori pe șantierul din centru / Inquam Photos
14 Martie 2025

Lucrările încep luni dimineață, a anunțat primăria.

Rute ocolitoare

Șoferii sunt rugați să folosească străzile paralele.
"""


def roles(paragraphs):
    return [p.role for p in paragraphs]


# -- clean_text / fold / match_key -----------------------------------------------------------------------


def test_double_escaped_html_entities_are_decoded():
    assert clean_text("&amp;nbsp;„Bună ziua” &quot;test&quot; &amp;amp;") == "„Bună ziua” \"test\" &"


def test_soft_hyphens_and_zero_width_characters_are_removed():
    assert clean_text("tem\u00adpe\u00adra\u200btura\u200d") == "temperatura"


def test_nbsp_tabs_and_runs_of_spaces_become_one_space():
    assert clean_text("a\u00a0b\t\tc    d\u202fe") == "a b c d e"


def test_text_that_only_looks_like_an_entity_is_kept():
    assert clean_text("AT&T și R&D & co") == "AT&T și R&D & co"


def test_newlines_are_kept():
    assert clean_text("unu\n  doi  \ntrei") == "unu\ndoi\ntrei"


def test_fold_turns_cedillas_into_comma_below():
    assert fold("Ştefan şi Ţara ţepuşă") == "Ștefan și Țara țepușă"


def test_match_key_ignores_case_diacritics_and_cedillas():
    assert match_key("Crişan  ȘTEFAN") == match_key("crisan stefan") == "crisan stefan"


# -- parse_article ---------------------------------------------------------------------------------------


def test_header_title_lead_caption_and_dateline_are_recognised():
    meta, paragraphs, _ = parse_article(ARTICLE)
    assert (meta.date, meta.source) == ("2025-03-14", "EXEMPLU")
    assert meta.title == "Primăria anunță lucrări pe bulevardul central"
    assert meta.lead == "Circulația va fi restricționată timp de două săptămâni."
    assert meta.credit == "Inquam Photos"
    assert meta.dateline == "14 Martie 2025"
    assert roles(paragraphs) == ["title", "lead", "caption", "dateline", "body", "heading", "body"]
    assert paragraphs[2].text == "Muncitori pe șantierul din centru / Inquam Photos"


def test_paragraph_indexes_run_in_order():
    _, paragraphs, _ = parse_article(ARTICLE)
    assert [p.index for p in paragraphs] == list(range(len(paragraphs)))


def test_unknown_date_and_domain_source():
    meta, _, _ = parse_article("date unknown digi24.ro\nTitlul știrii\n\nCorpul știrii.")
    assert (meta.date, meta.source, meta.title) == (None, "digi24.ro", "Titlul știrii")


def test_missing_header_makes_the_first_line_the_title():
    meta, paragraphs, _ = parse_article("Titlul știrii\n\nPrimul paragraf.\n\nAl doilea paragraf.")
    assert meta.date is None and meta.source is None
    assert roles(paragraphs) == ["title", "body", "body"]


def test_file_without_blank_lines_still_splits_into_paragraphs():
    text = "date unknown x.ro\nTitlu\nPrimul paragraf are o frază.\nSubtitlu scurt\nAl doilea paragraf, tot aici."
    _, paragraphs, _ = parse_article(text)
    assert roles(paragraphs) == ["title", "body", "heading", "body"]


def test_cedilla_letters_are_folded_in_paragraph_text():
    _, paragraphs, _ = parse_article("Ştiri din ţară\n\nPreşedintele a vorbit.")
    assert paragraphs[0].text == "Știri din țară"
    assert paragraphs[1].text == "Președintele a vorbit."


def test_scraper_debris_is_cleaned_in_paragraphs():
    _, paragraphs, _ = parse_article("Titlu\n\n&amp;nbsp;„Bună\u00a0ziua”,\ta spus el.")
    assert paragraphs[1].text == "„Bună ziua”, a spus el."


@pytest.mark.parametrize("teaser", [
    "Citește și: Alt articol despre „altceva”, a spus cineva",
    "Citeste si Alt articol",
    "Recomandări „Nu mai am bani”, spune un politician",
    "Urmărește-ne pe Google News",
    "Vezi și: Cum arată noul stadion",
])
def test_boilerplate_teasers_are_dropped(teaser):
    _, paragraphs, cleaned = parse_article(f"Titlu\n\nPrimul paragraf.\n\n{teaser}\n\nUltimul paragraf.")
    assert [p.text for p in paragraphs] == ["Titlu", "Primul paragraf.", "Ultimul paragraf."]
    assert teaser not in cleaned


def test_cleaned_text_joins_paragraphs_with_blank_lines():
    _, _, cleaned = parse_article("Titlu\n\nUnu.\n\nDoi.")
    assert cleaned == "Titlu\n\nUnu.\n\nDoi."


@pytest.mark.parametrize("text", ["", "\n\n", " date 2025-01-01 X\n\n  \n"])
def test_article_without_a_title_is_refused(text):
    with pytest.raises(ExtractionError, match="no title"):
        parse_article(text)


def test_odd_input_never_crashes():
    for text in ("/", "„", " / Reuters", "1 Ianuarie 2025", "date", "a\n/ b\n\n\n„”\n-", "\u00ad\u200b"):
        try:
            parse_article(text)
        except ExtractionError:
            pass


# -- parse_passage ---------------------------------------------------------------------------------------


def test_passage_lines_are_all_body_paragraphs():
    meta, paragraphs, cleaned = parse_passage("Prima linie.\n\nA doua linie\nA treia linie.")
    assert meta.title == ""
    assert roles(paragraphs) == ["body", "body", "body"]
    assert cleaned == "Prima linie.\n\nA doua linie\n\nA treia linie."


def test_photo_prefix_is_removed_from_the_credit():
    meta, _, _ = parse_article("Titlu\nCaptură de ecran din conferință / Foto: Arhivă\n\nText.")
    assert meta.credit == "Arhivă"
