"""Score extraction records against gold annotations (the gold format and figures of CONTRACT.md).

Figures: split_f1, docnum_f1, docnum_own_f1, docnum_false_from_negatives, agency_f1, commit_f1,
commit_value_unit_f1, publish_date_acc, region_acc and, given the source folder, span_grounding.
Documents are paired by title similarity; lists are matched as multisets of canonical keys, where
gold items marked optional neither count as hits nor as errors.
"""
from __future__ import annotations

import difflib
import json
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from extractors.normalize import to_simplified

_YEAR_BRACKETS = re.compile(r"[\[［(（〔【{｛]\s*((?:19|20)\d\d)\s*[\]］)）〕】}｝]")
_NOISE = re.compile(r"[\s\u3000·•、，,。.：:；;！!？?“”\"'‘’《》<>〈〉()（）\[\]【】〔〕—\-_]+")
_SCALES = (("千万", 1e7), ("百万", 1e6), ("亿", 1e8), ("万", 1e4))


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp, self.fp, self.fn = self.tp + tp, self.fp + fp, self.fn + fn

    def f1(self) -> float | None:
        if not (self.tp or self.fp or self.fn):
            return None
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return 2 * p * r / (p + r) if p + r else 0.0


def docnum_key(s: str | None) -> str:
    s = to_simplified(s or "").replace(" ", "").replace("\u3000", "").replace("號", "号")
    return _YEAR_BRACKETS.sub(r"〔\1〕", s)


def title_key(s: str | None) -> str:
    return _NOISE.sub("", to_simplified(s or ""))


def commitment_key(c: dict, with_year: bool):
    try:
        v = float(c.get("value"))
    except (TypeError, ValueError):
        return None
    u = to_simplified(c.get("unit") or "").strip().replace("％", "%")
    for prefix, factor in _SCALES:
        if u.startswith(prefix) and u != prefix + "分之":
            v, u = v * factor, u[len(prefix):]
            break
    key = (round(v, 4), u)
    return key + (c.get("year"),) if with_year else key


def match(pred: list, required: list[set], optional: list[set]) -> tuple[int, int, int]:
    """Each required set is hit at most once; a prediction that repeats or hits an optional item is free."""
    used = [False] * len(required)
    tp = fp = 0
    for k in dict.fromkeys(pred):
        i = next((i for i, acc in enumerate(required) if not used[i] and k in acc), None)
        if i is not None:
            used[i] = True
            tp += 1
        elif not any(k in acc for acc in optional + required):
            fp += 1
    return tp, fp, used.count(False)


def pair(preds: list[dict], golds: list[dict]) -> list[tuple[int, int]]:
    cands = []
    for gi, g in enumerate(golds):
        gt = title_key(g.get("title"))
        for pi, p in enumerate(preds):
            pt = title_key(p.get("title"))
            if not gt or not pt:
                continue
            ratio = difflib.SequenceMatcher(None, gt, pt).ratio()
            if gt in pt or pt in gt:
                ratio = max(ratio, 0.9 * min(len(gt), len(pt)) / max(len(gt), len(pt)) + 0.1)
            cands.append((ratio, -abs(gi - pi), gi, pi))
    used_g, used_p, pairs = set(), set(), []
    for ratio, _, gi, pi in sorted(cands, reverse=True):
        if ratio >= 0.5 and gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def _grounding(rec: dict, text: str) -> tuple[int, int]:
    ok = bad = 0
    for field in ("doc_numbers", "agencies", "dates", "commitments"):
        for it in rec.get(field) or []:
            s, e = it.get("start"), it.get("end")
            good = isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)
            if good and field != "commitments":
                good = text[s:e] == it.get("text")
            ok, bad = ok + good, bad + (not good)
    return ok, bad


