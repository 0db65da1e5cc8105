"""Commitments: quantitative targets, provisions and reported figures, each with its evidence."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from corpora.chars import CJK as _CJK
from corpora.chars import HEADING_LEVELS
from extractors import refdata
from extractors.noise import headline_runs
from extractors.numerals import CN_NUM_CHARS, parse_number
from extractors.records import Commitment
from extractors.stamps import NUMERIC_JOINERS, TIME, full_date
from extractors.structure import is_title_line

_NUM = rf"(?:\d+(?:,\d{{3}})*(?:\.\d+)?|[{CN_NUM_CHARS}]+(?:点[{CN_NUM_CHARS}]+)?)"
_MULT = r"(?:千万|百万|万亿|万|亿|千)?"
_SENTENCE_END = re.compile(r"[。！？；;!?\n]")
_SPACE, _SPACES = re.compile(r"\s"), re.compile(r"\s+")
_ISSUED_OF = re.compile(r"已(?:发布|印发|出台|公布|下达|明确|制定)的")
_CLAUSE_END = re.compile(r"[，,：:。！？；;!?\n]")

# comparators: (phrase, symbol, where) — before the number or after the unit
_BEFORE = [("不少于", ">="), ("不低于", ">="), ("不小于", ">="), ("至少", ">="), ("最低", ">="), ("起码", ">="),
           ("不高于", "<="), ("不超过", "<="), ("不多于", "<="), ("不大于", "<="), ("最高", "<="), ("最多", "<="),
           ("上限", "<="), ("控制在", "<="), ("控制目标", "<="), ("超过", ">"), ("超出", ">"), ("高于", ">"), ("多于", ">"), ("低于", "<"), ("少于", "<"), ("不足", "<"), ("不满", "<"),
           ("大于", ">"), ("小于", "<"), ("达到", ">="), ("达", ">="), ("约", "~"), ("近", "~"), ("大约", "~"),
           ("未满", "<"), ("满", ">="), ("已满", ">="), ("超", ">"), ("限", "<="), ("限额", "<="), ("封顶", "<="),
           ("至多", "<="), ("限制", "<="), ("只能", "<="), ("仅能", "<="), ("只可", "<="), ("仅可", "<="), ("限购", "<="), ("最少", ">="), ("最长", "<="), ("最短", ">="), ("最快", ">="), ("满足", ">="),
           ("大于或等于", ">="), ("大于等于", ">="), ("小于或等于", "<="), ("小于等于", "<="), ("不超出", "<="),
           ("达到或超过", ">="), ("迈上", ">="), ("跨上", ">="), ("站上", ">="), ("跃上", ">="), ("达到或高于", ">="), ("等于或超过", ">="), ("等于或大于", ">="), ("等于或高于", ">="),
           # 突破1.5万亿元: beyond the figure; 高达87%, 多达300家: a plain figure stressed, not a floor;
           # 最高可达50万元: a cap reached, not a floor
           ("突破", ">"), ("高达", "="), ("多达", "="), ("最高达", "<="), ("最高可达", "<="), ("最高达到", "<="),
           ("最高可达到", "<="), ("最多达", "<="), ("最多可达", "<="), ("最多达到", "<="), ("最多可达到", "<="),
           # 期限长达30年: a length stressed, as 高达; 最长达30年 stays a cap
           ("长达", "="), ("最长达", "<="), ("最长可达", "<="),
           # 搁板最大尺寸为0.6米, 最小分割单元为500平方米: the largest or smallest allowed, a bound (not 最大限度,
           # 最大的, 最大化: see _SUPERLATIVE_WORD)
           ("最大", "<="), ("最小", ">=")]
_AFTER = [("以上", ">="), ("及以上", ">="), ("以下", "<="), ("及以下", "<="), ("以内", "<="), ("之内", "<="),
          ("内", "<="), ("左右", "~"), ("上下", "~"), ("封顶", "<="), ("为限", "<="), ("为上限", "<="),
          ("或以上", ">="), ("甚至更高", ">="), ("或更高", ">="), ("及更高", ">="), ("或以下", "<="),
          # 两侧各100米范围内; 1800元规定上限不变, 50万元的上限: a distance within, a cap named after its sum
          ("范围内", "<="), ("范围以内", "<="), ("规定上限", "<="), ("的上限", "<="), ("上限", "<="), ("的下限", ">="), ("下限", ">=")]
# one-character comparison words bind only to a number right after them (满5年, 超6000家, 限200名):
# 满意度, 超低能耗, 期限 are words of their own
_TIGHT = {"满", "超", "限", "满足"}
# 约 and 近 inside other words (违约金, 合约, 签约, 预约, 约定; 最近, 附近, 就近, 近期, 近年) approximate nothing
_PART_OF_WORD = {"约": re.compile(r"[违合签预节制公条契履守失毁解续特集简缔婚]约|约[定束谈]"),
                 "近": re.compile(r"[最附就邻靠亲贴]近|近[期日来况年]")}
# 最大 and 最小 as words of their own (最大限度, 最大程度, 最大化, 全国最大的) bound no number
_SUPERLATIVE_WORD = re.compile(r"^(?:的|限度|程度|化|规模|努力|力度|值得)")
# 限 closing a word (期限, 时限, 年限, 权限) is no cap
_LIMIT_WORD = re.compile(r"[期时年权界局无有额]限$")

_REPORTED = re.compile(r"(已经|已|以来|累计|截至目前|截至|截止|目前|现有|共有|共计|同比|比上年|较上年|增长了|下降了|完成了|实现了|达到了|去年|上年(?!度)|过去|期间全市|期间全省)")
_FUTURE = re.compile(r"(到\d{4}|力争|争取|确保|将|要|计划|预计|目标|新增|建成|建设|(?<![\d一二三四五六七八九十两百半几多数个每当同])年内|培育|打造|推动|实现|提高到|提升到|达到|不少于|不低于|以上)")
# markers that a figure is still to come, which outweigh 已/累计/截至 in the same clause (想要, 主要, 重要, 只要 are no 要)
_FUTURE_STRONG = re.compile(r"(到\d{4}|(?<!毕业)(?<!毕业后)[一二三四五两\d]年内|力争|争取|确保|(?<![已经曾])将|计划|预计|目标|届时|努力|(?<![想主重只])要[求在]?|应当|[0-9]{4}年(?:底|末)?前(?![一二三四五六七八九十两\d]|半)|明年|下一步|今后)")
_PROVISION = re.compile(r"(有效期|(?:运营|服务|保修|责任|租赁|合同|使用|缴存|还款)期|税率|税额|补贴|补助|奖励|奖补|贷款|额度|首付|比例|给予|减免|缴存|提取|期限|工作日|办结|申请|缴纳|(?<!消)费|价|标准|利率|上限|最高|最长|"
                        r"面积|年龄|周岁|满|须|应当|不得|可|按)")
# how often or per what a value is set (每年, 每人每月, 每平方米): the unit itself stays as written (每平方米150元 → 元)
_RECURRENCE = re.compile(r"每(平方米|立方米|亩|吨|年|季度|个月|月|周|天|日|半年|学年|院|人|户|套|家|所|校|村|栋|幢|[\u4e00-\u9fff](?=[不至最]))")
_SUBJECT = re.compile(r"(全国|全省|全市|全县|全区|全州|全旗|我省|我市|我县|我区|各[省市县区]|各地|每个[\u4e00-\u9fff]{1,4}?(?=[至不应要均都须配])|各[\u4e00-\u9fff]{1,3}?(?=[要应均]))")
_YEAR_IN = re.compile(r"(?:(?:到|至|在|于|截至)?(?P<y>(?:19|20)\d{2})\s*年(?:底|末|年底|年末)?(?:(?:前|以前)(?![一二三三四五六七八九十两\d]|半))?)")
# a number that is not a commitment: part of an ordinal, article, section count, time of day, phone, code
_SKIP_BEFORE = re.compile(r"(第|共|以下|如下|附件|序号|编号|电话|传真|邮编|热线|联系|号码|条款|\d[:：]|[A-Za-z])$")
_SECTION_UNIT_AFTER = re.compile(r"^(方面|部分|章|节(?!能|约|水|日|假|点|庆|目)|条|款|大任务|项任务|项措施|项重点|个方面|项工作|方面任务|项政策|条措施|条政策)")
# 三年行动计划, 五年规划, 十条措施: the name of a plan, not a quantity
_PLAN_NAME_AFTER = re.compile(r"^(行动|规划|计划(?![外内])|攻坚|发展规划|专项行动|措施|举措|意见)")
# 首套/二套/三套住房: which home, not how many
# 第3套（含）及以上: the first of the homes a rule applies to, a lower bound
_NTH_HOME_ON = re.compile(r"\s*(?:[（(]含[）)])?\s*(?:及|或)?以上")
_ORDINAL_HOME = re.compile(r"^(住房|房|及以上|以上住房|商品住房|自住住房)")


# a paragraph opening with a deadline (到2023年，…) sets the year for what follows until the next heading
_SCOPE_YEAR = re.compile(r"^[\s\-—－·•]*(?:[（(]?[一二三四五六七八九十\d]+[)）、.．]\s*)?(?:力争|争取)?(?:到|至)\s*(?P<y>(?:19|20)\d{2})\s*年(?:底|末)?|"
                         r"^[\s\-—－·•]*(?P<y2>(?:19|20)\d{2})\s*年(?:底|末|年底|年末)?(?:前|以前)(?![一二三四五六七八九十两\d]|半)")
# a deadline inside a line (…专项行动，到2027年，…) governs the rest of its line, and the lines under it
# when the line ends by introducing them (：)
_INLINE_DEADLINE = re.compile(r"(?:(?:力争|争取)?(?:到|(?<![截])至)\s*(?P<y>(?:19|20)\d{2})\s*年(?:底|末|年底|年末)?(?:前)?|"
                              r"(?P<y2>(?:19|20)\d{2})\s*年(?:底|末|年底|年末)?(?:前|以前))(?![\d月）)》一二三四五六七八九十两半]|以来|起|版)")
# a rule's term running to a year (政策执行至2022年底, 有效期至2025年): the end of the rule, no deadline of the goals after it
_TERM_RUNS_TO = re.compile(r"(?:执行|实施|施行|有效期|延续|延长|期限)\s*(?:期限)?\s*(?:为|暂定)?\s*$")
# a heading with a year (三、2026年重点工作) gives it to the section under it; one that reviews (一、2025年
# 工作回顾) makes what is under it reported
_HEADING_YEAR = re.compile(r"(?<![\d（(《])(?P<y>(?:19|20)\d{2})\s*年(?![\d月）)》版]|以来|起)")
_REVIEW_HEADING = re.compile(r"回顾|总结|主要成效|工作成效|取得的成效|取得的成绩|主要成绩|工作成绩|完成情况|进展情况|执行情况|"
                             r"基本情况|发展现状|发展基础|现状分析|取得[^，,。；;]{0,6}成就|发展成就")
# a paragraph whose first sentence reviews a past period (“十四五”时期…取得重大成就。…较好完成…): its
# figures are results, as under a review heading
_REVIEW_LEAD = re.compile(r"^[^。！!\n]{0,40}?(?:取得[^，,。；;]{0,6}(?:成就|成效|成绩)|成就显著|成效显著|圆满完成|较好完成)[^。\n]{0,30}?[。；]")
# a call for projects or applications (征集…项目的通知, 申报指南): its year names the round, and its
# figures are conditions of the call, not deadlines of a plan
_CALL_TITLE = re.compile(r"征集|申报|遴选|评选|评审|推荐|认定|招募")
# a report of progress or results (近期业绩进展, 工作成效) that is no policy: its figures are results unless
# marked as still to come
_PROGRESS_TITLE = re.compile(r"进展|业绩|成效|工作总结|取得[^，,。]{0,4}成[绩果就]")
_POLICY_TITLE = re.compile(r"通知|意见|办法|方案|规划|计划|细则|规定|决定|政策|措施|指引|条例|解读|建议|公告|指南|要点")
# a guideline or technical rule (建设指引, 设计导则, 技术规范): a share it asks for with no deadline is a
# requirement of its design, not a goal
_GUIDE_TITLE = re.compile(r"指引|导则|技术规范|技术标准|设计标准|技术规程|技术要求|建设标准")
# heading levels: 第X章 0, 一、 1, （一） 2, 1. 3, （1） 4; a deadline scope opened under a heading of
# level L lasts through deeper headings until the next heading of level L or above
_HEADINGS = [(re.compile(r"^\s*" + p), level) for p, level in HEADING_LEVELS]
# the same, one pattern: its alternatives are tried in the list's order, each a group (the patterns hold none)
_ANY_HEADING = re.compile(r"^\s*(?:" + "|".join(f"({p})" for p, _ in HEADING_LEVELS) + ")")
_LEVEL_OF_GROUP = [None] + [level for _, level in HEADING_LEVELS]


def _heading_level(line: str, strict: bool = True) -> int | None:
    """The level of the first of `_HEADINGS` the line opens with (one match of `_ANY_HEADING`)."""
    if strict and len(line.strip()) > 40:
        return None
    m = _ANY_HEADING.match(line)
    return _LEVEL_OF_GROUP[m.lastindex] if m else None


@dataclass(frozen=True)
class _Scope:
    year: int | None = None
    review: bool = False


def _in_title_marks(line: str, pos: int) -> bool:
    """Whether pos lies inside 《…》 (a cited title, whose year is never a deadline)."""
    return line.rfind("《", 0, pos) > line.rfind("》", 0, pos)


def _scope_years(text: str) -> list[tuple[int, _Scope]]:
    """(offset, scope) where a deadline or a section heading opens a scope, or a heading closes one.
    A scope holds the deadline year that governs the values under it, or marks a review of results."""
    out: list[tuple[int, _Scope]] = []
    pos = 0
    current_level = -1  # the level of the heading we are under (-1: none)
    scope_level: int | None = None
    scope = _Scope()
    for line in text.split("\n"):
        m = _SCOPE_YEAR.match(line)
        level = _heading_level(line, strict=False) if m else _heading_level(line)
        if level is not None:
            if scope_level is not None and level <= max(scope_level, 0):
                scope, scope_level = _Scope(), None
                out.append((pos, scope))
            current_level = level
            head = line[:40]
            hy = next((h for h in _HEADING_YEAR.finditer(head) if not _in_title_marks(head, h.start())), None)
            if _REVIEW_HEADING.search(head) and not m:
                scope, scope_level = _Scope(review=True), level
                out.append((pos, scope))
            elif m or hy:
                scope, scope_level = _Scope(int((m.group("y") or m.group("y2")) if m else hy.group("y"))), level
                out.append((pos, scope))
        elif m:
            scope, scope_level = _Scope(int(m.group("y") or m.group("y2"))), current_level
            out.append((pos, scope))
        else:
            inline = [d for d in _INLINE_DEADLINE.finditer(line) if not _in_title_marks(line, d.start())
                      and not _TERM_RUNS_TO.search(line, max(0, d.start() - 8), d.start())] if "年" in line else []
            if inline:
                d = inline[0]
                out.append((pos + d.start(), _Scope(int(d.group("y") or d.group("y2")))))
                if line.rstrip().endswith(("：", ":")):
                    scope, scope_level = out[-1][1], current_level
                else:
                    out.append((pos + len(line), scope))  # the outer scope resumes after the line
        pos += len(line) + 1
    return out


@functools.cache
def _unit_pattern() -> re.Pattern:
    path = refdata.data_path("units.txt")
    units = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    units.sort(key=len, reverse=True)
    return re.compile(rf"(?P<num>{_NUM})(?:\s*[-—–－~～至到]\s*(?P<num2>{_NUM}))?\s*"
                      rf"(?P<unit>{_MULT}(?:{'|'.join(map(re.escape, units))})(?:\s*/\s*每?\s*(?:{_PER}))*(?:(?<=[米亩人户套间床])[·•・](?:年|月|日|天))?|成)"
                      rf"(?:（(?P<paren>[\u4e00-\u9fff]{{1,2}})）)?")


# what a rate is per: 元/人/年, 元/平方米·月, 次/年, 分/栋 — written after the sum, it is part of the unit as written
_PER = "平方米|立方米|亩|人次|人|户|年|月|日|天|次|吨|套|间|床|公里|台|辆|头|只|件|家|张|小时|周|季度|学期|个|本|证|份|宗|栋|幢|座|所|项"


@functools.lru_cache(maxsize=8)
def _line_spans(text: str) -> tuple[tuple[int, str], ...]:
    """(start, line) of each line of `text`: split once per text however many of the readers below ask (the
    document's text and its masked copy each hold a few)."""
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return tuple(out)


class _LinesAt:
    """The line of `text` that holds an offset, and what a function reads in a line, worked out once per line
    asked about: the same answer as reading every line of the text first, at the cost of the lines that hold
    a value."""

    def __init__(self, text: str):
        self.text = text
        self._read: dict[tuple[int, str], object] = {}

    def at(self, pos: int) -> tuple[int, str]:
        """(start, line) of the line holding pos; a line break belongs to no line (pos is its line's end)."""
        a = self.text.rfind("\n", 0, pos) + 1
        b = self.text.find("\n", a)
        return a, self.text[a:b if b >= 0 else len(self.text)]

    def read(self, start: int, name: str, fn):
        key = (start, name)
        if key not in self._read:
            b = self.text.find("\n", start)
            self._read[key] = fn(self.text[start:b if b >= 0 else len(self.text)])
        return self._read[key]


@dataclass
class _Sentence:
    start: int
    end: int


# a value broken across lines (text from PDFs and flattened tables): 达到\n85\n%, 不低于\n1200\n元/人/年
_BROKEN_TAIL = re.compile(rf"(?:\d|{'|'.join(p for p, _ in _BEFORE)}|为|到)\s*$")
_BROKEN_HEAD = re.compile(r"^\s*(?:[\d%％‰]|以上|以下|左右|以内)")


def _joins(text: str, nl: int) -> bool:
    """Whether the line break at nl splits one value (a number from its unit, a comparator from its number)."""
    tail = text[max(0, text.rfind("\n", 0, nl) + 1, nl - 12):nl]
    end = text.find("\n", nl + 1)
    head = text[nl + 1:end if end >= 0 else len(text)]
    if not tail.strip() or not head.strip() or "|" in tail[-3:] or head.lstrip().startswith("|"):
        return False
    if _joins_range(tail, head):
        return True
    if tail.rstrip()[-1:].isdigit() or _CN_NUMBER_TAIL.search(tail):
        m = _unit_pattern().match("1" + head.lstrip())
        return bool(m and m.start("unit") == 1) or bool(re.match(r"^\s*(?:以上|以下|左右|以内)", head))
    # the cheap tests of the next line first: most lines open on no number
    return len(head.strip()) <= 12 and bool(_BROKEN_NUMBER_HEAD.match(head)) and bool(_BROKEN_TAIL.search(tail))


_BROKEN_NUMBER_HEAD = re.compile(r"^\s*\d+(?:\.\d+)?\s*$|^\s*\d+(?:\.\d+)?\s*\S")


# a number in Chinese numerals closing a line after a verb of a penalty or benefit or a comparison (处十⏎万元以上…)
_CN_NUMBER_TAIL = re.compile(rf"(?:处|处以|并处|罚款|罚|为|达到|不低于|不少于|不超过|不高于|低于|高于|超过|以上|给予|补贴|奖励)\s*"
                             rf"[{CN_NUM_CHARS}]+(?:点[{CN_NUM_CHARS}]+)?\s*$")


# a dash at a line's end is left out: in flattened tables it stands between cells (90%-\n30%)
_RANGE_OPEN = re.compile(r"\s*(?:[（(]含[^）)]{0,8}[）)])?\s*(?:以上|至|到)\s*$")
_RANGE_CLOSE = re.compile(r"\s*(?:[（(]含[^）)]{0,8}[）)]|以下|以内|及以下)")


def _joins_range(tail: str, head: str) -> bool:
    """A range broken across lines: the lower end closes the line (1‰以上, 3万元至) and the upper end with
    the same unit opens the next (2‰以下的罚款); 以上 alone needs a closing word after the upper end."""
    if not tail.rstrip().endswith(("以上", "至", "到")):
        return False  # what _RANGE_OPEN asks for after the lower end: no range opens on this line
    lows = list(_unit_pattern().finditer(tail))
    if not lows or not _RANGE_OPEN.fullmatch(tail[lows[-1].end("unit"):]):
        return False
    up = _unit_pattern().match(head.lstrip().removeprefix("至").removeprefix("到").lstrip())
    if not up or _split_mult(up.group("unit"))[1] != _split_mult(lows[-1].group("unit"))[1]:
        return False
    rest = head.lstrip().removeprefix("至").removeprefix("到").lstrip()[up.end("unit"):]
    return not tail.rstrip().endswith("以上") or bool(_RANGE_CLOSE.match(rest))


def sentences(text: str) -> list[_Sentence]:
    out, s = [], 0
    for m in _SENTENCE_END.finditer(text):
        if m.group() == "\n" and _joins(text, m.start()):
            continue
        if m.end() - s > 1:
            out.append(_Sentence(s, m.end()))
        s = m.end()
    if s < len(text):
        out.append(_Sentence(s, len(text)))
    return out


# a prohibition before a comparison sets the limit it names: 不得超过30年 → <=, 严禁低于20% → >=
_NEGATION = r"(?:不得|不应|不能|不可|不准|不宜|不许|不允许|严禁|禁止|未|不)"
_NEGATED = [(re.compile(_NEGATION + r"(?:超过|高于|多于|大于|超出|高出)$"), "<="),
            (re.compile(_NEGATION + r"(?:低于|少于|小于|不足)$"), ">=")]


# a verb between a comparison word and the number starts a new predicate: 最高限额上浮20% is a rise, not a cap
_GAP_VERB = re.compile(r"上浮|下浮|提高|增加|降低|下调|上调|调整|延长|缩短|增长|减少|后每|进行")


_BOUND_WORD = re.compile(r"最|上限|下限|限额")  # 最低调整为20% keeps its bound; 达标时间延长至6年 is no 达
# a bound written as a noun (限额, 上限, 最高) and a factor of it named before the number (限额倍数为, 上限系数为)
_NOUN_BOUNDS = {"限额", "上限", "最高", "最低", "限", "下限"}
_FACTOR_OF_BOUND = re.compile(r"倍数|系数")
_NAMED_BOUND = re.compile(r"工资|生活保障|生活费|人民|收购价|保护价|折旧年限")  # (最低折旧年限为3年的设备: a class of assets)  # 最低收购价: a scheme's name
_SETS_LEVEL = re.compile(r"(?:调整|降低|下调|提高|上调|延长|缩短|放宽|提|降)(?:为|至|到)[^\d，,。；;]{0,5}$")


@functools.cache
def _after_phrase(phrase: str) -> re.Pattern:
    """A comparison word after the unit, maybe after a bracket note that the bound is included: 3倍（含）以上."""
    return re.compile(r"(?:[（(]\s*含[^）)]{0,8}[）)])?" + phrase)


_VAGUE_COUNT_END = re.compile(r"(?:^|[^\d])[数几]$")
_BIG_UNIT_CHAR = re.compile(r"[十百千万亿]")
_WORD_INDEX: dict = {}


def _word_index() -> tuple[re.Pattern, dict[str, tuple[tuple[int, str, str], ...]]]:
    """For `_comparator`: (a pattern that matches where any of `_AFTER`'s words does, the `_BEFORE` words by
    their first character with their place in the list), built again if either list changed. A comparison
    word that is not in the text cannot be the one found, so only the words that may be are tried."""
    key = (id(_BEFORE), len(_BEFORE), id(_AFTER), len(_AFTER))
    index = _WORD_INDEX.get("index")  # (key, pattern, table), replaced whole: threads see one or the other
    if index is None or index[0] != key:
        by_first: dict[str, list[tuple[int, str, str]]] = {}
        for k, (phrase, sym) in enumerate(_BEFORE):
            by_first.setdefault(phrase[0], []).append((k, phrase, sym))
        any_after = re.compile(r"(?:[（(]\s*含[^）)]{0,8}[）)])?(?:" + "|".join(p for p, _ in _AFTER) + ")")
        index = _WORD_INDEX["index"] = (key, any_after, {c: tuple(v) for c, v in by_first.items()})
    return index[1], index[2]


def _before_words(before: str) -> list[tuple[str, str]]:
    """The (word, comparator) pairs of `_BEFORE` whose first character is in `before`, in the list's order."""
    by_first = _word_index()[1]
    found = [w for c in set(before) if c in by_first for w in by_first[c]]
    found.sort()
    return [(phrase, sym) for _, phrase, sym in found]


def _comparator(text: str, clause_start: int, num_start: int, unit_end: int) -> str:
    before = text[clause_start:num_start]
    after = text[unit_end:unit_end + 16]
    if _FLOOR_TO_WORD.match(after):
        return ">="  # 18周岁（含）至法定退休年龄: a floor whose upper end is a named limit, not a number
    if _VAGUE_COUNT_END.search(before, max(0, len(before) - 3)) and _BIG_UNIT_CHAR.match(text, num_start, num_start + 1):
        return "~"  # 数十亿元, 几百家: an approximate count
    for phrase, sym in (_AFTER if _word_index()[0].match(after) else ()):
        m = _after_phrase(phrase).match(after)
        if m and sym == "<=" and phrase.endswith("内") and _BARRED_WITHIN.match(after, m.end()) \
                and _LOOKBACK_UNIT.search(text, num_start, unit_end):
            return ">="  # 10年内不得上市交易: a period that must pass first, a floor on the holding time
        if m and sym == "<=" and phrase.endswith("内") and _CANNOT_WITHIN.match(after, m.end()):
            return ">"  # 预计6个月以内无法完成整改的: the time needed is more than the period
        if m and phrase.startswith("范围") and not re.search(r"(?<!平方)(?:米|公里|千米)$", text[num_start:unit_end]):
            continue  # 两侧各100米范围内: a distance within; 新城225平方公里范围内: the size of an area
        if m:
            # 55周岁以下（不含55周岁）, 3倍以上，不含3倍: the bound itself is left out
            if _EXCLUSIVE_AFTER.match(after, m.end()) and sym in (">=", "<="):
                return sym[0]
            strict = _STRICT_BEFORE.get(sym) if phrase in ("以上", "以下") else None  # (超出2个百分点及以上: the bound is in)
            if strict and strict.search(before) and not re.search(_NEGATION + r"\s*$", before[:strict.search(before).start()]):
                return sym[0]  # 超过1次以上, 低于3人以下: the comparison before the number is strict, 以上 says it again
            return sym
    noun = _NOUN_BOUND_AFTER.match(after)
    if noun:  # 组织150家企业及以上: the bound after the noun the unit counts
        return ">=" if noun.group(1) == "上" else "<="
    best = None
    for phrase, sym in _before_words(before):
        i = before.rfind(phrase)
        gap = before[i + len(phrase):] if i >= 0 else ""
        if phrase in ("最低", "最高") and _NAMED_BOUND.match(gap):
            continue  # 最低工资标准的30%, 最低生活保障: the name of a standard, not a bound
        if phrase in ("最大", "最小") and _SUPERLATIVE_WORD.match(gap):
            continue  # 最大限度地减少, 全国最大的…基地: a superlative word, no bound
        if phrase in _NOUN_BOUNDS and _FACTOR_OF_BOUND.search(gap):
            continue  # 贷款限额倍数分别为4倍、3倍: the factor that sets a cap, a plain figure
        if i >= 0 and phrase in _PART_OF_WORD and (_PART_OF_WORD[phrase].search(before, max(0, i - 1), i + len(phrase) + 1)
                                                   or re.search(r"\d", gap)):
            continue  # …or it approximates the number written between (近3年新增1万人)
        if i >= 0 and re.search(r"[）)]", gap) and not re.search(r"[（(]", gap):
            continue  # 5分/栋（每个项目最高30分）、4分/栋: the bound of a bracket note that closed before the number
        if phrase in _TIGHT:
            near = not gap.strip() and not (phrase == "限" and _LIMIT_WORD.search(before[:i + 1]))
        else:
            # 不得高于住宅可售总建筑面积的25%: a share of a base named between the comparison and the number
            # …最低调整为20%: a verb that sets the new level keeps the comparison
            # 最长不得超过合同签订后12个月, 最高贷款额度首套房和二套房分别从100万元: a time reference or the
            # start of a change between them
            near = (len(gap) <= 8 and not (_GAP_VERB.search(gap) and not (_BOUND_WORD.match(phrase) and _SETS_LEVEL.search(gap)))) or (
                len(gap) <= 16 and re.search(r"(?:后|起|[由从])\s*$", gap) and not re.search(r"[，,；;。]", gap)) or (
                len(gap) <= 30 and gap.rstrip().endswith("的") and not re.search(r"[，,；;。]", gap)) or (
                # 最高贷款额度由现行80万元（统一）提高至100万元: the new level of a bound named before the change, in one clause
                _BOUND_WORD.match(phrase) and len(gap) <= 40 and re.search(r"[由从]", gap) and _SETS_LEVEL.search(gap)
                and not re.search(r"[，,；;。]", gap)) or (
                # 超过本市上年度职工月平均工资2倍: a multiple of a base named between the comparison and the number
                # 不低于相应期限贷款市场报价利率加60个基点: a spread over a base rate named the same way (not 减20个基点:
                # a floor on the rate caps the discount, so the bound would turn round)
                len(gap) <= 20 and (text[num_start:unit_end].endswith("倍") or (text[num_start:unit_end].endswith("基点")
                                                                             and not gap.rstrip().endswith("减")))
                and not re.search(r"[，,；;。\d]", gap)
                and not _GAP_VERB.search(gap))
        end = i + len(phrase)  # the comparison word nearest the number wins; the longer one on a tie (达到或超过)
        if i >= 0 and near and (best is None or end > best[0] or (end == best[0] and len(phrase) > best[2])):
            best = (end, sym, len(phrase))
    if best is None:
        restated = _restated_bound(text, clause_start, before)
        if restated:
            return restated  # 最低为LPR基准，即4.6%: the figure restates the floor named just before
        if _MAY_RAISE_TO.search(before):
            return "<="  # 贷款期限可延至法定退休年龄后5年: as far as the rule allows, a cap
        if _ENOUGH_AFTER.match(after):
            return ">="  # 连续缴存6个月即可申请, 退款5年后方可再申请: what must be reached first, a floor
        return _inherited_comparator(text, clause_start, num_start)
    sym = best[1]
    for rx, neg in _NEGATED:  # the comparison word found may be the tail of a prohibition
        if rx.search(before[:best[0]]):
            sym = neg
            break
    if sym == "~" and before[:best[0]].endswith("近") and _LOOKBACK_UNIT.search(text[num_start:unit_end]):
        if _RECORDS_OF_WINDOW.match(after) or _DATED_WINDOW.match(after):
            return "="  # 近6个月的银行流水, 近12个月的缴存明细: records that cover the whole window, its length
        return "="  # 近2年, 近6个月（2020年-2024年）: the length of a look-back window; only 内 makes it a bound
    if _NORM_LINE.match(after):
        return "="  # 个贷率超出85%的预警线: the line is 85%, whatever the figure measured against it
    if sym in (">", "<") and _INCLUSIVE_AFTER.match(after):
        return sym + "="  # 超过10万元（含10万元）: the bound itself is in
    return sym


# a measure named in a clause of its own (首付比例, 期限): a change in it is no repeat of the cap changed before
_BOUND_NAMED_IN = re.compile(r"比例|期限|利率|面积|年龄|倍数|系数")
# what a rule allows a level to be raised or extended to (可延至…后5年, 可放宽至…的1.2倍): the most it may be
_MAY_RAISE_TO = re.compile(r"(?<![不])可(?:以)?(?:延|延长|放宽|提高|上浮|增加|提升|顺延)(?:至|到)[^，,。；;\d]{0,14}$")
# what allows an act once reached (缴存6个月即可申请, 5年后方可再申请, 主体完成50%即可申请)
_ENOUGH_AFTER = re.compile(r"\s*(?:以后|之后|后)?\s*(?:即可|方可|才可|才能|便可)")
# a strict comparison right before the number that 以上/以下 after the unit repeats (超过1次以上, 高于3倍以上)
_STRICT_BEFORE = {">=": re.compile(r"(?:超过|超出|高于|多于|大于)\s*$"), "<=": re.compile(r"(?:低于|少于|小于|不足)\s*$")}
# the records a window is the length of (近6个月的银行流水, 近12个月（不含当月）的缴存明细)
# 近5年（2020年-2024年）: a window whose years are named, fixed: its length
_DATED_WINDOW = re.compile(r"\s*[（(]\s*(?:(?:19|20)\d{2}\s*年?|#+)\s*[-—–~～至到]\s*(?:(?:19|20)\d{2}\s*年?|#+)\s*[）)]")  # years masked
_RECORDS_OF_WINDOW = re.compile(r"\s*(?:[（(][^（()）]{0,12}[）)])?\s*的")
# what cannot be done within a period (3个月以内无法改正, 一年内不能完成): the time it needs exceeds the period
_CANNOT_WITHIN = re.compile(r"\s*[，,]?\s*(?:仍|均|都|也)?(?:无法|不能|未能|难以|不可能)")
# a prohibition over a period (10年内不得转让, 6个月内不予受理): the period must pass before the act is allowed
_BARRED_WITHIN = re.compile(r"\s*[，,]?\s*(?:均|都|一律|也)?(?:不得|不能|不准|不可|不允许|禁止|严禁|不予|不再)"
                            r"(?!超过|超出|高于|多于|大于|低于|少于|小于|不足)")
# 已超出/已突破…的预警线: a line passed, in a statement of the situation
_LINE_PASSED = re.compile(r"已(?:经)?(?:超出|超过|突破|高于|逼近|接近|触及|达到|跌破|低于)\s*$")
# a count whose noun has already done something (8个试点城市已着手…): a result
_COUNTED = {"个", "家", "座", "所", "项", "名", "批", "只", "位", "支"}
_DONE_AFTER = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:已经|已)(?!满|达|超|连续|缴|有|婚|购)[\u4e00-\u9fff]")
# a floor on a duration that qualifies a noun (1年以上劳动合同的人员): a condition, not a goal
_QUALIFIER_AFTER = re.compile(r"\s*(?:[（(]含[^）)]{0,6}[）)])?\s*(?:及)?以上[^，,。；;：:（()）\d]{1,12}的")
_ASPIRED = re.compile(r"力争|争取")
_GOAL_STRONG = re.compile(r"力争|争取|确保|目标|每年|年均|努力")
# a period lengthened or deferred (延长2个月, 展期6个月, 顺延1年): a decision, not a goal
_EXTENDS = re.compile(r"(?:延长|顺延|展期|延期|宽限)[^\d，,。；;]{0,2}$")
# a rule that the dated window governs (…前，企业可申请…)
_WINDOW_MODAL = re.compile(r"(?<![许认])可|须|应当|不得|方可|允许")
# a deadline written to the day (2027年1月15日前): the date of a step
_DATED_STEP = re.compile(r"(?:到|至|在|于)?\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*[日号]\s*(?:前|以前)")
# (十吨（含）标准煤以下: the measured material between the bracket note and the bound)
_NOUN_BOUND_AFTER = re.compile(r"(?:[\u4e00-\u9fff]{1,4}?(?:及|或)|[（(]含[）)][\u4e00-\u9fff]{1,4}?(?:及|或)?)以([上下])(?![属辖设列述])")
_FLOOR_TO_WORD = re.compile(r"\s*[（(]\s*含\s*[^）)\d]{0,4}[）)]\s*(?:至|到)\s*(?![\d一二三四五六七八九十两百千万])")
# a restatement of the bound in brackets (3个以上（含3个）, 超过10万元（含10万元）, 以下，不含55周岁)
_INCLUSIVE_AFTER = re.compile(r"\s*(?:[（(]\s*含|[，,]\s*含)(?!量|税|有)")
_EXCLUSIVE_AFTER = re.compile(r"\s*(?:的[^，,。；;（(\d]{0,6})?(?:[（(]\s*|[，,]\s*)?不含\s*(?:本数|[）)]|[\d一二三四五六七八九十两])")
_RESTATED_BOUND = re.compile(r"(?:[（(]|[，,]\s*)\s*不?含\s*$")
_NORM_LINE = re.compile(r"\s*的?[^，,。；;\d]{0,6}?(?:预警线|警戒线|红线|控制线|警戒值|预警值|预警标准)")
_LOOKBACK_UNIT = re.compile(r"(?:年|个月|月|天|日|周)$")
# a cap or floor named for a list (最高可贷额度为96万元/人、120万元/户; 最高额度为：…50万元) reaches every
# value of the list
# (a cap inside a bracket note, 5分/栋（每个项目最高30分）、4分/栋, belongs to the note, not to the list)
_LIST_PREVIOUS = re.compile(r"(?P<num>\d+(?:\.\d+)?)\s*[^\d\s，,。；;：:、（()）]{1,8}\s*[、和及或]\s*$")
_CAP_INTRO = re.compile(r"(?:最高|上限|封顶|最多|不超过|不得超过)[^，,。；;：:]{0,12}[为是]?[：:][^。；;：:]{0,30}$")
_FLOOR_INTRO = re.compile(r"(?:最低|下限|至少|不低于|不少于|不得低于)[^，,。；;：:]{0,12}[为是]?[：:][^。；;：:]{0,30}$")


