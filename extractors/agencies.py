"""Agencies: government and party bodies, abbreviations expanded, regions resolved from context."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from extractors import refdata
from extractors.records import Agency, Region
from extractors.regions import Division, Gazetteer, gazetteer
from extractors.scan import anchored_finditer, first_char_finditer, longest_word_pattern

_REL = {"省": "province", "自治区": "province", "市": "city", "州": "city", "盟": "city",
        "县": "county", "区": "county", "旗": "county"}
_GENERIC_BEFORE = ("有关", "相关")
_BRANCH_ONLY = {"人行"}
_MUNICIPALITIES = {"110000", "120000", "310000", "500000"}


@dataclass(frozen=True)
class AliasTable:
    pattern: re.Pattern
    canonical: dict[tuple[str, str], str]


@functools.cache
def _needs_prefix() -> re.Pattern:
    """Bare cores this generic (政府, 统计局) need a region before them to name one body."""
    cores = sorted((r["core"] for r in refdata.agency_cores_needing_region()), key=len, reverse=True)
    return re.compile("^(" + "|".join(map(re.escape, cores)) + ")")


@functools.cache
def alias_table() -> AliasTable:
    rows = refdata.agency_aliases()
    canonical = {(r["alias"], r["scope"]): r["canonical"] for r in rows}
    # a national ministry's or commission's general office (自然资源部办公厅, 国家发展改革委办公厅) is a body
    # of its own, named as the ministry is
    for r in rows:
        if r["scope"] == "national" and _HAS_GENERAL_OFFICE.search(r["canonical"]):
            for office in ("办公厅", "办公室"):
                canonical.setdefault((r["alias"] + office, "national"), r["canonical"] + office)
    return AliasTable(re.compile(longest_word_pattern({a for a, _ in canonical if a})), canonical)


# national bodies that have a general office of their own: ministries, commissions, administrations, the bank
_HAS_GENERAL_OFFICE = re.compile(r"(?:部|委员会|总局|总署|署|局|银行)$")


def _division_before(text: str, end: int, gaz: Gazetteer) -> tuple[int, list[Division]] | None:
    """The division named right before `end`. A two-character name (和县, 礼县) counts only where
    nothing joins it to the text before: 县乡村振兴局和县农业农村局 is no 和县 body."""
    if end < 2:
        return None
    for ln in gaz.full_lengths_by_ending().get(text[end - 2:end], ()):  # longest first, as every length would be
        if ln > end:
            continue
        w = text[end - ln:end]
        if w in gaz.full and (ln > 2 or end - ln == 0 or text[end - ln - 1] in _DELIM | {"、"}):
            return end - ln, gaz.full[w]
    return None


def _compose(region_name: str, canonical: str) -> str:
    """A local body's full name: the region before the canonical core, or where `{region}` stands in it
    (政协{region}委员会)."""
    return canonical.replace("{region}", region_name) if "{region}" in canonical else region_name + canonical


def _resolve(rel: str | None, region: Region | None, gaz: Gazetteer) -> tuple[str | None, str | None]:
    """(region name, level) that a relative prefix (省/市/县…) or none means in this document."""
    if region is None:
        return None, _REL.get(rel or "")
    d = gaz.by_code.get(region.adcode)
    level = _REL.get(rel) if rel else region.level
    if level == "province":
        return region.province or region.name, "province"
    if level == "city":
        if d is not None and d.province_code in _MUNICIPALITIES or region.adcode in _MUNICIPALITIES:
            return region.province, "province"
        if region.level == "county" and rel and region.name.endswith(rel):
            return region.name, "county"  # in a county-level city (珲春市), 市委 and 市政府 are its own
        return region.city, "city"
    if level == "county":
        return region.county, "county"
    return None, level


_DELIM = set("，,、；;。：:（）()《》“”\n 和及与")
_PUNCT = (_DELIM - set("\n 和及与")) | set("！？!?【】[]")  # what a name never runs across


_LEVELS_IN_PARENS = re.compile(r"[（(][省市县区州盟旗、，,\s]+[)）]$")


_ZONE_WORD = re.compile(r"(开发区|高新区|新区|园区|合作区|试验区|示范区)[\u4e00-\u9fff]{2,10}、$")


def _after_a_plural(text: str, s: int) -> bool:
    """Whether the list item at s follows a plural that opens the list (各区疾控局、教委; 有关单位、财政局) or
    a zone's body, whose zone it shares (某某经济技术开发区商务金融局、行政审批局); or its other name in parentheses
    (各区住房城乡建设委（房管局）)."""
    if s == 0 or text[s - 1] not in "、（(":
        return False
    i = s - 1
    while i > 0 and s - i < 40:
        if text[i - 1] in "）)" and (o := max(text.rfind("（", max(0, i - 5), i), text.rfind("(", max(0, i - 5), i))) >= 0:
            i = o  # a level in parentheses inside the name: 住房城乡（市）建设委
            continue
        if text[i - 1] in _DELIM - {"、"}:
            break
        i -= 1
    return text.startswith(("各", "有关", "相关"), i) or bool(_ZONE_WORD.search(text, i, s))


def _generic(text: str, start: int) -> bool:
    """各市卫生局, 各地级以上市人民政府, 市县财政局, 各县（市、区）财政局: plurals with no single referent."""
    levels = _LEVELS_IN_PARENS.search(text, max(0, start - 12), start)
    if levels:
        start = levels.start()
    i = start
    while i > 0 and start - i < 10 and text[i - 1] not in _DELIM:
        i -= 1
        if text[i] == "各":
            return True
    before = text[max(0, start - 2):start]
    return any(before.endswith(g) for g in _GENERIC_BEFORE) or before.endswith(("市县", "县市", "省市", "级"))


# cores that are not the name of a body: 级财政局 (县级), 场监管局 (市场…), 直各部门 …
_BAD_START = "级场域直属内外各区县市省乡镇委局厅本该其"  # (市局机场分局: a branch named by its parent's short name)
# (电子税务局, 网上办事大厅中心: a body's online service, not a body)
_BAD_CORE = re.compile(r"(?:有关|相关|政府|人民政府|上述|下列|以上|主管|同级|当地|所在|电子|网上)")  # matched at a position
# a joint conference (某市房地产工作联席会议, 某省…厅际联席会议) and its office are bodies; 联席会议制度/纪要/精神 are not
_BODY_END = re.compile(r"(局|厅|委员会|领导小组办公室|领导小组|办公室|中心|联席会议(?:办公室)?)"
                       r"(?![\u4e00-\u9fff]?[长员]|际|制度|机制|纪要|精神|议定|会议|召集|其他|其余|各成员)")
# 中心 ends many phrases (以人民为中心, 县城中心): a centre's core is four characters or more, with no function word
_CENTRE_CORE = re.compile(r"^[^为以在的是到向对把被将于路街号级]{2,}中心$")
_LONG_BODY = ("领导小组", "领导小组办公室", "联席会议", "联席会议办公室")  # 市促进房地产市场平稳健康发展工作领导小组: long names
_BODY_BEFORE = _DELIM | {"、", "由", "经", "从", "据", "会", "同", "请", "向", "对", "是", "与", "和", "及", "报", "送", "交", "至", "给"}
# 在 as a preposition (在某市住房保障局网签平台), not the end of a word (存在, 现在, 所在, 实在)
_AT_THE_BODY = re.compile(r"(?:^|[^存现所正实内外自好])在$")
# what may stand right before a core named with no region (由自然资源局审核, 并报财政局备案)
_BARE_CORE_AFTER = _BODY_BEFORE | set("本将把被在让并后即为等应要须可已府")
_SESSION = re.compile(r"第[一二三四五六七八九十百零〇\d]+届$")
# a national body's internal department right after its name (银保监会信托部, 某部规划司): no function word
# within it (商务部等8部门, 证监会正在会同相关部), not an official (部长) nor a branch (…分局)
_NATIONAL_DEPARTMENT = re.compile(r"(?:(?![等和与及同会正将在有相关各部分个长员的了是为对向由就副省县区])[\u4e00-\u9fff]){2,6}?[司部](?![门长署分])")
_BRANCH_SUFFIX = re.compile(r"(营业管理部|营管部|中心支行|分行|支行|监管局|监管分局|税务局|调查总队|分局)")
# development-zone committees (稀土高新区管委会, 横琴粤澳深度合作区执委会) are named as written
_ZONE = re.compile(r"[\u4e00-\u9fff]{2,12}?(高新区|高新技术产业开发区|经开区|经济技术开发区|经济开发区|开发区|新区|合作区|综试区|自贸区|片区|"
                   r"科技园区|工业园区|产业园区|保税区|试验区|示范区)"
                   r"(管委会|管理委员会|执委会|执行委员会|"
                   # or one of the zone's own bureaus (某某经济技术开发区社会事业局, 某某高新区财政金融局)
                   r"(?:(?![的到在向对和与及为将把被由了等各])[\u4e00-\u9fff]){2,8}?局(?![长员属]))")
# the words a zone's name opens with when it names no place (经济技术开发区社会事业局): no bureau of one zone
_ZONE_KIND_WORDS = re.compile(r"(?:经济技术|高新技术产业|高新技术|经济|工业|产业|科技|保税|自由贸易)$")
_ZONE_LEAD = re.compile(r"(?:(?<![自理缘])由|(?<![已曾])经|或|对|向|在|会同|请|报送|报|将|按|从|与|和|及|是|同|并|为|到|至|协调|组织|指导|督促|配合|负责|委托|联合)+")
_ZONE_AT = re.compile(_ZONE.pattern.split("?", 1)[1])  # where a committee can stand: its zone and committee words


# a township's or a subdistrict's own bodies: 桥梓镇人民政府, 某某乡党委, 上地街道办事处
_TOWN = re.compile(r"(镇|乡|街道)(人民政府|政府|党委|党工委|办事处)")
_TOWN_BODY = {"政府": "人民政府"}
_NOT_TOWN = re.compile(r"^(各|全|本|该|所在|当地|有关|相关|属地|沿线|城|集|村|重点|小城)|[乡镇村]$|[或和及与的向由在对予等授]|"
                       r"同时|通知|书面|应当|及时|负责|按照|报告|所属|辖区|鼓励|支持|指导|督促|组织|协调|配合|会同|委托|依托|"
                       r"前述|上述|所述|下列|以下")


def _town_name(text: str, end: int, gaz: Gazetteer) -> tuple[int, Division | None] | None:
    """Where the town's name ending at `end` starts, and the division named right before it."""
    for ln in range(2, 7):
        s = end - ln
        if s < 0:
            return None
        found = _division_before(text, s, gaz)
        if found and found[1][0].level in {"county", "city"}:
            return s, found[1][0]
        if s == 0 or text[s - 1] in _DELIM | {"、", "至", "由", "向", "对", "与", "给"}:
            return s, None
    return None


