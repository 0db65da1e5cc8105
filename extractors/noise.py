"""Noise in scraped and printed texts: site chrome, navigation, related-article lists, footers,
platform disclaimers, duplicated bodies, mojibake. Detection only: it returns spans and kinds, and
extraction masks them, so offsets into the source text never move and body text is never lost."""
from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from importlib import resources

from corpora.chars import CJK as _CJK
from corpora.chars import CJK_RANGE, mask
from extractors.regions import BODY_SUFFIXES
from extractors.stamps import TIME, full_date

# footers: licence and filing numbers, copyright, the site's sponsor; 主办/承办 only where a short line opens with them
_FOOTER = re.compile(r"(ICP备|ICP证|公网安备|版权所有|Copyright|©|技术支持[:：]|网站标识码|网站地图|建议使用.{0,20}浏览器|"
                     r"分辨率|政府网站找错)", re.I)
_SPONSOR = re.compile(r"^[-\s]*(主办单位|主办|承办单位|承办|协办|运行维护|联系我们)\s*[:：]")
# the sponsor named before the word (中共某市委、某市人民政府主办): a short line of body names that ends with it
_SPONSOR_AFTER = re.compile(r"^[\s\u4e00-\u9fff、（）()]{4,60}?(?:" + "|".join(BODY_SUFFIXES) + r")\s*(?:联合)?(?:主办|承办|协办)\s*$")
_CHROME = re.compile(r"^\s*(您当前的位置|当前位置|您的位置|你的位置|你当前的位置|首页\s*[>＞»]|打印本页|关闭窗口|【\s*打印\s*】|"
                     r"【\s*关闭\s*】|字号[:：]|【字体|分享到|扫一扫|收藏本页|浏览次数|阅读次数|访问量|点击数|信息来源[:：].{0,20}$)")
_PREV_NEXT = re.compile(r"^\s*(上一篇|下一篇|上一条|下一条)\s*[:：]?")
# the site's menu of its departments printed above the page's breadcrumb, a name a line (市审计局 / 市体育局 / 当前位置：…)
_MENU_BODY = re.compile(r"^[\u4e00-\u9fff（）()]{2,24}$")
_MENU_BODY_END = (*BODY_SUFFIXES, "协会", "联合社", "合作社", "联合会", "联社", "总队", "支队")
MIN_MENU_BODIES = 2
_DISCLAIMER = re.compile(r"(免责声明|本网站转载|本站转载|仅供参考，|如有侵权|不代表本(?:站|网|平台)观点|转载请注明|本文来源于网络|"
                         r"版权归原作者|文章来源于网络|投诉邮箱)")
_SENTENCE = re.compile(r"[。！？；]")


# a full date, its parts joined by - / . or 年 月 (extractors/stamps.py): the one date shape of the list-item and
# date-line patterns below
_SPACED_DATE = full_date(r"\s*")


_MENU_TOKEN = re.compile(r"^[\u4e00-\u9fff]{2,6}$")
_MOJIBAKE = re.compile(r"[\u4e00-\u9fff]\?{1,3}[\u4e00-\u9fff]|[\u4e00-\u9fff][A-Za-z][\u4e00-\u9fff]|\ufffd|锟斤拷|烫烫|屯屯")
# only texts below this size are searched for a pasted-twice body (the search is quadratic at worst)
_MAX_DUP_SEARCH = 2_000_000
# a pasted-twice body repeats at least this much, and at least this share of the text: tables that
# repeat a long cell in many rows are not duplicates
MIN_DUPLICATE = 200
MIN_DUPLICATE_SHARE = 0.15


@dataclass
class Noise:
    spans: list[tuple[int, int, str]] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return dict(Counter(kind for _, _, kind in self.spans))

    def mask(self, text: str) -> str:
        """`text` with the noise blanked by spaces (same length, line breaks kept)."""
        return mask(text, self.spans, " ")


@functools.cache
def vocabulary() -> dict[str, tuple[str, ...]]:
    """The chrome vocabularies of data/chrome.tsv, kind -> phrases (longest first)."""
    path = resources.files("extractors") / "data" / "chrome.tsv"
    out: dict[str, list[str]] = defaultdict(list)
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#") or line.startswith("kind\t"):
            continue
        kind, sep, phrase = line.partition("\t")
        if not sep or not phrase.strip():
            raise ValueError(f"{path}:{n}: expected 'kind<TAB>phrase'")
        out[kind].append(phrase.strip())
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


