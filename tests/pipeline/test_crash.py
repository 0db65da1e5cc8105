"""A run killed midway and run again ends with the same tables as one clean run."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd


def make_inputs(folder: Path, samples: Path, copies: int) -> None:
    folder.mkdir()
    texts = [p for p in sorted(samples.iterdir()) if p.suffix == ".txt"]
    for i in range(copies):
        for p in texts:
            body = p.read_text(encoding="utf-8")
            (folder / f"{i:03d}_{p.name}").write_text(body + f"\n（第{i + 1}份）\n", encoding="utf-8")


def run(inputs: Path, out: Path, env: dict) -> subprocess.Popen:
    exe = Path(sys.executable).parent / "policy"
    return subprocess.Popen([str(exe), "run", str(inputs), "--out", str(out), "--workers", "1"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)


def stored(db: Path) -> int:
    try:
        with sqlite3.connect(db) as c:
            return c.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0


def tables(db: Path) -> dict[str, pd.DataFrame]:
    with sqlite3.connect(db) as c:
        return {t: pd.read_sql_query(f"SELECT * FROM {t}", c).sort_values(cols).reset_index(drop=True)
                for t, cols in (("documents", ["doc_id"]), ("commitments", ["doc_id", "idx"]),
                                ("mentions", ["doc_id", "kind", "start", "end"]))}


def test_killed_run_then_rerun_equals_a_clean_run(tmp_path, samples):
    inputs = tmp_path / "in"
    make_inputs(inputs, samples, copies=30)
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect"), "DO_NOT_TRACK": "1",
           "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    out = tmp_path / "killed"
    proc = run(inputs, out, env)
    deadline = time.monotonic() + 240
    while stored(out / "policy.sqlite") < 10 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
    assert proc.poll() is None, "the run finished before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = stored(out / "policy.sqlite")
    assert run(inputs, out, env).wait(timeout=600) == 0
    clean = tmp_path / "clean"
    assert run(inputs, clean, env).wait(timeout=600) == 0
    a, b = tables(out / "policy.sqlite"), tables(clean / "policy.sqlite")
    assert 10 <= partial < len(b["documents"])  # it really was killed midway
    for name in a:
        assert a[name].equals(b[name]), name
