"""HTML: main text by trafilatura, plus the government-page metadata it would drop.

The source text that offsets index is composed as: one `label：value` line per metadata field found
(发文字号, 成文日期, ...), a blank line, then the main text. `SourceText.metadata_spans` says where
each value sits, so a document number from the metadata table is grounded like any other.
"""
from __future__ import annotations

import datetime as dt
import re

import htmldate.extractors
import lxml.html
import trafilatura

from corpora.attachments import ATTACHMENT_SUFFIXES
from corpora.chars import CJK as _CJK
from corpora.readers.text import decode
from corpora.records import ErrorReason, RawDocument, ReadError, SourceText

# canonical key -> labels as printed on government pages (spaces inside labels are tolerated)
METADATA_LABELS: dict[str, tuple[str, ...]] = {
    "标题": ("标题", "名称", "信息名称", "文件名称", "公文名称", "文章标题"),
    "索引号": ("索引号",),
    "发文机关": ("发文机关", "发布机构", "发文单位", "发布单位", "制发机关", "发文机构", "成文单位", "公开责任部门"),
    "发文字号": ("发文字号", "文号", "文件编号", "发文编号", "文件字号"),
    "成文日期": ("成文日期", "生成日期", "印发日期", "发文日期", "成文时间"),
    "发布日期": ("发布日期", "公开日期", "发布时间", "公布日期", "公开时间", "发文时间"),
    "实施日期": ("实施日期", "施行日期", "生效日期", "生效时间"),
    "主题分类": ("主题分类", "主题词", "分类"),
    "有效性": ("有效性", "时效性", "效力状态", "废止日期"),
}
META_TAGS = {"articletitle": "标题", "pubdate": "发布日期", "contentsource": "来源"}

# htmldate (trafilatura's date finder, behind `extract_metadata`) sends a date string its own patterns do not read
# to dateparser, and looks month names up in dateparser's locales first, which loads ~30 MB into the worker. A date
# written in digits, as Chinese pages print their publication time (2024年03月08日 16:45:37, 2020—11—13 10:40), is
# read here to the datetime dateparser gives; another string without a Latin letter is no date (dateparser reads
# none of those on the pool's pages: a date inside a sentence, a label before it, Chinese numerals, a month word
# without a year); a string with Latin letters and a year or an English month name still goes to dateparser. An impossible
# date (2024年13月8日, which dateparser turns into 13 August) is no date.
_DIGIT_DATE = re.compile(r"\s*(\d{4})\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|[-—/.]\s*(\d{1,2})\s*[-—/.]\s*(\d{1,2}))"
                         r"(?:\s+(\d{1,2})\s*[:：]\s*(\d{2})(?:\s*[:：]\s*(\d{2}))?)?\s*")
_LATIN = re.compile(r"[A-Za-z]")
_dateparser_date = htmldate.extractors._external_date


def _external_date(string: str) -> dt.datetime | None:
    m = _DIGIT_DATE.fullmatch(string)
    if m:
        y, mo, d = int(m[1]), int(m[2] or m[4]), int(m[3] or m[5])
        try:
            return dt.datetime(y, mo, d, int(m[6] or 0), int(m[7] or 0), int(m[8] or 0))
        except ValueError:
            return None
    return _dateparser_date(string) if _LATIN.search(string) else None


_dateparser_cue = htmldate.extractors.has_date_cue


def _has_date_cue(string: str, min_date: dt.datetime, max_date: dt.datetime) -> bool:
    """htmldate's test before its external parser: without a Latin letter, only a date in digits passes; with
    Latin letters, a four-digit year or an English month name must stand in the string (htmldate's own first test:
    a month name of another language would need dateparser's locales)."""
    if _LATIN.search(string) is None:
        if _DIGIT_DATE.fullmatch(string) is None:
            return False
    elif htmldate.extractors.YEAR_OR_MONTH.search(string) is None:
        return False
    return _dateparser_cue(string, min_date, max_date)


