"""The document stage: a read source (`SourceText`) → the documents inside it (`list[Document]`).

Each step has its own module: `normalize` (script, width, look-alikes, offset map), `noise` (site chrome,
footers, pasted-twice bodies: blanked, never removed, so offsets do not move), `structure` (title lines,
splitting a file into its documents) and `titles` (which title a document gets). The extractors start from
a `Document`; nothing here knows about entities or commitments."""
from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field, replace

from corpora.chars import CJK as _CJK
from corpora.records import ErrorReason, ReadError, SourceText
from extractors.metadata import read_head
from extractors.noise import find_noise, has_mojibake, has_running_text, listing_page
from extractors.normalize import NormalizedText, normalize
from extractors.records import Script
from extractors.structure import Segment, find_titles, is_compilation, names_document_kind, names_site_or_column, segment
from extractors.titles import choose_title, clean_title, guess_title, is_seo_title, lead_title, names_a_document

# a page with this many title lines and not one sentence is an index of documents (a compilation's contents)
MIN_INDEX_TITLES = 3
# metadata keys that describe the page rather than the document (view counters, font switches)
_PAGE_KEYS = {"浏览"}


@dataclass
class Document:
    """One document of a source, ready for extraction. Offsets (`title_span`, `metadata_spans`) index
    `text`; `to_source` maps them to the source text that records point into."""

    source: SourceText  # what the reader returned; `source.text` is what record offsets index
    index: int  # position among the source's documents, 0 first
    text: str  # this document's normalized text, noise blanked with spaces (same length)
    norm: NormalizedText  # the whole source normalized and blanked, with the offset map to `source.text`
    start: int  # where `text` sits in `norm.text`
    end: int
    title: str | None  # the chosen title: the page's title, else the title line, cleaned
    title_span: tuple[int, int] | None  # the title line found in `text`, if any
    # the document's metadata: what its head prints in any layout (extractors.metadata), with the page's
    # metadata table winning for the first document; canonical key -> value
    metadata: dict[str, str] = field(default_factory=dict)
    metadata_spans: dict[str, tuple[int, int]] = field(default_factory=dict)  # key -> span in `text`
    noise: dict[str, int] = field(default_factory=dict)  # what noise removal blanked here, by kind
    script: Script = Script.SIMPLIFIED  # of the whole source
    mojibake: bool = False
    seo_title: bool = False  # the page's title tag is a keyword list
    split: bool = False  # a window of a document longer than MAX_DOCUMENT_CHARS
    title_from_lead: bool = False  # no headline printed: the title is the first sentence of a news lead
    title_guessed: bool = False  # no headline printed: the title is the line a reader would call it by
    # the guessed title is the name of the document the text reports on (《…》 in its lead), not the text's kind
    title_cited: bool = False

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """A span of `text` → the span of `source.text` it came from."""
        return self.norm.to_source(start + self.start, end + self.start)

    @property
    def flags(self) -> list[str]:
        """The reader's flags, then what this stage noticed (CONTRACT.md `flags`)."""
        out = list(self.source.flags)
        if self.script != Script.SIMPLIFIED:
            out.append("traditional_script" if self.script == Script.TRADITIONAL else "mixed_script")
        if self.mojibake:
            out.append("mojibake")
        if self.seo_title:
            out.append("seo_title")
        if self.noise.keys() - {"duplicate_body"}:
            out.append("boilerplate_removed")
        if self.noise.get("duplicate_body"):
            out.append("duplicate_body_removed")
        if self.split:
            out.append("split_long_document")
        if self.title_from_lead:
            out.append("title_from_lead")
        if self.title_guessed:
            out.append("title_guessed")
        return out


# A document longer than this is extracted in windows of at most this many characters, each its own record
# flagged `split_long_document` (as a text file too large to hold is read in windows): the time per document
# grows faster than its length.
MAX_DOCUMENT_CHARS = 200_000


class Piece(Segment):
    """A window of a document longer than MAX_DOCUMENT_CHARS."""


def split_long(segs: list[Segment], text: str, limit: int = MAX_DOCUMENT_CHARS) -> list[Segment]:
    """Segments of at most `limit` characters: a longer one is cut at the last blank line (else line break, else
    anywhere) in the second half of each window; the first piece keeps the title and the head."""
    out: list[Segment] = []
    for seg in segs:
        start, title, head_end = seg.start, seg.title, seg.head_end
        if seg.end - start <= limit:
            out.append(seg)
            continue
        while seg.end - start > limit:
            half, stop = start + limit // 2, start + limit
            para, line = text.rfind("\n\n", half, stop), text.rfind("\n", half, stop)
            cut = para + 2 if para >= 0 else (line + 1 if line >= 0 else stop)
            out.append(Piece(start, cut, title, min(head_end, cut)))
            start, title, head_end = cut, None, cut
        out.append(Piece(start, seg.end, title, max(head_end, start)))
    return out


