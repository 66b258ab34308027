"""Command line: ``python -m reader.extraction FILE`` or ``python -m reader.extraction --jsonl < passages.jsonl``.

FILE is an article in the project's text format; the output is the extraction JSON.  With ``--jsonl`` each
input line is ``{"id": ..., "text": ...}`` (a bare passage) and each output line is its extraction plus "id".
``main`` is also called by ``manage.py extract_article``.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TextIO

from . import extract_bytes, extract_passage
from .types import ExtractionError


def main(argv: list[str] | None = None, stdin: TextIO | None = None, stdout: TextIO | None = None) -> int:
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    parser = argparse.ArgumentParser(prog="python -m reader.extraction", description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", help="article file (UTF-8, Windows-1250 or ISO-8859-2)")
    parser.add_argument("--jsonl", action="store_true", help='read {"id", "text"} lines from standard input')
    args = parser.parse_args(argv)
    if args.jsonl:
        return _run_jsonl(stdin, stdout)
    if not args.file:
        parser.print_usage(sys.stderr)
        return 2
    try:
        with open(args.file, "rb") as fh:
            extraction = extract_bytes(fh.read())
    except OSError as exc:
        print(f"error: cannot read {args.file}: {exc.strerror}", file=sys.stderr)
        return 1
    except ExtractionError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    json.dump(extraction.to_dict(), stdout, ensure_ascii=False, indent=1)
    stdout.write("\n")
    return 0


def _run_jsonl(stdin: TextIO, stdout: TextIO) -> int:
    """One JSON object per input line; a bad line yields {"id", "error"} and a non-zero exit status."""
    status = 0
    for number, line in enumerate(stdin, start=1):
        if not line.strip():
            continue
        item_id = None
        try:
            item = json.loads(line)
            item_id = item.get("id")
            result = extract_passage(str(item.get("text") or "")).to_dict()
        except (json.JSONDecodeError, AttributeError) as exc:
            result, status = {"error": f"line {number}: not a JSON object ({exc})"}, 1
        except ExtractionError as exc:
            result, status = {"error": str(exc)}, 1
        stdout.write(json.dumps({"id": item_id, **result}, ensure_ascii=False) + "\n")
    return status


if __name__ == "__main__":
    sys.exit(main())