def score(records: list[dict], gold_dir: Path, docs_dir: Path | None = None) -> dict:
    from corpora.readers import read_path
    from corpora.records import ReadError

    by_file: dict[str, list[dict]] = defaultdict(list)
    for r in records:
        if not r.get("error"):
            by_file[Path(r["source"]).name].append(r)
    t = {k: Counts() for k in ("split", "docnum", "docnum_own", "agency", "commit", "commit_vu")}
    dates_ok = regions_ok = n_docs = negatives = span_ok = span_bad = 0
    for gpath in sorted(Path(gold_dir).glob("*.json")):
        gold = json.loads(gpath.read_text(encoding="utf-8"))
        preds = sorted(by_file.get(gold["file"], []), key=lambda r: r.get("doc_index", 0))
        gdocs = gold["documents"]
        if docs_dir is not None and preds and (Path(docs_dir) / gold["file"]).exists():
            try:
                text = read_path(Path(docs_dir) / gold["file"]).text
                for r in preds:
                    o, b = _grounding(r, text)
                    span_ok, span_bad = span_ok + o, span_bad + b
            except ReadError:
                pass

        def forms(d):
            return {docnum_key(x) for x in [d["normalized"], *d.get("alt", [])]}

        pd_ = [docnum_key(d.get("normalized") or d.get("text")) for r in preds for d in r.get("doc_numbers") or []]
        t["docnum"].add(*match(pd_, [forms(d) for g in gdocs for d in g["doc_numbers"] if not d.get("optional")],
                               [forms(d) for g in gdocs for d in g["doc_numbers"] if d.get("optional")]))
        negs = {docnum_key(n) for n in gold.get("negatives", {}).get("doc_numbers", [])}
        negatives += sum(1 for k in set(pd_) if k in negs)
        if all(g.get("agencies") is not None for g in gdocs):
            pa = [to_simplified(a.get("normalized") or a.get("text")).strip() for r in preds for a in r.get("agencies") or []]
            req: list[set] = []
            for g in gdocs:
                for a in g["agencies"]:
                    s = {to_simplified(n) for n in a["names"]}
                    if not a.get("optional") and s not in req:
                        req.append(s)
            opt = [{to_simplified(n) for n in a["names"]} for g in gdocs for a in g["agencies"] if a.get("optional")]
            t["agency"].add(*match(pa, req, opt))
        if all(g.get("commitments") is not None for g in gdocs):
            pc = [c for r in preds for c in r.get("commitments") or [] if c.get("kind", "target") != "reported"]
            gc = [c for g in gdocs for c in g["commitments"]]
            for name, wy in (("commit", True), ("commit_vu", False)):
                keys = [k for k in (commitment_key(c, wy) for c in pc) if k is not None]
                t[name].add(*match_multiset(keys, [commitment_key(c, wy) for c in gc if not c.get("optional")],
                                            [commitment_key(c, wy) for c in gc if c.get("optional")]))
        pairs = dict(pair(preds, gdocs))
        t["split"].add(len(pairs), len(preds) - len(pairs), len(gdocs) - len(pairs))
        for gi, g in enumerate(gdocs):
            p = preds[pairs[gi]] if gi in pairs else None
            n_docs += 1
            if p is not None:
                dates_ok += (p.get("publish_date") or None) in {g["publish_date"], *g.get("alt_publish_dates", [])}
                code = (p.get("region") or {}).get("adcode")
                if g["region"] is None:
                    regions_ok += not code
                else:
                    regions_ok += str(code) in {g["region"]["adcode"], *g["region"].get("alt_adcodes", [])}
            own = [docnum_key(d.get("normalized") or d.get("text")) for d in (p or {}).get("doc_numbers") or [] if d.get("role") == "own"]
            t["docnum_own"].add(*match(own, [forms(d) for d in g["doc_numbers"] if d["role"] == "own" and not d.get("optional")],
                                       [forms(d) for d in g["doc_numbers"] if d["role"] == "own" and d.get("optional")]))
    figs = {"split_f1": t["split"].f1(), "docnum_f1": t["docnum"].f1(), "docnum_own_f1": t["docnum_own"].f1(),
            "docnum_false_from_negatives": negatives, "agency_f1": t["agency"].f1(), "commit_f1": t["commit"].f1(),
            "commit_value_unit_f1": t["commit_vu"].f1(),
            "publish_date_acc": dates_ok / n_docs if n_docs else 1.0, "region_acc": regions_ok / n_docs if n_docs else 1.0}
    if docs_dir is not None:
        figs["span_grounding"] = span_ok / (span_ok + span_bad) if span_ok + span_bad else 0.0
    return figs


def match_multiset(pred: list, required: list, optional: list) -> tuple[int, int, int]:
    """Like `match`, but the same key predicted twice may hit two gold items with that key."""
    used = [False] * len(required)
    tp = fp = 0
    hit_keys = set()
    for k in pred:
        i = next((i for i, g in enumerate(required) if not used[i] and g == k), None)
        if i is not None:
            used[i] = True
            tp += 1
            hit_keys.add(k)
        elif k not in hit_keys and k not in optional and k not in required:
            fp += 1
    return tp, fp, used.count(False)