@functools.cache
def _patterns() -> dict[str, re.Pattern]:
    v = vocabulary()
    alt = lambda kind: "|".join(re.escape(p).replace("\\ ", r"\s*") for p in v[kind])  # noqa: E731
    return {
        "nav": re.compile(alt("nav")),
        "nav_head": re.compile(rf"^\s*(?:{alt('nav_head')})\s*[|｜:：]"),
        "related": re.compile(rf"^\s*[【\[]?(?:{alt('related')})[】\]]?\s*(?:[:：]|更多|>+|»|\s|[\ue000-\uf8ff])*$", re.I),
        "keywords": re.compile(rf"^\s*[【\[]?(?:{alt('keywords')})[】\]]?\s*[:：]", re.I),
        "disclaimer": re.compile(alt("disclaimer")),
        "epaper": re.compile(rf"^\s*(?:{alt('epaper')})"),
        "footer": re.compile(alt("footer")),
        "spam": re.compile(alt("spam")),
    }


_BREADCRUMB = re.compile(r"[>＞»›]")
_HEX_ID = re.compile(r"^[0-9a-f]{16,64}$")
_DAY_NAMED = re.compile(r"^(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[\u4e00-\u9fff]{2,}$")
_TEASER_END = re.compile(r"(\.{3}|…+|>>|》》)\s*$")
_DATED = re.compile(full_date())


class _Hits:
    """Which lines of a text a pattern can match in, from one pass over the whole text. A match inside a line
    is a match in the whole text too (the vocabularies' patterns have no anchors nor lookarounds), so its start
    either starts a match that `finditer` finds or lies under one: a line that no such match touches has none.
    Lines are asked about in order."""

    def __init__(self, rx: re.Pattern, text: str):
        self.spans = [m.span() for m in rx.finditer(text)]
        self.k = 0

    def touch(self, start: int, end: int) -> bool:
        sp, k = self.spans, self.k
        while k < len(sp) and sp[k][1] < start:
            k += 1
        self.k = k
        return k < len(sp) and sp[k][0] <= end


def _is_nav(line: str, words: bool = True) -> bool:
    """A short line made only of utility words (返回首页 加入收藏 关于我们), or a breadcrumb trail
    (首页 > 财经 > 快讯 >). `words`: False when the line holds none of the utility words."""
    if len(line) > 80:
        return False
    if words:
        rest = _patterns()["nav"].sub("", line)
        if len(_CJK.findall(rest)) < 2 and len(_CJK.findall(line)) >= 2:
            return True
    parts = [p.strip() for p in _BREADCRUMB.split(line)]
    return len(parts) >= 3 and all(len(p) <= 12 and not _SENTENCE.search(p) for p in parts)


_CELL_MARK = re.compile(r"[\d，。；：:]")
_MENU_SPLIT = re.compile(r"[\s｜/·•]+")


def _is_menu(line: str) -> bool:
    if "|" in line:  # a table row, which readers write with " | " between cells, unless its cells link sites
        cells = [c.strip() for c in line.split("|") if c.strip()]
        return (len(cells) >= 4 and all(len(c) <= 8 and not _CELL_MARK.search(c) for c in cells)
                and sum(c.endswith(("网", "网站", "门户", "人大", "政协", "镇", "乡", "街道", "街道办事处")) for c in cells) * 2
                >= len(cells))  # (a county site's bar of its towns: 某某镇 | 某某乡 | 某某街道办事处)
    tokens = [t for t in _MENU_SPLIT.split(line.strip()) if t]
    return len(tokens) >= 4 and all(_MENU_TOKEN.match(t) for t in tokens)


# a headline of another story: 8 to 60 characters with no sentence in it, maybe numbered as a ranking (04/…)
_HEADLINE_LINE = re.compile(r"^\d{1,2}\s*[/／]\s*[^。；;\n|]{6,60}$")
_RANKED_START = re.compile(r"^\d{1,2}\s*[/／]\s*\S")
_BODY_LINE = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+\s*[、.．]|第[一二三四五六七八九十百\d]+[章节条])")
MIN_HEADLINE_RUN = 3


# a plain headline of another story in a list (814个小区 12246栋楼楼道 某市开展供热整治行动): a short line with no
# full stop, maybe under its date; MIN_PLAIN_RUN of them in a row, few with a comma, are a list of stories
_PLAIN_HEADLINE = re.compile(r"^[^。；;|\n]{12,48}$")
_DATE_LINE = re.compile(rf"^[\[【（(]?\s*{_SPACED_DATE}\s*日?(?:\s+{TIME})?\s*[\]】）)]?$")
MIN_PLAIN_RUN = 4
# a list may give each story its lead under its date (headline / 2024-05-01 / one or two sentences)
MAX_TEASER = 120


# six Chinese characters, anywhere (the same answer as len(_CJK.findall(s)) >= 6, without listing them all)
_SIX_CJK = re.compile(rf"(?:[^{CJK_RANGE}]*[{CJK_RANGE}]){{6}}")


def _headline_like(s: str) -> bool:
    """A stripped line that may be a headline: not numbered as a part of a document, six or more Chinese
    characters, not ending as a lead-in."""
    return not _BODY_LINE.match(s) and _SIX_CJK.match(s) is not None and not s.endswith(("：", ":", "，", ",", "、"))


def headline_runs(text: str, body_start: int = 0, plain_runs: bool = False) -> list[tuple[int, int]]:
    """Runs of consecutive lines that are all headlines of other stories: at least MIN_HEADLINE_RUN ranked
    ones (01/某某…, 02/某某…, a site's list of its most read), or at least MIN_PLAIN_RUN plain ones (short lines
    with no full stop, each maybe under its date, at most a third with a comma — a paragraph wrapped into lines
    has commas on most). None is numbered as a part of a document (一、 （一） 1. 第N条), each has six or more
    Chinese characters and does not end as a lead-in (：，). Plain runs only where asked (`plain_runs`): they are
    no noise a page is cut by (a portal's page is still read as its document), but no figure in them is the
    document's."""
    out: list[tuple[int, int]] = []
    ranked: list[tuple[int, int]] = []
    plain: list[tuple[int, int]] = []
    dates: list[tuple[int, int]] = []
    commas = spaced = leads = dated = 0
    gap = False  # a blank line or a date line since the last plain headline
    teaser = False  # the line after a plain headline's date may be the story's lead
    lead: tuple[int, int] | None = None  # that lead, part of the list once the next headline follows

    def close_plain():
        nonlocal commas, spaced, lead, leads, dated
        # a list of stories sets its items apart (a blank line, a date under each): a table's rows or a
        # paragraph's lines, read from a PDF, follow each other
        # (a list whose items are dated on the line under them is no paragraph, whatever its commas)
        if len(plain) >= MIN_PLAIN_RUN and (commas * 3 <= len(plain) or dated * 2 >= len(plain)) \
                and spaced * 2 >= len(plain) - 1:
            # the last item's lead only where the items before had theirs: after a page's list of stories, a
            # story's own headline, date and first paragraph are the document
            out.extend(plain + dates + ([lead] if lead and leads >= 2 else []))
        plain.clear()
        dates.clear()
        commas = spaced = leads = dated = 0
        lead = None

    pos = 0
    for line in text.split("\n") + [""]:
        start, end = pos, pos + len(line)
        pos = end + 1
        s = line.strip()
        if not s:
            gap = True
            continue
        if start < body_start:
            continue
        if plain_runs:
            headline_like = _headline_like(s)
            is_ranked = headline_like and bool(_HEADLINE_LINE.match(s))
        else:  # only a ranked line is asked about: its pattern first, the rarer match
            is_ranked = bool(_HEADLINE_LINE.match(s)) and _headline_like(s)
        if not is_ranked and len(ranked) >= MIN_HEADLINE_RUN and _RANKED_START.match(s) and not text[end:].strip():
            is_ranked = True  # the list's next item cut short where the text was cut (…/10 某某 / 01/某某：)
        if is_ranked:
            ranked.append((start, end))
        else:
            if len(ranked) >= MIN_HEADLINE_RUN:
                out.extend(ranked)
            ranked = []
        if not plain_runs:
            continue
        if _DATE_LINE.match(s):
            if plain:
                dated += plain[-1][1] > (dates[-1][1] if dates else -1)  # the first date under this headline
                dates.append((start, end))
                teaser = True  # the date under the list's last headline
            gap = True
            continue
        if headline_like and not is_ranked and _PLAIN_HEADLINE.match(s):
            spaced += bool(plain) and gap
            plain.append((start, end))
            commas += "，" in s or "," in s
            if lead:
                dates.append(lead)
                leads += 1
            gap = teaser = False
            lead = None
            continue
        if teaser and len(s) <= MAX_TEASER and not _BODY_LINE.match(s):
            lead = (start, end)  # the story's lead under its headline and date
            teaser = False
            gap = True
            continue
        close_plain()
        gap = teaser = False
    if len(ranked) >= MIN_HEADLINE_RUN:
        out.extend(ranked)
    close_plain()
    return sorted(out)  # a line is in one run at most: ranked and plain lines exclude each other


def dated_story_lists(text: str) -> list[tuple[int, int]]:
    """The spans of lists of other stories that date their items (headline / 2024-05-01 / its lead, one after
    another): the plain runs of `headline_runs` holding MIN_DATED_ITEMS date lines or more. A run with no dates
    may be a list of a notice's own lines (its signature, a staff list), whose bodies are the document's."""
    out: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []

    def close():
        if sum(bool(_DATE_LINE.match(text[a:b].strip())) for a, b in run) >= MIN_DATED_ITEMS:
            out.append((run[0][0], run[-1][1]))
        run.clear()

    for a, b in headline_runs(text, plain_runs=True):
        if run and text[run[-1][1]:a].strip():
            close()
        run.append((a, b))
    close()
    return out


MIN_DATED_ITEMS = 2


def find_noise(text: str, body_start: int = 0) -> Noise:
    """Noise spans in `text` (normalized); the metadata header before `body_start` is left alone."""
    noise = Noise()
    pos = 0
    related = False
    pat = _patterns()
    # the vocabularies' patterns run once over the text; a line is searched only where they found something
    nav, spam = _Hits(pat["nav"], text), _Hits(pat["spam"], text)
    footer, disclaimer = _Hits(pat["footer"], text), _Hits(pat["disclaimer"], text)
    menu: list[tuple[int, int]] = []  # the lines of body names right above this one
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if start < body_start or not line.strip():
            continue
        s = line.strip()
        kind = None
        if menu and _CHROME.match(s) and sum(text[a:b].strip().endswith(_MENU_BODY_END) for a, b in menu) \
                >= max(MIN_MENU_BODIES, len(menu) * 2 // 3):
            # (a line that is no body's name is a name cut short, 市住房公积金, unless long enough for a title)
            noise.spans.extend((a, b, "navigation") for a, b in menu
                               if text[a:b].strip().endswith(_MENU_BODY_END) or len(text[a:b].strip()) <= 8)
        if _MENU_BODY.match(s):
            menu.append((start, end))
        elif menu:
            menu = []
        if pat["related"].match(s):
            kind, related = "related_list", True
        elif related and (len(s) <= 60 and not _SENTENCE.search(s) or _TEASER_END.search(s) and len(s) <= 200
                          or _DATED.search(s) and len(s) <= 80):
            kind = "related_list"  # a teaser: a headline, its cut summary, its date
        else:
            related = False
            if _PREV_NEXT.match(s):
                kind = "navigation"
            elif _CHROME.match(s) or (len(s) <= 80 and _is_menu(s)) or _is_nav(s, nav.touch(start, end)) or pat["nav_head"].match(s) \
                    or _HEX_ID.match(s):
                kind = "navigation"
            elif len(s) <= 300 and pat["keywords"].match(s):
                kind = "keywords"
            elif len(s) <= 400 and pat["epaper"].match(s) and not _SENTENCE.search(s):
                kind = "epaper"
            elif (len(s) <= 200 and (_FOOTER.search(s) or (footer.touch(start, end) and pat["footer"].search(s)))) \
                    or (_SPONSOR.match(s) and len(s) <= 80 and not _SENTENCE.search(s[:-1])) \
                    or (_SPONSOR_AFTER.match(s) and "由" not in s):
                kind = "footer"
            elif len(s) <= 300 and (_DISCLAIMER.search(s) or (disclaimer.touch(start, end) and pat["disclaimer"].search(s))):  # the cheap test first
                kind = "disclaimer"
        if kind:
            noise.spans.append((start, end, kind))
        elif spam.touch(start, end):  # words injected into the text by spam (gambling, fake invoices), blanked where they stand
            noise.spans.extend((start + m.start(), start + m.end(), "spam") for m in pat["spam"].finditer(line))
    noise.spans.extend((a, b, "related_list") for a, b in headline_runs(text, body_start)
                       if not any(x <= a < y for x, y, _ in noise.spans))
    noise.spans.extend((a, b, "duplicate_body") for a, b in duplicated_blocks(text, body_start))
    _add_widgets(noise, text, body_start)
    noise.spans.sort()
    return noise


def _add_widgets(noise: Noise, text: str, body_start: int) -> None:
    """Sidebar widgets and tickers (extractors/widgets.py) on lines no other rule blanked."""
    from extractors.widgets import widget_spans  # widgets reads this module's vocabulary

    taken = {a for a, _, _ in noise.spans}
    noise.spans.extend(s for s in widget_spans(text, body_start) if s[0] not in taken)


def duplicated_blocks(text: str, body_start: int = 0, probe: int = 50) -> list[tuple[int, int]]:
    """Later copies of any run of MIN_DUPLICATE or more characters that already occurred earlier."""
    if len(text) > _MAX_DUP_SEARCH:
        return []
    out: list[tuple[int, int]] = []
    i = body_start
    n = len(text)
    need = max(MIN_DUPLICATE, int(MIN_DUPLICATE_SHARE * (n - body_start)))
    while i + probe <= n:
        piece = text[i:i + probe]
        j = text.find(piece, i + probe)  # (most pieces occur once: found or not before their variety is counted)
        if j < 0 or not piece.strip() or len(set(piece)) < 10:
            i += probe
            continue
        back = 0  # extend to the left, then right
        while i - back > body_start and text[i - back - 1] == text[j - back - 1] and j - back - 1 >= i + probe:
            back += 1
        length = probe
        while j + length < n and i + length < j and text[i + length] == text[j + length]:
            length += 1
        if length + back >= need:
            out.append((j - back, j + length))
            i = j + length
        else:
            i += probe
    return out


_MOJIBAKE_WORDS = re.compile(r"\ufffd|锟斤拷|烫烫|屯屯")
_QUERY_RUN = re.compile(r"\?\?*")  # opening on a literal or a class, the engine skips to their characters
_LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z]*")


