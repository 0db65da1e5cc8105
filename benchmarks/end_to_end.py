"""End to end: `policy run` over a folder (default ../shared/corpus/pool) with 1, 2 and 4 workers, each
in a fresh process with an empty Prefect home (no cached results) and a fresh output folder. Prints wall
time, files/s, documents/s, MB/s, the peak memory of the whole process tree (the CLI, Prefect's
temporary server, workers) with each part's own peak, and the CPU seconds of each part.

`--server each` (the default): every run starts its own temporary server, whose start in an empty Prefect
home (creating its database) is serial time inside the run. `--server shared`: one temporary server is
started (in an empty Prefect home, its start timed and printed apart) before the timed runs, and every run
reports to it (PREFECT_API_URL), as a user's runs report to a server that is up; the figures then leave the
server's start out. `--server both` runs the series twice, each way.

`--baseline DIR` (a checkout of other code, e.g. `git worktree add /tmp/base main`) runs that code too, its runs
alternating with this tree's (same venv, the other tree first on PYTHONPATH), so that before and after are
measured in the same session; `--repeat N` runs each configuration N times and prints medians.

    .venv/bin/python benchmarks/end_to_end.py [FOLDER] [--workers 1 2 4] [--server each|shared|both]
        [--repeat N] [--baseline DIR]
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.machine import describe  # noqa: E402

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "pool"


def role(p: psutil.Process) -> str:
    """Which part of a run a process is: the run itself, an extraction worker, Prefect's temporary server."""
    cmd = " ".join(p.cmdline())
    if "uvicorn" in cmd or "pipeline.ephemeral" in cmd:
        return "server"
    if "multiprocessing.spawn" in cmd:
        return "workers"
    if "resource_tracker" in cmd:
        return "other"
    return "run"


def tree_rss(proc: psutil.Process, peaks: dict[str, int] | None = None, cpu: dict | None = None) -> int:
    """The resident memory of the process and all its descendants now; `peaks` keeps each role's largest sum,
    `cpu` each process's latest (role, CPU seconds)."""
    total, by_role = 0, {}
    for p in [proc, *proc.children(recursive=True)]:
        try:
            rss = p.memory_info().rss
            r = role(p)
            if cpu is not None:
                t = p.cpu_times()
                # a child is "run" between its fork and its exec: the role it had once it ran its program stays
                cpu[p.pid] = (cpu[p.pid][0] if r == "run" and p.pid in cpu else r, t.user + t.system)
        except psutil.Error:
            continue
        total += rss
        by_role[r] = by_role.get(r, 0) + rss
    if peaks is not None:
        for r, v in by_role.items():
            peaks[r] = max(peaks.get(r, 0), v)
    return total