htmldate.extractors._external_date = _external_date
htmldate.extractors.has_date_cue = _has_date_cue

_LABEL_TO_KEY = {label: key for key, labels in METADATA_LABELS.items() for label in labels}
_LABEL_RE = re.compile(
    r"^(" + "|".join(sorted(("[\\s\u3000]*".join(lab) for lab in _LABEL_TO_KEY), key=len, reverse=True))
    + r")[\s\u3000]*[：:]?[\s\u3000]*(.*)$"
)
_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)
_SPACES = re.compile(r"[\s\u3000\xa0]+")
# a page whose main text has fewer Chinese characters than this is not a policy document
MIN_CJK_CHARS = 40
# short pages saying these are error, captcha or access-denied pages, not documents
_ERROR_PAGE = re.compile(r"(拖动到图片|拼图|滑块|验证码|请开启JavaScript|访问过于频繁|访问受限|访问被拒绝|页面不存在|页面未找到|"
                         r"您访问的页面|找不到页面|404 Not Found|403 Forbidden|Access Denied|安全验证|人机验证)", re.I)


def _declared_charset(data: bytes) -> str | None:
    m = _CHARSET_RE.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


def page_metadata(html: str) -> dict[str, str]:
    """The labelled metadata table and <meta> tags of a government page, canonical key -> value."""
    try:
        root = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return {}
    found: dict[str, str] = {}
    for el in root.iter("meta"):
        name = (el.get("name") or "").lower()
        if name in META_TAGS and (el.get("content") or "").strip():
            found.setdefault(META_TAGS[name], _SPACES.sub(" ", el.get("content")).strip())
    attachments = []
    for a in root.iter("a"):
        href = (a.get("href") or "").lower().split("?")[0]
        name = _SPACES.sub(" ", a.text_content() or "").strip()
        named_file = name.lower().endswith(ATTACHMENT_SUFFIXES) or href.endswith(ATTACHMENT_SUFFIXES)
        if named_file and name and name not in attachments and len(name) <= 120:
            attachments.append(name)
    if attachments:
        found["附件"] = "；".join(attachments[:10])
    for el in root.xpath("//script|//style|//noscript"):
        el.drop_tree()
    chunks = [_SPACES.sub(" ", t).strip() for t in root.itertext()]
    chunks = [c for c in chunks if c]
    table: dict[str, str] = {}
    for i, chunk in enumerate(chunks):
        if len(chunk) > 200:
            continue
        m = _LABEL_RE.match(chunk)
        if not m:
            continue
        key = _LABEL_TO_KEY[_SPACES.sub("", m.group(1))]
        value = m.group(2).strip()
        if not value and i + 1 < len(chunks) and not _LABEL_RE.match(chunks[i + 1]):
            value = chunks[i + 1]
        if value and len(value) <= 120 and key not in table:
            table[key] = value
    # the page's own table wins over <meta> tags, which some sites fill with the site's name
    return {**found, **table}


# a title that names a site or a column rather than a document: too short, or a portal's section name
_SITE_TITLE = re.compile(r"(?:信息公开|政务公开|门户网站|网站|首页|人民政府网|公开目录)$")
_TITLE_SEPARATORS = re.compile(r"\s*(?:[_|｜]|\s[-—–]\s|(?<=[\u4e00-\u9fff）)])[-—–](?=[\u4e00-\u9fff]))\s*")


def _weak_title(title: str) -> bool:
    return len(_CJK.findall(title)) < 6 or bool(_SITE_TITLE.search(_SPACES.sub("", title)))


def _title_tags(html: str) -> list[str]:
    """What a page's title tags say, best first: <meta name=ArticleTitle>, og:title, then the first piece of
    <title> (某某指南-某市房产局: the piece before the site's name)."""
    try:
        root = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return []
    out = []
    for el in root.iter("meta"):
        key = (el.get("name") or el.get("property") or "").lower()
        if key in ("articletitle", "og:title") and (el.get("content") or "").strip():
            out.append(_SPACES.sub(" ", el.get("content")).strip())
    for el in root.iter("title"):
        text = _SPACES.sub(" ", el.text_content() or "").strip()
        if text:
            out.append(_TITLE_SEPARATORS.split(text)[0].strip())
        break
    return out


def _printed_date(html: str, date: str) -> bool:
    """Whether the page prints the date htmldate found, day included, in its markup, text or links. htmldate's
    last resort reads a bare year (a target's 到2027年, a copyright line) as 1 January of that year; such a guess
    is no publication date, and a page's header must not claim one."""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", date)
    if m is None:
        return False
    y, mo, d = m[1], int(m[2]), int(m[3])
    written = re.compile(rf"(?<!\d){y}\s*[-/.年_—–－]\s*0?{mo}\s*[-/.月_—–－]\s*0?{d}(?!\d)|(?<!\d){y}{mo:02d}{d:02d}(?!\d)")
    return written.search(html) is not None


def read(raw: RawDocument) -> SourceText:
    html, enc = decode(raw.data, raw.source, _declared_charset(raw.data))
    html = bound_markup(html)
    meta = page_metadata(html)
    if "标题" not in meta or len(_CJK.findall(meta["标题"])) < 6 or "发布日期" not in meta:
        page = trafilatura.extract_metadata(html)
        if page is not None and page.title and len(_CJK.findall(page.title)) >= 6 and len(_CJK.findall(meta.get("标题", ""))) < 6:
            meta["标题"] = _SPACES.sub(" ", page.title).strip()
        if page is not None and page.date and "发布日期" not in meta and _printed_date(html, page.date):
            meta["发布日期"] = page.date
    if _weak_title(meta.get("标题", "")):
        # the table and the page's headline name only the site or a column (某某政府信息公开): the title tags
        # (ArticleTitle, og:title, <title> before the site's name) may name the document
        better = next((t for t in _title_tags(html) if not _weak_title(t)), None)
        if better:
            meta["标题"] = better
    try:
        body = trafilatura.extract(html, include_tables=True, include_comments=False, favor_recall=True,
                                   deduplicate=False, with_metadata=False)
    except Exception as e:  # trafilatura raises assorted parser errors on broken markup
        raise ReadError(raw.source, ErrorReason.DECODE_ERROR, f"HTML could not be parsed: {e}") from e
    if not body or not body.strip():
        raise ReadError(raw.source, ErrorReason.NOT_A_DOCUMENT, "no main text found (a list, error or empty page)")
    cjk = len(_CJK.findall(body))
    if cjk < 400 and (m := _ERROR_PAGE.search(body)):
        raise ReadError(raw.source, ErrorReason.NOT_A_DOCUMENT, f"an error or challenge page ({m.group()})")
    if cjk < MIN_CJK_CHARS:
        raise ReadError(raw.source, ErrorReason.NOT_A_DOCUMENT,
                        f"main text has {cjk} Chinese characters (< {MIN_CJK_CHARS}): a list, error or empty page")
    parts: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    pos = 0
    for key, value in meta.items():
        line = f"{key}：{value}"
        spans[key] = (pos + len(key) + 1, pos + len(line))
        parts.append(line)
        pos += len(line) + 1
    header = "\n".join(parts) + ("\n\n" if parts else "")
    return SourceText(raw.source, header + body.strip() + "\n", raw.media_type, encoding=enc,
                      metadata=meta, metadata_spans=spans, body_start=len(header))


# Bounds on markup, applied before any parser sees a page: libxml2 gives up on elements nested deeper than 256,
# on attribute values over 10 MB, and checks attributes for duplicates in quadratic time, so a page built to hit
# these would lose its text or hold a worker for minutes. Tags beyond the bounds lose the excess markup; no text
# is dropped. A page within the bounds is passed on unchanged.
MAX_DEPTH = 200
MAX_ATTRIBUTES = 64
MAX_ATTRIBUTE_CHARS = 1_000_000  # pages inline images of some hundred KB as data: URLs

# the inside of a tag: quotes open a value only after `=` (a stray quote is an ordinary character, as in browsers)
_INSIDE = r"""(?:[^>"'=]++|=\s*+"[^"]*+"|=\s*+'[^']*+'|[="'])*+"""
_TOKEN = re.compile(
    r"<!--.*?(?:-->|\Z)"  # a comment (its tags are not markup)
    r"|<(script|style|textarea|title)\b" + _INSIDE + r">.*?(?:</\1\s*>|\Z)"  # raw text elements
    r"|<(/?)([A-Za-z][A-Za-z0-9:_-]*+)(" + _INSIDE + r")>",
    re.S | re.I)
_ATTR = re.compile(r"""([^\s=/>"']++)(?:\s*+=\s*+("[^"]*+"|'[^']*+'|[^\s>"']++))?""")
_VOID = frozenset("area base br col embed hr img input keygen link meta param source track wbr".split())
# an open tag of one of these closes an open element of the same group at the top of the stack (<p>…<p>, <li>…<li>)
_SIBLING = {"p": "p", "li": "li", "dt": "d", "dd": "d", "tr": "tr", "td": "c", "th": "c", "option": "option"}


def _bounded_tag(attrs: str) -> str | None:
    """The attribute text of a tag cut to MAX_ATTRIBUTES attributes of at most MAX_ATTRIBUTE_CHARS each, or None
    when it is within bounds."""
    if len(attrs) <= MAX_ATTRIBUTE_CHARS and attrs.count("=") <= MAX_ATTRIBUTES:
        return None
    kept: list[str] = []
    names: set[str] = set()
    for m in _ATTR.finditer(attrs):
        name = m.group(1).lower()
        if len(m.group(0)) > MAX_ATTRIBUTE_CHARS or name in names:
            continue
        names.add(name)
        kept.append(m.group(0))
        if len(kept) == MAX_ATTRIBUTES:
            break
    return ((" " + " ".join(kept)) if kept else "") + ("/" if attrs.rstrip().endswith("/") else "")


def bound_markup(html: str) -> str:
    """The page with nesting, attribute counts and attribute sizes within the bounds above (linear time)."""
    out: list[str] = []
    stack: list[str] = []
    dropped: dict[str, int] = {}  # open tags dropped beyond MAX_DEPTH, by name: their close tags go too
    pos = 0
    changed = False
    for m in _TOKEN.finditer(html):
        name = m.group(3)
        if name is None:  # a comment or a raw text element: passed on whole
            continue
        name = name.lower()
        closing = m.group(2) == "/"
        keep = True
        attrs = m.group(4)
        if closing and dropped.get(name):
            dropped[name] -= 1
            keep = False
        elif closing:
            # close the innermost open element of this name (within reach); a close tag with none is left to the parser
            for i in range(len(stack) - 1, -1, -1):
                if stack[i] == name:
                    del stack[i:]
                    break
        elif name not in _VOID and not attrs.rstrip().endswith("/"):
            group = _SIBLING.get(name)
            if group and stack and _SIBLING.get(stack[-1]) == group:
                stack.pop()
            if len(stack) >= MAX_DEPTH:
                keep = False  # the element's content stays where it is, in its deepest kept ancestor
                dropped[name] = dropped.get(name, 0) + 1
            else:
                stack.append(name)
        if not keep:
            out.append(html[pos:m.start()])
            pos, changed = m.end(), True
            continue
        bounded = None if closing else _bounded_tag(attrs)
        if bounded is not None:
            out.append(html[pos:m.start()])
            out.append(f"<{m.group(3)}{bounded}>")
            pos, changed = m.end(), True
    if not changed:
        return html
    out.append(html[pos:])
    return "".join(out)