# a bracket note after the value that names the end of its term (再提高10万元（截止时间为2022年12月31日止）)
# also a dated span's end, in a bracket or in a clause after the value's own (…给予1%补贴，执行期限为2022年4月1日至2024年12月31日)
_TERM_NOTE_AFTER = re.compile(r"[^，,。；;：:（()）\d#]{0,8}[（(，,]\s*(?:截止|截至|有效期|执行期限?|实施期限?|执行时间|实施时间)(?:时间|日期)?\s*"
                              r"(?:为|至|到)?\s*(?:[自从]?\s*#+\s*[-—–~～]?\s*)?")  # a dated day is masked (#)
# the last clause of the value's sentence that names the end of the rule's term (…发放一次性补助，不重复享受，政策执行至
# 2022年底): the year ends the sentence, so it is the term's end, not the start of a span
_TERM_CLAUSE_AFTER = re.compile(r"[^。；;\n]{0,80}?[，,]\s*(?:本|该|此|此项|上述)?(?:政策|措施|补贴|补助|奖励|办法|规定)?"
                                r"(?:执行|实施|有效|享受)(?:期|期限|时间)?\s*(?:为|至|到)?\s*")
_TERM_CLAUSE_END = re.compile(r"(?:至|到)?[^，,。；;至到\-—–~～]*(?:[。；;]|$)")
# the rest of a listed project's name after its year (2022年通信基础设施等项目)
_LISTED_PROJECT_AFTER = re.compile(r"^[^，,。；;\d（()）]{2,16}?等(?:重点)?(?:项目|工程)")
# a clause that only restates the level of the clause before it in figures (…最低为LPR基准，即4.6%)
_RESTATES = re.compile(r"^\s*(?:即|也就是|亦即|相当于)\s*$")
_RESTATED_CLAUSE_START = re.compile(r"[，,。；;：:！？!?\n]")


def _restated_bound(text: str, clause_start: int, before: str) -> str | None:
    """The bound of the clause before a clause that is only 即 and the figure: 最低为LPR基准，即4.6% keeps the floor;
    a bound word further than a short base name from the clause's end (最低首付比例由30%降至…) is not taken."""
    if not _RESTATES.match(before) or clause_start < 2 or text[clause_start - 1] not in "，,":
        return None
    end = clause_start - 1
    start = end
    while start > 0 and not _RESTATED_CLAUSE_START.match(text, start - 1):
        start -= 1
    prev = text[start:end]
    best = None
    for phrase, sym in _before_words(prev):
        if sym not in (">=", "<="):
            continue
        i = prev.rfind(phrase)
        if i < 0:
            continue
        gap = prev[i + len(phrase):]
        if phrase in ("最低", "最高") and _NAMED_BOUND.match(gap):
            continue
        if len(gap) <= 14 and not _GAP_VERB.search(gap) and (best is None or i + len(phrase) > best[0]):
            best = (i + len(phrase), sym)
    if best is None:
        return None
    for rx, neg in _NEGATED:
        if rx.search(prev[:best[0]]):
            return neg
    return best[1]


def _inherited_comparator(text: str, clause_start: int, num_start: int) -> str:
    """The comparator of a value with no comparison word of its own: that of the value it is listed
    after, or of a cap or floor that introduces the list."""
    m = _LIST_PREVIOUS.search(text, clause_start, num_start)
    if m and m.start("num") > clause_start:
        sym = _comparator(text, clause_start, m.start("num"), m.end() - 1)
        if sym != "=":
            return sym
    intro = text[max(0, clause_start - 60):clause_start]
    intro = intro[max(intro.rfind("。"), intro.rfind("\n"), intro.rfind("；")) + 1:]
    if intro:
        if _CAP_INTRO.search(intro):
            return "<="
        if _FLOOR_INTRO.search(intro):
            return ">="
    return "="


_VERB_ONLY = re.compile(r"^(建成|新建|建设|新增|培育|打造|筹集|筹建|发放|组织|培训|引进|认定|开展|实施|推广|评选|提供|派发|支持|"
                        r"布局|创建|改造|完成|举办|建立|设立|配备|招聘|吸引|新开工|累计|共|达到|超过)*$")


def _indicator(text: str, clause_start: int, num_start: int, unit_end: int | None = None) -> str | None:
    """What a value measures: the clause before it, or, where that is only a verb (建成10家…), the
    verb and the noun phrase after the unit."""
    before = _indicator_before(text, clause_start, num_start)
    if unit_end is not None and (before is None or _VERB_ONLY.match(before) or len(_CJK.findall(before)) < 3):
        after = _AFTER_UNIT.match(text, unit_end)
        noun = re.sub(r"^(以上|以下|左右|以内|之内)", "", after.group(1)) if after else ""
        if len(_CJK.findall(noun)) >= 2:
            return ((before or "") + noun)[-24:]
    return before


_AFTER_UNIT = re.compile(r"(?:以上|以下|左右)?([^，,。；;：:！？!?\n（(、]{2,20})")


_LEAD_NUMBERING = re.compile(r"^[\s、（(）)一二三四五六七八九十\d.]+[、.．）)]?")
_LEAD_WORDS = re.compile(r"^(到|力争|争取|确保|全市|全省|全县|全区|我省|我市|每年|并|且|其中|同时|要|将)+")


def _indicator_before(text: str, clause_start: int, num_start: int) -> str | None:
    phrase = text[clause_start:num_start]
    phrase = _YEAR_IN.sub("", phrase)
    for p, _ in _BEFORE:
        if phrase.endswith(p):
            phrase = phrase[: -len(p)]
    phrase = _LEAD_NUMBERING.sub("", phrase)
    phrase = _LEAD_WORDS.sub("", phrase)
    phrase = phrase.strip(" ，,：:（(")
    return phrase[-24:] or None


# words of a rule, a limit or a penalty: a provision whatever deadline governs its section, and not outweighed
# by a marker of the past
# (已经处5%以上高位, 仍处3%低位: 处 as 'to stand at', a level described, no penalty)
_RULE_WORDS = (r"罚款|罚金|处以|并处|(?<![此各到之已仍正均都尚])(?<!已经)处\s*[\d一二三四五六七八九十两]|(?<![此各到之])对[^，,。；;处]{1,10}处(?=[^理置于在室长级])|"
               r"公示|过渡期|调整为|工作日|办结|期限|按每|不得|严禁|禁止|不准|不予|最长|最高|上限|封顶|标准为|标准是")
