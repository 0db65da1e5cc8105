"""Indicator taxonomy: map a commitment's measured noun phrase to a key shared across regions, and group
the phrases it does not know so that a researcher can name them.

A key is one measure compared like with like: its row in data/indicators.tsv names the unit family it
takes (a ratio key never takes 元), a pattern for the measured noun phrase and, where one measure splits
by whom or what it applies to (first or second home, a single payer or a couple), a qualifier that must
be the nearest one written before the value."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from corpora.chars import CJK as _CJK
from extractors import refdata
from extractors.scan import first_char_set

# unit families a key may take; a row's `units` is a |-separated list of these names or regular expressions
# (the unit must match one whole)
_MULT = r"(?:千万|百万|万亿|万|亿|千)?"
UNIT_FAMILIES = {
    "ratio": r"%|‰|成",
    "points": r"个?百分点",
    "money": rf"{_MULT}(?:元|美元)",
    "money_per_person": rf"{_MULT}元/(?:人|人·年|人/年|人/月|人次)",
    "money_per_area": rf"{_MULT}元/每?(?:平方米|亩)",
    "money_per_home": rf"{_MULT}元/(?:套|户)",
    "money_per_month": rf"{_MULT}元/月",
    "money_any": rf"{_MULT}(?:元|美元)(?:/.+)?",
    "workdays": r"个?工作日",
    "days": r"天|日|个?工作日",
    "months": r"个月|个季度",
    "years": r"年",
    "duration": r"个?工作日|天|日|个月|个季度|年|小时|分钟",
    "age": r"周岁|岁",
    "area": rf"{_MULT}(?:平方米|平方公里|公顷|亩)",
    "multiple": r"倍",
    "count": rf"{_MULT}(?:个|家|名|人次|人|户|套|间|所|座|项|场|次|批次|张|台|辆|条|床|件|种|类|处|个点|支|只|笔|份)",
    "people": rf"{_MULT}(?:人次|人|名)",
    "homes": rf"{_MULT}(?:套|户|间)",
    "length": rf"{_MULT}(?:公里|千米|米)",
    "energy": rf"{_MULT}(?:千瓦|兆瓦|千瓦时|吨)",
}


@dataclass(frozen=True)
class Indicator:
    key: str
    label: str
    units: re.Pattern
    pattern: re.Pattern
    qualifier: re.Pattern | None
    scope: re.Pattern | None
    example: str
    example_unit: str

    @functools.cached_property
    def bound(self) -> str | None:
        """'cap' when the label names an upper limit (上限, 最高, 最长), 'floor' when it names a lower one
        (下限, 最低, 最短); words in brackets qualify the label and do not count."""
        plain = re.sub(r"（[^）]*）|\([^)]*\)", "", self.label)
        if re.search(r"上限|最高|最长", plain):
            return "cap"
        if re.search(r"下限|最低|最短", plain):
            return "floor"
        return None


@functools.cache
def taxonomy() -> tuple[Indicator, ...]:
    out = []
    path = refdata.data_path("indicators.tsv")
    seen: set[str] = set()
    for row in refdata.read_rows("indicators.tsv", ("key", "label", "units", "pattern", "example"), delimiter="\t"):
        key = row["key"]
        if key in seen:
            raise refdata.RefDataError(f"{path}: indicator {key!r} appears twice")
        seen.add(key)
        try:
            units = re.compile("|".join(f"(?:{UNIT_FAMILIES.get(u, u)})" for u in row["units"].split("|")))
            pattern = re.compile(row["pattern"])
            qualifier = re.compile(row["qualifier"]) if row.get("qualifier") else None
            scope = re.compile(row["scope"]) if row.get("scope") else None
        except re.error as e:
            raise refdata.RefDataError(f"{path}: indicator {key!r}: bad pattern: {e}") from e
        example, _, unit = row["example"].partition("|")
        out.append(Indicator(key, row["label"], units, pattern, qualifier, scope, example, unit))
    return tuple(out)


# what a clause says about the value rather than what it measures: verbs of setting and comparing,
# a condition closed by 的, and connectives
_TRAILING = re.compile(r"(?:(?:由|从)[^，,]{0,12}?(?:提高|调整|放宽|降低|下调|上调|增加|减少|提升|扩大)?(?:至|到|为)|"
                       r"(?:提高|调整|放宽|降低|下调|上调|增加|减少|提升|扩大|缩短|延长|统一|确定|设定|设置|核定)(?:至|到|为)?|"
                       r"不(?:得|应|能|宜)?(?:超过|低于|少于|高于|多于|大于|小于)|原则上|最高|最低|最多|至少|一般|分别|"
                       r"(?:应当|应|须|需|要|可|可以|均|统一|暂|按照|按|为|是|在|达到|达|约|近|实现|控制在|保持在|以|的|了|：|:|\s)+)$")
_LEADING = re.compile(r"^(?:[\s、|（(）)\-—·•\d.一二三四五六七八九十]+[、.．）)]|其中|同时|并|且|和|及|或|对|对于|凡|将|把|由|经|"
                      r"全市|全省|全县|全区|我省|我市|各地|每年|力争|争取|确保|要|应|应当|可|可以)+")


# the values of a list or a worked sum written before this one (5分、3分或; 1650元*30%=) are no part of the
# measure's name, nor are the earlier items of a list of counts (体验店360家、示范店40家、街区 → 街区)
_LIST_TAIL = re.compile(r"(?:\d[\d.]*\s*[^\d\s、，,；;。*×=或和及]{0,4}?\s*[、，,或和及*×=]\s*)+$")
_LIST_HEAD = re.compile(r"^.*\d[\d.]*\s*[^\d\s、，,；;。]{0,3}、\s*(?=\D{2})")

_VERB_END = re.compile(r"(?:处以?|并处|给予|按|按照|之日起|起|自|从|在|(?<![低高少多大小])于|后|前|每|满|不足)$")
_AFTER_NOISE = re.compile(r"^(?:以上|以下|及以上|及以下|以内|之内|左右|（含）|\(含\)|的|[\s、])+")


def measured_phrase(indicator: str | None, after: str = "") -> str | None:
    """The noun phrase a value measures: 首套住房公积金贷款最高额度由40万元提高至 → 首套住房公积金贷款最高额度;
    the verbs of setting and comparing and the condition before the last 的 are dropped. Where the words
    before the value are an actor and a verb (对单位处, 应当自…之日起), the noun after it names the measure
    (罚款; 内作出决定 → 作出决定时限)."""
    s = re.sub(r"[“”\"'‘’《》【】]", "", indicator or "")
    s = _LIST_HEAD.sub("", _LIST_TAIL.sub("", s))
    verb_only = not s or bool(_VERB_END.search(s))
    for _ in range(4):
        t = _TRAILING.sub("", s)
        if t == s:
            break
        s = t
    s = _LEADING.sub("", s)
    if "的" in s:  # 购买首套住房的缴存职工家庭最高贷款额度 → keep the head after the last 的 when it is a noun phrase
        head = s.rsplit("的", 1)[1]
        if len(_CJK.findall(head)) >= 2:
            s = head
    s = s.strip(" ，,：:；;（(）)|")
    if verb_only and after:
        rest = _AFTER_NOISE.sub("", after)
        if rest.startswith("内"):
            noun = rest[1:9].strip()
            return noun + "时限" if len(_CJK.findall(noun)) >= 2 else None
        m = re.search(r"(罚款|补贴|补助|奖励|奖补|消费券|贴息)", rest[:12])
        if m:
            return m.group(1)
        return None
    return None if verb_only or len(_CJK.findall(s)) < 2 else s


# comparators that contradict a key's bound: a cap never takes a floor (最低贷款额度30万元 is no loan cap)
_AGAINST = {"cap": (">=", ">", "≥"), "floor": ("<=", "<", "≤")}


_FITTING: list = [None, {}]  # [the taxonomy the index was built for, {(unit, comparator): rows}]


def _fitting(unit: str | None, comparator: str | None) -> tuple[Indicator, ...]:
    """The rows, in taxonomy order, whose unit family takes `unit` (any row when None) and whose bound does
    not contradict `comparator`: worked out once per unit and comparator, not for every value (a value's
    unit is one of a few dozen)."""
    tax = taxonomy()
    if _FITTING[0] is not tax:  # a reloaded taxonomy (tests clear its cache) gets an index of its own
        _FITTING[:] = [tax, {}]
    index = _FITTING[1]
    rows = index.get((unit, comparator))
    if rows is None:
        rows = index[(unit, comparator)] = tuple(
            i for i in tax if (unit is None or i.units.fullmatch(unit)) and comparator not in _AGAINST.get(i.bound, ()))
        know_first_chars(rows)  # for `_matching`
    return rows


_FIRST_SETS: dict = {}
_UNSET = object()
_TITLED: set = set()  # the scopes that may be found in the document's title (they name 〔题〕)


def _first_set(pattern: re.Pattern) -> frozenset[str] | None:
    """The characters a match of `pattern` can begin with (`first_char_set`; None: any), worked out once."""
    first = _FIRST_SETS.get(pattern, _UNSET)
    if first is _UNSET:
        first = _FIRST_SETS[pattern] = first_char_set(pattern)
    return first


def know_first_chars(rows=None) -> None:
    """Work out the characters the patterns and scopes of `rows` (the whole taxonomy when None) can begin
    with: `_matching` and `classify` search a row not yet known in every text."""
    for i in taxonomy() if rows is None else rows:
        for pattern in (i.pattern, i.scope):
            if pattern is not None:
                _first_set(pattern)
        if i.scope is not None and "〔题〕" in i.scope.pattern:
            _TITLED.add(i.scope)


def _may_match(pattern: re.Pattern, chars: set[str]) -> bool:
    """False only where `pattern` cannot match a text made of `chars`: none of them is a character a match of
    it can begin with (`first_char_set`). The one test before a search of a row's pattern or scope (a whole
    tuple of rows is tested a character at a time: `_begin_here`)."""
    first = _FIRST_SETS.get(pattern, _UNSET)
    if first is _UNSET:
        first = _first_set(pattern)
    return first is None or not first.isdisjoint(chars)


def _matching(rows, text: str) -> list:
    """The rows whose pattern matches in text (`[i for i in rows if i.pattern.search(text)]`), the search run
    only for patterns that can begin at one of the text's characters. `rows` may be a `_Scoped`: its rows whose
    pattern matches, then whose scope is written."""
    chars = set(text)
    if isinstance(rows, _Scoped):
        in_scope, candidates = rows.in_scope, rows.candidates
        return [candidates[k] for k in _begin_here(candidates, chars)
                if candidates[k].pattern.search(text) and in_scope(candidates[k])]
    return [i for i in rows if _may_match(i.pattern, chars) and i.pattern.search(text)]


_BEGINNINGS: dict = {}  # id(rows) → (rows, {character: positions of the rows whose pattern may begin with it}, positions of rows any character may begin)


def _begin_here(rows: tuple, chars: set[str]) -> list[int]:
    """The positions, in order, of the rows whose pattern can begin with one of `chars` (`first_char_set`; a
    row whose set is not known may begin anywhere): one look-up per character instead of a test per row.
    The table is built once per tuple of rows (`_fitting` keeps its tuples)."""
    entry = _BEGINNINGS.get(id(rows))
    if entry is None or entry[0] is not rows:
        by_char: dict[str, list[int]] = {}
        anywhere = []
        for k, i in enumerate(rows):
            first = _FIRST_SETS.get(i.pattern)
            if first is None:
                anywhere.append(k)
            else:
                for ch in first:
                    by_char.setdefault(ch, []).append(k)
        entry = _BEGINNINGS[id(rows)] = (rows, by_char, tuple(anywhere))
    by_char = entry[1]
    found = set(entry[2])
    for ch in chars:
        ks = by_char.get(ch)
        if ks is not None:
            found.update(ks)
    return sorted(found)


class _Scoped:
    """The rows of `candidates` (in order) whose scope, if any, is written in `scoped` — or in `titled` for a
    scope that may name the title (〔题〕) — as a lazy sequence: iterating it searches every scope; `in_scope`
    answers for one row. Each scope pattern is searched at most once (rows share scopes)."""

    __slots__ = ("candidates", "scoped", "titled", "_chars", "_known", "_rows")

    def __init__(self, candidates, scoped: str, titled: str):
        self.candidates, self.scoped, self.titled = candidates, scoped, titled
        self._chars: dict = {}  # the set of characters of scoped and titled, made where first needed
        self._known: dict = {}  # scope pattern → written or not
        self._rows: list | None = None

    def in_scope(self, i: Indicator) -> bool:
        scope = i.scope
        if scope is None:
            return True
        ok = self._known.get(scope)
        if ok is None:
            where = self.titled if scope in _TITLED else self.scoped
            chars = self._chars.get(where is self.titled)
            if chars is None:
                chars = self._chars[where is self.titled] = set(where)
            ok = self._known[scope] = bool(_may_match(scope, chars) and scope.search(where))
        return ok

    def __iter__(self):
        if self._rows is None:
            self._rows = [i for i in self.candidates if self.in_scope(i)]
        return iter(self._rows)


# what follows a value that is the coefficient of one term of a sum (…×10+月缴存额×…)
_TERM_OF_SUM = re.compile(r"^[）)]?\s*[+＋]")


def classify(indicator: str | None, unit: str | None = None, before: str = "", after: str = "",
             rest: str = "", comparator: str | None = None, title: str = "") -> str | None:
    """The taxonomy key of a value: the first row whose pattern matches the indicator phrase with the words
    right after the value (处…罚款, written `phrase〔#〕after`) and whose unit family takes `unit`; else the
    row whose pattern matches nearest before the value in `before` (the sentence up to the value). Where
    that measure splits by qualifier, the row whose qualifier is written nearest before the value wins.
    None when no row fits or a measure needs a qualifier the text does not give. A row's scope may also be
    found in `rest`, the sentence after the value's clause (个人将购买2年以上的住房对外销售的，免征增值税).
    A key whose label names a cap does not take a value bounded from below (`comparator` ≥ or >), nor a
    floor key one bounded from above: such a value is the floor of another measure (or of none).
    A document whose `title` is about the housing provident fund (公积金新政…, not a package of property
    measures) speaks of provident-fund loans: a value that would take a key whose loan type is not written
    (首付比例 with no loan named in the sentence) takes the provident fund's key instead, and any sentence that
    names neither the fund nor a bank is read as the fund's (每3个月可以提取一次, 放款时限不超过5个工作日)."""
    # spaces of flattened layouts (税率为 0.5%, 处 5万元) never change what is measured
    indicator, before, after, rest = (_SPACE.sub("", x or "") for x in (indicator, before, after, rest))
    if _TERM_OF_SUM.match(after):
        return None  # 余额×10+月缴存额×…: the coefficient of one term of a formula measures nothing alone
    window = before or indicator or ""
    scoped = window + "〔#〕" + after + rest
    fund_title = bool(title and _PF_TITLE.search(title) and not _NOT_PF_TITLE.search(title)
                      and not _LOAN_NAMED.search(scoped))
    if fund_title:
        scoped += "〔题〕住房公积金" + title  # the title names the scheme (…个人住房贷款管理办法)
    # a row whose scope names 〔题〕 may find it in the document's title (a short line of a tax's rate table
    # under 关于…房产税…的通知: 4倍以上的税率为1.2%)
    titled = scoped + "〔题〕" + title if title else scoped
    # the rows whose unit and bound fit and whose scope is written; a scope is searched only for a row whose
    # pattern matches (or when every fitting row is asked for), and once per call however many rows share it
    fits = _Scoped(_fitting(unit, comparator), scoped, titled)
    text = (indicator or "") + _bound_gap(indicator, before) + "〔#〕" + after[:16]
    rows = _matching(fits, text)
    own = window[max((m.end() for m in _CLAUSE_END.finditer(window)), default=0):]
    if not rows and before and own and not (indicator or "").endswith(own):
        # the extractor's indicator phrase may be missing or another clause's (税率为0.5% after a condition):
        # read the value's own clause the same way
        text = own + "〔#〕" + after[:16]
        rows = _matching(fits, text)
    if not rows and before and _LIST_CLAUSE.match(own):
        # a clause that lists values with 分别 (补贴按照人才层次，分别按1型对象150万元、2型对象80万元…) gives each the
        # measure the clause before it names
        ends = [0] + [m.end() for m in _CLAUSE_END.finditer(window)]
        if len(ends) >= 2 and not _SENTENCE_END.search(window, ends[-2], ends[-1]):
            rows = _matching(fits, window[ends[-2]:ends[-1] - 1] + "〔#〕")
    if not rows and before:
        tail = before[-40:]
        # the fitting rows whose pattern can begin in the tail (the others end nowhere: -1), nearest end first
        candidates = fits.candidates
        near = [candidates[k] for k in _begin_here(candidates, set(tail)) if fits.in_scope(candidates[k])]
        ends = {i.key: max((m.end() for m in i.pattern.finditer(tail)), default=-1) for i in near}
        nearest = max(ends.values(), default=-1)
        rows = [i for i in near if ends[i.key] == nearest >= max(0, len(tail) - 24)]
        own = tail[max((m.end() for m in _CLAUSE_END.finditer(tail)), default=0):]
        if rows and _CLAUSE_END.search(tail, nearest) and not _BOUND_ONLY.fullmatch(own) and not any(
                i.qualifier is not None and i.qualifier.search(own) for i in rows):
            # a measure named in an earlier clause carries over only to an elliptical 单方缴存的为50万元 or to a
            # clause that only bounds or restates it (贷款期限按借款人可贷年限计算，最长为30年; …，统一按照20%执行)
            rows = []
    if not rows and fund_title:
        # a fund notice whose title names one measure (关于调整住房公积金缴存基数下限的通知) speaks of it in a
        # value that names none of its own (第一档，市区为2270元)
        named = {i.pattern.pattern for i in fits if i.qualifier is None and i.pattern.search(title)}
        if len(named) == 1:
            rows = [i for i in fits if i.pattern.pattern in named]
    if not rows:
        return None
    measure = rows[0].pattern.pattern
    rows = [i for i in rows if i.pattern.pattern == measure]
    plain = [i for i in rows if i.qualifier is None]
    clause = window[max((m.end() for m in _CLAUSE_END.finditer(window)), default=0):]
    def named(part: str) -> int:
        return sum(1 for i in rows if i.qualifier is not None and i.qualifier.search(part))
    listed = "分别" in clause and (named(clause) > 1 or (not named(clause) and named(window) > 1))
    listed = listed or bool(re.search(r"[、和与及][^，,。；;]{0,24}分别", clause))
    if listed or ("分别" in clause and named(window)):
        # 首套房和二套房分别为4.25%、4.5% (or 首套及二套分别上调…，利率分别为5.1%及5.6%; 购买首套和二套住房的，
        # 首付款比例分别…): each value belongs to one of the listed items, in order; 普通、非普通住房首付款比例分别
        # 不低于60%、80% lists no qualifier. A list of other things (分别由新房80万元和二手房60万元统一提高至)
        # leaves the value to the qualifier written before it.
        paired = _paired(rows, window, after)
        if paired or listed:
            return paired
    # a measure that splits two ways (which home, how many payers) is named first by which home: a second
    # home's cap for a couple (二套住房…夫妻双方…最高50万元) is compared with other second homes' caps
    for tier in (True, False):
        best, best_end = None, -1
        for i in rows:
            if i.qualifier is not None and _home_order(i) == tier:
                for m in i.qualifier.finditer(window):
                    if m.end() > best_end:
                        best, best_end = i, m.end()
        if best is not None:
            return best.key
    if plain:
        return plain[0].key
    if len(rows) == 1 and unit and not any(
            i.pattern.pattern == measure and i is not rows[0] for i in _fitting(unit, None)):
        return rows[0].key  # the unit names the qualifier itself: 96万元/人 is one payer's cap, 120万元/户 a household's
    return None


_SENTENCE_END = re.compile(r"[。；;！？!?\n]")
_LIST_SEP = re.compile(r"[、和与及]")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_CHANGE = re.compile(r"调整为|调整到|调整至|提高到|提高至|提高为|降低到|降低至|降低为|下调至|下调为|上调至|上调为|降至|提至|放宽至|放宽到|改为")


def _paired(rows: list[Indicator], window: str, after: str) -> str | None:
    """The key of a value listed after 分别 whose items are the qualifiers of one measure, taken in order:
    首套房和二套房最高贷款额度分别为60万元、40万元 (or 分别从50万元、30万元调整为60万元、40万元: the new values
    are the last ones). An item that names no qualifier takes the measure's one row without a qualifier
    (个人、小微企业分别申请最高50万元、600万元: the person's cap, then the small firm's). None when two items
    name the same row, or the values do not pair with the items one by one."""
    sentence = window[max((m.end() for m in _SENTENCE_END.finditer(window)), default=0):]
    items: list[str] = []
    for mark in reversed([m.start() for m in re.finditer("分别", sentence)]):
        ends = [0] + [m.end() for m in _CLAUSE_END.finditer(sentence, 0, mark)]
        # the items are listed before 分别 in its clause, or in the clause before it (购买首套和二套住房的，首付款比例分别…)
        for start, end in ((ends[-1], mark), (ends[-2], ends[-1] - 1) if len(ends) > 1 else (0, 0)):
            head = sentence[start:end].split("分别")[0]
            items = [x for x in _LIST_SEP.split(head) if x]
            if len(items) >= 2:
                break
        if len(items) < 2:  # 分别按一类至八类执行…: the items are a range of ordinals in the clause of 分别
            digit = _NUMBER.search(sentence, mark)
            items = _range_items(sentence[ends[-1]:digit.start() if digit else len(sentence)])
        if len(items) >= 2:
            break
    else:
        return None
    keys: list[str | None] = []
    for item in items:
        named = [i for i in rows if i.qualifier is not None and i.qualifier.search(item)]
        if len({i.key for i in named}) > 1:
            named = [i for i in named if _home_order(i)]
        if len({i.key for i in named}) > 1:
            return None
        keys.append(named[0].key if named else None)
    plain = [i.key for i in rows if i.qualifier is None]
    if keys.count(None) == 1 and len(keys) > 1 and plain:
        keys[keys.index(None)] = plain[0]  # 个人、小微企业分别申请最高…: the item no qualifier names takes the plain row
    if None in keys or len(set(keys)) != len(keys):
        return None
    last = sentence.rfind("分别")  # the values of the last list before this one (分别上调15及35个基点，利率分别为…)
    seen = len(_NUMBER.findall(sentence[last:]))
    total = seen + 1 + len(_NUMBER.findall(after))
    n = len(keys)
    if total == n:
        return keys[seen]
    if total == 2 * n and _CHANGE.search(sentence[last:]) and seen >= n:
        return keys[seen - n]
    return None


