"""Score extractions against hand-made gold files, exactly as /work/shared/tools/score.py does.

Quotes and figures are matched by text overlap, speakers and entities by name or alias (case, diacritics
and cedillas folded).  Gold items marked "optional" never count as misses, and predictions that match them
never count as false positives.  ``evaluate_dir`` runs the pipeline on every NAME.txt that has a
NAME.gold.json next to it and adds micro-averaged totals.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from .normalize import fold, match_key, strip_diacritics

TYPE = {"PER": "PERSON", "PERSON": "PERSON", "LOC": "PLACE", "GPE": "PLACE", "PLACE": "PLACE", "LOCATION": "PLACE",
        "ORG": "ORGANIZATION", "ORGANIZATION": "ORGANIZATION", "ORGANISATION": "ORGANIZATION"}
SECTIONS = ("direct_quotes", "indirect_quotes", "entities", "figures")


def norm(s: str | None) -> str:
    """The scorer's key: match_key without punctuation (and without the HTML debris scrapes leave)."""
    s = (s or "").replace("&amp;", " ").replace("&nbsp;", " ").replace("\u00ad", "")
    return " ".join(re.sub(r"[^\w\s-]", " ", match_key(s)).split())


def _toks(s: str) -> set[str]:
    return set(norm(s).split())


def _jacc(a: str, b: str) -> float:
    ta, tb = _toks(a), _toks(b)
    return len(ta & tb) / len(ta | tb) if ta | tb else 0.0


def text_match(p: str, g: str) -> bool:
    a, b = norm(p), norm(g)
    if not a or not b:
        return False
    if a == b:
        return True
    if (a in b and len(a) >= 0.5 * len(b)) or (b in a and len(b) >= 0.5 * len(a)):
        return True
    return _jacc(p, g) >= 0.5


def speaker_match(p: str, g: str, aliases=()) -> bool:
    if norm(g) == "unknown":
        return not norm(p) or norm(p) == "unknown"
    a = norm(p)
    if not a:
        return False
    if a in {norm(g)} | {norm(x) for x in aliases}:
        return True
    pt, gt = a.split(), norm(g).split()
    if pt[-1] == gt[-1] and len(gt[-1]) > 2:
        return True
    return _jacc(p, g) >= 0.5


def _match(preds: list, golds: list, ok, sim=None) -> dict[int, int]:
    """One-to-one matching, best pairs first (independent of list order); returns {pred index: gold index}."""
    sim = sim or (lambda p, g: 1.0)
    ranked = sorted(((sim(p, g), i, j) for i, p in enumerate(preds) for j, g in enumerate(golds) if ok(p, g)),
                    key=lambda c: (-c[0], c[1], c[2]))
    used_p, used_g, pairs = set(), set(), {}
    for _, i, j in ranked:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs[i] = j
    return pairs


def _text_sim(p: str, g: str) -> float:
    return 2.0 if norm(p) == norm(g) else _jacc(p, g)


def _fig_tokens(s: str) -> list[str]:
    s = strip_diacritics(fold(s or "")).casefold().replace("&amp;", " ").replace("&nbsp;", " ")
    return [t.strip(".,") for t in re.findall(r"[\w%.,]+", s) if t.strip(".,")]


def _prf(pairs: dict[int, int], preds: list, golds: list) -> dict:
    req = [j for j, g in enumerate(golds) if not g.get("optional")]
    hit = set(pairs.values())
    tp_r = sum(1 for j in req if j in hit)
    tp_p = len(pairs)
    P = tp_p / len(preds) if preds else (1.0 if not req else 0.0)
    R = tp_r / len(req) if req else 1.0
    F = 2 * P * R / (P + R) if P + R else 0.0
    return {"gold": len(req), "pred": len(preds), "matched": tp_r, "tp_pred": tp_p,
            "P": round(P, 3), "R": round(R, 3), "F1": round(F, 3)}


def score(gold: dict, pred: dict, article: str | None = None) -> dict:
    """Per-section P/R/F1 of one prediction (the extract_article JSON) against one gold file."""
    def text_of(item):
        return item["text"] if "text" in item else article[item["start"]:item["end"]]

    aliases = {norm(e["name"]): e.get("aliases", []) for e in gold.get("entities", [])}
    out = {}
    for kind in ("direct", "indirect"):
        gq = [dict(q, text=text_of(q)) for q in gold.get("quotes", []) if q["kind"] == kind]
        pq = [q for q in pred.get("quotes", []) if q.get("kind", "direct") == kind]
        pairs = _match(pq, gq, lambda p, g: text_match(p.get("text", ""), g["text"]),
                       lambda p, g: _text_sim(p.get("text", ""), g["text"]))
        res = _prf(pairs, pq, gq)
        req = [j for j, g in enumerate(gq) if not g.get("optional")]

        def right(i, j, gq=gq, pq=pq):
            return speaker_match(pq[i].get("speaker") or "", gq[j]["speaker"], aliases.get(norm(gq[j]["speaker"]), []))

        ok = sum(1 for i, j in pairs.items() if not gq[j].get("optional") and right(i, j))
        res["speaker_ok"] = ok
        res["speaker_acc"] = round(ok / len(req), 3) if req else 1.0
        res["missed"] = [gq[j]["text"][:60] for j in req if j not in pairs.values()]
        res["wrong_speaker"] = [(gq[j]["text"][:40], gq[j]["speaker"], pq[i].get("speaker"))
                                for i, j in pairs.items() if not gq[j].get("optional") and not right(i, j)]
        res["false_pos"] = [pq[i].get("text", "")[:60] for i in range(len(pq)) if i not in pairs]
        out[f"{kind}_quotes"] = res

    ge = gold.get("entities", [])
    pe = [e for e in pred.get("entities", []) if TYPE.get(str(e.get("type", "")).upper())]

    def ent_ok(p, g):
        names = {norm(g["name"])} | {norm(a) for a in g.get("aliases", [])}
        same_type = TYPE.get(str(p.get("type", "")).upper()) == TYPE.get(g["type"], g["type"])
        return same_type and norm(p.get("name", "")) in names

    pairs = _match(pe, ge, ent_ok)
    res = _prf(pairs, pe, ge)
    res["missed"] = [g["name"] for j, g in enumerate(ge) if j not in pairs.values() and not g.get("optional")]
    res["false_pos"] = [pe[i].get("name") for i in range(len(pe)) if i not in pairs]
    out["entities"] = res

    gf = [dict(f, text=text_of(f)) for f in gold.get("figures", [])]
    pf = pred.get("figures", [])

    def fig_ok(p, g):
        gt, pt = _fig_tokens(g["text"]), _fig_tokens(p.get("text", ""))
        if not gt or not pt:
            return False
        if text_match(p.get("text", ""), g["text"]):
            return True
        return set(gt) <= set(pt) or set(pt) <= set(gt)  # whole tokens: "1%" is not inside "1,5%"

    pairs = _match(pf, gf, fig_ok, lambda p, g: _text_sim(p.get("text", ""), g["text"]))
    res = _prf(pairs, pf, gf)
    res["value_ok"] = sum(1 for i, j in pairs.items()
                          if not gf[j].get("optional") and _same(pf[i].get("value"), gf[j].get("value")))
    res["missed"] = [g["text"] for j, g in enumerate(gf) if j not in pairs.values() and not g.get("optional")]
    out["figures"] = res
    return out


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    try:
        return abs(float(a) - float(b)) < 1e-6
    except (TypeError, ValueError):
        return str(a) == str(b)


def micro(per_file: dict[str, dict]) -> dict:
    """Pool the counts of all files, then compute P/R/F1 (and speaker/value accuracy) once."""
    out = {}
    for section in SECTIONS:
        rows = [r[section] for r in per_file.values() if section in r]
        gold = sum(r["gold"] for r in rows)
        pred = sum(r["pred"] for r in rows)
        matched = sum(r["matched"] for r in rows)
        tp_pred = sum(r.get("tp_pred", r["matched"]) for r in rows)
        P = tp_pred / pred if pred else (1.0 if not gold else 0.0)
        R = matched / gold if gold else 1.0
        F = 2 * P * R / (P + R) if P + R else 0.0
        res = {"gold": gold, "pred": pred, "matched": matched, "P": round(P, 3), "R": round(R, 3), "F1": round(F, 3)}
        if section.endswith("quotes"):
            ok = sum(r["speaker_ok"] for r in rows)
            res["speaker_ok"] = ok
            res["speaker_acc"] = round(ok / gold, 3) if gold else 1.0
        if section == "figures":
            ok = sum(r["value_ok"] for r in rows)
            res["value_ok"] = ok
            res["value_acc"] = round(ok / gold, 3) if gold else 1.0
        out[section] = res
    return out


def evaluate_dir(path: str | Path, *, extract=None) -> tuple[dict[str, dict], dict]:
    """Score every NAME.txt that has a NAME.gold.json in ``path``; returns (per-file scores, micro averages).

    ``extract`` (bytes -> Extraction) defaults to the full pipeline, ``extract_bytes``.
    """
    if extract is None:
        from . import extract_bytes as extract

    per_file = {}
    for gold_path in sorted(Path(path).glob("*.gold.json")):
        txt = gold_path.with_name(gold_path.name[: -len(".gold.json")] + ".txt")
        if not txt.exists():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        pred = extract(txt.read_bytes()).to_dict()
        per_file[txt.name] = score(gold, pred)
    return per_file, micro(per_file)


def format_table(per_file: dict[str, dict], micro_scores: dict, *, details: bool = False) -> str:
    """Plain-text table: one row per file and a micro-averaged row; ``details`` lists misses and errors."""
    header = (f"{'file':<16}{'direct P/R/F1':>20}{'spk':>7}{'indirect P/R/F1':>20}{'spk':>7}"
              f"{'entities P/R/F1':>20}{'figures P/R/F1':>20}{'val':>7}")
    lines = [header, "-" * len(header)]
    for name, row in [*per_file.items(), ("MICRO", micro_scores)]:
        if name == "MICRO":
            lines.append("-" * len(header))
        d, i, e, f = (row[s] for s in SECTIONS)
        value = f.get("value_acc", round(f["value_ok"] / f["gold"], 3) if f["gold"] else 1.0)
        lines.append(f"{name:<16}{_prf_cell(d):>20}{d['speaker_acc']:>7.2f}{_prf_cell(i):>20}{i['speaker_acc']:>7.2f}"
                     f"{_prf_cell(e):>20}{_prf_cell(f):>20}{value:>7.2f}")
    if details:
        for name, row in per_file.items():
            for section in SECTIONS:
                for key in ("missed", "wrong_speaker", "false_pos"):
                    for item in row[section].get(key, []):
                        lines.append(f"{name} {section} {key}: {item}")
    return "\n".join(lines)


def _prf_cell(r: dict) -> str:
    return f"{r['P']:.2f}/{r['R']:.2f}/{r['F1']:.2f}"
