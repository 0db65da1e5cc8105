"""Throughput of each stage over a folder of real inputs (default ../shared/corpus/pool): read (decode,
HTML main text, PDF layout), normalize (script, width, noise, document split), extract (the
pipeline of extractors, after normalization), store (SQLite with texts and search index). Prints files/s,
documents/s and MB/s of input for each, and the process's peak memory.

    make bench          # this, end_to_end.py and cold_start.py
    .venv/bin/python benchmarks/stages.py [FOLDER ...] [--limit N]
"""
from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.machine import describe  # noqa: E402

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "pool"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", type=Path, default=[DEFAULT])
    ap.add_argument("--limit", type=int, default=0, help="only the first N files")
    args = ap.parse_args()

    from corpora.readers import expand_paths, iter_source
    from corpora.records import ReadError
    from extractors.document import documents
    from outputs.store import Store
    from pipeline.process import extractor

    files = expand_paths(args.paths)
    if args.limit:
        files = files[: args.limit]
    extractor()  # loading the segmenter and reference data is cold start, measured apart
    t = {"read": 0.0, "normalize": 0.0, "extract": 0.0, "store": 0.0}
    in_bytes = {"read": 0, "normalize": 0, "extract": 0, "store": 0}
    n_files = {k: 0 for k in t}
    docs = errors = 0
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.sqlite") as store:
        for f in files:
            size = f.stat().st_size
            t0 = time.perf_counter()
            try:
                pieces = list(iter_source(f))
            except ReadError as e:
                t["read"] += time.perf_counter() - t0
                in_bytes["read"] += size
                n_files["read"] += 1
                store.put_file(str(f), [e])
                errors += 1
                continue
            t["read"] += time.perf_counter() - t0
            in_bytes["read"] += size
            n_files["read"] += 1
            records, text = [], pieces[0][1].text if len(pieces) == 1 else None
            for offset, st in pieces:
                t0 = time.perf_counter()
                found = documents(st)
                t1 = time.perf_counter()
                out = [extractor().extract_document(d) for d in found]
                t2 = time.perf_counter()
                t["normalize"] += t1 - t0
                t["extract"] += t2 - t1
                records += out
            for k in ("normalize", "extract"):
                in_bytes[k] += size
                n_files[k] += 1
            t0 = time.perf_counter()
            store.put_file(str(f), records, text)
            t["store"] += time.perf_counter() - t0
            in_bytes["store"] += size
            n_files["store"] += 1
            docs += len(records)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    total_mb = sum(f.stat().st_size for f in files) / 1e6
    print(f"machine: {describe()}")
    print(f"input: {len(files)} files, {total_mb:.1f} MB, {docs} documents, {errors} files without a document")
    print(f"{'stage':<11}{'seconds':>9}{'files/s':>9}{'docs/s':>9}{'MB/s':>8}")
    for k, secs in t.items():
        print(f"{k:<11}{secs:>9.1f}{n_files[k] / secs:>9.1f}{docs / secs:>9.1f}{in_bytes[k] / 1e6 / secs:>8.2f}")
    total = sum(t.values())
    print(f"{'all stages':<11}{total:>9.1f}{len(files) / total:>9.1f}{docs / total:>9.1f}{total_mb / total:>8.2f}")
    print(f"peak memory (max RSS of this process): {peak:.0f} MB")
    print("docs/s divides all documents by each stage's time; MB/s is input bytes (HTML, PDF, text files) per second")


if __name__ == "__main__":
    main()