_ORDINALS = "一二三四五六七八九十"
_ORDINAL_RANGE = re.compile(rf"第?([{_ORDINALS}])(类|档|级)(?:至|到|—|-|~|～)第?([{_ORDINALS}])(类|档|级)?")


def _range_items(text: str) -> list[str]:
    """The items a range of ordinals names, in order: 一类至八类 → 一类, 二类, …, 八类 (none when no range)."""
    m = _ORDINAL_RANGE.search(text)
    if not m or (m.group(4) and m.group(4) != m.group(2)):
        return []
    a, b = _ORDINALS.index(m.group(1)), _ORDINALS.index(m.group(3))
    return [_ORDINALS[i] + m.group(2) for i in range(a, b + 1)] if a < b else []


def _home_order(row: Indicator) -> bool:
    """Whether a row's qualifier names which home (首套, 二套) or a household of several children."""
    return row.qualifier is not None and any(row.qualifier.search(w) for w in ("首套", "二套", "三孩"))


# a title about the housing provident fund, and a sentence naming a loan type of its own
_PF_TITLE = re.compile(r"公积金")
_NOT_PF_TITLE = re.compile(r"房地产|楼市|房市|市场|商业|商贷|银行")  # a package of measures, not the fund's own rules
_LOAN_NAMED = re.compile(r"商业|商贷|银行|组合贷|(?<!非)按揭|金融机构")  # 非按揭购房 names no loan

