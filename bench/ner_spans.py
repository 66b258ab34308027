"""Span-level entity F1 of the whole extraction (what ``extract_article --jsonl`` prints) on RONEC records.

    .venv/bin/python bench/ner_spans.py ../shared/data/ronec/valid-v2.json [--held-out 0.3] [--errors 40]
                                        [--model DIR]

Each record's tokens are joined into a passage, run through ``extract_passage`` (the code behind ``--jsonl``),
and every ``entities[].mentions`` span is compared with RONEC's (PERSON, PLACE = GPE+LOC, ORGANIZATION); see
``reader/extraction/ner/evaluate.py`` for the views. ``--held-out 0.3`` keeps only the valid-v2 records the
training script did not move into training with ``--v2-share 0.3``. ``--errors N`` lists N misses and false
positives of the named view.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reader.extraction.ner.evaluate import extraction_pairs, named, score  # noqa: E402
from reader.extraction.ner.model import use_model_dir  # noqa: E402
from reader.extraction.ner.ronec import moved_to_training  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("records", type=Path)
    parser.add_argument("--held-out", type=float, default=None, help="drop records moved into training at this share")
    parser.add_argument("--errors", type=int, default=0, help="print this many false positives and misses (named)")
    parser.add_argument("--model", type=Path, default=None, help="another trained pipeline (default: the shipped one)")
    args = parser.parse_args(argv)
    if args.model:
        use_model_dir(args.model)
    records = json.loads(args.records.read_text(encoding="utf-8"))
    if args.held_out:
        records = [r for r in records if not moved_to_training(r, args.held_out)]
    pairs = list(extraction_pairs(records))
    print(f"{len(records)} records")
    for view, scores in score(pairs, ("strict", "named", "app_view", "overlap")).items():
        cells = (f"{label[:6]} {s['p']:.3f}/{s['r']:.3f}/{s['f']:.3f}" for label, s in scores.items())
        print(f"{view:9s} " + "  ".join(cells))
    errors = []
    for text, pred, gold in pairs:
        gold = named(text, gold)
        errors += [("FP", label, text[s:e], text) for s, e, label in sorted(pred - gold)]
        errors += [("FN", label, text[s:e], text) for s, e, label in sorted(gold - pred)]
    for kind, label, span, text in errors[: args.errors]:
        print(f"{kind} {label:12s} {span!r:40s} | {text[:160]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
