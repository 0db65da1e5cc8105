#!/usr/bin/env python3
"""A held-out gold set made from the pool's web pages: short web-text dumps cut as a reader would meet them.

    python tools/heldout_set.py draw --seed 2611 --n 18 --out audits/heldout/sources.json
    python tools/heldout_set.py build audits/heldout/sources.json OUT_DIR
    python tools/heldout_set.py draw --seed 2711 --n 18 --prefix k --exclude audits/heldout/sources.json --out …

`draw` picks pages of ../shared/corpus/pool/webpages at random (seeded) and records, for each, where its
excerpt starts; `build` writes the excerpts: the page's text as a browser dump gives it (scripts and styles
dropped, a line break after every block element, blank lines collapsed), from a few lines of navigation
above its first long line, cut at 2,000 bytes; every sixth one converted to traditional script. Annotators
who had not seen the program's output wrote the gold for these excerpts (audits/heldout/gold); the quality
gate scores the records of the built excerpts with ../shared/tools/score.py. The excerpts are derived from
the shared pool at test time, never copied into the project; `build` checks each against its recorded
SHA-256.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from pathlib import Path

import lxml.html

ROOT = Path(__file__).resolve().parents[1]
POOL = ROOT.parent / "shared" / "corpus" / "pool" / "webpages"
CUT_BYTES = 2000
_BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "section", "article",
          "header", "footer", "dd", "dt", "td", "th", "title", "form", "nav"}
_HAN = re.compile(r"[\u4e00-\u9fff]")


def dump(path: Path) -> str:
    """A page's text as a browser's text dump gives it: block elements on lines of their own."""
    doc = lxml.html.document_fromstring(path.read_bytes())
    for bad in doc.xpath("//script|//style|//noscript|//head"):
        bad.drop_tree()
    parts: list[str] = []

    def walk(el) -> None:
        if not isinstance(el.tag, str):
            if el.tail:
                parts.append(el.tail)
            return
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
        if el.tag in _BLOCK:
            parts.append("\n")
        if el.tail:
            parts.append(el.tail)

    walk(doc)
    lines = [re.sub(r"[ \t]+", " ", ln).strip() for ln in "".join(parts).replace("\xa0", " ").split("\n")]
    out: list[str] = []
    for ln in lines:
        if ln or (out and out[-1]):
            out.append(ln)
    return "\n".join(out).strip()


def excerpt(path: Path, start_line: int, traditional: bool) -> str:
    body = "\n".join(dump(path).split("\n")[start_line:])
    text = body.encode("utf-8")[:CUT_BYTES].decode("utf-8", errors="ignore")
    if traditional:
        import opencc
        text = opencc.OpenCC("s2t").convert(text)
    return text + "\n"


def draw(seed: int, n: int, prefix: str = "h", exclude: tuple[Path, ...] = ()) -> list[dict]:
    rng = random.Random(seed)
    used = {s["page"] for x in exclude for s in json.loads(x.read_text(encoding="utf-8"))}
    pages = [p for p in sorted(POOL.glob("*.html")) if p.name not in used]
    rng.shuffle(pages)
    picked: list[dict] = []
    for p in pages:
        text = dump(p)
        if len(_HAN.findall(text)) < 600 or not re.search(r"\d", text):
            continue
        lines = text.split("\n")
        first_long = next((i for i, ln in enumerate(lines) if len(_HAN.findall(ln)) >= 30), 0)
        start = max(0, first_long - rng.randint(2, 12))
        cut = "\n".join(lines[start:]).encode("utf-8")[:CUT_BYTES].decode("utf-8", errors="ignore")
        if len(_HAN.findall(cut)) < 300:
            continue
        i = len(picked) + 1
        picked.append({"file": f"{prefix}_{i:02d}.txt", "page": p.name, "start_line": start, "traditional": i % 6 == 0})
        if len(picked) == n:
            break
    for s in picked:
        s["sha256"] = hashlib.sha256(excerpt(POOL / s["page"], s["start_line"], s["traditional"]).encode()).hexdigest()
    return picked


def build(sources: Path, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for s in json.loads(sources.read_text(encoding="utf-8")):
        page = POOL / s["page"]
        if not page.is_file():
            raise FileNotFoundError(f"{page}: the pool page of {s['file']} is missing")
        text = excerpt(page, s["start_line"], s["traditional"])
        if hashlib.sha256(text.encode()).hexdigest() != s["sha256"]:
            raise ValueError(f"{s['file']}: the excerpt of {s['page']} differs from the one annotated (sha256)")
        (out / s["file"]).write_text(text, encoding="utf-8")
        written.append(out / s["file"])
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("draw")
    d.add_argument("--seed", type=int, default=2611)
    d.add_argument("--n", type=int, default=18)
    d.add_argument("--out", type=Path, required=True)
    d.add_argument("--prefix", default="h", help="file names PREFIX_NN.txt")
    d.add_argument("--exclude", type=Path, action="append", default=[],
                   help="a sources file of an earlier set whose pages are not drawn again (repeatable)")
    b = sub.add_parser("build")
    b.add_argument("sources", type=Path)
    b.add_argument("out", type=Path)
    a = ap.parse_args(argv)
    if a.cmd == "draw":
        a.out.write_text(json.dumps(draw(a.seed, a.n, a.prefix, tuple(a.exclude)), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    else:
        for p in build(a.sources, a.out):
            print(p)
    return 0


if __name__ == "__main__":
    sys.exit(main())
