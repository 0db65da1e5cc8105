"""The extraction pipeline: the extractors as components run in order over a `Doc`, each writing its
findings to `doc._` and reading what the ones before it wrote.

Word boundaries come from jieba (with a user dictionary of place and agency names from the package data),
asked only where they matter and only for the run of Chinese text around the place asked (`TokenBoundaries`):
jieba cuts each such run on its own, so the answer is the one a cut of the whole text gives. jieba's
dictionary is loaded at the first question, not at start-up; spaCy is not needed on the way to a record."""
from __future__ import annotations

import bisect
import datetime as dt
import functools
import logging
import re
import threading
from collections import Counter
from dataclasses import dataclass, field
from types import SimpleNamespace

from corpora.chars import mask
from extractors import agencies as agencies_mod
from extractors import commitments as commitments_mod
from extractors import dates as dates_mod
from extractors import docnumbers as docnumbers_mod
from extractors import refdata
from extractors.indicators import classify_commitment
from extractors.issuers import issuer_texts
from extractors.noise import dated_story_lists
from extractors.records import DocType, Region
from extractors.regions import byline, gazetteer, national_body, primary_region
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
    title_cited: bool = False  # the title names the document the text reports on, not the text itself
    page: str | None = None  # the whole source as read, its menus and footers too (the site's city, see below)


_EXTENSIONS = {"context": None, "doc_numbers": None, "masked": None, "dates": None, "publish_date": None,
               "effective_date": None, "signature_starts": None, "issuers": None, "issuer_spans": None,
               "region": None, "agencies": None, "commitments": None, "doc_type": None, "text": None, "byline": None}


class Doc:
    """One document's text and what the components found in it (`doc._.region`, ...)."""

    __slots__ = ("text", "_")

    def __init__(self, text: str):
        self.text = text
        self._ = SimpleNamespace(**_EXTENSIONS)


def _text(doc: Doc) -> str:
    return doc.text


def doc_numbers_component(doc: Doc) -> Doc:
    ctx: DocContext = doc._.context
    nums = docnumbers_mod.find_docnumbers(_text(doc))
    head = ctx.title_span[1] if ctx.title_span else 0
    docnumbers_mod.assign_roles(_text(doc), nums, head, 0, ctx.metadata_spans.get("发文字号"), ctx.metadata_spans.get("附件"),
                                ctx.title_span[0] if ctx.title_span else None)
    doc._.doc_numbers = nums
    doc._.masked = mask(_text(doc), [(d.start, d.end) for d in nums])  # 〔2024〕1号 is not a date
    return doc


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


# a text that speaks as a city (我市, 本市; not 资本市场) and names none
_OUR_CITY = re.compile(r"[我本]市(?!场)")


def _site_city(page: str, gaz) -> Region | None:
    """The one city a page's menus, links and footer name (某某仲裁委员会, 某某高新区, a district of it), twice or
    more and no other city: the city of a text that speaks as one (我市) and names no place of its own."""
    from extractors.normalize import normalize

    cities = Counter()
    for _, _, divs in gaz.mentions(normalize(page).text):
        d = divs[0]
        if len(divs) == 1 and d.level != "province":
            cities[d.city_code or d.adcode] += 1
    if len(cities) != 1:
        return None
    (code, n), = cities.items()
    return gaz.region(code) if n >= 2 else None


def make_regions():
    gaz = gazetteer()

    def regions_component(doc: Doc) -> Doc:
        ctx: DocContext = doc._.context
        names, spans = issuer_texts(_text(doc), ctx.title, ctx.title_span, ctx.meta_issuer, doc._.signature_starts)
        if "发文机关" in ctx.metadata_spans:
            spans.append(ctx.metadata_spans["发文机关"])
        own_provinces = [d.province for d in doc._.doc_numbers if d.role == "own" and d.province]
        own_prefixes = tuple(d.prefix for d in doc._.doc_numbers if d.role == "own" and d.prefix)
        doc._.byline = byline(_text(doc))  # read once: the agencies' reader leaves out its footer
        region = primary_region(_text(doc), ctx.title, names, own_provinces, gaz, boundaries=token_boundaries(doc),
                                docnum_prefixes=own_prefixes, by=doc._.byline)
        if region is None and re.search(r"中华民国|行政院|立法院", _text(doc)):
            region = gaz.region("710000")
        if region is None and ctx.page and _OUR_CITY.search(_text(doc)):
            region = _site_city(ctx.page, gaz)
        doc._.issuers, doc._.issuer_spans, doc._.region = names, spans, region
        return doc

    return regions_component


def make_agencies():
    gaz = gazetteer()
    agencies_mod.alias_table()

    def agencies_component(doc: Doc) -> Doc:
        found = agencies_mod.find_agencies(_text(doc), doc._.region, doc._.issuer_spans, gaz)
        by = doc._.byline or byline(_text(doc))  # read by the regions' component before it, else here
        footer = by.footer  # the site owner's name and address are not the document's bodies
        # nor are the bodies in the headlines of other stories a page lists with their dates
        unread = footer + dated_story_lists(_text(doc)) if found else footer
        doc._.agencies = [a for a in found if not any(x <= a.start < y for x, y in unread)]
        return doc

    return agencies_component