def _towns(text: str, region: Region | None, gaz: Gazetteer, issuer_spans) -> list[Agency]:
    """Township bodies; a list (甲镇、乙镇、丙乡人民政府) gives each town the body named after the last."""
    out = []
    for m in _TOWN.finditer(text):
        found = _town_name(text, m.start(), gaz)
        if not found or _NOT_TOWN.search(text[found[0]:m.start()]) or not re.fullmatch(r"[\u4e00-\u9fff]+", text[found[0]:m.start()]):
            continue
        start, div = found
        county = div.name if div is not None else (region.name if region is not None and region.level == "county" else "")
        body = _TOWN_BODY.get(m.group(2), m.group(2))
        towns = [(start if div is None else start - len(div.name), text[start:m.end(1)])]
        k = start
        while k > 0 and text[k - 1] == "、":  # earlier towns of the same list
            j = k - 1
            while j > 0 and k - 1 - j < 8 and text[j - 1] not in _DELIM | {"、"}:
                j -= 1
            name = text[j:k - 1]
            if not re.fullmatch(r"[\u4e00-\u9fff]{2,7}(镇|乡|街道)", name) or _NOT_TOWN.search(name[:-1]):
                break
            towns.insert(0, (j, name))
            k = j
        for i, (a, name) in enumerate(towns):
            last = i == len(towns) - 1
            b = m.end() if last else a + len(name)
            surface_start = a
            role = "issuer" if any(x <= surface_start < y for x, y in issuer_spans) else "mentioned"
            out.append(Agency(text[surface_start:b], county + name + body, None, role, surface_start, b))
    return out


