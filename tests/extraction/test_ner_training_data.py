"""The training script re-marks RONEC v1 names the way v2 (what the model is measured on) marks them."""

from reader.extraction.ner.ronec import bio_spans
from reader.extraction.ner.train import in_v2_style


def record(pairs: str) -> dict:
    """``"dl/O Ion/B-PERSON Pop/I-PERSON"`` -> a RONEC record."""
    tokens, tags = zip(*(p.rsplit("/", 1) for p in pairs.split()), strict=True)
    return {"id": 1, "tokens": list(tokens), "ner_tags": list(tags), "space_after": [True] * len(tokens)}


def spans(r: dict) -> list[str]:
    return [" ".join(r["tokens"][s:e]) + f"/{cls}" for s, e, cls in bio_spans(r["ner_tags"])]


def test_an_honorific_joins_the_person_it_introduces():
    r = record("L-a/O sunat/O dl/O Ion/B-PERSON Pop/I-PERSON ./O")
    assert spans(in_v2_style(r)) == ["dl Ion Pop/PERSON"]


def test_quotation_marks_around_a_name_join_it():
    r = record("Compania/O „/O Wizz/B-ORG Air/I-ORG ”/O zboară/O")
    assert spans(in_v2_style(r)) == ["„ Wizz Air ”/ORG"]


def test_a_defining_acronym_joins_the_organisation_even_when_v1_tagged_it_apart():
    r = record("Bursa/B-ORG din/I-ORG Londra/I-ORG (/O LSE/B-ORG )/O a/O crescut/O")
    assert spans(in_v2_style(r)) == ["Bursa din Londra ( LSE )/ORG"]


def test_people_lowercase_words_and_lone_brackets_stay_as_they_were():
    for pairs in (
        "Ion/B-PERSON Pop/I-PERSON (/O PSD/B-ORG )/O a/O votat/O",  # a person's party is not their acronym
        "domnul/O director/O a/O plecat/O",
        "Guvernul/B-ORG (/O în/O ședință/O )/O",
        "„/O Ion/B-PERSON Pop/I-PERSON",  # no closing mark
    ):
        assert in_v2_style(record(pairs))["ner_tags"] == record(pairs)["ner_tags"]


def test_the_european_union_and_schools_are_organisations_as_in_v2():
    assert spans(in_v2_style(record("în/O Uniunea/B-GPE Europeană/I-GPE"))) == ["Uniunea Europeană/ORG"]
    assert spans(in_v2_style(record("la/O Liceul/B-FACILITY Unirea/I-FACILITY"))) == ["Liceul Unirea/ORG"]
    assert spans(in_v2_style(record("la/O Hotelul/B-FACILITY Unirea/I-FACILITY"))) == ["Hotelul Unirea/FACILITY"]


def test_a_persons_apposition_keeps_one_word_as_in_v2():
    r = record("Ion/B-PERSON Pop/I-PERSON ,/I-PERSON directorul/I-PERSON general/I-PERSON a/O spus/O")
    assert spans(in_v2_style(r)) == ["Ion Pop , directorul/PERSON"]
