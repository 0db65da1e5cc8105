"""The spaCy pipeline: `spacy.blank("zh")` with the jieba segmenter, a user dictionary of place and
agency names from the package data, and the extractors as registered components writing to `Doc`
extensions. Components run in order; each reads what the ones before it wrote."""
from __future__ import annotations

import datetime as dt
import functools
import logging
import re
import threading
from dataclasses import dataclass, field

import spacy
from spacy.attrs import IDX, LENGTH
from spacy.language import Language
from spacy.tokens import Doc

from corpora.chars import mask
from extractors import agencies as agencies_mod
from extractors import commitments as commitments_mod
from extractors import dates as dates_mod
from extractors import docnumbers as docnumbers_mod
from extractors import refdata
from extractors.indicators import classify_commitment
from extractors.issuers import issuer_texts
from extractors.records import DocType
from extractors.regions import byline, gazetteer, primary_region
from extractors.structure import doc_type

PIPES = ("policy_doc_numbers", "policy_dates", "policy_regions", "policy_agencies", "policy_commitments")
_ANNUAL_TITLE = re.compile(r"(?<![\d—\-–至])((?:19|20)\d{2})年(?!\s*[—\-–至])")


@dataclass
class DocContext:
    """What the reader and the segmenter know about one document; spans are offsets into doc.text."""

    title: str | None = None
    title_span: tuple[int, int] | None = None
    metadata: dict[str, str] = field(default_factory=dict)
    metadata_spans: dict[str, tuple[int, int]] = field(default_factory=dict)
    meta_written: str | None = None  # 成文日期, ISO
    meta_published: str | None = None  # 发布日期, ISO
    meta_issuer: str | None = None


_EXTENSIONS = {"context": None, "doc_numbers": None, "masked": None, "dates": None, "publish_date": None,
               "effective_date": None, "signature_starts": None, "issuers": None, "issuer_spans": None,
               "region": None, "agencies": None, "commitments": None, "doc_type": None, "text": None}
for _name, _default in _EXTENSIONS.items():
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


def _text(doc: Doc) -> str:
    """The document's text, joined once: spaCy's `Doc.text` rebuilds it from every token at each access."""
    if doc._.text is None:
        doc._.text = doc.text
    return doc._.text


@Language.component("policy_doc_numbers")
def doc_numbers_component(doc: Doc) -> Doc:
    ctx: DocContext = doc._.context
    nums = docnumbers_mod.find_docnumbers(_text(doc))
    head = ctx.title_span[1] if ctx.title_span else 0
    docnumbers_mod.assign_roles(_text(doc), nums, head, 0, ctx.metadata_spans.get("发文字号"), ctx.metadata_spans.get("附件"))
    doc._.doc_numbers = nums
    doc._.masked = mask(_text(doc), [(d.start, d.end) for d in nums])  # 〔2024〕1号 is not a date
    return doc


@Language.component("policy_dates")
def dates_component(doc: Doc) -> Doc:
    ctx: DocContext = doc._.context
    masked = doc._.masked
    body_from = max((b for _, b in ctx.metadata_spans.values()), default=0)
    absolute = dates_mod.find_dates(masked, None)
    signature = [d for d in dates_mod.signature_dates(masked, absolute) if d.start >= body_from]
    byline = dates_mod.byline_dates(masked, absolute)
    # the signing date first, then a written date, then a published date, then the page's timestamp
    ranked = [(rank, d.start_date, d.start) for rank, d in byline]
    ranked += [(0.5, ctx.meta_written, None), (1.5, ctx.meta_published, None)]
    ranked = sorted((r for r in ranked if r[1]), key=lambda r: r[0])
    if signature:
        ranked.insert(0, (-1, signature[0].start_date, signature[0].start))
    publish, publish_at = (ranked[0][1], ranked[0][2]) if ranked else (None, None)
    ref = dt.date.fromisoformat(publish) if publish else None
    found = dates_mod.find_dates(masked, ref, absolute)  # the full dates again: only partial forms are new
    starts = []
    for d in found:
        if d.start == publish_at:
            d.kind = "publication"
            if signature and d.start == signature[0].start:
                starts.append(d.start)
    doc._.dates = found
    doc._.publish_date = publish
    doc._.effective_date = next((d.start_date for d in found if d.kind == "effective"), None)
    doc._.signature_starts = starts
    return doc


