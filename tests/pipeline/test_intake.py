"""The head start: worker processes extracting a run's first files before the flow's first task, each file kept
in the raw folder once, the tasks taking the workers' results instead of extracting again, and the same tables."""
from __future__ import annotations

import hashlib
import shutil
import time
from pathlib import Path

import pandas as pd
import pytest

from corpora.readers import source_name
from corpora.records import ReadError
from pipeline import workers
from pipeline.intake import HeadStart, run_files
from pipeline.process import extract_file
from pipeline.workers import WorkerPool

CAP_MB = 900


def _early_done(pool: WorkerPool, n: int = 1, timeout: float = 180) -> list:
    """The head start's results once `n` of them are in, before any task asked for them."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with pool._lock:
            done = [f for f in pool._early.values() if f.done()]
        if len(done) >= n:
            return done
        time.sleep(0.05)
    raise AssertionError("the head start extracted nothing")


@pytest.fixture
def sends(monkeypatch) -> list:
    """Every job handed to a worker process (path, source), in order."""
    seen: list = []
    real = workers._Worker.send

    def send(self, job):
        seen.append(job)
        return real(self, job)
    monkeypatch.setattr(workers._Worker, "send", send)
    return seen


def test_a_worker_extracts_before_any_task_and_the_task_takes_its_result(tmp_path, samples, sends):
    files = run_files([samples])
    with WorkerPool(1, CAP_MB) as pool:
        head = HeadStart(pool, [samples], tmp_path / "out")
        head.start(lambda sha, suffix: False)
        first = _early_done(pool)[0]  # no flow, no task: the worker has read the run's first file already
        kept = head.claim()
        # the files looked at, in the run's order, each kept once in the store's raw folder as the flow keeps them
        assert list(kept) == files[:len(kept)] and kept
        for f, (raw, sha, size, streamed) in kept.items():
            assert raw.parent.parent == tmp_path / "out" / "raw" and raw.read_bytes() == f.read_bytes()
            assert sha == hashlib.sha256(f.read_bytes()).hexdigest() and size == f.stat().st_size and not streamed
        jobs = [(str(kept[f][0]), source_name(f)) for f in kept]
        assert sends[:len(jobs)] == jobs  # handed to the worker in order, as a task would
        _early_done(pool, len(jobs))  # what was sent before the claim is finished; nothing more is taken
        time.sleep(0.2)
        assert len(sends) == len(jobs)
        extra = files[len(jobs)] if len(jobs) < len(files) else files[0]
        got = pool.extract_all([*jobs, (str(extra), None)])
        assert sends[len(jobs):] == [(str(extra), None)]  # only the file the head start did not have is sent
        assert not pool._early and pool._idle.qsize() == 1
    assert got[0] is first.result()
    assert got == [*(extract_file(raw, name) for raw, name in jobs), extract_file(extra)]


def test_the_head_start_leaves_cached_streamed_and_unkeepable_files_to_the_flow(tmp_path, samples, monkeypatch, sends):
    import corpora.readers

    inputs = tmp_path / "in"
    inputs.mkdir()
    for f in sorted(samples.iterdir())[:5]:
        shutil.copy(f, inputs / f.name)
    files = run_files([inputs])
    sizes = [f.stat().st_size for f in files]
    monkeypatch.setattr(corpora.readers, "MAX_BYTES", sorted(sizes)[-1] - 1)  # the largest one is refused
    too_large = files[sizes.index(max(sizes))]
    cached_sha = hashlib.sha256(files[0].read_bytes()).hexdigest()
    with WorkerPool(1, CAP_MB) as pool:
        head = HeadStart(pool, [inputs], tmp_path / "out", per_worker=2)
        head.start(lambda sha, suffix: sha == cached_sha)
        _early_done(pool, 2)
        kept = head.claim()
    sent = [Path(name) for _raw, name in sends]
    assert files[0] in kept and files[0] not in sent  # cached: kept, not extracted again
    assert len(sent) == 2 and too_large not in sent  # at most two per worker
    looked_at = files[:len(kept)]
    assert list(kept) == looked_at and set(sent) <= set(looked_at)
    if too_large in kept:
        (error,) = kept[too_large]
        assert isinstance(error, ReadError) and error.reason.value == "too_large" and error.source == str(too_large)


def test_a_head_start_that_fails_leaves_its_files_to_the_tasks(samples, sends):
    """The head start stops midway (its source of files raises): the file it had handed to a worker is taken as
    extracted, the others are extracted by the task, each once, and the results are the process's own."""
    files = sorted(samples.iterdir())[:3]
    given = iter([(str(files[0]), None)])

    def pull():
        job = next(given, None)
        if job is None:
            raise OSError("the disk went away")
        return job
    with WorkerPool(1, CAP_MB) as pool:
        pool.begin(pull)
        got = pool.extract_all([(f, None) for f in files])
        assert not pool._early
    assert sorted(sends) == sorted((str(f), None) for f in files)
    assert got == [extract_file(f) for f in files]


def _tables(out: Path) -> dict:
    return {t: pd.read_parquet(out / "tables" / f"{t}.parquet")
            for t in ("documents", "commitments", "mentions", "errors", "citations", "follow_ups")}


def test_a_run_with_a_head_start_extracts_each_file_once_and_stores_the_same_tables(tmp_path, samples, sends):
    from prefect.settings import PREFECT_RESULTS_LOCAL_STORAGE_PATH, temporary_settings
    from prefect.testing.utilities import prefect_test_harness

    from pipeline.flows import cached_locally, process_flow, with_processes

    files = run_files([samples])
    out = tmp_path / "out"
    with prefect_test_harness(server_startup_timeout=120):
        with temporary_settings(updates={PREFECT_RESULTS_LOCAL_STORAGE_PATH: str(tmp_path / "results")}):
            pool = WorkerPool(2, CAP_MB)
            head = HeadStart(pool, [samples], out)
            head.start(cached_locally())
            _early_done(pool)  # a worker has extracted a file before the flow has started
            summary = with_processes(process_flow, 2, CAP_MB, pool)([str(samples)], str(out))
            assert not pool._early  # every result of the head start was taken by a task
            assert sorted(name for _raw, name in sends) == sorted(map(str, files))  # each file extracted once
        with temporary_settings(updates={PREFECT_RESULTS_LOCAL_STORAGE_PATH: str(tmp_path / "results-plain")}):
            plain = process_flow([str(samples)], str(tmp_path / "plain"))  # in this process, no workers, no cache
    assert {k: v for k, v in summary.items() if k not in ("store", "run")} == \
        {k: v for k, v in plain.items() if k not in ("store", "run")}
    mine, theirs = _tables(out), _tables(tmp_path / "plain")
    for name in mine:
        assert mine[name].equals(theirs[name]), name
