"""Load the trained NER pipeline once per process.

The model's tok2vec reads static floret vectors (Romanian, 100 000 rows x 280 dims) that are *not* shipped in
``model/``: they come from the ``ro-legal-fl`` PyPI package (CC4R licence), installed with
``pip install --no-deps ro-legal-fl==3.6.1`` by ``make install``. Only its vector table is used, never its own
pipeline. The loader attaches the table to the saved pipeline's vocab.
"""

from __future__ import annotations

import importlib.util
import json
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy loads with a model: commands that never extract (migrate, web workers) skip it
    from spacy.language import Language
    from spacy.strings import StringStore
    from spacy.vectors import Vectors

MODEL_DIR = Path(__file__).with_name("model")
NAME_HEADS_FILE = "name_heads.json"
# Where the static vectors come from, and what the model was trained with (checked at load time).
VECTORS_PACKAGE = "ro_legal_fl"
VECTORS_PACKAGE_PIP = "ro-legal-fl==3.6.1"
VECTORS_SUBDIR = "ro_legal_fl-3.6.1/vocab"
VECTORS_SHAPE = (100_000, 280)
VECTORS_META_KEY = "static_vectors"


class VectorsMissingError(RuntimeError):
    """The NER model needs the floret vectors of the ro-legal-fl package, which is not installed."""


def vectors_dir() -> Path:
    """The installed ``ro_legal_fl`` package's vector table directory (found without importing the package)."""
    spec = importlib.util.find_spec(VECTORS_PACKAGE)
    locations = list(spec.submodule_search_locations or []) if spec else []
    for location in locations:
        path = Path(location) / VECTORS_SUBDIR
        if (path / "vectors.cfg").exists() and (path / "vectors").exists():
            return path
    raise VectorsMissingError(
        f"The NER model needs the floret vectors of the {VECTORS_PACKAGE_PIP!r} package "
        f"({'not installed' if not locations else 'installed without ' + VECTORS_SUBDIR}). Install it with "
        f"`.venv/bin/python -m pip install --no-deps {VECTORS_PACKAGE_PIP}` (`make install` does this)."
    )


def load_vectors(strings: StringStore | None = None) -> Vectors:
    """The floret table, read from the installed package (spaCy 3.8 reads the 3.6 files as they are).

    Floret rows are found by hashing a token's character n-grams, so the package's string store is not needed.
    """
    from spacy.vectors import Mode, Vectors

    path = vectors_dir()
    vectors = Vectors(strings=strings)
    vectors.from_disk(path, exclude=["strings"])
    if vectors.mode != Mode.floret or tuple(vectors.shape) != VECTORS_SHAPE:
        raise VectorsMissingError(
            f"Unexpected vectors in {path}: mode {vectors.mode}, shape {vectors.shape}; "
            f"the NER model was trained with {VECTORS_PACKAGE_PIP} (floret, {VECTORS_SHAPE})."
        )
    return vectors


def attach_vectors(nlp: Language) -> Language:
    nlp.vocab.vectors = load_vectors(nlp.vocab.strings)
    return nlp


def needs_vectors(nlp: Language) -> bool:
    return bool(nlp.meta.get(VECTORS_META_KEY))


_active = {"dir": MODEL_DIR}


def use_model_dir(path: Path) -> None:
    """Make the extraction use another trained pipeline (the training script scores the one it just made)."""
    _active["dir"] = Path(path)
    load_nlp.cache_clear()
    name_heads.cache_clear()


@cache
def load_nlp(path: Path | None = None) -> Language:
    """The trained pipeline, with the static vectors attached; train it with ``make train-ner`` if missing."""
    path = path or _active["dir"]
    if not (path / "meta.json").exists():
        raise FileNotFoundError(
            f"NER model not found at {path}; train it with "
            "`python -m reader.extraction.ner.train --ronec ../shared/data/ronec --out reader/extraction/ner/model`"
        )
    import spacy
    from thinc.api import use_ops
    from threadpoolctl import threadpool_limits

    from . import components  # noqa: F401  (registers the merge component the saved pipeline names)

    # The layers keep the ops they are built with. numpy's OpenBLAS multiplies the tok2vec's matrices in a third
    # of the CPU time thinc's default BLIS takes here, with the same entities on every article we tried; one
    # thread, as the job queue runs one worker per core.
    threadpool_limits(limits=1, user_api="blas")
    with use_ops("numpy", use_blis=False):
        nlp = spacy.load(path)
    return attach_vectors(nlp) if needs_vectors(nlp) else nlp


@cache
def name_heads(path: Path | None = None) -> frozenset[str]:
    """Lemmas of common nouns that may open a name (written next to the model by the training script)."""
    file = (path or _active["dir"]) / NAME_HEADS_FILE
    return frozenset(json.loads(file.read_text(encoding="utf-8"))) if file.exists() else frozenset()
