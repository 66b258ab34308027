"""``python -m reader.extraction``: one article as JSON, or JSON lines of passages."""

from __future__ import annotations

import io
import json

from reader.extraction.__main__ import main

from .conftest import DATA


def test_file_argument_prints_the_extraction_json():
    out = io.StringIO()
    assert main([str(DATA / "article-0.txt")], io.StringIO(), out) == 0
    result = json.loads(out.getvalue())
    assert result["meta"]["title"].startswith("Putin îi mulțumește")
    assert "ț" in out.getvalue()  # ensure_ascii=False keeps the letters
    assert len([q for q in result["quotes"] if q["kind"] == "direct"]) == 5


def test_jsonl_prints_one_object_per_passage_with_its_id():
    lines = [{"id": 7, "text": "„Vom câștiga meciul de duminică”, a spus Ion Pop."},
             {"id": "b", "text": "Fără citate."}]
    stdin = io.StringIO("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n")
    out = io.StringIO()
    assert main(["--jsonl"], stdin, out) == 0
    results = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["id"] for r in results] == [7, "b"]
    assert results[0]["quotes"][0]["speaker"] == "Ion Pop"
    assert results[0]["meta"]["title"] == ""


def test_bad_jsonl_line_reports_an_error_and_fails():
    out = io.StringIO()
    assert main(["--jsonl"], io.StringIO("not json\n"), out) == 1
    assert "error" in json.loads(out.getvalue())


def test_unreadable_article_exits_with_status_one(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main([str(empty)], io.StringIO(), io.StringIO()) == 1
    assert "empty" in capsys.readouterr().err


def test_manage_py_extract_article_prints_valid_json(capsys):
    from django.core.management import call_command

    out = io.StringIO()
    call_command("extract_article", str(DATA / "article-0.txt"), stdout=out)
    result = json.loads(out.getvalue())
    speakers = {q["speaker"] for q in result["quotes"] if q["kind"] == "direct"}
    assert speakers == {"Vladimir Putin"}
    assert {e["name"] for e in result["entities"]} >= {"Vladimir Putin", "Kim Jong-un", "Coreea de Nord"}