# words that only name a benefit's or a rule's topic (公积金, 利率, 补贴): 已发放补贴1.2亿元, 新增公积金贷款10681笔
# are results whatever their topic, so these count only where no marker of the past outweighs them
_TOPIC_WORDS = r"补贴|补助|奖励|奖补|资助|贴息|减免|返还|首付|公积金|利率|收费|缴纳|缴存|提取|消费券"
_PROVISION_STRONG = re.compile(f"({_RULE_WORDS}|{_TOPIC_WORDS})")
_PROVISION_RULE = re.compile(f"({_RULE_WORDS})")
# an inclusive bound (6期（含）以上, 3个以上（含3个）) is the wording of a rule's threshold, not of a result
_INCLUSIVE_BOUND = re.compile(r"\s*(?:[（(]含[^）)]{0,8}[）)]\s*(?:及)?(?:以上|以下|以内)|(?:及)?(?:以上|以下|以内)\s*[（(，,]\s*(?:不)?含)")
# a date or comparison that makes a figure a result even where its topic is a rule's (截至8月底…新增公积金贷款)
_STRONG_PAST = re.compile(r"(?:截至|截止)(?=\s*(?:\d|今年|去年|上年|目前|年底|年末|当前|本月|上月))|同比|环比|比上年|较上年|今年以来|去年|上年(?!度)")
# a figure of a market's sales (商品房销售8608套, 成交均价12304元): a result in any text
_MARKET_FIGURE = re.compile(r"(?:销售|成交|网签|去化)(?:了)?(?:面积|均价|金额|总额|额|量|套数|率)?(?:为|达到|达|约)?\s*$")
# a figure a report counted (据不完全统计, 统计显示, 数据显示): in news, a result whatever its wording
_COUNTED_BY = re.compile(r"据[^，,。；;]{0,12}统计|统计(?:显示|发现|数据显示)|数据显示")
# a condition opened before the value (若月末个贷率连续3个月…，将…; 当…时): the value is a rule's trigger
_CONDITION_BEFORE = re.compile(r"(?:^|[，,。；;：:\s）)])(?:若|如果|假如|凡|一旦)[^，,。；;]*$")
# statistics of a market or a firm (销售8608套, 成交, 减幅54.5%): results, in news
_STATISTIC = re.compile(r"据[^，,。；;]{0,24}数据|数据显示|统计显示|监测数据|据(?:不完全)?统计|平均(?:利率|房贷利率|价格|房价|成交价|贷款金额|水平)|销售|成交|签约|去化|减幅|降幅|增幅|涨幅|跌幅|精简至|共发放|共计发放|发放了|同比|环比|在此之前|此前|"
                        r"上半年|前\d{1,2}个?月|一季度|二季度|三季度|四季度")
# a news text or a report on results: figures are results unless marked as still to come
_NEWS_STRONG = re.compile(r"记者|本报讯|通讯员|新华社|据悉|获悉|\d日电|讯[（(]")
# a paragraph opening on the day something was done (1月30日，某分行发放首批…): a report of an event
_NEWS_DATELINE = re.compile(r"(?:^|\n)[ \t\u3000]*(?:(?:19|20)\d{2}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日(?:上午|下午|晚)?[，,][^。\n]{0,60}?"
                            r"(?:发放|投放|举行|举办|启动|召开|签署|签约|揭牌|开工|落地|完成|召集|走访|调研|主持)(?:了)?")
_NEWS_WEAK = re.compile(r"近日|日前|责任编辑|报道|稿件来源|发稿编辑|快讯|新闻中心|要闻")
# a rule a news text reports (按每人每月不低于200元发放补助) is still a rule
_NORMATIVE = re.compile(r"不低于|不少于|不超过|不高于|不得|最高|最多|至少|以内|按照|标准|每人每月|每人每年")
# descriptions of what exists (团队由12名专家组成, 其中包括2名教授): not quantities a policy sets
_DESCRIBES = re.compile(r"(现有|组成|包括|包含|共有|共计|总计|合计|拥有)")
# markers of a result that reach over the whole sentence
# a result a clause reports in its own verb (已发放, 已建成), which a modal elsewhere does not turn into a rule
# unless the clause deems it (可认定为已达到投资总额的25%以上: the test a rule applies)
_DEEMED = re.compile(r"(?:认定为|视为|视同|确认为|认定其|判定为)\s*(?:已经|已)")
_REPORTED_RESULT = re.compile(r"已(?:经)?(?:发放|建成|完成|实现|达到|累计|开工|竣工|投入|签约|落地|培训|新增|帮助|惠及|兑现|拨付)")
_REPORTED_SENTENCE = re.compile(r"((?:截至|截止)(?=\s*(?:#|\d|目前|今年|去年|上年|年底|年末|当前|本月|上月))|累计|以来|目前|同比|环比|比上年|较上年|去年|上年(?!度)|过去)")
# (应计未付利息, 应计利息: accrued interest, an accounting term, not a modal)
# a rule: a value that is a condition (…3年以上的，可…; 在本市投资30万元以上，可迁入) or that a modal governs
_RULE_MODAL = re.compile(r"不得|严禁|禁止|应当|(?<![响反对适供相效回答])应(?![用急对收付缴急该]|计(?:未|利息))|必须|须|(?<!所)需(?!求)|可以|可|方可|予以|给予|暂停|限购|限贷|限售|不予|按照")


def _modals(masked: str, start: int, end: int) -> list[re.Match]:
    """The modals of masked[start:end], each read with the character after it (需求 and 应用 are no modals where a
    window ends between their two characters)."""
    return [m for m in _RULE_MODAL.finditer(masked, start, end + 1) if m.start() < end]


# a modal that governs every clause of its sentence (竞得人须…，…不低于20%，…不低于50%)
_NORMATIVE_COMPARISON = re.compile(r"不超过|不低于|不少于|不高于|不多于|不得|最高|最多|最长|至少|不足")
_RULE_STRONG = re.compile(r"须|必须|应当|不得|严禁|禁止")
# a speaker's view in news (他表示, 分析人士认为): what may happen, as he sees it
_OPINION = re.compile(r"(?:表示|认为|指出|坦言|分析称|分析指出|看来|估计|预测)[，,：:]")
_WEAK_MODAL_ONLY = re.compile(r"(?:可以|可)+")
_CONDITION_AFTER = re.compile(r"^[^，,。；;：:\n]{0,40}的(?:[，,]|按|给予|予以|可|须|应)|"
                             r"^[^，,。；;：:\n]{0,40}的[^，,。；;：:\n]{1,14}[，,]\s*(?:按|给予|予以|可|须|应当|每)|"
                             r"^(?:[（(]含[^）)]*[）)])?(?:及)?(?:以上|以下|以内)(?:[（(]含[^）)]*[）)])?的|^[^，,。；;：:\n]{0,10}时(?:暂停|恢复|启动|停止|可|应|须)|"
                             r"^[^。；;：:\n]{0,12}?(?:以上|以下|以内|[（(]含[）)])[，,][^。；;\n]{0,60}(?:可以|可|方可|须|应当|不得|不予|予以|给予|暂停|适用|免征|免收|免缴|免予|减按|减半)|"
                             # 在投资达到总投资25%以上前提下，…: the condition a rule is granted under
                             r"^[^，,。；;：:\n]{0,30}?(?:前提下|的前提|条件下)|"
                             # 对拥有2套及以上住房的…家庭、…的家庭，暂停向其售房; …满五年的所得，暂免征收个人所得税: whom a
                             # rule's sanction or relief covers, named in a condition its last clause applies to
                             r"^[^。；;：:\n]{0,160}?的[^，,。；;：:、\n]{0,20}[，,]\s*(?:依法|一律|均|一并|同时)?"
                             r"(?:暂停|暂免|暂不|免征|免收|免予|不予|不得|禁止|停止|取消)(?!了)[^，,。；;\n]*[。；;]?$")
# 2022年最低工资标准为…: the year a standard applies to; 2020年7月22日，…联合印发《…》: the date a cited
# notice was issued — neither is a deadline (an issue date before the text's own year still tells a past
# event from a plan)
_BASE_YEAR_AFTER = re.compile(r"^(?:度)?(?:的)?[^，,。；;\d]{0,8}?标准")
_ISSUED_AFTER = re.compile(r"^\d{1,2}月(?:\d{1,2}日)?[，,]?[^，,。；;\d]{0,16}?(?:印发|发布|出台|颁布|下发)")
_EFFECTIVE_AFTER = re.compile(r"^(?:\d{1,2}月(?:\d{1,2}日)?)?(?:起|以来|开始|施行|实施|执行|发布|印发|以后|之后)")


# 年内 alone (力争年内…达到80%) is this year; after a count (一年内, 三年内) it is a period, no year
_RELATIVE_YEAR = re.compile(r"(今年|明年|本年度|(?<![\d一二两三四五六七八九十百半几多数个每当同])年内)(?!以来|上半年|前|[一二三四五六七八九十\d]+(?:-|—|至)?\d*月)")
_DURATION = re.compile(r"年|个月|月|天|日|个工作日|工作日|小时|分钟|周|个季度")


# the level a rule sets by its verb (保证金按20%确定, 按3%征收, 按每人500元发放) and how a benefit is paid (分两笔发放,
# 每笔发放50%): a rule in any text, news of it included, unless its sentence reports a result (已, 累计, 同比, 成交)
_LEVEL_BY = re.compile(r"按(?!揭|时|期|需|下|住|户|人头)")
_LEVEL_VERB_AFTER = re.compile(r"\s*(?:的(?:标准|比例|费率|税率|利率))?\s*(?:确定|执行|征收|计征|收取|计收|发放|缴纳|缴存|核定|计算|给予|"
                               r"补贴|补助|奖励|收费|计提|返还|扣除|予以|支付|拨付|核发|退还|预缴|征缴)")
_INSTALMENT = re.compile(r"分\s*[\d一二三四五六七八九十两]+\s*(?:笔|次|期|批)\s*(?:发放|支付|拨付|兑现|返还|给付|到位)|"
                         r"每(?:笔|次|期|批)\s*(?:发放|支付|拨付|兑现|返还|给付)\s*(?=[\d一二三四五六七八九十两百])")


def _rule_level(masked: str, clause_start: int, num_start: int, unit_end: int) -> bool:
    """Whether the value is the level a rule's verb sets (按20%确定) or a term of how a benefit is paid (分两笔发放,
    每笔发放50%)."""
    by = _LEVEL_BY.search(masked, clause_start, num_start)
    if by and _LEVEL_VERB_AFTER.match(masked, unit_end) and not re.search(r"[，,；;。]", masked[by.end():num_start]):
        return True
    clause_end = _CLAUSE_END.search(masked, unit_end)
    return any(m.start() <= num_start < m.end() or m.end() == num_start
               for m in _INSTALMENT.finditer(masked, clause_start, clause_end.start() if clause_end else len(masked)))


# a person quoted in news (工作人员表示，“…5个工作日给你回电”): a quotation opened after a verb of saying, within its
# paragraph, that speaks to or for one person (你, 您, 我; not 我们, 我市, 我省 of an official stating a plan)
_SAID = re.compile(r"(?:表示|说|说道|称|坦言|告诉[^，,。；;“”]{0,6}|回应|透露|介绍|答复|解释|回复|提醒|直言|笑称|感慨|坦承)\s*[，,：:]?\s*$")
_PERSONAL = re.compile(r"[你您]|我(?![们市省区县国行局委厅司院部镇乡村州盟旗])")


def _personal_quote(masked: str, pos: int) -> bool:
    """Whether pos lies inside a person's words quoted in news: a quotation after a verb of saying whose words
    address someone or speak for the speaker alone."""
    para = masked.rfind("\n", 0, pos) + 1
    o = masked.rfind("“", para, pos)
    if o < 0 or masked.rfind("”", o, pos) >= 0 or not _SAID.search(masked, max(para, o - 14), o):
        return False
    c = masked.find("”", pos)
    end = masked.find("\n", pos)
    end = len(masked) if end < 0 else end
    return bool(_PERSONAL.search(masked, o, min(c, end) if c >= 0 else end))


# a bound that names a group whose own measure the clause then gives (30人及以下的企业裁员率不高于20%, 15岁以上人群吸烟率
# 降至22%, 90平方米以下的住房首付比例不低于20%): the group, not a quantity; a bound that is itself a rule's condition (签订
# 1年以上劳动合同的人员可申请, 100人以下的企业给予补贴5000元) stays
_GROUP_BOUND = re.compile(r"\s*(?:[（(]含[^）)]{0,6}[）)])?\s*(?:及|或)?以[上下]\s*(?:[（(]含[^）)]{0,6}[）)])?\s*的?(?=[\u4e00-\u9fff]{2})")
_GROUP_REST = re.compile(r"[^，,。；;：:\n（()）或和及且、]{2,24}?(?=\d|[一二三四五六七八九十两百]+(?:[个项家名人户套%]|百分))")
_GRANTS = re.compile(r"给予|予以|可|补贴|补助|奖励|享受|申请|发放|按|须|应|不得|免|减|缴|贷|[，,]")
# the size of who a group is: its people, their age, a home's or a shop's floor area
_GROUP_SIZE_UNITS = {"人", "名", "岁", "周岁", "平方米"}
# the group's own measure, which the clause states next (裁员率, 占比, 套数, 首付比例)
_GROUP_MEASURE = re.compile(r"率|比例|占比|比重|套数|人数|户数|数量|价格|指数|金额|幅度|系数")


def _group_qualifier(masked: str, unit_end: int, sent_end: int) -> bool:
    """Whether the bound ending at unit_end qualifies a group whose measure the same clause states next."""
    b = _GROUP_BOUND.match(masked, unit_end)
    if not b:
        return False
    rest = _GROUP_REST.match(masked, b.end(), sent_end)
    return bool(rest) and not _GRANTS.search(rest.group()) and not _SECOND_BOUND.match(rest.group()) \
        and bool(_GROUP_MEASURE.search(rest.group())) \
        and bool(_unit_pattern().match(masked, rest.end(), sent_end))


# 8000元以上低于3万元: the other end of a range, not a group's measure
_SECOND_BOUND = re.compile(r"\s*(?:且|并且|但|而|、)?\s*(?:不得|不应|不能)?(?:不?(?:低于|高于|超过|少于|多于|大于|小于|足|满)|未满|最高|最低|至|到|以[上下])")


# a count that refers to things already named (这三个城市, 上述两家银行; in news, 三个城市的住宅价格指数均已…, 两家银行均表示)
_REFER_BEFORE = re.compile(r"(?:这|那|上述|前述|以上|该|此|这些|那些|全部|所有|全体)\s*$")
_REFER_AFTER = re.compile(r"[\u4e00-\u9fff]{1,4}?(?:的|均|都|也|分别|各自|之间)")


_ONLY_BEFORE = re.compile(r"(?:只有|仅有|仅|只)\s*$")
_CONDITION_CLAUSE_END = re.compile(r"[^，,。；;]{0,30}的[，,]")


def _referring_count(masked: str, sent_start: int, num_start: int, unit_end: int, raw: str, unit: str, news: bool) -> bool:
    if unit in {"人", "名"} and _ONLY_BEFORE.search(masked, max(sent_start, num_start - 3), num_start) \
            and _CONDITION_CLAUSE_END.match(masked, unit_end):
        return True  # 借款人家庭只有1人缴存住房公积金的: who a condition is about, not a quantity
    if unit not in {"个", "家", "座", "所", "位", "名", "项", "只", "款", "条", "地"}:
        return False
    if _REFER_BEFORE.search(masked, max(sent_start, num_start - 3), num_start):
        return True  # 这11家房企, 上述两个项目, 全部29个城市 (a set named by its whole)
    if raw[0].isdigit():
        return False
    clause_start = max((c.end() for c in _CLAUSE_END.finditer(masked, sent_start, num_start)), default=sent_start)
    lead = masked[clause_start:num_start].strip()
    return news and lead in {"", "其中", "而", "但", "且", "并且", "同时"} and bool(_REFER_AFTER.match(masked, unit_end))


def reads_as_news(text: str) -> bool:
    """A news report (记者, 据悉; or 近日 with a source line…): figures in it are results unless marked as
    plans. For texts of no policy type only: a notice quoting a reporter stays a notice."""
    head = text[:3000]
    return bool(_NEWS_STRONG.search(head)) or len(set(_NEWS_WEAK.findall(head))) >= 2 or bool(_NEWS_DATELINE.search(text[:1500]))


@dataclass
class _Value:
    ns: int  # where the number starts (its minus sign included)
    ue: int  # where its unit (the last one of a range) ends
    value: float | int
    value_max: float | int | None
    unit: str
    raw: str
    num_gap: str  # what lies between the number and its unit


_MULT_FACTORS = (("千万", 10**7), ("百万", 10**6), ("万亿", 10**12), ("亿", 10**8), ("万", 10**4), ("千", 10**3))
_RANGE_GAP = re.compile(r"\s*(?:[（(]\s*含[^）)]{0,8}[）)])?\s*(?:(?:及)?以上\s*(?:[（(]\s*含[^）)]{0,8}[）)])?\s*|[-—–－~～至到]\s*|以上[，,]?\s*|以上至\s*)")


# the lower end repeated in brackets: 3倍（含3倍）至4倍
_RANGE_INNER = re.compile(rf"\s*[（(]\s*含\s*{_NUM}\s*[^）)\n]{{0,6}}[）)]")
# the measured material between a unit and 以上, when the upper end closes the range: 十吨标准煤以上三十吨（含）
_RANGE_NOUN = re.compile(r"\s*[\u4e00-\u9fff]{1,3}?以上\s*")
_RANGE_NOUN_END = re.compile(r"\s*(?:[（(]含[）)]|以下|以内|及以下)")


def _range_inner(stext: str, m: re.Match, ms: list[re.Match], i: int) -> int:
    """How many values the bracket after m repeats (3倍（含3倍）至4倍 → 1), so the range's upper end is found."""
    b = _RANGE_INNER.match(stext, m.end("unit"))
    if not b:
        return 0
    return sum(1 for k in range(i + 1, len(ms)) if ms[k].start() < b.end())


def _range_gap(gap: str, stext: str, n: re.Match) -> bool:
    """Whether `gap` joins two values into a range; a line break is allowed inside it (a range split
    across lines of a PDF: 1‰以上\n2‰以下 — sentences() keeps such lines together)."""
    inner = _RANGE_INNER.match(gap)
    core = gap[inner.end():] if inner and _RANGE_GAP.fullmatch(gap[inner.end():]) else gap
    if _RANGE_GAP.fullmatch(core):
        return True
    return bool(_RANGE_NOUN.fullmatch(gap)) and "\n" not in gap and bool(_RANGE_NOUN_END.match(stext, n.end("unit")))


# a unit written once for a list and cut short on its first items: 5个和4个基点, 2个、3个百分点
_LIST_JOINT = re.compile(r"\s*[和及、或]\s*")
_COMPLETED_UNITS = {"基点", "百分点", "月", "工作日", "季度"}
_PER_EACH = re.compile(r"\s*/\s*每?\s*")
# a deviation either way: ±5%, 正负5%, 上下浮动10%, 上下浮动幅度不超过10%
_PLUS_MINUS = re.compile(r"(?:[±]|正负|上下浮动(?:幅度|范围)?(?:原则上)?(?:不超过|不得超过|不高于|控制在|在|为)?)\s*$")
@functools.lru_cache(maxsize=1024)
def _split_mult(unit: str) -> tuple[int, str]:
    for prefix, f in _MULT_FACTORS:
        if unit.startswith(prefix) and len(unit) > len(prefix):
            return f, unit[len(prefix):]
    return 1, unit


def _num(v: float) -> float | int:
    return int(v) if float(v).is_integer() else round(v, 6)


# a share written in words, its unit before the number (laws write 百分之二十, 千分之五, 百分之百)
_SHARE_IN_WORDS = re.compile(rf"(?P<unit>百分之|千分之)(?P<num>[{CN_NUM_CHARS}]+(?:点[{CN_NUM_CHARS}]+)?)")


class _ShareMatch:
    """百分之二十 read as a match of the unit pattern: the number 二十 with the unit %, whose span is the
    whole phrase (the unit's end is where the number ends, since the unit is written first)."""

    def __init__(self, m: re.Match):
        self._m = m
        self._num = "一百" if m.group("num") == "百" else m.group("num")  # 百分之百: all of it
        self._unit = "%" if m.group("unit") == "百分之" else "‰"

    def group(self, name: str | int = 0):
        return {0: self._m.group(), "num": self._num, "unit": self._unit}.get(name)

    def start(self, name: str | int = 0) -> int:
        return self._m.start("num") if name == "num" else self._m.start()

    def end(self, name: str | int = 0) -> int:
        return self._m.end()


def _with_shares_in_words(stext: str, ms: list) -> list:
    shares = [_ShareMatch(s) for s in _SHARE_IN_WORDS.finditer(stext) if not s.group("num").startswith(("十分", "百分"))]
    if not shares:
        return ms
    spans = [(s.start(), s.end()) for s in shares]
    kept = [m for m in ms if not any(a < m.end() and m.start() < b for a, b in spans)]
    return sorted(kept + shares, key=lambda m: m.start())


_NUM_CHAR = re.compile(rf"[\d{CN_NUM_CHARS}]")  # a character that every match of _NUM holds


def _values(stext: str, offset: int, masked: str, unit_rx: re.Pattern) -> list[tuple[re.Match, _Value]]:
    """Values in one sentence; a range written with a unit on each end (1万元以上5万元以下, 10%-20%,
    5000元至1万元) is one value with its upper bound in value_max."""
    out: list[tuple[re.Match, _Value]] = []
    if not _NUM_CHAR.search(stext):
        return out  # every value opens on a number (_NUM), a share in words on its numeral
    ms = _with_shares_in_words(stext, list(unit_rx.finditer(stext)))
    i = 0
    while i < len(ms):
        m = ms[i]
        v = parse_number(m.group("num"))
        if v is None:
            i += 1
            continue
        unit = _PER_EACH.sub("/", m.group("unit"))  # 元/每平方米 → 元/平方米
        if unit.endswith("吨") and (mat := _BRACKETED_MATERIAL.match(stext, m.end("unit"))):
            unit += mat.group(1)  # 十吨（含）标准煤以下: the measured material after the inclusive note is the unit's
        ns, ue = m.start() + offset, m.end("unit") + offset
        if m.group("num")[0].isdigit() and ns >= 1 and masked[ns - 1] in "-－−" and (ns < 2 or not re.match(r"[\d%.]", masked[ns - 2])):
            v, ns = -v, ns - 1  # -1.01%: a fall, not a rise
        v2 = parse_number(m.group("num2")) if m.group("num2") else None
        if v2 is not None and v2 < v:
            v, v2 = v2, v  # 12-6个月: written high to low
        val = _Value(ns, ue, v, v2, unit, m.group("num"), stext[m.end("num") - 0:m.start("unit")] if not m.group("num2") else "")
        if unit == "年" and v2 is None and stext[m.end("unit"):m.end("unit") + 1] == "半":
            val.value, val.ue = v + 0.5, val.ue + 1  # 1年半: one and a half years
        if v2 is None and v > 0 and _PLUS_MINUS.search(masked, max(0, ns - 12), ns):
            val.value, val.value_max = -v, v  # ±5%, 上下浮动10%: the range from -5% to 5%
        skip = _range_inner(stext, m, ms, i)
        if v2 is None and val.value_max is None and i + 1 + skip < len(ms):
            j = i + 1 + skip  # 3倍（含3倍）至4倍: the bound said again in brackets lies inside the range
            n = ms[j]
            gap = stext[m.end("unit"):n.start()]
            f1, base1 = _split_mult(unit)
            f2, base2 = _split_mult(n.group("unit"))
            n_v = parse_number(n.group("num"))
            ratio = f1 == f2 == 1 and base1 != base2 and base1 in _RATIO_UNITS and base2 in _RATIO_UNITS
            per = _TIME_FACTORS.get((base1, base2)) if f1 == f2 == 1 else None
            if gap and _range_gap(gap, stext, n) and (base1 == base2 or _SAME_MEASURE_CUT.get(base1) == base2 or ratio or per) \
                    and n_v is not None and not n.group("num2") and unit != "成":
                if ratio:  # 50%以上5倍以下: both ends are shares of one base; the upper one in the lower one's unit
                    val.value_max = _num(n_v * _RATIO_UNITS[base2] / _RATIO_UNITS[base1])
                elif per:  # 6个月以上1年以下, 10日至2周: the upper end in the lower end's (smaller) unit, where it converts exactly
                    val.value_max = _num(n_v * per)
                elif f1 == f2:
                    val.value_max = n_v
                else:
                    val.value, val.value_max, val.unit = _num(v * f1), _num(n_v * f2), base1
                if val.value_max is not None and val.value_max < val.value and not gap.strip().startswith("以上"):
                    val.value, val.value_max = val.value_max, val.value  # 94分-85分: written high to low
                if val.value_max is not None and val.value_max > val.value:
                    val.ue = n.end("unit") + offset
                    out.append((m, val))
                    i = j + 1
                    continue
                val.value, val.value_max, val.unit = v, None, unit
        if i + 1 < len(ms) and _LIST_JOINT.fullmatch(stext, m.end("unit"), ms[i + 1].start()):
            longer = _PER_EACH.sub("/", ms[i + 1].group("unit"))
            if longer != val.unit and longer.startswith(val.unit) and longer[len(val.unit):] in _COMPLETED_UNITS:
                val.unit = longer  # 上浮了5个和4个基点: the unit the list finishes with
        out.append((m, val))
        i += 1
    return out


# a range whose ends are written in two units of time that convert exactly (6个月以上1年以下, 10日至2周)
_TIME_FACTORS = {("个月", "年"): 12, ("月", "年"): 12, ("天", "周"): 7, ("日", "周"): 7, ("小时", "天"): 24, ("小时", "日"): 24,
                 ("季度", "年"): 4, ("个季度", "年"): 4}
_BRACKETED_MATERIAL = re.compile(r"\s*[（(]\s*含\s*[）)]\s*(标准煤|标煤)")
# a unit said again in short at a range's other end (十吨标准煤以上三十吨以下)
_SAME_MEASURE_CUT = {"吨标准煤": "吨"}
# a share of a base written as a percentage, a per mille or a multiple at the two ends of one range (处不缴税款50%以上
# 5倍以下的罚款: from half the base to five times it): one measure, in percent per unit
_RATIO_UNITS = {"%": 1, "‰": 0.1, "倍": 100}


# ---- five-year plans: a period named in a sentence, a plan named in the title -----------------------
_NUMERAL = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_PERIOD_NAME = re.compile(r"(?P<q>[“\"「『])?(?P<n>十[一二三四五六七八九]?|[三四五六七八九])五[”\"」』]?\s*"
                          r"(?P<tail>期间|时期|以来|末|期末|初|规划|计划|发展|目标|中后期|前期|中期)?")
_PLAN_TITLE = re.compile(r"第(?P<n>十[一二三四五六七八九]?|[三四五六七八九])个五年(?:规划|计划)|"
                         r"[“\"「『](?P<m>十[一二三四五六七八九]?|[三四五六七八九])五[”\"」』]\s*(?:[^，,。；;“”]{0,10}?规划|时期)")


def _plan_number(word: str) -> int:
    return 10 + _NUMERAL.get(word[1:], 0) if word.startswith("十") else _NUMERAL[word]


def _plan_last_year(n: int) -> int:
    """The last year of the n-th five-year plan (the third began in 1966 after the 1963-65 adjustment)."""
    return 1952 + 5 * n if n <= 2 else 1970 + 5 * (n - 3)


def _title_plan_end(title: str | None) -> int | None:
    """The last year of the five-year plan a title names (关于制定…第十五个五年规划的建议 → 2030)."""
    m = _PLAN_TITLE.search(title or "")
    return _plan_last_year(_plan_number(m.group("n") or m.group("m"))) if m else None


def _named_periods(text: str, start: int, end: int, spans: bool = False) -> list[tuple[int, int]]:
    """(offset, last year) of the five-year periods named between start and end (“十四五”期间, 十五五时期):
    quoted, or followed by a word that makes the name a period."""
    out = []
    first = text.find("五", start, end)  # every name holds 五, one to three characters after its start
    if first < 0:
        return out
    for m in _PERIOD_NAME.finditer(text, max(start, first - 3), end):
        if not (m.group("q") or m.group("tail")) or re.match(r"[\d年个]", text[m.end():m.end() + 1]):
            continue
        if spans and m.group("tail") not in {"期间", "时期", "以来"}:
            continue
        out.append((m.start(), _plan_last_year(_plan_number(m.group("n")))))
    return out


# a target with no year must name a goal (力争, 建成, 达到, 每年, 三年内…): a share or a bound a rule sets
# with no such word (招生计划不超过总数的6%, 占比在60%以上的, 出资不低于注册资本的30%) is a provision
_GOAL = re.compile(r"力争|争取|确保|目标|预计|届时|努力|年内|今后|未来|每年|年均|新增|建成|建设|培育|打造|推动|推进|实现|"
                   r"提高到|提升到|提高至|提升至|增加到|增加至|达到|增长|增加|完成|开工|突破|覆盖率|普及率|创建|筹集|引进|"
                   r"培训|组织|举办|形成|扩大|(?<![已经曾])将(?=\s*(?:超过|达到|突破|实现|新增|建成|完成|增加|提高|提升|增长|开工))")
# the date of an event a rule cites, starts from or measures at (2016年10月5日住房限购政策, 2017年4月8日，…; 2021年5月
# 31日（含）后生育; 2020年12月末，占比超出…的): not the year of the rule
_EVENT_AFTER = re.compile(r"\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号]|末|底|初)?(?:\s*(?:零时|0时|24时))?\s*(?:[（(]含[）)])?\s*"
                          r"(?:[，,]|后|以后|之后|(?:出台|发布|印发|实施|执行)?的?[^，,。；;\d]{0,6}(?:政策|公告|通知|文件|意见|规定))")
# a year that says which acts a rule covers (2025年在本市新举办的展会, 2024年引进的人才), not when it ends; the year of
# the purchases a benefit pays for (对2025年购置…的，给予补贴) is the benefit's year, as the dev set's gold reads it
_SCOPE_YEAR_AFTER = re.compile(r"\s*(?:度)?\s*(?:(?:在|于)(?:本市|我市|全市|本省|我省|本区|我区|本县|我县|辖区)|新举办|新引进|"
                               r"新认定|新建成|新开工|引进|举办|认定|评定|获评|取得|申报)")
# the year of a rule a text cites as an event, then what followed it (在2017年最严限购令后, 2018年调控新政出台以来)
_CITED_RULE_AFTER = re.compile(r"\s*[^，,。；;\d]{0,8}?(?:限购令|限贷令|限售令|新政|政策|调控|规定|措施|文件|通知|意见)"
                               r"(?:出台|发布|印发|实施|升级|落地|施行)?(?:后|以后|之后|以来)")
# a count a publicity notice gives of those a selection has named (公示拟取得落户资格人员6003人): its result, reported
_PUBLICISED_COUNT = re.compile(r"(?:公示|公布|拟(?:取得|认定|录取|入选|命名|授予))[^，,。；;：:\d]{0,16}?(?:人员|人数|名单|对象|企业|单位|项目|人选)"
                               r"(?:共|总数|数量|合计|为|有|是)?\s*$")
_DATE_OF_BEFORE = re.compile(r"(?:时间|日期|时点)\s*(?:在|为|于|是)?\s*$")
# a sentence that opens on what has been achieved (…干预中成效显著，吸烟率降至22.97%) reports results
_REVIEW_CLAUSE = re.compile(r"成效显著|成效明显|成就显著|取得[^，,。；;]{0,6}(?:成就|成效|成绩)[，,：:]")
# (继续实施1000万平方米老旧小区综合整治工程: the amount of a renovation programme to carry out)
_BUILD_GOAL = re.compile(r"(?:加快|推进|推动|全面推进|加速|大力推进)[^，,。；;：:]{0,30}?(?:建设|建成|打造|创建)|"
                         r"(?:实施|开展)[^，,。；;：:]{0,30}?(?:改造|整治|修缮)(?:工程|行动|项目)|"
                         r"(?:开发|募集|筹集|归集)[^，,。；;：:\d]{0,16}?岗位")  # 开发公益性岗位200个: posts to create
_QUOTED = re.compile(r"“[^”]{0,30}”")  # a name in quotes (“未来社区”) says nothing of a goal
# a value inside brackets that make a condition of a benefit (举办对接会（组织80家企业及以上）的协会)
_BRACKET_OPEN = re.compile(r"[（(][^（()）]{0,20}$")
_BRACKET_CONDITION = re.compile(r"[^（()）]{0,12}[）)]\s*的")
# news of a change already made (某市正式宣布上调房贷利率，将首套调至4.5%; 5月初将…由5年调整为2年), of a former rule (此前…需缴纳24个月
# 社保), or a commentator's inference (这意味着…需25年才能买得起): what happened, not a rule the text sets
_ANNOUNCED = re.compile(r"(?:\d{1,2}\s*月|#)(?:初|上旬|中旬|下旬|底|份)[，,]?[^，,。；;起]{0,8}?(?:将|把)|同月|随后|此后|曾(?:经)?(?:将|把)|宣布|已(?:经)?(?:将|把|于|先后|相继)|(?<!将)正式(?:将|把|上调|下调|调整|调高|调低|实施)|率先|跟进|先后|相继|纷纷")
_CHANGED_LEVEL = re.compile(r"(?:调至|调整至|调整为|调高至|调低至|调整到|上调至|下调至|上调到|下调到|降至|降到|降低至|降低到|降低为|提高至|提高到|提高为|升至|下调|上调|调高|调低)\s*[^，,。；;\d]{0,4}$")
_FORMER = re.compile(r"\s*(?:而|但|在)?\s*(?:此前|之前|以前|以往|过去|原先|原来|当时)")
_WEAK_RULE = re.compile(r"可|须|应当|不得|给予|予以")
# what news retells from another report or a rumour (有媒体报道称，…利率分别为5.1%; 市场传出消息，…首付比例降至四成)
# a comparison with other places that lists their figures (与周边城市相当：广州市…为100万元；深圳市…): to its sentence's end
_COMPARED_WITH = re.compile(r"(?:与|和|同|较|对比|比照)(?:周边|其他|其它|兄弟|同类|相邻|邻近|周围)[^。；;：:\n]{0,8}?"
                            r"(?:城市|地市|省份|省市|地区|县市)[^。；;：:\n]{0,12}?(?:相当|相比|比较|持平|接近|看齐)[^。；;：:\n]{0,6}[：:]")


def _paragraph_or_sentence_end(masked: str, pos: int) -> int:
    """Where the sentence holding pos ends at a full stop or a line break (semicolons inside it go on)."""
    ends = [i for i in (masked.find("。", pos), masked.find("\n", pos)) if i >= 0]
    return min(ends) if ends else len(masked)


# a line of a news page that opens with a bank's name (招商银行：首套房最低…): the bank's offer, a market figure
# a market figure news tells the movement or standing of (利率上升至5.85%, 一度冲破6%大关, 处5%以上高位): no rule
_MARKET_MOVE = re.compile(r"(?:上升|攀升|上涨|涨|回升|飙升|跌|下跌|回落|走高|冲高|反弹)(?:至|到)\s*$|(?:冲破|跌破)\s*$")
_MARKET_LEVEL_AFTER = re.compile(r"\s*(?:以上|以下)?\s*的?\s*(?:大关|高位|低位|关口)")
_BANK_OFFER = re.compile(r"\s*[-·•]?\s*[\u4e00-\u9fffA-Za-z]{1,10}(?:银行|农商行|信用社|支行|分行)\s*[：:]")
_HEARSAY = re.compile(r"报道称|据[^，,。；;]{0,12}报道|消息称|传出消息|有消息")
_INFERENCE = re.compile(r"意味着|相当于|才能买得起|才买得起")


def find_commitments(text: str, masked: str, doc_year: int | None = None, news: bool = False,
                     deadlines: list[tuple[int, int]] = (), pub_year: int | None = None,
                     title: str | None = None) -> list[Commitment]:
    """Quantities in `masked` (normalized text with document numbers and dates masked) that a
    policy sets or reports. `doc_year` is the year of an annual plan's title, used for its targets;
    in `news`, figures without a marker of the future are reported results; `deadlines` are
    (offset, year) of deadlines not written as a year (“十四五”末); `pub_year` is the year the
    document was written, against which a figure's own year tells a result from a plan."""
    from extractors import skips
    out: list[Commitment] = []
    if title and skips.skips_document(title):
        return out
    unit_rx = _unit_pattern()
    scopes = _scope_years(text)
    last_indicator, last_line = None, -1
    last_replaced: tuple[int, str] | None = None  # (end, comparator) of the last value a change replaced
    last_value: tuple[int, str] | None = None  # (end, comparator) of the last value read
    last_change: tuple[int, str, str] | None = None  # (sentence, comparator, unit) of the last bounded level a change set
    lines = _LinesAt(text)  # the lines below are read only where a value stands, once each
    plan_end = _title_plan_end(title)  # 关于制定…第十五个五年规划的建议: its targets run to 2030

    def past_period(last: int) -> bool:  # “十四五” named in 2026, or in a proposal for the 15th plan
        return (pub_year is not None and last < pub_year) or (plan_end is not None and last < plan_end - 4)

    # a paragraph opening on a past five-year period (“十四五”期间，…建成…) reviews its results; so does the rest
    # of a paragraph from where it names the period of the text's own year (“十四五”期间 in a 2025 article)
    def review_from(ln: str) -> int | None:  # where the review begins in a line, if it holds one
        if _REVIEW_LEAD.match(ln.strip()) or any(past_period(y) for _, y in _named_periods(ln, 0, min(len(ln), 30))):
            return 0
        return next((q for q, y in _named_periods(ln, 0, len(ln), spans=True)[:1] if past_period(y) or y == pub_year), None)

    def in_review(pos: int) -> bool:
        a, ln = lines.at(pos)
        q = lines.read(a, "review", review_from)
        return q is not None and a + q <= pos < a + len(ln)
    call = bool(title and _CALL_TITLE.search(title))
    guide = bool(title and _GUIDE_TITLE.search(title))
    if title and _PROGRESS_TITLE.search(title) and not _POLICY_TITLE.search(title):
        news = True  # 集团近期业绩进展: a report of what was done, told like news
    if call:
        doc_year = None  # 关于征集2026年…项目的通知: the year of the round, not a deadline

    def in_title(pos: int) -> bool:
        a, ln = lines.at(pos)
        return pos < a + len(ln) and lines.read(a, "title", is_title_line)

    listings = listing_spans(text)
    compared = [(m.end(), _paragraph_or_sentence_end(masked, m.end())) for m in _COMPARED_WITH.finditer(masked)]
    # lines read across a newspaper page's columns, paragraphs that work a hypothetical example, and lists of
    # other stories' headlines: no statements of this document
    unread = column_lines(masked) + example_paragraphs(masked) + feed_spans(text) + headline_runs(text, plain_runs=True)

    def in_listing(pos: int) -> bool:
        return any(a <= pos < b for a, b in listings) or any(a <= pos < b for a, b in unread)

    def scope_at(pos: int) -> _Scope:
        return next((sc for p, sc in reversed(scopes) if p <= pos), _Scope())

    prev_kinds: set[str] = set()  # kinds of the values of the last sentence that had any
    lines_before, counted_to = 0, 0  # line breaks in masked[:counted_to]
    for sent in sentences(masked):
        if not _NUM_CHAR.search(masked, sent.start, sent.end):
            # no digit or numeral: no value (`_values`), so nothing below changes what a later sentence reads (the
            # paragraph's indicator is dropped when a later sentence's line differs, as it would be here)
            continue
        stext = masked[sent.start:sent.end]
        # 其中，首套房7793笔…: a breakdown of the figures of the sentence before, which were results
        breakdown = prev_kinds == {"reported"} and bool(re.match(r"\s*其中", stext))
        sent_kinds: set[str] = set()
        sent_goal: int | None | object = _NO_GOAL  # the year of the sentence's last goal, if it had one
        if sent.start < counted_to:  # sentences come in order; count the line breaks from the last one on
            lines_before, counted_to = 0, 0
        lines_before += masked.count("\n", counted_to, sent.start)
        counted_to = sent.start
        line = lines_before
        if line != last_line:  # an indicator carries over within one paragraph only
            last_indicator, last_line = None, line
        sent_values = _values(stext, sent.start, masked, unit_rx)
        if not sent_values:
            continue  # nothing below changes the state a later sentence reads when a sentence holds no value
        tsent = text[sent.start:sent.end]
        years = []  # (offset, year, is a deadline)
        terms: set[int] = set()  # offsets of years that end a rule's term
        events: set[int] = set()  # offsets of years of a dated event (2017年3月5日…政策): no rule's year
        bases: set[int] = set()  # offsets of years a value is compared with (不超过2022年度…的10%)
        periods = _named_periods(text, sent.start, sent.end)
        # a sentence naming a past five-year period (not as a base: 比“十四五”末提高) reviews its results
        period_review = any(past_period(y) and not re.search(r"(?:比|较|与|相比|超过|高于|低于)\s*$", text[max(sent.start, p - 4):p])
                            for p, y in periods)
        current_period = next((y for _, y in periods if not past_period(y) and (pub_year is None or y >= pub_year)), None)
        for m in (_YEAR_IN.finditer(tsent) if "年" in tsent else ()):  # every year it reads is written with 年
            after = tsent[m.end():m.end() + 14]
            if _in_title_marks(tsent, m.start()) or re.match(r"^\s*版", after) or _EFFECTIVE_AFTER.match(after) \
                    or _BASE_YEAR_AFTER.match(after) or ((pub_year is None or int(m.group("y")) >= pub_year) and _ISSUED_AFTER.match(tsent[m.end():m.end() + 30])) \
                    or re.search(r"[自从]\s*$", tsent[max(0, m.start() - 2):m.start()]) or re.match(r"^[\d\s月日号]*[-—–至到]\s*(?:19|20)\d{2}", after) \
                    or re.match(r"^[\d\s月日号]+至\s*(?![\d一二三四五六七八九十])[^，,。；;]{0,12}?之日", tsent[m.end():m.end() + 24]):
                continue  # a cited title's edition, an effective date (自…起), a period's start
            if _LISTED_PROJECT_AFTER.match(after):
                continue  # 开工建设…、某区2022年通信基础设施等项目: the year in a listed project's name, no deadline
            # 到/至 2027年, 2027年底前: a deadline; 截至2023年底 is the date of a result
            # 自…之日起至2023年底, 2023年1月1日至12月31日期间: the end of a rule's term, not a deadline
            # 2024年1月1日至2024年2月29日: the end of a period that starts on a dated day, likewise
            term_end = bool(re.search(r"起\s*(?:至|到)?\s*$", tsent[max(0, m.start() - 4):m.start()])
                            or re.search(r"[自从]\s*(?:19|20)\d{2}\s*年[\d\s月日号]*$", tsent[:m.start()])
                            or re.match(r"^[\d\s月日号]*期间", after)
                            or (re.match(r"(?:至|到)", m.group()) and re.search(r"\d\s*[日号]\s*$", tsent[max(0, m.start() - 8):m.start()])))
            if term_end:
                terms.add(m.start() + sent.start)
            deadline = (bool(re.match(r"(?:到|至)", m.group())) or bool(re.search(r"(?:底|末|前)$", m.group()))) \
                and not re.match(r"^[^，,。；;]{0,12}止", after) and not term_end \
                and not m.group().startswith("截至") and not re.search(r"截[至止]\s*$", tsent[max(0, m.start() - 3):m.start()])
            if not deadline and not term_end and _EVENT_AFTER.match(tsent, m.end()) and not re.match(r"(?:到|至|截至|截止)", m.group()) \
                    and not re.search(r"(?:至|到|截至|截止|[-—–~～])\s*$", tsent[max(0, m.start() - 3):m.start()]):
                events.add(m.start() + sent.start)
            if _DATE_OF_BEFORE.search(tsent, max(0, m.start() - 5), m.start()):
                deadline = False  # 办理预售的时间在2022年11月30日以前的楼盘: the date a condition names, no deadline
                events.add(m.start() + sent.start)
            if not deadline and not term_end and (_SCOPE_YEAR_AFTER.match(tsent, m.end()) or _CITED_RULE_AFTER.match(tsent, m.end())):
                events.add(m.start() + sent.start)  # 对2025年在本市新举办的展会: the year of what a rule covers
            if re.search(r"(?:比|较|不超过|不高于|不低于|超过|高于|低于|相比|同比|与)\s*$", tsent[max(0, m.start() - 4):m.start()]):
                bases.add(m.start() + sent.start)
            years.append((m.start() + sent.start, int(m.group("y")), deadline))
        years += [(p, y, True) for p, y in deadlines if sent.start <= p < sent.end]
        if not years and sent.start > 0 and masked[sent.start - 1] in "；;":
            # 2025年5月30日至12月31日期间，对…的，给予1%的补贴；对…的，给予0.5%的补贴: the term a sentence opens on
            # governs the clauses after its semicolons
            opened = max(text.rfind("\n", 0, sent.start), text.rfind("。", 0, sent.start)) + 1
            lead = _LEAD_TERM.match(text, opened, sent.start)
            if lead:
                years.append((sent.start, int(lead.group("y")), False))
        if pub_year is not None:  # 今年/明年 in a work report or plan: the document's own year, or the next
            years += [(m.start() + sent.start, pub_year + (1 if m.group(1) == "明年" else 0), m.group(1) == "明年")
                      for m in _RELATIVE_YEAR.finditer(tsent) if m.group(1) != "年内"]  # 年内: a goal's year only, below
        years.sort()
        for vi, (m, val) in enumerate(sent_values):
            ns, ue = val.ns, val.ue
            raw, unit, value = val.raw, val.unit, val.value
            num_start = m.start() + sent.start
            unit_end1 = m.end("unit") + sent.start
            if "#" in m.group():
                continue
            if unit == "成":
                if not re.fullmatch(r"[一二三四五六七八九十]", raw):
                    continue
                value, unit = value * 10, "%"
            if unit in {"年", "日", "月"} and (isinstance(value, int) and 1900 <= value <= 2100):
                continue
            if unit == "年" and _WITHIN_AFTER.match(masked, ue) and _GOAL_IN_WINDOW.search(
                    masked, ue, window_end := _clause_end(masked, ue, sent.end)) and any(
                    v.ns < window_end for _, v in sent_values[vi + 1:]):
                continue  # 三年内培育体验店360家: the time a goal that follows is given, not a quantity of its own
            if unit == "日" and value <= 31 and raw[0].isdigit() and _DAY_TIME_AFTER.match(masked, ue):
                continue  # 30日晚，某协会发布…: the day an event fell on
            if unit == "日" and value <= 31 and _DAY_EVENT_AFTER.match(masked, ue) \
                    and not _BEFORE_HINT.search(masked[max(sent.start, num_start - 6):num_start]):
                continue  # 监管局22日联合召开会议: the day of the month an event fell on, not a number of days
            if unit == "日" and value <= 31 and raw[0].isdigit() and _day_of_month_around(masked, num_start, ue):
                continue  # 公告自11日起施行, 12月19日至21日: a day of the month, not a number of days
            if (unit == "日" and re.search(r"月\s*$", masked[max(0, num_start - 3):num_start])) or (unit == "年" and masked[unit_end1:unit_end1 + 1] in {"月", "制", "期"}):
                continue  # 7月1日, 一百零二年七月 (dates the date reader left), 五年制, 3年期贷款 (kinds, not durations)
            if (val.value_max is None and unit in _GROUP_SIZE_UNITS and _group_qualifier(masked, ue, sent.end)) or _referring_count(masked, sent.start, num_start, ue, raw, unit, news):
                continue  # 30人及以下的企业裁员率不高于20%, 这三个城市: who a figure is about, not a quantity
            if news and _personal_quote(masked, num_start):
                continue  # 工作人员表示，“…5个工作日给你回电”: what a person said to someone, not the policy's figure
            if not raw[0].isdigit() and _in_quotes(masked, sent.start, num_start):
                continue  # “最多跑一次”, “最后一公里”, “三张清单”: slogans and names
            if unit in {"分", "级", "星", "度", "部", "门", "期", "节", "类", "种", "M", "G", "兆"} and not re.match(r"\d", raw):
                continue  # 部分, 五级, 一期: words, not measures, when written in Chinese numerals
            if masked.rfind("《", sent.start, num_start) > masked.rfind("》", sent.start, num_start) or in_title(num_start):
                continue  # 《…三年行动方案》, or a heading that names a plan: part of a title
            prev = masked[max(sent.start, num_start - 4):num_start]
            nth_home = unit == "套" and prev.endswith("第") and bool(_NTH_HOME_ON.match(masked, ue))
            if (_SKIP_BEFORE.search(prev) and not nth_home) \
                    or (num_start > 0 and re.match(r"[\d.]", masked[num_start - 1])):
                continue  # (第3套（含）及以上住房不予贷款: the home from which a rule applies, a bound)
            if raw == "一" and masked[num_start - 1:num_start] in {"上", "下"} and masked[num_start - 2:num_start - 1] != "以":
                continue  # 下一个季度, 上一批次: the next or previous one, not a count
            if _VAGUE_BEFORE.search(masked, max(sent.start, num_start - 3), num_start) and re.match(r"[十百千万亿]", raw):
                continue  # 数十亿美元, 上千人, 几百家: a vague magnitude, no figure
            if unit in _LIST_COUNT_UNITS and (_counts_the_list_before(masked, sent.start, num_start, value)
                                              or _counts_the_list_after(masked, ue, sent.end, value)):
                continue  # 体检制度、养老金制度和保险制度的三项基本制度: the count of the items just named
            if unit in _LIST_COUNT_UNITS and _closes_a_named_list(masked, sent.start, num_start, ue, sent.end):
                continue  # 贷款渠道主要为A银行、B银行等7个国有银行: how many things a description names, not a quantity
            if re.match(r"[\u4e00-\u9fff]", raw) and raw in {"一", "两", "二"} and unit in {"个", "项", "次", "条", "名", "家", "年", "人", "户", "件", "批次", "天", "日", "套", "张", "处", "公里", "份", "所", "座", "位"} and not _BEFORE_HINT.search(masked[max(sent.start, num_start - 6):num_start]) \
                    and not (unit in {"年", "天", "日"} and _WITHIN_AFTER.match(masked, ue)):
                continue  # 一个, 一项, 两年, 一份: ordinary words unless a comparator frames them
            if raw == "一" and unit == "笔" and not _BEFORE_HINT.search(masked[max(sent.start, num_start - 6):num_start]):
                continue  # 宣布一笔美元债违约, 融到一笔钱: a, not one (分两笔发放 is a count)
            if _PLAN_NAME_AFTER.match(masked[ue:ue + 4]) or (unit == "套" and not raw[0].isdigit() and _ORDINAL_HOME.match(masked[ue:ue + 5])
                                                                         and not nth_home):
                continue
            if _SECTION_UNIT_AFTER.match(masked[ue:ue + 5]) or (unit in {"个", "项", "条"} and _SECTION_UNIT_AFTER.match(unit[-1:] + masked[ue:ue + 4])):
                continue
            if unit in {"个", "项", "大", "类"} and re.match(r"^(方面|领域|环节|重点|原则|统一|坚持|机制|体系|中心|行动|工程|清单)", masked[ue:ue + 2]):
                continue
            if in_listing(num_start) or skips.skips_value(text, num_start, unit_end1, raw, m.group("unit")):
                continue
            if _WAIVED_BEFORE.search(masked, max(sent.start, num_start - 20), num_start):
                continue  # 放松限购，无需近3年累计2年社保: a condition the rule no longer asks for
            if cancelled(masked, sent.start, num_start, ue, sent.end) or former_rule_cancelled(masked, sent.start, num_start, sent.end) \
                    or any(c.start() <= num_start < c.end() for c in _UNIT_CONVERSION.finditer(masked, max(sent.start, num_start - 12), min(sent.end, ue + 12))) \
                    or interleaved(masked, max(sent.start, num_start - 80), min(sent.end, ue + 80)):
                continue
            if _RESTATED_BOUND.search(masked, max(sent.start, num_start - 4), num_start):
                continue  # 3个以上（含3个）: the bound said again, not a second value
            clause_start = max((c.end() for c in _CLAUSE_END.finditer(masked, sent.start, num_start)), default=sent.start)
            comparator = "=" if val.value_max is not None else _comparator(masked, clause_start, num_start, ue)
            # a bound with no comparison word of its own: that of a cap or floor that introduces its list
            inherited = comparator != "=" and not any(p in masked[clause_start:num_start] for p, _ in _BEFORE) \
                and not _word_index()[0].match(masked, ue)
            replaced = _replaced_value(masked, sent.start, clause_start, num_start, ue)
            if replaced and comparator == "=" and last_change and last_change[0] == sent.start \
                    and last_change[2] == _split_mult(unit)[1] and not _BOUND_NAMED_IN.search(masked, clause_start, num_start):
                comparator = last_change[1]  # 最高额度从160万元提高至184万元，…从192万元提高至216万元: the same cap again
            # 竞买保证金由现行的20%提高到30%: the new level of a rule a change sets
            new_level = bool(last_replaced and last_replaced[0] >= sent.start and _CHANGED_TO.fullmatch(masked, last_replaced[0], num_start))
            if last_replaced and comparator == "=" and last_replaced[0] >= sent.start \
                    and _CHANGED_TO.fullmatch(masked, last_replaced[0], num_start):
                comparator = last_replaced[1]  # 最高额度由30万元提高至50万元: the new value is a cap too
            last_replaced = (ue, comparator) if replaced else None
            if comparator == "=" and last_value and last_value[1] != "=" and re.fullmatch(r"\s*[、和及或]\s*", masked[last_value[0]:num_start]):
                comparator = last_value[1]  # 调整为120万元、80万元: a list shares its bound
            last_value = (ue, comparator)
            if new_level and comparator != "=":
                last_change = (sent.start, comparator, _split_mult(unit)[1])
            # the year before the value (a base of comparison only where no other year is), else one right after it
            before_years = [(pos, y, dl) for pos, y, dl in years if pos < num_start]
            chosen = next((t for t in reversed(before_years) if t[0] not in bases), before_years[-1] if before_years else None)
            in_term = any(pos < num_start for pos in terms)
            term_note = None
            if chosen is None:
                chosen = next(((pos, y, dl) for pos, y, dl in years if pos > ue and pos - ue < 6), None)
            if chosen is None:
                chosen = term_note = next(((pos, y, dl) for pos, y, dl in years
                                           if pos > ue and _TERM_NOTE_AFTER.fullmatch(masked, ue, pos)), None)
            if chosen is None:
                chosen = term_note = next(((pos, y, dl) for pos, y, dl in years
                                           if ue < pos < sent.end and _TERM_CLAUSE_AFTER.fullmatch(masked, ue, pos)
                                           and _TERM_CLAUSE_END.match(masked[pos:sent.end])), None)
            elif chosen[0] < clause_start and _OWN_WINDOW.match(masked, clause_start, num_start):
                chosen = None  # 2025年托位数达4.5个，三年内覆盖率达到60%: a clause with a time frame of its own
            explicit = (chosen[1], chosen[2] and not term_note) if chosen else None  # a term's end is no goal's deadline
            # a provision's year is one its rule runs to, not the date of an event it cites or starts from
            rule_year = explicit[0] if chosen and ((chosen[0] not in events and chosen[0] not in bases) or term_note) else None
            scope = scope_at(num_start)
            # a duration (3年内, 15个工作日) is its own time frame: a section's deadline does not reach it
            year = explicit[0] if explicit else (None if _DURATION.fullmatch(unit) else scope.year)
            ctx = masked[clause_start:ue + 6]
            sctx = masked[sent.start:ue]
            clause = text[clause_start:num_start]
            # still to come: a marker of the future, or a deadline not before the document's own year
            # 力争推广…3000亩以上，产出…5项以上: a marker of the future governs the clauses after it, unless
            # a clause of its own reports a result
            own_reported = _REPORTED.search(_clause_chain(masked, sent.start, num_start))
            future = bool(_FUTURE_STRONG.search(clause if own_reported else text[sent.start:num_start])) or (
                year is not None and (explicit is None or explicit[1] or scope.year == year)
                and (pub_year is None or year >= pub_year))
            past_year = explicit is not None and not explicit[1] and pub_year is not None and explicit[0] < pub_year
            # …为零的2034种商品: a count that describes a set of existing things, not a quantity set by the policy
            describes = masked[num_start - 1:num_start] == "的" and comparator == "=" and year is None and unit in _CLASSIFIERS
            reported_marks = own_reported or _REPORTED_SENTENCE.search(sctx) \
                or describes or past_year or breakdown \
                or (news and comparator == "=" and _DESCRIBES.search(sctx))
            kind = "target"
            # a rule by its wording (a modal, a condition, a limit), as against one only by its topic (公积金, 补贴)
            # 个贷率已超出85%的预警线: a line a situation statement says was passed, no rule of this text
            line_passed = bool(_NORM_LINE.match(masked, ue) and _LINE_PASSED.search(masked, clause_start, num_start))
            rule = bool((_NORM_LINE.match(masked, ue) and not line_passed) or _CONDITION_AFTER.search(masked[ue:sent.end])
                        or _CONDITION_BEFORE.search(masked, sent.start, num_start) or _modals(masked, clause_start, ue + 4)
                        or _PROVISION_RULE.search(masked[clause_start:ue + 8]) or _INCLUSIVE_BOUND.match(masked, ue)
                        or _RULE_STRONG.search(masked[sent.start:num_start]) or re.search(r"满\s*$", masked[max(0, num_start - 2):num_start])
                        or (_rule_level(masked, clause_start, num_start, ue) and not (own_reported or _REPORTED_SENTENCE.search(sctx)
                                                                                     or _STATISTIC.search(sctx))))
            if rule and news and _OPINION.search(masked, sent.start, num_start) and not _RULE_STRONG.search(masked[sent.start:ue]) \
                    and _WEAK_MODAL_ONLY.fullmatch("".join(x.group() for x in _modals(masked, clause_start, ue + 4))) \
                    and not (_PROVISION_RULE.search(masked[clause_start:ue + 8]) or _CONDITION_AFTER.search(masked[ue:sent.end])
                             or _CONDITION_BEFORE.search(masked, sent.start, num_start) or _INCLUSIVE_BOUND.match(masked, ue)):
                rule = False  # 他认为，基金可以撬动10倍的杠杆: a speaker's estimate in news, not a rule
            limit = rule or bool(_NORMATIVE_COMPARISON.search(masked[clause_start:num_start]))  # 累计拨付不超过…: a limit
            if not limit and inherited and _NORMATIVE_COMPARISON.search(masked, max(0, sent.start - 60), num_start):
                limit = True  # 目前…最高贷款额度为：…均为50万元/人: a value of a list a cap introduces is a limit too
            # 力争全年到位上级补助收入30亿元以上: a goal about a benefit's money, not a benefit a rule grants
            aspired = bool(_ASPIRED.search(masked, sent.start, num_start)) and not _PROVISION_RULE.search(masked[clause_start:ue + 8]) \
                and not _modals(masked, clause_start, ue + 4)
            topical = bool(_PROVISION_STRONG.search(masked[clause_start:ue + 8])) and not aspired
            if limit and not (own_reported and _REPORTED_RESULT.search(masked[clause_start:num_start])
                              and not _DEEMED.search(masked, clause_start, num_start)):
                reported_marks = None  # 已满5年以上的…可: a condition of a rule, not a result
            elif topical and not news and not _STRONG_PAST.search(sctx):
                reported_marks = None  # 在本市已连续缴纳社保5年: a condition, whose topic is a rule's
            if not limit and _MARKET_FIGURE.search(masked, max(clause_start, num_start - 12), num_start):
                reported_marks = reported_marks or _MARKET_FIGURE.search(masked, max(clause_start, num_start - 12), num_start)
            if not limit and comparator == "=" and unit in _COUNTED and _DONE_AFTER.match(masked, ue):
                reported_marks = reported_marks or True  # 8个试点城市已着手…: a count of those who have done it
            if news and not limit and _STATISTIC.search(sctx) and not _RULE_MODAL.search(sctx):
                reported_marks = reported_marks or _STATISTIC.search(sctx)
            rule = rule or topical
            # 二套房2888笔，占27.04%: loan counts are results, and so are the shares and means told with them
            if not limit and not future and (unit == "笔" or ("reported_stat" in sent_kinds and not rule)):
                reported_marks = reported_marks or True
            # 加快15分钟生活服务圈建设: a goal to build what the quantity names
            clause_end = _clause_end(masked, ue, sent.end)
            build_goal = _BUILD_GOAL.search(masked, clause_start, clause_end)
            review = scope.review or period_review or in_review(num_start) \
                or bool(_REVIEW_CLAUSE.search(masked, sent.start, num_start))
            if review and not _FUTURE_STRONG.search(clause) and not (limit and not own_reported):
                kind = "reported"
            elif (reported_marks or (news and not rule and not _NORMATIVE.search(masked[clause_start:ue + 4]))) and not future:
                kind = "reported"
            elif unit == "分" or (_DURATION.fullmatch(unit) and comparator == "<=" and not (explicit and explicit[1])) \
                    or topical or (in_term and not _FUTURE_STRONG.search(clause)) or (rule and (explicit is None or not explicit[1]) and (
                    explicit is not None or scope.year is None)) or (
                    year is None and ((_PROVISION.search(ctx) and not aspired) or not (_FUTURE.search(ctx) or build_goal))):
                kind = "provision"  # rules, benefits, limits, penalties, and points in a scoring scheme
                # a provision's year is one written in its sentence (2015年安排奖励1亿元), never a section's deadline
                year = rule_year
                if plan_end and not (unit == "分" or _DURATION.fullmatch(unit) or limit or rule or in_term
                                     or _PROVISION.search(ctx) or _PROVISION_STRONG.search(masked, clause_start, ue + 8)):
                    # a proposal for the next five-year plan: a figure with no goal, rule or benefit word reviews
                    # the plan that ends (组建家庭医生团队2564支)
                    kind, year = "reported", None
            if kind == "target" and not (explicit and explicit[1]) and (call or (guide and year is None)):
                kind = "provision"  # 申报项目的商户入驻率不低于90%: a condition of the call
                year = rule_year
            if kind == "target" and year is None and doc_year is None and (
                    (_BRACKET_OPEN.search(masked, sent.start, num_start) and _BRACKET_CONDITION.match(masked, ue))
                    or (new_level and not re.search(r"力争|争取|确保|目标", masked[sent.start:num_start]))
                    or not (_GOAL.search(_QUOTED.sub("", masked[sent.start:num_start])) or build_goal or "目标" in masked[max(0, num_start - 300):num_start]
                            or current_period)):
                # 招生计划不超过总数的6%; 举办对接会（组织80家企业及以上）的: a rule's share or condition; in news, a
                # figure with neither a goal nor a rule is a result (未复工项目38个), and so in a proposal for the next
                # five-year plan, which opens by reviewing the last
                kind = "reported" if (news or plan_end) and not limit else "provision"
            if news and kind != "reported" and not _RULE_STRONG.search(masked[sent.start:ue]) and (
                    (_ANNOUNCED.search(masked, sent.start, num_start) and _CHANGED_LEVEL.search(masked, max(clause_start, num_start - 14), num_start))
                    or _FORMER.match(masked, sent.start) or _INFERENCE.search(masked, sent.start, num_start)
                    or _HEARSAY.search(masked, sent.start, num_start) or _BANK_OFFER.match(masked, sent.start)
                    or (comparator == "~" and not future and not _WEAK_RULE.search(masked, clause_start, num_start) and not _NORMATIVE_COMPARISON.search(masked, clause_start, num_start))):
                kind = "reported"  # news of a change made, of a former rule, an inference, hearsay, an approximate figure
            if news and kind != "reported" and not _RULE_MODAL.search(masked, sent.start, sent.end) and (
                    _MARKET_MOVE.search(masked, max(clause_start, num_start - 6), num_start) or _MARKET_LEVEL_AFTER.match(masked, ue)):
                kind, year = "reported", None  # 房贷利率上升至5.85%, 一度冲破6%大关, 多地已处5%以上高位: where a market stands
            if kind == "target" and year is None and doc_year is None:
                if current_period:
                    year = current_period  # “十五五”时期…达到: the period's last year
                elif plan_end and (pub_year is None or plan_end >= pub_year) \
                        and re.search(r"力争|争取|确保|目标|努力|五年", masked[sent.start:num_start]):
                    year = plan_end  # 关于制定…第十五个五年规划的建议: 力争达到2万亿元 by 2030
            if _worked_example(masked[sent.start:sent.end]):
                continue  # 以贷款100万元、利率4.25%计算，月供减少N元: an illustration, not a rule or a result
            if kind == "reported" and _DURATION.fullmatch(unit) and re.search(r"(?:近|最近|过去)\s*$", masked[max(sent.start, num_start - 3):num_start]):
                continue  # 近3个月均价上涨的天数有36天: the window a result is told over, not a quantity
            if kind == "target" and not (explicit and explicit[1]) and _DURATION.fullmatch(unit) and comparator in (">=", ">") \
                    and _QUALIFIER_AFTER.match(masked, ue) and not _GOAL_STRONG.search(masked, sent.start, num_start):
                kind, year = "provision", rule_year  # 签订1年以上劳动合同的人员: a duration that qualifies who, a condition
            if kind == "target" and _DURATION.fullmatch(unit) and _EXTENDS.search(masked, clause_start, num_start):
                kind, year = "provision", rule_year if chosen and chosen[0] < clause_start else None
                # 决定将展会延长2个月，至2024年1月31日: a decision on a period; the date it runs to is no deadline
            if kind == "provision" and year is not None and _DURATION.fullmatch(unit) and chosen and chosen[0] < clause_start \
                    and _DATED_STEP.match(text, chosen[0]) and not _EXTENDS.search(masked, clause_start, num_start) \
                    and not _WINDOW_MODAL.search(masked, chosen[0], clause_start):
                # 1月15日前整理形成名单…公示期5天: the date of another step, not the publicity period's (but 12月31日前，
                # 企业可申请…最长不超过6个月: the window of the rule the value belongs to)
                year = None
            if nth_home and kind == "target":
                kind, year = "provision", rule_year  # 第三套及以上住房不享受…: whom a rule covers, no goal
            if kind != "reported" and any(a <= num_start < b for a, b in compared):
                kind, year = "reported", None  # 与周边城市相当：广州市…最高贷款额度为100万元: another place's figure, cited
            if kind != "reported" and comparator == "=" and unit in _COUNTED | {"人", "户"} \
                    and _PUBLICISED_COUNT.search(masked, clause_start, num_start):
                kind, year = "reported", None  # 公示拟取得落户资格人员6003人: the count of a published list
            if news and kind == "provision" and _COUNTED_BY.search(masked, sent.start, num_start):
                kind, year = "reported", None  # 据不完全统计，至少9家信托公司遭到处罚: a count a report makes
            if kind != "provision" and unit in _AGE_UNITS and comparator != "=" and not _STRONG_PAST.search(sctx):
                kind, year = "provision", rule_year  # 年龄在65周岁以下的从业人员: an age bound is a scheme's condition
            if unit in _AGE_UNITS and kind == "provision" and year is not None and chosen \
                    and "截" in masked[max(0, chosen[0] - 2):chosen[0] + 2]:
                year = None  # 截至2025年1月1日不超过18周岁: the day an age is counted on, not a year the rule runs to
            if kind == "target" and _PENALTY_TIER.search(masked, sent.start, sent.end):
                kind, year = "provision", rule_year  # 从重处罚：3年内2次以上实施同类违法行为: a tier's condition, no goal
            if kind == "reported" and _PENALTY_AFTER_CONDITION.match(masked, ue, sent.end) and not _STRONG_PAST.search(sctx):
                kind, year = "provision", rule_year  # 已累计造成3次以上事故的，处10万元罚款: a penalty's condition, no past figure
            if kind == "provision" and not limit and not rule and comparator == "=" and unit in {"个", "项", "批"} \
                    and _PROJECTS_PUSHED.match(masked, ue):
                kind = "target"  # 79个新开工项目加快实施: projects a plan drives on, a goal with no year of its own
            if kind == "target" and year is None and pub_year is not None:
                rel = _RELATIVE_YEAR.search(text, sent.start, sent.end)
                if rel:  # 首批3000套今年开工建设: a goal for the year the notice is dated in (明年: the next)
                    year = pub_year + (1 if rel.group(1) == "明年" else 0)
            if kind == "target" and year is None and doc_year is not None:
                year = doc_year
            if kind == "reported" and comparator == ">=" and _reached_level(masked, clause_start, num_start, ue):
                comparator = "="  # 总投资达9.5亿元, 落地率均达100%: a level reached, not a floor (达到 in a goal stays >=)
            rec = _RECURRENCE.search(masked, clause_start, ue)
            rec2 = _RECURRENCE.match(masked, rec.end(), ue) if rec else None  # 每人每月: who and how often
            recurrence = masked[rec.start():(rec2 or rec).end()] if rec else None
            subj = _SUBJECT.search(masked[sent.start:num_start])
            indicator = _indicator(text, clause_start, num_start, ue)
            if last_indicator and (not indicator or len(_CJK.findall(indicator)) < 4):
                indicator = last_indicator  # …2010年达到95%; 到2026年底，占比达到50%: the paragraph's last indicator
            last_indicator = indicator
            if replaced:
                continue  # the value a change replaces (由40万元提高至60万元 → 40): no longer set, so no commitment
            if kind == "provision" and sent_goal is not _NO_GOAL and not limit and not rule and comparator in ("=", ">=") \
                    and not _DURATION.fullmatch(unit) and not _modals(masked, clause_start, ue + 4) \
                    and _GOAL_VERB_LEAD.match(masked, clause_start):
                kind, year = "target", sent_goal  # 年内开工…71.7公里，建成…90公里，实施…65.9公里: the list of goals goes on
            if kind == "target":
                sent_goal = year
            sent_kinds.add(kind)
            if kind == "reported" and unit == "笔":
                sent_kinds.add("reported_stat")
            out.append(Commitment(
                kind=kind, indicator=indicator, subject=subj.group() if subj else None,
                value=value, unit=unit, comparator=comparator,
                deadline=f"{year}-12-31" if year and kind == "target" else None, year=year if kind != "reported" else None,
                recurrence=recurrence, sentence=text[sent.start:sent.end].strip(),
                start=sent.start, end=sent.end, value_max=val.value_max, value_start=ns, value_end=ue))
        if sent_kinds:
            prev_kinds = sent_kinds - {"reported_stat"}
    return _headline_copies(_restated(_repeated_in_sentence(_dedupe(find_table_commitments(text, masked, unit_rx, pub_year)
                                                                    + find_column_table_commitments(text, unit_rx)
                                                                    + find_unit_headed_cells(text, unit_rx)
                                                                    + find_formula_multipliers(text, masked, in_listing)
                                                                    + find_bare_ratios(text, masked, in_listing)
                                                                    + find_plot_ratios(text, masked, in_listing)
                                                   + _join_orphan_units(_join_split_ranges(_join_bounds(out, masked), masked), masked)), masked), masked), masked, title)


# a clause that opens on the verb of a task (实施…65.9公里, 完成…3万亩) after a goal of its sentence continues its list
_GOAL_VERB_LEAD = re.compile(r"\s*(?:并|同时|再)?(?:实施|完成|开展|新建|改造|新改建|改扩建|建设|建成|开工|培育|打造|新增|推进|推动|创建|组织|"
                             r"举办|引进|培训|提升|提供|发放|筹集|种植|治理|修复)")
_NO_GOAL = object()
# a tier of a penalty discretion table or what it counts (从重处罚：, 违法行为, 违法所得): conditions, never goals
_PENALTY_TIER = re.compile(r"(?:从重|从轻|减轻|一般|不予)处罚\s*[：:]|违法行为|违法所得|违法违规行为")
# a condition a penalty follows (…3次以上的，处…罚款; …的，由主管部门责令改正，并处…): what 已 says in it is the breach
_PENALTY_AFTER_CONDITION = re.compile(r"[^。；;：:\n]{0,40}?的[，,]\s*(?:由[^，,。；;]{1,24}?)?(?:依法)?(?:对[^，,。；;]{1,12}?)?"
                                      r"(?:处以?|并处|责令|从重处罚|从轻处罚|给予[^，,。；;]{0,10}?处罚)")
# a count of projects the plan pushes on (…个重点项目加快实施, …项工程全面开工)
_PROJECTS_PUSHED = re.compile(r"[^，,。；;：:\d]{0,12}?(?:项目|工程)\s*(?:要|将)?(?:加快|加速|全面|有序|按期|如期|顺利)?"
                              r"(?:实施|推进|建设|开工|落地|投产|竣工)")


# a bare multiplier in a formula (贷款额度=账户余额×25, 账户余额乘以15): the number after 乘以 or a times sign, with no
# unit of its own, after a quantity (余额, 工资, a bracket) or in a formula (an equals sign before it)
_FORMULA_MULT = re.compile(r"(?P<op>[×＊*]|乘以)\s*(?P<num>\d+(?:\.\d+)?)(?=\s*(?:[+＋\-－（(）)”\"，,。；;、\n]|$))")
_FORMULA_OPERAND = re.compile(r"(?:额|数|价|积|资|入|准|值|[）)])\s*$")
_FORMULA_CHANGED = re.compile(r"\s*(?:调整|修改|改|变更|更改|提高|降低)(?:为|至|到)")


def find_formula_multipliers(text: str, masked: str, unread=lambda pos: False) -> list[Commitment]:
    """The multiplier of a formula the policy sets (贷款额度=（账户余额+配偶账户余额）×25: 25 times), as a provision in
    倍; a formula quoted as the wording a change replaces (由“…×20”调整为“…×25”) gives only its new multiplier."""
    out: list[Commitment] = []
    if "×" not in masked and "乘以" not in masked and "*" not in masked and "＊" not in masked:
        return out
    for m in _FORMULA_MULT.finditer(masked):
        a = m.start()
        if unread(a):
            continue
        sent_start = max(masked.rfind(c, 0, a) for c in "。；;\n") + 1
        sent_end = min((i for i in (masked.find(c, m.end()) for c in "。；;\n") if i >= 0), default=len(masked))
        before = masked[sent_start:a]
        if not (_FORMULA_OPERAND.search(before) and ("=" in before or "＝" in before or m.group("op") == "乘以"
                                                       or re.search(r"余额|工资|收入|基数", before[-12:]))):
            continue
        if not re.search(r"[\u4e00-\u9fff]", before[-6:]):
            continue  # 1280×960: sizes, not a formula of quantities
        close = masked.find("”", m.end(), sent_end + 1)
        opened = masked.rfind("“", sent_start, a)
        if opened >= 0 and close >= 0 and masked.rfind("”", opened, a) < 0 and _FORMULA_CHANGED.match(masked, close + 1):
            continue  # the formula a change replaces: no longer set
        value = parse_number(m.group("num"))
        if value is None or value <= 1:
            continue
        clause_start = max((c.end() for c in _CLAUSE_END.finditer(masked, sent_start, a)), default=sent_start)
        indicator = re.sub(r"^[“\"]|.*[“\"](?=[^“\"]*$)", "", text[clause_start:a]).strip() or None
        out.append(Commitment(
            kind="provision", indicator=indicator, subject=None, value=value, unit="倍", comparator="=", deadline=None,
            year=None, recurrence=None, sentence=text[sent_start:sent_end].strip(), start=sent_start, end=sent_end,
            value_start=m.start(), value_end=m.end("num")))
    return out


# a ratio of two counts bounded by a bare number (登记人数与可售房源数之比大于（含等于）1.5的楼盘): a rule's threshold with
# no unit of its own
_BARE_RATIO = re.compile(r"(?:之比|比值)\s*(?P<cmp>大于或等于|大于等于|小于或等于|小于等于|不低于|不高于|不超过|不小于|不大于|大于|小于|高于|低于|超过|达到|为)"
                         r"\s*(?P<incl>[（(]\s*含(?:等于)?\s*[）)])?\s*(?P<num>\d+(?:\.\d+)?)"
                         r"(?=\s*(?:的|以上|以下|时|[，,。；;）)]))")
_RATIO_CMP = {"大于或等于": ">=", "大于等于": ">=", "小于或等于": "<=", "小于等于": "<=", "不低于": ">=", "不高于": "<=",
              "不超过": "<=", "不小于": ">=", "不大于": "<=", "大于": ">", "小于": "<", "高于": ">", "低于": "<", "超过": ">",
              "达到": ">=", "为": "="}
_RATIO_RULE_AFTER = re.compile(r"[^。；;\n]{0,40}?(?:实行|实施|应当|应|须|必须|不得|可|暂停|启动|停止|纳入|列为|给予)")


def find_bare_ratios(text: str, masked: str, unread=lambda pos: False) -> list[Commitment]:
    """A ratio of two counts that a rule bounds with a bare number (…之比大于（含等于）1.5的热点楼盘, 实行摇号): a provision
    with no unit; a bracket note that the bound is included makes a strict comparison inclusive. A ratio a text only
    states (…之比为1.2，市场平稳) sets nothing."""
    out: list[Commitment] = []
    if "之比" not in masked and "比值" not in masked:
        return out
    for m in _BARE_RATIO.finditer(masked):
        a = m.start("num")
        if unread(a) or not _RATIO_RULE_AFTER.match(masked, m.end()):
            continue
        value = parse_number(m.group("num"))
        if value is None:
            continue
        cmp = _RATIO_CMP[m.group("cmp")]
        if m.group("incl") and cmp in (">", "<"):
            cmp += "="
        sent_start = max(masked.rfind(c, 0, a) for c in "。；;\n") + 1
        sent_end = min((i for i in (masked.find(c, m.end()) for c in "。；;\n") if i >= 0), default=len(masked))
        clause_start = max((c.end() for c in _CLAUSE_END.finditer(masked, sent_start, m.start())), default=sent_start)
        out.append(Commitment(
            kind="provision", indicator=text[clause_start:m.start("cmp")].strip() or None, subject=None, value=value,
            unit="", comparator=cmp, deadline=None, year=None, recurrence=None, sentence=text[sent_start:sent_end].strip(),
            start=sent_start, end=sent_end, value_start=a, value_end=m.end("num")))
    return out


# a plot ratio (容积率), the one bound of land use with no unit: in prose (容积率不大于2.5, 容积率在1.0（含）以上) or in
# the cells of a land table a text dump gives one a line, under a heading cell 容积率 (≤2.5; 居住：≤2.2；教育：≤1)
_SYMBOL_CMP = {"≤": "<=", "≥": ">=", "<=": "<=", ">=": ">=", "＜": "<", "＞": ">", "<": "<", ">": ">"}
_PLOT_RATIO = re.compile(r"容积率[ \t\u3000]*(?:[：:]|应当|应|须|原则上)?[ \t\u3000]*(?:在|为|按)?[ \t\u3000]*(?P<cmp>不大于|不高于|不超过|不低于|不小于|大于|小于|高于|低于|超过|"
                         r"≤|≥|<=|>=|＜|＞|<|>)?[ \t\u3000]*(?P<num>\d+(?:\.\d+)?)[ \t\u3000]*(?P<incl>[（(][ \t\u3000]*含[ \t\u3000]*[）)])?[ \t\u3000]*(?P<after>以上|以下|以内)?"
                         r"(?![ \t\u3000]*[\d.%％‰万亿元米倍㎡])")
_PLOT_RATIO_HEAD = re.compile(r"(?m)^[ \t\u3000]*容积率[ \t\u3000]*$")
_BOUND_CELL = re.compile(r"(?m)^[ \t\u3000]*(?:[^\d\s：:；;|≤≥<>＜＞]{1,12}[：:]?\s*)?(?:≤|≥|<=|>=|＜|＞|<|>)\s*\d+(?:\.\d+)?"
                         r"(?:\s*[；;，,、]\s*[^\d\s：:；;|≤≥<>＜＞]{1,12}[：:]?\s*(?:≤|≥|<=|>=|＜|＞|<|>)\s*\d+(?:\.\d+)?)*[ \t\u3000]*$")
_BOUND_IN_CELL = re.compile(r"(?:(?P<label>[^\d\s：:；;|，,、≤≥<>＜＞=]{1,12}?)[：:]?\s*)?(?P<cmp>≤|≥|<=|>=|＜|＞|<|>)\s*(?P<num>\d+(?:\.\d+)?)"
                            r"(?!\s*[\d.%％‰万亿元米倍㎡亩])")
_WORD_AFTER_CMP = {"以上": ">=", "以下": "<=", "以内": "<="}
MAX_CELLS_UNDER_HEAD = 400  # lines from the heading cell 容积率 within which a bare bound cell is its column's


def find_plot_ratios(text: str, masked: str, unread=lambda pos: False) -> list[Commitment]:
    """Plot ratios (容积率) a rule or a land notice bounds or sets: provisions with no unit."""
    out: list[Commitment] = []
    if "容积率" not in masked:
        return out

    def add(a: int, b: int, value: float, cmp: str, indicator: str, sent_start: int, sent_end: int) -> None:
        out.append(Commitment(
            kind="provision", indicator=indicator, subject=None, value=value, unit="", comparator=cmp, deadline=None,
            year=None, recurrence=None, sentence=text[sent_start:sent_end].strip(), start=sent_start, end=sent_end,
            value_start=a, value_end=b))

    for m in _PLOT_RATIO.finditer(masked):
        a = m.start("num")
        value = parse_number(m.group("num"))
        if unread(a) or value is None:
            continue
        cmp = _RATIO_CMP.get(m.group("cmp") or "", _SYMBOL_CMP.get(m.group("cmp") or "", _WORD_AFTER_CMP.get(m.group("after") or "", "=")))
        if m.group("incl") and cmp in (">", "<"):
            cmp += "="
        sent_start = max(masked.rfind(c, 0, a) for c in "。；;\n") + 1
        sent_end = min((i for i in (masked.find(c, m.end()) for c in "。；;\n") if i >= 0), default=len(masked))
        add(a, m.end("num"), value, cmp, "容积率", sent_start, sent_end)
    # a table the reader gives one row a line (| … | 容积率 | … |): the cells of that column
    col = None
    for a, ln in _line_spans(masked):
        if not ln.lstrip().startswith("|"):
            col = None
            continue
        cells = ln.split("|")
        names = [_SPACES.sub("", c) for c in cells]
        if "容积率" in names:
            col = names.index("容积率")
            continue
        if col is None or col >= len(cells):
            continue
        cell_start = a + sum(len(c) + 1 for c in cells[:col])
        cell = cells[col]
        if not _BOUND_CELL.fullmatch(cell.strip()):
            continue
        for m in _BOUND_IN_CELL.finditer(masked, cell_start, cell_start + len(cell)):
            value = parse_number(m.group("num"))
            if unread(m.start("num")) or value is None:
                continue
            label = (m.group("label") or "").strip()
            add(m.start("num"), m.end("num"), value, _SYMBOL_CMP[m.group("cmp")], f"{label}容积率", a, a + len(ln))
    head = _PLOT_RATIO_HEAD.search(masked)
    if head:
        limit = len(masked)
        nl = head.end()
        for _ in range(MAX_CELLS_UNDER_HEAD):
            nl = masked.find("\n", nl + 1)
            if nl < 0:
                break
            limit = nl
        for cell in _BOUND_CELL.finditer(masked, head.end(), limit):
            for m in _BOUND_IN_CELL.finditer(masked, cell.start(), cell.end()):
                value = parse_number(m.group("num"))
                if unread(m.start("num")) or value is None:
                    continue
                label = (m.group("label") or "").strip()
                add(m.start("num"), m.end("num"), value, _SYMBOL_CMP[m.group("cmp")], f"{label}容积率", cell.start(), cell.end())
    return out


# 数十亿, 上千人, 几百家, 好几万: a magnitude with no figure (迈上/站上 a level, 以上 are no such 上)
_VAGUE_BEFORE = re.compile(r"(?:(?<![人户总次个件套位岁分指基倍函系级参])数|几|好几|(?<![以之迈站登跃踏])上)\s*$")
_AGE_UNITS = {"周岁", "岁"}


# a goal set within a period (三年内培育…, 力争三年内…达到): the period is the goal's deadline
_GOAL_IN_WINDOW = re.compile(r"培育|建成|达到|实现|新增|打造|形成|建设|引进|突破|覆盖率|提高到|提升至|增加到")


def _clause_end(masked: str, pos: int, end: int) -> int:
    """Where the clause holding `pos` ends (its comma, colon or sentence end), at most `end`."""
    m = _CLAUSE_END.search(masked, pos, end)
    return m.start() if m else end


# a period closed by 内 (余款一年内缴清, 两日内答复): a time limit even when written 一年, 两日
# a term a sentence opens on (2025年5月30日至12月31日期间，; 自2024年1月1日起至2024年12月31日，)
_LEAD_TERM = re.compile(r"\s*(?:[（(]?[一二三四五六七八九十\d]+[)）、.．]\s*)?(?:自|从|在)?\s*(?P<y>(?:19|20)\d{2})\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?\s*"
                        r"(?:起)?\s*(?:至|到|[-—–~～])\s*(?:(?:19|20)\d{2}\s*年)?\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?\s*(?:期间|止)?\s*[，,]")
# a clause opening on its own time frame (三年内, 力争5年之内), which a year of an earlier clause does not reach
_OWN_WINDOW = re.compile(r"\s*(?:力争|争取|计划|预计|再用|用|在|未来)?\s*(?:[一二三四五六七八九十两]|\d{1,2})\s*(?:年|个月)(?:以内|之内|内)")
_WITHIN_AFTER = re.compile(r"(?:以内|之内|内)(?!容|部|外|涵|地|在|心|需|销|资)")
# what follows a day of the month in news (22日召开, 22日晚间发布, 22日表示): an event, not a count of days
# a day of the month with the time of day (30日晚，…; 22日上午): a date, never a number of days
_DAY_TIME_AFTER = re.compile(r"\s*(?:上午|下午|晚间|晚上|早间|凌晨|中午|傍晚|晚|早)(?:[，,\s]|\d{1,2}(?:时|点))")
_DAY_EVENT_AFTER = re.compile(r"\s*(?:上午|下午|晚间|晚上|早间|凌晨|当天|晚|早)?\s*[，,]?\s*(?:联合|正式|再次|首次|先后)?"
                              r"(?:召开|举行|举办|发布|印发|出台|公布|宣布|表示|介绍|披露|发文|通报|透露|称|消息|电|讯|官宣|上线|挂牌|开幕|闭幕|签署|签约)")
# a day of the month named without its month: 自11日起 (from the 11th), 12月19日至21日 (the end of a run of days)
_DAY_FROM_BEFORE = re.compile(r"(?:自|从)\s*$")
_DAY_FROM_AFTER = re.compile(r"\s*(?:起|开始)")
_DAY_RANGE_BEFORE = re.compile(r"月\s*\d{1,2}\s*日\s*(?:至|到|—|－|-|～|~)\s*$")


def _day_of_month_around(masked: str, num_start: int, unit_end: int) -> bool:
    before = masked[max(0, num_start - 12):num_start]
    if _DAY_FROM_BEFORE.search(before) and _DAY_FROM_AFTER.match(masked, unit_end):
        return True
    return bool(_DAY_RANGE_BEFORE.search(before))


_LIST_COUNT_UNITS = {"个", "项", "大", "类", "种", "条", "方面", "家", "所", "批", "支", "座", "件"}
_LIST_SEP = re.compile(r"、|以及|和|及|与|或")


def _counts_the_list_before(masked: str, sent_start: int, num_start: int, value: float) -> bool:
    """Whether the count at num_start is the number of the items its clause has just named (A、B和C的三项基本制度,
    A、B…及公司章程6项资料, 餐饮、零售…等5个行业): the list itself, not a quantity. A count unlike the
    items named (学校、医院12所) is one."""
    if not isinstance(value, int) or not 2 <= value <= 12:
        return False
    seg = re.split(r"[，,。；;：:！？!?]", masked[sent_start:num_start])[-1]
    seg = re.sub(r"(?:等|的|这|共|在内的|共计|\s)+$", "", seg)
    if "、" not in seg:
        return False
    items = [x for x in _LIST_SEP.split(seg) if len(x.strip()) >= 2]
    return len(items) == value


# a description that names things (主要为A、B等7个国有银行; 合作机构包括A、B等3家): its count ends the clause
_NAMES_LEAD = re.compile(r"(?:主要|分别|依次)?(?:为|是|包括|包含|涉及|有)$")
_NOUN_ENDS_CLAUSE = re.compile(r"[\u4e00-\u9fff]{0,8}\s*(?:[。；;，,]|$)")


def _closes_a_named_list(masked: str, sent_start: int, num_start: int, unit_end: int, sent_end: int) -> bool:
    """Whether a count after 等 closes a list of names a description gives (…主要为A、B等7个国有银行。): the list's size,
    not a quantity a policy sets. A list before a goal or a rule (建成A、B等19个项目, A、B等10类产品给予补贴) stays."""
    if masked[num_start - 1:num_start] != "等":
        return False
    clause_start = max((c.end() for c in _CLAUSE_END.finditer(masked, sent_start, num_start)), default=sent_start)
    first = masked.find("、", clause_start, num_start)
    if first < 0 or not _NOUN_ENDS_CLAUSE.match(masked, unit_end, sent_end):
        return False
    lead = masked[clause_start:first]
    return any(_NAMES_LEAD.search(lead[:k]) for k in range(max(0, len(lead) - 12), len(lead)))


# the list a count introduces (共有7家，分别是A、B…; 包括以下3个：A、B、C)
_LIST_INTRO_AFTER = re.compile(r"[\u4e00-\u9fff]{0,6}?\s*[，,]?\s*(?:分别是|分别为|依次是|依次为|即|包括|包含|为|是)?\s*[：:]?\s*")


def _counts_the_list_after(masked: str, unit_end: int, sent_end: int, value: float) -> bool:
    """Whether the count is the number of the items its sentence names right after it (信托公司共有7家，分别是A、B、…、G):
    the list itself, not a quantity."""
    if not isinstance(value, int) or not 2 <= value <= 12:
        return False
    intro = _LIST_INTRO_AFTER.match(masked, unit_end, sent_end)
    if not intro or not re.search(r"分别|依次|即|包括|包含|[：:]", intro.group()):
        return False
    seg = re.split(r"[，,。；;！？!?\n]", masked[intro.end():sent_end])[0]
    seg = re.sub(r"(?:等)+$", "", seg.strip())
    if "、" not in seg:
        return False
    items = [x for x in _LIST_SEP.split(seg) if len(x.strip()) >= 2]
    return len(items) == value


