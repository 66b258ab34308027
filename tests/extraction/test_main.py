"""``python -m reader.extraction``: one article as JSON, or JSON lines of passages."""

from __future__ import annotations

import io
import json
import sys
import types

import pytest

from reader.extraction.__main__ import main

from .conftest import DATA


@pytest.fixture
def no_ner(monkeypatch):
    """Stand-ins for the entity and figure finders, so these tests need neither spaCy nor its model."""
    for name, func in (("entities", "find_entities"), ("figures", "find_figures")):
        stub = types.ModuleType(f"reader.extraction.{name}")
        setattr(stub, func, lambda paragraphs, **kwargs: ())
        monkeypatch.setitem(sys.modules, f"reader.extraction.{name}", stub)


def test_file_argument_prints_the_extraction_json(no_ner):
    out = io.StringIO()
    assert main([str(DATA / "article-0.txt")], io.StringIO(), out) == 0
    result = json.loads(out.getvalue())
    assert result["meta"]["title"].startswith("Putin îi mulțumește")
    assert "ț" in out.getvalue()  # ensure_ascii=False keeps the letters
    assert len([q for q in result["quotes"] if q["kind"] == "direct"]) == 5


def test_jsonl_prints_one_object_per_passage_with_its_id(no_ner):
    lines = [{"id": 7, "text": "„Vom câștiga meciul de duminică”, a spus Ion Pop."},
             {"id": "b", "text": "Fără citate."}]
    stdin = io.StringIO("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n")
    out = io.StringIO()
    assert main(["--jsonl"], stdin, out) == 0
    results = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["id"] for r in results] == [7, "b"]
    assert results[0]["quotes"][0]["speaker"] == "Ion Pop"
    assert results[0]["meta"]["title"] == ""


def test_bad_jsonl_line_reports_an_error_and_fails(no_ner):
    out = io.StringIO()
    assert main(["--jsonl"], io.StringIO("not json\n"), out) == 1
    assert "error" in json.loads(out.getvalue())


def test_unreadable_article_exits_with_status_one(tmp_path, no_ner, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main([str(empty)], io.StringIO(), io.StringIO()) == 1
    assert "empty" in capsys.readouterr().err
