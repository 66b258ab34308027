"""Train the Romanian NER model on RONEC and save a small pipeline plus metrics.json.

    python -m reader.extraction.ner.train --ronec ../shared/data/ronec --out reader/extraction/ner/model

RONEC v1 (train-v1.json) trains, RONEC v2 validation (valid-v2.json) picks the best
checkpoint and is scored at the end. The v2 test split is never read here.

By default a fixed half of valid-v2 (chosen by record id) also trains, twice over and in place of the v1 copies of
the same sentences (v2 re-annotates many v1 sentences in its own style); the metrics then cover only the other
half, and say so. The v1 sentences are re-marked the way v2 marks names (``in_v2_style``). ``--swap-copies N``
adds copies with names swapped between sentences (it helped before the v2 re-marking, not after: off by default).
The tok2vec uses the static floret vectors of the ro-legal-fl package (see model.py), which are not saved with
the model.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import spacy
from spacy.cli.train import train as spacy_train
from spacy.tokens import Doc, DocBin, Span
from spacy.vectors import Vectors

from ..lemmas import common_lemma, is_common_word
from ..lexicon import HONORIFICS
from ..spans import CLOSING_QUOTES, OPENING_QUOTES
from .components import MERGE_COMPONENT
from .evaluate import extraction_pairs, model_pairs, score
from .model import (
    MODEL_DIR,
    NAME_HEADS_FILE,
    VECTORS_META_KEY,
    VECTORS_PACKAGE_PIP,
    VECTORS_SHAPE,
    load_nlp,
    load_vectors,
    use_model_dir,
)
from .ronec import LABEL_MAP, bio_spans, moved_to_training, read_ronec

CONFIG = Path(__file__).with_name("config.cfg")
def to_doc(vocab, record: dict) -> Doc:
    doc = Doc(vocab, words=record["tokens"], spaces=record["space_after"])
    ents = [
        Span(doc, start, end, label=LABEL_MAP[cls])
        for start, end, cls in bio_spans(record["ner_tags"])
        if cls in LABEL_MAP
    ]
    doc.ents = ents
    return doc


# RONEC classes whose names are swapped between training sentences (``--swap-copies``).
SWAP_CLASSES = ("PERSON", "GPE", "LOC", "ORG")


def swapped_copies(records: list[dict], copies: int, seed: int = 0) -> list[dict]:
    """Copies of the sentences with their person/place/organisation names replaced by other training names of
    the same RONEC class, so the model learns names from their context rather than by heart (fixed seed)."""
    if copies <= 0:
        return []
    pool: dict[tuple[str, bool], list[tuple[list[str], list[bool]]]] = {}
    for record in records:
        for start, end, cls in bio_spans(record["ner_tags"]):
            if _swappable(record["tokens"][start:end], cls):
                key = (cls, _genitive(record["tokens"][end - 1]))
                pool.setdefault(key, []).append((record["tokens"][start:end], record["space_after"][start:end]))
    for key in pool:
        pool[key].sort()
    rng = random.Random(seed)
    out = []
    for copy in range(copies):
        for record in records:
            spans = [
                (start, end, cls) for start, end, cls in bio_spans(record["ner_tags"])
                if _swappable(record["tokens"][start:end], cls)
            ]
            if not spans:
                continue
            tokens, tags, spaces, i = [], [], [], 0
            for start, end, cls in spans:
                tokens += record["tokens"][i:start]
                tags += record["ner_tags"][i:start]
                spaces += record["space_after"][i:start]
                words, gaps = rng.choice(pool[cls, _genitive(record["tokens"][end - 1])])
                if cls == "PERSON" and len(words) > 1 and all(w[:1].isupper() for w in words) and rng.random() < 0.5:
                    # RONEC v2 names people by surname alone far more often than v1 does ("Putin a spus").
                    words, gaps = words[-1:], gaps[-1:]
                tokens += words
                tags += [f"B-{cls}"] + [f"I-{cls}"] * (len(words) - 1)
                spaces += [*gaps[:-1], record["space_after"][end - 1]]
                i = end
            tokens += record["tokens"][i:]
            tags += record["ner_tags"][i:]
            spaces += record["space_after"][i:]
            out.append({"id": f"{record['id']}-swap{copy}", "tokens": tokens, "ner_tags": tags, "space_after": spaces})
    return out


def _swappable(words: list[str], cls: str) -> bool:
    """A name (capitalised first word), not a RONEC "person" such as ``membrii`` or ``industriașul``."""
    return cls in SWAP_CLASSES and words[0][:1].isupper()


def _genitive(word: str) -> bool:
    """``Guvernului``, ``Rusiei``: a genitive/dative name goes only where one stood."""
    return word.lower().endswith(("ului", "ei", "ii", "lor"))




def in_v2_style(record: dict) -> dict:
    """A v1 record re-marked as RONEC v2 marks names: with the quotation marks around them (``„ Agenda ”``),
    with a defining acronym (``Bursa de Valori din Londra ( LSE )``) and with an honorific (``dl Ion Pop``);
    v1 leaves these out, v2 puts them in. A person's apposition keeps one word (``Ion Pop , directorul``).
    Classes follow v2 too (see ``_v2_class``)."""
    tokens, tags = record["tokens"], list(record["ner_tags"])
    for start, end, cls in bio_spans(record["ner_tags"]):
        v2_class = _v2_class(tokens[start:end], cls)
        if v2_class != cls:
            tags[start:end] = [f"B-{v2_class}"] + [f"I-{v2_class}"] * (end - start - 1)
    for start, end, cls in bio_spans(tags):
        if cls not in SWAP_CLASSES:
            continue
        if cls != "PERSON" and tokens[end : end + 1] == ["("] and tokens[end + 2 : end + 3] == [")"]:
            acronym = tokens[end + 1]
            if acronym.replace(".", "").isupper() and 1 < len(acronym) <= 12 and tags[end + 1] in ("O", f"B-{cls}"):
                tags[end : end + 3] = [f"I-{cls}"] * 3
                end += 3
        if cls == "PERSON" and "," in tokens[start + 1 : end - 2]:
            # "Ion Pop , directorul general" -> "Ion Pop , directorul": v2 keeps one word of an apposition.
            cut = tokens.index(",", start + 1) + 2
            tags[cut:end] = ["O"] * (end - cut)
            end = cut
        if cls == "PERSON" and start > 0 and tags[start - 1] == "O" and tokens[start - 1].lower() in HONORIFICS:
            tags[start - 1], tags[start] = "B-PERSON", "I-PERSON"
            start -= 1
        if (
            start > 0 and end < len(tokens) and tokens[start - 1] in OPENING_QUOTES
            and tokens[end] in CLOSING_QUOTES and tags[start - 1] == "O" and tags[end] == "O"
        ):
            tags[start - 1], tags[start] = f"B-{cls}", f"I-{cls}"
            tags[end] = f"I-{cls}"
    return {**record, "ner_tags": tags}


_EUROPEAN_UNION = frozenset({"uniunea europeană", "uniunii europene", "ue", "u.e.", "u.e", "u.e ."})
# Institutions v1 sometimes tags as buildings; v2 always as organisations ("Liceul X", "Spitalul Y").
_INSTITUTION_PREFIXES = ("liceu", "școal", "scoal", "universit", "spital", "primări", "colegi")


def _v2_class(words: list[str], cls: str) -> str:
    """v2's class for a v1 span: the European Union is an organisation, schools and hospitals too."""
    if cls == "GPE" and " ".join(words).lower() in _EUROPEAN_UNION:
        return "ORG"
    if cls == "FACILITY" and words[0].lower().startswith(_INSTITUTION_PREFIXES):
        return "ORG"
    return cls


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


