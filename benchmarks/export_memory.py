"""Memory of the UI's exports: the peak resident memory of a real `policy serve` process while it answers one CSV
and one Excel export of about 200,000 commitments, beside two references measured in the same run — the same
export of an empty selection (what answering any export costs) and the size of the store on disk — and the
server's resident memory before the first export.

    .venv/bin/python benchmarks/export_memory.py [--commitments 200000] [--json out/bench/export_memory.json]

The store is generated: the sample files' commitments copied under new document ids until there are
`--commitments` of them (each evidence sentence made distinct), so the figure does not depend on ../shared.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.machine import describe  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "corpora" / "samples"
EVERYTHING = "all=1"  # every commitment, not only the comparable ones the default view shows
NOTHING = "all=1&q=" + "没有这样的句子"  # a selection of no row: the cost of answering an export at all


def sample_store(path: Path) -> Path:
    """A store of the sample files, written as `policy run` writes it (records and source texts)."""
    from pipeline.process import store_files

    return store_files(sorted(SAMPLES.iterdir()), path)


def grow_store(path: Path, commitments: int) -> int:
    """Copy the store's commitments under new document ids (`<doc_id>-<n>`, each sentence ending in its copy's
    number) until it holds at least `commitments` rows; returns the count."""
    from outputs import tables

    with sqlite3.connect(path) as c:
        have = c.execute("SELECT COUNT(*) FROM commitments").fetchone()[0]
        if have == 0:
            raise ValueError(f"{path}: no commitments to copy")
        copies = -(-commitments // have) - 1
        columns = tables.COMMITMENT_COLUMNS
        picked = {"doc_id": "c.doc_id || '-' || n.k", "sentence": "c.sentence || '（' || n.k || '）'"}
        select = ", ".join(picked.get(col, f'c."{col}"') for col in columns)
        c.execute(f"""WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < ?)
                      INSERT INTO commitments ({", ".join(f'"{col}"' for col in columns)})
                      SELECT {select} FROM commitments c, n""", (copies,))
        return c.execute("SELECT COUNT(*) FROM commitments").fetchone()[0]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def served(db: Path, log: Path):
    """`policy serve` on `db` on a free loopback port: yields (base URL, server process id)."""
    import httpx

    port = free_port()
    exe = Path(sys.executable).parent / "policy"
    proc = subprocess.Popen([str(exe), "serve", "--db", str(db), "--port", str(port)], stdout=open(log, "wb"),
                            stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(f"{base}/commitments", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or proc.poll() is not None:
                raise RuntimeError("policy serve did not answer: " + log.read_text(errors="replace")[-2000:])
            time.sleep(0.3)
        yield base, proc.pid
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)


def rss_mb(pid: int, field: str = "VmRSS") -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(rf"{field}:\s*(\d+)", status).group(1)) / 1024


class Peak:
    """The highest resident memory of a process over a block: the kernel's high-water mark reset at the start
    (/proc/PID/clear_refs), and the resident size sampled every 10 ms where that reset is not allowed."""

    def __init__(self, pid: int):
        self.pid = pid

    def __enter__(self):
        try:
            Path(f"/proc/{self.pid}/clear_refs").write_text("5")
            self.hwm = True
        except OSError:
            self.hwm = False
        self.start = rss_mb(self.pid)
        self.sampled = self.start
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def _sample(self):
        while not self._stop.wait(0.01):
            with contextlib.suppress(OSError, AttributeError):
                self.sampled = max(self.sampled, rss_mb(self.pid))

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.peak = max(self.sampled, rss_mb(self.pid, "VmHWM") if self.hwm else 0.0)


def export(base: str, path: str, query: str) -> tuple[int, int, float]:
    """(HTTP status, body bytes, seconds) of one export, its body read as it streams and not kept."""
    import httpx

    t0 = time.perf_counter()
    size = 0
    with httpx.stream("GET", f"{base}{path}?{query}", timeout=600) as r:
        for chunk in r.iter_bytes():
            size += len(chunk)
    return r.status_code, size, time.perf_counter() - t0


def measure(base: str, pid: int, path: str, query: str) -> dict:
    with Peak(pid) as p:
        status, size, seconds = export(base, path, query)
    if status != 200:
        raise RuntimeError(f"{path}?{query}: HTTP {status}")
    return {"start_mb": round(p.start, 1), "peak_mb": round(p.peak, 1), "delta_mb": round(p.peak - p.start, 1),
            "body_mb": round(size / 2**20, 1), "seconds": round(seconds, 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--commitments", type=int, default=200_000)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="export-memory-") as tmp:
        db = sample_store(Path(tmp) / "policy.sqlite")
        rows = grow_store(db, args.commitments)
        store_mb = db.stat().st_size / 2**20
        with served(db, Path(tmp) / "serve.log") as (base, pid):
            idle = rss_mb(pid)
            figures = {}
            for path in ("/commitments.csv", "/commitments.xlsx"):
                measure(base, pid, path, NOTHING)  # first use: templates, query plans, openpyxl imported
                figures[path] = {"empty": measure(base, pid, path, NOTHING), "full": measure(base, pid, path, EVERYTHING)}
    print(describe())
    print(f"store: {rows:,} commitments, {store_mb:.0f} MB on disk; server idle: {idle:.0f} MB resident")
    print(f"{'export':<20}{'rows':>10}{'peak MB':>10}{'+MB':>8}{'empty +MB':>11}{'body MB':>9}{'s':>7}")
    for path, f in figures.items():
        full, empty = f["full"], f["empty"]
        print(f"{path:<20}{min(rows, 200_000):>10,}{full['peak_mb']:>10.0f}{full['delta_mb']:>8.0f}"
              f"{empty['delta_mb']:>11.0f}{full['body_mb']:>9.0f}{full['seconds']:>7.1f}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"commitments": rows, "store_mb": round(store_mb, 1), "idle_mb": round(idle, 1),
                                         "exports": figures}, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
