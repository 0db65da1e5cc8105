"""Document structure: title lines, splitting a file into its documents, and doc_type."""
from __future__ import annotations

import re
from dataclasses import dataclass

from corpora.chars import NUMBERED_HEADING
from extractors import refdata
from extractors.records import DocType

# title suffixes and the doc types they give: extractors/data/title_suffixes.tsv
_SUFFIX_ROWS = refdata.title_suffixes()
_TITLE_SUFFIX = tuple(r["suffix"] for r in _SUFFIX_ROWS if r["title_line"] == "yes")
_TYPE_BY_SUFFIX = [(tuple(r["suffix"] for r in _SUFFIX_ROWS if r["doc_type"] == t), DocType(t))
                   for t in dict.fromkeys(r["doc_type"] for r in _SUFFIX_ROWS if r["doc_type"])]
_INLINE_TITLE = re.compile(r"^[#\s]*(?P<t>[^。；;！!？?，,：:\n]{6,90}?的(?:通知|通报|决定|意见|批复|函))")
_NOT_TITLE = re.compile(r"(^上一篇|^下一篇|^相关|^责任编辑|^【|^来源|^附件|^打印|^关闭|本(?:通知|办法|规定|意见|方案|细则|条例|决定|措施)|〔\d{4}〕|^\d|年\d{1,2}月|^（|^\(|^(?:" + NUMBERED_HEADING + r")|^附件|^标题：|^来源|^索引号|^发文|^成文|^发布|^主题|^\|)")
_NEWS = re.compile(r"(记者|通讯员|本报讯|新华社|讯（|讯\(|日电|消息)")
_ENDS_WITH_DATE = re.compile(r"(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日[\s）)]*$")
_CLOSING = re.compile(r"(特此通知|特此公告|特此通告|特此函告|此复|此件公开发布|此件主动公开|日\s*$)")
_QUOTED = re.compile(r"《([^》]{4,})》")


@dataclass
class Title:
    text: str
    start: int
    end: int


def is_title_line(line: str) -> bool:
    s = line.strip().lstrip("#").strip()
    if not (6 <= len(s) <= 90) or _NOT_TITLE.search(s):
        return False
    return s.endswith(_TITLE_SUFFIX) or s.endswith(("》", "）")) and any(x in s for x in _TITLE_SUFFIX)


def _lines(text: str, start: int, end: int):
    pos = start
    for line in text[start:end].split("\n"):
        yield pos, line
        pos += len(line) + 1


def find_titles(text: str, body_start: int = 0) -> list[Title]:
    """Title lines, with short preceding lines joined (issuer line and wrapped title lines)."""
    lines = [(p, ln) for p, ln in _lines(text, 0, len(text)) if p >= body_start]
    out: list[Title] = []
    for i, (pos, line) in enumerate(lines):
        if not is_title_line(line):
            continue
        start, parts = pos, [line.strip().lstrip("#").strip()]
        j = i - 1
        while j >= 0 and i - j <= 3:
            prev = lines[j][1].strip()
            if not prev or len(prev) > 40 or prev[-1] in "。；;！？，,：:" or _NOT_TITLE.search(prev) or is_title_line(prev) \
                    or prev.endswith(("文件", "规范性文件")) or _CLOSING.search(prev):
                break
            parts.insert(0, prev)
            start = lines[j][0]
            j -= 1
        if out and out[-1].end >= start:
            continue
        t = "".join(parts)
        ws = start + (len(lines[j + 1][1]) - len(lines[j + 1][1].lstrip().lstrip("#").lstrip())) if parts else start
        out.append(Title(t, ws, pos + len(line.rstrip())))
    first = next(((p, ln) for p, ln in lines if ln.strip()), None)
    if first and (not out or out[0].start > first[0] + 200):
        p, ln = first
        s = ln.strip().lstrip("#").strip()
        if 6 <= len(s) <= 40 and s[-1] not in "。；;！？，,：:" and not _NOT_TITLE.search(s):
            out.insert(0, Title(s, p + ln.index(s), p + ln.index(s) + len(s)))
    if not out:
        m = _INLINE_TITLE.search(text[:400])
        if m:
            out.append(Title(m.group("t").strip(), m.start("t"), m.end("t")))
    return out


def _core(title: str) -> str:
    t = re.sub(r"^.*?关于(印发|转发|公布|发布)?", "", title)
    t = re.sub(r"(的通知|的通报|的决定|的批复|的函)$", "", t)
    return t.strip("《》“”\"")


def _related(title: str, previous: str) -> bool:
    """Does `title` belong to the document titled `previous` (the plan a notice issues)?"""
    if title.endswith(("解读", "答记者问")):
        return False
    a, b = _core(title), _core(previous)
    if not a or not b:
        return False
    quoted = _QUOTED.findall(previous)
    return a in b or b in a or any(a in q or q in a for q in quoted) or _overlap(a, b) >= 0.6


def _overlap(a: str, b: str) -> float:
    sa, sb = set(a), set(b)
    return len(sa & sb) / max(1, min(len(sa), len(sb)))


@dataclass
class Segment:
    start: int
    end: int
    title: Title | None


def segment(text: str, body_start: int = 0, min_chars: int = 200) -> list[Segment]:
    """Split a source into its documents at title lines of unrelated documents. A notice and the
    plan it issues stay one document; an interpretation of a notice is its own document."""
    titles = find_titles(text, body_start)
    if not titles:
        return [Segment(0, len(text), None)]
    segs: list[Segment] = [Segment(0, len(text), titles[0])]
    for t in titles[1:]:
        cur = segs[-1]
        gap = t.start - max(cur.title.start if cur.title else 0, cur.start)
        # a short document still ends where a signature date closes it right before the next title
        closed = bool(_ENDS_WITH_DATE.search(text[max(0, t.start - 40):t.start]))
        if gap < (60 if closed else min_chars):
            continue
        if cur.title and _related(t.text, cur.title.text):
            continue
        cur.end = t.start
        segs.append(Segment(t.start, len(text), t))
    return segs


def doc_type(title: str | None, text: str) -> DocType:
    if not title:
        return DocType.NEWS if _NEWS.search(text[:300]) else DocType.OTHER
    t = title.strip().rstrip("》）)")
    for suffixes, dtype in _TYPE_BY_SUFFIX:
        if t.endswith(suffixes):
            return dtype
    if _NEWS.search(text[:300]):
        return DocType.NEWS
    for suffixes, dtype in _TYPE_BY_SUFFIX:
        if any(s in t[-8:] for s in suffixes):
            return dtype
    return DocType.ARTICLE
