"""Sidebar widgets and tickers of web pages: loan-rate tables, house-price index boxes, quote boxes,
scrolling news tickers and dated teaser lists that a page carries beside (or after) its article.
Their figures belong to the site, not to the notice, so they are blanked as noise like the rest of the
page furniture (offsets kept). Detection only; headings come from data/chrome.tsv (kind `widget`).

What makes a block a widget, rather than the article's own rate table:
- a *widget heading*: a short line that names a site tool or box (便民工具, 公积金存贷利率, 房价指数 with
  a date stamp, 关联个股...), not a numbered heading of the text (第八条 贷款利率, 三、...);
- under it only cells: short lines without sentence punctuation, or table rows; a line of prose ends it;
- at least two numeric cells (a box of links alone is left to the navigation rules).
A headline box is a column heading of a site (要 闻, 原 创, 相关新闻: data kinds `widget_column` and
`related`) over at least MIN_HEADLINES headlines: short lines without a full stop, which may shout (！).
A ticker is a run of at least MIN_TICKER lines that each open with a time stamp (- 10:53 标题,
- 2023-10-31 12:31:04 标题) or a teaser that carries its date after the headline (- 标题 2023-10-20摘要)."""
from __future__ import annotations

import functools
import re

from extractors.noise import vocabulary
from extractors.stamps import HYPHENS, NUMERIC_JOINERS, full_date

MIN_TICKER = 3
MAX_HEADING = 30
MAX_CELL = 30
MAX_ROW = 120
MIN_NUMERIC_CELLS = 2
MIN_HEADLINES = 3
MAX_HEADLINE = 60

_TICKER = re.compile(rf"^[-·•*]?\s*(?:{full_date(joiners=NUMERIC_JOINERS)}\s+)?[0-2]?\d:[0-5]\d(?::[0-5]\d)?\s+\S")
_TEASER = re.compile(rf"^[-·•*]\s*\S.{{2,80}}?\s{full_date(joiners=HYPHENS)}(?=[^\d\s:])")
_NUMBERED = re.compile(r"^\s*(?:第[一二三四五六七八九十百零〇\d]+[条章节款]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．]\D)")
_PROSE = re.compile(r"[。；，,：:！？]")
_STAMP = re.compile(r"[（(]\s*(?:19|20)\d{2}[-./年]?\d{0,2}月?\s*[）)]")
_NUMERIC = re.compile(r"\d")


@functools.cache
def _headings() -> tuple[re.Pattern, re.Pattern]:
    """(strict, stamped): strict headings name a widget by themselves; stamped ones (贷款利率, 价格指数)
    only with a date stamp on the line or the next one, as site boxes print them."""
    v = vocabulary()
    strict = [p for p in v.get("widget", ())]
    stamped = [p for p in v.get("widget_stamped", ())]
    alt = lambda ps: "|".join(re.escape(p) for p in ps) or r"(?!)"  # noqa: E731
    return re.compile(alt(strict)), re.compile(alt(stamped))


@functools.cache
def _columns() -> re.Pattern:
    v = vocabulary()
    words = list(v.get("widget_column", ())) + [p for p in v.get("related", ()) if " " not in p]
    alt = "|".join(r"\s*".join(map(re.escape, w)) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"^[【\[]?(?:{alt})[】\]]?\s*(?:更多|>+|»)?$")


def _is_headline(line: str) -> bool:
    s = line.strip()
    return 6 <= len(s) <= MAX_HEADLINE and len(re.findall(r"[\u4e00-\u9fff]", s)) >= 5 \
        and not re.search(r"[。；;]", s) and not s.endswith(("：", ":")) and not _NUMBERED.match(s) and "|" not in s


def _is_heading(line: str, nxt: str) -> bool:
    s = line.strip()
    if not s or len(s) > MAX_HEADING or _PROSE.search(s) or _NUMBERED.match(s):
        return False
    strict, stamped = _headings()
    if strict.search(s):
        return True
    return bool(stamped.search(s)) and bool(_STAMP.search(s) or _STAMP.fullmatch(nxt.strip()))


def _is_cell(line: str) -> bool:
    s = line.strip()
    if "|" in s:
        return len(s) <= MAX_ROW and not re.search(r"[。；！？]", s)
    return len(s) <= MAX_CELL and not _PROSE.search(s.lstrip("-·• "))


def widget_spans(text: str, body_start: int = 0) -> list[tuple[int, int, str]]:
    """Spans (start, end, kind) of sidebar widgets (`widget`) and tickers (`ticker`) after `body_start`."""
    lines: list[tuple[int, int, str]] = []
    pos = 0
    for line in text.split("\n"):
        if pos >= body_start and line.strip():
            lines.append((pos, pos + len(line), line))
        pos += len(line) + 1
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(lines):
        line = lines[i][2]
        if _TICKER.match(line.strip()) or _TEASER.match(line.strip()):
            j = i
            while j < len(lines) and len(lines[j][2].strip()) <= MAX_ROW * 2 and (
                    _TICKER.match(lines[j][2].strip()) or _TEASER.match(lines[j][2].strip())):
                j += 1
            if j - i >= MIN_TICKER:
                out.extend((a, b, "ticker") for a, b, _ in lines[i:j])
                i = j
                continue
        if _columns().match(line.strip()):
            j = i + 1
            while j < len(lines) and (_is_headline(lines[j][2]) or _columns().match(lines[j][2].strip())):
                j += 1
            if sum(1 for _, _, h in lines[i + 1:j] if _is_headline(h)) >= MIN_HEADLINES:
                out.extend((a, b, "widget") for a, b, _ in lines[i:j])
                i = j
                continue
        nxt = lines[i + 1][2] if i + 1 < len(lines) else ""
        if _is_heading(line, nxt):
            j = i + 1
            while j < len(lines) and (_is_cell(lines[j][2])):
                j += 1
            numeric = sum(1 for _, _, c in lines[i + 1:j] if _NUMERIC.search(c.strip()))
            if numeric >= MIN_NUMERIC_CELLS:
                out.extend((a, b, "widget") for a, b, _ in lines[i:j])
                i = j
                continue
        i += 1
    return out
