"""Seconds per megabyte of extraction on large inputs of every hostile shape (the test asserts a generous bound).

    .venv/bin/python bench/hostile_input.py [--megabytes 1]

No database. The real article text is samples/article-0.txt repeated, as paragraphs and as one line.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from _setup import table  # noqa: E402

from reader.extraction import ExtractionError, extract_text  # noqa: E402


def shapes(size: int) -> dict[str, str]:
    body = (ROOT / "samples" / "article-0.txt").read_text(encoding="utf-8").split("\n\n", 1)[1]
    return {
        "article text, many paragraphs": (body + "\n") * (size // len(body)),
        "article text, one line": body.replace("\n", " ") * (size // len(body)),
        "names on one line": "cuvânt Ion Popescu a spus " * (size // 26),
        "a run without spaces": "a" * size,
        "opening quote marks": "„" * size,
        "nested quotes": "„a «b ‹c " * (size // 27) + "› » ”" * (size // 27),
        "unbalanced quotes": '"a „b ' * (size // 8),
        "digits, units and dates": "12 345,6 % lei 7 mai 2025 " * (size // 30),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--megabytes", type=float, default=1.0)
    args = parser.parse_args()
    extract_text("Titlu\n\nIncălzire.")  # load the model outside the timings
    rows = []
    for name, text in shapes(int(args.megabytes * 1_000_000)).items():
        megabytes = len(text.encode()) / 1_000_000
        started = time.perf_counter()
        try:
            result = extract_text("Titlu\n\n" + text)
            outcome = f"{len(result.quotes)} quotes, {len(result.entities)} entities, {len(result.figures)} figures"
        except ExtractionError as error:
            outcome = f"refused: {error}"
        seconds = time.perf_counter() - started
        rows.append([name, f"{megabytes:.2f}", f"{seconds:.1f}", f"{seconds / megabytes:.1f}", outcome])
        print(f"{name}: {seconds:.1f} s", file=sys.stderr, flush=True)
    print(table(["shape", "MB", "seconds", "s/MB", "result"], rows))


if __name__ == "__main__":
    main()