def commitments_component(doc: Doc) -> Doc:
    ctx: DocContext = doc._.context
    masked = mask(doc._.masked, [(d.start, d.end) for d in doc._.dates])  # dates are not values
    years = _ANNUAL_TITLE.findall(ctx.title or "")
    doc_year = int(years[0]) if len(set(years)) == 1 else None
    dtype = doc_type(ctx.title, _text(doc))
    if ctx.title_cited:  # a story about the document its title names: news, or an article
        dtype = doc_type(None, _text(doc))
        dtype = DocType.ARTICLE if dtype == DocType.OTHER else dtype
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
        c.indicator_key = classify_commitment(c, _text(doc), ctx.title)
    doc._.commitments = found
    return doc


# jieba cuts a text run by run: a run of these characters is segmented on its own; any other character is a
# token by itself, except whitespace, and \r\n, which is one (jieba's own `re_han_default`, `re_skip_default`)
_RUN = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&\._%\-]+")


class TokenBoundaries:
    """The character offsets where a jieba token of `text` starts or ends, as `i in boundaries`. Only the run
    around an offset asked about is segmented (once, then kept): the same answer as a cut of the whole text,
    at the cost of the runs that hold a question."""

    def __init__(self, text: str):
        self.text = text
        self._runs: list[tuple[int, int]] | None = None
        self._starts: list[int] = []
        self._cut: dict[int, frozenset[int]] = {}

    def __contains__(self, i: int) -> bool:
        n = len(self.text)
        if i <= 0 or i >= n:
            return i == 0 or i == n
        if self._runs is None:
            self._runs = [m.span() for m in _RUN.finditer(self.text)]
            self._starts = [s for s, _ in self._runs]
        k = bisect.bisect_right(self._starts, i) - 1
        if k >= 0 and self._runs[k][0] < i < self._runs[k][1]:  # inside a run: where jieba cuts it
            if k not in self._cut:
                s, e = self._runs[k]
                pos, cuts = s, set()
                for w in segmenter().cut(self.text[s:e], cut_all=False):
                    pos += len(w)
                    cuts.add(pos)
                self._cut[k] = frozenset(cuts)
            return i in self._cut[k]
        return self.text[i - 1:i + 1] != "\r\n"  # between runs every character is a token

    def __iter__(self):
        return iter(sorted(i for i in range(len(self.text) + 1) if i in self))


def token_boundaries(doc: Doc | str) -> TokenBoundaries:
    """Character offsets where a jieba token starts or ends (computed where asked)."""
    return TokenBoundaries(doc if isinstance(doc, str) else _text(doc))


@functools.cache
def user_words() -> tuple[str, ...]:
    """Place and agency names for jieba's user dictionary, so that segmentation keeps them whole."""
    gaz = gazetteer()
    words = set(gaz.full) | set(gaz.short)
    words |= {r["alias"] for r in refdata.agency_aliases() if len(r["alias"]) > 1}
    return tuple(sorted(words))


_SEGMENTER_LOCK = threading.Lock()
_segmenter = None


def segmenter():
    """jieba with its dictionary and the user words, loaded once per process at the first call. Threads that
    ask at the same time wait for the first load: the dictionary and `add_word` are global state."""
    global _segmenter
    if _segmenter is None:
        with _SEGMENTER_LOCK:
            if _segmenter is None:
                import jieba

                jieba.setLogLevel(logging.WARNING)  # it announces loading its dictionary on stderr
                jieba.initialize()
                for w in user_words():
                    jieba.add_word(w, freq=2000)
                _segmenter = jieba
    return _segmenter


def load_tables() -> None:
    """Load every reference table and compile every pattern table that reading a document and the extractors
    use: at start-up, once per process, rather than in the middle of the first document that needs each."""
    from extractors import indicators, metadata, noise, skips, widgets
    from extractors.normalize import _converter

    _converter("t2s")  # the OpenCC table most texts need (the Taiwan and Hong Kong ones load where asked)
    metadata._label_re()
    noise._patterns()
    widgets._headings()
    widgets._columns()
    gazetteer().lengths_by_pair()
    gazetteer().full_lengths_by_ending()
    national_body()
    agencies_mod._needs_prefix()
    agencies_mod._departments_table()
    commitments_mod._word_index()
    commitments_mod._unit_pattern()
    for phrase, _ in commitments_mod._AFTER:
        commitments_mod._after_phrase(phrase)
    skips.rules()
    indicators.know_first_chars()  # the characters each row's patterns can begin with


class Pipeline:
    """The components in order, each built once (the gazetteer, alias tables and pattern tables they need
    loaded then)."""

    def __init__(self):
        load_tables()
        built = {"policy_regions": make_regions, "policy_agencies": make_agencies}
        plain = {"policy_doc_numbers": doc_numbers_component, "policy_dates": dates_component,
                 "policy_commitments": commitments_component}
        self.pipeline = [(name, built[name]() if name in built else plain[name]) for name in PIPES]

    def make_doc(self, text: str) -> Doc:
        return Doc(text)


_BUILD_LOCK = threading.Lock()


def build_nlp() -> Pipeline:
    """The pipeline, built once per process, however many threads ask for it at the same time."""
    with _BUILD_LOCK:
        return _build_nlp()


@functools.cache
def _build_nlp() -> Pipeline:
    return Pipeline()


def run(text: str, ctx: DocContext) -> Doc:
    nlp = build_nlp()
    doc = nlp.make_doc(text)
    doc._.context = ctx
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc
