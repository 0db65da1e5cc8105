"""The Prefect `process` flow on the sample corpus: tables written, summary printed, reruns idempotent."""
from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from prefect.testing.utilities import prefect_test_harness

from pipeline.flows import process_flow


@pytest.fixture(scope="module", autouse=True)
def prefect_backend():
    with prefect_test_harness(server_startup_timeout=120):
        yield


# the sample corpus: ten files, the compilation holding three documents
SAMPLE_DOCUMENTS = 12


def tables(out):
    return {t: pd.read_parquet(out / "tables" / f"{t}.parquet") for t in ("documents", "commitments", "mentions", "errors")}


def test_process_twice_gives_the_same_tables(tmp_path, samples):
    out = tmp_path / "out"
    first = process_flow([str(samples)], str(out))
    t1 = tables(out)
    second = process_flow([str(samples)], str(out))
    t2 = tables(out)
    assert first == second
    for name in t1:
        assert t1[name].equals(t2[name]), name
    assert first["documents"] == SAMPLE_DOCUMENTS and not first["errors"]
    assert {r["region"] for r in first["by_region"]} >= {"山东省", "济南市", "青岛市", "淄博市"}
    for name in ("documents", "commitments", "mentions"):
        assert (out / "tables" / f"{name}.csv").exists()


def test_bad_file_is_an_error_row_and_others_are_kept(tmp_path, samples):
    inputs = tmp_path / "in"
    shutil.copytree(samples, inputs)
    out = tmp_path / "out"
    process_flow([str(inputs)], str(out))
    (inputs / "scan.pdf").write_bytes(b"%PDF-1.4 broken")
    summary = process_flow([str(inputs)], str(out))
    assert summary["documents"] == SAMPLE_DOCUMENTS
    assert [(e["source"].endswith("scan.pdf"), e["error"]) for e in summary["errors"]] == [(True, "decode_error")]


def test_extraction_is_cached_by_content_and_extractor_version(tmp_path, samples, monkeypatch):
    from prefect.settings import PREFECT_RESULTS_LOCAL_STORAGE_PATH, temporary_settings

    import pipeline.flows as flows

    with temporary_settings(updates={PREFECT_RESULTS_LOCAL_STORAGE_PATH: str(tmp_path / "results")}):
        _cached_runs(tmp_path, samples, monkeypatch, flows)


def _cached_runs(tmp_path, samples, monkeypatch, flows):
    calls = []
    real = flows.extract_file
    monkeypatch.setattr(flows, "extract_file", lambda path, source=None: calls.append(path) or real(path, source))
    inputs = tmp_path / "in"
    shutil.copytree(samples, inputs)
    files = len(list(inputs.iterdir()))
    process_flow([str(inputs)], str(tmp_path / "out"))
    assert len(calls) == files
    process_flow([str(inputs)], str(tmp_path / "out"))
    assert len(calls) == files  # every file came from the cache
    (inputs / "weifang_news_report.txt").write_text("潍坊市卫生健康委员会关于调整工作安排的通知\n内容已更新。", encoding="utf-8")
    process_flow([str(inputs)], str(tmp_path / "out"))
    assert len(calls) == files + 1  # only the changed file
    monkeypatch.setattr(flows, "extractor_version", lambda: "a-new-version")
    process_flow([str(inputs)], str(tmp_path / "out"))
    assert len(calls) == 2 * files + 1  # a new extractor version re-extracts everything


def test_dask_runner_gives_the_same_tables(tmp_path, samples):
    from pipeline.flows import with_dask, with_workers

    with_workers(process_flow, 2)([str(samples)], str(tmp_path / "threads"))
    with_dask(process_flow, n_workers=2)([str(samples)], str(tmp_path / "dask"))
    a, b = tables(tmp_path / "threads"), tables(tmp_path / "dask")
    for name in a:
        assert a[name].equals(b[name]), name


