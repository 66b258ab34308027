"""Load the trained NER pipeline once per process."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language

from . import components  # noqa: F401  (registers the merge component the saved pipeline names)

MODEL_DIR = Path(__file__).with_name("model")
NAME_HEADS_FILE = "name_heads.json"


@cache
def load_nlp(path: Path = MODEL_DIR) -> Language:
    """The trained pipeline; train it with ``make model`` if the directory is missing."""
    if not (path / "meta.json").exists():
        raise FileNotFoundError(
            f"NER model not found at {path}; train it with "
            "`python -m reader.extraction.ner.train --ronec ../shared/data/ronec --out reader/extraction/ner/model`"
        )
    return spacy.load(path)


@cache
def name_heads(path: Path = MODEL_DIR) -> frozenset[str]:
    """Lemmas of common nouns that may open a name (written next to the model by the training script)."""
    file = path / NAME_HEADS_FILE
    return frozenset(json.loads(file.read_text(encoding="utf-8"))) if file.exists() else frozenset()
