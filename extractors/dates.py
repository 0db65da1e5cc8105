"""Dates: absolute, partial and relative forms resolved against the document's own date; periods;
kinds (publication, effective, deadline, period, event). Document numbers are masked first."""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from corpora.chars import mask  # noqa: F401  (the one masking function; callers may import it from here)
from extractors.numerals import chinese_year, parse_number
from extractors.records import DateMention
from extractors.scan import first_char_finditer, spaced_anchor_finditer

_CN = "〇零一二三四五六七八九十"
_Y = rf"(?P<y>(?:19|20)\d{{2}}|[{_CN}]{{4}})"
# ROC years: 中华民国九十三年, 民国113年 (Taiwan writes them in digits today), or a bare 一百零二年 (no Gregorian
# year is written with 百)
_ROC = rf"(?:(?:中华民国|民国)(?P<roc>[{_CN}百]{{1,5}}|(?:1[0-4]\d|[1-9]\d?)(?!\d))|(?P<roc2>一百[{_CN}]{{1,3}}))"
_M = r"(?P<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_D = r"(?P<d>3[01]|[12]\d|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])"
_FULL = re.compile(rf"(?:{_Y}|{_ROC})\s*年\s*{_M}\s*月\s*{_D}\s*[日号]")
# 2022-04-01, 2016.11.26, 2019/5/6; a clock time may follow with no space (2022-04-0110:21)
_ISO = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})(?P<sep>[-/.])(?P<m>1[0-2]|0?[1-9])(?P=sep)(?P<d>3[01]|[12]\d|0[1-9]|[1-9])(?:(?!\d)|(?=[01]\d:\d{2}|2[0-3]:\d{2}))")
# an e-paper's issue line: 2025年5月21日星期三, often with 日 left out
_WEEKDAY = re.compile(rf"{_Y}\s*年\s*{_M}\s*月\s*{_D}\s*[日号]?\s*(?=(?:星期|礼拜|周)[一二三四五六日天])")
_YM = re.compile(rf"{_Y}\s*年\s*{_M}\s*月(?!\s*\d*\s*[日号])")
_MD = re.compile(rf"(?<![年\d]){_M}\s*月\s*{_D}\s*[日号]")
_YEAR_ONLY = re.compile(rf"{_Y}\s*年(?![\d{_CN}]*\s*月)(?P<tail>(?:年?底|年?末)前?|上半年|下半年|第[一二三四]季度|以前|前)?")
_PERIOD = re.compile(r"(?P<y1>(?:19|20)\d{2})\s*[-—–－~～至到]+\s*(?P<y2>(?:19|20)\d{2})\s*年")
# 2024年10月至2025年3月, 2024年10月—12月
_MONTH_PERIOD = re.compile(r"(?P<y1>(?:19|20)\d{2})\s*年\s*(?P<m1>1[0-2]|0?[1-9])\s*月(?:份)?\s*(?:[-—–－~～]+|至|到)\s*"
                           r"(?:(?P<y2>(?:19|20)\d{2})\s*年\s*)?(?P<m2>1[0-2]|0?[1-9])\s*月(?:份)?(?!\s*\d{1,2}\s*日)")
_FIVE_YEAR = re.compile(r"[“\"「]?(?P<n>[十]?[一二三四五六七八九十])五[”\"」]?\s*(?P<tail>期间|时期|末|期末|初)")
_COUNTED_BEFORE = re.compile(r"(?:[\d一二两三四五六七八九十百]|几|多|半|个)\s*$")
_RELATIVE = re.compile(r"(?P<w>今年|本年度|明年|去年|年底前|年内|上半年|下半年|第[一二三四]季度|(?P<rm>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月底\s*(?:之|以)?前)")

_DEADLINE_BEFORE = ("到", "至", "截至", "截止", "截止到", "力争", "争取", "在")
_DEADLINE_AFTER = ("前", "以前", "之前", "底前", "末", "底", "年底", "年末")
_EFFECTIVE = re.compile(r"^\s*(起|开始)?\s*(施行|实施|执行|生效)|^\s*起")


