"""Worker processes: the same records as extraction in the process, and a file that exceeds a worker's
memory cap becomes an error row while the run goes on (a real `policy run` through the console script)."""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.process import extract_file
from pipeline.workers import WorkerPool
from tests.corpora.test_pdf import _bomb

# a worker maps about 350 MB warm; PDFium needs well over a gigabyte for 60 MB of drawing operators
CAP_MB = 900


@pytest.fixture(scope="module")
def drawing_bomb(tmp_path_factory) -> Path:
    """A 60 KB PDF whose one content stream (under the inflation limits) holds four million path objects."""
    p = tmp_path_factory.mktemp("hostile") / "drawing.pdf"
    p.write_bytes(_bomb([60 * 1024 * 1024]))
    return p


def test_workers_give_the_records_of_the_process_and_survive_a_file_over_the_cap(samples, drawing_bomb):
    files = sorted(samples.iterdir())[:3]
    with WorkerPool(2, CAP_MB) as pool:
        futures = [pool.submit(f) for f in files]
        results = [f.result() for f in futures]
        bad = pool.extract(drawing_bomb)
        after = pool.extract(files[0])
        assert pool.replaced == 1
    for f, got in zip(files, results):
        assert got == extract_file(f)
    (err,) = bad.records
    assert err.source == str(drawing_bomb) and err.reason.value in {"too_large", "read_error"}
    assert f"memory limit {CAP_MB} MB" in err.detail or f"memory limit of {CAP_MB} MB" in err.detail
    assert after == results[0]


def test_a_worker_grown_past_the_recycling_mark_retires_after_its_file(samples, monkeypatch):
    monkeypatch.setenv("POLICY_WORKER_RECYCLE_MB", "1")  # every worker has grown past 1 MB: each file retires one
    files = sorted(samples.iterdir())[:2]
    with WorkerPool(1, CAP_MB) as pool:
        results = [pool.extract(f) for f in files]
        assert pool.replaced == 2
    assert results == [extract_file(f) for f in files]


def test_policy_run_keeps_going_past_a_file_over_the_cap(tmp_path, samples, drawing_bomb):
    inputs = tmp_path / "in"
    shutil.copytree(samples, inputs)
    shutil.copy(drawing_bomb, inputs / "a_drawing.pdf")  # first in the folder's order
    out = tmp_path / "out"
    exe = Path(sys.executable).parent / "policy"
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect")}
    res = subprocess.run([str(exe), "run", str(inputs), "--out", str(out), "--workers", "2",
                          "--worker-memory-mb", str(CAP_MB)], env=env, capture_output=True, text=True, timeout=900)
    assert res.returncode == 0, res.stderr[-3000:]
    with sqlite3.connect(out / "policy.sqlite") as c:
        docs = {r[0] for r in c.execute("SELECT source FROM documents")}
        errors = c.execute("SELECT source, error, detail FROM errors").fetchall()
    assert {Path(s).name for s in docs} == {p.name for p in samples.iterdir()}
    assert [(Path(s).name, e) for s, e, _ in errors] in ([("a_drawing.pdf", "read_error")], [("a_drawing.pdf", "too_large")])
    assert str(CAP_MB) in errors[0][2]
    assert "a_drawing.pdf" in (out / "tables" / "errors.csv").read_text(encoding="utf-8-sig")


@pytest.mark.parametrize(("cores", "available_mb", "expected"), [
    (2, 22_000, 2),     # plenty of memory: one per core
    (16, 64_000, 4),    # never more than 4
    (8, 1_400, 2),      # 800 MB beside the run's reserve: room for two
    (8, 900, 1),        # room for none: still one
    (4, 300, 1),
])
def test_fewer_workers_by_default_when_memory_is_short(cores, available_mb, expected):
    from pipeline.workers import default_count

    assert default_count(cores, available_mb) == expected


def test_a_warm_worker_is_light_and_retires_when_it_has_grown(samples):
    """A warm worker holds its pipeline well under the retire threshold, so it is not replaced after every file."""
    import psutil

    from pipeline import workers

    with WorkerPool(1, memory_mb=0) as pool:
        pool.extract(next(iter(sorted(samples.iterdir()))))
        (w,) = pool._all
        rss_mb = psutil.Process(w.proc.pid).memory_info().rss / 2**20
        assert rss_mb < workers.RECYCLE_MB and pool.replaced == 0, rss_mb