def documents(st: SourceText) -> list[Document]:
    """Normalize a source text, blank its noise (same length, same offset map), split it into documents
    and give each its title, metadata and flags. A page that is only a list of dated headlines is not a
    document (ReadError)."""
    norm = normalize(st.text)
    body_start = len(normalize(st.text[:st.body_start]).text) if st.body_start else 0
    noise = find_noise(norm.text, body_start)
    norm = replace(norm, text=noise.mask(norm.text))
    items = listing_page(norm.text, body_start)
    if items:
        raise ReadError(st.source, ErrorReason.NOT_A_DOCUMENT, f"a list page of {items} links, not a document")
    page_title = normalize(st.metadata.get("标题", "")).text
    cleaned = clean_title(page_title)
    # a compilation's name (…汇编) titles none of the documents it holds
    first_title = "" if is_compilation(cleaned) else page_title
    segs = split_long(segment(norm.text, body_start, page_title=cleaned if names_a_document(cleaned) else None), norm.text)
    if not has_running_text(norm.text, body_start):
        if len(segs) == 1 and segs[0].title is None:
            raise ReadError(st.source, ErrorReason.NOT_A_DOCUMENT,
                            "no title and no running text: a page of menus, links, labels or contact tables")
        if (n := len(find_titles(norm.text, body_start))) >= MIN_INDEX_TITLES:
            raise ReadError(st.source, ErrorReason.NOT_A_DOCUMENT,
                            f"an index of {n} document titles with no text of any of them")
        titles = [choose_title(first_title if i == 0 else "", sg.title.text if sg.title else None) for i, sg in enumerate(segs)]
        if not any(names_document_kind(t) for t in titles if t):
            raise ReadError(st.source, ErrorReason.NOT_A_DOCUMENT,
                            "no running text and no title naming a document (a portal's menus, a service page)")
    script = norm.script()  # of the whole file: one pass over its characters, not one per document
    reader_spans = {k: _norm_span(norm, v) for k, v in st.metadata_spans.items()}
    out = []
    for idx, seg in enumerate(segs):
        first = idx == 0
        text = norm.text[seg.start:seg.end]
        counts = Counter(kind for a, _, kind in noise.spans if seg.start <= a < seg.end)
        meta, spans = _metadata(norm.text, seg, st.metadata if first else {}, reader_spans if first else {}, body_start)
        title = choose_title(first_title if first else "", seg.title.text if seg.title else None)
        if title is None and not first and seg.title and seg.title.heading_only:
            title = seg.title.text  # 政策解读 under a notice: its heading, though a site's column bears the same name
        if title is None and first and len(_CJK.findall(cleaned)) >= 4 and not names_site_or_column(cleaned):
            title = cleaned  # a short page title (政务名词) is still the page's own name for a text that prints none
        from_lead = title is None and (title := lead_title(text[max(0, seg.head_end - seg.start):])) is not None
        guessed = title is None and (title := guess_title(text)) is not None
        out.append(Document(
            source=st, index=idx, text=text, norm=norm, start=seg.start, end=seg.end,
            title=title, title_from_lead=from_lead, title_guessed=guessed,
            title_cited=guessed and f"《{title}》" in text,
            title_span=(seg.title.start - seg.start, seg.title.end - seg.start) if seg.title else None,
            metadata=meta,
            metadata_spans={k: (a - seg.start, b - seg.start) for k, (a, b) in spans.items()},
            noise=dict(sorted(counts.items())), script=script, mojibake=has_mojibake(text),
            seo_title=first and is_seo_title(page_title), split=isinstance(seg, Piece)))
    return out


def _metadata(text: str, seg: Segment, reader: dict[str, str], reader_spans: dict[str, tuple[int, int]],
              body_start: int) -> tuple[dict[str, str], dict[str, tuple[int, int]]]:
    """One document's metadata: what its head prints in any layout, with the reader's table (HTML metadata,
    first document only) winning over it. Spans are offsets into the normalized text."""
    start = max(seg.start, body_start)
    found = read_head(text, start, seg.head_end) if seg.head_end > start else {}
    meta = {k: f.value for k, f in found.items() if k not in _PAGE_KEYS}
    spans = {k: (f.start, f.end) for k, f in found.items() if k not in _PAGE_KEYS}
    meta.update(reader)
    spans.update(reader_spans)
    return meta, spans


def _norm_span(norm: NormalizedText, span: tuple[int, int]) -> tuple[int, int]:
    """Source span → normalized span (the inverse of `to_source`, by search in the offset map)."""
    return bisect.bisect_left(norm.index, span[0]), bisect.bisect_left(norm.index, span[1])
