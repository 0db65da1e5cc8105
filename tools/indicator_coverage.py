"""How much of a corpus the indicator taxonomy keys: the share of targets and provisions with an
indicator_key, the count per key, and the most frequent measured noun phrases still without one.

    .venv/bin/python tools/indicator_coverage.py ../shared/corpus/pool            # extracts, then counts
    .venv/bin/python tools/indicator_coverage.py --jsonl records.jsonl --unknown 30  # from `policy extract` output
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extractors.indicators import coverage, measured_phrase, value_context  # noqa: E402


def load(paths: list[Path], jsonl: Path | None) -> list[dict]:
    if jsonl is not None:
        return [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines() if line.strip()]
    from corpora.readers import expand_paths
    from pipeline.process import extract_records

    return [rec for f in expand_paths(paths) for rec in extract_records(f)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", type=Path, help="files or folders to extract")
    ap.add_argument("--jsonl", type=Path, help="records written by `policy extract --format jsonl` instead")
    ap.add_argument("--unknown", type=int, default=0, help="print this many unkeyed measured noun phrases")
    args = ap.parse_args(argv)
    if not args.paths and args.jsonl is None:
        ap.error("give paths to extract or --jsonl")
    records = load(args.paths, args.jsonl)
    keyed, total = coverage(records)
    rows = [c for r in records for c in (r.get("commitments") or []) if c.get("kind") != "reported"]
    keys = Counter(c["indicator_key"] for c in rows if c.get("indicator_key"))
    print(f"targets and provisions with an indicator_key: {keyed}/{total} = {keyed / max(total, 1):.1%}"
          f" ({len(keys)} keys used)")
    for key, n in keys.most_common():
        print(f"  {n:5d}  {key}")
    if args.unknown:
        phrases: Counter = Counter()
        for c in rows:
            if not c.get("indicator_key"):
                ns = SimpleNamespace(**{k: c.get(k) for k in ("indicator", "unit", "sentence", "start", "end")})
                phrases[(measured_phrase(ns.indicator, value_context(ns)[1]) or "∅", c.get("unit"))] += 1
        print("most frequent measured noun phrases without a key:")
        for (phrase, unit), n in phrases.most_common(args.unknown):
            print(f"  {n:5d}  {phrase}  [{unit}]")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
