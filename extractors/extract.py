"""Assemble the extractors over one source text: documents → grounded `Extraction` records."""
from __future__ import annotations

import bisect
import hashlib
import re
from collections import Counter
from dataclasses import replace

from corpora.noise import find_noise, has_mojibake
from corpora.records import SourceText
from extractors import dates as dates_mod
from extractors.nlp import DocContext, build_nlp
from extractors.nlp import run as run_pipeline
from extractors.normalize import NormalizedText, normalize
from extractors.records import Extraction, Script
from extractors.structure import Segment, segment

_CJK = re.compile(r"[\u4e00-\u9fff]")
_TITLE_NOISE = re.compile(r"^[\s\-—–|_·•]+|[\s\-—–|_·•]+$")


def clean_title(title: str) -> str:
    """A page title without the site's name or a breadcrumb around it."""
    t = title.strip()
    if ">" in t:
        t = t.rsplit(">", 1)[-1]
    for sep in ("_", "｜", "|", " - ", "--"):
        head = t.split(sep)[0]
        if len(_CJK.findall(head)) >= 6:
            t = head
    t = _TITLE_LABEL.sub("", _TITLE_TAG.sub("", _TITLE_NOISE.sub("", t)))
    t = _TITLE_NOISE.sub("", _TITLE_TRAILING_DATE.sub("", _TITLE_LEADING_DATE.sub("", t)))
    return "" if _SITE_TITLE.search(t) or is_seo_title(t) else t


def is_seo_title(title: str) -> bool:
    """营商环境,证照分离,民营科技企业: a keyword list stuffed into the title tag, not a title."""
    pieces = [p for p in re.split(r"[,，、|｜;；\s]+", title) if p]
    return len(pieces) >= 3 and all(len(p) <= 8 for p in pieces) and not re.search(r"关于|的通知|印发", title)


# titles that name a site or a section rather than a document
_TITLE_TAG = re.compile(r"^[\[【［(（][^\]】］)）]{1,6}[\]】］)）]\s*")  # [已废止], 【贷款】
_TITLE_LABEL = re.compile(r"^[\u4e00-\u9fff]{2,6}[：:]\s*(?=\S{6,})")  # 文件链接：《…》解读
_TITLE_LEADING_DATE = re.compile(r"^\s*(?:19|20)\d{2}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*")
_TITLE_TRAILING_DATE = re.compile(r"\s*(?:19|20)\d{2}-\d{1,2}(?:-\d{0,2})?[\d:\s]*$")
_SITE_TITLE = re.compile(r"(信息公开|门户网站|人民政府网|政府网站|政务公开|首页|网站)$")


def _iso_from_meta(value: str | None) -> str | None:
    if not value:
        return None
    found = dates_mod.find_dates(normalize(value).text, None)
    full = [d for d in found if d.start_date and d.start_date == d.end_date]
    return full[0].start_date if full else None


# A document longer than this is extracted in windows of at most this many characters, each its own record
# flagged `split_long_document` (as a text file too large to hold is read in windows): spaCy refuses texts over
# `nlp.max_length` (1,000,000) and the time per document grows faster than its length.
MAX_DOCUMENT_CHARS = 200_000


class Piece(Segment):
    """A window of a document longer than MAX_DOCUMENT_CHARS."""


def split_long(segs: list[Segment], text: str, limit: int = MAX_DOCUMENT_CHARS) -> list[Segment]:
    """Segments of at most `limit` characters: a longer one is cut at the last blank line (else line break, else
    anywhere) in the second half of each window; the first piece keeps the title."""
    out = []
    for seg in segs:
        start, title = seg.start, seg.title
        if seg.end - start <= limit:
            out.append(seg)
            continue
        while seg.end - start > limit:
            half, stop = start + limit // 2, start + limit
            para, line = text.rfind("\n\n", half, stop), text.rfind("\n", half, stop)
            cut = para + 2 if para >= 0 else (line + 1 if line >= 0 else stop)
            out.append(Piece(start, cut, title))
            start, title = cut, None
        out.append(Piece(start, seg.end, title))
    return out