@dataclass
class _Prefix:
    start: int
    div: Division | None = None
    rel: str | None = None
    party: bool = False
    place: str | None = None  # a short place name (重庆, 合肥) before a branch office
    redacted: str | None = None  # a place withheld (xx市): the body stands as written, with no region


_REDACTED = re.compile(r"[xX×ｘＸ*＊]{2,}$")


def _prefix(text: str, s: int, gaz: Gazetteer) -> _Prefix:
    """What stands before an agency core: a division (北京市第十五届…), a relative prefix (省/市/县),
    a party committee (县委…), or a short place name."""
    end = s
    party = False
    if text[end - 1:end] == "委" and (text[end - 2:end - 1] in _REL or _division_before(text, end - 1, gaz)):
        party, end = True, end - 1
    session = _SESSION.search(text[max(0, end - 8):end])
    if session:
        end -= len(session.group())
    found = _division_before(text, end, gaz)
    if found:
        return _Prefix(found[0], found[1][0], None, party)
    # the longest short place name (2 to 6 characters) ending at end: only the lengths of names ending as the text does
    place = next((text[end - ln:end] for ln in gaz.short_lengths_by_ending().get(text[end - 2:end], ()) if end >= 2
                  and ln <= min(6, end) and (text[end - ln:end] in gaz.short or text[end - ln:end] in gaz.ambiguous_short)), None)
    for r in ("自治区", "省", "市", "州", "盟", "县", "区", "旗"):
        if text[max(0, end - len(r)):end] == r and not (place and place.endswith(r)):  # 杭州住房…: no 州
            marks = _REDACTED.search(text[max(0, end - len(r) - 6):end - len(r)])
            if marks:
                at = end - len(r) - len(marks.group())
                return _Prefix(at, None, r, party, redacted=text[at:end])
            return _Prefix(end - len(r), None, r, party)
    if place:
        return _Prefix(end - len(place), place=place)
    return _Prefix(s if not party else end, party=party)


def _with_city(name: str, region: Region | None, gaz: Gazetteer) -> str:
    """A district's body by its full official name, its city before it (西城区教育委员会 → 北京市西城区教育委员会,
    高昌区民政局 → 吐鲁番市高昌区民政局); a county's or a county-level city's stands alone (安化县财政局)."""
    for ln in range(min(gaz.max_len, len(name)), 2, -1):
        head = name[:ln]
        if not head.endswith("区") or head not in gaz.full:
            continue
        if name[ln:ln + 1] in ("委", ""):
            return name  # a district's party committee (昌江区委) is named 中共…区委员会, not after the city
        ds = [d for d in gaz.full[head] if d.level == "county"]
        if len(ds) > 1 and region is not None:  # 朝阳区, 鼓楼区: the one in this document's city or province
            ds = [d for d in ds if region.adcode in (d.adcode, *d.parents)] or ds
        if len(ds) != 1:
            return name
        parent = gaz.by_code.get(ds[0].city_code) or gaz.by_code.get(ds[0].province_code)
        return parent.name + name if parent is not None and parent.name != head else name
    return name


@dataclass(frozen=True)
class _Departments:
    stem: re.Pattern  # a stem ending where the pattern is searched from (reversed text)
    bodies: dict[str, tuple[str | None, str]]  # stem -> (provincial body, local body)
    municipal: dict[tuple[str, str, str], str]  # (municipality, city|district, local body) -> its body


@functools.cache
def _departments_table() -> _Departments:
    bodies = {r["stem"]: (None if r["province"] == "-" else r["province"], r["local"]) for r in refdata.department_stems()}
    municipal = {(r["municipality"], r["level"], r["local"]): r["body"] for r in refdata.municipal_departments()}
    stems = sorted(bodies, key=len, reverse=True)
    return _Departments(re.compile("(" + "|".join(re.escape(x[::-1]) for x in stems) + ")"), bodies, municipal)


# what closes a department named by its function: 部门, 主管部门, 行政主管部门, 等部门, 等有关部门, 等单位
_DEPT_CLOSE = re.compile(r"(?:等(?:有关|相关)?(?:行政)?(?:主管)?(?:部门|单位)|(?:行政)?(?:主管)?部门)")
_DEPT_JOIN = "和及与"
_DEPT_SEGMENT = (_PUNCT - {"、"}) | set("\n 　")  # a list does not run across these
_DEPT_BEFORE = _BODY_BEFORE | set("本将把被在让促导织头合调商")
# a list item's number opening the line a list of departments stands on: 二、市发展改革、公安…等部门, 3.县财政…
_ITEM_NUMBER = re.compile(r"[ \t　]*(?:[一二三四五六七八九十]{1,3}|\d{1,2})[、.．]")


def _item_number_at(text: str, i: int, end: int) -> int | None:
    """Where the words of a list item start when `i` is the start of a line that opens with the item's number
    (二、, 3.) or right after that number, else None."""
    line = text.rfind("\n", 0, i) + 1
    m = _ITEM_NUMBER.match(text, line, end)
    if m is None or not (m.end() == i or (m.end() > i and not text[line:i].strip(" \t　"))):
        return None
    return m.end()
# 由市财政统筹, 经费由区财政列支, 县财政给予补贴: the finance department named as a body without 部门
_FINANCE_ACTS = re.compile(r"财政(?=给予|予以|列支|拨款|拨付|落实|承担|负担|统筹|安排|兜底|再按|全额|一次性|分担|出资|支付|保障|"
                           r"补足|按[照每]|[，,、；;。和与及])")


