#!/usr/bin/env python3
"""Precision audit of commitments: a seeded random sample of a run's records, judged by a person.

    python tools/precision_audit.py sample RECORDS.jsonl --n 200 --seed 2026 --out audits/sample.tsv
    python tools/precision_audit.py score audits/sample.tsv
    python tools/precision_audit.py recheck audits/sample.tsv NEWER_RECORDS.jsonl

`sample` draws commitments uniformly from every commitment in the records (JSON lines as written by
`policy extract --format jsonl`) and writes one row per commitment with the evidence sentence and the
fields to judge, plus empty judgment columns. A reviewer who did not write the rules fills each
judgment column with `y` (right), `n` (wrong) or `-` (not applicable: e.g. `key_ok` where no key was
given, `year_ok` where neither the text nor the record has a year):

    quantity_ok    the number is a quantity the notice sets or reports (not a phone, row number, name…)
    value_ok       value and value_max read right
    unit_ok        unit right as written
    comparator_ok  comparator right (不得低于 → >=)
    year_ok        deadline year right (or rightly empty)
    kind_ok        target / provision / reported right
    key_ok         indicator_key names this measure (only where a key is given)

`carry` fills the judgments of rows identical to rows judged in an earlier audit (same file, sentence
and every judged field), so a re-audit on newer code re-judges only what changed; carried rows say so in
their note and the reviewer confirms or overturns them like any other row.

`score` recomputes the figures from the judgments: precision on value + unit + comparator + kind (a
row counts only when the number is a quantity and all four are right), on the year, and on the keys
given. Rows not judged yet are reported and left out.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import sys
from pathlib import Path

FIELDS = ("value", "value_max", "unit", "comparator", "year", "kind", "indicator_key", "indicator", "subject")
JUDGMENTS = ("quantity_ok", "value_ok", "unit_ok", "comparator_ok", "year_ok", "kind_ok", "key_ok")


def load_commitments(path: Path) -> list[dict]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        if rec.get("error"):
            continue
        for i, c in enumerate(rec.get("commitments") or []):
            rows.append({
                "source": Path(rec.get("source", "")).name,
                "doc_index": rec.get("doc_index", 0),
                "item": i,
                "title": rec.get("title") or "",
                "publish_date": rec.get("publish_date") or "",
                **{f: "" if c.get(f) is None else c.get(f) for f in FIELDS},
                "sentence": (c.get("sentence") or "").replace("\n", " ").replace("\t", " "),
                "_where": f'{c.get("value_start", c.get("start"))}:{c.get("value_end", c.get("end"))}',
            })
    return rows


def sample(args) -> int:
    rows = load_commitments(Path(args.records))
    if args.method == "stable":
        # Each row's place in the draw depends only on the seed and on the row itself (its file, sentence and
        # where its value stands), so a re-audit on newer code draws the same rows wherever they survive and
        # `carry` can reuse their judgments; rows that changed or appeared take their own chance.
        def rank(r: dict) -> str:
            key = f'{args.seed}|{r["source"]}|{r["sentence"]}|{r["_where"]}'
            return hashlib.sha256(key.encode("utf-8")).hexdigest()
        picked = sorted(rows, key=rank)[: args.n]
    else:
        rows.sort(key=lambda r: (r["source"], r["doc_index"], r["item"]))  # stable order before the seeded draw
        picked = random.Random(args.seed).sample(rows, min(args.n, len(rows)))
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["n", "source", "doc_index", "item", "title", "publish_date", *FIELDS, "sentence", *JUDGMENTS, "note"])
        for n, r in enumerate(picked, 1):
            w.writerow([n, r["source"], r["doc_index"], r["item"], r["title"], r["publish_date"],
                        *(r[f] for f in FIELDS), r["sentence"], *([""] * len(JUDGMENTS)), ""])
    print(f"{len(picked)} of {len(rows)} commitments sampled (seed {args.seed}) → {out}")
    return 0


def write_rows(path: Path, rows: list[dict], header: list[str] | None = None) -> None:
    """Write judgment rows back as the tab-separated file they were read from (header: their columns)."""
    with Path(path).open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=header or list(rows[0]), delimiter="\t", lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def _identity(r: dict) -> tuple:
    return (r["source"], r["sentence"], *(str(r[f]) for f in FIELDS if f != "indicator"))


def carry(args) -> int:
    with Path(args.earlier).open(encoding="utf-8", newline="") as f:
        earlier = {_identity(r): r for r in csv.DictReader(f, delimiter="\t") if _ok(r["quantity_ok"]) is not None}
    path = Path(args.sample)
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, delimiter="\t")
        header = list(reader.fieldnames or [])
        rows = list(reader)
    carried = 0
    for r in rows:
        old = earlier.get(_identity(r))
        if old is None or _ok(r["quantity_ok"]) is not None:
            continue
        for k in JUDGMENTS:
            r[k] = old[k]
        r["note"] = "; ".join(x for x in (old.get("note", ""), f"carried from {Path(args.earlier).name}") if x)
        carried += 1
    write_rows(path, rows, header)
    print(f"{carried} of {len(rows)} rows carried from {args.earlier}; {len(rows) - carried} to judge")
    return 0


def _ok(v: str) -> bool | None:
    v = (v or "").strip().lower()
    return True if v == "y" else False if v == "n" else None


def score(args) -> int:
    with Path(args.judgments).open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    if rows and "quantity_ok" not in rows[0]:  # a review of keys alone (a draw of newly keyed rows)
        key_n, key_ok = _keys_judged(rows)
        print(json.dumps({"keys_judged": key_n, "not_judged": len(rows) - key_n,
                          "precision_keys": round(key_ok / key_n, 3) if key_n else None}, indent=1))
        return 0
    judged = [r for r in rows if _ok(r["quantity_ok"]) is not None]
    core_ok = 0
    year_n = year_ok = 0
    wrong: dict[str, int] = {}
    for r in judged:
        j = {k: _ok(r[k]) for k in JUDGMENTS}
        core = j["quantity_ok"] and all(j[k] is not False for k in ("value_ok", "unit_ok", "comparator_ok", "kind_ok"))
        core_ok += bool(core)
        for k, v in j.items():
            if v is False:
                wrong[k] = wrong.get(k, 0) + 1
        if j["year_ok"] is not None:
            year_n += 1
            year_ok += bool(j["year_ok"])
    key_n, key_ok = _keys_judged(judged)
    n = len(judged)
    figs = {
        "judged": n,
        "not_judged": len(rows) - n,
        "precision_value_unit_comparator_kind": round(core_ok / n, 3) if n else None,
        "precision_year": round(year_ok / year_n, 3) if year_n else None,
        "keys_given": key_n,
        "precision_keys": round(key_ok / key_n, 3) if key_n else None,
        "wrong_by_field": dict(sorted(wrong.items(), key=lambda kv: -kv[1])),
    }
    print(json.dumps(figs, ensure_ascii=False, indent=1))
    return 0


def _keys_judged(rows: list[dict]) -> tuple[int, int]:
    """(rows with a key and a judgment of it, of which right)."""
    keyed = [_ok(r.get("key_ok", "")) for r in rows if (r.get("indicator_key") or "").strip()]
    keyed = [v for v in keyed if v is not None]
    return len(keyed), sum(keyed)


def _same_value(r: dict) -> tuple:
    # not the document's index: a page split anew moves a sentence to another document of the same file
    return (r["source"], _num_key(r["value"]), r["unit"], r["sentence"].strip())


def _num_key(v) -> str:
    try:
        return repr(float(v))
    except (TypeError, ValueError):
        return str(v)


def recheck(args) -> int:
    """Carry a judged sample over to newer records: a judged row whose value (same file, sentence, value
    and unit; the document's index within its file may differ, as when a page is split anew) is gone was dropped; one still there with the same comparator and kind keeps its
    judgments; one whose comparator or kind changed needs judging again and is left out."""
    with Path(args.judgments).open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f, delimiter="\t") if _ok(r["quantity_ok"]) is not None]
    newer: dict[tuple, list[dict]] = {}
    for r in load_commitments(Path(args.records)):
        newer.setdefault(_same_value(r), []).append(r)
    dropped = {"not_a_quantity": 0, "quantity_right": 0, "quantity_wrong_elsewhere": 0}
    dropped_quantities, changed, kept_ok, kept = [], 0, 0, 0
    for r in rows:
        j = {k: _ok(r[k]) for k in JUDGMENTS}
        core = bool(j["quantity_ok"] and all(j[k] is not False for k in ("value_ok", "unit_ok", "comparator_ok", "kind_ok")))
        same = newer.get(_same_value(r))
        if not same:
            which = "not_a_quantity" if j["quantity_ok"] is False else "quantity_right" if core else "quantity_wrong_elsewhere"
            dropped[which] += 1
            if j["quantity_ok"] is not False:
                dropped_quantities.append(r["n"])
            continue
        now = same.pop(0)
        if (now["comparator"], now["kind"]) != (r["comparator"], r["kind"]):
            changed += 1
            continue
        kept += 1
        kept_ok += core
    figs = {
        "judged": len(rows),
        "dropped": dropped,
        "dropped_quantities": dropped_quantities,
        "changed_to_judge_again": changed,
        "kept_unchanged": kept,
        "precision_value_unit_comparator_kind_of_kept": round(kept_ok / kept, 3) if kept else None,
    }
    print(json.dumps(figs, ensure_ascii=False, indent=1))
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample", help="draw a seeded sample of commitments to judge")
    s.add_argument("records")
    s.add_argument("--n", type=int, default=200)
    s.add_argument("--seed", type=int, default=2026)
    s.add_argument("--method", choices=("stable", "shuffle"), default="stable",
                   help="stable: rank rows by a hash of seed and row (re-audits overlap); "
                        "shuffle: random.sample over the sorted rows (the first audit's draw)")
    s.add_argument("--out", required=True)
    s.set_defaults(fn=sample)
    k = sub.add_parser("carry", help="fill judgments of rows identical to an earlier audit's")
    k.add_argument("sample")
    k.add_argument("--from", dest="earlier", required=True)
    k.set_defaults(fn=carry)
    c = sub.add_parser("score", help="recompute precision from a judged sample")
    c.add_argument("judgments")
    c.set_defaults(fn=score)
    k = sub.add_parser("recheck", help="carry a judged sample over to newer records (rows dropped, changed, kept)")
    k.add_argument("judgments")
    k.add_argument("records")
    k.set_defaults(fn=recheck)
    a = ap.parse_args(argv)
    return a.fn(a)


if __name__ == "__main__":
    sys.exit(main())
