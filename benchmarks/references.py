"""Each speed figure beside its reference, measured in the same run over the same inputs (default
../shared/corpus/pool), in CPU seconds of this process (the machine may be shared; wall time is printed too):

- text: the product's extraction (normalize, split, extractors) on every decoded text vs a bare `jieba.cut`
  pass over the same texts with the same dictionary, and OpenCC's conversion;
- PDF: the product's PDF reader vs pdfplumber's `extract_text` and pypdfium2's bare `get_text_range` on
  the same pages.

    .venv/bin/python benchmarks/references.py [FOLDER] [--json out/bench/references.json] [--repeat 3] [--text-only | --pdf-only]
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.machine import describe  # noqa: E402

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "pool"


class Clock:
    """CPU and wall seconds of a block."""

    def __enter__(self):
        self.cpu, self.wall = time.process_time(), time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.cpu, self.wall = time.process_time() - self.cpu, time.perf_counter() - self.wall


def texts_of(files):
    from corpora.readers import read_path
    from corpora.records import ReadError

    out = []
    for f in files:
        if f.suffix.lower() == ".pdf":
            continue
        try:
            out.append(read_path(f))
        except ReadError:
            pass
    return out


def bench_text(files, repeat: int = 1) -> dict:
    import jieba
    import opencc

    from corpora.records import ReadError
    from extractors.document import documents
    from extractors.nlp import segmenter
    from pipeline.process import extractor

    ex = extractor()  # the reference data and (below) jieba's dictionary: start-up, measured by cold_start.py
    segmenter()
    sources = texts_of(files)
    mb = sum(len(st.text.encode("utf-8")) for st in sources) / 1e6
    failed = 0

    def extract_all() -> Clock:
        nonlocal failed
        failed = 0
        with Clock() as c:
            for st in sources:
                try:
                    for d in documents(st):
                        ex.extract_document(d)
                except ReadError:
                    pass  # not a document (a list page, a captcha): the product's answer, not a failure
                except Exception:  # noqa: BLE001 - the product reports such a file as read_error; counted here
                    failed += 1
        return c

    def cut_all() -> Clock:
        with Clock() as c:
            for st in sources:
                for _ in jieba.cut(st.text):
                    pass
        return c

    # the product's pass then the jieba pass, `repeat` times in turn: each pair sees the same machine, and the
    # figures are the medians (the first product pass is the one a new process makes)
    pairs = [(extract_all(), cut_all()) for _ in range(max(1, repeat))]
    product, bare = Clock(), Clock()
    for clock, k in ((product, 0), (bare, 1)):
        clock.cpu = statistics.median(p[k].cpu for p in pairs)
        clock.wall = statistics.median(p[k].wall for p in pairs)
    cc = opencc.OpenCC("t2s")
    with Clock() as conv:
        for st in sources:
            cc.convert(st.text)
    return {"texts": len(sources), "mb": mb, "texts_failed": failed,
            "product_mb_s": mb / product.cpu, "jieba_cut_mb_s": mb / bare.cpu, "opencc_mb_s": mb / conv.cpu,
            "product_vs_jieba": bare.cpu / product.cpu,
            "first_pass_mb_s": mb / pairs[0][0].cpu, "first_pass_vs_jieba": pairs[0][1].cpu / pairs[0][0].cpu,
            "pair_ratios": [round(b.cpu / p.cpu, 3) for p, b in pairs],
            "cpu_seconds": {"product": product.cpu, "jieba_cut": bare.cpu, "opencc": conv.cpu},
            "wall_seconds": {"product": product.wall, "jieba_cut": bare.wall, "opencc": conv.wall}}


def bench_pdf(files, repeat: int = 1) -> dict:
    """Pages per CPU second of the reader, pypdfium2's bare text pass and pdfplumber. The reader and the bare
    pass read each file in turn `repeat` times and the fastest of each counts (both see the same moments of a
    shared machine); pdfplumber, an order of magnitude slower, reads each file once."""
    import pdfplumber
    import pypdfium2 as pdfium

    from corpora.readers import pdf
    from corpora.records import RawDocument, ReadError

    raws = [RawDocument(str(f), f.read_bytes(), "application/pdf") for f in files if f.suffix.lower() == ".pdf"]

    def bare_pass(raw) -> int:
        try:
            doc = pdfium.PdfDocument(raw.data)
        except pdfium.PdfiumError:
            return 0
        for i in range(len(doc)):
            page = doc[i]
            tp = page.get_textpage()
            tp.get_text_range()
            tp.close()
            page.close()
        n = len(doc)
        doc.close()
        return n

    def product_pass(raw) -> None:
        try:
            pdf.read(raw)
        except ReadError:
            pass

    pages = 0
    bare, product = Clock(), Clock()
    bare.cpu = bare.wall = product.cpu = product.wall = 0.0
    for raw in raws:
        best = {"bare": (float("inf"), float("inf")), "product": (float("inf"), float("inf"))}
        for r in range(max(1, repeat)):
            for name, run in (("bare", bare_pass), ("product", product_pass)):
                with Clock() as c:
                    n = run(raw)
                if name == "bare" and r == 0:
                    pages += n
                best[name] = min(best[name], (c.cpu, c.wall))
        bare.cpu += best["bare"][0]
        bare.wall += best["bare"][1]
        product.cpu += best["product"][0]
        product.wall += best["product"][1]
    with Clock() as plumber:
        for raw in raws:
            try:
                with pdfplumber.open(raw.source) as p:
                    for page in p.pages:
                        page.extract_text()
            except Exception:  # noqa: BLE001 - the reference skips what it cannot open, as the product reports it
                pass
    return {"files": len(raws), "pages": pages, "repeat": max(1, repeat),
            "product_pages_s": pages / product.cpu, "pdfplumber_pages_s": pages / plumber.cpu,
            "pypdfium2_bare_pages_s": pages / bare.cpu,
            "product_vs_pdfplumber": plumber.cpu / product.cpu, "product_vs_pypdfium2_bare": bare.cpu / product.cpu,
            "cpu_seconds": {"product": product.cpu, "pdfplumber": plumber.cpu, "pypdfium2_bare": bare.cpu},
            "wall_seconds": {"product": product.wall, "pdfplumber": plumber.wall, "pypdfium2_bare": bare.wall}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--json", type=Path, help="write the figures here as JSON")
    ap.add_argument("--repeat", type=int, default=1,
                    help="text: this many product and jieba passes in turn (medians); PDF: each file read this many "
                         "times by the bare pass and the reader in turn (fastest of each)")
    ap.add_argument("--text-only", action="store_true", help="skip the PDF figures")
    ap.add_argument("--pdf-only", action="store_true", help="skip the text figures")
    args = ap.parse_args()
    from corpora.readers import expand_paths

    files = expand_paths([args.folder])
    print(f"machine: {describe()}")
    print(f"input: {args.folder} — {len(files)} files (CPU seconds of this process)")
    pdf = None
    if not args.text_only:
        pdf = bench_pdf(files, args.repeat)
        print(f"PDF   {pdf['pages']} pages of {pdf['files']} files: product {pdf['product_pages_s']:.0f} pages/s | "
              f"pdfplumber {pdf['pdfplumber_pages_s']:.0f} pages/s ({pdf['product_vs_pdfplumber']:.1f}x) | "
              f"pypdfium2 bare {pdf['pypdfium2_bare_pages_s']:.0f} pages/s ({pdf['product_vs_pypdfium2_bare']:.2f}x of it)"
              + (f"; fastest of {pdf['repeat']} per file, bare pass and reader in turn" if pdf["repeat"] > 1 else ""),
              flush=True)
    text = None if args.pdf_only else bench_text(files, args.repeat)
    if text is None:
        if args.json:
            args.json.parent.mkdir(parents=True, exist_ok=True)
            args.json.write_text(json.dumps({"machine": describe(), "input": str(args.folder), "pdf": pdf, "text": None},
                                            indent=2, ensure_ascii=False))
        return
    print(f"text  {text['mb']:.1f} MB of {text['texts']} texts: product {text['product_mb_s']:.2f} MB/s | "
          f"bare jieba.cut {text['jieba_cut_mb_s']:.2f} MB/s (product at {text['product_vs_jieba']:.2f}x of it) | "
          f"OpenCC t2s {text['opencc_mb_s']:.1f} MB/s")
    if args.repeat > 1:
        print(f"      medians of {args.repeat} product and jieba passes in turn; each pair's ratio: "
              f"{', '.join(f'{r:.2f}x' for r in text['pair_ratios'])}; the first pass alone {text['first_pass_mb_s']:.2f} MB/s")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"machine": describe(), "input": str(args.folder), "pdf": pdf, "text": text},
                                        indent=2, ensure_ascii=False))
        print(f"written: {args.json}")


if __name__ == "__main__":
    main()
