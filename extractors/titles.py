"""Title choice: a page title cleaned of the site's name, breadcrumbs and dates; keyword lists are no title."""
from __future__ import annotations

import re

from corpora.chars import CJK as _CJK

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


def choose_title(page_title: str, line_title: str | None) -> str | None:
    """A document's title: the page's own title (its metadata 标题, normalized) where, once cleaned, it
    still names a document (six or more Chinese characters); else the title line found in the text."""
    meta_title = clean_title(page_title)
    body_title = clean_title(line_title) if line_title else ""
    return meta_title if len(_CJK.findall(meta_title)) >= 6 else (body_title or None)


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
