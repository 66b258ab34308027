"""Quote finding and speaker attribution, on short passages written for these tests."""

from __future__ import annotations

import json

import pytest

from reader.extraction.scoring import score
from reader.extraction.types import Entity

from .conftest import DATA, article_quotes, passage_quotes


def direct(quotes):
    return [q for q in quotes if q.kind == "direct"]


def indirect(quotes):
    return [q for q in quotes if q.kind == "indirect"]


# -- the seed article ----------------------------------------------------------------------------------------


def test_seed_direct_quotes_are_all_found_and_all_said_by_putin(seed_text):
    quotes = article_quotes(seed_text)
    gold = json.loads((DATA / "article-0.gold.json").read_text(encoding="utf-8"))
    result = score(gold, {"quotes": [q.__dict__ for q in quotes]})
    assert result["direct_quotes"]["F1"] == 1.0
    assert result["direct_quotes"]["speaker_acc"] == 1.0
    assert [q.speaker for q in direct(quotes)] == ["Vladimir Putin"] * 5


def test_seed_first_quote_has_kim_as_addressee(seed_text):
    first = direct(article_quotes(seed_text))[0]
    assert first.addressee == "Kim Jong-un"
    assert first.cue == "i-a spus"


def test_seed_title_reported_speech_is_putins(seed_text):
    title_quotes = [q for q in article_quotes(seed_text) if q.paragraph == 0]
    assert [(q.kind, q.speaker, q.cue) for q in title_quotes] == [("indirect", "Vladimir Putin", "spunând")]


# -- marks -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("opening, closing", [("„", "”"), ("„", "“"), ('"', '"'), ("“", "”"), ("«", "»"),
                                              ("‹", "›"), ('"', "”"), ("<<", ">>")])
def test_every_quotation_mark_style_gives_the_same_quote(opening, closing):
    text = f"{opening}Vom construi un spital nou în cartierul de nord{closing}, a declarat Ion Popescu."
    [q] = passage_quotes(text)
    assert q.text == "Vom construi un spital nou în cartierul de nord"
    assert q.speaker == "Ion Popescu"
    assert q.cue == "a declarat"


def test_nested_quote_stays_inside_the_outer_quote():
    text = "„Le-am spus «nu mai veniți aici» și au plecat imediat”, a spus Maria Ionescu."
    [q] = passage_quotes(text)
    assert q.text == "Le-am spus «nu mai veniți aici» și au plecat imediat"
    assert q.speaker == "Maria Ionescu"


def test_space_after_opening_mark_is_not_part_of_the_quote():
    [q] = passage_quotes("„ Washington nu va accepta un asemenea acord”, a spus Radu Stan.")
    assert q.text == "Washington nu va accepta un asemenea acord"


def test_trailing_comma_inside_marks_stays_in_the_quote():
    [q] = passage_quotes("„Nu vom uita niciodată sacrificiile lor,” a spus Dan Marin.")
    assert q.text == "Nu vom uita niciodată sacrificiile lor,"
    assert q.speaker == "Dan Marin"


def test_interrupted_quote_keeps_one_speaker():
    text = "„Prima parte a planului este gata”, a spus Andrei Munteanu, „iar a doua parte vine la toamnă”."
    quotes = direct(passage_quotes(text))
    assert [q.text for q in quotes] == ["Prima parte a planului este gata", "iar a doua parte vine la toamnă"]
    assert {q.speaker for q in quotes} == {"Andrei Munteanu"}


def test_quote_over_several_paragraphs_belongs_to_the_final_attribution():
    text = (
        "Ministrul Mediului, Tudor Pavel, a vorbit despre inundații.\n"
        "„Apele au crescut foarte repede în ultimele zile.\n"
        "„Am trimis echipe de salvare în toate satele afectate.\n"
        "„Situația este acum sub control”, a spus ministrul."
    )
    quotes = direct(passage_quotes(text))
    assert [q.paragraph for q in quotes] == [1, 2, 3]
    assert {q.speaker for q in quotes} == {"Tudor Pavel"}
    assert quotes[0].inferred and quotes[1].inferred


def test_missing_opening_mark_starts_the_quote_at_the_paragraph():
    text = ("„Am muncit toată viața pentru asta, zi de zi.\n"
            "Nu renunț acum la nimic din ce am construit” a spus Elena Dobre.")
    quotes = direct(passage_quotes(text))
    assert quotes[1].text == "Nu renunț acum la nimic din ce am construit"
    assert {q.speaker for q in quotes} == {"Elena Dobre"}


def test_headline_quote_after_a_colon_belongs_to_the_name_before_it():
    text = "date unknown exemplu.ro\nIon Vârlan: „Nu voi mai candida niciodată”\n\nFostul președinte a vorbit ieri."
    [q] = direct(article_quotes(text))
    assert (q.paragraph, q.text, q.speaker) == (0, "Nu voi mai candida niciodată", "Ion Vârlan")


def test_pull_quote_without_marks_takes_the_speaker_from_the_next_line():
    text = "Tenisul românesc are nevoie de bani și de răbdare, mai mult ca oricând.\n- Ion Țiriac"
    [q] = passage_quotes(text)
    assert q.text.startswith("Tenisul românesc are nevoie")
    assert q.speaker == "Ion Țiriac"


# -- not quotes --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Opoziția denunță „corupția” din minister și cere demisii.",
    "Emisiunea „Vocea României” revine în toamnă pe micile ecrane.",
    "Legea „Offshore” a fost adoptată ieri de Parlament.",
    "Compania „Electrica Furnizare” a anunțat noi tarife.",
])
def test_scare_quotes_and_titles_in_marks_are_not_quotes(text):
    assert direct(passage_quotes(text)) == []


# -- speakers ----------------------------------------------------------------------------------------------


def test_speaker_introduced_before_the_quote_with_a_colon():
    [q] = passage_quotes("Ana Pop a declarat: „Vom depune contestație la tribunal chiar mâine.”")
    assert q.speaker == "Ana Pop"


def test_potrivit_before_the_quote_names_the_speaker():
    [q] = direct(passage_quotes("Potrivit lui Mihai Stoica, „echipa are nevoie urgentă de un atacant nou”."))
    assert q.speaker == "Mihai Stoica"


def test_surname_resolves_to_the_full_name_without_entities():
    text = "Vladimir Putin a ajuns la Beijing.\n„Relațiile noastre sunt excelente”, a spus Putin."
    assert direct(passage_quotes(text))[0].speaker == "Vladimir Putin"


def test_entity_name_is_the_canonical_speaker():
    kim = Entity(name="Kim Jong-un", type="PERSON", aliases=("Kim",))
    text = "„Vă mulțumim pentru ajutorul acordat armatei noastre”, a spus Kim."
    assert passage_quotes(text, (kim,))[0].speaker == "Kim Jong-un"


def test_addressee_after_the_speaker_is_resolved_to_the_full_name():
    text = ("Vladimir Putin l-a primit pe Kim Jong-un la Kremlin.\n"
            "„Sunteți binevenit oricând la Moscova”, i-a spus Putin lui Kim.")
    q = direct(passage_quotes(text))[0]
    assert (q.speaker, q.addressee) == ("Vladimir Putin", "Kim Jong-un")


def test_role_with_apposition_gives_the_named_person():
    [q] = passage_quotes("„Spitalele sunt pregătite pentru iarnă”, a declarat ministrul Sănătății, Sorin Matache.")
    assert q.speaker == "Sorin Matache"


def test_role_noun_alone_resolves_to_the_person_introduced_with_it():
    text = ("Primarul general, Radu Tănase, a prezentat bugetul pe anul viitor.\n"
            "Consilierul Mihai Ene a criticat proiectul.\n"
            "„Avem bani pentru toate proiectele mari”, a spus edilul.")
    assert direct(passage_quotes(text))[0].speaker == "Radu Tănase"


