"""Cold start: a new Python process importing the pipeline, loading its reference data and extracting its
first document (a sample notice), beside references measured the same way in the same run: an empty Python
process (`python -c pass`), importing jieba, and importing jieba with its dictionary loaded; and
`policy --help`. Wall and CPU seconds of each new process (the CPU figure is what a loaded machine
distorts least). Median of 3 runs each.

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
import json, re, sys, time
t0 = time.perf_counter()
from pipeline.process import extract_records, extractor
t1 = time.perf_counter()
extractor()
t2 = time.perf_counter()
records = extract_records({str(SAMPLE)!r})
t3 = time.perf_counter()
cpu_second = time.process_time()
extract_records({str(SAMPLE)!r})
t4 = time.perf_counter()
cpu_second = time.process_time() - cpu_second
print(json.dumps({{"import": t1 - t0, "load": t2 - t1, "first": t3 - t2, "second": t4 - t3,
                  "docs": len(records), "rss_mb": int(re.search(r"VmHWM:\\s*(\\d+)", open("/proc/self/status").read()).group(1)) / 1024,
                  "jieba_loaded": "jieba" in sys.modules, "cpu_first": time.process_time() - cpu_second}}))
"""
REFERENCES = {"python -c pass": "pass",
              "import jieba": "import jieba",
              "import jieba, load its dictionary": "import jieba; jieba.setLogLevel(60); jieba.initialize()"}


def timed(args: list[str], env: dict) -> tuple[float, float, str]:
    """(wall seconds, CPU seconds of the child, its stdout) of a new process."""
    before = os.times()
    t0 = time.perf_counter()
    out = subprocess.run(args, capture_output=True, text=True, env=env, cwd=ROOT, check=True)
    wall = time.perf_counter() - t0
    after = os.times()
    return wall, (after.children_user - before.children_user) + (after.children_system - before.children_system), out.stdout



def main() -> None:
    env = {**os.environ, "DO_NOT_TRACK": "1", "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    runs, wall, cpu, helps = [], [], [], []
    refs: dict[str, list[tuple[float, float]]] = {name: [] for name in REFERENCES}
    for _ in range(3):
        w, c, out = timed([sys.executable, "-c", PROBE], env)
        wall.append(w)
        cpu.append(c)
        runs.append(json.loads(out.strip().splitlines()[-1]))
        for name, code in REFERENCES.items():
            refs[name].append(timed([sys.executable, "-c", code], env)[:2])
        helps.append(timed([str(Path(sys.executable).parent / "policy"), "--help"], env)[0])
    med = {k: statistics.median(float(r[k]) for r in runs) for k in runs[0]}
    print(f"machine: {describe()}")
    print(f"import pipeline.process          {med['import']:.2f} s")
    print(f"load reference data               {med['load']:.2f} s")
    print(f"first document extracted          {med['first']:.2f} s (a second one: {med['second'] * 1000:.0f} ms)"
          f"{'; jieba loaded for it' if med['jieba_loaded'] else '; jieba not needed for it'}")
    print(f"new process to first document    {statistics.median(wall):.2f} s wall, {statistics.median(cpu):.2f} s CPU, "
          f"peak memory {med['rss_mb']:.0f} MB")
    for name, figures in refs.items():
        print(f"  reference: {name:<33} {statistics.median(w for w, _ in figures):.2f} s wall, "
              f"{statistics.median(c for _, c in figures):.2f} s CPU")
    print(f"policy --help                     {statistics.median(helps):.2f} s")
    print("medians of 3 runs, each a new Python process")


if __name__ == "__main__":
    main()
