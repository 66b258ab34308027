"""Who said it: interviews, reporters, appositions, speaker kinds and the speaker-choice model.

Every passage here is written for the tests (no news text is copied).
"""

from __future__ import annotations

import json

import numpy as np
import pytest

from reader.extraction.marks import find_spans
from reader.extraction.parse import parse_article, parse_passage
from reader.extraction.quotes import attribute_quotes
from reader.extraction.speaker_choice import (
    _NEAR,
    FEATURES,
    MODEL_FILE,
    Candidate,
    _QuoteFacts,
    description,
    features,
    load_model,
)
from reader.extraction.speaker_training import fit
from reader.extraction.types import Entity, Mention, Quote

from .conftest import passage_quotes


def _entity(paragraphs, name: str, type_: str) -> Entity:
    mentions = tuple(Mention(p.index, k, k + len(name), name) for p in paragraphs
                     for k in _occurrences(p.text, name))
    return Entity(name, type_, mentions)


def _occurrences(text: str, word: str):
    k = text.find(word)
    while k >= 0:
        yield k
        k = text.find(word, k + 1)


def _article(body: str, *, title: str = "Un titlu oarecare", lead: str = "Un rezumat scurt al articolului.",
             people: tuple[str, ...] = (), organisations: tuple[str, ...] = (), places: tuple[str, ...] = ()):
    text = f"date 2025-03-01 TEST\n{title}\n{lead}\n{body}"
    _, paragraphs, _ = parse_article(text)
    entities = tuple(_entity(paragraphs, n, t) for names, t in
                     ((people, "PERSON"), (organisations, "ORGANIZATION"), (places, "PLACE")) for n in names)
    quotes, entities = attribute_quotes(paragraphs, entities)
    for q in quotes:
        assert paragraphs[q.paragraph].text[q.start:q.end] == q.text
    return paragraphs, quotes, entities


def _passage(text: str, **names):
    _, paragraphs, _ = parse_passage(text)
    entities = tuple(_entity(paragraphs, n, t) for key, t in
                     (("people", "PERSON"), ("organisations", "ORGANIZATION"), ("places", "PLACE"))
                     for n in names.get(key, ()))
    return attribute_quotes(paragraphs, entities)


# -- interviews ---------------------------------------------------------------------------------------------


def test_dash_turns_give_the_answers_to_the_interviewee_named_in_the_announcement():
    body = ("Într-un interviu acordat revistei noastre, arhitecta Irina Vlad vorbește despre orașele mici.\n"
            "– Ce v-a adus înapoi în țară?\n"
            "– Dorul de casă și câteva proiecte pe care nu le puteam face de departe.\n"
            "Am găsit aici o comunitate care vrea să schimbe lucrurile.\n"
            "– Ce urmează?\n"
            "– Un cartier nou, construit cu oamenii care vor locui în el.")
    paragraphs, quotes, entities = _article(body, people=("Irina Vlad",))
    texts = [q.text for q in quotes]
    assert texts == ["Dorul de casă și câteva proiecte pe care nu le puteam face de departe.",
                     "Am găsit aici o comunitate care vrea să schimbe lucrurile.",
                     "Un cartier nou, construit cu oamenii care vor locui în el."]
    assert {q.speaker for q in quotes} == {"Irina Vlad"}
    assert all(q.speaker_kind == "entity" and entities[q.speaker_entity].name == "Irina Vlad" for q in quotes)


def test_labelled_turns_belong_to_their_label_and_the_questions_are_not_quotes():
    body = ("Am stat de vorbă cu un medic care lucrează de zece ani în străinătate.\n"
            "Reporter: Ce vă lipsește cel mai mult?\n"
            "D.M.: Familia, fără îndoială. Și limba, pe care o aud tot mai rar.\n"
            "Reporter: V-ați gândit să vă întoarceți?\n"
            "D.M.: M-am gândit de multe ori, dar spitalul de aici are nevoie de mine.")
    _, quotes, entities = _article(body)
    assert [q.text[:12] for q in quotes] == ["Familia, făr", "M-am gândit "]
    assert {q.speaker for q in quotes} == {"D.M."}
    assert all(entities[q.speaker_entity].type == "PERSON" for q in quotes)


def test_an_explainer_with_questions_for_subheadings_is_not_an_interview():
    body = ("Cum se calculează impozitul pe clădiri?\n"
            "Primăria aplică o cotă asupra valorii clădirii, stabilită prin hotărâre locală.\n"
            "Când se plătește impozitul?\n"
            "Plata se face în două rate egale, până la sfârșitul lunilor martie și septembrie.")
    _, quotes, _ = _article(body)
    assert quotes == ()


def test_teasers_after_the_last_answer_end_the_interview():
    body = ("Interviul de mai jos a fost realizat cu pilotul Andrei Stan.\n"
            "– Cum a fost cursa?\n"
            "– Grea, dar am terminat-o fără greșeli.\n"
            "– Și acum?\n"
            "– Acum mă odihnesc o săptămână.\n"
            "Sportnews.ro Cine a câștigat etapa de ieri și ce urmează\n"
            "Vremea se răcește de mâine în toată țara.")
    _, quotes, _ = _article(body, people=("Andrei Stan",))
    assert [q.text for q in quotes] == ["Grea, dar am terminat-o fără greșeli.", "Acum mă odihnesc o săptămână."]


# -- marks and clauses ----------------------------------------------------------------------------------------


def test_a_closing_shaped_mark_before_a_word_opens_a_quote():
    text = "Ministrul a spus că ”nu vom renunța la proiect” și a plecat."
    [span] = find_spans(text)
    assert text[span.start:span.end] == "nu vom renunța la proiect"


def test_a_partly_quoted_clause_is_reported_speech_and_its_quoted_words_a_direct_quote():
    quotes = passage_quotes("Sorina Matei a spus că judecătorii „au depășit orice limită” în acest dosar.")
    kinds = {(q.kind, q.text) for q in quotes}
    assert ("direct", "au depășit orice limită") in kinds
    assert ("indirect", "judecătorii „au depășit orice limită” în acest dosar") in kinds
    assert {q.speaker for q in quotes} == {"Sorina Matei"}


def test_a_second_verb_of_saying_after_and_ends_the_first_report():
    [first, second] = passage_quotes(
        "Petru Lazăr a declarat că taxele sunt prea mari și a adăugat că firmele mici vor avea de suferit.")
    assert first.text == "taxele sunt prea mari"
    assert second.text == "firmele mici vor avea de suferit"


# -- who the subject is ---------------------------------------------------------------------------------------


def test_a_name_inside_the_reported_clause_is_not_the_speaker():
    quotes = passage_quotes("Dan Roman, liderul sindicatului, a declarat luni că decizia lui Vlad Ilie "
                            "a fost „o greșeală gravă”.")
    assert {q.speaker for q in quotes} == {"Dan Roman"}


def test_the_subject_of_a_verb_after_a_chain_of_appositions_is_the_first_name():
    quotes = passage_quotes("Ana Vlad, directoarea firmei Alfa, companie controlată de omul de afaceri "
                            "Mihai Toma, a declarat că vânzările au crescut.")
    assert [q.speaker for q in quotes] == ["Ana Vlad"]


def test_an_outlet_that_passes_a_statement_on_is_not_its_speaker():
    quotes, _ = _passage("Șeful poliției, Radu Ionescu, a declarat pentru presa locală că „nu există victime”, "
                         "relatează Jurnalul de Est.", people=("Radu Ionescu",), organisations=("Jurnalul de Est",))
    assert [(q.kind, q.speaker) for q in quotes if q.kind == "direct"] == [("direct", "Radu Ionescu")]


def test_a_reported_clause_with_its_own_speaker_keeps_it_when_an_outlet_reports_it():
    quotes, _ = _passage("Ion Pavel le-a explicat alegătorilor că economia își revine, scrie Gazeta de Nord.",
                         people=("Ion Pavel",), organisations=("Gazeta de Nord",))
    assert [q.speaker for q in quotes] == ["Ion Pavel"]


def test_a_capitalised_genitive_after_a_role_completes_the_role_not_a_name():
    text = ("Ministrul Afacerilor Externe, Toma Vasilescu, a vorbit despre vize.\n"
            "Ministrul a susținut că regulile noi vor intra în vigoare din martie.")
    quotes, _ = _passage(text, people=("Toma Vasilescu",))
    assert [q.speaker for q in quotes] == ["Toma Vasilescu"]


# -- speaker kinds --------------------------------------------------------------------------------------------


def test_a_place_is_never_a_speaker():
    quotes, _ = _passage("Ardenia a anunțat că își retrage ambasadorul.", places=("Ardenia",))
    assert [(q.speaker, q.speaker_kind, q.speaker_entity) for q in quotes] == [(None, "unknown", None)]


def test_a_described_group_is_a_description_in_its_dictionary_form():
    [q] = passage_quotes("Medicii de la spitalul județean au declarat că pacientul este stabil.")
    assert (q.speaker, q.speaker_kind, q.speaker_entity) == ("medicii de la spitalul județean", "description", None)


def test_description_needs_a_human_or_collective_head_noun():
    assert description("Agricultorii din Bărăgan") == "agricultorii din Bărăgan"
    assert description("în cadrul unui briefing") is None
    assert description("Faptul că ministrul") is None


def test_a_speaker_the_recogniser_missed_joins_the_entities_and_is_linked():
    quotes, entities = _passage("„Vom deschide încă o fabrică”, a spus Lucian Moga.")
    [q] = quotes
    assert q.speaker_kind == "entity"
    assert entities[q.speaker_entity].name == "Lucian Moga"
    assert entities[q.speaker_entity].type == "PERSON"


def test_an_explicit_attribution_is_more_certain_than_a_quote_with_two_possible_speakers():
    text = ("„Economia va crește anul acesta cu trei procente”, a spus Paul Vasilache.\n"
            "Elena Dumitru și Paul Vasilache s-au întâlnit apoi la minister.\n"
            "„Investițiile străine sunt în creștere față de anul trecut.”")
    quotes, _ = _passage(text, people=("Paul Vasilache", "Elena Dumitru"))
    assert all(0.0 <= q.confidence <= 1.0 for q in quotes)
    assert quotes[0].confidence > quotes[1].confidence


# -- the model ------------------------------------------------------------------------------------------------


def test_the_shipped_model_weighs_every_feature_and_reports_cross_validated_figures():
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    assert set(data["weights"]) == set(FEATURES)
    cv = data["metrics"]["cross_validated"]
    assert 0.0 < cv["direct_quotes"]["speaker_acc"] <= 1.0
    assert 0.0 < load_model().threshold < 1.0


def test_fit_learns_which_feature_marks_the_right_candidate():
    rng = np.random.default_rng(0)
    x = rng.integers(0, 2, size=(400, 3)).astype(float)
    y = x[:, 1]  # only the second feature says who spoke
    w, _ = fit(x, y)
    assert w[1] > 3 and abs(w[0]) < 1 and abs(w[2]) < 1


@pytest.mark.parametrize("turn", ["Reporter: Ce urmează?", "– Ce urmează?"])
def test_a_lone_question_is_not_an_interview(turn):
    _, quotes, _ = _article(f"{turn}\nUrmează o perioadă grea pentru toată lumea din oraș.")
    assert quotes == ()


# -- more rules of attribution --------------------------------------------------------------------------------


def test_quoted_words_inside_a_report_are_the_reported_speaker_s_own():
    quotes = passage_quotes("Vera Munteanu a avertizat că anul va fi „unul foarte greu” pentru firme.")
    direct = [q for q in quotes if q.kind == "direct"]
    assert [(q.text, q.speaker) for q in direct] == [("unul foarte greu", "Vera Munteanu")]


def test_a_headline_that_names_a_person_gives_them_the_quoted_statement():
    body = "Vasile Oprea a vorbit ieri despre noile taxe, la o conferință de presă."
    _, quotes, _ = _article(body, title="Vasile Oprea avertizează: „Taxele noi vor lovi firmele mici”",
                            people=("Vasile Oprea",))
    assert [(q.text, q.speaker) for q in quotes] == [("Taxele noi vor lovi firmele mici", "Vasile Oprea")]


def test_one_or_two_quoted_words_in_a_headline_stay_unattributed_labels():
    _, quotes, _ = _article("Vasile Oprea a vizitat ieri noul cartier.", title="Vasile Oprea și casele „verzi”",
                            people=("Vasile Oprea",))
    assert quotes == ()


def test_a_subject_with_its_apposition_before_the_verb_is_not_reported_content():
    quotes = passage_quotes("Președinta asociației, Ilinca Done, a transmis că protestul continuă.")
    assert [(q.text, q.speaker) for q in quotes] == [("protestul continuă", "Ilinca Done")]


def test_an_infinitive_of_a_verb_of_saying_does_not_end_a_report():
    [q] = passage_quotes("Horia Neagu a spus că firmele, pentru a-și putea susține angajații, cer sprijin.")
    assert q.text == "firmele, pentru a-și putea susține angajații, cer sprijin"


def test_a_closing_shaped_mark_opening_the_next_sentence_ends_the_report():
    quotes = passage_quotes("Lia Sandu a spus că bugetul este echilibrat. ”Nu vom tăia salariile”, a adăugat ea.")
    indirect = [q.text for q in quotes if q.kind == "indirect"]
    assert indirect == ["bugetul este echilibrat"]


def test_a_known_person_after_a_role_and_its_genitive_complement_is_named():
    text = "Ministrul Mediului Sorin Lupu a declarat că pădurile vor fi protejate."
    quotes, _ = _passage(text, people=("Sorin Lupu",))
    assert [q.speaker for q in quotes] == ["Sorin Lupu"]


