"""Commitments: quantitative targets, provisions and reported figures, each with its evidence."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from corpora.chars import CJK as _CJK
from corpora.chars import HEADING_LEVELS
from extractors import refdata
from extractors.numerals import CN_NUM_CHARS, parse_number
from extractors.records import Commitment
from extractors.structure import is_title_line

_NUM = rf"(?:\d+(?:,\d{{3}})*(?:\.\d+)?|[{CN_NUM_CHARS}]+(?:点[{CN_NUM_CHARS}]+)?)"
_MULT = r"(?:千万|百万|万亿|万|亿|千)?"
_SENTENCE_END = re.compile(r"[。！？；;!?\n]")
_CLAUSE_END = re.compile(r"[，,：:。！？；;!?\n]")

# comparators: (phrase, symbol, where) — before the number or after the unit
_BEFORE = [("不少于", ">="), ("不低于", ">="), ("不小于", ">="), ("至少", ">="), ("最低", ">="), ("起码", ">="),
           ("不高于", "<="), ("不超过", "<="), ("不多于", "<="), ("不大于", "<="), ("最高", "<="), ("最多", "<="),
           ("上限", "<="), ("控制在", "<="), ("超过", ">"), ("高于", ">"), ("多于", ">"), ("低于", "<"), ("少于", "<"),
           ("大于", ">"), ("小于", "<"), ("达到", ">="), ("达", ">="), ("约", "~"), ("近", "~"), ("大约", "~")]
_AFTER = [("以上", ">="), ("及以上", ">="), ("以下", "<="), ("及以下", "<="), ("以内", "<="), ("之内", "<="),
          ("内", "<="), ("左右", "~"), ("上下", "~")]

_REPORTED = re.compile(r"(已经|已|累计|截至目前|截至|截止|目前|现有|共有|共计|同比|比上年|较上年|增长了|下降了|完成了|实现了|达到了|去年|上年|过去|期间全市|期间全省)")
_FUTURE = re.compile(r"(到\d{4}|力争|争取|确保|将|要|计划|预计|目标|新增|建成|建设|培育|打造|推动|实现|提高到|提升到|达到|不少于|不低于|以上)")
# markers that a figure is still to come, which outweigh 已/累计/截至 in the same clause
_FUTURE_STRONG = re.compile(r"(到\d{4}|力争|争取|确保|将|计划|预计|目标|届时|努力|要[求在]?|应当|[0-9]{4}年(?:底|末)?前)")
_PROVISION = re.compile(r"(补贴|补助|奖励|奖补|贷款|额度|首付|比例|给予|减免|缴存|提取|期限|工作日|办结|申请|缴纳|费|价|标准|利率|上限|最高|最长|"
                        r"面积|年龄|周岁|满|须|应当|不得|可|按)")
_RECURRENCE = re.compile(r"每(年|季度|月|周|天|日|半年|学年|院|人|户|套|家|所|校|村|[\u4e00-\u9fff](?=[不至最]))")
_SUBJECT = re.compile(r"(全国|全省|全市|全县|全区|全州|全旗|我省|我市|我县|我区|各[省市县区]|各地|每个[\u4e00-\u9fff]{1,4}?(?=[至不应要均都须配])|各[\u4e00-\u9fff]{1,3}?(?=[要应均]))")
_YEAR_IN = re.compile(r"(?:(?:到|至|在|于|截至)?(?P<y>(?:19|20)\d{2})\s*年(?:底|末|年底|年末)?(?:前|以前)?)")
# a number that is not a commitment: part of an ordinal, article, section count, time of day, phone, code
_SKIP_BEFORE = re.compile(r"(第|共|以下|如下|附件|序号|编号|电话|传真|邮编|热线|联系|号码|条款|\d[:：]|[A-Za-z])$")
_SECTION_UNIT_AFTER = re.compile(r"^(方面|部分|章|节|条|款|大任务|项任务|项措施|项重点|个方面|项工作|方面任务|项政策|条措施|条政策)")
# 三年行动计划, 五年规划, 十条措施: the name of a plan, not a quantity
_PLAN_NAME_AFTER = re.compile(r"^(行动|规划|计划|攻坚|发展规划|专项行动|措施|举措|意见)")
# 首套/二套/三套住房: which home, not how many
_ORDINAL_HOME = re.compile(r"^(住房|房|及以上|以上住房|商品住房|自住住房)")


# a paragraph opening with a deadline (到2023年，…) sets the year for what follows until the next heading
_SCOPE_YEAR = re.compile(r"^[\s\-—－·•]*(?:[（(]?[一二三四五六七八九十\d]+[)）、.．]\s*)?(?:力争|争取)?(?:到|至)\s*(?P<y>(?:19|20)\d{2})\s*年(?:底|末)?|"
                         r"^[\s\-—－·•]*(?P<y2>(?:19|20)\d{2})\s*年(?:底|末|年底|年末)?(?:前|以前)")
# heading levels: 第X章 0, 一、 1, （一） 2, 1. 3, （1） 4; a deadline scope opened under a heading of
# level L lasts through deeper headings until the next heading of level L or above
_HEADINGS = [(re.compile(r"^\s*" + p), level) for p, level in HEADING_LEVELS]


def _heading_level(line: str) -> int | None:
    if len(line.strip()) > 40:
        return None
    return next((lvl for rx, lvl in _HEADINGS if rx.match(line)), None)


def _scope_years(text: str) -> list[tuple[int, int | None]]:
    """(offset, year) where a deadline paragraph opens a scope or a heading closes it."""
    out: list[tuple[int, int | None]] = []
    pos = 0
    current_level = -1  # the level of the heading we are under (-1: none)
    scope_level: int | None = None
    for line in text.split("\n"):
        m = _SCOPE_YEAR.match(line)
        level = _heading_level(line)
        if m:
            out.append((pos, int(m.group("y") or m.group("y2"))))
            scope_level = current_level
        elif level is not None:
            if scope_level is not None and level <= max(scope_level, 0):
                out.append((pos, None))
                scope_level = None
            current_level = level
        pos += len(line) + 1
    return out


@functools.cache
def _unit_pattern() -> re.Pattern:
    path = refdata.data_path("units.txt")
    units = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    units.sort(key=len, reverse=True)
    return re.compile(rf"(?P<num>{_NUM})(?:\s*[-—–－~～至到]\s*(?P<num2>{_NUM}))?\s*(?P<unit>{_MULT}(?:{'|'.join(map(re.escape, units))})|成)(?:（(?P<paren>[\u4e00-\u9fff]{{1,2}})）)?")


def _line_spans(text: str):
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


@dataclass
class _Sentence:
    start: int
    end: int


def sentences(text: str) -> list[_Sentence]:
    out, s = [], 0
    for m in _SENTENCE_END.finditer(text):
        if m.end() - s > 1:
            out.append(_Sentence(s, m.end()))
        s = m.end()
    if s < len(text):
        out.append(_Sentence(s, len(text)))
    return out


def _comparator(text: str, clause_start: int, num_start: int, unit_end: int) -> str:
    before = text[clause_start:num_start]
    after = text[unit_end:unit_end + 4]
    for phrase, sym in _AFTER:
        if after.startswith(phrase) or after.startswith("（含）" + phrase):
            return sym
    best = None
    for phrase, sym in _BEFORE:
        i = before.rfind(phrase)
        if i >= 0 and len(before) - (i + len(phrase)) <= 8 and (best is None or i + len(phrase) > best[0]):
            best = (i + len(phrase), sym)
    return best[1] if best else "="


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


def _indicator_before(text: str, clause_start: int, num_start: int) -> str | None:
    phrase = text[clause_start:num_start]
    phrase = _YEAR_IN.sub("", phrase)
    for p, _ in _BEFORE:
        if phrase.endswith(p):
            phrase = phrase[: -len(p)]
    phrase = re.sub(r"^[\s、（(）)一二三四五六七八九十\d.]+[、.．）)]?", "", phrase)
    phrase = re.sub(r"^(到|力争|争取|确保|全市|全省|全县|全区|我省|我市|每年|并|且|其中|同时|要|将)+", "", phrase)
    phrase = phrase.strip(" ，,：:（(")
    return phrase[-24:] or None


def find_commitments(text: str, masked: str, doc_year: int | None = None, news: bool = False,
                     deadlines: list[tuple[int, int]] = ()) -> list[Commitment]:
    """Quantities in `masked` (normalized text with document numbers and dates masked) that a
    policy sets or reports. `doc_year` is the year of an annual plan's title, used for its targets;
    in `news`, figures without a marker of the future are reported results; `deadlines` are
    (offset, year) of deadlines not written as a year (“十四五”末)."""
    out: list[Commitment] = []
    unit_rx = _unit_pattern()
    scopes = _scope_years(text)
    last_indicator, last_line = None, -1
    title_lines = [(p, p + len(ln)) for p, ln in _line_spans(text) if is_title_line(ln)]

    def in_title(pos: int) -> bool:
        return any(a <= pos < b for a, b in title_lines)

    for sent in sentences(masked):
        stext = masked[sent.start:sent.end]
        line = masked.count("\n", 0, sent.start)
        if line != last_line:  # an indicator carries over within one paragraph only
            last_indicator, last_line = None, line
        years = sorted([(m.start() + sent.start, int(m.group("y"))) for m in _YEAR_IN.finditer(text[sent.start:sent.end])]
                       + [(p, y) for p, y in deadlines if sent.start <= p < sent.end])
        for m in unit_rx.finditer(stext):
            ns, ue = m.start() + sent.start, m.end("unit") + sent.start
            raw, unit = m.group("num"), m.group("unit")
            if "#" in m.group():
                continue
            value = parse_number(raw)
            if value is None:
                continue
            if unit == "成":
                if not re.fullmatch(r"[一二三四五六七八九十]", raw):
                    continue
                value, unit = value * 10, "%"
            if unit in {"年", "日", "月"} and (isinstance(value, int) and 1900 <= value <= 2100):
                continue
            if (unit == "日" and re.search(r"月\s*$", masked[max(0, ns - 3):ns])) or (unit == "年" and masked[ue:ue + 1] in {"月", "制", "期"}):
                continue  # 7月1日, 一百零二年七月 (dates the date reader left), 五年制, 3年期贷款 (kinds, not durations)
            if not raw[0].isdigit() and _in_quotes(masked, sent.start, ns):
                continue  # “最多跑一次”, “最后一公里”, “三张清单”: slogans and names
            if unit in {"分", "级", "星", "度", "部", "门", "期", "节", "类", "种", "M", "G", "兆"} and not re.match(r"\d", raw):
                continue  # 部分, 五级, 一期: words, not measures, when written in Chinese numerals
            if masked.rfind("《", sent.start, ns) > masked.rfind("》", sent.start, ns) or in_title(ns):
                continue  # 《…三年行动方案》, or a heading that names a plan: part of a title
            prev = masked[max(sent.start, ns - 4):ns]
            if _SKIP_BEFORE.search(prev) or (ns > 0 and re.match(r"[\d.]", masked[ns - 1])):
                continue
            if re.match(r"[\u4e00-\u9fff]", raw) and raw in {"一", "两", "二"} and unit in {"个", "项", "次", "条", "名", "家", "年", "人", "件", "批次", "天", "套", "张", "处", "公里"} and not _BEFORE_HINT.search(masked[max(sent.start, ns - 6):ns]):
                continue  # 一个, 一项, 两年: ordinary words unless a comparator frames them
            if _PLAN_NAME_AFTER.match(masked[ue:ue + 4]) or (unit == "套" and not raw[0].isdigit() and _ORDINAL_HOME.match(masked[ue:ue + 5])):
                continue
            if _SECTION_UNIT_AFTER.match(masked[ue:ue + 5]) or (unit in {"个", "项", "条"} and _SECTION_UNIT_AFTER.match(unit[-1:] + masked[ue:ue + 4])):
                continue
            if unit in {"个", "项", "大", "类"} and re.match(r"^(方面|领域|环节|重点|原则|统一|坚持|机制|体系|中心|行动|工程|清单)", masked[ue:ue + 2]):
                continue
            value2 = parse_number(m.group("num2")) if m.group("num2") else None
            clause_start = max((c.end() for c in _CLAUSE_END.finditer(masked, sent.start, ns)), default=sent.start)
            comparator = _comparator(masked, clause_start, ns, ue)
            year = next((y for pos, y in reversed(years) if pos < ns), None)
            if year is None:
                year = next((y for pos, y in years if pos > ue and pos - ue < 6), None)
            if year is None:
                year = next((y for pos, y in reversed(scopes) if pos <= ns), None)
            ctx = masked[clause_start:ue + 6]
            sctx = masked[sent.start:ue]
            kind = "target"
            future = _FUTURE_STRONG.search(text[clause_start:ns])
            # …为零的2034种商品: a count that describes a set of existing things, not a quantity set by the policy
            describes = masked[ns - 1:ns] == "的" and comparator == "=" and year is None and unit in _CLASSIFIERS
            if (_REPORTED.search(sctx) or news or describes) and not future:
                kind = "reported"
            elif unit == "分" or (year is None and (_PROVISION.search(ctx) or not _FUTURE.search(ctx))):
                kind, year = "provision", None  # rules, benefits, limits, and points in a scoring scheme
            if kind == "target" and year is None and doc_year is not None:
                year = doc_year
            rec = _RECURRENCE.search(masked[clause_start:ue])
            subj = _SUBJECT.search(masked[sent.start:ns])
            indicator = _indicator(text, clause_start, ns, ue)
            if last_indicator and (not indicator or len(_CJK.findall(indicator)) < 4):
                indicator = last_indicator  # …2010年达到95%; 到2026年底，占比达到50%: the paragraph's last indicator
            last_indicator = indicator
            out.append(Commitment(
                kind=kind, indicator=indicator, subject=subj.group() if subj else None,
                value=value, unit=unit, comparator=comparator,
                deadline=f"{year}-12-31" if year and kind == "target" else None, year=year if kind != "reported" else None,
                recurrence=rec.group() if rec else None, sentence=text[sent.start:sent.end].strip(),
                start=sent.start, end=sent.end, value_max=value2))
    return out


_CLASSIFIERS = {"种", "类", "个", "项", "家", "件", "款", "条", "批"}
_BEFORE_HINT = re.compile("|".join(p for p, _ in _BEFORE))

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