@dataclass
class _Hit:
    start: int
    end: int
    y: int | None
    m: int | None
    d: int | None
    kind: str = "event"
    start_date: str | None = None
    end_date: str | None = None


def _num(s: str | None) -> int | None:
    if not s:
        return None
    v = parse_number(s)
    return int(v) if v is not None else None


def _year(m: re.Match) -> int | None:
    if m.groupdict().get("roc") or m.groupdict().get("roc2"):
        roc = m.group("roc") or m.group("roc2")
        roc = int(roc) if roc.isdigit() else chinese_year(roc)
        return roc + 1911 if roc else None
    y = m.group("y")
    return int(y) if y.isdigit() else chinese_year(y)


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def _month_end(y: int, m: int) -> str:
    return dt.date(y, m, calendar.monthrange(y, m)[1]).isoformat()


def _kind(text: str, h: _Hit) -> str:
    before = text[max(0, h.start - 4):h.start]
    after = text[h.end:h.end + 6]
    if _EFFECTIVE.match(after) and ("自" in before or "从" in before or after.lstrip().startswith("起")):
        return "effective"
    if any(after.startswith(a) for a in _DEADLINE_AFTER) or any(before.endswith(b) for b in _DEADLINE_BEFORE[:5]):
        return "deadline"
    return "event"


def find_dates(text: str, ref: dt.date | None, absolute: list[DateMention] | None = None) -> list[DateMention]:
    """All dates in `text` (normalized, document numbers masked). `ref` resolves partial forms.
    `absolute`: what `find_dates(text, None)` gave, when known; only the partial forms are then added."""
    if absolute is not None:
        return absolute if ref is None else sorted(absolute + _find(text, ref, [(d.start, d.end) for d in absolute]),
                                                   key=lambda d: d.start)
    return _find(text, ref, None)


# the year (month) that opens a pattern, before its 年 (月): (anchor, fewest, most characters), checked against
# the patterns in tests/extractors/test_scan.py; the scan tries a pattern only before each 年 (月)
_HEADS = {_FULL: ("年", 3, 9), _WEEKDAY: ("年", 4, 4), _YM: ("年", 4, 4), _YEAR_ONLY: ("年", 4, 4),
          _MONTH_PERIOD: ("年", 4, 4), _MD: ("月", 1, 2)}


def _scan(rx: re.Pattern, text: str):
    """`rx.finditer(text)`, tried only where its head's anchor allows, else only at the characters a match can
    begin with (extractors/scan.py)."""
    head = _HEADS.get(rx)
    return first_char_finditer(rx, text) if head is None else spaced_anchor_finditer(rx, head[0], text, head[1], head[2])