# -- role nouns and pronouns ----------------------------------------------------------------------------------


def test_a_role_noun_after_the_verb_is_the_person_introduced_with_that_role():
    text = ("Adolescentul Matei Ursu a câștigat ieri proba de 200 de metri.\n"
            "Antrenorul lui, Victor Zamfir, l-a felicitat la final.\n"
            "„Am muncit un an pentru cursa asta”, a spus adolescentul.")
    quotes, _ = _passage(text, people=("Matei Ursu", "Victor Zamfir"))
    assert [q.speaker for q in quotes] == ["Matei Ursu"]


def test_a_feminine_pronoun_skips_the_man_named_last():
    text = ("Senatoarea Irina Pavel a cerut o anchetă, iar colegul ei Mihai Dobre a susținut-o.\n"
            "„Vom merge până la capăt”, a adăugat ea.")
    quotes, _ = _passage(text, people=("Irina Pavel", "Mihai Dobre"))
    assert [q.speaker for q in quotes] == ["Irina Pavel"]


def test_an_indefinite_subject_leaves_the_quote_unattributed_even_among_named_people():
    text = ("Premierul Andrei Costin a anunțat noi taxe.\n"
            "„Măsurile vor lovi mai ales firmele mici”, a declarat un oficial al ministerului.")
    quotes, _ = _passage(text, people=("Andrei Costin",))
    assert [(q.speaker, q.speaker_kind) for q in quotes if q.kind == "direct"] == [(None, "unknown")]


def test_a_vice_role_resolves_like_its_role():
    text = ("Viceguvernatorul băncii centrale, Ilie Stan, a vorbit despre inflație.\n"
            "„Dobânzile vor rămâne ridicate”, a precizat viceguvernatorul.")
    quotes, _ = _passage(text, people=("Ilie Stan",))
    assert [q.speaker for q in quotes] == ["Ilie Stan"]


def test_representatives_named_by_the_head_noun_of_an_organisation_speak_for_it():
    text = ("Alianța Verde a depus un proiect de lege.\n"
            "Reprezentanții alianței susțin că proiectul va reduce poluarea.")
    quotes, _ = _passage(text, organisations=("Alianța Verde",))
    assert [q.speaker for q in quotes] == ["Alianța Verde"]


def test_a_long_described_group_is_still_a_description():
    [q] = passage_quotes("Specialiștii în horticultură de la universitatea agricolă din orașul vecin au explicat "
                         "că florile rezistă la frig.")
    assert q.speaker_kind == "description"
    assert q.speaker.startswith("specialiștii în horticultură")


def test_an_adverbial_between_the_verb_and_its_subject_is_skipped():
    quotes, _ = _passage("„Acțiunea a fost deliberată”, a declarat, la acea vreme, Victor Rusu.",
                         people=("Victor Rusu",))
    assert [q.speaker for q in quotes] == ["Victor Rusu"]


def test_an_institution_named_with_a_common_adjective_is_an_organisation_speaker():
    quotes, entities = _passage("Poliția germană a declarat că atacul a fost deliberat.")
    [q] = quotes
    assert q.speaker == "Poliția germană"
    assert entities[q.speaker_entity].type == "ORGANIZATION"


def test_a_quote_running_over_paragraphs_includes_the_unmarked_ones_between():
    body = ("Primarul Dan Vasilescu a scris pe Facebook:\n"
            "„Am primit azi vestea cea bună.\n"
            "Șantierul începe luni, iar în trei luni strada va fi gata.\n"
            "Vă mulțumesc pentru răbdare!”\n"
            "Lucrările costă două milioane de lei.")
    _, quotes, _ = _article(body, people=("Dan Vasilescu",))
    assert [q.text for q in quotes] == ["Am primit azi vestea cea bună.",
                                        "Șantierul începe luni, iar în trei luni strada va fi gata.",
                                        "Vă mulțumesc pentru răbdare!"]
    assert {q.speaker for q in quotes} == {"Dan Vasilescu"}


def test_words_a_statement_gives_without_its_owner_belong_to_the_organisation_that_issued_it():
    body = ("Ministerul Transporturilor a transmis, joi, un comunicat de presă.\n"
            "„Podul va fi redeschis în martie, după încheierea lucrărilor”, se arată în comunicat.")
    _, quotes, _ = _article(body, organisations=("Ministerul Transporturilor",))
    assert [q.speaker for q in quotes] == ["Ministerul Transporturilor"]


def test_the_narrative_after_an_interview_is_not_an_answer():
    body = ("Într-un interviu pentru revista noastră, pictorița Lia Tudose vorbește despre culoare.\n"
            "– De unde începeți un tablou?\n"
            "– De la o culoare pe care o văd dimineața, pe drum spre atelier.\n"
            "– Și când știți că e gata?\n"
            "– Niciodată. Îl las când începe să-mi răspundă.\n"
            "Lia Tudose expune la Cluj până la sfârșitul lunii.")
    _, quotes, _ = _article(body, people=("Lia Tudose",))
    assert [q.text[:10] for q in quotes] == ["De la o cu", "Niciodată."]


def test_a_group_noun_opening_a_sentence_is_a_description_not_a_name():
    [q] = passage_quotes("Organizatorii au anunțat că festivalul se mută în parc.")
    assert (q.speaker, q.speaker_kind) == ("organizatorii", "description")


def test_every_sample_article_gives_each_quote_an_entity_a_description_or_nobody():
    from pathlib import Path

    from reader.extraction import extract_bytes

    samples = sorted((Path(__file__).resolve().parents[2] / "samples").glob("*.txt"))
    assert len(samples) >= 5
    for path in samples:
        extraction = extract_bytes(path.read_bytes())
        assert extraction.quotes, path.name
        for q in extraction.quotes:
            if q.speaker_kind == "entity":
                assert extraction.entities[q.speaker_entity].type in ("PERSON", "ORGANIZATION"), path.name
            else:
                assert q.speaker_entity is None and (q.speaker is None) == (q.speaker_kind == "unknown"), path.name


def test_the_outlet_a_statement_was_made_to_is_not_its_speaker():
    quotes, _ = _passage("„Am fost surprinși de decizie”, a declarat, pentru Agenția Nord, directorul fabricii, "
                         "Mihai Stan.", people=("Mihai Stan",), organisations=("Agenția Nord",))
    assert [q.speaker for q in quotes] == ["Mihai Stan"]


def test_a_label_with_a_number_is_no_new_speaker():
    _, entities = _passage("Consilierii organizației Sector 4 au anunțat că parcarea se închide.")
    assert all(e.name != "Sector 4" for e in entities)  # not even after an organisation's head noun
    quotes, entities = _passage("Sector 2 a anunțat că parcarea se închide.")
    assert all(e.name != "Sector" for e in entities)
    assert [q.speaker_kind for q in quotes] == ["unknown"]


@pytest.mark.parametrize(("text", "speaker"), [
    # a new speaker after an outlet's head noun is an organisation
    ("Site-ul de știri Velox a relatat că podul a fost închis noaptea trecută.", "Velox"),
    # so is one named by a dictionary word
    ("Ieri, Brigada a anunțat că incendiul a fost stins după trei ore de muncă.", "Brigada"),
    # a new organisation is named in the nominative
    ("Podul va fi închis două luni, potrivit Ministerului Apelor și Pădurilor.", "Ministerul Apelor și Pădurilor"),
    # an organisation's head noun before its name gives the speaker
    ("Potrivit publicației sud-coreene Velox News, Phenianul a trimis muncitori în Rusia.", "Velox News"),
])
def test_a_new_organisation_speaker_is_found_named_and_typed(text, speaker):
    quotes, entities = _passage(text)
    assert [q.speaker for q in quotes] == [speaker]
    assert {e.name: e.type for e in entities}[speaker] == "ORGANIZATION"


@pytest.mark.parametrize(("text", "not_speaker"), [
    ("Podul s-a închis, a declarat ambasada ucraineană din Liban, fără alte detalii.", "Liban"),  # after "din"
    ("Ieri, producătorii Alfa au estimat că recolta scade mult.", "Alfa"),  # a plural head
])
def test_a_name_after_a_preposition_or_a_plural_head_is_not_the_organisation_speaking(text, not_speaker):
    quotes, _ = _passage(text)
    assert quotes and all(q.speaker != not_speaker for q in quotes)


def test_a_pronoun_never_names_a_person_of_the_other_gender():
    quotes, _ = _passage("Maria Vârtescu a venit ieri la sediu. El a spus că nu pleacă nicăieri fără avocat.",
                         people=("Maria Vârtescu",))
    assert [q.speaker for q in quotes] == [None]


def test_an_organisation_named_with_a_complement_the_recogniser_left_out_is_the_proposed_speaker():
    quotes, _ = _passage("Ion Vârtescu ar câștiga alegerile din toamnă, potrivit unui sondaj realizat de Centrul "
                         "de Studii Politice de la Oxford.", people=("Ion Vârtescu",),
                         organisations=("Centrul de Studii Politice",))
    assert [q.speaker for q in quotes] == ["Centrul de Studii Politice"]


def test_a_prepositional_phrase_is_never_a_new_speaker():
    quotes, entities = _passage("„Suspectul a fugit din țară în ziua percheziției”, se arată în rechizitoriul "
                                "procurorilor.")
    assert all(not e.name.lower().startswith("în ") for e in entities)
    assert [q.speaker for q in quotes] == [None]


# -- role nouns and joined verbs ----------------------------------------------------------------------------


def test_a_bare_role_means_the_holder_introduced_without_a_complement():
    body = ("Președintele Andrei Mureșan a criticat conducerea agenției de presă.\n"
            "Agenția este condusă de Radu Pavel, președintele Consiliului de Administrație.\n"
            "Președintele a mai spus că Radu Pavel nu are experiență în domeniu.")
    _, quotes, _ = _article(body, people=("Andrei Mureșan", "Radu Pavel"))
    [q] = [q for q in quotes if q.text.startswith("Radu Pavel nu are")]
    assert q.speaker == "Andrei Mureșan"


def test_a_second_verb_joined_after_a_reported_clause_keeps_the_first_subject():
    body = ("Ministrul Ioana Dobre a vorbit ieri despre bugetul spitalelor.\n"
            "Ministrul a spus că Vasile Matei nu a cerut fonduri, și a adăugat că spitalele vor primi bani.")
    _, quotes, _ = _article(body, people=("Ioana Dobre", "Vasile Matei"))
    assert [(q.text[:16], q.speaker) for q in quotes] == [("Vasile Matei nu ", "Ioana Dobre"),
                                                          ("spitalele vor pr", "Ioana Dobre")]


def test_a_role_noun_opening_the_clause_is_the_subject_of_a_later_verb_of_saying():
    body = ("Premierul Sorin Lungu a vorbit despre taxe, iar liderul opoziției, Dan Crețu, l-a criticat.\n"
            "Seara, premierul a reluat subiectul și a precizat că atacul lui Dan Crețu este nedrept.")
    _, quotes, _ = _article(body, people=("Sorin Lungu", "Dan Crețu"))
    [q] = [q for q in quotes if q.text.startswith("atacul")]
    assert q.speaker == "Sorin Lungu"


def test_an_institution_named_only_by_its_common_noun_is_a_description():
    quotes, _ = _passage("Președintele Tudor Nan a promis reforme. Pentru a da un exemplu, guvernul a anunțat că "
                         "licitațiile se vor face online.", people=("Tudor Nan",))
    [q] = [q for q in quotes if q.text.startswith("licitațiile")]
    assert (q.speaker, q.speaker_kind) == ("guvernul", "description")
    assert description("Guvernul") is None  # capitalised: a name the recogniser answers for


# -- verbs of saying and the clauses they report ------------------------------------------------------------


def test_the_pluperfect_of_a_verb_of_saying_reports_speech():
    [q] = passage_quotes("Primăria anunțase că podul se redeschide în martie.")
    assert q.text == "podul se redeschide în martie" and q.cue == "anunțase"


def test_iar_with_a_new_subject_ends_the_reported_clause():
    quotes, _ = _passage("Ana Pop a spus că festivalul se ține în parc, iar mama prietenei lui Dan Ilie a răspuns "
                         "scurt: „Da.”", people=("Ana Pop", "Dan Ilie"))
    assert [q.text for q in quotes if q.kind == "indirect"] == ["festivalul se ține în parc"]


def test_an_outlet_named_by_its_web_address_may_stand_between_the_verb_and_the_clause():
    quotes, _ = _passage("Ion Barbu a povestit pentru ziarulnostru.ro că a învățat meseria de la tatăl său.",
                         people=("Ion Barbu",))
    assert [(q.text, q.speaker) for q in quotes] == [("a învățat meseria de la tatăl său", "Ion Barbu")]


def test_an_accusation_may_name_its_object_before_the_clause():
    quotes, _ = _passage("Maria Ilie îl acuză pe directorul general al spitalului județean Petru Lazăr că ascunde "
                         "datele.", people=("Maria Ilie", "Petru Lazăr"))
    assert [(q.text, q.speaker) for q in quotes] == [("ascunde datele", "Maria Ilie")]


def test_insisting_on_saying_is_saying():
    [q] = passage_quotes("Organizatorii au ținut să menționeze că intrarea este gratuită.")
    assert (q.text, q.speaker) == ("intrarea este gratuită", "organizatorii")


def test_a_name_alone_after_the_closing_mark_signs_the_quote():
    body = ("Liderii partidului s-au întâlnit aseară.\n"
            "„Suntem uniți și știm ce avem de făcut în toamnă”. Elena Sârbu")
    _, quotes, _ = _article(body, people=("Elena Sârbu",))
    assert [q.speaker for q in quotes] == ["Elena Sârbu"]


def test_a_common_noun_points_back_only_to_an_organisation_just_talked_about():
    body = ("Partidul Verde Unit a câștigat alegerile din primăvară.\n"
            "Analiștii au comentat rezultatul pe larg.\n"
            "Sondajele arătau o cursă strânsă.\n"
            "Campania s-a încheiat fără incidente.\n"
            "Noul purtător de cuvânt al UDR a fost numit ieri. Liderii partidului au declarat că decizia a fost "
            "luată în unanimitate.")
    _, quotes, _ = _article(body, organisations=("Partidul Verde Unit", "UDR"))
    [q] = quotes
    assert q.speaker != "Partidul Verde Unit"


def test_a_group_belonging_to_someone_is_not_that_someone():
    body = ("Procesul lui Mihai Voicu a continuat ieri la tribunal.\n"
            "Avocații lui Mihai Voicu au declarat că el ar trebui achitat.")
    _, quotes, _ = _article(body, people=("Mihai Voicu",))
    [q] = quotes
    assert (q.speaker, q.speaker_kind) == ("avocații lui Mihai Voicu", "description")


def test_some_of_a_group_is_nobody_in_particular():
    body = ("Daniel Roman a pierdut procesul.\n"
            "Dar unii dintre adversarii lui Daniel Roman au declarat și că dezaprobă decizia instanței.")
    _, quotes, _ = _article(body, people=("Daniel Roman",))
    assert [(q.speaker, q.speaker_kind) for q in quotes] == [(None, "unknown")]


def test_the_time_stamp_of_a_live_blog_entry_is_not_part_of_the_speaker():
    from reader.extraction.names import clean_np

    assert clean_np("UPDATE 00:00 Șeful de cabinet al primarului") == "Șeful de cabinet al primarului"
    assert clean_np("Actualizare 14.30, Ministrul Ion Pop") == "Ministrul Ion Pop"
    assert clean_np("Ora 10 oameni") == "Ora 10 oameni"


def test_an_institution_noun_points_to_the_organisation_just_named():
    body = ("Fundația Casa Verde a publicat ieri un raport despre păduri.\n"
            "„Am documentat fiecare tăiere ilegală”, a transmis organizația.")
    _, quotes, _ = _article(body, organisations=("Fundația Casa Verde",))
    assert [q.speaker for q in quotes] == ["Fundația Casa Verde"]


def test_an_institution_noun_in_the_genitive_points_to_the_organisation_with_that_head():
    body = ("Poliția Locală Arad și Primăria Arad au închis strada Mureșului.\n"
            "Traficul va fi reluat de luni, potrivit poliției.")
    _, quotes, _ = _article(body, organisations=("Poliția Locală Arad", "Primăria Arad"))
    assert [q.speaker for q in quotes] == ["Poliția Locală Arad"]


def test_a_capitalised_common_word_opening_a_sentence_is_no_new_speaker():
    quotes, entities = _passage("Presa a relatat că ministrul a fost surprins de decizie.")
    assert all(e.name != "Presa" for e in entities)
    assert [(q.speaker, q.speaker_kind) for q in quotes] == [("presa", "description")]


def test_a_group_of_a_numbered_branch_speaks_for_it():
    body = ("PNL Sector 4 și-a ales ieri noua conducere.\n"
            "Consilierii locali ai PNL Sector 4 au declarat că vor contesta bugetul.")
    _, quotes, _ = _article(body, organisations=("PNL Sector 4",))
    assert [q.speaker for q in quotes] == ["PNL Sector 4"]


def test_people_named_by_their_trade_in_the_plural_are_a_description():
    [q] = passage_quotes("Hotelierii susțin că sezonul a fost slab.")
    assert (q.speaker, q.speaker_kind) == ("hotelierii", "description")


def test_a_plural_of_institutions_opening_a_sentence_is_a_description():
    [q] = passage_quotes("Spitalele din județ au anunțat că urgențele sunt primite normal.")
    assert (q.speaker, q.speaker_kind) == ("spitalele din județ", "description")


def test_a_dictionary_word_written_with_a_capital_mid_sentence_is_a_name():
    quotes, entities = _passage("Fabrica a fost vândută ieri, scrie Bivol. Potrivit aceleiași publicații, "
                                "prețul a fost mic. Bivol a mai scris că banii au ajuns în străinătate.")
    assert "Bivol" in {q.speaker for q in quotes}


def test_an_institution_with_a_long_name_is_a_candidate_not_a_group():
    body = ("Organizația pentru Comerț și Turism Dunărean a publicat ieri un raport.\n"
            "Organizația pentru Comerț și Turism Dunărean spune că exporturile au crescut.")
    _, quotes, _ = _article(body, organisations=("Organizația pentru Comerț și Turism Dunărean",))
    assert [(q.speaker, q.speaker_kind) for q in quotes] == [
        ("Organizația pentru Comerț și Turism Dunărean", "entity")]


def test_an_institution_the_recogniser_took_for_a_place_speaks_as_an_organisation():
    body = ("Ploile au continuat toată săptămâna în nordul țării.\n"
            "Inundațiile vor continua, potrivit Serviciului Național de Ape Curgătoare.")
    quotes, entities = _article(body, places=("Serviciului Național de Ape Curgătoare",))[1:]
    [q] = quotes
    assert q.speaker == "Serviciului Național de Ape Curgătoare" and q.speaker_kind == "entity"
    assert entities[q.speaker_entity].type == "ORGANIZATION"


def test_a_long_institution_name_the_recogniser_missed_is_a_new_speaker():
    quotes, entities = _passage("Autoritatea pentru drumuri și poduri din Sibiu a declarat că podul rămâne închis.")
    [q] = quotes
    assert q.speaker_kind == "entity"
    assert (entities[q.speaker_entity].name, entities[q.speaker_entity].type) == (
        "Autoritatea pentru drumuri și poduri din Sibiu", "ORGANIZATION")


def test_what_a_law_says_is_nobodys_statement():
    body = ("Senatul a votat ieri noua lege a armelor, relatează Agenția Nord.\n"
            "Conform textului de lege, cetățenii vor putea purta arme fără permis.")
    _, quotes, _ = _article(body, organisations=("Senatul", "Agenția Nord"))
    assert [(q.speaker, q.speaker_kind) for q in quotes if q.text.startswith("cetățenii")] == [(None, "unknown")]


def test_a_role_then_a_name_in_apposition_gives_the_name():
    quotes, _ = _passage("Șeful serviciului de Medicină Veterinară din Olt, Vlad Sima, declară că animalele "
                         "sunt sănătoase.", people=("Vlad Sima", "Medicină Veterinară"))
    assert [q.speaker for q in quotes] == ["Vlad Sima"]


def test_a_group_cited_as_a_source_is_described_in_the_nominative():
    [q] = passage_quotes("Podul va fi redeschis în martie, potrivit specialiștilor.")
    assert (q.speaker, q.speaker_kind) == ("specialiștii", "description")


def test_where_a_candidate_stands_is_read_the_same_by_bisection_as_by_looking_at_every_mention():
    """The positional features of a long one-line article look its mentions up by bisection: on mentions at and
    around every boundary (the sentence's ends, _NEAR characters either side), they say what a scan would."""
    import random
    from types import SimpleNamespace

    rng = random.Random(7)
    ctx = SimpleNamespace(roles_of={}, gender_of={})
    edges = [0, 1, 99, 100, 199, 200, 300 - _NEAR - 1, 300 - _NEAR, 299, 300, 340, 341, 340 + _NEAR, 341 + _NEAR]
    nested = [(3, 150, 310), (3, 160, 250)]  # the inner mention ends close before the quote, the outer one not
    for layout in range(400):
        positions = [] if layout else list(nested)
        for paragraph in (2, 3, 4):
            for start in rng.sample(edges, rng.randint(0, 4)):
                positions.append((paragraph, start, start + rng.choice([1, 5, 30])))
            for end in rng.sample(edges, rng.randint(0, 2)):
                positions.append((paragraph, max(0, end - 7), end))
        cand = Candidate("Ion Popescu", "PERSON", frozenset({"ion popescu"}), positions)
        cand.settle()
        quote = Quote(paragraph=3, start=300, end=340, text="x", kind="direct", speaker=None, confidence=0.5)
        facts = _QuoteFacts(quote, (100, 200), "x", "", "", "", "name", None, None, False, False)
        got = features(facts, cand, ctx, None, {}, 0)
        here = [(s, e) for (k, s, e) in positions if k == 3]
        assert got["same_sentence"] == any(100 <= s < 200 for s, _ in here)
        assert got["near_before"] == any(0 <= 300 - e <= _NEAR for _, e in here)
        assert got["near_after"] == any(0 <= s - 340 <= _NEAR for s, _ in here)
        assert got["same_paragraph"] == bool(here)
        assert got["previous_paragraph"] == any(k == 2 for k, _, _ in positions)
        assert got["next_paragraph"] == any(k == 4 for k, _, _ in positions)
