"""The Prefect `process` flow on the sample corpus: tables written, summary printed, reruns idempotent."""
from __future__ import annotations

import shutil

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