def _find(text: str, ref: dt.date | None, known: list[tuple[int, int]] | None) -> list[DateMention]:
    """The dates of `find_dates`; with `known` (spans already found), only partial forms resolved by `ref`."""
    hits: list[_Hit] = []
    taken: list[tuple[int, int]] = list(known or [])

    def free(a: int, b: int) -> bool:
        return not any(x < b and a < y for x, y in taken)

    def add(h: _Hit):
        if free(h.start, h.end):
            hits.append(h)
            taken.append((h.start, h.end))

    for m in (() if known is not None else _PERIOD.finditer(text)):
        y1, y2 = int(m.group("y1")), int(m.group("y2"))
        if y1 <= y2 <= y1 + 30:
            add(_Hit(m.start(), m.end(), y1, None, None, "period", f"{y1}-01-01", f"{y2}-12-31"))
    for m in (() if known is not None else _scan(_MONTH_PERIOD, text)):
        y1, m1, m2 = int(m.group("y1")), int(m.group("m1")), int(m.group("m2"))
        y2 = int(m.group("y2")) if m.group("y2") else y1
        if (y2, m2) >= (y1, m1):
            add(_Hit(m.start(), m.end(), y1, m1, None, "period", f"{y1}-{m1:02d}-01", _month_end(y2, m2)))
    for rx in (() if known is not None else (_FULL, _ISO, _WEEKDAY)):
        for m in _scan(rx, text):
            y, mo, d = _year(m), _num(m.group("m")), _num(m.group("d"))
            iso = _iso(y, mo, d) if y and mo and d else None
            if iso:
                add(_Hit(m.start(), m.end(), y, mo, d, start_date=iso, end_date=iso))
    for m in (() if known is not None else _scan(_YM, text)):
        y, mo = _year(m), _num(m.group("m"))
        if y and mo:
            add(_Hit(m.start(), m.end(), y, mo, None, start_date=f"{y}-{mo:02d}-01", end_date=_month_end(y, mo)))
    for m in (() if known is not None else _scan(_FIVE_YEAR, text)):
        n = _num(m.group("n"))
        if not n:
            continue
        # plans ran 1953-57 and 1958-62; after the 1963-65 adjustment the third began in 1966
        first = 1953 + (n - 1) * 5 if n <= 2 else 1966 + (n - 3) * 5
        tail = m.group("tail")
        if tail in {"末", "期末"}:
            add(_Hit(m.start(), m.end(), first + 4, None, None, "deadline", None, f"{first + 4}-12-31"))
        else:
            add(_Hit(m.start(), m.end(), first, None, None, "period", f"{first}-01-01", f"{first + 4}-12-31"))
    for m in (() if known is not None else _scan(_YEAR_ONLY, text)):
        y = _year(m)
        if not y:
            continue
        tail = m.group("tail") or ""
        h = _Hit(m.start(), m.end(), y, None, None, start_date=f"{y}-01-01", end_date=f"{y}-12-31")
        if tail.startswith("上半年"):
            h.end_date = f"{y}-06-30"
        elif tail.startswith("下半年"):
            h.start_date = f"{y}-07-01"
        elif tail.startswith("第"):
            q = "一二三四".index(tail[1]) + 1
            h.start_date, h.end_date = f"{y}-{3 * q - 2:02d}-01", _month_end(y, 3 * q)
        if tail.endswith("前") or "底" in tail or "末" in tail:
            h.kind, h.start_date = "deadline", None
        add(h)
    if ref is not None:
        for m in _scan(_MD, text):
            mo, d = _num(m.group("m")), _num(m.group("d"))
            iso = _iso(ref.year, mo, d) if mo and d else None
            if iso:
                add(_Hit(m.start(), m.end(), ref.year, mo, d, start_date=iso, end_date=iso))
        for m in _scan(_RELATIVE, text):
            w, y = m.group("w"), ref.year
            if m.group("rm"):
                mo = _num(m.group("rm"))
                add(_Hit(m.start(), m.end(), y, mo, None, "deadline", None, _month_end(y, mo)))
            elif w in {"年底前", "年内"}:
                if w == "年内" and _COUNTED_BEFORE.search(text, max(0, m.start() - 3), m.start()):
                    continue  # 余款一年内缴清, 三年内: a period counted from an event, not this year
                add(_Hit(m.start(), m.end(), y, None, None, "deadline", None, f"{y}-12-31"))
            elif w in {"今年", "本年度", "明年", "去年"}:
                y += {"明年": 1, "去年": -1}.get(w, 0)
                add(_Hit(m.start(), m.end(), y, None, None, "period", f"{y}-01-01", f"{y}-12-31"))
            elif w == "上半年":
                add(_Hit(m.start(), m.end(), y, None, None, "period", f"{y}-01-01", f"{y}-06-30"))
            elif w == "下半年":
                add(_Hit(m.start(), m.end(), y, None, None, "period", f"{y}-07-01", f"{y}-12-31"))
            else:
                q = "一二三四".index(w[1]) + 1
                add(_Hit(m.start(), m.end(), y, None, None, "period", f"{y}-{3 * q - 2:02d}-01", _month_end(y, 3 * q)))
    out = []
    for h in sorted(hits, key=lambda h: h.start):
        if h.kind == "event" and h.d is not None:
            h.kind = _kind(text, h)
            if h.kind == "deadline":
                h.start_date = None
        elif h.kind == "event":
            k = _kind(text, h)
            if k == "deadline":
                h.kind, h.start_date = "deadline", None
            elif h.d is None and h.m is None:
                h.kind = "other"
        out.append(DateMention(text[h.start:h.end], h.kind, h.start_date, h.end_date, h.start, h.end))
    return out