def uses_static_vectors(config_path: Path) -> bool:
    config = spacy.util.load_config(config_path)
    return bool(config["components"]["ner"]["model"]["tok2vec"]["embed"].get("include_static_vectors"))


def write_vectors_pipeline(path: Path) -> None:
    """A blank pipeline holding only the ro-legal-fl floret table, for ``[initialize] vectors``."""
    nlp = spacy.blank("ro")
    nlp.vocab.vectors = load_vectors(nlp.vocab.strings)
    nlp.to_disk(path)


def finalise(best: Path, out: Path, *, static_vectors: bool) -> spacy.Language:
    """Add the token-merging component to model-best and save only what inference needs.

    The static vectors (112 MB) are left out: the loader attaches them from the installed package.
    """
    nlp = spacy.load(best)
    nlp.add_pipe(MERGE_COMPONENT, first=True)
    if static_vectors:
        nlp.meta[VECTORS_META_KEY] = {"package": VECTORS_PACKAGE_PIP, "mode": "floret", "shape": list(VECTORS_SHAPE)}
        nlp.vocab.vectors = Vectors(strings=nlp.vocab.strings)
    if out.exists():
        shutil.rmtree(out)
    nlp.to_disk(out)
    _forget_training_paths(out / "config.cfg")
    return load_nlp.__wrapped__(out)


def _forget_training_paths(config_path: Path) -> None:
    """The saved config would otherwise point at the deleted temporary corpus files."""
    config = spacy.util.load_config(config_path)
    config["paths"]["train"] = None
    config["paths"]["dev"] = None
    config["paths"]["vectors"] = None
    config.to_disk(config_path)