def test_pronoun_resolves_to_the_latest_person():
    text = ("Premierul Dan Ionescu a vorbit luni despre taxe.\n"
            "„Nu vom crește TVA în acest an, vă garantez”, a mai spus el.")
    q = direct(passage_quotes(text))[0]
    assert q.speaker == "Dan Ionescu"
    assert q.inferred and q.confidence < 0.9


def test_unattributed_quote_paragraph_continues_the_previous_speaker():
    text = ("„Economia va crește anul acesta cu trei procente”, a spus Paul Vasilache.\n"
            "„Investițiile străine sunt în creștere față de anul trecut.”")
    second = direct(passage_quotes(text))[1]
    assert second.speaker == "Paul Vasilache"
    assert second.inferred


def test_indefinite_speaker_gives_no_speaker():
    [q] = passage_quotes("„Nu mai avem medicamente de o săptămână întreagă”, a spus unul dintre pacienți.")
    assert q.speaker is None


# -- reported speech ---------------------------------------------------------------------------------------


def test_declared_that_gives_an_indirect_quote_with_the_content_clause():
    [q] = passage_quotes("Ion Popescu a declarat că proiectul va fi gata în luna martie.")
    assert (q.kind, q.text, q.speaker, q.cue) == ("indirect", "proiectul va fi gata în luna martie",
                                                  "Ion Popescu", "a declarat")


def test_present_tense_claim_is_reported_speech():
    [q] = passage_quotes("Elena Dobre susține că salariile profesorilor vor crește din toamnă.")
    assert (q.text, q.speaker) == ("salariile profesorilor vor crește din toamnă", "Elena Dobre")


def test_potrivit_after_the_clause_names_the_source():
    [q] = passage_quotes("Prețurile alimentelor vor scădea în primăvară, potrivit Institutului Național de Statistică.")
    assert q.text == "Prețurile alimentelor vor scădea în primăvară"
    assert q.speaker.endswith("Statistică")


def test_gerund_of_saying_takes_the_subject_of_the_main_clause():
    [q] = passage_quotes("Vladimir Putin îi mulțumește lui Kim Jong-un, spunând că soldații au luptat cu curaj.")
    assert (q.text, q.speaker) == ("soldații au luptat cu curaj", "Vladimir Putin")


def test_reported_speech_stops_before_the_next_attribution():
    text = "Ion Marin a afirmat că nu știe nimic despre dosar, iar ulterior a anunțat că își dă demisia."
    quotes = passage_quotes(text)
    assert [q.text for q in quotes] == ["nu știe nimic despre dosar", "își dă demisia"]
    assert {q.speaker for q in quotes} == {"Ion Marin"}


def test_attribution_after_the_clause_makes_it_reported_speech():
    [q] = passage_quotes("Mihai Ene este noul antrenor al echipei din Cluj, a anunțat clubul.")
    assert q.text == "Mihai Ene este noul antrenor al echipei din Cluj"
    assert q.cue == "a anunțat"


def test_a_quote_that_is_only_a_partial_direct_quote_is_not_also_indirect():
    text = "Întrebat despre un posibil accident, Ion Pavel a răspuns că „nu există niciun risc”."
    quotes = passage_quotes(text)
    assert [(q.kind, q.text, q.speaker) for q in quotes] == [("direct", "nu există niciun risc", "Ion Pavel")]


def test_cues_inside_a_direct_quote_are_ignored():
    text = "„Potrivit datelor noastre, criza s-a încheiat”, a declarat Sorin Grindeanu."
    assert [q.kind for q in passage_quotes(text)] == ["direct"]


# -- speed -------------------------------------------------------------------------------------------------


# -- more attribution patterns -------------------------------------------------------------------------------


def test_feminine_pronoun_skips_a_more_recent_man():
    text = "Maria Pop și Ion Ionescu au vorbit la conferință. „Suntem pregătiți pentru noul an școlar”, a spus ea."
    assert direct(passage_quotes(text))[0].speaker == "Maria Pop"


