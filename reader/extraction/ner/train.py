"""Train the Romanian NER model on RONEC and save a small pipeline plus metrics.json.

    python -m reader.extraction.ner.train --ronec ../shared/data/ronec --out reader/extraction/ner/model

RONEC v1 (train-v1.json) trains, RONEC v2 validation (valid-v2.json) picks the best
checkpoint and is scored at the end. The v2 test split is never read here.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
import zlib
from collections import Counter
from pathlib import Path

import spacy
from spacy.cli.train import train as spacy_train
from spacy.tokens import Doc, DocBin, Span

from ..lemmas import common_lemma, is_common_word
from ..spans import trimmed_mention
from .components import MERGE_COMPONENT
from .model import NAME_HEADS_FILE

CONFIG = Path(__file__).with_name("config.cfg")
APP_LABELS = ("PERSON", "PLACE", "ORGANIZATION")
# RONEC class -> model label. Extra name-like classes stay as their own labels so the model
# learns what is *not* a person/place/organisation ("români", "Palatul Victoria", "Mondialul");
# numeric classes are dropped: figures are found by rules.
LABEL_MAP = {
    "PERSON": "PERSON",
    "GPE": "PLACE",
    "LOC": "PLACE",
    "ORG": "ORGANIZATION",
    "NAT_REL_POL": "NAT_REL_POL",
    "FACILITY": "FACILITY",
    "EVENT": "EVENT",
    "WORK_OF_ART": "WORK_OF_ART",
    "LANGUAGE": "LANGUAGE",
}


def read_ronec(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))


def bio_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """BIO2 tags -> (start token, end token, RONEC class); a stray I- opens a span."""
    spans, start, label = [], None, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, cls = tag.partition("-")
        if prefix == "I" and cls == label:
            continue
        if label is not None:
            spans.append((start, i, label))
        start, label = (i, cls) if prefix in ("B", "I") else (None, None)
    return spans


def to_doc(vocab, record: dict) -> Doc:
    doc = Doc(vocab, words=record["tokens"], spaces=record["space_after"])
    ents = [
        Span(doc, start, end, label=LABEL_MAP[cls])
        for start, end, cls in bio_spans(record["ner_tags"])
        if cls in LABEL_MAP
    ]
    doc.ents = ents
    return doc


def write_docbin(records: list[dict], path: Path) -> None:
    vocab = spacy.blank("ro").vocab
    DocBin(docs=(to_doc(vocab, r) for r in records)).to_disk(path)


def name_heads(records: list[dict]) -> list[str]:
    """Lemmas of common nouns that open place and organisation names in RONEC (``Guvernul României``).

    At run time a common noun opening a sentence is kept in a name only if it is one of these, so
    ``Reacția Casei Albe`` (a headline) loses ``Reacția`` while ``Guvernul României`` stays whole.
    """
    counts: Counter = Counter()
    for record in records:
        for start, end, cls in bio_spans(record["ner_tags"]):
            word = record["tokens"][start]
            if LABEL_MAP.get(cls) in ("PLACE", "ORGANIZATION") and end - start > 1 and is_common_word(word):
                counts[common_lemma(word)] += 1
    return sorted(lemma for lemma, n in counts.items() if n >= 2)


def finalise(best: Path, out: Path) -> spacy.Language:
    """Add the token-merging component to model-best and save only what inference needs."""
    nlp = spacy.load(best)
    nlp.add_pipe(MERGE_COMPONENT, first=True)
    if out.exists():
        shutil.rmtree(out)
    nlp.to_disk(out)
    _forget_training_paths(out / "config.cfg")
    return nlp


def _forget_training_paths(config_path: Path) -> None:
    """The saved config would otherwise point at the deleted temporary corpus files."""
    config = spacy.util.load_config(config_path)
    config["paths"]["train"] = None
    config["paths"]["dev"] = None
    config.to_disk(config_path)


def _char_spans(record: dict) -> tuple[str, list[tuple[int, int, str]]]:
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


def _app_view(text: str, spans: set) -> set:
    """Spans as the app keeps them (titles, appositions and lowercase edges cut; pronoun "persons" dropped).

    RONEC v2 is inconsistent about edges ("domnul Ion Popescu, directorul" vs "Ion Popescu"), so comparing
    what the sidebar would show measures the model by what it is used for.
    """
    view = set()
    for start, end, label in spans:
        mention = trimmed_mention(0, text, text, start, end, label)
        if mention and (label != "PERSON" or any(not is_common_word(w) for w in mention.text.split())):
            view.add((mention.start, mention.end, mention.label))
    return view


def _prf(counts: Counter, label: str) -> dict:
    tp, fp, fn = counts[label, "tp"], counts[label, "fp"], counts[label, "fn"]
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f": round(f, 4), "support": tp + fn}


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


def evaluate(nlp: spacy.Language, records: list[dict], *, app_view: bool = False, overlap: bool = False) -> dict:
    """P/R/F per app label, running the saved pipeline on raw text (its own tokenizer)."""
    texts_gold = [_char_spans(r) for r in records]
    counts: Counter = Counter()
    docs = nlp.pipe((text for text, _ in texts_gold), batch_size=256)
    for (text, gold), doc in zip(texts_gold, docs, strict=True):
        pred = {(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in APP_LABELS}
        gold_set = set(gold)
        if app_view:
            pred, gold_set = _app_view(text, pred), _app_view(text, gold_set)
        for label in APP_LABELS:
            p = {s for s in pred if s[2] == label}
            g = {s for s in gold_set if s[2] == label}
            tp = _matched(p, g, overlap=overlap)
            for key, n in (("tp", tp), ("fp", len(p) - tp), ("fn", len(g) - tp)):
                counts[label, key] += n
                counts["ALL", key] += n
    return {label: _prf(counts, label) for label in (*APP_LABELS, "ALL")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ronec", type=Path, required=True, help="directory with train-v1.json and valid-v2.json")
    parser.add_argument("--out", type=Path, required=True, help="where the trained pipeline is written")
    parser.add_argument("--config", type=Path, default=CONFIG, help="spaCy training config (default: config.cfg)")
    parser.add_argument("--max-steps", type=int, default=None, help="override training.max_steps (quick trials)")
    parser.add_argument(
        "--v2-share", type=float, default=0.0,
        help="fraction of valid-v2 moved into training (v2's annotation style); the rest stays the dev set",
    )
    args = parser.parse_args(argv)

    train_records = read_ronec(args.ronec / "train-v1.json")
    dev_records = read_ronec(args.ronec / "valid-v2.json")
    if args.v2_share:
        # A fixed split by record id, so the same command always gives the same sets.
        moved = {r["id"] for r in dev_records if zlib.crc32(str(r["id"]).encode()) % 100 < args.v2_share * 100}
        train_records += [r for r in dev_records if r["id"] in moved]
        dev_records = [r for r in dev_records if r["id"] not in moved]
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="ner-train-") as tmp:
        work = Path(tmp)
        write_docbin(train_records, work / "train.spacy")
        write_docbin(dev_records, work / "dev.spacy")
        overrides = {"paths.train": str(work / "train.spacy"), "paths.dev": str(work / "dev.spacy")}
        if args.max_steps:
            overrides["training.max_steps"] = args.max_steps
        spacy_train(args.config, work / "output", overrides=overrides)
        nlp = finalise(work / "output" / "model-best", args.out)
    # Written before evaluating: the app-view metric trims spans with these.
    heads = name_heads(train_records)
    (args.out / NAME_HEADS_FILE).write_text(json.dumps(heads, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    minutes = round((time.monotonic() - started) / 60, 1)

    metrics = {
        "dataset": "RONEC v2 validation (valid-v2.json), character spans"
        + (f"; the {len(dev_records)} records not moved into training (--v2-share {args.v2_share})"
           if args.v2_share else ""),
        "about": {
            "strict": "exact spans as RONEC annotates them (PERSON includes pronouns, titles and appositions)",
            "app_view": "exact spans after the app's trimming, on both sides; PERSON spans with no proper noun dropped",
            "app_view_overlapping": "app_view, counting overlapping spans of the same type as matches",
        },
        "train_minutes": minutes,
        "strict": evaluate(nlp, dev_records),
        "app_view": evaluate(nlp, dev_records, app_view=True),
        "app_view_overlapping": evaluate(nlp, dev_records, app_view=True, overlap=True),
    }
    (args.out / "metrics.json").write_text(json.dumps(metrics, indent=2) + "\n", encoding="utf-8")
    json.dump(metrics, sys.stdout, indent=2)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
