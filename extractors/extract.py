"""Assemble the extractors over one source text: documents → grounded `Extraction` records."""
from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import re
from collections import Counter
from dataclasses import replace

from corpora.noise import find_noise, has_mojibake
from corpora.records import SourceText
from extractors import agencies as agencies_mod
from extractors import commitments as commitments_mod
from extractors import dates as dates_mod
from extractors import docnumbers as docnumbers_mod
from extractors.normalize import NormalizedText, normalize
from extractors.records import DocType, Extraction, Script
from extractors.regions import gazetteer, primary_region
from extractors.structure import Segment, doc_type, segment

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
    t = _TITLE_TAG.sub("", _TITLE_NOISE.sub("", t))
    t = _TITLE_NOISE.sub("", _TITLE_TRAILING_DATE.sub("", t))
    return "" if _SITE_TITLE.search(t) or is_seo_title(t) else t


def is_seo_title(title: str) -> bool:
    """营商环境,证照分离,民营科技企业: a keyword list stuffed into the title tag, not a title."""
    pieces = [p for p in re.split(r"[,，、|｜;；\s]+", title) if p]
    return len(pieces) >= 3 and all(len(p) <= 8 for p in pieces) and not re.search(r"关于|的通知|印发", title)


# titles that name a site or a section rather than a document
_TITLE_TAG = re.compile(r"^[\[【［(（][^\]】］)）]{1,6}[\]】］)）]\s*")  # [已废止], 【贷款】
_TITLE_TRAILING_DATE = re.compile(r"\s*(?:19|20)\d{2}-\d{1,2}(?:-\d{0,2})?[\d:\s]*$")
_SITE_TITLE = re.compile(r"(信息公开|门户网站|人民政府网|政府网站|政务公开|首页|网站)$")
_ANNUAL_TITLE = re.compile(r"(?<![\d—\-–至])((?:19|20)\d{2})年(?!\s*[—\-–至])")
_ISSUER_LINE = re.compile(r"(人民政府|政府|办公室|办公厅|委员会|委|局|厅|部|院|会|中心|署|小组|领导小组)$")


def _iso_from_meta(value: str | None) -> str | None:
    if not value:
        return None
    found = dates_mod.find_dates(normalize(value).text, None)
    full = [d for d in found if d.start_date and d.start_date == d.end_date]
    return full[0].start_date if full else None


def _ground(items, norm: NormalizedText, source: str):
    """Map normalized spans to source offsets; set `text` to the exact source slice."""
    out = []
    for it in items:
        s, e = norm.to_source(it.start, it.end)
        out.append(replace(it, start=s, end=e, text=source[s:e]))
    return out


def _issuer_texts(text: str, seg: Segment, title: str | None, meta_issuer: str | None,
                  sig_starts: list[int]) -> tuple[list[str], list[tuple[int, int]]]:
    """Issuer names (strings for region scoring) and their spans (for agency roles)."""
    names, spans = [], []
    if title and not seg.title and title.find("关于") > 0:
        names.append(title[:title.find("关于")])
    if seg.title:
        i = seg.title.text.find("关于")
        if i > 0:
            head_end = seg.title.start + len(seg.title.text[:i])
            # the title may span lines; the prefix in the text runs from title start to 关于
            j = text.find("关于", seg.title.start, seg.title.end + 2)
            head_end = j if j > 0 else head_end
            names.append(text[seg.title.start:head_end])
            spans.append((seg.title.start, head_end))
    if meta_issuer:
        names.append(meta_issuer)
    for pos in sig_starts[:1]:
        line_start = text.rfind("\n", 0, pos) + 1
        block_start = line_start
        # the signature block: up to three short lines of names just above the date
        for _ in range(3):
            prev_start = text.rfind("\n", 0, max(0, block_start - 1)) + 1
            cand = text[prev_start:block_start].strip()
            if not cand or len(cand) > 40 or not _ISSUER_LINE.search(cand.replace(" ", "")):
                break
            block_start = prev_start
        same_line = text[line_start:pos].strip()
        if same_line and len(same_line) <= 40:
            names.append(same_line)
            spans.append((line_start, pos))
        if block_start < line_start:
            names.append(text[block_start:line_start])
            spans.append((block_start, line_start))
        if not same_line and block_start == line_start:
            # signature on the same line as the sentence before it (…执行。二〇〇三年一月六日省卫生厅)
            after_end = text.find("\n", pos)
            tail = text[pos:after_end if after_end > 0 else len(text)]
            m = re.match(r"^[^\s。，]{0,12}?日((?:[\u4e00-\u9fff]{2,20}?(?:厅|局|委|办公室|办公厅|政府)\s?){1,4})", tail)
            if m:
                spans.append((pos + m.start(1), pos + m.end(1)))
                names.append(m.group(1))
    return names, spans


def prepare(st: SourceText):
    """Normalize a source text, blank its noise (same length, same offset map), split it into documents."""
    norm = normalize(st.text)
    body_start = len(normalize(st.text[:st.body_start]).text) if st.body_start else 0
    noise = find_noise(norm.text, body_start)
    norm = replace(norm, text=noise.mask(norm.text))
    return norm, noise, segment(norm.text, body_start)


