
import pytest
import spacy

from reader.extraction import extract_passage, extract_text
from reader.extraction.entities import Curated
from reader.extraction.ner import model as ner_model
from reader.extraction.ner.model import (
    MODEL_DIR,
    VECTORS_META_KEY,
    VECTORS_SHAPE,
    VectorsMissingError,
    load_nlp,
)


def test_model_directory_is_small_and_has_only_inference_files():
    size = sum(p.stat().st_size for p in MODEL_DIR.rglob("*") if p.is_file())
    assert size < 25 * 1024 * 1024
    assert (MODEL_DIR / "metrics.json").exists()
    assert not list(MODEL_DIR.rglob("*.spacy"))


def test_model_loads_once_per_process(monkeypatch, seed_text):
    # Counts the real loads (spaCy pipeline and the 112 MB vector table) while the extraction runs as the app runs
    # it: several articles and passages, with and without curated entities. Fails if a code path loads its own copy
    # or drops the cached one. How fast it loads is measured by bench/extraction_speed.py, not asserted here.
    loads = []
    real_load, real_vectors = spacy.load, ner_model.load_vectors
    monkeypatch.setattr(spacy, "load", lambda *args, **kwargs: loads.append("pipeline") or real_load(*args, **kwargs))
    monkeypatch.setattr(ner_model, "load_vectors", lambda *args: loads.append("vectors") or real_vectors(*args))
    load_nlp.cache_clear()
    extract_text(seed_text)
    extract_passage("Ion Popescu a spus la Constanța că „totul merge bine”.")
    curated = Curated(entities=(("Ion Verde", "PERSON", ("Verde",)),), blocked=frozenset({"Rusia"}))
    extract_text(seed_text, curated=curated)
    extract_passage("Delegația lui Kim Jong-un a sosit la București.")
    assert loads == ["pipeline", "vectors"]
    assert load_nlp() is load_nlp()


def test_the_model_multiplies_with_numpys_blas_on_one_thread():
    # Every layer of the token encoder, where the time goes (spaCy builds the small output layer with ops of its
    # own); thinc gives a layer its ops when it is built, so the current default proves nothing.
    from threadpoolctl import threadpool_info

    layers = list(load_nlp().get_pipe("ner").model.get_ref("tok2vec").walk())
    assert len(layers) > 10 and not any(layer.ops.use_blis for layer in layers)
    assert {pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"} == {1}


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


def test_static_vectors_come_from_the_installed_package_not_the_model_directory():
    nlp = load_nlp()
    assert nlp.meta.get(VECTORS_META_KEY)
    assert nlp.vocab.vectors.mode == "floret" and tuple(nlp.vocab.vectors.shape) == VECTORS_SHAPE
    assert (MODEL_DIR / "vocab" / "vectors").stat().st_size < 1024 * 1024


def test_missing_vectors_package_fails_with_a_clear_message(monkeypatch):
    monkeypatch.setattr(ner_model.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(VectorsMissingError, match="pip install --no-deps ro-legal-fl==3.6.1"):
        ner_model.load_nlp.__wrapped__(MODEL_DIR)