_NOT_SIGNATURE_AFTER = re.compile(r"^\s*(起|开始|前|以前|之前|至|到|止|以来|后|期间|出台|印发|发布|，|,|的)")
_LINE_END_AFTER = re.compile(r"^[ \t\r）)]*(\n|$|[（(]|此件)")
# 2021年5月8日 某市人民代表大会常务委员会第三十七次会议通过 / 1.中华民国九十三年…日行政院…令订定
_ADOPTION_AFTER = re.compile(r"^[^\n。；]{2,70}?(通过|批准|公布|发布|订定|修正|颁布)[^\n。；]{0,30}$", re.M)
# a distribution note beside the signing date: （此件发至乡）, （此件公开发布）
_NOTE = re.compile(r"[（(]此件[^（()）\n]{1,16}[)）]")
_ISSUER_TAIL = re.compile(r"(政府|办公室|办公厅|委员会|委|局|厅|部|院|会|中心|署|处|小组|公司|行|所)$")


# a label of a date cell on the last non-empty line before a date standing alone
_CELL_LABEL = re.compile(r"(?:日期|时间|时期|日\s*期|时\s*间)\s*[:：]?\s*\n\s*(?:\n\s*)*$")


_ISO_DAY = re.compile(r"(?:19|20)\d{2}-\d{1,2}-\d{1,2}")


def _previous_line(text: str, pos: int) -> str:
    """The last non-empty line before the line holding pos, stripped."""
    end = text.rfind("\n", 0, pos)
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].strip()
        if line:
            return line
        end = start - 1
    return ""


def signature_dates(text: str, dates: list[DateMention]) -> list[DateMention]:
    """Full dates that stand as a signing date: on a line of their own (after the issuer's name, if
    any), or right after the closing sentence of a notice run into one line; never part of a phrase
    (自…起, 于…, …前, 对…印发)."""
    out = []
    first_stop = text.find("。")  # where the body's first sentence ends: a date before it heads the text
    for d in dates:
        if not d.start_date or d.start_date != d.end_date:
            continue
        after = text[d.end:d.end + 12]
        if _NOT_SIGNATURE_AFTER.match(after):
            continue
        line_before = _NOTE.sub("", text[text.rfind("\n", 0, d.start) + 1:d.start]).strip()
        own_line = _LINE_END_AFTER.match(after) and (
            not line_before or (len(line_before) <= 40 and not re.search(r"[，,；;。：:、]", line_before)
                                and _ISSUER_TAIL.search(line_before.replace(" ", ""))))
        run_in = line_before.endswith(("。", "！")) and (_LINE_END_AFTER.match(after) or re.match(
            r"^[\u4e00-\u9fff]{2,30}?(政府|办公室|办公厅|委员会|委|局|厅)", after))
        adopted = re.fullmatch(r"[\d.、（()）\s]*", line_before) and _ADOPTION_AFTER.match(
            text[d.end:text.find("\n", d.end) if "\n" in text[d.end:] else len(text)])
        if own_line and not line_before and _CELL_LABEL.search(text[max(0, d.start - 40):d.start]):
            continue  # the value of a table's date cell dumped under its label (失效日期 / 2023-12-31)
        if own_line and not line_before and _ISO_DAY.fullmatch(text[d.start:d.end].strip()) and 0 <= first_stop < d.start:
            prev = _previous_line(text, d.start)
            if prev and not prev.endswith(("。", "！", "”")) and not _ISSUER_TAIL.search(prev.replace(" ", "")):
                continue  # 某行长：稳妥化解风险 / 2023-10-23: a listed story's date under its headline, no signature
        if own_line or run_in or adopted:
            out.append(d)
    return out


# Labels of a document's own dates in a page's byline or attribute block, strongest first: the date it
# was written, the date it was published, then a page's timestamp (which on a repost is the repost's).
_BYLINE_LABELS = (
    ("成文日期", "成文时间", "签发日期", "印发日期", "发文日期", "生成日期"),
    ("公布日期", "发布日期", "颁布日期", "公开日期", "发文时间", "印发时间", "发布时期"),
    ("发布时间", "发表时间", "公布时间", "发布于", "发表于", "更新时间", "更新日期", "时间", "日期"),
)
_LABEL = re.compile(r"[【\[［]?(?P<label>" + "|".join(
    sorted((x for group in _BYLINE_LABELS for x in group), key=len, reverse=True)) + r")[】\]］]?\s*[:：]?\s*")
_LABEL_RANK = {x: i for i, group in enumerate(_BYLINE_LABELS) for x in group}
_CLOCK = re.compile(r"\s*\d{1,2}[:：]\d{2}")
# a line that carries a page's attribution (来源, 作者, 浏览次数…) or an e-paper's issue date
_BYLINE_LINE = re.compile(r"来源|作者|编辑|浏览|点击|阅读|字号|字体|大字|打印|星期|礼拜")
# a line of its own in parentheses that opens with the date: the document's own date, printed under its title
_OWN_NOTE = re.compile(r"^\s*(?:题\s*注\s*[:：]\s*)?[（(][^（()）]{6,300}[)）]\s*$")
# a law's note of its adoption and later amendments: (…日…通过　根据…日…决定第一次修正　…日…修订); its text is the last one's
_AMENDED = re.compile(r"修正|修订|修改")
_PERIOD_AFTER = re.compile(r"\s*(起|开始|前|以前|之前|至|到|止|以来|后|期间)")  # （2021年3月1日起施行）: not its own date
_HEAD = 600  # a page's timestamp sits in its head, not among the teasers below the text


def byline_dates(text: str, dates: list[DateMention]) -> list[tuple[int, DateMention]]:
    """Full dates a page prints about the document itself, as (rank, date), best first: a labelled
    date (rank 0 成文日期, 1 发布日期, 2 发布时间/时间), the date that opens a parenthesised line under
    the title (rank 0: its adoption or issue), or, in the head, an unlabelled timestamp (rank 3: a date
    with a clock time, or on a line of 来源/作者/浏览… attributes)."""
    full = {d.start: d for d in dates if d.start_date and d.start_date == d.end_date}
    head = max(_HEAD, len(text) // 4)
    out: list[tuple[int, DateMention]] = []
    seen: set[int] = set()
    for m in first_char_finditer(_LABEL, text):
        d = full.get(m.end())
        rank = _LABEL_RANK[m.group("label")]
        if len(m.group("label")) == 2 and re.match(r"[\u4e00-\u9fff]", text[m.start() - 1:m.start()]):
            continue  # 会议时间, 报名日期: the date of something else
        if d is not None and (rank < 2 or d.start < head):
            out.append((rank, d))
            seen.add(d.start)
    for d in full.values():
        if d.start in seen:
            continue
        line_start = text.rfind("\n", 0, d.start) + 1
        line = text[line_start:(text.find("\n", d.end) + 1 or len(text) + 1) - 1]
        if _OWN_NOTE.match(line) and not _PERIOD_AFTER.match(text, d.end) and re.fullmatch(r"(?:题\s*注\s*[:：]\s*)?[（(]\s*", text[line_start:d.start].strip()):
            if _AMENDED.search(line):  # amended since: the date of the last amendment the note lists
                d = max((x for x in full.values() if line_start <= x.start < line_start + len(line)
                         and not _PERIOD_AFTER.match(text, x.end)), key=lambda x: x.start_date)  # not 自…起施行
            out.append((0, d))  # (2003年5月28日 某政〔2003〕27号), (2016年11月26日…会议通过) under a title
        elif d.start < head and (_CLOCK.match(text, d.end) or (len(line) <= 100 and _BYLINE_LINE.search(line))):
            out.append((3, d))
    out.sort(key=lambda x: (x[0], x[1].start))
    return out