_GAP = re.compile(r"(?:最高|最低|上限|下限|最多|最长|可|为|不超过|不高于|不低于|不少于|满|仍?低于|不足)+")


def _bound_gap(indicator: str | None, before: str) -> str:
    """The bound words written between the indicator phrase and the value (给予每户|最高|15万元: the
    comparator's word 最高 is left out of the phrase but tells a cap from an amount)."""
    if not indicator or not before:
        return ""
    i = before.rfind(indicator)
    gap = before[i + len(indicator):] if i >= 0 else ""
    return gap if gap and len(gap) <= 6 and _GAP.fullmatch(gap) else ""


def classify_commitment(c, text: str | None = None, title: str | None = None) -> str | None:
    """The key of a Commitment, reading the words around its value in the document text (or its sentence)
    and the document's title."""
    before, after = value_context(c, text)
    return classify(c.indicator, c.unit, before, after, _sentence_rest(c, text, after),
                    getattr(c, "comparator", None), title or "")


def _sentence_rest(c, text: str | None, after: str) -> str:
    """The sentence after the value's clause (up to its end), where a scope word may be written."""
    ve = getattr(c, "value_end", None)
    if text is not None and ve is not None and c.end is not None:
        rest = text[ve:c.end]
    else:
        sent = c.sentence or ""
        i = sent.find(after) if after else -1
        rest = sent[i:] if i >= 0 else ""
    return rest[len(after):] if rest.startswith(after) else rest


# a clause that only bounds a term (最长为), restates the new value (即由3.9%降至) or applies it to all (统一按照)
_BOUND_ONLY = re.compile(r"(?:但|且|并且|同时)?(?:最长|最短)(?:为|是|可达|不超过|不得超过|不少于)?|"
                         r"即(?:由\d+(?:\.\d+)?%?)?(?:降至|降为|调整为|提高至|上调至|下调至)|统一(?:按照|按|为)")
_CLAUSE_END = re.compile(r"[，,。；;！？!?\n]")
_LIST_CLAUSE = re.compile(r"(?:并|均|可|再|则)?分别(?:按照?|给予|为|是|发放|补贴|奖励)")
_SPACE = re.compile(r"[ \t\u3000\xa0]+")


def value_context(c, text: str | None = None) -> tuple[str, str]:
    """(the sentence up to the value, the clause after its unit) for a Commitment."""
    vs, ve = getattr(c, "value_start", None), getattr(c, "value_end", None)
    if text is not None and vs is not None and ve is not None and c.start is not None:
        before, rest = text[c.start:vs], text[ve:c.end]
    else:
        sent = c.sentence or ""
        i = sent.find(c.indicator) + len(c.indicator) if c.indicator and c.indicator in sent else 0
        m = re.compile(r"[\d一二三四五六七八九十百千万两零〇.,，]+\s*" + re.escape(c.unit or "")).search(sent, i) if c.unit else None
        before, rest = (sent[:m.start()], sent[m.end():]) if m else (sent[:i], "")
    end = _CLAUSE_END.search(rest)
    return before, rest[:end.start()] if end else rest