# a paragraph that opens on an example of a hypothetical case (例如，某项目申请…; 假设某家庭…): its figures illustrate
_EXAMPLE_PARAGRAPH = re.compile(r"[ \t\u3000]*(?:例如|比如|譬如|举例来说|举个例子|打个比方|假设|假如)[，,：:]?[^。；;\n]{0,30}?某")


# a time stamp alone on its line (2026-07-15 09:15): in a cluster, the items of a page's feed of other stories
_BARE_STAMP = re.compile(rf"[ \t\u3000]*{full_date(joiners=NUMERIC_JOINERS)}[ \t\u3000]+{TIME}[ \t\u3000]*")


def feed_spans(text: str) -> list[tuple[int, int]]:
    """Spans of a page's feed of other stories: three or more time stamps alone on their lines, each within four
    lines of the next, with the line before the first and the one after the last (推荐阅读 …summary⏎2026-07-15
    09:15⏎summary…): the summaries are other pages' news, not this document's statements. One time stamp at
    the head of an article is its own date."""
    lines = [(p, ln) for p, ln in _line_spans(text)]
    stamps = [i for i, (_, ln) in enumerate(lines) if _BARE_STAMP.fullmatch(ln)]
    out, k = [], 0
    while k < len(stamps):
        j = k
        while j + 1 < len(stamps) and stamps[j + 1] - stamps[j] <= 4:
            j += 1
        if j - k + 1 >= 3:
            a, b = max(0, stamps[k] - 1), min(len(lines) - 1, stamps[j] + 1)
            out.append((lines[a][0], lines[b][0] + len(lines[b][1])))
        k = j + 1
    return out


def example_paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of paragraphs that work a hypothetical example from their first words (例如，某商品住宅项目申请上市
    200套…即60套。如…为150套…): a rule's figures restated inside one are illustrations, not statements."""
    return [(p, p + len(ln)) for p, ln in _line_spans(text) if _EXAMPLE_PARAGRAPH.match(ln)]


# 达/达到/均达 right before a figure, with no bound word after it and no condition it opens (达到25%以上的，…; 达到90%时)
_REACHED = re.compile(r"(?<![未不没])(?:均|都|已|已经|总计|合计|累计|共|分别|也|总额|规模)?达(?:到了?|到)?\s*$")
_REACHED_CONDITION = re.compile(r"\s*(?:[（(]含[^）)]{0,8}[）)])?\s*(?:及|或)?(?:以上|以下|左右|之上)|[^，,。；;]{0,10}?(?:时|的[，,]|后[，,]|前提|条件)")


def _reached_level(masked: str, clause_start: int, num_start: int, unit_end: int) -> bool:
    """Whether a figure is a level a report says was reached (投资达9.5亿元), not a floor a rule sets."""
    return bool(_REACHED.search(masked, clause_start, num_start)) and not _REACHED_CONDITION.match(masked, unit_end)


# a worked example: a hypothetical case (假设, 以…为例) or a calculation (以/按…计算) of what a buyer pays
_EXAMPLE_CUE = re.compile(r"假设|假如|举例|举个例子|比如|例如|打个比方|以[^。；]{0,20}为例")
_EXAMPLE_CALC = re.compile(r"(?:以|按|按照)[^。；]{0,30}?(?:计算|测算|来算|算)")
_EXAMPLE_RESULT = re.compile(r"月供|利息|少还|多还|少付|多付|少交|多交|节省|节约|省下|还款额|总还款|备齐|准备|需付|需支付|要付|需缴")


def _worked_example(sentence: str) -> bool:
    """Whether a sentence works an example (figures that illustrate, not figures the policy sets)."""
    if _EXAMPLE_CUE.search(sentence):
        return bool(_EXAMPLE_RESULT.search(sentence) or _EXAMPLE_CALC.search(sentence))
    calc = _EXAMPLE_CALC.search(sentence)  # the result follows the calculation (利息按5%计算 is a rule)
    return bool(calc) and bool(_EXAMPLE_RESULT.search(sentence, calc.end()))


# two bounds of one measure side by side: 小于200平方米、大于或等于144平方米; 大于2倍且不超过3倍; the lower
# bound's own closing word may stand between them (一倍以上低于二倍, 满2年（含）不足4年, 3年以上、5年以下)
_INCL = r"(?:[（(]\s*(?:含|不含)[^）)]{0,6}[）)])?"
_BOUND_GAP = re.compile(rf"\s*{_INCL}\s*(?:(?:及|或)?以上)?\s*{_INCL}\s*[、，,]?\s*(?:且|并且|同时|但|但是|而)?\s*"
                        r"(?:(?:不得|不应|不能|不宜)?(?:大于|高于|超过|多于|低于|少于|小于|不足|不满|未满|满|已满)"
                        r"|不低于|不少于|不小于|不超过|不高于|不大于|不多于|(?:最短|最长|最低|最高|最少|最多)(?:为|是|可)?)"
                        r"(?:或等于|等于)?\s*")
_BOUND_GAP_AFTER = re.compile(rf"\s*{_INCL}\s*(?:及|或)?以上\s*{_INCL}\s*[、，,]?\s*(?:且|并且|同时|但|但是|而)?\s*")
# the two bounds in cells side by side (处1万元以上 | 3万元以下罚款; a tab or a wide gap between the cells)
_BOUND_GAP_CELL = re.compile(rf"\s*{_INCL}\s*(?:及|或)?以上\s*{_INCL}[ \t]*(?:[|｜]|\t| {{2,}})[ \t|｜]*")


def _common_unit(a: Commitment, b: Commitment) -> tuple[str, float, float] | None:
    """(unit, a's value, b's value) in one unit: the same unit, or the same with another multiplier (5000元,
    2万元)."""
    if a.unit == b.unit:
        return a.unit, a.value, b.value
    (fa, ua), (fb, ub) = _split_mult(a.unit or ""), _split_mult(b.unit or "")
    if ua == ub and ua:
        return ua, _num(a.value * fa), _num(b.value * fb)
    return None  # 50%以上5倍以下: units as written, one a row (a share and a multiple are no one unit)


def _join_bounds(found: list[Commitment], masked: str) -> list[Commitment]:
    """A lower and an upper bound of one measure written next to each other are one range (value the
    lower bound, value_max the upper), as 144至200平方米 would be."""
    out: list[Commitment] = []
    i = 0
    while i < len(found):
        a = found[i]
        b = found[i + 1] if i + 1 < len(found) else None
        common = _common_unit(a, b) if b is not None else None
        if b is not None and common and a.value_max is None and b.value_max is None and a.start == b.start \
                and a.value_end is not None and b.value_start is not None and b.value_start > a.value_end:
            gap = masked[a.value_end:b.value_start]
            unit, va, vb = common
            lo, hi = ((a, va), (b, vb)) if a.comparator in {">", ">="} else ((b, vb), (a, va))
            joined = _BOUND_GAP.fullmatch(gap) or ((_BOUND_GAP_AFTER.fullmatch(gap) or _BOUND_GAP_CELL.fullmatch(gap))
                                                   and b.comparator in {"<", "<="})
            if joined and lo[0].comparator in {">", ">="} and hi[0].comparator in {"<", "<="} and lo[1] < hi[1]:
                out.append(replace(a, value=lo[1], value_max=hi[1], unit=unit, comparator="=",
                                   value_start=a.value_start, value_end=b.value_end))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


# a lower end closing its line (对企业处项目总投资额 1‰以上⏎) in a PDF table whose columns the text interleaves
# …or the end of its cell: a tab, a wide gap, a cell rule, or the code of the next cell (1‰以上C0011000A010 …)
_LOWER_END_OF_LINE = re.compile(r"\s*(?:[（(]含[^）)]{0,6}[）)])?\s*(?:及)?以上(?:[一二三四五六七八九](?=[ \t\u3000]|\n))?"
                                r"(?:[ \t]*\n|[ \t]*(?:\t|[|｜]| {2,})|\s*[A-Z]{1,2}\d{6,}[A-Z0-9]*|[ \t\u3000]+\S{1,3}[ \t]*\n)")
_UPPER_END = re.compile(r"\s*(?:[（(]含[^）)]{0,6}[）)])?\s*以下")
_UPPER_FRAGMENT = re.compile(r"\s*以上(?P<d>[一二三四五六七八九])(?=[ \t\u3000]|\n)")
_CN_NUMERAL_HEAD = re.compile(rf"[{CN_NUM_CHARS}]+")


def _join_split_ranges(found: list[Commitment], masked: str) -> list[Commitment]:
    """A range of a penalty table whose ends the columns of a PDF put on different lines: a lower end that
    closes its line (1‰以上) and, within the next three lines, the first value of the same unit after it, an
    upper end (…内 2‰以下的罚款) that opens no range of its own. Complete ranges between them are other cells."""
    drop: set[int] = set()
    out = list(found)
    for i, a in enumerate(out):
        if i in drop or a.value_max is not None or a.comparator not in (">", ">=") or a.value_end is None \
                or not _LOWER_END_OF_LINE.match(masked, a.value_end):
            continue
        line_end = masked.find("\n", a.value_end)
        line_end = len(masked) if line_end < 0 else line_end
        limit = line_end
        for _ in range(3):
            nxt = masked.find("\n", limit + 1)
            limit = nxt if nxt >= 0 else len(masked)
        # 处十万元以上三⏎…⏎十万元以下: the first numeral of the upper end left after 以上 on the lower end's line
        frag = _UPPER_FRAGMENT.match(masked, a.value_end)
        for j in range(i + 1, len(out)):
            b = out[j]
            if b.value_start is None or b.value_start > limit:
                break
            if b.value_start <= line_end:
                continue  # other cells of the lower end's line (…8 万元以上C0004400B040 从重处罚：…20 万元以上的)
            if b.unit != a.unit or b.value_max is not None or j in drop:
                continue
            head = masked[masked.rfind("\n", 0, b.value_start) + 1:b.value_start]
            upper = b.value
            if frag:
                written = _CN_NUMERAL_HEAD.match(masked, b.value_start)
                upper = parse_number(frag.group("d") + written.group()) if written else None
                tail = parse_number(written.group()) if upper is not None else None
                upper = upper * (b.value / tail) if tail else None
            if upper is not None and b.comparator in ("<", "<=") and upper > a.value \
                    and _UPPER_END.match(masked, b.value_end) and "以上" not in head:
                out[i] = replace(a, value_max=_num(upper), comparator="=")
                drop.add(j)
            break
    return [c for k, c in enumerate(out) if k not in drop]


# a unit opening a line (万元以上 5 万元以下的罚款) whose number a PDF's columns left at the end of a line above (…人员处 4)
_BARE_NUMBER_END = re.compile(rf"(?:处|处以|并处)\s*(?P<num>\d+(?:\.\d+)?|[{CN_NUM_CHARS}]+)\s*$")


ORPHAN_LINES = 4  # a PDF table's other columns may put up to three lines between a number and its unit


def _join_orphan_units(found: list[Commitment], masked: str) -> list[Commitment]:
    """A range whose lower end lost its number to a line above: a line opens with the unit and 以上 (万元以上 5 万元以下)
    and one of the ORPHAN_LINES lines above ends with a bare number after a penalty verb (处 4); that number is the lower end."""
    out = []
    for c in found:
        if c.value_max is None and c.comparator in ("<", "<=") and c.value_start is not None and c.unit:
            a = masked.rfind("\n", 0, c.value_start) + 1
            # the unit opens the line, or a cell after one that a clause closed (…的罚款； 万元以上 9 万元以下的罚款)
            head = re.fullmatch(r"(?:[^\n]*?[；;。][ \t\u3000]*)?[ \t\u3000]*(?P<unit>[^\s；;。]+?)\s*(?:及)?(?:以上|至|到)\s*",
                                masked[a:c.value_start])
            if head and head.group("unit") == c.unit and a > 0:
                pos = a - 1
                for _ in range(ORPHAN_LINES):
                    b = masked.rfind("\n", 0, pos) + 1
                    low = _BARE_NUMBER_END.search(masked, b, pos)
                    v = parse_number(low.group("num")) if low else None
                    if v is not None:
                        if v < c.value:
                            c = replace(c, value=v, value_max=c.value, comparator="=", value_start=a + head.start("unit"))
                        break
                    if b == 0:
                        break
                    pos = b - 1
        if c.unit == "个" and c.value_max is None and c.comparator == "=" and c.value_end is not None \
                and _CELL_END.match(masked, c.value_end):
            c = _month_on_a_line_below(c, masked)
        out.append(c)
    return out


# a classifier closing its cell (预计 4 个 处…) whose noun a PDF's columns put at the head of a cell below (月以内可以改正的)
_CELL_END = re.compile(r"[ \t\u3000]+(?![\u4e00-\u9fff]{0,3}(?:月|以上|以下|以内))|[ \t\u3000]*\n")
_MONTH_CELL = re.compile(r"(?:^|[ \t\u3000]{1,})月\s*(?P<cmp>以内|之内|内|以上|以下)")


def _month_on_a_line_below(c: Commitment, masked: str) -> Commitment:
    line_end = masked.find("\n", c.value_end)
    pos = line_end
    for _ in range(3):
        if pos < 0:
            break
        nxt = masked.find("\n", pos + 1)
        line = masked[pos + 1:nxt if nxt >= 0 else len(masked)]
        m = _MONTH_CELL.search(line)
        if m:
            sym = {"以内": "<=", "之内": "<=", "内": "<=", "以上": ">=", "以下": "<="}[m.group("cmp")]
            if sym == "<=" and m.group("cmp").endswith("内") and _CANNOT_WITHIN.match(line, m.end()):
                sym = ">"  # 预计 12 个 … 月以内无法完成整改的: the time needed is more than the period
            return replace(c, unit="个月", comparator=sym)
        pos = nxt
    return c


# a requirement the text cancels (取消…小于0.45米需计容的要求, 不再执行…满2年的规定): its figure no longer applies
_CANCELS = re.compile(r"取\s?消|废\s?止|删\s?除|不\s?再(?:执行|要求|实行|设置|作为|审核|限制)?")  # also letter-spaced (取 消)
_CANCELLED_OBJECT = re.compile(r"^[^，,。；;！？!?]{0,14}?(?:要求|限制|规定|条件|门槛|条款|做法)")


def cancelled(masked: str, sent_start: int, num_start: int, unit_end: int, sent_end: int) -> bool:
    """Whether the number at num_start belongs to a requirement the sentence cancels: a cancelling verb before
    it, the requirement's noun soon after it in the same clause, and the object not closed before the number."""
    cancels = list(_CANCELS.finditer(masked, sent_start, num_start))
    if not cancels or not _CANCELLED_OBJECT.match(masked[unit_end:sent_end]):
        return False
    # 取消…限制，补贴…; 取消限价后…成交…: the cancelled object ends before the number
    return not re.search(r"(?:要求|限制|规定|条件|门槛)[，,]|[^以]后|以后|之后", masked[cancels[-1].end():num_start])


# a condition waived: 无需近3年累计2年社保 (the clause opens on the waiver, the values are what is no longer asked)
_WAIVED_BEFORE = re.compile(r"(?:无需|无须|不再需要|不再要求)[^，,。；;]{0,14}$")


# a former rule quoted to say it is gone: 原规定“缴存满12个月方可申请”的时间限制取消
_FORMER_QUOTE_BEFORE = re.compile(r"原(?:有|来|先)?(?:规定|政策|条款|文件|办法|要求|条件)?[中的]?\s*[:：]?\s*$")
_FORMER_QUOTE_DROPPED = re.compile(r"[^。；;“]{0,20}?(?:取消|废止|废除|不再执行|停止执行|不再实行|删除)")


def former_rule_cancelled(masked: str, sent_start: int, num_start: int, sent_end: int) -> bool:
    """Whether the number at num_start sits inside a quoted former rule that the sentence says is cancelled."""
    open_q = masked.rfind("“", sent_start, num_start)
    if open_q < 0 or masked.find("”", open_q, num_start) >= 0 or not _FORMER_QUOTE_BEFORE.search(masked, max(sent_start, open_q - 8), open_q):
        return False
    close_q = masked.find("”", num_start, sent_end)
    return close_q >= 0 and bool(_FORMER_QUOTE_DROPPED.match(masked, close_q + 1, sent_end))


# a conversion of units (1年按365天计算, 每月按30日计): a way of counting, not a quantity the policy sets
_UNIT_CONVERSION = re.compile(r"(?:每|[\d一二三四五六七八九十]+\s*个?)\s*(?:年|月|周|日|天)\s*(?:按|折合|折算为|计为)\s*[\d一二三四五六七八九十百]+"
                              r"\s*(?:天|日|个工作日|小时)\s*(?:计算|计|折算)")


# columns of a newspaper page read across: fragments of different stories joined by spaces (…协同发 供热工程，
# 累计建成…): several such joints around a number make its sentence no statement at all
_COLUMN_JOINT = re.compile(r"(?<=[\u4e00-\u9fff，、“”）])[ \u3000]+(?=[\u4e00-\u9fff“（][\u4e00-\u9fff])")
_FRAGMENT_BEFORE = re.compile(r"[\u4e00-\u9fff，、“”（）]{6,}$")
_FRAGMENT_AFTER = re.compile(r"[\u4e00-\u9fff“”（），、]{6,}")


# two joints suffice where both fragments are long (a newspaper column's line holds 12 to 25 characters,
# figures inside it); a joint before a list marker (（一）, 二、) is a web page's paragraph break, not a column
_LONG_BEFORE = re.compile(r"[\u4e00-\u9fff，、。；“”（）\d.%]{8,}$")
_LONG_AFTER = re.compile(r"(?![（(]?[一二三四五六七八九十\d]{1,2}[）)、.．])[\u4e00-\u9fff“”（），、。；\d.%]{8,}")


def interleaved(masked: str, start: int, end: int) -> bool:
    """Whether masked[start:end] reads as columns interleaved: three or more spaces each between two runs
    of six or more Chinese characters, or two between runs of eight or more (figures inside them); a space
    inside a word or beside a number is ordinary PDF text, and a space after an agency's name or inside title
    marks joins the names of joint issuers (《国家发展改革委 财政部关于…》)."""
    n = n_long = 0
    for m in _COLUMN_JOINT.finditer(masked, start, end):
        if _issuers_joint(masked, start, m.start()):
            continue
        if _FRAGMENT_BEFORE.search(masked, start, m.start()) and _FRAGMENT_AFTER.match(masked, m.end(), end):
            n += 1
        if _LONG_BEFORE.search(masked, start, m.start()) and _LONG_AFTER.match(masked, m.end(), end):
            n_long += 1
    return n >= 3 or n_long >= 2


_LOOSE_JOINT = re.compile(r"(?<=[\u4e00-\u9fff，、“”）])[ \u3000]+(?=[\u4e00-\u9fff\d“（])")
# a space after an agency's name joins the names of joint issuers (国家发展改革委 财政部关于…), not columns
_AGENCY_END = re.compile(r"(?:部|委|局|厅|院|署|会|行|办|府|室|中心|集团|公司)$")


def _issuers_joint(text: str, start: int, pos: int) -> bool:
    """Whether the space at pos follows an agency's name or stands inside title marks: joint issuers."""
    return bool(_AGENCY_END.search(text, max(start, pos - 3), pos)) or text.rfind("《", start, pos) > text.rfind("》", start, pos)


def column_lines(masked: str) -> list[tuple[int, int]]:
    """Spans of lines that read a newspaper page across its columns: three or more joints between fragments of
    six or more characters (see interleaved), at least one every 130 characters, and a line with any joint right
    after such a line. A web page dumped on one line joins its paragraphs after 。 or before headings and has far
    fewer joints for its length."""
    out: list[tuple[int, int]] = []
    chain = False  # the lines before were read across, from a long one
    lines = list(_line_spans(masked))
    joints = [0] * len(lines)
    for k, (p, ln) in enumerate(lines):
        if not ln.strip():
            chain = False
            continue
        # (the joints of a line shorter than 60 characters are never asked about: counted as none)
        n = joints[k] = sum(1 for m in _COLUMN_JOINT.finditer(ln)
                            if _FRAGMENT_BEFORE.search(ln, max(0, m.start() - 6), m.start()) and _FRAGMENT_AFTER.match(ln, m.end())
                            and not _issuers_joint(ln, 0, m.start())) if len(ln) >= 60 else 0
        dense = len(ln) >= 60 and n >= 3 and n * 130 >= len(ln)
        # the page's next lines, read across as well but shorter: any joint (before a figure too) after such lines
        if dense or (chain and _LOOSE_JOINT.search(ln)):
            out.append((p, p + len(ln)))
            chain = chain or (dense and len(ln) >= 200)
        else:
            chain = False
    # the first lines of such a block, read across too but with fewer joints (综合体；连续4年培训…，既提升 区、30余万…):
    # a long line with a joint between fragments right before a line read across
    starts = {a for a, _ in out}
    for k in range(len(lines) - 1, 0, -1):
        p, ln = lines[k - 1]
        if lines[k][0] in starts and p not in starts and len(ln) >= 60 and joints[k - 1] >= 1:
            out.append((p, p + len(ln)))
            starts.add(p)
    return sorted(out)


# a change of a value (由30万元提高至50万元, 从40%降低至20%, 原规定的60万元基础上): the old value is replaced
_CHANGE_VERB = r"(?:提高|提升|上调|调高|上浮|增加|增长|放宽|扩大|降低|下调|调低|下浮|下降|减少|缩短|延长|压缩|缩减|精简|压减|削减|裁减|扩充|调整|变更|降|提|增|减|放宽|改)"
# (…执行的0.5%、1%、1.2%三档税率，调整为统一的0.5%: the measure the listed values were, named before the change verb)
_CHANGED_FROM = re.compile(r"\s*(?:及|或)?(?:以上|以下)?\s*(?:[（(][^）)]{0,12}[）)])?(?:\s*、\s*[\d.]+\s*[^\d\s，,。；;、]{1,6}?)*"
                           r"(?:[一二三四五六七八九十两\d]档)?(?:的)?(?:税率|费率|利率|比例|标准|额度|上限|下限|期限)?\s*[，,]?\s*"
                           r"(?:分别|统一|一律|最高|最低|再)?" + _CHANGE_VERB + r"(?:至|到|为|成)")