def prepare(st: SourceText):
    """Normalize a source text, blank its noise (same length, same offset map), split it into documents."""
    norm = normalize(st.text)
    body_start = len(normalize(st.text[:st.body_start]).text) if st.body_start else 0
    noise = find_noise(norm.text, body_start)
    norm = replace(norm, text=noise.mask(norm.text))
    return norm, noise, split_long(segment(norm.text, body_start), norm.text)


class Extractor:
    """All extractors over one source; stateless apart from loaded reference data."""

    def __init__(self):
        build_nlp()  # load the segmenter, user dictionary and reference data once

    def extract(self, st: SourceText) -> list[Extraction]:
        norm, noise, segs = prepare(st)
        script = norm.script()  # of the whole file: one pass over its characters, not one per document
        meta_spans = {k: _norm_span(norm, v) for k, v in st.metadata_spans.items()}
        out = []
        for idx, seg in enumerate(segs):
            x = self._extract_one(st, norm, seg, idx, meta_spans if idx == 0 else {}, script)
            counts = Counter(kind for a, _, kind in noise.spans if seg.start <= a < seg.end)
            x.noise = dict(sorted(counts.items()))
            x.metadata = dict(st.metadata) if idx == 0 else {}
            if counts.keys() - {"duplicate_body"}:
                x.flags.append("boilerplate_removed")
            if counts.get("duplicate_body"):
                x.flags.append("duplicate_body_removed")
            if isinstance(seg, Piece):
                x.flags.append("split_long_document")
            out.append(x)
        return out

    def _extract_one(self, st: SourceText, norm: NormalizedText, seg: Segment, idx: int,
                     meta_spans: dict[str, tuple[int, int]], script: Script) -> Extraction:
        """Run the spaCy pipeline over one document, then move its spans to the source text."""
        meta = st.metadata if idx == 0 else {}
        raw_title = normalize(meta.get("标题", "")).text
        meta_title = clean_title(raw_title)
        body_title = clean_title(seg.title.text) if seg.title else ""
        title = meta_title if idx == 0 and len(_CJK.findall(meta_title)) >= 6 else (body_title or None)
        seg_text = norm.text[seg.start:seg.end]
        ctx = DocContext(
            title=title,
            title_span=(seg.title.start - seg.start, seg.title.end - seg.start) if seg.title else None,
            metadata=meta,
            metadata_spans={k: (a - seg.start, b - seg.start) for k, (a, b) in meta_spans.items()},
            meta_written=_iso_from_meta(meta.get("成文日期")),
            meta_published=_iso_from_meta(meta.get("发布日期")),
            meta_issuer=normalize(meta["发文机关"]).text if meta.get("发文机关") else None)
        doc = run_pipeline(seg_text, ctx)
        src = st.text

        def ground(items, keep_text=True):
            out = []
            for it in items:
                s, e = norm.to_source(it.start + seg.start, it.end + seg.start)
                out.append(replace(it, start=s, end=e, text=src[s:e]) if keep_text
                           else replace(it, start=s, end=e, sentence=src[s:e].strip()))
            return out

        flags = list(st.flags)
        if script != Script.SIMPLIFIED:
            flags.append("traditional_script" if script == Script.TRADITIONAL else "mixed_script")
        if has_mojibake(seg_text):
            flags.append("mojibake")
        if idx == 0 and is_seo_title(raw_title):
            flags.append("seo_title")
        s0, e0 = norm.to_source(seg.start, seg.end)
        return Extraction(
            source=st.source, doc_index=idx, doc_id=hashlib.sha256(seg_text.encode("utf-8")).hexdigest(),
            title=title, doc_type=doc._.doc_type.value, script=script.value, publish_date=doc._.publish_date,
            effective_date=doc._.effective_date, region=doc._.region, doc_numbers=ground(doc._.doc_numbers),
            agencies=ground(doc._.agencies), dates=ground(doc._.dates),
            commitments=ground(doc._.commitments, keep_text=False), flags=flags, start=s0, end=e0)


def _norm_span(norm: NormalizedText, span: tuple[int, int]) -> tuple[int, int]:
    """Source span → normalized span (the inverse of `to_source`, by search in the offset map)."""
    return bisect.bisect_left(norm.index, span[0]), bisect.bisect_left(norm.index, span[1])
