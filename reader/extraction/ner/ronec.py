"""RONEC's file format: BIO-tagged token records, and the classes the app's labels come from."""

from __future__ import annotations

import json
import zlib
from pathlib import Path

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


def moved_to_training(record: dict, share: float) -> bool:
    """Whether a valid-v2 record is in the fixed ``share`` of them that trains (chosen by record id)."""
    return zlib.crc32(str(record["id"]).encode()) % 100 < share * 100