_CHANGED_TO = re.compile(r"\s*(?:[（(][^）)]{0,12}[）)])?\s*[，,]?\s*(?:分别|统一|一律|最高|最低|再)?" + _CHANGE_VERB + r"(?:至|到|为|成)[^\d，,。；;]{0,8}")
_CHANGED_RIGHT_AFTER = re.compile(r"\s*" + _CHANGE_VERB + r"(?:至|到|为|成)\s*[\d一二三四五六七八九十两]")
_FORMER_BASE = re.compile(r"\s*(?:[\u4e00-\u9fff]{0,4}?)(?:的)?基础上")
_FORMER_LIST = re.compile(r"[由从](?:原来|原先|原|现行|之前|此前)的?")
_CHANGE_TO_VERB = re.compile(_CHANGE_VERB + r"(?:至|到|为|成)")
_QUOTE_REPLACED = re.compile(r"\s*(?:的(?:规定|条件|要求|表述|内容))?\s*(?:调整|修改|变更|修订|改|调降|调减|调低|调高|调增|降低|提高|下调|上调)为")


_FORMERLY_END = re.compile(r"(?:此前|之前|以前|原来|原先|调整前|原(?:政策|规定|标准|办法|条件)?)(?:为|是)\s*$")


def _replaced_value(masked: str, sent_start: int, clause_start: int, num_start: int, unit_end: int) -> bool:
    """Whether the value is the one a change replaces: 由/从 X 提高至 Y, or 原…X的基础上."""
    before = masked[max(clause_start, num_start - 30):num_start]
    if _FORMERLY_END.search(before):
        return True  # 最低首付比例为40%（此前为60%）
    if _CHANGED_FROM.match(masked, unit_end) and re.search(r"[由从将原]", masked[sent_start:num_start]):
        return True
    if _CHANGED_RIGHT_AFTER.match(masked, unit_end):
        return True  # 首付比例不得低于60%调整为40%: the old limit changed where it stands
    sent_end = _SENTENCE_END.search(masked, unit_end)
    sent_end = sent_end.start() if sent_end else len(masked)
    # 由原来的市区为1500元/月，县为1050元/月，调整为市区为2000元/月: every value of the former list is replaced
    former = None
    for former in _FORMER_LIST.finditer(masked, sent_start, num_start):
        pass
    if former and not _CHANGE_TO_VERB.search(masked, former.end(), num_start) and _CHANGE_TO_VERB.search(masked, unit_end, sent_end):
        return True
    # 原申请条件中“12个月内无提取记录”调整为“…”, 由“不低于30%”调整为“…”: a value of the former wording quoted before
    # its replacement
    for open_, close in _QUOTES[:3]:
        o = masked.rfind(open_, sent_start, num_start)
        c = masked.find(close, unit_end, sent_end)
        if o >= 0 and c >= 0 and masked.rfind(close, o, num_start) < 0 \
                and (r := _QUOTE_REPLACED.match(masked, c + 1)) \
                and (re.search(r"原", masked[sent_start:o]) or re.search(r"[由从将]\s*$", masked[max(sent_start, o - 2):o])
                     or masked[r.end():r.end() + 3].lstrip().startswith(open_)):
            return True  # …中的“X”修改为“Y”: one wording replaced by another
    # 在原政策3年的基础上, 在现有17个城市的基础上（扩大至全省）, 在现行每月500元的基础上（再提高100元）: the level a change starts from
    return bool(_FORMER_BASE.match(masked, unit_end) and re.search(r"原(?:来|有|政策|规定|标准)|现有|现行", before))


def _clause_chain(masked: str, sent_start: int, pos: int) -> str:
    """The clause holding pos: tense markers (已, 累计) of earlier clauses do not reach it; 已发布的清单
    (a participle before a noun) is not a result."""
    start = max((c.end() for c in _CLAUSE_END.finditer(masked, sent_start, pos)), default=sent_start)
    return _ISSUED_OF.sub("", masked[start:pos])


# what may stand between a value and the same value said again where a PDF reads two columns side by side
# (处5万元以上10万元以下 处5万元以上10万元以下的罚款): a closing word and the verb of a fine
_REPEAT_GAP = re.compile(r"\s*(?:及|或)?(?:以上|以下|以内)?\s*(?:的)?\s*(?:罚款)?\s*(?:处以|并处|可处|处)?\s*")


def _repeated_in_sentence(found: list[Commitment], masked: str) -> list[Commitment]:
    """One row for a value a sentence says twice in a row: the same value, bound and unit right after itself
    (only a closing word and 处 between), or after the same six characters with no clause break between (columns
    of a table read across: 处项目总投资额5‰以上10‰以下的 业处项目总投资额5‰以上10‰以下). A value repeated for
    another subject (首套…不低于20%，二套…不低于20%) has a clause break or other words between."""
    out: list[Commitment] = []
    for c in found:
        prev = out[-1] if out else None
        if prev is not None and c.value_start is not None and prev.value_end is not None and prev.start == c.start \
                and (prev.value, prev.value_max, prev.unit, prev.comparator) == (c.value, c.value_max, c.unit, c.comparator) \
                and c.value_start >= prev.value_end:
            gap = masked[prev.value_end:c.value_start]
            left = re.sub(r"\s", "", masked[max(c.start, prev.value_start - 12):prev.value_start])[-6:]
            left2 = re.sub(r"\s", "", masked[max(c.start, c.value_start - 12):c.value_start])[-6:]
            if _REPEAT_GAP.fullmatch(gap) or (len(left) == 6 and left == left2 and len(gap) <= 20
                                              and not re.search(r"[，,。；;：:、\d]", gap)):
                continue
        out.append(c)
    return out


_HEADLINE_LABEL = re.compile(r"\s*(?:标题|题目|主题)\s*[:：]")


def _headline_copies(found: list[Commitment], masked: str, title: str | None) -> list[Commitment]:
    """A figure of a headline that the body states again (标题：旭辉68个项目进入白名单 … 旭辉在全国已有68个项目入围):
    the body's row is kept, the headline's copy dropped. A headline is a line labelled 标题： or the document's
    title standing as a line of its own; a headline's figure the body does not repeat stays."""
    def headline(c: Commitment) -> bool:
        if c.value_start is None:
            return False
        a = masked.rfind("\n", 0, c.value_start) + 1
        b = masked.find("\n", c.value_start)
        line = masked[a:b if b >= 0 else len(masked)]
        if _HEADLINE_LABEL.match(line):
            return True
        bare = _SPACE.sub("", line)
        return bool(title) and len(bare) >= 8 and bare == _SPACE.sub("", title)
    heads = [headline(c) for c in found]
    body = {(c.value, c.value_max, c.unit) for c, h in zip(found, heads) if not h}
    return [c for c, h in zip(found, heads) if not h or (c.value, c.value_max, c.unit) not in body]


def _dedupe(found: list[Commitment]) -> list[Commitment]:
    """One commitment per value: a value read twice (as a cell and in its sentence) is kept once."""
    seen, out = set(), []
    for c in sorted(found, key=lambda c: (c.value_start if c.value_start is not None else c.start)):
        key = (c.value_start, c.value_end)
        if c.value_start is not None and key in seen:
            continue
        seen.add(key)
        out.append(c)
    return out


# what may open a sentence stated again without changing it: a list marker or an article number (（一）, 2．,
# 第八条), a linking word (同时，此外，)
_LEAD_MARKER = re.compile(r"^(?:第[一二三四五六七八九十百零\d]+条|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、"
                          r"|\d{1,3}[.、．](?!\d)|[①-⑳]|(?:同时|此外|另外|其中|另)[，,])+")


def _restated(found: list[Commitment], masked: str) -> list[Commitment]:
    """One row per statement: a value stated again in the same words (its whole sentence up to it and the rest
    of its clause; or its whole sentence, a list marker or linking word at its head aside) is kept where it first
    appears: a law's fine range quoted on every row of a discretion table, a headline repeated as the page's
    heading, a sentence repeated under another number. A label before the value (工商银行：二套房最低5.4%)
    makes another statement; fewer than twelve characters (a table's cells) are never taken for the same
    statement; spaces are ignored."""
    seen, out = set(), []
    for c in found:
        if c.value_start is None:
            out.append(c)
            continue
        end = _CLAUSE_END.search(masked, c.value_end, max(c.end, c.value_end))
        before = _SPACE.sub("", masked[c.start:c.value_start])
        clause = before + "|" + re.sub(r"\s", "", masked[c.value_start:end.start() if end else max(c.end, c.value_end)])
        if len(clause) < 13:
            out.append(c)
            continue
        # the whole sentence without its list marker: items of a list that share an opening clause differ later
        whole = _LEAD_MARKER.sub("", before) + "|" + re.sub(r"\s", "", masked[c.value_start:max(c.end, c.value_end)])
        key = (c.value, c.value_max, c.unit, c.comparator, clause)
        key2 = (c.value, c.value_max, c.unit, c.comparator, "whole", whole)
        if key in seen or key2 in seen:
            continue
        seen.update((key, key2))
        out.append(c)
    return out


_CLASSIFIERS = {"种", "类", "个", "项", "家", "件", "款", "条", "批"}
# 只能申请一次: a once-only rule, not a count; these caps do not make 一次/一套 a quantity
_SOFT_CAPS = {"只能", "仅能", "只可", "仅可", "限购"}
# 突破一个关键技术, 高达一个: verbs before a word, not a bound framing a count
_VERB_LIKE = {"突破", "高达", "多达"}
_BEFORE_HINT = re.compile("|".join(p for p, _ in _BEFORE if p not in _TIGHT and p not in _SOFT_CAPS and p not in _VERB_LIKE)
                          + r"|(?:" + "|".join(_TIGHT) + r")\s*$")

_QUOTES = (("“", "”"), ("「", "」"), ("『", "』"), ('"', '"'))


def _in_quotes(text: str, start: int, pos: int) -> bool:
    """Whether pos lies inside a quotation opened after start (within its sentence) and not yet closed."""
    for open_, close in _QUOTES:
        o = text.rfind(open_, start, pos)
        if o < 0:
            continue
        if open_ == close:
            if text.count(open_, start, pos) % 2:
                return True
        elif text.rfind(close, o, pos) < 0:
            return True
    return False


# ---- tables: rows of units or regions, columns of indicators grouped by year ----------------------------
_CELL_NUM = re.compile(r"^\s*(?P<num>-?\d+(?:,\d{3})*(?:\.\d+)?)\s*(?P<unit>%|％|‰)?\s*$")
_HEADER_UNIT = re.compile(r"[（(]\s*(?P<u>[^（()）]{1,6})\s*[）)]\s*$")
_ROW_NUMBER_HEAD = re.compile(r"^(?:序号|编号|排名|名次|No\.?)$", re.I)
_ROW_NUMBER_FIRST = frozenset("序编排名Nn")  # what a stripped line that is a row-number head opens with


@dataclass
class _Cell:
    text: str
    start: int
    end: int


def _table_rows(text: str):
    """Blocks of `|`-separated cells: one row a line, or one cell a line with a row closed by a line that
    holds more than one separator (a flattened table). Yields lists of rows of cells."""
    rows: list[list[_Cell]] = []
    row: list[_Cell] = []
    block: list[list[_Cell]] = []
    for pos, line in _line_spans(text):
        if "|" not in line:
            if row:
                block.append(row)
                row = []
            if block:
                rows.append(block)
                block = []
            continue
        off = pos
        for part in line.split("|"):
            stripped = part.strip()
            if stripped:
                lead = len(part) - len(part.lstrip())
                row.append(_Cell(stripped, off + lead, off + lead + len(stripped)))
            off += len(part) + 1
        if line.count("|") >= 2:
            block.append(row)
            row = []
    if row:
        block.append(row)
    if block:
        rows.append(block)
    yield from rows


_TARGET_HEAD = re.compile(r"目标|指标|任务|标准|补贴|补助|奖励|罚款|限额|额度|比例")
# a table of statistics: its figures are results
_STATS_HEAD = re.compile(r"环比|同比|增长率|增幅|涨幅|完成|实际|指数|成交|销售")
_PERIOD_LABEL = re.compile(r"^(?:19|20)\d{2}(?:[.\-/年]\d{1,2}月?)?(?:年|年度)?$")


def _split_table(block: list[list[_Cell]]) -> tuple[list[list[_Cell]], list[list[_Cell]]]:
    header: list[list[_Cell]] = []
    for row in block:
        if any(_CELL_NUM.match(c.text) for c in row[1:]):
            break
        header.append(row)
    return header, block[len(header):]


def listing_spans(text: str) -> list[tuple[int, int]]:
    """Rows of a listing (a table with a 序号 column and no target or rule in its header: parcels for sale,
    parks, projects): the numbers in them are attributes of the things listed, not commitments."""
    out = []
    for block in _table_rows(text):
        header, data = _split_table(block)
        heads = [_SPACES.sub("", c.text) for r in header for c in r]
        if data and any(_ROW_NUMBER_HEAD.match(h) for h in heads) and not any(_TARGET_HEAD.search(h) for h in heads):
            out.extend((row[0].start, row[-1].end) for row in data if row)
    return out


_UNIT_LINE = re.compile(r"^\s*[（(]?\s*(?:单位|计量单位)\s*[:：]\s*(?P<u>[^\s（()）]{1,8})\s*[）)]?\s*$")
_BOUND_HEAD = (("<=", re.compile(r"上限|最高|不超过|以下")), (">=", re.compile(r"下限|最低|不低于|不少于|以上")))
MAX_COLUMNS = 8


def find_column_table_commitments(text: str, unit_rx: re.Pattern) -> list[Commitment]:
    """A table whose cells a web page's text dump gives one a line, with no separators: a heading row of
    short cells opened by a row-number column (序号) and a unit stated over it (单位：元), then rows of as many
    cells, each a row number, a label and figures. Each figure is a provision of its row's label and its
    column's heading (缴存基数上限 of 海口市: ≤ 30452.67 元); a column headed as an upper or lower bound says so."""
    # (line start, cell start, cell): each non-empty line, stripped, with where its text begins
    lines = [(a, a + len(ln) - len(ln.lstrip()), ln.strip()) for a, ln in _line_spans(text) if ln.strip()]
    out: list[Commitment] = []
    i = 0
    while i < len(lines):
        if lines[i][2][0] not in _ROW_NUMBER_FIRST or not _ROW_NUMBER_HEAD.match(_SPACES.sub("", lines[i][2])):
            i += 1
            continue
        unit = next((m.group("u") for _, _, ln in lines[max(0, i - 3):i] if (m := _UNIT_LINE.match(ln))), None)
        heads = []
        j = i
        while j < len(lines) and len(heads) < MAX_COLUMNS and not _CELL_NUM.match(lines[j][2]) and len(lines[j][2]) <= 24:
            heads.append(lines[j])
            j += 1
        n = len(heads)
        if n < 3 or unit is None or not unit_rx.fullmatch("1" + unit):
            i = max(j, i + 1)
            continue
        rows = []
        while j + n <= len(lines):
            cells = lines[j:j + n]
            if not re.fullmatch(r"\d{1,3}", cells[0][2]) or _CELL_NUM.match(cells[1][2]) \
                    or not all(_CELL_NUM.match(c) for _, _, c in cells[2:]):
                break
            rows.append(cells)
            j += n
        if len(rows) < 2:
            i = j if j > i else i + 1
            continue
        for cells in rows:
            label = _SPACES.sub("", cells[1][2])
            for col, (_, a, cell) in enumerate(cells[2:], start=2):
                m = _CELL_NUM.match(cell)
                value = parse_number(m.group("num"))
                if value is None:
                    continue
                head = _SPACES.sub("", heads[col][2])
                cmp = next((sym for sym, rx in _BOUND_HEAD if rx.search(head)), "=")
                start, end = cells[0][0], a + len(cell)
                out.append(Commitment(
                    kind="provision", indicator=head, subject=label, value=value,
                    unit=m.group("unit") or unit, comparator=cmp, deadline=None, year=None, recurrence=None,
                    sentence=text[start:end], start=start, end=end, value_start=a, value_end=end))
        i = j
    return out


# a heading cell that names its unit in brackets at its end (居住最高限价(万元/亩), 计容建筑面积（平方米）)
_CELL_CLOSE = ("）", ")")  # what a unit-headed cell ends with (`_UNIT_HEAD_CELL`): the cheap test first
_UNIT_HEAD_CELL = re.compile(r"^(?P<name>[^\d\s|]{2,40}?)\s*[（(]\s*(?P<u>[^（()）\s]{1,6})\s*[）)]$")
_CURRENCY_NAME = re.compile(r"人民币|美元|港元|港币|欧元|日元|新台币")  # 竞买保证金(人民币): the currency, not the unit of a figure
MIN_TABLE_LINES = 8  # short lines of a heading row given one cell a line, at least


def find_unit_headed_cells(text: str, unit_rx: re.Pattern) -> list[Commitment]:
    """A table a web page's text dump gives one cell a line, whose heading row ends with cells that name their units
    (…居住最高限价(万元/亩) / 商品住宅平均备案价格（元/平方米） / 最高配建租赁住房计容建筑面积(平方米)) and whose rows
    end with as many bare figures: each figure is a provision of its column, a bound where the heading says 最高/最低.
    Only the last cells are read, aligned from the row's end, where the count of bare figures equals the count of
    unit-headed cells (the next row's number may follow them); cells before them (text, figures with their own units) are read as sentences."""
    lines = [(a + len(ln) - len(ln.lstrip()), ln.strip()) for a, ln in _line_spans(text) if ln.strip()]
    out: list[Commitment] = []
    i = 0
    while i < len(lines):
        heads = []
        j = i
        while j < len(lines) and lines[j][1].endswith(_CELL_CLOSE) and (m := _UNIT_HEAD_CELL.match(lines[j][1])) \
                and unit_rx.fullmatch("1" + m.group("u")) \
                and not _CURRENCY_NAME.search(m.group("u")):
            heads.append(m)
            j += 1
        short_before = 0  # counted only under two unit-headed cells or more (it was counted back at every line)
        while len(heads) >= 2 and short_before < i and len(lines[i - 1 - short_before][1]) <= 30 \
                and not _CELL_NUM.match(lines[i - 1 - short_before][1]):
            short_before += 1
        if len(heads) < 2 or short_before + len(heads) < MIN_TABLE_LINES:
            i = j + 1 if j > i else i + 1
            continue
        k = len(heads)
        rows = 0
        r = j
        while r < len(lines) and not (len(lines[r][1]) > 80 and lines[r][1].endswith("。")):
            if not _CELL_NUM.match(lines[r][1]):
                r += 1
                continue
            run = r
            while run < len(lines) and _CELL_NUM.match(lines[run][1]):
                run += 1
            if run - r == k + 1 and run < len(lines) and re.fullmatch(r"\d{1,3}", lines[run - 1][1]):
                run -= 1  # the next row's number follows the last figure
            if run - r == k:
                rows += 1
                for head, (a, cell) in zip(heads, lines[r:run]):
                    m = _CELL_NUM.match(cell)
                    value = parse_number(m.group("num"))
                    if value is None or m.group("unit"):
                        continue
                    name = _SPACES.sub("", head.group("name"))
                    cmp = next((sym for sym, rx in _BOUND_HEAD if rx.search(name)), "=")
                    out.append(Commitment(
                        kind="provision", indicator=name, subject=None, value=value, unit=head.group("u"),
                        comparator=cmp, deadline=None, year=None, recurrence=None, sentence=cell, start=a,
                        end=a + len(cell), value_start=a, value_end=a + len(cell)))
            r = run
        i = max(r, j + 1) if rows else j + 1
    return out


def find_table_commitments(text: str, masked: str, unit_rx: re.Pattern, pub_year: int | None = None) -> list[Commitment]:
    """Each numeric cell of a table of targets: its row's subject, its column's indicator and year."""
    out: list[Commitment] = []
    listings = listing_spans(text)
    for block in _table_rows(text):
        if len(block) < 2:
            continue
        header, data = _split_table(block)
        if not header or not data or any(a <= data[0][0].start < b for a, b in listings if data[0]):
            continue
        stats = any(_STATS_HEAD.search(c.text) for r in header for c in r)
        cells = [c for r in header for c in r]
        skip_first = bool(cells) and bool(_ROW_NUMBER_HEAD.match(cells[0].text))
        cells = cells[1:]  # the first header cell names the rows (单位, 地区)
        if skip_first and cells:
            cells = cells[1:]
        groups = [c for c in cells if _HEADING_YEAR.search(c.text)]
        indicators = [c for c in cells if c not in groups]
        if not groups and not indicators:
            continue
        for row in data:
            if skip_first and row and _CELL_NUM.match(row[0].text):
                row = row[1:]
            if row and _PERIOD_LABEL.match(row[0].text):
                labels, values = [row[0]], [c for c in row[1:] if _CELL_NUM.match(c.text)]  # 2024.03 | …
            else:
                labels = [c for c in row if not _CELL_NUM.match(c.text)]
                values = [c for c in row if _CELL_NUM.match(c.text)]
            if not labels or not values or labels[0].start > values[0].start:
                continue
            label = labels[0].text
            n_groups = max(1, len(groups))
            per = len(values) // n_groups if len(values) % n_groups == 0 else len(values)
            if groups and len(values) % n_groups:
                continue  # cells cannot be placed under their years
            for i, cell in enumerate(values):
                g = groups[i // per] if groups else None
                j = i % per
                ind = indicators[j] if groups and len(indicators) >= per * n_groups // max(1, n_groups) and j < len(indicators) \
                    else (indicators[i] if i < len(indicators) else None)
                m = _CELL_NUM.match(cell.text)
                value = parse_number(m.group("num"))
                if value is None:
                    continue
                unit = m.group("unit")
                unit = "%" if unit in {"%", "％"} else unit
                if not unit:
                    for head in (ind, g):
                        hu = _HEADER_UNIT.search(head.text) if head else None
                        if hu and unit_rx.fullmatch("1" + hu.group("u")):
                            unit = hu.group("u")
                            break
                if not unit:
                    continue  # a count without a unit: row numbers, codes
                ym = _HEADING_YEAR.search(g.text) if g else None
                year = int(ym.group("y")) if ym else None
                kind = "target" if year is not None and (pub_year is None or year >= pub_year) else \
                    ("reported" if year is not None else "provision")
                if stats or _PERIOD_LABEL.match(label):
                    kind = "reported"  # a series of statistics (2023.01 | 1569.9 | -0.97%)
                ind_text = re.sub(_HEADER_UNIT, "", ind.text) if ind else (re.sub(_HEADER_UNIT, "", g.text) if g else None)
                start = labels[0].start
                out.append(Commitment(
                    kind=kind, indicator=ind_text, subject=label, value=value, unit=unit, comparator="=",
                    deadline=f"{year}-12-31" if kind == "target" else None, year=year if kind != "reported" else None,
                    recurrence=None, sentence=text[start:cell.end], start=start, end=cell.end,
                    value_start=cell.start, value_end=cell.end))
    return out