def _stems_at_end(chunk: str, table: _Departments) -> list[tuple[int, str]] | None:
    """A chunk of a list read from its end as stems joined by 和/及/与 (财政和人力社保): [(offset, stem)],
    the first one possibly with words before it; None where the chunk does not end with a stem."""
    out: list[tuple[int, str]] = []
    end = len(chunk)
    while True:
        m = table.stem.match(chunk[:end][::-1])
        if not m:
            return out or None
        stem = m.group()[::-1]
        out.insert(0, (end - len(stem), stem))
        end -= len(stem)
        if end > 0 and chunk[end - 1] in _DEPT_JOIN and end > 1 and table.stem.match(chunk[:end - 1][::-1]):
            end -= 1
            continue
        return out


def _department_body(stem: str, name: str, level: str | None, municipality: str | None,
                     table: _Departments) -> str | None:
    """The body a department stem names in the region `name` at `level` (of `municipality` if in one)."""
    provincial, local = table.bodies[stem]
    if municipality is not None:
        where = "city" if name == municipality else "district"
        return table.municipal.get((municipality, where, local), local)
    return provincial if level == "province" else local


def _municipality(name: str, level: str | None, pre: _Prefix, region: Region | None, gaz: Gazetteer) -> str | None:
    """The municipality (北京市…) the region of a department is or lies in."""
    code = None
    if pre.div is not None:
        code = pre.div.adcode if pre.div.adcode in _MUNICIPALITIES else pre.div.province_code
    elif region is not None:
        d = gaz.by_code.get(region.adcode)
        code = region.adcode if region.adcode in _MUNICIPALITIES else (d.province_code if d is not None else None)
    if code in _MUNICIPALITIES:
        m = gaz.by_code.get(code)
        return m.name if m is not None else None
    return None


def _departments(text: str, region: Region | None, gaz: Gazetteer, issuer_spans, taken: list[Agency],
                 scope_at: dict[int, tuple[str, str | None]]) -> list[Agency]:
    """Departments named by their function after a level prefix: 县财政部门, 市人社部门, 省住房城乡建设主管部门,
    由市财政统筹, and the lists that share one prefix and one head (市发展改革、公安、财政等部门: 市发展和改革委员会,
    市公安局, 市财政局). Plurals (各县财政部门, 市县财政部门, 各级财政部门) name no single body."""
    table = _departments_table()
    out: list[Agency] = []

    occupied = bytearray(len(text))  # characters already within a body's name
    for x in taken:
        occupied[x.start:x.end] = b"\x01" * (x.end - x.start)

    def free(a: int, b: int) -> bool:
        return not any(occupied[a:b])

    def region_of(stem_start: int) -> tuple[_Prefix, str, str | None] | None:
        pre = _prefix(text, stem_start, gaz)
        if pre.party or pre.redacted or (pre.div is None and pre.rel is None):
            return None
        if _generic(text, pre.start) or (pre.start > 0 and text[pre.start - 1] not in _DEPT_BEFORE
                                         and _item_number_at(text, pre.start, pre.start) != pre.start):
            return None  # 各县财政部门, 全市财政部门, 城市…: no single body, or the prefix belongs to a word
        name, level = (pre.div.name, pre.div.level) if pre.div is not None else _resolve(pre.rel, region, gaz)
        return (pre, name, level) if name is not None else None

    def add(stems: list[tuple[int, str]], where: tuple[_Prefix, str, str | None], first_start: int) -> None:
        pre, name, level = where
        muni = _municipality(name, level, pre, region, gaz)
        for k, (at, stem) in enumerate(stems):
            body = _department_body(stem, name, level, muni, table)
            a = first_start if k == 0 else at
            b = at + len(stem)
            if body is None or not free(a, b):
                continue
            role = "issuer" if any(x <= a < y for x, y in issuer_spans) else "mentioned"
            out.append(Agency(text[a:b], name + body, level, role, a, b))
            occupied[a:b] = b"\x01" * (b - a)

    for close in first_char_finditer(_DEPT_CLOSE, text):  # tried only where 等, 行, 主 or 部 stands
        c = close.start()
        i = c
        while i > 0 and c - i < 80 and text[i - 1] not in _DEPT_SEGMENT:
            i -= 1
        if (item := _item_number_at(text, i, c)) is not None:
            i = item
        chunks, k = [], i
        for part in text[i:c].split("、"):
            chunks.append((k, part))
            k += len(part) + 1
        listed: list[tuple[int, str]] = []
        where = None
        for n, (off, part) in enumerate(reversed(chunks)):
            first = n == len(chunks) - 1
            found = _stems_at_end(part, table) if part else None
            whole = found is not None and found[0][0] == 0
            if found and not first and not whole:
                found = None  # 、 joins items: a middle one is a stem or a word of its own
            if found:
                listed[:0] = [(off + at, stem) for at, stem in found]
            elif first and listed and off + len(part) in scope_at:
                # 市财政局、人社、医保等部门: the departments share the region of the body that opens the list
                name, level = scope_at[off + len(part)]
                add(listed, (_Prefix(listed[0][0]), name, level), listed[0][0])
                break
            elif first or not re.fullmatch(r"[\u4e00-\u9fff]{1,8}", part):
                break  # only short words (规划, 工商) may stand in the list without a stem of ours
            if first and found:
                where = region_of(off + found[0][0])
        if where is not None and listed:
            add(listed, where, where[0].start)
    for m in _FINANCE_ACTS.finditer(text):
        where = region_of(m.start())
        if where is not None:
            add([(m.start(), "财政")], where, where[0].start)
    return out


