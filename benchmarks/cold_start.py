"""Cold start: a new Python process importing the pipeline, loading the segmenter and reference data,
and extracting its first document (a sample notice); and `policy --help`. Median of 3 runs each.

    .venv/bin/python benchmarks/cold_start.py
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.machine import describe  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "corpora" / "samples" / "shandong_village_doctor_notice.txt"
PROBE = f"""
import json, re, time
t0 = time.perf_counter()
from pipeline.process import extract_records, extractor
t1 = time.perf_counter()
extractor()
t2 = time.perf_counter()
records = extract_records({str(SAMPLE)!r})
t3 = time.perf_counter()
extract_records({str(SAMPLE)!r})
t4 = time.perf_counter()
print(json.dumps({{"import": t1 - t0, "load": t2 - t1, "first": t3 - t2, "second": t4 - t3,
                  "docs": len(records), "rss_mb": int(re.search(r"VmHWM:\\s*(\\d+)", open("/proc/self/status").read()).group(1)) / 1024}}))
"""


def main() -> None:
    env = {**os.environ, "DO_NOT_TRACK": "1", "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    runs, wall, helps = [], [], []
    for _ in range(3):
        t0 = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, cwd=ROOT, check=True)
        wall.append(time.perf_counter() - t0)
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
        t0 = time.perf_counter()
        subprocess.run([str(Path(sys.executable).parent / "policy"), "--help"], capture_output=True, env=env, check=True)
        helps.append(time.perf_counter() - t0)
    med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    print(f"machine: {describe()}")
    print(f"import pipeline.process          {med['import']:.2f} s")
    print(f"load segmenter and reference data {med['load']:.2f} s")
    print(f"first document extracted          {med['first']:.2f} s (a second one: {med['second'] * 1000:.0f} ms)")
    print(f"new process to first document    {statistics.median(wall):.2f} s wall, peak memory {med['rss_mb']:.0f} MB")
    print(f"policy --help                     {statistics.median(helps):.2f} s")
    print("medians of 3 runs, each a new Python process")


if __name__ == "__main__":
    main()
