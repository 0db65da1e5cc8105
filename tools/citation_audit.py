#!/usr/bin/env python3
"""Audit of citation links: a seeded sample of resolved citations from a store, judged by a person.

    python tools/citation_audit.py sample out/policy.sqlite --n 30 --seed 2026 --out audits/citations-pool.tsv
    python tools/citation_audit.py score audits/citations-pool.tsv

Judgment columns (y / n): `is_citation` (a document is cited, not a form or the document's own title),
`relation_ok` (implements / repeals / amends / cites as the clause reads), `target_ok` (the stored
document it resolves to is the one cited).
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import sqlite3
import sys
from pathlib import Path

COLUMNS = ["n", "citing_title", "cited_as_written", "relation", "resolved_title", "citing_doc_id", "cited_doc_id"]
JUDGMENTS = ["is_citation", "relation_ok", "target_ok"]


def sample(a) -> int:
    conn = sqlite3.connect(f"file:{Path(a.db).resolve()}?mode=ro", uri=True)
    rows = conn.execute("""SELECT d.title, c.text, c.relation, t.title, c.doc_id, c.cited_doc_id FROM citations c
                           JOIN documents d ON d.doc_id = c.doc_id JOIN documents t ON t.doc_id = c.cited_doc_id
                           ORDER BY c.doc_id, c.cited_key""").fetchall()
    picked = random.Random(a.seed).sample(rows, min(a.n, len(rows)))
    with open(a.out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(COLUMNS + JUDGMENTS + ["note"])
        for i, r in enumerate(picked, 1):
            w.writerow([i, *(str(x or "").replace("\n", " ") for x in r), "", "", "", ""])
    print(f"{len(picked)} of {len(rows)} resolved citations sampled (seed {a.seed}) → {a.out}")
    return 0


def score(a) -> int:
    rows = list(csv.DictReader(open(a.judgments, encoding="utf-8", newline=""), delimiter="\t"))
    judged = [r for r in rows if r["is_citation"].strip().lower() in ("y", "n")]
    figs = {"judged": len(judged)}
    for k in JUDGMENTS:
        figs[k] = round(sum(r[k].strip().lower() == "y" for r in judged) / len(judged), 3) if judged else None
    figs["all_right"] = round(sum(all(r[k].strip().lower() == "y" for k in JUDGMENTS) for r in judged) / len(judged), 3) if judged else None
    print(json.dumps(figs))
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample")
    s.add_argument("db")
    s.add_argument("--n", type=int, default=30)
    s.add_argument("--seed", type=int, default=2026)
    s.add_argument("--out", required=True)
    s.set_defaults(fn=sample)
    c = sub.add_parser("score")
    c.add_argument("judgments")
    c.set_defaults(fn=score)
    a = ap.parse_args(argv)
    return a.fn(a)


if __name__ == "__main__":
    sys.exit(main())