# a body named in a slogan of loyalty, not as an actor: 在以习近平同志为核心的党中央坚强领导下, 在市委、市政府的正确领导下,
# 坚持党中央集中统一领导, 加强党中央对金融工作的集中统一领导
_SLOGAN_AFTER = re.compile(r"(?:的)?(?:坚强|集中统一|正确|全面|统一|亲切)领导(?!小组|干部|同志|职务|班子|机制|体制|责任)|"
                           r"对[^，。；、\n]{1,16}的(?:坚强|集中统一|全面|统一)?领导(?!小组)")
_SLOGAN_BEFORE = re.compile(r"为核心的$")
# a body's name that begins a longer name: its website or app (六盘水市人民政府网, 国务院客户端), an institute, a school or
# a paper it runs (中共中央党史和文献研究院, 中共中央党校): that is not the body
_NOT_THE_BODY = re.compile(r"(?:门户)?(?:网站|网(?![信络格点签])|客户端|APP|App|app|官网|官方网站|微信公众号|公众号|微博|政务号)|"
                           # its hotline's site (某部12380举报网)
                           r"\d{3,6}[\u4e00-\u9fff]{0,4}?(?:网站|网(?![信络格点签])|平台)|"
                           r"(?:[^\W\d_出台与及同会在对向为由将把被发印支持推举组织开召联合]){0,8}?"
                           r"(?:研究院|党校|学院|大学(?!生)|出版社|报社|杂志社|出版集团|纪念馆|博物馆|图书馆)")


# a province's or a city's general office written without its government (南京市办公厅): the government's office
_GOVERNMENT_OFFICE = re.compile(r"^(.{2,12}?(?:省|市|自治区))办公厅$")


def _without_slogans(text: str, found: list[Agency]) -> list[Agency]:
    """The mentions less those that only pledge loyalty to a body (a body listed before one so named,
    市委、市政府的坚强领导, goes with it) and those that begin the name of its website or of an institute."""
    dropped: set[int] = set()
    dropped_starts: set[int] = set()  # where a dropped mention starts: one listed right before it goes too (甲、乙网站)
    for a in sorted(found, key=lambda x: x.start, reverse=True):
        after = text[a.end:a.end + 24]
        joined = after[:1] in ("、", "和", "与", "及") and a.end + 1 in dropped_starts
        if joined or _SLOGAN_AFTER.match(after) or _SLOGAN_BEFORE.search(text, max(0, a.start - 4), a.start):
            dropped.add(id(a))
            dropped_starts.add(a.start)
        elif _NOT_THE_BODY.match(after) and not _NOT_THE_BODY.match(text, a.start, a.end):
            dropped.add(id(a))  # (a body whose own name is an institute's stands)
            dropped_starts.add(a.start)
    return [a for a in found if id(a) not in dropped]


def _as_written(found: list[Agency]) -> None:
    """A body named by a short form (公积金中心) whose full name the region composed (广州市住房公积金管理中心) is
    the body the text names in full with its place written otherwise (广州住房公积金管理中心)."""
    written = {a.normalized for a in found if a.text == a.normalized}
    for a in found:
        if a.normalized in written:
            continue
        for w in written:
            k = 0
            while k < min(len(w), len(a.normalized)) and w[-1 - k] == a.normalized[-1 - k]:
                k += 1
            head_a, head_w = a.normalized[:len(a.normalized) - k], w[:len(w) - k]
            if k >= 4 and head_a != head_w and head_a.rstrip("省市县区") == head_w.rstrip("省市县区") and len(head_a) >= 2:
                a.normalized = w
                break


