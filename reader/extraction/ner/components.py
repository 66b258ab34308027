"""Pipeline components saved with the trained model.

spaCy stores a component by its registered name, so this module must be imported
before ``spacy.load`` (``reader.extraction.ner.model.load_nlp`` does that).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.scorer import get_ner_prf
from spacy.tokens import Doc
from spacy.util import registry

from .ronec import APP_LABELS

MERGE_COMPONENT = "ro_merge_tokens"
APP_SCORER = "ro_app_ner_scorer.v1"

_LEAD_GROUP = re.compile(r"\d{1,3}")
_THOUSANDS_GROUP = re.compile(r"\d{3}(?:,\d+)?")
# Inflection and article endings stay separate tokens, as in RONEC ("PSD", "-ul").
_INFLECTION_SUFFIXES = frozenset({"-ul", "-ului", "-uri", "-urile", "-urilor", "-lea", "-ilor", "-le", "-l"})
_SENTENCE_BREAKS = frozenset({".", "!", "?", ":", ";", "„", '"', "“", "«", "(", "-", "–", "—"})


def _number_spans(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges like ``10 000`` or ``1 250 000``: digit groups split by one space."""
    spans, i = [], 0
    while i < len(doc):
        j = i
        if _LEAD_GROUP.fullmatch(doc[i].text):
            while (
                j + 1 < len(doc)
                and doc[j].whitespace_ == " "
                and _THOUSANDS_GROUP.fullmatch(doc[j + 1].text)
                and "," not in doc[j].text
            ):
                j += 1
        if j > i:
            spans.append((i, j + 1))
        i = j + 1
    return spans


def _is_name_part(doc: Doc, i: int) -> bool:
    """A capitalised word that is not the first word of a sentence (where ``Dă-i`` is a verb plus clitic)."""
    token = doc[i]
    return token.is_title and token.is_alpha and i > 0 and doc[i - 1].text not in _SENTENCE_BREAKS


def _hyphen_name_spans(doc: Doc) -> list[tuple[int, int]]:
    """``Jong`` + ``-un`` -> ``Jong-un``: the Romanian clitic rules split hyphenated foreign names."""
    spans = []
    for i in range(len(doc) - 1):
        nxt = doc[i + 1]
        if (
            not doc[i].whitespace_
            and nxt.text.startswith("-")
            and nxt.text[1:].isalpha()
            and nxt.text[1:].islower()
            and nxt.text.lower() not in _INFLECTION_SUFFIXES
            and _is_name_part(doc, i)
        ):
            spans.append((i, i + 2))
    return spans


@Language.component(MERGE_COMPONENT)
def merge_tokens(doc: Doc) -> Doc:
    """Merge space-grouped numbers and hyphenated names into single tokens."""
    spans = _number_spans(doc) + _hyphen_name_spans(doc)
    if spans:
        with doc.retokenize() as retokenizer:
            for start, end in spans:
                retokenizer.merge(doc[start:end])
    return doc


@registry.scorers(APP_SCORER)
def make_app_ner_scorer():
    """spaCy's NER scores plus ``ents_app_f``: micro F on the three types the app shows (picks model-best)."""
    return score_app_ents


def score_app_ents(examples, **kwargs) -> dict:
    scores = get_ner_prf(examples, **kwargs)
    tp = n_pred = n_gold = 0
    for eg in examples:
        pred = {(e.start_char, e.end_char, e.label_) for e in eg.predicted.ents if e.label_ in APP_LABELS}
        gold = {(e.start_char, e.end_char, e.label_) for e in eg.reference.ents if e.label_ in APP_LABELS}
        tp, n_pred, n_gold = tp + len(pred & gold), n_pred + len(pred), n_gold + len(gold)
    scores["ents_app_f"] = 2 * tp / (n_pred + n_gold) if n_pred + n_gold else 0.0
    return scores