def run_once(folder: Path, workers: int, runner: str = "threads", api_url: str | None = None,
             code: str | None = None) -> dict:
    """One `policy run`; `code`: a folder whose packages are imported instead of this tree's."""
    exe = Path(sys.executable).parent / "policy"
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "PREFECT_HOME": str(Path(tmp) / "prefect"), "DO_NOT_TRACK": "1",
               "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
        env.pop("PREFECT_API_URL", None)
        if code:
            env["PYTHONPATH"] = code
        else:
            env.pop("PYTHONPATH", None)
        if api_url:
            env["PREFECT_API_URL"] = api_url
        t0 = time.perf_counter()
        proc = subprocess.Popen([str(exe), "run", str(folder), "--out", str(Path(tmp) / "out"), "--workers", str(workers),
                                 "--runner", runner],
                                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        ps, peak, peaks, cpu = psutil.Process(proc.pid), 0, {}, {}
        while proc.poll() is None:
            peak = max(peak, tree_rss(ps, peaks, cpu))
            time.sleep(0.2)
        secs = time.perf_counter() - t0
        if proc.returncode:
            raise SystemExit(f"policy run failed ({proc.returncode}): {proc.stderr.read().decode()[-2000:]}")
        with sqlite3.connect(Path(tmp) / "out" / "policy.sqlite") as c:
            docs = c.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
            commitments = c.execute("SELECT COUNT(*) FROM commitments").fetchone()[0]
    cpu_by_role: dict[str, float] = {}
    for r, t in cpu.values():  # as last seen, at most 0.2 s before each process ended
        cpu_by_role[r] = cpu_by_role.get(r, 0.0) + t
    return {"workers": workers, "seconds": secs, "docs": docs, "commitments": commitments, "peak_mb": peak / 1e6,
            "peak_mb_by_role": {r: v / 1e6 for r, v in peaks.items()}, "cpu_s_by_role": cpu_by_role}


# the reference: the same worker processes extracting the same files with nothing else (no Prefect, no store),
# warm-up left out; its speed-up is what this machine's cores give two extraction processes
BARE = """
import sys, threading, time
from corpora.readers import expand_paths
from pipeline.workers import WorkerPool
files, n = expand_paths([sys.argv[1]]), int(sys.argv[2])
with WorkerPool(n) as pool:
    pool.wait_ready()
    todo, lock = iter(files), threading.Lock()
    def work():
        while True:
            with lock:
                f = next(todo, None)
            if f is None:
                return
            pool.extract(f)
    t0 = time.perf_counter()
    threads = [threading.Thread(target=work) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(time.perf_counter() - t0)
"""


def bare_once(folder: Path, workers: int, code: str | None = None) -> float:
    """Seconds for `workers` warm worker processes to extract every file of `folder`, fed from threads."""
    env = {**os.environ}
    if code:
        env["PYTHONPATH"] = code
    else:
        env.pop("PYTHONPATH", None)
    out = subprocess.run([sys.executable, "-c", BARE, str(folder), str(workers)], env=env, capture_output=True,
                         text=True, check=True, cwd=str(Path(__file__).resolve().parents[1]))
    return float(out.stdout.strip().splitlines()[-1])


@contextlib.contextmanager
def shared_server():
    """One temporary Prefect server in an empty Prefect home, as `policy run` starts it; yields (API URL, seconds
    its start took)."""
    from pipeline.ephemeral import TemporaryServer

    with tempfile.TemporaryDirectory() as tmp:
        old = os.environ.get("PREFECT_HOME")
        os.environ["PREFECT_HOME"] = str(Path(tmp) / "prefect")
        server = TemporaryServer(Path(tmp) / "server.log")
        try:
            t0 = time.perf_counter()
            server.launch()
            url = server.wait()
            yield url, time.perf_counter() - t0
        finally:
            server.stop()
            if old is None:
                os.environ.pop("PREFECT_HOME", None)
            else:
                os.environ["PREFECT_HOME"] = old


def _row(label: str, w: int, r: dict, files: int, mb: float, base: float) -> str:
    return (f"{label:>9}{w:>8}{r['seconds']:>9.1f}{files / r['seconds']:>9.2f}{r['docs'] / r['seconds']:>8.2f}"
            f"{mb / r['seconds']:>7.2f}{base / r['seconds']:>9.2f}x{r['peak_mb']:>9.0f}  {r['docs']}, {r['commitments']}"
            f"  (each part's own peak: {', '.join(f'{k} {v:.0f} MB' for k, v in sorted(r['peak_mb_by_role'].items()))};"
            f" CPU s: {', '.join(f'{k} {v:.1f}' for k, v in sorted(r['cpu_s_by_role'].items()))})")


def _median(runs: list[dict]) -> dict:
    """Each figure's median over repeated runs (per part too)."""
    med = statistics.median
    roles = sorted({k for r in runs for k in r["peak_mb_by_role"]} | {k for r in runs for k in r["cpu_s_by_role"]})
    return {"workers": runs[0]["workers"], "seconds": med(r["seconds"] for r in runs), "docs": runs[0]["docs"],
            "commitments": runs[0]["commitments"], "peak_mb": med(r["peak_mb"] for r in runs),
            "peak_mb_by_role": {k: med(r["peak_mb_by_role"].get(k, 0) for r in runs) for k in roles},
            "cpu_s_by_role": {k: med(r["cpu_s_by_role"].get(k, 0) for r in runs) for k in roles}, "runs": len(runs)}


def series(args, files, mb, api_url: str | None) -> list[dict]:
    trees = [("this", None)] + ([("baseline", str(args.baseline.resolve()))] if args.baseline else [])
    head = f"{'code':>9}{'workers':>8}{'seconds':>9}{'files/s':>9}{'docs/s':>8}{'MB/s':>7}{'speed-up':>10}{'peak MB':>9}  documents, commitments"
    print(head)
    runs: dict[tuple[str, int], list[dict]] = {}
    for rep in range(args.repeat):
        for w in args.workers:
            for label, code in (trees if rep % 2 == 0 else trees[::-1]):  # alternate which code goes first
                r = run_once(args.folder, w, args.runner, api_url, code)
                runs.setdefault((label, w), []).append(r)
                base = statistics.median(x["seconds"] for x in runs.get((label, args.workers[0]), [r]))
                print(_row(label, w, r, len(files), mb, base), flush=True)
    rows = []
    if args.repeat > 1 or len(trees) > 1:
        print(f"medians of {args.repeat} run(s) each; speed-up against the same code's {args.workers[0]} worker(s)")
        print(head)
    for label, _code in trees:
        base = _median(runs[(label, args.workers[0])])["seconds"]
        for w in args.workers:
            m = _median(runs[(label, w)])
            if args.repeat > 1 or len(trees) > 1:
                print(_row(label, w, m, len(files), mb, base), flush=True)
            rows.append({**m, "code": label, "runner": args.runner, "speed_up": base / m["seconds"],
                         "server": "shared" if api_url else "each", "each_run": runs[(label, w)]})
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    ap.add_argument("--runner", choices=["processes", "threads", "dask"], default="processes",
                    help="worker processes (the default runner), threads in one process (GIL-bound) or a local Dask cluster")
    ap.add_argument("--server", choices=["each", "shared", "both"], default="each",
                    help="each run starts its own temporary server (default), or one is started before the timed runs")
    ap.add_argument("--bare", action="store_true",
                    help="also time the worker processes alone over the folder (the machine's own speed-up)")
    ap.add_argument("--repeat", type=int, default=1, help="runs of each configuration (medians printed)")
    ap.add_argument("--baseline", type=Path, help="a checkout of other code, run alternately with this tree's")
    ap.add_argument("--json", type=Path, help="write the figures here as JSON")
    args = ap.parse_args()
    from corpora.readers import expand_paths

    files = expand_paths([args.folder])
    mb = sum(f.stat().st_size for f in files) / 1e6
    print(f"machine: {describe()}")
    print(f"input: {args.folder} — {len(files)} files, {mb:.1f} MB; runner: {args.runner}")
    rows = []
    if args.bare:
        bare: dict[int, list[float]] = {}
        for _ in range(args.repeat):
            for w in args.workers:
                bare.setdefault(w, []).append(bare_once(args.folder, w))
        med = {w: statistics.median(v) for w, v in bare.items()}
        print("reference, same session: the worker processes alone (no Prefect, no store, warm-up left out), medians: "
              + ", ".join(f"{w} worker(s) {s:.1f} s ({med[args.workers[0]] / s:.2f}x)" for w, s in med.items()), flush=True)
        rows.append({"bare_seconds": med, "bare_runs": bare})
    if args.server in ("each", "both"):
        print("each run starts Prefect's temporary server (its start in an empty Prefect home is inside the time)")
        rows += series(args, files, mb, None)
    if args.server in ("shared", "both"):
        with shared_server() as (url, started):
            print(f"one temporary server for every run, started before the timed runs in {started:.1f} s "
                  "(empty Prefect home; outside the times below)", flush=True)
            rows += [{**r, "server_start_s": started} for r in series(args, files, mb, url)]
    print("each run: a new process, an empty Prefect home (no cached results), a fresh output folder")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"machine": describe(), "input": str(args.folder), "files": len(files), "mb": mb,
                                         "runs": rows}, indent=2))


if __name__ == "__main__":
    main()
