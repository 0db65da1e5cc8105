"""Assemble the extractors over one source text: documents → grounded `Extraction` records."""
from __future__ import annotations

import bisect
import hashlib
import re
from collections import Counter
from dataclasses import replace

from corpora.noise import find_noise, has_mojibake, listing_page
from corpora.records import ErrorReason, ReadError, SourceText
from extractors import dates as dates_mod
from extractors.metadata import Field, read_head
from extractors.nlp import DocContext, build_nlp
from extractors.nlp import run as run_pipeline
from extractors.normalize import NormalizedText, normalize
from extractors.records import Extraction, Script
from extractors.structure import Segment, names_site_or_column, segment

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
    return "" if _SITE_TITLE.search(t) or is_seo_title(t) or names_site_or_column(t) else t


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


_META_DATE = re.compile(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")


def _iso_from_meta(value: str | None) -> str | None:
    if not value:
        return None
    found = dates_mod.find_dates(normalize(value).text, None)
    full = [d for d in found if d.start_date and d.start_date == d.end_date]
    if full:
        return full[0].start_date
    m = _META_DATE.match(normalize(value).text.strip())  # a metadata value is a date alone: 2016.11.26
    if m:
        y, mo, d = map(int, m.groups())
        if 1 <= mo <= 12 and 1 <= d <= 31:
            return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


# metadata keys that describe the page rather than the document (view counters, font switches)
_PAGE_KEYS = {"浏览"}


def document_metadata(norm_text: str, seg: Segment, reader: dict[str, str], reader_spans: dict[str, tuple[int, int]],
                      body_start: int) -> tuple[dict[str, str], dict[str, tuple[int, int]]]:
    """The metadata of one document: what its head prints in any layout, with the reader's table (HTML
    metadata, first document only) winning over it. Spans are offsets into the normalized text."""
    start = max(seg.start, body_start)
    found: dict[str, Field] = read_head(norm_text, start, max(seg.head_end, start)) if seg.head_end > start else {}
    meta = {k: f.value for k, f in found.items() if k not in _PAGE_KEYS}
    spans = {k: (f.start, f.end) for k, f in found.items() if k not in _PAGE_KEYS}
    meta.update(reader)
    spans.update(reader_spans)
    return meta, spans


def prepare(st: SourceText):
    """Normalize a source text, blank its noise (same length, same offset map), split it into documents."""
    norm = normalize(st.text)
    body_start = len(normalize(st.text[:st.body_start]).text) if st.body_start else 0
    noise = find_noise(norm.text, body_start)
    norm = replace(norm, text=noise.mask(norm.text))
    items = listing_page(norm.text, body_start)
    if items:
        raise ReadError(st.source, ErrorReason.NOT_A_DOCUMENT, f"a list of {items} dated headlines, not a document")
    page_title = clean_title(normalize(st.metadata.get("标题", "")).text)
    return norm, noise, segment(norm.text, body_start, page_title=page_title if len(_CJK.findall(page_title)) >= 6 else None)


class Extractor:
    """All extractors over one source; stateless apart from loaded reference data."""

    def __init__(self):
        build_nlp()  # load the segmenter, user dictionary and reference data once

    def extract(self, st: SourceText) -> list[Extraction]:
        norm, noise, segs = prepare(st)
        script = norm.script()  # of the whole file: one pass over its characters, not one per document
        reader_spans = {k: _norm_span(norm, v) for k, v in st.metadata_spans.items()}
        body_start = len(normalize(st.text[:st.body_start]).text) if st.body_start else 0
        out = []
        for idx, seg in enumerate(segs):
            meta, meta_spans = document_metadata(norm.text, seg, st.metadata if idx == 0 else {},
                                                 reader_spans if idx == 0 else {}, body_start)
            x = self._extract_one(st, norm, seg, idx, meta, meta_spans, script)
            counts = Counter(kind for a, _, kind in noise.spans if seg.start <= a < seg.end)
            x.noise = dict(sorted(counts.items()))
            x.metadata = meta
            if counts.keys() - {"duplicate_body"}:
                x.flags.append("boilerplate_removed")
            if counts.get("duplicate_body"):
                x.flags.append("duplicate_body_removed")
            out.append(x)
        return out

    def _extract_one(self, st: SourceText, norm: NormalizedText, seg: Segment, idx: int, meta: dict[str, str],
                     meta_spans: dict[str, tuple[int, int]], script: Script) -> Extraction:
        """Run the spaCy pipeline over one document, then move its spans to the source text."""
        raw_title = normalize(st.metadata.get("标题", "") if idx == 0 else "").text
        meta_title = clean_title(raw_title)
        body_title = clean_title(seg.title.text) if seg.title else ""
        title = meta_title if idx == 0 and len(_CJK.findall(meta_title)) >= 6 else (body_title or None)
        if title == meta_title and body_title and len(body_title) > len(meta_title) and \
                re.sub(r"\s+", "", meta_title) in re.sub(r"\s+", "", body_title):
            title = body_title  # the page's name is a cut or shorter form of the title printed on it
        seg_text = norm.text[seg.start:seg.end]
        ctx = DocContext(
            title=title,
            title_span=(seg.title.start - seg.start, seg.title.end - seg.start) if seg.title else None,
            metadata=meta,
            metadata_spans={k: (a - seg.start, b - seg.start) for k, (a, b) in meta_spans.items()},
            meta_written=_iso_from_meta(meta.get("成文日期")),
            meta_published=_iso_from_meta(meta.get("发布日期")) or _iso_from_meta(meta.get("时间戳")),
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