def _between_cjk(text: str, start: int, end: int) -> bool:
    return start > 0 and end < len(text) and "\u4e00" <= text[start - 1] <= "\u9fff" and "\u4e00" <= text[end] <= "\u9fff"


def has_mojibake(text: str) -> bool:
    """Whether `_MOJIBAKE` finds anything in text, found from the runs of question marks (1 to 3 between Chinese
    characters) and of Latin letters (one between them) instead of trying the pattern at every Chinese character."""
    if _MOJIBAKE_WORDS.search(text):
        return True
    return any(m.end() - m.start() <= 3 and _between_cjk(text, m.start(), m.end()) for m in _QUERY_RUN.finditer(text)) \
        or any(m.end() - m.start() == 1 and _between_cjk(text, m.start(), m.end()) for m in _LATIN_RUN.finditer(text))


_LIST_ITEM_DATE = re.compile(rf"{full_date()}日?\s*(?:\|\s*)?$|\s[01]\d-[0-3]\d\s*$|^[-*•·|\s]*{full_date()}日?\s")
_STATEMENT = re.compile(r"[。；]")
_DATE_ONLY = re.compile(r"^(?:(?:19|20)\d{2}[-/.])?[01]?\d[-/.][0-3]?\d$")  # 07-20, 2026-06-17 (not a signature's 年月日)
_CUT_TEASER = re.compile(r"(?:\.{3}|…+)\s*$")  # a teaser cut with an ellipsis (not a link's >>: see _TEASER_END)
_EMPTY_ROW = re.compile(r"^[|\s]*$")
_BULLET = re.compile(r"^[-*•·]\s")
_PROSE_MARK = re.compile(r"[。；！？：]")
MAX_LIST_PROSE = 150
MIN_LIST_ITEMS = 5
LIST_SHARE = 0.6
MIN_MENU_ITEMS = 10
MENU_SHARE = 0.8


