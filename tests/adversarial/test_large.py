"""A 200 MB text file is processed in bounded memory: read and extracted in windows, offsets into the
whole file, the batch and the store unharmed."""
from __future__ import annotations

import base64
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from corpora.readers.text import iter_windows
from pipeline.process import extract_records

# Runs `policy ARGS...` in this process, then writes the process's peak resident memory (kB) to ARGV[1].
REPORT_PEAK = """
import re, sys
from pathlib import Path
from pipeline.cli import app
report, sys.argv = sys.argv[1], ["policy", *sys.argv[2:]]
try:
    app()
finally:
    status = Path("/proc/self/status").read_text()
    Path(report).write_text(re.search(r"VmHWM:\\s*(\\d+)", status).group(1))
"""

SAMPLE_NAMES = ["shandong_village_doctor_notice.txt", "compilation_three_documents.txt"]


def write_big_file(path: Path, samples: Path, megabytes: int, every: int = 50) -> int:
    """Server-log lines (no Chinese) with a sample notice after every `every` blocks; returns how many
    notices went in, in the order of SAMPLE_NAMES."""
    rnd = random.Random(7)
    notices = [(samples / n).read_text(encoding="utf-8") for n in SAMPLE_NAMES]
    target, written, i, inserted = megabytes * 1024 * 1024, 0, 0, []
    with open(path, "w", encoding="utf-8") as f:
        while written < target:
            block = "".join(f"2026-11-23T03:{i % 60:02d}:00 GET /api/items?id={i}-{k} 200 "
                            f"{base64.b64encode(rnd.randbytes(30)).decode()}\n" for k in range(2000))
            if i % every == 0:
                which = (i // every) % len(notices)
                block += "\n\n" + notices[which] + "\n\n"
                inserted.append(which)
            f.write(block)
            written += len(block.encode("utf-8"))
            i += 1
    return inserted


def grounded(path: Path, spans: list[tuple[int, int, str]]) -> int:
    """How many (start, end, text) spans match the file's text, decoding it window by window."""
    ok = 0
    for offset, st in iter_windows(path, str(path)):
        for s, e, t in spans:
            if offset <= s and e <= offset + len(st.text) and st.text[s - offset:e - offset] == t:
                ok += 1
    return ok


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    from tests.conftest import SAMPLES

    path = tmp_path_factory.mktemp("big") / "dump.txt"
    inserted = write_big_file(path, SAMPLES, 200)
    return path, inserted


def test_a_200mb_text_file_is_extracted_in_bounded_memory(big, samples):
    path, inserted = big
    assert path.stat().st_size >= 200 * 1024 * 1024
    out = path.with_suffix(".jsonl")
    err = path.with_suffix(".stderr")
    hwm = path.with_suffix(".hwm")
    with open(out, "wb") as f, open(err, "wb") as e:
        # The child reports its own VmHWM: ru_maxrss of a child would carry the pytest process's peak over
        # (Linux keeps the high-water mark of the memory image a vfork/exec replaces).
        proc = subprocess.run([sys.executable, "-c", REPORT_PEAK, str(hwm), "extract", str(path)],
                              stdout=f, stderr=e, timeout=1200)
    assert proc.returncode == 0, err.read_text(encoding="utf-8", errors="replace")[-2000:]
    peak_mb = int(hwm.read_text()) / 1024
    assert 50 < peak_mb < 700, f"peak memory {peak_mb:.0f} MB"  # the file alone is 200 MB; decoded whole it would be more

    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert all(not r.get("error") for r in records)
    per_sample = [len(extract_records(samples / n)) for n in SAMPLE_NAMES]
    assert len(records) == sum(per_sample[w] for w in inserted)
    assert [r["doc_index"] for r in records] == list(range(len(records)))
    # offsets point into the whole file, far beyond the first window
    spans = [(x["start"], x["end"], x["text"]) for r in records for x in r["doc_numbers"]]
    assert max(s for s, _, _ in spans) > 100_000_000
    assert grounded(path, spans) == len(spans)


def test_a_large_file_of_no_chinese_is_not_a_document(tmp_path, monkeypatch):
    import corpora.readers as readers

    monkeypatch.setattr(readers, "STREAM_BYTES", 10_000)
    p = tmp_path / "log.txt"
    p.write_text("GET /index.html 200\n" * 5000, encoding="utf-8")
    (rec,) = extract_records(p)
    assert rec["error"] == "not_a_document" and str(p) in rec["source"]


def test_the_flow_streams_a_large_file_into_the_store_beside_others(tmp_path, samples, monkeypatch):
    """With the window threshold lowered, a run stores the large file's documents and every other file."""
    import shutil
    import sqlite3

    import corpora.readers as readers
    import pipeline.process as process
    from pipeline.flows import process_flow

    monkeypatch.setattr(readers, "STREAM_BYTES", 100_000)
    inputs = tmp_path / "in"
    shutil.copytree(samples, inputs)
    inserted = write_big_file(inputs / "dump.txt", samples, 3, every=3)
    process_flow([str(inputs)], str(tmp_path / "out"))
    with sqlite3.connect(tmp_path / "out" / "policy.sqlite") as c:
        by_source = dict(c.execute("SELECT source, COUNT(*) FROM documents GROUP BY source").fetchall())
        # a sample's document the dump repeats stays with the sample's file; the dump has a copies row for it
        copied = {d for (d,) in c.execute("SELECT doc_id FROM copies WHERE source LIKE '%dump.txt'")}
        stored = {d for (d,) in c.execute("SELECT doc_id FROM documents WHERE source LIKE '%dump.txt'")}
    dump = [n for s, n in by_source.items() if s.endswith("dump.txt")]
    expected = {r.doc_id for r in process.iter_records(inputs / "dump.txt")}
    assert len(inserted) > 1 and stored | copied == expected and not stored & copied and dump == [len(stored)]
    assert len(by_source) == len(list(samples.iterdir())) + 1  # every sample file and the dump
