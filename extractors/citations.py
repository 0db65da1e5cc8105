"""What a document cites, and how: 根据《…》 implements, 同时废止 repeals, 修订 amends, otherwise cites.

A citation is a title in 《》 (with the number that follows it in brackets, 《…》（国发〔2021〕3号）, as one
item), or a cited document number standing alone. The relation is read from the clause around it. The
document's own plan named in its title (关于印发《…》的通知) is the document itself, not a citation.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.records import Citation, DocNumber

# 《title》, allowing one level of 〈〉 or 《》 inside (《贯彻〈条例〉的办法》)
_TITLE = re.compile(r"《((?:[^《》]|《[^《》]*》){2,120})》")
# a number in brackets right after a title: 《…》（国发〔2021〕3号）
_NUMBER_AFTER = re.compile(r"\s*[（(]\s*$")
_CLAUSE_END = re.compile(r"[。；;！!？?\n]")
_REPEALS = re.compile(r"废止|予以废除|停止执行|不再执行")
_AMENDS = re.compile(r"修订|修改|修正")
_IMPLEMENTS = re.compile(r"根据|按照|依据|依照|贯彻落实|贯彻|落实|遵照|为实施|实施《|转发|对照|精神")
_ISSUES_OWN = re.compile(r"(?:印发|制定|出台)$")
# a cited title names a document when it ends in a document kind (after its bracketed edition or period);
# 《商品房买卖合同》, 《…申请表》, 《居住证》 name forms and certificates, not documents
_DOC_KIND = re.compile(r"(?:法|法典|条例|规定|办法|细则|意见|通知|方案|规划|计划|决定|措施|纲要|标准|规范|指南|指引|"
                       r"政策|通告|公告|批复|复函|函|报告|决议|协定|要点|规则|章程|制度|公约|清单|目录|实施意见)$")
_TRAILING_BRACKETS = re.compile(r"(?:\s*[（(][^（）()]{1,20}[）)])+\s*$")
_PUNCT = re.compile(r"[\s\u3000《》〈〉<>“”\"'‘’（）()【】〔〕\[\]、，,。.：:；;·•—\-_]+")


@dataclass
class _Found:
    start: int
    end: int
    title: str | None
    number: str | None


def normalize_title(title: str) -> str:
    """A title as a key: no brackets, quotes, punctuation or spaces (traditional is folded by the caller)."""
    return _PUNCT.sub("", title or "")


_ISSUER_HEAD = re.compile(r"^(.{2,40}?)关于")
_ISSUES = re.compile(r"(?:印发|转发|发布|颁布)\s*$")
_WRAPPER = re.compile(r"^关于(?:印发|转发|发布)(.+?)的(?:通知|通告|公告|决定)$")


def title_keys(title: str | None) -> set[str]:
    """The keys a document answers to: its title, the title without its issuer (国务院办公厅关于… → 关于…),
    and the plan it issues (关于印发《X》的通知 → X). A title that names another document for another reason
    (关于修改《X》的决定) does not answer to X."""
    if not title:
        return set()
    keys = {normalize_title(title)}
    bare = normalize_title(_ISSUER_HEAD.sub("关于", title))
    keys.add(bare)
    inner = _WRAPPER.match(bare)
    if inner:
        keys.add(inner.group(1))
    keys |= {normalize_title(m.group(1)) for m in _TITLE.finditer(title) if _ISSUES.search(title[:m.start()])}
    return {k for k in keys if len(k) >= 5}


def named_issuer(title: str) -> str:
    """The issuer a cited title names before its 关于 (国务院办公厅关于… → 国务院办公厅), or ''."""
    head = _ISSUER_HEAD.match(title or "")
    return head.group(1) if head else ""


def names_document(title: str) -> bool:
    """《…管理办法（试行）》 names a document; 《通知》 alone, 《…登记表》 and 《居住证》 do not."""
    core = _TRAILING_BRACKETS.sub("", title.strip())
    return len(normalize_title(core)) >= 5 and bool(_DOC_KIND.search(core))


def find_citations(text: str, doc_numbers: list[DocNumber], title_span: tuple[int, int] | None = None,
                   title: str | None = None) -> list[Citation]:
    """Citations in a document's normalized text; offsets are into `text`."""
    cited = sorted((d for d in doc_numbers if d.role == "cited"), key=lambda d: d.start)
    own_titles = title_keys(title)
    found: list[_Found] = []
    used_numbers: set[int] = set()
    for m in _TITLE.finditer(text):
        inner = m.group(1)
        if title_span and title_span[0] <= m.start() < title_span[1]:
            before = text[title_span[0]:m.start()]
            if _ISSUES_OWN.search(before.rstrip()) or "印发" in before:
                continue  # 关于印发《X》的通知: X is this document's own plan
        key = normalize_title(inner)
        if not names_document(inner) or key in own_titles:
            continue  # a form or certificate, or this document's own title repeated (现将《X》印发给你们)
        f = _Found(m.start(), m.end(), inner, None)
        for i, d in enumerate(cited):
            gap = text[m.end():d.start]
            if d.start >= m.end() and len(gap) <= 3 and _NUMBER_AFTER.match(gap):
                close = re.match(r"\s*[）)]", text[d.end:])
                f.end = d.end + (close.end() if close else 0)
                f.number = d.normalized
                used_numbers.add(i)
                break
        found.append(f)
    for i, d in enumerate(cited):
        if i not in used_numbers and not any(f.start <= d.start < f.end for f in found):
            found.append(_Found(d.start, d.end, None, d.normalized))
    found.sort(key=lambda f: f.start)
    return [Citation(text=text[f.start:f.end], relation=relation(text, f.start, f.end), number=f.number,
                     title=f.title, start=f.start, end=f.end) for f in found]


def relation(text: str, start: int, end: int) -> str:
    """implements | repeals | amends | cites, from the clause that holds text[start:end]."""
    left = _CLAUSE_END.split(text[max(0, start - 80):start])[-1]
    right = _CLAUSE_END.split(text[end:end + 40])[0]
    # what the citation's own brackets say (《X》（2019年修订）) is part of its name, not a relation
    left_free = _TITLE.sub("", left)
    right_free = _TITLE.sub("", re.sub(r"^\s*[（(][^）)]*[）)]", "", right))
    if _REPEALS.search(right_free) or _REPEALS.search(left_free):
        return "repeals"
    if _AMENDS.search(left_free[-12:]) or re.match(r"\s*(?:进行|作(?:出)?|予以)?(?:修订|修改|修正)", right_free):
        return "amends"
    if _IMPLEMENTS.search(left_free):
        return "implements"
    return "cites"