def listing_page(text: str, body_start: int = 0) -> int:
    """The number of links if the text after `body_start` is a list page rather than a document: a column's
    index of dated headlines, a menu of short links, or a portal's home page of such lists; 0 otherwise."""
    lines = [ln.strip() for ln in text[body_start:].split("\n") if ln.strip() and not _EMPTY_ROW.match(ln)]
    # a dated headline is an item even when it exclaims (降温要来啦！某地发布… 2023-12-12), never running text
    # a teaser cut short with an ellipsis (…的集中统一领...) is no running text; a page with MAX_LIST_PROSE
    # characters of running text is a document, whatever lists it holds (the lines after that are not read)
    dated: list[bool] = []
    prose = 0
    for ln in lines:
        d = len(ln) <= 120 and not _STATEMENT.search(ln) and bool(_LIST_ITEM_DATE.search(ln))
        dated.append(d)
        if len(ln) >= 12 and not d and _PROSE_MARK.search(ln) and not _CUT_TEASER.search(ln):
            prose += len(ln)
            if prose >= MAX_LIST_PROSE:
                return 0
    items = sum(dated)
    # a headline dated on the line under it (某某工作情况 / 2025-11-12) is one item over two lines
    under = sum(1 for i in range(1, len(lines)) if dated[i] and _DATE_ONLY.match(lines[i]) and not dated[i - 1])
    if items >= MIN_LIST_ITEMS and items >= LIST_SHARE * (len(lines) - under):
        return items
    links = sum(1 for ln in lines if len(ln) <= 15 and "|" not in ln and len(_CJK.findall(ln)) >= 2 and not _SENTENCE.search(ln))
    bullets = sum(1 for ln in lines if _BULLET.match(ln))
    if len(lines) >= MIN_MENU_ITEMS and (links >= MENU_SHARE * len(lines) or bullets >= MENU_SHARE * len(lines)):
        return max(links, bullets)
    return _portal_items(lines)


def _portal_items(lines: list[str]) -> int:
    """A portal's home page: headlines dated on the line under them (某某座谈会 / 07-20), briefings named by their
    day (2024年4月12日新闻发布会) and short links, with nothing of a document's head among them."""
    paired = {i for i in range(1, len(lines)) if _DATE_ONLY.match(lines[i]) and not _DATE_ONLY.match(lines[i - 1])}
    day_named = sum(1 for ln in lines if len(ln) <= 30 and _DAY_NAMED.match(ln))
    if len(paired) < MIN_LIST_ITEMS or day_named < MIN_LIST_ITEMS:
        return 0
    rest = [ln for i, ln in enumerate(lines) if i not in paired and i + 1 not in paired and not _DAY_NAMED.match(ln)]
    short = sum(1 for ln in rest if len(ln) <= 15 and not _SENTENCE.search(ln))
    n = len(paired) + day_named
    return n if n + short >= MENU_SHARE * (n + len(rest)) else 0


# a sentence of running text: ten characters or more closed by a full stop, not a bullet's teaser
_RUNNING = re.compile(r"[^。；！？|\n]{10,}[。；！？]")


def has_running_text(text: str, start: int = 0) -> bool:
    """Does the text after `start` hold a sentence outside bullet items (a link's teaser under - ) and short
    exclaimed headlines? A page with no title and no such sentence is menus, link lists, labels and contact
    tables, not a document."""
    return any(_RUNNING.search(ln) and not _EXCLAIMED_HEADLINE.match(ln) for ln in text[start:].split("\n")
               if not _BULLET.match(ln.strip()))


# a headline that ends with its one exclamation or question (16城新房成交未创新高，这些城市还在探底！) is no sentence
_EXCLAIMED_HEADLINE = re.compile(r"^\s*[^。；！？\n]{6,40}[！？]\s*$")
