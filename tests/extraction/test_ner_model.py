import time

from reader.extraction.ner.model import MODEL_DIR, load_nlp


def test_model_directory_is_small_and_has_only_inference_files():
    size = sum(p.stat().st_size for p in MODEL_DIR.rglob("*") if p.is_file())
    assert size < 25 * 1024 * 1024
    assert (MODEL_DIR / "metrics.json").exists()
    assert not list(MODEL_DIR.rglob("*.spacy"))


def test_model_loads_once_and_quickly():
    load_nlp.cache_clear()
    started = time.monotonic()
    nlp = load_nlp()
    assert time.monotonic() - started < 2.0
    assert load_nlp() is nlp


def test_tokenizer_keeps_spaced_numbers_and_hyphenated_names_whole():
    tokens = [t.text for t in load_nlp()("Liderul Moon Jae-in a primit 10 000 de scrisori și 1 250 000 de lei.")]
    assert "10 000" in tokens and "1 250 000" in tokens and "Jae-in" in tokens
    tokens = [t.text for t in load_nlp()("Delegația lui Kim Jong-un a sosit.")]
    assert "Jong-un" in tokens


def test_tokenizer_still_splits_romanian_clitics():
    tokens = [t.text for t in load_nlp()("Dă-i cartea, s-a dus într-un oraș.")]
    assert tokens[:2] == ["Dă", "-i"] and "s-" in tokens and "într-" in tokens


def test_model_finds_a_person_and_a_place():
    doc = load_nlp()("Deputatul a spus că Ion Popescu a ajuns ieri la Constanța pentru o vizită de lucru.")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Ion Popescu", "PERSON") in ents
    assert ("Constanța", "PLACE") in ents
