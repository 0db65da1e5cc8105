"""Assemble the extractors over one document (`extractors.document.Document`) → a grounded `Extraction`."""
from __future__ import annotations

import hashlib
import re
from dataclasses import replace

from corpora.records import SourceText
from extractors import dates as dates_mod
from extractors.citations import find_citations
from extractors.document import Document, documents
from extractors.nlp import DocContext, build_nlp
from extractors.nlp import run as run_pipeline
from extractors.normalize import normalize
from extractors.records import Extraction

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


def _moved(it, **changes):
    """`dataclasses.replace(it, **changes)` for the record classes, which are plain dataclasses (every field set
    by __init__, no __post_init__): a shallow copy with the changes, without replace's walk over the fields."""
    if getattr(type(it), "__post_init__", None) is not None or not hasattr(it, "__dict__"):
        return replace(it, **changes)
    new = object.__new__(type(it))
    new.__dict__.update(it.__dict__)
    new.__dict__.update(changes)
    return new


class Extractor:
    """All extractors over one source; stateless apart from loaded reference data."""

    def __init__(self):
        build_nlp()  # load the segmenter, user dictionary and reference data once

    def extract(self, st: SourceText) -> list[Extraction]:
        """The records of every document in a read source. An interpretation printed under the document it reads
        (政策解读 after a notice's signature) that names no place of its own is of that document's place; a
        document printed whole under the news story that names it is of the story's date and place where it
        prints none of its own."""
        docs = documents(st)
        out = [self.extract_document(d) for d in docs]
        for i, (prev, cur) in enumerate(zip(out, out[1:])):
            if cur.region is None and prev.region is not None and cur.doc_type == "interpretation":
                cur.region = prev.region
            story = next((out[k] for k in range(i, -1, -1) if out[k].doc_type in ("news", "article")
                          and cur.title and cur.title in docs[k].text), None)
            if story is not None:
                # a document printed whole under the story that reports it (以下是原文：…): of the story's date and
                # place where it prints none of its own
                cur.publish_date = cur.publish_date or story.publish_date
                cur.region = cur.region or story.region
        return out

    def extract_document(self, d: Document) -> Extraction:
        """Run the pipeline of extractors over one document, then move its spans to the source text."""
        meta = d.metadata
        ctx = DocContext(
            title=d.title,
            title_span=d.title_span,
            metadata=meta,
            metadata_spans=d.metadata_spans,
            meta_written=_iso_from_meta(meta.get("成文日期")),
            meta_published=_iso_from_meta(meta.get("发布日期")) or _iso_from_meta(meta.get("时间戳")),
            meta_issuer=normalize(meta["发文机关"]).text if meta.get("发文机关") else None,
            title_cited=d.title_cited, page=d.source.text)
        doc = run_pipeline(d.text, ctx)
        src = d.source.text

        def ground(items, keep_text=True):
            out = []
            for it in items:
                s, e = d.to_source(it.start, it.end)
                if keep_text:
                    out.append(_moved(it, start=s, end=e, text=src[s:e]))
                    continue
                if it.value_start is not None:
                    vs, ve = d.to_source(it.value_start, it.value_end)
                    out.append(_moved(it, start=s, end=e, sentence=src[s:e].strip(), value_start=vs, value_end=ve))
                else:
                    out.append(_moved(it, start=s, end=e, sentence=src[s:e].strip()))
            return out

        s0, e0 = d.to_source(0, len(d.text))
        return Extraction(
            source=d.source.source, doc_index=d.index, doc_id=hashlib.sha256(d.text.encode("utf-8")).hexdigest(),
            title=d.title, doc_type=doc._.doc_type.value, script=d.script.value, publish_date=doc._.publish_date,
            effective_date=doc._.effective_date, region=doc._.region, doc_numbers=ground(doc._.doc_numbers),
            agencies=ground(doc._.agencies), dates=ground(doc._.dates),
            commitments=ground(doc._.commitments, keep_text=False),
            citations=ground(find_citations(d.text, doc._.doc_numbers, ctx.title_span, d.title)),
            flags=d.flags, noise=dict(d.noise), metadata=dict(meta), start=s0, end=e0)