@Language.factory("policy_regions")
def make_regions(nlp: Language, name: str):
    gaz = gazetteer()

    def regions_component(doc: Doc) -> Doc:
        ctx: DocContext = doc._.context
        names, spans = issuer_texts(_text(doc), ctx.title, ctx.title_span, ctx.meta_issuer, doc._.signature_starts)
        if "发文机关" in ctx.metadata_spans:
            spans.append(ctx.metadata_spans["发文机关"])
        own_provinces = [d.province for d in doc._.doc_numbers if d.role == "own" and d.province]
        region = primary_region(_text(doc), ctx.title, names, own_provinces, gaz, boundaries=token_boundaries(doc))
        if region is None and re.search(r"中华民国|行政院|立法院", _text(doc)):
            region = gaz.region("710000")
        doc._.issuers, doc._.issuer_spans, doc._.region = names, spans, region
        return doc

    return regions_component


@Language.factory("policy_agencies")
def make_agencies(nlp: Language, name: str):
    gaz = gazetteer()
    agencies_mod.alias_table()

    def agencies_component(doc: Doc) -> Doc:
        found = agencies_mod.find_agencies(_text(doc), doc._.region, doc._.issuer_spans, gaz)
        footer = byline(_text(doc)).footer  # the site owner's name and address are not the document's bodies
        doc._.agencies = [a for a in found if not any(x <= a.start < y for x, y in footer)]
        return doc

    return agencies_component


@Language.component("policy_commitments")
def commitments_component(doc: Doc) -> Doc:
    ctx: DocContext = doc._.context
    masked = mask(doc._.masked, [(d.start, d.end) for d in doc._.dates])  # dates are not values
    years = _ANNUAL_TITLE.findall(ctx.title or "")
    doc_year = int(years[0]) if len(set(years)) == 1 else None
    dtype = doc_type(ctx.title, _text(doc))
    doc._.doc_type = dtype
    five_year = [(d.start, int(d.end_date[:4])) for d in doc._.dates if d.kind == "deadline" and "五" in d.text and d.end_date]
    # the year the text was written: its own date, else a full date at its head (a web page's timestamp line)
    published = doc._.publish_date or ctx.meta_published or next(
        (d.start_date for d in doc._.dates if d.start < 400 and d.start_date and d.start_date == d.end_date), None)
    found = commitments_mod.find_commitments(
        _text(doc), masked, doc_year, deadlines=five_year,
        news=dtype in {DocType.NEWS, DocType.SUMMARY, DocType.REPORT} or (
            dtype in {DocType.ARTICLE, DocType.OTHER} and commitments_mod.reads_as_news(_text(doc))),
        pub_year=int(published[:4]) if published else None, title=ctx.title)
    for c in found:
        c.indicator_key = classify_commitment(c, _text(doc))
    doc._.commitments = found
    return doc


def token_boundaries(doc: Doc) -> set[int]:
    """Character offsets where a jieba token starts or ends."""
    starts_lengths = doc.to_array([IDX, LENGTH])  # one pass in C, not a Token object per token
    out = {0, len(_text(doc))}
    if len(starts_lengths):
        out.update(starts_lengths[:, 0].tolist())
        out.update((starts_lengths[:, 0] + starts_lengths[:, 1]).tolist())
    return out


@functools.cache
def user_words() -> tuple[str, ...]:
    """Place and agency names for jieba's user dictionary, so that segmentation keeps them whole."""
    gaz = gazetteer()
    words = set(gaz.full) | set(gaz.short)
    words |= {r["alias"] for r in refdata.agency_aliases() if len(r["alias"]) > 1}
    return tuple(sorted(words))


_BUILD_LOCK = threading.Lock()


def build_nlp() -> Language:
    """The pipeline, built once per process. Threads that ask at the same time wait for the first build:
    jieba's dictionary (and `add_word`) is global state that must not be written by two at once."""
    with _BUILD_LOCK:
        return _build_nlp()


@functools.cache
def _build_nlp() -> Language:
    import jieba

    jieba.setLogLevel(logging.WARNING)  # it announces loading its dictionary on stderr
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    for w in user_words():
        jieba.add_word(w, freq=2000)
    for name in PIPES:
        nlp.add_pipe(name)
    return nlp


def run(text: str, ctx: DocContext) -> Doc:
    nlp = build_nlp()
    doc = nlp.make_doc(text)
    doc._.context = ctx
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc
