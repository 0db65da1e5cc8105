"""PDF through pdfplumber: page text in reading order, running headers/footers and page numbers
removed, wrapped lines joined (no hyphens in Chinese), scans answered with `no_text_layer`."""
from __future__ import annotations

import io
import re
from collections import Counter

import pdfplumber

from corpora.chars import CJK, NUMBERED_HEADING
from corpora.records import ErrorReason, RawDocument, ReadError, SourceText

_PAGE_NUMBER = re.compile(r"^[\s\-—–－·.]*(第\s*\d+\s*页(\s*[/／共]\s*\d+\s*页?)?|\d{1,4}|[-—–－]\s*\d{1,4}\s*[-—–－]|\d+\s*/\s*\d+)[\s\-—–－·.]*$")
_END_PUNCT = "。！？；：:;!?」』”）)"
_STARTS_BLOCK = re.compile(rf"^({NUMBERED_HEADING}|附件)")
_MIN_CHARS_PER_PAGE = 20


def _columns(page) -> list:
    """The page, or its left and right halves when it is set in two columns (gazettes): no character
    sits on a gutter down the middle, and both halves carry many lines of text."""
    chars = [c for c in page.chars if c["text"].strip()]
    if len(chars) < 200:
        return [page]
    x0, top, x1, bottom = page.bbox
    mid = (x0 + x1) / 2
    on_gutter = sum(1 for c in chars if c["x0"] < mid + 4 and c["x1"] > mid - 4)
    left = {round(c["top"]) for c in chars if c["x1"] <= mid}
    right = {round(c["top"]) for c in chars if c["x0"] >= mid}
    if on_gutter <= 0.002 * len(chars) and len(left) >= 5 and len(right) >= 5:
        return [page.crop((x0, top, mid, bottom)), page.crop((mid, top, x1, bottom))]
    return [page]


def _page_lines(page) -> list[tuple[str, bool, bool]]:
    """(line, reaches the right margin, starts at the left margin) in reading order, column by column."""
    return [ln for part in _columns(page) for ln in _part_lines(part)]


def _part_lines(page) -> list[tuple[str, bool, bool]]:
    lines = [ln for ln in page.extract_text_lines(x_tolerance=1.5, y_tolerance=3) if ln["text"].strip()]
    if not lines:
        return []
    right = sorted(ln["x1"] for ln in lines)[int(len(lines) * 0.9)]
    char_w = max(6.0, min(ln["chars"][0]["size"] if ln.get("chars") else 12.0 for ln in lines))
    left = sorted(ln["x0"] for ln in lines)[int(len(lines) * 0.1)]
    return [(ln["text"].strip(), ln["x1"] >= right - 1.5 * char_w, ln["x0"] <= left + 2.5 * char_w) for ln in lines]


def _running_lines(pages: list[list[tuple[str, bool, bool]]]) -> set[str]:
    """Lines printed at the top or bottom of most pages: running headers and footers."""
    if len(pages) < 3:
        return set()
    edge = Counter()
    for lines in pages:
        nonblank = [ln[0] for ln in lines]
        edge.update(set(nonblank[:2] + nonblank[-2:]))
    return {ln for ln, n in edge.items() if n >= max(3, len(pages) * 0.5) and not _PAGE_NUMBER.match(ln)}


def _join_lines(lines: list[tuple[str, bool, bool]]) -> list[str]:
    """Join lines that a page wrapped mid-sentence: the previous one reaches the right margin and
    this one starts at the left margin (centred headings and titles are never joined)."""
    out: list[str] = []
    prev_full = False
    for ln, full, at_left in lines:
        if out and prev_full and at_left and out[-1][-1] not in _END_PUNCT and not _STARTS_BLOCK.match(ln):
            out[-1] += ln
        else:
            out.append(ln)
        prev_full = full
    return out


def read(raw: RawDocument) -> SourceText:
    try:
        pdf = pdfplumber.open(io.BytesIO(raw.data))
    except Exception as e:  # pdfminer raises many types on damaged files
        raise ReadError(raw.source, ErrorReason.DECODE_ERROR, f"PDF could not be opened: {type(e).__name__}: {e}") from e
    try:
        with pdf:
            pages = [_page_lines(p) for p in pdf.pages]
    except Exception as e:
        raise ReadError(raw.source, ErrorReason.DECODE_ERROR, f"PDF page could not be read: {type(e).__name__}: {e}") from e
    total = sum(len(ln[0]) for lines in pages for ln in lines)
    if total < _MIN_CHARS_PER_PAGE * max(1, len(pages)) / 4:
        raise ReadError(raw.source, ErrorReason.NO_TEXT_LAYER, f"{len(pages)} pages, {total} characters of text: a scan without a text layer")
    chars = "".join(ln[0] for lines in pages for ln in lines)
    cjk = len(CJK.findall(chars))
    if cjk < 0.05 * len(chars.replace(" ", "")):
        raise ReadError(raw.source, ErrorReason.DECODE_ERROR,
                        f"unreadable font map: {cjk} Chinese characters in {len(chars)} characters of text layer")
    running = _running_lines(pages)
    kept: list[tuple[str, bool, bool]] = []
    removed = 0
    for lines in pages:
        for line in lines:
            if line[0] in running or _PAGE_NUMBER.match(line[0]):
                removed += 1
                continue
            kept.append(line)
    text = "\n".join(_join_lines(kept)) + "\n"
    flags = ["page_furniture_removed"] if removed else []
    cid = text.count("(cid:")
    if cid > 20:
        flags.append("broken_font_map")
    return SourceText(raw.source, text, raw.media_type, flags=flags)