def test_pronoun_prefers_the_subject_to_an_object():
    text = "Vladimir Putin i-a mulțumit lui Kim Jong-un. „Nu vom uita niciodată ajutorul acordat”, a spus el."
    assert direct(passage_quotes(text))[0].speaker == "Vladimir Putin"


def test_potrivit_with_a_pronoun_resolves_it():
    [q] = passage_quotes("Elena Udrea a fost audiată ieri. Potrivit acesteia, dosarul este unul politic.")
    assert (q.kind, q.text, q.speaker) == ("indirect", "dosarul este unul politic", "Elena Udrea")


def test_paragraph_ending_with_a_colon_introduces_the_next_quote():
    text = "Ion Popescu a scris pe Facebook:\n„Nu voi demisiona, indiferent de presiunile la care sunt supus.”"
    [q] = passage_quotes(text)
    assert (q.paragraph, q.speaker) == (1, "Ion Popescu")
    assert q.inferred


def test_embedded_post_signature_line_names_the_author():
    text = ("We will never give up on our people. pic.twitter.com/abc123\n"
            "— Donald J. Trump (@realDonaldTrump) May 3, 2025")
    [q] = passage_quotes(text)
    assert q.text.startswith("We will never give up") and q.speaker == "Donald J. Trump"


def test_impersonal_cue_attributes_the_quote_to_the_documents_author():
    text = "„Spitalele vor primi fonduri suplimentare”, se arată în comunicatul Ministerului Sănătății."
    assert passage_quotes(text)[0].speaker.endswith("Sănătății")


@pytest.mark.parametrize("text", [
    "„Nu vom tolera abuzuri în instituție”, a declarat, luni, Ion Popescu.",
    "„Nu vom tolera abuzuri în instituție”, a declarat pentru Digi24 Ion Popescu.",
    "„Nu vom tolera abuzuri în instituție”, a negat categoric Ion Popescu.",
    "„Nu vom tolera abuzuri în instituție”, a declarat dr. Ion Popescu, directorul spitalului.",
    "„Nu vom tolera abuzuri în instituție”, se întreabă Ion Popescu.",
    "„Nu vom tolera abuzuri în instituție” – a reacționat imediat Ion Popescu.",
    "Iată ce a declarat Ion Popescu: „Nu vom tolera abuzuri în instituție”.",
    "Fostul premier Ion Popescu a declarat că „nu vom tolera abuzuri în instituție”.",
])
def test_speaker_is_found_past_adverbs_titles_and_prepositional_phrases(text):
    assert direct(passage_quotes(text))[0].speaker == "Ion Popescu"


def test_unnamed_official_after_a_prepositional_phrase_gives_no_speaker():
    [q] = passage_quotes("„Nu vom ceda presiunilor”, a declarat pentru Libertatea un oficial al ministerului.")
    assert q.speaker is None


def test_quoted_name_after_a_title_noun_is_not_a_quote():
    quotes = passage_quotes("Ion Popescu a declarat că programul „Rabla pentru electrocasnice” începe în martie.")
    assert [q.kind for q in quotes] == ["indirect"]


def test_unattributed_quote_running_into_the_sentence_is_a_slogan():
    assert passage_quotes("„Pace și prosperitate pentru toți” este sloganul campaniei electorale.") == ()


def test_reported_speech_in_a_relative_clause_ends_at_the_clause():
    [q] = passage_quotes("Ion Popescu, care a declarat că nu va demisiona, a fost chemat la DNA.")
    assert (q.text, q.speaker) == ("nu va demisiona", "Ion Popescu")


def test_organisation_subject_is_the_speaker_of_reported_speech():
    [q] = passage_quotes("Ministerul Sănătății a anunțat că numărul cazurilor a scăzut.")
    assert q.speaker == "Ministerul Sănătății"


def test_institution_in_the_genitive_is_named_in_the_nominative():
    [q] = passage_quotes("Șomajul a scăzut în martie, potrivit Comisiei Europene.")
    assert q.speaker == "Comisia Europeană"