class Extractor:
    """All extractors over one source; stateless apart from loaded reference data."""

    def __init__(self):
        self.gaz = gazetteer()
        agencies_mod.alias_table()

    def extract(self, st: SourceText) -> list[Extraction]:
        norm, noise, segs = prepare(st)
        meta_spans = {k: _norm_span(norm, v) for k, v in st.metadata_spans.items()}
        out = []
        for idx, seg in enumerate(segs):
            x = self._extract_one(st, norm, seg, idx, meta_spans if idx == 0 else {})
            counts = Counter(kind for a, _, kind in noise.spans if seg.start <= a < seg.end)
            x.noise = dict(sorted(counts.items()))
            x.metadata = dict(st.metadata) if idx == 0 else {}
            if counts.keys() - {"duplicate_body"}:
                x.flags.append("boilerplate_removed")
            if counts.get("duplicate_body"):
                x.flags.append("duplicate_body_removed")
            out.append(x)
        return out

    def _extract_one(self, st: SourceText, norm: NormalizedText, seg: Segment, idx: int,
                     meta_spans: dict[str, tuple[int, int]]) -> Extraction:
        text = norm.text
        meta = st.metadata if idx == 0 else {}
        title = seg.title.text if seg.title else None
        raw_title = normalize(meta.get("标题", "")).text
        meta_title = clean_title(raw_title)
        if idx == 0 and len(_CJK.findall(meta_title)) >= 6:
            title = meta_title
        seo = idx == 0 and is_seo_title(raw_title)
        # document numbers, searched in the segment and mapped to full-text offsets
        seg_text = text[seg.start:seg.end]
        docnums = docnumbers_mod.find_docnumbers(seg_text)
        for d in docnums:
            d.start += seg.start
            d.end += seg.start
        meta_docnum = meta_spans.get("发文字号")
        doc_head = seg.title.end if seg.title else seg.start
        docnumbers_mod.assign_roles(text, docnums, doc_head, seg.start, meta_docnum)
        # dates, with document numbers masked
        masked = dates_mod.mask(text, [(d.start, d.end) for d in docnums])
        seg_masked = masked[seg.start:seg.end]
        meta_written = _iso_from_meta(meta.get("成文日期"))
        meta_published = _iso_from_meta(meta.get("发布日期"))
        prelim = dates_mod.find_dates(seg_masked, None)
        body_from = seg.start if not meta_spans else max(meta_spans.get(k, (0, 0))[1] for k in meta_spans)
        sig = [d for d in dates_mod.signature_dates(seg_masked, prelim) if d.start + seg.start >= body_from]
        publish = sig[0].start_date if sig else (meta_written or meta_published)
        ref = dt.date.fromisoformat(publish) if publish else None
        found_dates = dates_mod.find_dates(seg_masked, ref)
        sig_starts = []
        for d in found_dates:
            d.start += seg.start
            d.end += seg.start
            if sig and d.start == sig[0].start + seg.start:
                d.kind = "publication"
                sig_starts.append(d.start)
        effective = next((d.start_date for d in found_dates if d.kind == "effective"), None)
        # region and agencies
        issuer_names, issuer_spans = _issuer_texts(text, seg, title, normalize(meta["发文机关"]).text if meta.get("发文机关") else None, sig_starts)
        if "发文机关" in meta_spans:
            issuer_spans.append(meta_spans["发文机关"])
        own_provinces = [d.province for d in docnums if d.role == "own" and d.province]
        region = primary_region(seg_text, title, issuer_names, own_provinces, self.gaz)
        if region is None and re.search(r"中华民国|行政院|立法院", seg_text):
            region = self.gaz.region("710000")
        ags = agencies_mod.find_agencies(seg_text, region, [(a - seg.start, b - seg.start) for a, b in issuer_spans], self.gaz)
        for a in ags:
            a.start += seg.start
            a.end += seg.start
        # commitments: dates and document numbers masked so their digits are not values
        cmask = dates_mod.mask(masked, [(d.start, d.end) for d in found_dates])
        years = _ANNUAL_TITLE.findall(title or "")
        doc_year = int(years[0]) if len(set(years)) == 1 else None
        dtype = doc_type(title, seg_text)
        coms = commitments_mod.find_commitments(text[seg.start:seg.end], cmask[seg.start:seg.end], doc_year,
                                                news=dtype in {DocType.NEWS, DocType.SUMMARY, DocType.REPORT})
        for c in coms:
            c.start += seg.start
            c.end += seg.start
        # ground everything in the source text
        src = st.text
        g_docnums = _ground(docnums, norm, src)
        g_agencies = _ground(ags, norm, src)
        g_dates = _ground(found_dates, norm, src)
        g_coms = []
        for c in coms:
            s, e = norm.to_source(c.start, c.end)
            g_coms.append(replace(c, start=s, end=e, sentence=src[s:e].strip()))
        script = norm.script()
        flags = list(st.flags)
        if script != Script.SIMPLIFIED:
            flags.append("traditional_script" if script == Script.TRADITIONAL else "mixed_script")
        if has_mojibake(seg_text):
            flags.append("mojibake")
        if seo:
            flags.append("seo_title")
        s0, e0 = norm.to_source(seg.start, seg.end)
        return Extraction(
            source=st.source, doc_index=idx, doc_id=hashlib.sha256(seg_text.encode("utf-8")).hexdigest(),
            title=title, doc_type=dtype.value, script=script.value, publish_date=publish,
            effective_date=effective, region=region, doc_numbers=g_docnums, agencies=g_agencies, dates=g_dates,
            commitments=g_coms, flags=flags, start=s0, end=e0)


def _norm_span(norm: NormalizedText, span: tuple[int, int]) -> tuple[int, int]:
    """Source span → normalized span (the inverse of `to_source`, by search in the offset map)."""
    return bisect.bisect_left(norm.index, span[0]), bisect.bisect_left(norm.index, span[1])