def find_agencies(text: str, region: Region | None, issuer_spans: list[tuple[int, int]] = (),
                  gaz: Gazetteer | None = None) -> list[Agency]:
    """Every agency mention in text, with canonical name, level and role."""
    gaz = gaz or gazetteer()
    table = alias_table()
    out: list[Agency] = []
    scope_at: dict[int, tuple[str, str | None]] = {}  # end offset of a local body -> its (region name, level)

    def listed_after(s: int) -> tuple[str, str | None] | None:
        """The region of the body listed right before s (省发展改革委、住房城乡建设厅、能源局: one 省 for all)."""
        return scope_at.get(s - 1) if s > 0 and text[s - 1] == "、" else None

    taken_until = -1
    for m in table.pattern.finditer(text):
        core, s, e = m.group(), m.start(), m.end()
        if s < taken_until:
            continue
        nxt = text[e:e + 1]
        if nxt in {"门", "长", "员", "托", "派", "属"} or (core.endswith("部") and nxt == "署"):
            continue  # 财政部门, 局长, 委员, 委托: not a body
        if text.startswith("代表", e) and core in ("人大", "人民代表大会"):
            continue  # 人大代表: a deputy, not the congress
        if core == "委" and nxt not in _DELIM | {"、", "办", ""} and not text.startswith("全会", e):  # (市委全会: of the committee)
            continue
        pre = _prefix(text, s, gaz)
        start = pre.start
        if text[max(0, start - 2):start] == "中共":
            start -= 2
        if _generic(text, start):
            continue
        scope_national = (core, "national") in table.canonical and not pre.div and not pre.rel and not pre.party
        scope = None
        if scope_national:
            normalized, level = table.canonical[(core, "national")], "national"
            place = gaz.mentions(text[e:e + 12])
            branch = _BRANCH_SUFFIX.match(text, place[0][1] + e) if place and place[0][0] == 0 else None
            dept = None if place and place[0][0] == 0 else _NATIONAL_DEPARTMENT.match(text, e)
            if dept and table.pattern.search(text[e:dept.end()]):
                dept = None  # 住房城乡建设部财政部: a second body run on without a stop
            if branch:  # 中国人民银行广东省分行, 国家税务总局安化县税务局, 人行合肥中心支行
                normalized += text[e:branch.end()].replace("营管部", "营业管理部")
                level, e = place[0][2][0].level, branch.end()
            elif dept:  # 银保监会信托部, 人民银行金融市场司: the ministry's department, named as written
                e = dept.end()
                normalized = text[start:e]
            elif core in _BRANCH_ONLY:
                continue  # 人行 names the central bank only before a branch: 人行道 is a pavement
        elif pre.place and ((core, "branch") in table.canonical or (core, "local") in table.canonical):
            # 重庆证监局, 合肥海关: as written; 杭州公积金中心: the place as written, the body's full name
            branch_office = (core, "branch") in table.canonical
            canon = core if branch_office else table.canonical[(core, "local")]
            # a government's department is named with its city's full name (常州住房和城乡建设局 → 常州市…); a
            # housing fund's centre and committee bear the short name officially (广州住房公积金管理中心)
            full = gaz.short.get(pre.place) or []
            place = full[0].name if not branch_office and "公积金" not in canon and len(full) == 1 else pre.place
            normalized, level = _compose(place, canon), None
        else:
            canon = table.canonical.get((core, "local"))
            if canon is None:
                continue
            inherited = listed_after(s) if pre.div is None and pre.rel is None and not pre.party else None
            if inherited is None and pre.div is None and pre.rel is None and (_needs_prefix().match(core) or pre.party):
                continue
            if inherited is None and pre.div is None and pre.rel is None and _after_a_plural(text, s):
                continue  # 各区疾控局、教委: the plural covers the whole list
            if inherited is None and pre.div is None and pre.rel is None and s > 0 \
                    and "\u4e00" <= text[s - 1] <= "\u9fff" and text[s - 1] not in _BARE_CORE_AFTER:
                continue  # 新疆生产建设兵团自然资源局: the core ends a longer name, of no region of ours
            if pre.div is not None:
                name, level = pre.div.name, pre.div.level
            elif inherited is not None:
                name, level = inherited
            else:
                rel = pre.rel or ("省" if canon.endswith("厅") and not canon.endswith("办公厅") else None)
                name, level = (pre.redacted, None) if pre.redacted else _resolve(rel, region, gaz)
            if name is None:
                continue  # a relative name (市财政局) whose region this document does not say
            normalized = text[start:e] if pre.redacted else _compose(name + ("委" if pre.party and canon != "委" else ""), canon)
            if pre.div is not None or pre.rel is not None or inherited is not None:
                scope = (name, level)  # only a region the text names carries on to the next listed body
        surface = text[start:e]
        role = "issuer" if any(a <= start < b for a, b in issuer_spans) else "mentioned"
        out.append(Agency(surface, normalized, level, role, start, e))
        if scope is not None:
            scope_at[e] = scope
        taken_until = e
    occ = bytearray(len(text))  # characters within a body's name found so far

    def occupy(a: Agency) -> None:
        occ[a.start:a.end] = b"\x01" * (a.end - a.start)

    for a in out:
        occupy(a)
    for m in first_char_finditer(_BODY_END, text):  # bodies not in the alias table: 市林业和园林局, 县住房保障和城乡建设局
        e = m.end()
        if any(occ[max(0, e - 2):e]):
            continue
        longest = 25 if m.group(1) in _LONG_BODY else 12
        centre = m.group(1) == "中心"
        if centre and re.match(r"(管理委员会|管委会|委员会|办公室|党委|党组|分中心)", text[e:e + 5]):
            continue  # 行政服务中心管理委员会: the centre is part of a longer name
        for s in range(e - (4 if centre else 3), max(-1, e - longest), -1):  # the shortest core a region prefix stands before
            if text[s] in _PUNCT:
                break  # a name does not run across punctuation
            if text[s] in _BAD_START or not ("\u4e00" <= text[s] <= "\u9fff") or _BAD_CORE.match(text, s):
                continue
            if centre and not _CENTRE_CORE.match(text[s:e]):
                continue
            pre = _prefix(text, s, gaz)
            inherited = listed_after(s) if pre.div is None and pre.rel is None and not pre.party else None
            if inherited is not None and (pre.place or any(at == 0 for at, _, _ in gaz.mentions(text[s:s + 8], ambiguous=True)[:1])):
                inherited = None  # 东莞供电局 after a 东莞市 body names its own place
            if pre.div is None and pre.rel is None and inherited is None:
                continue
            if inherited is not None:
                pre.start, (name, level) = s, inherited
            elif pre.party or _generic(text, pre.start) or (pre.start > 0 and text[pre.start - 1] not in _BODY_BEFORE
                                                            and not _AT_THE_BODY.match(text, max(0, pre.start - 2), pre.start)):
                break  # 全市…局, 各级…局, 小区…办公室: the prefix belongs to a longer word
            else:
                name, level = (pre.div.name, pre.div.level) if pre.div else (
                    (pre.redacted, None) if pre.redacted else _resolve(pre.rel, region, gaz))
            if name is not None and not any(occ[pre.start:e]):
                role = "issuer" if any(a <= pre.start < b for a, b in issuer_spans) else "mentioned"
                out.append(Agency(text[pre.start:e], name + re.sub(r"\s+", "", text[s:e]), level, role, pre.start, e))
                occupy(out[-1])
                scope_at[e] = (name, level)
            break
    for a in _departments(text, region, gaz, issuer_spans, out, scope_at):
        out.append(a)
        occupy(a)
    for a in _towns(text, region, gaz, issuer_spans):
        if not any(occ[a.start:a.end]):
            out.append(a)
            occupy(a)
    for m in anchored_finditer(_ZONE, _ZONE_AT, text, 2, 12):
        # 由某某开发区管委会负责, 本细则由某某开发区管委会解释: the words before the name are no part of it
        s = max((x.end() for x in _ZONE_LEAD.finditer(text, m.start(), m.start(1))), default=m.start())
        if not (_ZONE.fullmatch(text, s, m.end()) or _ZONE_AT.fullmatch(text, s, m.end())) or text[s] in "各该本":
            continue  # (经开区管委会: the zone's own short name)
        if m.group(2).endswith("局") and (len(_ZONE_KIND_WORDS.sub("", text[s:m.start(1)])) < 2 or any(occ[s:m.end()])
                                         or not (text.startswith("某", s) or any(at == 0 for at, _, _ in gaz.mentions(text[s:s + 8], ambiguous=True)[:1]))):
            continue  # a bureau only of a zone whose name opens with its place
        if not occ[s] and not _generic(text, s):
            out.append(Agency(text[s:m.end()], text[s:m.end()], None, "mentioned", s, m.end()))
            occupy(out[-1])
    out = _without_slogans(text, out)
    out.sort(key=lambda a: a.start)
    for a in out:
        a.normalized = _GOVERNMENT_OFFICE.sub(r"\1人民政府办公厅", _with_city(a.normalized, region, gaz))
    _as_written(out)
    issuers = [a for a in out if a.role == "issuer"]
    names = list(dict.fromkeys(a.normalized for a in issuers))
    for a in issuers:
        if names and a.normalized != names[0]:
            a.role = "co-issuer"
    return out
