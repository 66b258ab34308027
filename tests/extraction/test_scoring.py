"""The scorer: same matching rules as /work/shared/tools/score.py, plus micro-averaging and a table."""

from __future__ import annotations

import shutil

from reader.extraction.scoring import evaluate_dir, format_table, micro, score, speaker_match, text_match

from .conftest import DATA


def test_text_match_ignores_case_diacritics_cedillas_and_punctuation():
    assert text_match("Şcoala e ÎNCHISĂ!", "scoala e inchisa")


def test_text_match_accepts_a_large_overlap_but_not_a_small_one():
    assert text_match("pomii sunt afectați doar dacă e frig", "pomii sunt afectați doar dacă e frig afară")
    assert not text_match("pomii", "pomii sunt afectați doar dacă e frig afară")


def test_speaker_match_by_surname_alias_or_unknown():
    assert speaker_match("Putin", "Vladimir Putin")
    assert speaker_match("Kim", "Kim Jong-un", aliases=["Kim"])
    assert speaker_match("", "UNKNOWN")
    assert not speaker_match("Ion Pop", "UNKNOWN")
    assert not speaker_match("", "Vladimir Putin")


def test_optional_gold_items_are_neither_missed_nor_false_positives():
    gold = {"quotes": [{"kind": "direct", "speaker": "A B", "text": "unu doi trei"},
                       {"kind": "direct", "speaker": "A B", "text": "patru cinci", "optional": True}]}
    pred = {"quotes": [{"kind": "direct", "speaker": "A B", "text": "unu doi trei"},
                       {"kind": "direct", "speaker": "A B", "text": "patru cinci"}]}
    result = score(gold, pred)["direct_quotes"]
    assert (result["P"], result["R"], result["F1"], result["speaker_acc"]) == (1.0, 1.0, 1.0, 1.0)


def test_wrong_speaker_lowers_speaker_accuracy_only():
    gold = {"quotes": [{"kind": "direct", "speaker": "Ion Pop", "text": "unu doi trei"}]}
    pred = {"quotes": [{"kind": "direct", "speaker": "Dan Marin", "text": "unu doi trei"}]}
    result = score(gold, pred)["direct_quotes"]
    assert result["F1"] == 1.0 and result["speaker_acc"] == 0.0


def test_micro_average_pools_counts_across_files():
    def row(gold, pred, matched):
        r = {"gold": gold, "pred": pred, "matched": matched, "tp_pred": matched, "speaker_ok": matched,
             "value_ok": matched}
        return {s: dict(r) for s in ("direct_quotes", "indirect_quotes", "entities", "figures")}

    result = micro({"a": row(10, 10, 10), "b": row(2, 4, 0)})["direct_quotes"]
    assert (result["gold"], result["pred"], result["matched"]) == (12, 14, 10)
    assert result["P"] == round(10 / 14, 3) and result["R"] == round(10 / 12, 3)


def test_evaluate_dir_scores_every_text_with_a_gold_file(tmp_path):
    shutil.copy(DATA / "article-0.txt", tmp_path / "article-0.txt")
    shutil.copy(DATA / "article-0.gold.json", tmp_path / "article-0.gold.json")
    (tmp_path / "no-gold.txt").write_text("Titlu\n\nText.", encoding="utf-8")
    per_file, totals = evaluate_dir(tmp_path)
    assert list(per_file) == ["article-0.txt"]
    assert totals["direct_quotes"]["F1"] == 1.0
    assert totals["entities"]["F1"] >= 0.85
    table = format_table(per_file, totals)
    assert "article-0.txt" in table and "MICRO" in table


def test_matching_takes_the_best_pairs_first_whatever_the_order_of_the_predictions():
    gold = {"quotes": [{"kind": "direct", "speaker": "Ana Pop", "text": "vom deschide școala luni dimineață"},
                       {"kind": "direct", "speaker": "Ion Dinu", "text": "vom deschide școala luni"}]}
    preds = [{"kind": "direct", "speaker": "Ion Dinu", "text": "vom deschide școala luni"},
             {"kind": "direct", "speaker": "Ana Pop", "text": "vom deschide școala luni dimineață"}]
    # Greedy matching would pair the first prediction with the first gold quote (they overlap enough) and
    # count both speakers wrong; the exact pairs come first.
    for order in (preds, preds[::-1]):
        assert score(gold, {"quotes": order})["direct_quotes"]["speaker_ok"] == 2