def extraction_scores(model_dir: Path, records: list[dict]) -> dict:
    """The whole extraction with the new model: exact RONEC spans (PERSON with a proper noun) and app view."""
    use_model_dir(model_dir)
    try:
        return score(extraction_pairs(records), ("named", "app_view", "overlap"))
    finally:
        use_model_dir(MODEL_DIR)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ronec", type=Path, required=True, help="directory with train-v1.json and valid-v2.json")
    parser.add_argument("--out", type=Path, required=True, help="where the trained pipeline is written")
    parser.add_argument("--config", type=Path, default=CONFIG, help="spaCy training config (default: config.cfg)")
    parser.add_argument("--max-steps", type=int, default=None, help="override training.max_steps (quick trials)")
    parser.add_argument(
        "--v2-share", type=float, default=0.5,
        help="fraction of valid-v2 moved into training (v2's annotation style); the rest stays the dev set",
    )
    parser.add_argument(
        "--v2-repeat", type=int, default=2,
        help="how many times the moved valid-v2 records appear in training (weights v2's annotation style)",
    )
    parser.add_argument(
        "--swap-copies", type=int, default=0,
        help="add this many copies of the training sentences with their names swapped between sentences",
    )
    parser.add_argument(
        "--v2-style", action=argparse.BooleanOptionalAction, default=True,
        help="re-mark train-v1 names the way RONEC v2 does (quotation marks and defining acronyms included)",
    )
    args = parser.parse_args(argv)

    v1_records = read_ronec(args.ronec / "train-v1.json")
    train_records = [in_v2_style(r) for r in v1_records] if args.v2_style else v1_records
    dev_records = read_ronec(args.ronec / "valid-v2.json")
    if args.v2_share:
        # A fixed split by record id, so the same command always gives the same sets.
        moved = {r["id"] for r in dev_records if moved_to_training(r, args.v2_share)}
        moved_records = [r for r in dev_records if r["id"] in moved]
        # v2 re-annotates many v1 sentences: a moved v2 record replaces its v1 twin rather than contradicting it.
        moved_texts = {tuple(r["tokens"]) for r in moved_records}
        train_records = [r for r in train_records if tuple(r["tokens"]) not in moved_texts]
        train_records += moved_records * args.v2_repeat
        dev_records = [r for r in dev_records if r["id"] not in moved]
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="ner-train-") as tmp:
        work = Path(tmp)
        write_docbin(train_records + swapped_copies(train_records, args.swap_copies), work / "train.spacy")
        write_docbin(dev_records, work / "dev.spacy")
        overrides = {"paths.train": str(work / "train.spacy"), "paths.dev": str(work / "dev.spacy")}
        if args.max_steps:
            overrides["training.max_steps"] = args.max_steps
        static_vectors = uses_static_vectors(args.config)
        if static_vectors:
            write_vectors_pipeline(work / "vectors")
            overrides["paths.vectors"] = str(work / "vectors")
        spacy_train(args.config, work / "output", overrides=overrides)
        nlp = finalise(work / "output" / "model-best", args.out, static_vectors=static_vectors)
    # Written before evaluating: the app-view metric trims spans with these.
    heads = name_heads(v1_records)  # from train-v1 alone, so the app-view metric trims as it always has
    (args.out / NAME_HEADS_FILE).write_text(json.dumps(heads, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    minutes = round((time.monotonic() - started) / 60, 1)

    metrics = {
        "dataset": "RONEC v2 validation (valid-v2.json), character spans"
        + (f"; only the {len(dev_records)} held-out records not moved into training (--v2-share {args.v2_share})"
           if args.v2_share else ""),
        "training": {
            "records": len(train_records),
            "v2_share": args.v2_share,
            "v2_repeat": args.v2_repeat if args.v2_share else 0,
            "swap_copies": args.swap_copies,
            "v1_in_v2_style": args.v2_style,
            "static_vectors": VECTORS_PACKAGE_PIP if static_vectors else None,
        },
        "about": {
            "strict": "exact spans as RONEC annotates them (PERSON includes pronouns, titles and appositions)",
            "app_view": "exact spans after the app's trimming, on both sides; PERSON spans with no proper noun dropped",
            "overlap": "exact spans, PERSON spans with no proper noun dropped, overlapping spans of one type match",
            "extraction": "the spans extract_article --jsonl prints (entities[].mentions) against RONEC's: named = "
                          "exact, gold PERSON spans without a proper noun left out; app_view; overlap = named, "
                          "overlapping spans of the same type count",
        },
        "train_minutes": minutes,
        **score(model_pairs(nlp, dev_records), ("strict", "app_view", "overlap")),
        # What `extract_article --jsonl` prints: mention spans after the app's own rules (known entities,
        # honorifics, quotation marks and acronyms as RONEC v2 marks them).
        "extraction": extraction_scores(args.out, dev_records),
    }
    (args.out / "metrics.json").write_text(json.dumps(metrics, indent=2) + "\n", encoding="utf-8")
    json.dump(metrics, sys.stdout, indent=2)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
