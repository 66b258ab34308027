"""Load the trained NER pipeline once per process."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language

from . import components  # noqa: F401  (registers the merge component the saved pipeline names)

MODEL_DIR = Path(__file__).with_name("model")


@cache
def load_nlp(path: Path = MODEL_DIR) -> Language:
    """The trained pipeline; train it with ``make model`` if the directory is missing."""
    if not (path / "meta.json").exists():
        raise FileNotFoundError(
            f"NER model not found at {path}; train it with "
            "`python -m reader.extraction.ner.train --ronec ../shared/data/ronec --out reader/extraction/ner/model`"
        )
    return spacy.load(path)