def test_representatives_of_a_ministry_speak_for_the_ministry_named_earlier():
    text = ("Potrivit Ministerului Sănătății, proiectul este prioritar la nivel național.\n"
            "„Finanțarea este asigurată integral”, au transmis reprezentanții ministerului.")
    assert direct(passage_quotes(text))[0].speaker == "Ministerul Sănătății"


def test_unattributed_quote_after_a_new_person_is_introduced_belongs_to_that_person():
    text = ("„Reforma este necesară și urgentă”, a spus Ion Pop la o întâlnire cu premierul Dan Ene.\n"
            "Maria Stan, ministrul Muncii, are însă o altă poziție.\n"
            "„Nu putem tăia pensiile oamenilor în plină iarnă.”")
    assert [q.speaker for q in direct(passage_quotes(text))] == ["Ion Pop", "Maria Stan"]


def test_first_unattributed_quote_goes_to_the_person_just_mentioned():
    text = "Ion Pop a vorbit ieri despre criza energetică.\n„Prețurile vor scădea abia la anul.”"
    q = direct(passage_quotes(text))[0]
    assert q.speaker == "Ion Pop" and q.inferred


def test_reported_speech_stops_when_the_speaker_goes_on_doing_something_else():
    [q] = passage_quotes("Ion Pop a declarat că economia va crește, dar a refuzat să comenteze scandalul.")
    assert q.text == "economia va crește"


def test_potrivit_skips_the_speakers_apposition():
    [q] = passage_quotes("Potrivit lui Ion Pop, ministrul Economiei, economia va crește cu trei procente.")
    assert (q.text, q.speaker) == ("economia va crește cu trei procente", "Ion Pop")


def test_negated_verb_of_saying_reports_nothing():
    assert passage_quotes("Ion Pop nu a spus că va demisiona din funcție.") == ()


def test_role_with_a_genitive_complement_and_no_comma_gives_the_name():
    [q] = passage_quotes("„Școlile vor fi deschise în toată țara”, a spus ministrul Educației Sorina Vlădescu.")
    assert q.speaker == "Sorina Vlădescu"


def test_headline_with_a_bare_surname_before_the_colon():
    text = "date unknown x.ro\nIonescu: „Nu vom crește taxele anul viitor”\n\nPremierul a vorbit aseară la televizor."
    assert direct(article_quotes(text))[0].speaker == "Ionescu"


def test_missing_closing_mark_ends_the_quote_before_its_attribution():
    [q] = passage_quotes("„Vom câștiga alegerile din toamnă, a spus Ion Pop.")
    assert (q.text, q.speaker) == ("Vom câștiga alegerile din toamnă", "Ion Pop")


def test_missing_opening_mark_after_a_colon_starts_the_quote_after_it():
    [q] = passage_quotes("Ion Pop a declarat la final: Vom câștiga alegerile din toamnă”.")
    assert (q.text, q.speaker) == ("Vom câștiga alegerile din toamnă", "Ion Pop")


def test_showing_is_reported_speech_only_when_someone_does_it():
    assert passage_quotes("Meciul a arătat că echipa are mari probleme în apărare.") == ()
    [q] = passage_quotes("Ion Pop a arătat că proiectul nu are finanțare.")
    assert q.speaker == "Ion Pop"


def test_instagram_signature_line_names_the_author_of_the_post():
    text = "Suntem campioni! Mulțumim tuturor fanilor pentru susținere.\nA post shared by Simona Halep (@simonahalep)"
    [q] = passage_quotes(text)
    assert q.speaker == "Simona Halep"


def test_one_word_answer_with_a_cue_is_a_quote():
    [q] = passage_quotes("„Nu”, a răspuns scurt Ion Pop.")
    assert (q.text, q.speaker) == ("Nu", "Ion Pop")


def test_gerund_after_a_scare_quote_does_not_make_it_speech():
    quotes = passage_quotes("Ion Pop a vorbit despre „criza din sistem”, spunând că situația este gravă.")
    assert [(q.kind, q.text, q.speaker) for q in quotes] == [("indirect", "situația este gravă", "Ion Pop")]
