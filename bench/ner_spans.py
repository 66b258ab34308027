"""Span-level entity F1 of the whole extraction (what ``extract_article --jsonl`` prints) on RONEC records.

    .venv/bin/python bench/ner_spans.py ../shared/data/ronec/valid-v2.json [--held-out 0.3] [--errors 40]

Each record's tokens are joined into a passage, run through ``extract_passage`` (the code behind
``--jsonl``), and every ``entities[].mentions`` span is compared with RONEC's spans (PERSON, PLACE = GPE+LOC,
ORGANIZATION). ``--held-out 0.3`` keeps only the valid-v2 records the training script did not move into
training with ``--v2-share 0.3``. Views:

- strict: exact spans, gold as RONEC writes them (pronoun and common-noun "persons" included);
- named: exact spans, gold PERSON spans with no proper noun dropped (the app never shows those);
- app_view: gold trimmed as the app trims (titles, lowercase edges), exact spans;
- overlap: named, counting overlapping spans of the same type as matches.
"""

from __future__ import annotations

import argparse
import json
import sys
import zlib
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reader.extraction import extract_passage  # noqa: E402
from reader.extraction.lemmas import is_common_word  # noqa: E402
from reader.extraction.ner.train import _app_view, _char_spans, _matched, _prf  # noqa: E402

LABELS = ("PERSON", "PLACE", "ORGANIZATION")


def predicted_spans(text: str) -> set[tuple[int, int, str]]:
    extraction = extract_passage(text).to_dict()
    starts, offset = {}, 0
    for paragraph in extraction["paragraphs"]:
        starts[paragraph["index"]] = text.find(paragraph["text"], offset)
        offset = max(offset, starts[paragraph["index"]])
    spans = set()
    for entity in extraction["entities"]:
        if entity["type"] not in LABELS:
            continue
        for m in entity["mentions"]:
            base = starts[m["paragraph"]]
            spans.add((base + m["start"], base + m["end"], entity["type"]))
    return spans


def use_model(path: Path) -> None:
    """Point the pipeline at another trained model directory (for comparing training runs)."""
    from functools import cache

    from reader.extraction import entities, spans
    from reader.extraction.ner import model

    entities.load_nlp = cache(lambda: model.load_nlp(path))
    spans.name_heads = cache(lambda: model.name_heads(path))


def named(text: str, spans: set) -> set:
    return {
        (s, e, label) for s, e, label in spans
        if label != "PERSON" or any(w[:1].isupper() and not is_common_word(w) for w in text[s:e].split())
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("records", type=Path)
    parser.add_argument("--held-out", type=float, default=None, help="drop records moved into training at this share")
    parser.add_argument("--errors", type=int, default=0, help="print this many false positives and misses (named)")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--model", type=Path, default=None, help="another trained pipeline (default: the shipped one)")
    args = parser.parse_args(argv)
    if args.model:
        use_model(args.model)
    records = json.loads(args.records.read_text(encoding="utf-8"))
    if args.held_out:
        records = [r for r in records if zlib.crc32(str(r["id"]).encode()) % 100 >= args.held_out * 100]
    if args.limit:
        records = records[: args.limit]
    counts = {view: Counter() for view in ("strict", "named", "app_view", "overlap")}
    errors = []
    for record in records:
        text, gold = _char_spans(record)
        pred = predicted_spans(text)
        gold = set(gold)
        views = {
            "strict": (pred, gold, False),
            "named": (pred, named(text, gold), False),
            "app_view": (_app_view(text, pred), _app_view(text, gold), False),
            "overlap": (pred, named(text, gold), True),
        }
        for view, (p_all, g_all, overlap) in views.items():
            for label in LABELS:
                p = {s for s in p_all if s[2] == label}
                g = {s for s in g_all if s[2] == label}
                tp = _matched(p, g, overlap=overlap)
                for key, n in (("tp", tp), ("fp", len(p) - tp), ("fn", len(g) - tp)):
                    counts[view][label, key] += n
                    counts[view]["ALL", key] += n
        g_named = named(text, gold)
        for s, e, label in sorted(pred - g_named):
            errors.append(("FP", label, text[s:e], text))
        for s, e, label in sorted(g_named - pred):
            errors.append(("FN", label, text[s:e], text))
    out = {view: {label: _prf(c, label) for label in (*LABELS, "ALL")} for view, c in counts.items()}
    print(f"{len(records)} records")
    for view, scores in out.items():
        cells = (f"{label[:6]} {s['p']:.3f}/{s['r']:.3f}/{s['f']:.3f}" for label, s in scores.items())
        print(f"{view:9s} " + "  ".join(cells))
    for kind, label, span, text in errors[: args.errors]:
        print(f"{kind} {label:12s} {span!r:40s} | {text[:160]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
