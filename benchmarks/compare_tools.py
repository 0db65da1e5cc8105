"""Side by side, in one run: JioNLP's time parser and cpca's region recognizer against this project's
date and region extractors, on expression tables written for this benchmark (date_cases.tsv,
region_cases.tsv). Prints accuracy and time per expression for each tool.

    make bench-tools        # installs the [bench] extra (jionlp, cpca) and runs this

A date case is right when the tool's end date equals the expected one and, where a start is expected,
its start too. A region case is right when the tool's code is one of the expected codes, or when no
region is meant and the tool names none.
"""
from __future__ import annotations

import csv
import datetime as dt
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.machine import describe  # noqa: E402

HERE = Path(__file__).parent
REPEAT = 20


def load(name: str) -> list[dict]:
    lines = [line for line in (HERE / name).read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


# ---- dates -------------------------------------------------------------------------------------------

def ours_date(text: str, ref: dt.date) -> tuple[str | None, str | None]:
    from extractors.dates import find_dates
    from extractors.normalize import normalize

    found = find_dates(normalize(text).text, ref)
    if not found:
        return None, None
    starts = [d.start_date for d in found if d.start_date]
    return (min(starts) if starts else None), max(d.end_date for d in found if d.end_date)


def jionlp_date(text: str, ref: dt.date) -> tuple[str | None, str | None]:
    import jionlp

    base = time.mktime(ref.timetuple())
    try:
        got = jionlp.parse_time(text, time_base=base)
    except Exception:
        return None, None
    if not got or not isinstance(got.get("time"), list) or len(got["time"]) != 2:
        return None, None
    start, end = (str(t)[:10] for t in got["time"])
    return start, end


def date_right(case: dict, start: str | None, end: str | None) -> bool:
    return end == case["end"] and (not case["start"] or start == case["start"])


# ---- regions -----------------------------------------------------------------------------------------

def ours_region(text: str) -> str | None:
    from extractors.regions import primary_region

    # a short phrase that names a place weighs as a title does (the body alone needs repeated mentions)
    r = primary_region("", text, [], [])
    return r.adcode if r else None


def cpca_region(text: str) -> str | None:
    import cpca

    df = cpca.transform([text])
    code = df["adcode"].iloc[0]
    return str(code) if code and str(code) != "nan" else None


def region_right(case: dict, code: str | None) -> bool:
    return code is None if case["adcode"] == "-" else code in case["adcode"].split("|")


# ---- run ---------------------------------------------------------------------------------------------

def run(cases, tools, right, args) -> None:
    print(f"{'tool':<22}{'right':>8}{'of':>5}{'µs/expr':>10}   wrong")
    for name, fn in tools:
        try:
            answers = [fn(*args(c)) for c in cases]  # warms caches and dictionaries
        except ImportError as e:
            print(f"{name:<22} not installed ({e.name}); `make bench-tools` installs the [bench] extra")
            continue
        t0 = time.perf_counter()
        for _ in range(REPEAT):
            for c in cases:
                fn(*args(c))
        per = (time.perf_counter() - t0) / (REPEAT * len(cases)) * 1e6
        good = [right(c, *(a if isinstance(a, tuple) else (a,))) for c, a in zip(cases, answers)]
        wrong = [f"{c['text']}→{a}" for c, a, g in zip(cases, answers, good) if not g]
        print(f"{name:<22}{sum(good):>8}{len(cases):>5}{per:>10.0f}   {'; '.join(wrong)}")


def main() -> None:
    print(f"machine: {describe()}")
    loads = []
    for name, what in (("jionlp", "import jionlp"), ("cpca", "import cpca"),
                       ("this project", "from extractors.regions import gazetteer; gazetteer()")):
        t0 = time.perf_counter()
        try:
            exec(what, {})
            loads.append(f"{name} {time.perf_counter() - t0:.2f} s")
        except ImportError:
            loads.append(f"{name} not installed")
    print("import and load (imports are apart from the per-expression times): " + ", ".join(loads))

    dates = load("date_cases.tsv")
    print(f"\nDates ({len(dates)} expressions, date_cases.tsv)")
    run(dates, [("policy-pipeline", ours_date), ("jionlp.parse_time", jionlp_date)], date_right,
        lambda c: (c["text"], dt.date.fromisoformat(c["ref"])))
    regions = load("region_cases.tsv")
    print(f"\nRegions ({len(regions)} expressions, region_cases.tsv)")
    run(regions, [("policy-pipeline", ours_region), ("cpca.transform", cpca_region)], region_right,
        lambda c: (c["text"],))
    print(f"\nµs/expr: mean over {REPEAT} passes of every expression, after one warm-up pass")


if __name__ == "__main__":
    main()