def test_rows_carry_the_extractor_version_and_a_new_version_re_extracts(tmp_path, samples, monkeypatch):
    """Every document row says which version made it; under a new version a rerun re-extracts every file,
    an error answer (an unsupported format) included."""
    import sqlite3

    from prefect.settings import PREFECT_RESULTS_LOCAL_STORAGE_PATH, temporary_settings

    import pipeline.flows as flows
    import pipeline.process as process

    inputs = tmp_path / "in"
    shutil.copytree(samples, inputs)
    (inputs / "archive.rar").write_bytes(b"Rar!\x1a\x07\x00")
    out = tmp_path / "out"
    db = out / "policy.sqlite"

    def versions(table):
        with sqlite3.connect(db) as c:
            return {v for (v,) in c.execute(f"SELECT extractor_version FROM {table}")}

    calls = []
    real = flows.extract_file
    monkeypatch.setattr(flows, "extract_file", lambda path, source=None: calls.append(path) or real(path, source))
    with temporary_settings(updates={PREFECT_RESULTS_LOCAL_STORAGE_PATH: str(tmp_path / "results")}):
        process_flow([str(inputs)], str(out))
        assert versions("documents") == versions("extractions") == {process.extractor_version()}
        n = len(calls)
        for mod in (flows, process):
            monkeypatch.setattr(mod, "extractor_version", lambda: "a-newer-version")
        summary = process_flow([str(inputs)], str(out))
    assert len(calls) == 2 * n == 2 * len(list(inputs.iterdir()))  # every file, the archive too, twice
    assert versions("documents") == versions("extractions") == {"a-newer-version"}
    assert [e["error"] for e in summary["errors"]] == ["unsupported_format"]


def test_a_cached_result_is_stored_under_this_runs_path_with_its_origin_url(tmp_path, samples, monkeypatch):
    """The result cache holds only what the bytes give: the same page copied to a new folder and run into a new
    store is stored under the new path (documents, commitments, texts, errors), read at this run's time, with
    the URL of the `.metadata.json` beside it."""
    import json
    import sqlite3

    from prefect.settings import PREFECT_RESULTS_LOCAL_STORAGE_PATH, temporary_settings

    import pipeline.flows as flows

    calls = []
    real = flows.extract_file
    monkeypatch.setattr(flows, "extract_file", lambda path, source=None: calls.append(path) or real(path, source))
    url = "https://www.example.gov.cn/art/2024/3/18/art_1_1.html"
    first, second = tmp_path / "first", tmp_path / "second"
    for folder in (first, second):
        folder.mkdir()
        shutil.copy(samples / "qingdao_elderly_care_notice.html", folder / "notice.html")
        (folder / "scan.pdf").write_bytes(b"%PDF-1.4 broken")
    (second / "notice.html.metadata.json").write_text(json.dumps({"requested_url": url, "final_url": url}), encoding="utf-8")
    with temporary_settings(updates={PREFECT_RESULTS_LOCAL_STORAGE_PATH: str(tmp_path / "results")}):
        process_flow([str(first)], str(tmp_path / "out1"))
        assert len(calls) == 2
        process_flow([str(second)], str(tmp_path / "out2"))
    assert len(calls) == 2  # both results came from the cache
    with sqlite3.connect(tmp_path / "out1" / "policy.sqlite") as c1, sqlite3.connect(tmp_path / "out2" / "policy.sqlite") as c2:
        (t1,) = c1.execute("SELECT fetched_at FROM provenance WHERE source LIKE '%notice.html'").fetchone()
        for table in ("documents", "commitments", "texts", "errors", "provenance"):
            sources = {s for (s,) in c2.execute(f"SELECT DISTINCT source FROM {table}")}
            assert sources and all(s.startswith(str(second)) for s in sources), (table, sources)
        assert "first" not in c2.execute("SELECT detail FROM errors").fetchone()[0]
        url_row = c2.execute("SELECT url, fetched_at, origin FROM provenance WHERE source = ?", (str(second / "notice.html"),))
        got_url, t2, origin = url_row.fetchone()
        assert (got_url, origin) == (url, "file") and t2 >= t1
        assert c1.execute("SELECT url FROM provenance WHERE source LIKE '%notice.html'").fetchone()[0] is None