def test_a_worker_extracts_without_importing_prefect(samples):
    """A worker's work (the imports of `_serve`, the warm pipeline, one file) loads no Prefect module: a worker
    stays light, and only the run process talks to Prefect."""
    import subprocess
    import sys

    sample = next(iter(sorted(samples.iterdir())))
    code = (
        "import sys\n"
        "from pipeline.runlog import worker_logs\n"
        "from extractors.nlp import segmenter\n"
        "from pipeline.process import extract_file, extractor\n"
        "import pipeline.workers\n"
        "worker_logs(); extractor(); segmenter()\n"
        f"result = extract_file({str(sample)!r}, None)\n"
        "assert result.records, 'no records'\n"
        "print(sorted(m for m in sys.modules if m == 'prefect' or m.startswith('prefect.')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=str(Path(__file__).resolve().parents[2]))
    assert out.stdout.strip().splitlines()[-1] == "[]", out.stdout[-2000:]


@pytest.mark.parametrize("user_value,expected", [(None, "2"), ("4", "4")])
def test_a_run_limits_heap_arenas_for_itself_and_its_workers_unless_the_user_chose(user_value, expected):
    env = {k: v for k, v in os.environ.items() if k != "MALLOC_ARENA_MAX"}
    if user_value:
        env["MALLOC_ARENA_MAX"] = user_value
    code = ("import os, subprocess, sys; from pipeline.workers import limit_arenas; limit_arenas(); "
            "print(subprocess.run([sys.executable, '-c', 'import os; print(os.environ[\"MALLOC_ARENA_MAX\"])'], "
            "capture_output=True, text=True).stdout.strip())")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == expected


def test_a_worker_reads_the_next_file_while_the_caller_keeps_a_result(samples):
    """`extract_all` hands a worker the next file before the caller takes in a result: while `done` still holds the
    first result, the answer to the second file arrives. Results come in order and equal the process's own."""
    files = sorted(samples.iterdir())[:3]
    seen = []
    with WorkerPool(1, CAP_MB) as pool:
        (w,) = pool._all

        def done(i, result):
            if i == 0:  # nothing more is sent from here: the worker must already hold file 2 and answer it
                assert w.conn.poll(120), "the worker was not given the next file"
            seen.append(i)

        got = pool.extract_all([(f, None) for f in files], done)
        assert pool.replaced == 0 and pool._idle.qsize() == 1  # handed back for the next chunk
    assert seen == [0, 1, 2]
    assert got == [extract_file(f) for f in files]


@pytest.mark.parametrize("recycle_mb", ["1", None])
def test_files_sent_ahead_to_a_worker_that_ends_go_to_its_successor(samples, drawing_bomb, monkeypatch, recycle_mb):
    """A worker that retires after a file (grown past the recycling mark: here every file) or that dies on a file
    over its cap leaves the file waiting in its pipe unread: its successor gets it, and only the file that
    broke the worker is an error row."""
    if recycle_mb:
        monkeypatch.setenv("POLICY_WORKER_RECYCLE_MB", recycle_mb)
    files = sorted(samples.iterdir())[:2]
    jobs = [(files[0], None), (drawing_bomb, None), (files[1], None)] if not recycle_mb else [(f, None) for f in files]
    with WorkerPool(1, CAP_MB) as pool:
        got = pool.extract_all(jobs)
        replaced = pool.replaced
    assert replaced == (2 if recycle_mb else 1)
    want = [extract_file(f) for f in files]
    if recycle_mb:
        assert got == want
    else:
        assert [got[0], got[2]] == want
        (err,) = got[1].records
        assert err.source == str(drawing_bomb) and err.reason.value in {"too_large", "read_error"}


def test_closing_the_pool_ends_every_worker_cleanly(samples):
    """Closing tells every worker first and then waits: each ends on its own with exit code 0 (none is killed)."""
    with WorkerPool(2, CAP_MB) as pool:
        pool.extract_all([(f, None) for f in sorted(samples.iterdir())[:2]])
        procs = [w.proc for w in pool._all]
        pool.close()
    assert [p.exitcode for p in procs] == [0, 0]
