"""Who the quotes are given to, over a folder of articles with no gold: the share that is not a speaker.

    .venv/bin/python bench/speaker_sanity.py ../shared/data/news-pool [--top 30]

A quote's speaker is sane when it is a PERSON or ORGANIZATION entity of the same article's extraction, a
description headed by a human or collective noun (a group, or an institution named by its common noun in the
nominative: "guvernul", "poliția locală"), or nobody (unknown).  Anything else (a place, an event, a
prepositional phrase, a clause fragment, a name that is not among the article's entities) is counted as junk
and listed with its frequency, the most frequent offenders first.  The speakers most often chosen are listed
too, to be read by a person: a sane kind does not make a right speaker.  Speakers that are sane in kind but
suspect are listed apart: a name that starts with a role or a preposition ("Profesorul X", "În Israel"), or
that the other articles of the folder mostly type as a place or something else than a speaker.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reader.extraction import ExtractionError, extract_bytes  # noqa: E402
from reader.extraction.lemmas import common_lemma  # noqa: E402
from reader.extraction.lexicon import (  # noqa: E402
    GROUP_NOUNS,
    ORG_ROLES,
    ORGANIZATION_HEAD_NOUNS,
    PREPOSITIONS,
    ROLE_LEMMA,
)

SPEAKER_TYPES = {"PERSON", "ORGANIZATION"}


def verdict(quote: dict, entities: list[dict]) -> str:
    """"entity", "description", "unknown" or "junk" for one quote of one extraction (the JSON contract)."""
    speaker = quote.get("speaker")
    if not speaker:
        return "unknown"
    kind = quote.get("speaker_kind")
    index = quote.get("speaker_entity")
    if kind == "entity" and index is not None and 0 <= index < len(entities):
        entity = entities[index]
        if entity["type"] in SPEAKER_TYPES and entity["name"] == speaker:
            return "entity"
        return "junk"
    if kind == "description" and _collective(speaker):
        return "description"
    return "junk"


def _collective(phrase: str) -> bool:
    """Headed by a group noun, or by an institution noun in the nominative with no name or dangling word after it."""
    words = phrase.split()
    head = words[0].lower()
    if head in GROUP_NOUNS or head.endswith(("ierii", "torii", "iștii", "anții", "enții", "arii", "ologii")):
        return True  # a listed group, or people named by their trade in the articled plural ("hotelierii")
    nominative = words[0].islower() and not head.endswith(("ei", "ii", "ului", "lor"))
    institution = ROLE_LEMMA.get(head) in ORG_ROLES or common_lemma(head) in ORGANIZATION_HEAD_NOUNS
    return (nominative and institution and not any(w[:1].isupper() for w in words[1:])
            and words[-1].lower() not in PREPOSITIONS)


def _suspect(name: str, typed: Counter[str]) -> bool:
    first = name.split()[0].lower()
    if (first in ROLE_LEMMA and ROLE_LEMMA[first] not in ORG_ROLES) or first in PREPOSITIONS:
        return True
    speaker_votes = sum(typed[t] for t in SPEAKER_TYPES)
    return sum(typed.values()) - speaker_votes > speaker_votes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args(argv)
    types: dict[str, Counter[str]] = {}
    kinds: Counter[str] = Counter()
    junk: Counter[str] = Counter()
    chosen: Counter[str] = Counter()
    files = sorted(args.folder.glob("*.txt"))
    started = time.perf_counter()
    failed = 0
    for path in files:
        try:
            data = extract_bytes(path.read_bytes()).to_dict()
        except ExtractionError:
            failed += 1
            continue
        for e in data["entities"]:
            types.setdefault(e["name"], Counter())[e["type"]] += 1
        for q in data["quotes"]:
            v = verdict(q, data["entities"])
            kinds[v] += 1
            if v == "junk":
                junk[f"{q.get('speaker')} [{q.get('speaker_kind')}]"] += 1
            elif v != "unknown":
                chosen[q["speaker"]] += 1
    total = sum(kinds.values())
    seconds = time.perf_counter() - started
    print(f"{len(files)} articles ({failed} unreadable), {total} quotes, {seconds:.1f} s")
    for kind in ("entity", "description", "unknown", "junk"):
        share = kinds[kind] / total if total else 0.0
        print(f"  {kind:<12}{kinds[kind]:>6}  {share:6.1%}")
    print(f"\nJunk speakers, most frequent first ({len(junk)} distinct):")
    for name, n in junk.most_common(args.top):
        print(f"  {n:>4}  {name}")
    suspect = Counter({name: n for name, n in chosen.items() if _suspect(name, types.get(name, Counter()))})
    print(f"\nSuspect speakers ({sum(suspect.values())} quotes, {len(suspect)} distinct):")
    for name, n in suspect.most_common(args.top):
        print(f"  {n:>4}  {name}  {dict(types.get(name, {}))}")
    print(f"\nSpeakers most often chosen ({len(chosen)} distinct):")
    for name, n in chosen.most_common(args.top):
        print(f"  {n:>4}  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
