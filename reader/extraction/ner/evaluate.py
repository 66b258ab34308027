"""Span-level scores on RONEC records: of the bare model, and of the whole extraction (``extract_article --jsonl``).

Gold spans are RONEC's PERSON, PLACE (GPE + LOC) and ORGANIZATION spans as character offsets into the record's
text (tokens joined by their ``space_after``). Views:

- strict: exact spans, gold as RONEC writes it (pronoun and common-noun "persons" included);
- named: exact spans, gold PERSON spans with no proper noun left out (the app never lists those);
- app_view: both sides trimmed as the app trims names (titles, lowercase edges cut), exact spans;
- overlap: named, counting overlapping spans of the same type as matches.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

import spacy

from ..lemmas import is_common_word
from ..spans import trimmed_mention
from .ronec import APP_LABELS, LABEL_MAP, bio_spans

Span = tuple[int, int, str]


def char_spans(record: dict) -> tuple[str, list[Span]]:
    """Rebuild the sentence text and its gold spans (app labels only) as character offsets."""
    offsets, text = [], ""
    for token, space in zip(record["tokens"], record["space_after"], strict=True):
        offsets.append(len(text))
        text += token + (" " if space else "")
    spans = []
    for start, end, cls in bio_spans(record["ner_tags"]):
        label = LABEL_MAP.get(cls)
        if label in APP_LABELS:
            last = record["tokens"][end - 1]
            spans.append((offsets[start], offsets[end - 1] + len(last), label))
    return text, spans


def app_view(text: str, spans: Iterable[Span]) -> set[Span]:
    """Spans as the app keeps names (titles, appositions and lowercase edges cut; pronoun "persons" dropped).

    RONEC v2 is inconsistent about edges ("domnul Ion Popescu, directorul" vs "Ion Popescu"), so comparing
    what the sidebar would show measures the model by what it is used for.
    """
    view = set()
    for start, end, label in spans:
        mention = trimmed_mention(0, text, text, start, end, label)
        if mention and (label != "PERSON" or any(not is_common_word(w) for w in mention.text.split())):
            view.add((mention.start, mention.end, mention.label))
    return view


def named(text: str, spans: Iterable[Span]) -> set[Span]:
    """PERSON spans that hold a proper noun, and every other span."""
    return {
        (s, e, label) for s, e, label in spans
        if label != "PERSON" or any(w[:1].isupper() and not is_common_word(w) for w in text[s:e].split())
    }


def extraction_spans(text: str) -> set[Span]:
    """The app-type mention spans ``extract_article --jsonl`` prints for a bare passage."""
    from .. import extract_passage

    extraction = extract_passage(text).to_dict()
    starts, offset = {}, 0
    for paragraph in extraction["paragraphs"]:
        starts[paragraph["index"]] = offset = text.find(paragraph["text"], offset)
    return {
        (starts[m["paragraph"]] + m["start"], starts[m["paragraph"]] + m["end"], entity["type"])
        for entity in extraction["entities"] if entity["type"] in APP_LABELS
        for m in entity["mentions"]
    }


def _matched(pred: set, gold: set, *, overlap: bool) -> int:
    """Exact matches, or (overlap=True) one-to-one pairs of overlapping spans with the same label."""
    if not overlap:
        return len(pred & gold)
    free, hits = set(gold), 0
    for start, end, label in sorted(pred):
        hit = next((g for g in sorted(free) if g[2] == label and g[0] < end and start < g[1]), None)
        if hit:
            free.discard(hit)
            hits += 1
    return hits


def _prf(counts: Counter, label: str) -> dict:
    tp, fp, fn = counts[label, "tp"], counts[label, "fp"], counts[label, "fn"]
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f": round(f, 4), "support": tp + fn}


VIEWS = {
    "strict": lambda text, spans: set(spans),
    "named": named,
    "app_view": app_view,
}


def score(pairs: Iterable[tuple[str, set[Span], set[Span]]], views: Iterable[str]) -> dict:
    """{view: {label: P/R/F}} over (text, predicted, gold) triples; "overlap" is the named view, overlapping."""
    views = list(views)
    counts = {view: Counter() for view in views}
    for text, pred, gold in pairs:
        for view in views:
            shape = VIEWS["named" if view == "overlap" else view]
            p_all, g_all = shape(text, pred), shape(text, gold)
            for label in APP_LABELS:
                p = {s for s in p_all if s[2] == label}
                g = {s for s in g_all if s[2] == label}
                tp = _matched(p, g, overlap=view == "overlap")
                for key, n in (("tp", tp), ("fp", len(p) - tp), ("fn", len(g) - tp)):
                    counts[view][label, key] += n
                    counts[view]["ALL", key] += n
    return {view: {label: _prf(c, label) for label in (*APP_LABELS, "ALL")} for view, c in counts.items()}


def model_pairs(nlp: spacy.Language, records: list[dict]) -> Iterable[tuple[str, set[Span], set[Span]]]:
    """(text, the bare model's app-type spans, gold) per record, running the pipeline on raw text."""
    texts_gold = [char_spans(r) for r in records]
    docs = nlp.pipe((text for text, _ in texts_gold), batch_size=256)
    for (text, gold), doc in zip(texts_gold, docs, strict=True):
        yield text, {(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in APP_LABELS}, set(gold)


def extraction_pairs(
    records: list[dict], spans_of: Callable[[str], set[Span]] = extraction_spans
) -> Iterable[tuple[str, set[Span], set[Span]]]:
    """(text, the extraction's mention spans, gold) per record."""
    for record in records:
        text, gold = char_spans(record)
        yield text, spans_of(text), set(gold)