def _provenance(db) -> list[str]:
    import sqlite3

    with sqlite3.connect(db) as c:
        return [s for (s,) in c.execute("SELECT source FROM provenance ORDER BY source")]


@pytest.mark.parametrize("names", [
    ("in", "{abs}"),                      # a folder named relatively one day and absolutely the next
    ("{abs}", "./in/../in"),              # and with a detour
    ("in", "link-to-in"),                 # and through a link to it
])
def test_one_folder_named_two_ways_is_one_set_of_sources(tmp_path, samples, monkeypatch, names):
    """Two runs into one store, the folder named differently each time: one provenance row per file, every one under
    the folder's resolved absolute path, and the documents not doubled."""
    inputs = tmp_path / "in"
    shutil.copytree(samples, inputs)
    (tmp_path / "link-to-in").symlink_to(inputs, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out"
    first = process_flow([names[0].format(abs=inputs)], str(out))
    second = process_flow([names[1].format(abs=inputs)], str(out))
    files = sorted(str(inputs.resolve() / f.name) for f in inputs.iterdir())
    assert _provenance(out / "policy.sqlite") == files
    assert first["documents"] == second["documents"] == SAMPLE_DOCUMENTS
    assert first["run"]["files"] == second["run"]["files"] == len(files)


def test_one_run_given_a_folder_twice_reads_each_file_once(tmp_path, samples, monkeypatch):
    """One run given the same folder relatively and absolutely (and one of its files again): each file is read,
    counted and stored once."""
    inputs = tmp_path / "in"
    shutil.copytree(samples, inputs)
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out"
    summary = process_flow(["in", str(inputs), "in/zibo_county_health_plan.pdf"], str(out))
    files = sorted(str(inputs.resolve() / f.name) for f in inputs.iterdir())
    assert _provenance(out / "policy.sqlite") == files
    assert summary["run"]["files"] == len(files)
    assert summary["documents"] == summary["run"]["documents"] == SAMPLE_DOCUMENTS


# --- a file rewritten during a run: what is stored and cached is what was hashed -------------------------------

A_FILE, B_FILE = "shandong_village_doctor_notice.txt", "weifang_news_report.txt"


def _stored(db, source: str) -> tuple[str, list[str], str]:
    """(provenance sha256, the stored documents' titles, the stored text) of one source."""
    import sqlite3

    with sqlite3.connect(db) as c:
        (sha,) = c.execute("SELECT raw_sha256 FROM provenance WHERE source = ?", (source,)).fetchone()
        titles = [t for (t,) in c.execute("SELECT title FROM documents WHERE source = ? ORDER BY doc_index", (source,))]
        text = c.execute("SELECT text FROM texts WHERE source = ?", (source,)).fetchone()
    return sha, titles, text[0] if text else None


def _expected(data: bytes, tmp_path) -> tuple[str, list[str]]:
    """(sha256, titles) that a file of exactly these bytes gives."""
    import hashlib

    from pipeline.process import extract_file

    probe = tmp_path / "probe" / "notice.txt"
    probe.parent.mkdir(exist_ok=True)
    probe.write_bytes(data)
    return hashlib.sha256(data).hexdigest(), [r.title for r in extract_file(probe).records]


@pytest.mark.parametrize("streamed", [False, True], ids=["whole", "streamed"])
def test_a_file_rewritten_after_it_was_hashed_is_stored_and_cached_as_hashed(tmp_path, samples, monkeypatch, streamed):
    """The file is rewritten (B) just after the run read and hashed it (A): the stored records, text and provenance
    are A's, the result cached under A's hash is A's (a fresh store fed A takes it from the cache), and the next
    run, which finds B, extracts B. `streamed`: the same with the file read in windows (a large text file)."""
    from prefect.settings import PREFECT_RESULTS_LOCAL_STORAGE_PATH, temporary_settings

    import corpora.readers
    import pipeline.flows as flows
    from outputs.store import Store

    a, b = (samples / A_FILE).read_bytes(), (samples / B_FILE).read_bytes()
    if streamed:  # read in windows above this size; the samples are a few KB
        monkeypatch.setattr(corpora.readers, "STREAM_BYTES", 1000)
    inputs = tmp_path / "in"
    inputs.mkdir()
    target = inputs / "notice.txt"
    target.write_bytes(a)
    source = str(target.resolve())
    sha_a, titles_a = _expected(a, tmp_path)
    sha_b, titles_b = _expected(b, tmp_path)
    assert titles_a != titles_b and titles_a and titles_b

    rewritten = []
    for method in ("put_raw", "put_raw_file"):
        real = getattr(Store, method)

        def hashed_then_rewritten(self, *args, _real=real, **kw):
            got = _real(self, *args, **kw)  # the bytes are hashed and kept: now the file changes under the run
            if not rewritten:
                target.write_bytes(b)
                rewritten.append(True)
            return got
        monkeypatch.setattr(Store, method, hashed_then_rewritten)
    calls = []
    real_extract = flows.extract_file
    monkeypatch.setattr(flows, "extract_file", lambda path, source=None: calls.append(path) or real_extract(path, source))
    out = tmp_path / "out"
    with temporary_settings(updates={PREFECT_RESULTS_LOCAL_STORAGE_PATH: str(tmp_path / "results")}):
        process_flow([str(inputs)], str(out))
        assert rewritten and target.read_bytes() == b
        sha, titles, text = _stored(out / "policy.sqlite", source)
        assert (sha, titles) == (sha_a, titles_a)
        assert text is None if streamed else text.strip() and text.strip() in a.decode("utf-8")
        assert hashlib_of(Store(out / "policy.sqlite").raw_bytes(sha)) == sha_a

        process_flow([str(inputs)], str(out))  # the file now holds B: extracted anew, stored as B
        assert _stored(out / "policy.sqlite", source)[:2] == (sha_b, titles_b)

        if not streamed:  # a large text file is never cached; a whole file is, under the hash of what was read
            n = len(calls)
            target.write_bytes(a)
            process_flow([str(inputs)], str(tmp_path / "fresh"))
            assert len(calls) == n  # A's result came from the cache...
            assert _stored(tmp_path / "fresh" / "policy.sqlite", source)[:2] == (sha_a, titles_a)  # ...and is A's


def hashlib_of(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def test_a_file_rewritten_in_place_again_and_again_during_a_run_is_stored_as_the_bytes_kept(tmp_path, samples):
    """Another thread rewrites six files in place (truncate, write) over and over while the run reads them, so a
    read can meet A, B, or a truncated mix: whatever the run kept, the raw copy has the hash in provenance, and the
    stored titles and text are what extracting exactly those kept bytes gives."""
    import threading

    from outputs.store import Store
    from pipeline.process import extract_file

    a, b = (samples / A_FILE).read_bytes(), (samples / B_FILE).read_bytes()
    inputs = tmp_path / "in"
    inputs.mkdir()
    targets = [inputs / f"notice{i}.txt" for i in range(6)]
    # each file its own pair of versions: a document's id is its text's hash, so equal texts would be one document
    versions = {t: (a + f"\n（第{i}份）\n".encode(), b + f"\n（第{i}份）\n".encode()) for i, t in enumerate(targets)}
    for t in targets:
        t.write_bytes(versions[t][0])
    stop = threading.Event()
    rewrites = [0]

    def rewrite():
        while not stop.is_set():
            for t in targets:
                with open(t, "wb") as f:
                    f.write(versions[t][rewrites[0] % 2])
            rewrites[0] += 1

    thread = threading.Thread(target=rewrite, daemon=True)
    thread.start()
    try:
        process_flow([str(inputs)], str(tmp_path / "out"))
    finally:
        stop.set()
        thread.join()
    assert rewrites[0] > 10
    db = tmp_path / "out" / "policy.sqlite"
    with Store(db) as store:
        for t in targets:
            sha, titles, text = _stored(db, str(t.resolve()))
            kept = store.raw_path(sha)
            assert kept is not None and hashlib_of(kept.read_bytes()) == sha
            result = extract_file(kept, str(t.resolve()))
            assert titles == [r.title for r in result.records if hasattr(r, "title")]
            assert text == (result.text if titles else None)


@pytest.mark.parametrize("streamed", [False, True], ids=["whole", "streamed"])
def test_a_file_swapped_for_a_fifo_after_its_check_is_an_error_row_not_a_hang(tmp_path, samples, monkeypatch, streamed):
    """Between the check that a file is regular and its reading, it is replaced by a named pipe with no writer:
    the run does not block on it; the file gets an error row saying what it is, the other files are stored."""
    import os
    import threading

    import corpora.readers
    import pipeline.flows as flows

    if streamed:
        monkeypatch.setattr(corpora.readers, "STREAM_BYTES", 1000)
    inputs = tmp_path / "in"
    shutil.copytree(samples, inputs)
    victim = (inputs / A_FILE).resolve()
    real = corpora.readers.check_regular
    swapped = []

    def checked_then_swapped(path, *args, **kw):
        got = real(path, *args, **kw)
        if Path(path).resolve() == victim and victim.is_file():
            victim.unlink()
            os.mkfifo(victim)
            swapped.append(True)
        return got
    for module in (corpora.readers, flows):  # wherever the run checks the file before opening it
        monkeypatch.setattr(module, "check_regular", checked_then_swapped, raising=False)
    done = {}
    run = threading.Thread(target=lambda: done.update(process_flow([str(inputs)], str(tmp_path / "out"))), daemon=True)
    run.start()
    run.join(240)
    if run.is_alive():  # blocked opening the pipe: open it for writing so that the reader gets end-of-file
        fd = os.open(victim, os.O_WRONLY | os.O_NONBLOCK)
        os.close(fd)
        run.join(60)
        pytest.fail("the run blocked on a FIFO swapped in after the check")
    assert swapped
    errors = {e["source"]: e for e in done["errors"]}
    assert "named pipe" in errors[str(victim)]["detail"]
    assert done["documents"] == SAMPLE_DOCUMENTS - 1


# --- files go to the workers in chunks, one task per chunk ------------------------------------------------------

@pytest.mark.parametrize(("left", "n_workers", "expected"), [
    (530, 2, 32),    # a large folder: the largest chunks first
    (100, 2, 17),    # a share of what is left: 100 / (2 workers * 3)
    (20, 2, 4),      # the last ones small, so the workers finish together...
    (5, 1, 4),       # ...but a few files each at least
    (1, 4, 4),
    (10_000, 64, 32),
])
def test_a_chunk_is_a_share_of_the_files_left(left, n_workers, expected):
    from pipeline.flows import chunk_size

    assert chunk_size(left, n_workers) == expected


def _task_runs(prefix: str = "extract ") -> dict[str, str]:
    """Task runs recorded by the server whose name begins with `prefix` (of the first 200: this module makes
    fewer): {id: name}."""
    import asyncio

    from prefect.client.orchestration import get_client

    async def runs():
        async with get_client() as client:
            return {str(t.id): t.name for t in await client.read_task_runs(limit=200)}
    # on a thread of its own: an event loop an earlier test left running in this thread would refuse asyncio.run
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as ex:
        found = ex.submit(asyncio.run, runs()).result()
    return {i: n for i, n in found.items() if n.startswith(prefix)}


def test_a_run_makes_one_task_per_chunk_and_stores_every_file(tmp_path, samples):
    """Ten files are extracted by a few chunk tasks, each file in exactly one; every file is stored and counted."""
    import re
    import time

    from prefect.settings import PREFECT_RESULTS_LOCAL_STORAGE_PATH, temporary_settings

    before = set(_task_runs())
    with temporary_settings(updates={PREFECT_RESULTS_LOCAL_STORAGE_PATH: str(tmp_path / "results")}):
        summary = process_flow([str(samples)], str(tmp_path / "out"))
    files = len(list(samples.iterdir()))
    for _ in range(60):  # the server records task runs from their events, a moment after the flow ends
        runs = [n for i, n in _task_runs().items() if i not in before]
        sizes = [int(re.match(r"extract (\d+) files from ", n).group(1)) for n in runs]
        if sum(sizes) >= files:
            break
        time.sleep(0.5)
    assert 1 < len(runs) < files and sum(sizes) == files, runs
    assert summary["run"] == {**summary["run"], "files": files, "failed": 0, "documents": SAMPLE_DOCUMENTS}
    assert len(_provenance(tmp_path / "out" / "policy.sqlite")) == files


def _documents_by_source(db) -> list[tuple[str, int]]:
    import sqlite3

    with sqlite3.connect(db) as c:
        return c.execute("SELECT source, COUNT(*) FROM documents GROUP BY source ORDER BY source").fetchall()


def test_a_chunk_that_fails_is_retried_without_re_extracting_or_doubling_rows(tmp_path, samples, monkeypatch):
    """The task of a chunk fails once midway (after extracting a file of it): the retry takes that file from the
    cache, extracts the rest, and the store holds each file's rows once, as a clean run stores them."""
    from prefect.settings import PREFECT_RESULTS_LOCAL_STORAGE_PATH, temporary_settings

    import pipeline.flows as flows

    inputs = tmp_path / "in"
    shutil.copytree(samples, inputs)
    victim = str((inputs / A_FILE).resolve())
    calls, failed = [], []
    real = flows.extract_file

    def once_failing(path, source=None):
        if source == victim and not failed:
            failed.append(source)
            raise OSError("the worker pool went away")  # not the file: the task itself fails
        calls.append(source)
        return real(path, source)
    monkeypatch.setattr(flows, "extract_file", once_failing)
    with temporary_settings(updates={PREFECT_RESULTS_LOCAL_STORAGE_PATH: str(tmp_path / "results")}):
        summary = process_flow([str(inputs)], str(tmp_path / "out"))
    assert failed == [victim]
    assert sorted(calls) == sorted(str(p.resolve()) for p in inputs.iterdir())  # every file extracted once
    assert not summary["errors"] and summary["documents"] == SAMPLE_DOCUMENTS
    monkeypatch.setattr(flows, "extract_file", real)
    clean = process_flow([str(inputs)], str(tmp_path / "clean"))
    assert _documents_by_source(tmp_path / "out" / "policy.sqlite") == _documents_by_source(tmp_path / "clean" / "policy.sqlite")
    assert {k: v for k, v in summary.items() if k not in ("store", "run")} == \
        {k: v for k, v in clean.items() if k not in ("store", "run")}


def test_a_file_that_fails_every_attempt_is_its_own_error_row_and_keeps_the_others_data(tmp_path, samples, monkeypatch):
    """One file's extraction raises at every attempt: its chunk's task fails after its retries; that file gets an
    error row naming it and the reason, the other files of its chunk and of the run are stored (data stored by an
    earlier run kept), and the run's counts say one file failed."""
    from prefect.settings import PREFECT_RESULTS_LOCAL_STORAGE_PATH, temporary_settings

    import pipeline.flows as flows

    inputs = tmp_path / "in"
    shutil.copytree(samples, inputs)
    out = tmp_path / "out"
    first = process_flow([str(inputs)], str(out))
    before = dict(_documents_by_source(out / "policy.sqlite"))
    victim = str((inputs / A_FILE).resolve())
    (inputs / "notice-new.txt").write_text("潍坊市卫生健康委员会关于调整工作安排的通知\n内容已更新。", encoding="utf-8")
    real = flows.extract_file

    def failing(path, source=None):
        if source == victim:
            raise RuntimeError("segmenter state corrupted")
        return real(path, source)
    monkeypatch.setattr(flows, "extract_file", failing)
    with temporary_settings(updates={PREFECT_RESULTS_LOCAL_STORAGE_PATH: str(tmp_path / "results")}):
        summary = process_flow([str(inputs)], str(out))
    (error,) = summary["errors"]
    assert error["source"] == victim and error["error"] == "read_error"
    assert "segmenter state corrupted" in error["detail"]
    after = dict(_documents_by_source(out / "policy.sqlite"))
    assert victim not in after and {s: n for s, n in before.items() if s != victim} == \
        {s: n for s, n in after.items() if s in before}
    assert str((inputs / "notice-new.txt").resolve()) in after
    files = len(list(inputs.iterdir()))
    assert summary["run"]["files"] == files and summary["run"]["failed"] == 1
    assert summary["run"]["documents"] == summary["documents"] == first["documents"] - before[victim] + 1


def test_the_cache_key_of_a_file_is_that_of_the_hash_its_caller_has(tmp_path):
    """A kept copy named by its hash is keyed by that hash without reading it again; the key is the one hashing
    the file gives."""
    import hashlib

    from pipeline.flows import _content_key, cache_key

    f = tmp_path / "page.html"
    f.write_bytes("<html><body>某市关于做好供暖工作的通知</body></html>".encode())
    sha = hashlib.sha256(f.read_bytes()).hexdigest()
    assert _content_key(None, {"path": str(f), "sha256": sha}) == _content_key(None, {"path": str(f)}) == cache_key(sha, ".html")
    gone = tmp_path / "gone.html"  # not read: the caller's hash is the key
    assert _content_key(None, {"path": str(gone), "sha256": sha}) == cache_key(sha, ".html")
    assert _content_key(None, {"path": str(gone)}).startswith("extract-unreadable-")


def test_the_next_chunk_waits_for_the_worker_before_the_chunk_ahead_of_it_is_done(tmp_path, samples, monkeypatch):
    """With one worker process, the task of the next chunk has started (its task run begun) and is waiting for the
    worker while the worker still extracts the chunk before: no worker idles between two chunks while Prefect ends
    one task and starts the next. Every file is still extracted once and stored."""
    import threading

    from prefect.settings import PREFECT_RESULTS_LOCAL_STORAGE_PATH, temporary_settings

    from pipeline import workers
    from pipeline.flows import with_processes

    events: list[tuple[str, int]] = []
    lock = threading.Lock()
    real = workers.WorkerPool.extract_all

    def extract_all(self, jobs, done=None):
        with lock:
            chunk = sum(1 for e in events if e[0] == "asks")
            events.append(("asks", chunk))
        try:
            return real(self, jobs, done)
        finally:
            with lock:
                events.append(("done", chunk))
    monkeypatch.setattr(workers.WorkerPool, "extract_all", extract_all)
    with temporary_settings(updates={PREFECT_RESULTS_LOCAL_STORAGE_PATH: str(tmp_path / "results")}):
        summary = with_processes(process_flow, 1, 900)([str(samples)], str(tmp_path / "out"))
    assert summary["run"]["files"] == len(list(samples.iterdir())) and summary["run"]["failed"] == 0
    assert sum(1 for e in events if e[0] == "asks") >= 2, events
    assert events.index(("asks", 1)) < events.index(("done", 0)), events