def coverage(records) -> tuple[int, int]:
    """(targets and provisions with a key, all targets and provisions) over extraction records."""
    rows = [c for r in records for c in (r.get("commitments") or []) if c.get("kind") != "reported"]
    return sum(1 for c in rows if c.get("indicator_key")), len(rows)


def labels() -> dict[str, str]:
    return {i.key: i.label for i in taxonomy()}


def _bigrams(s: str) -> set[str]:
    s = re.sub(r"[^\u4e00-\u9fffA-Za-z0-9]", "", s)
    return {s[i:i + 2] for i in range(len(s) - 1)} or {s}


def group_unknown(phrases: list, threshold: float = 0.4) -> list[list[str]]:
    """Groups of measured noun phrases by character-bigram Jaccard similarity, largest first; each group
    is a candidate for a new taxonomy row. `phrases` are indicator phrases or (indicator, words after the
    value) pairs; each is reduced to its measured_phrase, and those that name no measure are left out."""
    nouns = [n for n in (measured_phrase(*p) if isinstance(p, tuple) else measured_phrase(p) for p in phrases) if n]
    counts: dict[str, int] = {}
    for n in nouns:
        counts[n] = counts.get(n, 0) + 1
    groups: list[tuple[set[str], list[str]]] = []
    for p in sorted(counts, key=lambda x: (-counts[x], x)):
        grams = _bigrams(p)
        best = None
        for g in groups:
            sim = len(grams & g[0]) / max(1, len(grams | g[0]))
            if sim >= threshold and (best is None or sim > best[0]):
                best = (sim, g)
        if best:
            best[1][0].update(grams)
            best[1][1].append(p)
        else:
            groups.append((set(grams), [p]))
    return [members for _, members in sorted(groups, key=lambda g: -len(g[1]))]
