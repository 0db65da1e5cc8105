"""Regions: the GB/T 2260 gazetteer, place-name mentions, and a document's primary region."""
from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass

from extractors import refdata
from extractors.records import LEVEL_RANK, Region
from extractors.scan import anchored_finditer, first_char_finditer, longest_word_pattern

# suffixes stripped to get a short name (常州市 → 常州); longest first
_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "自治州", "自治县", "自治旗",
             "地区", "省", "市", "盟", "县", "区", "旗")
_ETHNIC = re.compile(r"(.{2,}?)(?:[\u4e00-\u9fff]{1,6}族)+$")
_NON_NAMES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


@dataclass(frozen=True)
class Division:
    adcode: str
    name: str
    level: str
    province_code: str
    city_code: str

    @property
    def parents(self) -> tuple[str, ...]:
        return tuple(c for c in (self.province_code, self.city_code) if c)


def short_name(name: str) -> str | None:
    for suf in _SUFFIXES:
        if name.endswith(suf) and len(name) - len(suf) >= 2:
            base = name[: -len(suf)]
            m = _ETHNIC.match(base) if suf.startswith("自治") else None
            return m.group(1) if m else base
    return None


class Gazetteer:
    """Administrative divisions by code and by name (full names, short names, renamed units)."""

    def __init__(self, rows: list[dict[str, str]], changes: list[dict[str, str]]):
        self.by_code: dict[str, Division] = {}
        for r in rows:
            if r["name"] in _NON_NAMES:
                continue
            self.by_code[r["adcode"]] = Division(r["adcode"], r["name"], r["level"],
                                                 r.get("province_code", ""), r.get("city_code", ""))
        self.full: dict[str, list[Division]] = defaultdict(list)
        self.short: dict[str, list[Division]] = defaultdict(list)
        # a county's short name (文成 for 文成县) names it only where the same text spells out its full name
        self.county_short: dict[str, list[Division]] = defaultdict(list)
        for d in self.by_code.values():
            self.full[d.name].append(d)
        for ch in changes:
            old = self.by_code.get(ch["old_adcode"])
            new = self.by_code.get(ch["new_adcode"])
            if new is None and old is not None:
                new = Division(ch["new_adcode"], ch["new_name"], old.level, old.province_code, old.city_code)
                self.by_code[new.adcode] = new
                self.full[new.name].append(new)
            if new is not None:  # the old name now refers to the renamed unit
                self.full[ch["old_name"]] = [new] + [d for d in self.full[ch["old_name"]] if d.adcode != ch["old_adcode"]]
        # full names that are common words (城区, 郊区, 矿区) name their district only right after its city
        self.generic_full: dict[str, list[Division]] = {
            r["name"]: self.full.pop(r["name"]) for r in refdata.generic_division_names() if r["name"] in self.full}
        # short names that are common words or brands far more often than places: only full names count
        ambiguous = {r["short_name"] for r in refdata.ambiguous_place_names()}
        # …which still name their place where an agency's name follows them (北京住房公积金管理中心)
        self.ambiguous_short: dict[str, list[Division]] = defaultdict(list)
        for d in self.by_code.values():
            s = short_name(d.name)
            if s and s in ambiguous and s not in self.full and d.level != "county":
                self.ambiguous_short[s].append(d)
            if s and s not in ambiguous and s not in self.full:
                (self.county_short if d.level == "county" else self.short)[s].append(d)
        self.max_len = max(len(n) for n in [*self.full, *self.short])
        self._tables: dict[str, tuple] = {}  # tables built from the names (`_cached`)

    def region(self, adcode: str) -> Region | None:
        d = self.by_code.get(adcode)
        if d is None:
            return None
        prov = self.by_code.get(d.province_code) if d.province_code else (d if d.level == "province" else None)
        city = self.by_code.get(d.city_code) if d.city_code else (d if d.level == "city" else None)
        return Region(d.adcode, d.name, d.level, prov.name if prov else None,
                      city.name if city else None, d.name if d.level == "county" else None)

    def mentions(self, text: str, short: bool = True, boundaries: set[int] | None = None,
                 counties: frozenset[str] = frozenset(), ambiguous: bool = False) -> list[tuple[int, int, list[Division]]]:
        """Longest-match place names in text, left to right, no overlaps. A short name (常州 for 常州市)
        counts only where it is a word of its own: at token `boundaries` when given (合作 in 合作社 and
        阿里 in 阿里巴巴 are not places); a county's short name only when it is in `counties`."""
        out = []
        i, n = 0, len(text)
        by_pair, pair_at = self._pairs_and_scan()
        for c in pair_at.finditer(text):  # the few positions whose two characters can begin a name
            at = c.start()
            if at < i:
                continue
            lengths = by_pair.get(text[at:at + 2])  # only the lengths of names that begin here, longest first
            if lengths is None:
                continue
            i = at
            hit = None
            for ln in lengths:
                if ln > n - i:
                    continue
                w = text[i:i + ln]
                if w in self.full and not (w.endswith("市") and text[i + ln:i + ln + 1] == "场"):  # 某某市场: a market
                    hit = (i, i + ln, self.full[w])
                    break
                if w in self.generic_full and out and out[-1][1] == i:
                    city = {d.adcode for d in out[-1][2]}  # 大同市城区: the district of the city just named
                    named = [d for d in self.generic_full[w] if d.city_code in city]
                    if named:
                        hit = (i, i + ln, named)
                        break
                if short and (w in self.short or w in counties and w in self.county_short) and not _continues_word(text, i + ln) and (
                        boundaries is None or (i in boundaries and i + ln in boundaries)):
                    hit = (i, i + ln, self.short.get(w) or self.county_short.get(w))
                    break
                if ambiguous and w in self.ambiguous_short and not _continues_word(text, i + ln):
                    hit = (i, i + ln, self.ambiguous_short[w])
                    break
            if hit:
                out.append(hit)
                i = hit[1]
        return out

    def _names_size(self) -> tuple[int, ...]:
        """The sizes of the name tables: a table built from them is rebuilt when they grew since."""
        return (len(self.full), len(self.short), len(self.county_short), len(self.ambiguous_short),
                len(self.generic_full), self.max_len)

    def _cached(self, name: str, build):
        """The table `name`, built by `build()` once for the names as they are now; kept on the gazetteer as one
        (size, table) pair, set whole, so a thread sees either the old pair or the new one."""
        size = self._names_size()
        kept = self._tables.get(name)
        if kept is None or kept[0] != size:
            kept = self._tables[name] = (size, build())
        return kept[1]

    def lengths_by_pair(self) -> dict[str, tuple[int, ...]]:
        """For each pair of characters a name can begin with, the lengths (2 to max_len) of the names that begin
        with it, longest first: `mentions` tries only those at a position, not every length. Rebuilt if the name
        tables grew since."""
        return self._pairs_and_scan()[0]

    def _pairs_and_scan(self) -> tuple[dict[str, tuple[int, ...]], re.Pattern]:
        def build():
            pairs = _names_by_pair([self.full, self.short, self.county_short, self.ambiguous_short, self.generic_full],
                                     self.max_len, ending=False)
            # a first character then a second one of some pair: a cheap superset of the pairs' positions
            first, second = ("".join(sorted({k[j] for k in pairs})) for j in (0, 1))
            return pairs, re.compile(f"[{re.escape(first)}](?=[{re.escape(second)}])")  # a class first: a fast scan
        return self._cached("starts", build)

    def full_lengths_by_ending(self) -> dict[str, tuple[int, ...]]:
        """For each pair of characters a full division name can end with, the lengths (2 to max_len) of the names
        that end with it, longest first: the agency reader's division before a body tries only those. Rebuilt if
        the name tables grew since."""
        return self._cached("full endings", lambda: _names_by_pair([self.full], self.max_len, ending=True))

    def short_lengths_by_ending(self) -> dict[str, tuple[int, ...]]:
        """For each pair of characters a short place name (常州, and the ambiguous ones such as 海南) can end with,
        the lengths of those names, longest first: the agency reader's place before a body tries only those.
        Rebuilt if the name tables grew since."""
        return self._cached("short endings",
                            lambda: _names_by_pair([self.short, self.ambiguous_short], self.max_len, ending=True))

    def province_of(self, d: Division) -> Division:
        return self.by_code.get(d.province_code, d)


def _names_by_pair(tables, max_len: int, ending: bool) -> dict[str, tuple[int, ...]]:
    """For each pair of characters the names of `tables` begin with (or end with, `ending`), the lengths (2 to
    max_len) of those names, longest first."""
    by: dict[str, set[int]] = defaultdict(set)
    for names in tables:
        for w in names:
            if 2 <= len(w) <= max_len:
                by[w[-2:] if ending else w[:2]].add(len(w))
    return {k: tuple(sorted(v, reverse=True)) for k, v in by.items()}


def _continues_word(text: str, end: int) -> bool:
    """A short name followed by 路/街/大道/银行/… is part of a longer name, not the place."""
    return text[end:end + 2] in {"大学", "银行", "大道", "公司", "集团", "日报", "时间", "路", "街"} or text[end:end + 1] in {"路", "街", "号"}


@functools.cache
def gazetteer() -> Gazetteer:
    return Gazetteer(refdata.divisions(), refdata.division_changes())


@functools.cache
def province_by_abbreviation() -> dict[str, str]:
    out = {}
    for r in refdata.province_abbreviations():
        out[r["abbreviation"]] = r["adcode"]
        if r.get("alternate"):
            out[r["alternate"]] = r["adcode"]
    return out


# evidence weights: who issued the document counts most, then its title and the body named as its
# source (来源：某县民政局), then its document number, then the body
W_ISSUER, W_TITLE, W_SOURCE, W_DOCNUM, W_BODY = 12.0, 6.0, 6.0, 3.0, 1.0
_RELATIVE_ISSUER = re.compile(r"^(省|市|县|区|州|盟|旗)(人民)?政府|^(省|市|县|区)委")
# the document speaking of its own place: 我县, 全区, 本市
_SELF = re.compile(r"(?:我|全|本)(省|市|县|区|州|盟|旗)(?![场域长级])")
# a place withheld from the text: xx市, ××县, XX镇, xx段
_REDACTED = re.compile(r"[xX×ｘＸ*＊]{2,}(?:省|市|县|区|州|盟|旗|镇|乡|村|街道|段|公路|路)")
# a page's publisher (a site, a newspaper, a broadcaster): its place is the site's, not the document's
_HOST = re.compile(r"[\u4e00-\u9fff]{2,14}?(?:电子报|日报|晚报|晨报|都市报|商报|时报|报社|报|信息网|新闻网|门户网站|网站|网|"
                   r"广播电视台|电视台|融媒体中心|客户端)")
# a media name standing alone on a line (a bare 报 there is more often a 通报 or 简报 title)
_MEDIA = re.compile(r"[\u4e00-\u9fff]{2,14}?(?:电子报|日报|晚报|晨报|都市报|商报|时报|报社|信息网|新闻网|门户网站|网站|网|"
                    r"广播电视台|电视台|融媒体中心|客户端)")
# who a page names as the document's source or author: a government body is evidence of its place
_SOURCE_LABEL = r"(?:稿件来源|信息来源|文章来源|来源|出处|作者|发布机构|发布单位|供稿单位|供稿)"
# the site's owner and address in its footer: neither the document's place nor its agencies
_OWNER_LABEL = r"(?:(?:主办单位|主办|承办单位|承办|协办|地址|通讯地址|联系地址|单位地址)\s*[:：]|版权所有|声明\s*[:：]|Powered by|技术支持\s*[:：]?)"
_OWNER_AT_START = re.compile(r"\s*" + _OWNER_LABEL)
_FOOTER_MARK = re.compile(r"版权|ICP|公网安备|网站标识码|技术支持|Copyright|©|邮编|传真|联系电话|网站地图", re.I)
_OTHER_LABEL = r"(?:发布时间|发布日期|浏览次数|点击数|编辑)"
_ANY_LABEL = f"(?:{_SOURCE_LABEL}|{_OWNER_LABEL}|{_OTHER_LABEL})"
_SOURCE = re.compile(_SOURCE_LABEL + r"(?:\s*[:：]\s*|\s+)(?!" + _ANY_LABEL + r")(?P<v>[^\s:：|｜。；;！!？?]{2,40})", re.I)
_OWNER = re.compile(_OWNER_LABEL + r"\s*(?P<v>(?:(?!" + _ANY_LABEL + r")[^\n|｜])*)", re.I)
# what the name of a body a page names as its source or sponsor ends with (the footer's sponsor line too: noise.py)
BODY_SUFFIXES = ("人民政府", "政府", "办公室", "办公厅", "委员会", "委", "局", "厅", "部", "院", "中心", "署", "站", "所", "处", "小组")
_BODY_SUFFIX = re.compile("(" + "|".join(BODY_SUFFIXES) + ")$")


@dataclass
class Byline:
    """What a page says about who published a document: government bodies named as its source or
    author, the hosts (site, newspaper) that carry it, and the spans of its owner's footer."""

    bodies: list[str]
    hosts: list[str]
    footer: list[tuple[int, int]]


def _host_in(piece: str) -> str | None:
    host = _HOST.fullmatch(piece) or _HOST.match(piece)
    return host.group() if host else None


_MEDIA_LINE = re.compile(r"\s*([\u4e00-\u9fff]{2,16})(?:\s+(?:19|20)\d{2}[-/.年]|\s*$)")


def byline(text: str) -> Byline:
    """The page's byline (`Byline`). The pipeline reads it once per document and keeps it on the document
    (`doc._.byline`) for the readers after the region's."""
    bodies: list[str] = []
    hosts: list[str] = []
    footer: list[tuple[int, int]] = []
    for m in _SOURCE.finditer(text):
        for piece in re.split(r"[、，,]", m.group("v")):
            if host := _host_in(piece):
                hosts.append(host)
            elif _BODY_SUFFIX.search(piece):
                bodies.append(piece)
    for m in first_char_finditer(_OWNER, text):  # tried only where a label can begin (extractors/scan.py)
        line_start = text.rfind("\n", 0, m.start()) + 1
        line = text[line_start:(text.find("\n", m.end()) + 1 or len(text) + 1) - 1]
        if not (_OWNER_AT_START.match(line) or _FOOTER_MARK.search(line)):
            continue  # 责任单位及承办单位：市教育局 is the document's own text, not a footer
        if m.group("v").strip():
            footer.append(m.span("v"))
            hosts += [h for piece in re.split(r"[、，,\s]", m.group("v")) if (h := _host_in(piece))]
    for line in text.split("\n"):  # 某某日报 2018-11-20 09:26, or the paper's name on a line of its own
        m = _MEDIA_LINE.match(line)
        if m and _MEDIA.fullmatch(m.group(1)):
            hosts.append(m.group(1))
    return Byline(list(dict.fromkeys(bodies)), sorted(set(hosts), key=len, reverse=True), footer)


def _self_level(text: str) -> str | None:
    counts: dict[str, int] = defaultdict(int)
    for m in _SELF.finditer(text):  # 我县 speaks of itself more surely than 全省 (a campaign's reach)
        counts[m.group(1)] += 1 if m.group().startswith("全") else 2
    return max(counts, key=lambda k: counts[k]) if counts else None


def _blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    for a, b in spans:
        text = text[:a] + " " * (b - a) + text[b:]
    return text


def _blank(text: str, words: list[str]) -> str:
    for w in words:
        text = text.replace(w, " " * len(w))
    return text


# the capital in a dateline or byline of national news (新华社北京10月16日电, 记者 某某 北京报道) says where the
# story was filed, not the place it reports on
_CAPITAL_DATELINE = re.compile(r"(?P<p>北京)(?=\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:电|讯)|\s*报道)")


# a list of firms by their short names (世茂集团、融创中国、某某控股、广州富力和恒大集团): the places in it are firms'
# names, not places the text reports on
_LIST_ITEM = r"[\u4e00-\u9fffA-Za-z]{2,8}"
_NAME_LIST = re.compile(rf"{_LIST_ITEM}(?:、{_LIST_ITEM}){{3,}}(?:(?:和|及|以及|与){_LIST_ITEM})?")
_NAME_LIST_AT = re.compile("、")
_FIRM_NAME = re.compile(r"(?:集团|控股|地产|置业|置地|股份|实业|投资|物业|房产)$|^.{2,4}(?:发展|建设|中国)$")


def _firm_lists(text: str) -> list[tuple[int, int]]:
    """The spans of lists of four or more names of which two or more are firms' short names."""
    out = []
    if "、" not in text:
        return out
    # a list's first name (2 to 8 characters) ends at its first 、: the pattern is tried only before each 、
    for m in anchored_finditer(_NAME_LIST, _NAME_LIST_AT, text, 2, 8):
        items = re.split(r"、|和|以及|及|与", m.group())
        if sum(bool(_FIRM_NAME.search(i)) for i in items) >= 2:
            out.append(m.span())
    return out


def primary_region(text: str, title: str | None, issuers: list[str], docnum_provinces: list[str],
                   gaz: Gazetteer | None = None, boundaries: set[int] | None = None,
                   docnum_prefixes: tuple[str, ...] = (), by: Byline | None = None) -> Region | None:
    """The jurisdiction a document governs: issuer first, then title and the body named as its
    source, document number, body. The site or newspaper that carries the page is no evidence, except
    as a last resort; a document that withholds its place (xx市) has none. `by`: the text's byline, where
    the caller has read it already."""
    gaz = gaz or gazetteer()
    if any(_REDACTED.search(s) for s in [*issuers, title or ""]):
        return None
    by = by or byline(text)
    body = _blank(_blank_spans(text, by.footer + [m.span("p") for m in _CAPITAL_DATELINE.finditer(text)]
                               + _firm_lists(text)), by.hosts)
    counties = frozenset(short_name(d.name) for _, _, cands in gaz.mentions(" ".join([body, title or "", *issuers]), short=False)
                         for d in cands if d.level == "county") - {None}
    # the places the title and the issuers name (as the text names places), and the issuers' full names: read
    # once for the title's score, the joint-document checks, the document's own county and the decision
    heads = [(s, gaz.mentions(s, counties=counties)) for s in [title or "", *issuers]]
    issuer_names = [gaz.mentions(s, short=False) for s in issuers]
    score: dict[str, float] = defaultdict(float)
    direct: dict[str, float] = defaultdict(float)

    def add(d: Division, w: float):
        direct[d.adcode] += w
        score[d.adcode] += w
        for p in d.parents:
            score[p] += w * 0.8

    def add_text(s: str, w: float, cap: int | None = None, bounds: set[int] | None = None, ambiguous: bool = False,
                 found: list | None = None):
        seen: dict[str, int] = defaultdict(int)
        if found is None:
            found = gaz.mentions(s, boundaries=bounds, counties=counties, ambiguous=ambiguous)
        named = {d.adcode for _, _, cands in found for d in cands}
        for _, _, cands in found:
            if not cands:  # a name whose every division was ruled out (a county the text does not confirm)
                continue
            if len(cands) > 1:  # 朝阳区, 鼓楼区: the one whose city or province the same text names
                placed = [d for d in cands if set(d.parents) & named]
                cands = placed or cands
            key = cands[0].adcode
            seen[key] += 1
            if cap is None or seen[key] <= cap:
                for d in cands:
                    add(d, w / len(cands))

    for s in issuers:
        add_text(s, W_ISSUER, ambiguous=True)  # an issuer's name places it: 北京住房公积金管理委员会办公室
    if title:
        add_text(title, W_TITLE, found=heads[0][1])
    for s in by.bodies:
        add_text(s, W_SOURCE)
    # 宁 opens the numbers of Nanjing's bodies as well as Ningxia's: a text that speaks as a city (我市) is the city's
    swap = _city_numbers(docnum_prefixes) if docnum_prefixes and _self_level(body) == "市" else {}
    for code in docnum_provinces:
        code = swap.get(code, code)
        if code in gaz.by_code:
            add(gaz.by_code[code], W_DOCNUM)
    named_by_document = bool(score)
    if not named_by_document and title and national_body().search(title) and not _SELF.search(body):
        return None  # a national body's story (央行…, 证监会召开…) is not placed by the places its text mentions
    add_text(body, W_BODY, cap=20, bounds=boundaries)
    if not named_by_document and _REDACTED.search(text):
        return None  # the places this text names are not its own: it withholds its own
    issuer_rel = next((m.group(1) for s in issuers if (m := _RELATIVE_ISSUER.match(s))), None)
    relative = issuer_rel or _self_level(body)
    joint = joint_parents(gaz, heads) | _joint_issuers(issuer_names)
    own_county = any(d.level == "county" for _, named in heads for _, _, cands in named
                     for d in cands)  # the title or the issuer names a district or county of its own
    found = _decide(gaz, score, direct, issuer_names, issuer_rel, relative, joint, own_county)
    if not named_by_document and found is not None and _roundup(gaz, score):
        return None  # a story about many provinces' cities (白名单 projects in 9 provinces) is no one place's
    found = _host_fallback(gaz, found, by.hosts, relative) or found
    if found is None and (relative == "省" or _PROVINCE_SELF.search(body)):
        code = _abbreviated_province(body)  # 省政府… “皖美消费”: a province that names itself only by its short name
        if code is None:
            # 在我省缴存… 根据海南住房公积金管理委员会…: a province's own text naming itself by a short name that is
            # also another place's (海南: 海南藏族自治州), in the one province that name can be
            provs = {d.adcode for _, _, cands in gaz.mentions(body, ambiguous=True) for d in cands if d.level == "province"}
            code = provs.pop() if len(provs) == 1 else None
        found = gaz.region(code) if code else None
    if found is None and title and (m := _TITLE_ABBREVIATION.search(title)):
        found = gaz.region(province_by_abbreviation()[m.group("a")])  # 沪整顿…, 某行在沪举办…: the story's place
    if found is None and relative == "市":
        # 我市… under its own number 蚌房金〔2022〕18号: the one city whose name opens with the number's first character
        firsts = {p[0] for p in docnum_prefixes if p}
        cities = {code for c in firsts for code in _cities_by_first_char().get(c, ())}
        found = gaz.region(cities.pop()) if len(firsts) == 1 and len(cities) == 1 else None
    return found


def _roundup(gaz: Gazetteer, score: dict[str, float]) -> bool:
    """Do the places a text names span the country rather than one province: three provinces or more with
    none holding half of the mentions, or five or more with none holding 60 % of them?"""
    provs = sorted((v for c, v in score.items() if c in gaz.by_code and gaz.by_code[c].level == "province"), reverse=True)
    if len(provs) < 3:
        return False
    share = provs[0] / sum(provs)
    return share < 0.5 or len(provs) >= 5 and share < 0.6


def _city_numbers(prefixes: tuple[str, ...]) -> dict[str, str]:
    """Province code → the city whose own numbers open with the same character, for the given prefixes."""
    rows = {r["abbreviation"]: r for r in refdata.province_abbreviations() if r.get("shared_by_city")}
    return {rows[p[0]]["adcode"]: rows[p[0]]["shared_by_city"] for p in prefixes if p and p[0] in rows}


@functools.cache
def _cities_by_first_char() -> dict[str, tuple[str, ...]]:
    """First character of a prefecture-level city's name → the codes of the cities whose name opens with it."""
    out: dict[str, list[str]] = defaultdict(list)
    for d in gazetteer().by_code.values():
        if d.level == "city" and d.name:
            out[d.name[0]].append(d.adcode)
    return {k: tuple(v) for k, v in out.items()}


@functools.cache
def national_body() -> re.Pattern:
    """A national body named in a title (央行, 证监会, 国务院…): a story of its own, placed only by what the title,
    the issuer or the source name. The bodies are the agency table's national rows, by alias and full name;
    a 国家… body is also written without 国家 at a headline's head (发改委：…, 外汇局发布…). A branch
    (人民银行某某分行) or a function (财政部门) is no national body."""
    rows = [r for r in refdata.agency_aliases() if r["scope"] == "national"]
    names = {r["alias"] for r in rows} | {r["canonical"] for r in rows}
    headline = {n[2:] for n in names if n.startswith("国家") and len(n) >= 5}
    return re.compile(f"(?:{longest_word_pattern(names)}|^(?:{longest_word_pattern(headline)}))"
                      r"(?!门|\S{0,4}(?:分行|支行|营业管理部|总部))")


# a province's bodies named by their level alone (省政府, 省发展改革委), as a province's own text names them
_PROVINCE_SELF = re.compile(r"(?:(?<![\u4e00-\u9fff])|(?<=[经由报请向和及与对同]))省(?:委|政府|人民政府|[\u4e00-\u9fff]{1,8}?(?:厅|委|局|办))|[全我本]省")
# one-character names of provinces that are no common word's character (皖, 粤, 鄂…; not 京, 新, 云, 宁)
_DISTINCT_ABBREVIATIONS = "皖闽赣鄂湘粤冀豫黔滇陇渝沪琼"


def _abbreviated_province(text: str) -> str | None:
    """The one province a text names by a short name that is no common character (皖美消费, 鄂企), never one
    in a region of several (粤港澳, 京津冀, 川渝)."""
    abbr = province_by_abbreviation()
    codes: set[str] = set()
    for m in re.finditer(f"[{_DISTINCT_ABBREVIATIONS}]", text):
        i = m.start()
        if any(c in abbr or c in "港澳台" for c in text[max(0, i - 1):i] + text[i + 1:i + 2]):
            continue
        codes.add(abbr[m.group()])
    return codes.pop() if len(codes) == 1 else None


# a headline that names its place by a province's one-character name, at its head or after a verb of place
# (沪整顿…, 某行在沪举办…), never inside a person's name (王沪宁) or a pair (沪深两市)
_TITLE_ABBREVIATION = re.compile(f"(?:^|(?<=[在赴来驻]))(?P<a>[{_DISTINCT_ABBREVIATIONS}])(?![深港澳台{_DISTINCT_ABBREVIATIONS}])")


# what joins the names of two places in a list: 斗门、金湾; 甲区和乙区; 甲县与乙县
_JOINER = r"(?:、|，|,|以及|和|与|及)\s*"
_JOIN_AFTER = re.compile(r"\s*" + _JOINER)
_JOIN_BEFORE = re.compile(_JOINER + r"$")


def _county_parent(d: Division) -> str:
    """A county's parent: its city, or its province where the city is only a code (北京市 市辖区)."""
    return d.city_code if d.city_code in gazetteer().by_code else d.province_code


@functools.cache
def _siblings() -> dict[str, tuple[tuple[str, str], ...]]:
    """Parent code -> (name, adcode) of its counties, full and short names, longest first."""
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for d in gazetteer().by_code.values():
        if d.level == "county":
            for n in {d.name, short_name(d.name)} - {None}:
                out[_county_parent(d)].append((n, d.adcode))
    return {k: tuple(sorted(v, key=lambda x: -len(x[0]))) for k, v in out.items()}


def joint_parents(gaz: Gazetteer, texts: list[tuple[str, list[tuple[int, int, list[Division]]]]]) -> set[str]:
    """Divisions two of whose counties or districts a title names side by side (某市甲区、乙区…; 甲县与乙县):
    a joint document of both, whose region is their common parent. `texts`: each text with the places it
    names as the document names places (`Gazetteer.mentions` with the counties it spells out): one of the two
    must be so named (in full, or short where spelled out elsewhere); its partner in the list may be short
    (斗门、金湾)."""
    out: set[str] = set()
    for s, named in texts:
        for a0, a1, cands in named:
            for d in cands:
                if d.level != "county":
                    continue
                parent = _county_parent(d)
                after = _JOIN_AFTER.match(s, a1)
                before = _JOIN_BEFORE.search(s, max(0, a0 - 4), a0)
                rest = s[after.end():] if after else ""
                head = s[:before.start()] if before else ""
                if any(code != d.adcode and (rest.startswith(name) or bool(head) and head.endswith(name))
                       for name, code in _siblings().get(parent, ())):
                    out.add(parent)
    return out


def _joint_issuers(issuer_names: list[list[tuple[int, int, list[Division]]]]) -> set[str]:
    """The parent of two counties when the issuers are bodies of both (甲区人民政府, 乙区人民政府).
    `issuer_names`: the full place names in each issuer (`Gazetteer.mentions`, short=False)."""
    own = set()
    for found in issuer_names:
        ds = [d for _, _, cands in found for d in cands if d.level == "county"]
        if len({d.adcode for d in ds}) == 1:
            own.add(ds[0])
    parents = [_county_parent(d) for d in own]
    return {p for p in parents if parents.count(p) >= 2}


def _decide(gaz: Gazetteer, score: dict[str, float], direct: dict[str, float],
            issuer_names: list[list[tuple[int, int, list[Division]]]],
            issuer_rel: str | None, relative: str | None, joint: set[str] = frozenset(),
            own_county: bool = False) -> Region | None:
    """`issuer_names`: the full place names in each issuer; `issuer_rel`: the level an issuer names (市政府);
    `relative`: that, or the level the text speaks of itself at (我县, 全区); `joint`: parents of two counties
    named side by side (the document is both's, so its region is their parent)."""
    if not score:
        return None
    # province: the best-supported one
    provinces = [c for c in score if gaz.by_code.get(c) and gaz.by_code[c].level == "province"]
    if not provinces:
        return None
    prov = max(provinces, key=lambda c: score[c])
    best = prov
    # an issuer that names its own division settles the level: a provincial office stays provincial
    # however often its text names the capital
    named = [cands for found in issuer_names for _, _, cands in found]
    named = [d for cands in named for d in cands if d.adcode == prov or d.province_code == prov]
    if named and not issuer_rel:
        d = max(named, key=lambda d: (LEVEL_RANK[d.level], score[d.adcode]))
        return gaz.region(_county_parent(d) if d.level == "county" and _county_parent(d) in joint else d.adcode)
    strong = W_TITLE  # a narrower unit must be named by the issuer or the title, or dominate the body
    cities = [c for c in score if c in gaz.by_code and gaz.by_code[c].province_code == prov and gaz.by_code[c].level == "city"]
    if cities:
        city = max(cities, key=lambda c: score[c])
        if direct[city] >= strong or score[city] >= 0.6 * score[prov] or relative in {"市", "州", "盟", "县", "区", "旗"}:
            best = city
    counties = [c for c in score if c in gaz.by_code and gaz.by_code[c].level == "county"
                and gaz.by_code[c].province_code == prov and (best == prov or gaz.by_code[c].city_code in {best, ""})]
    if relative == "市" and not issuer_rel and best != prov and not own_county \
            and sum(1 for c in counties if direct[c] > 0 and gaz.by_code[c].city_code == best) >= 3:
        # 我市部分区县市（甲区、乙区、丙县…）: a city's text about several of its districts and counties is the city's
        return gaz.region(best)
    if counties:
        county = max(counties, key=lambda c: score[c])
        d = gaz.by_code[county]
        # 我县 with a county named; 我市 with a county-level city named more often than its prefecture
        own = relative is not None and d.name.endswith(relative) and (
            relative != "市" or direct[county] > direct.get(d.city_code, 0))
        if (direct[county] >= strong or issuer_rel in {"县", "区", "旗"} or own) and _county_parent(d) not in joint:
            best = county
        elif _county_parent(d) in joint:
            best = _county_parent(d)
    return gaz.region(best)


def _host_fallback(gaz: Gazetteer, found: Region | None, hosts: list[str], relative: str | None) -> Region | None:
    """A local paper or site (某某县电子报) places a text that names no place of its own at the level it
    speaks of (我县): its host's division, when that lies inside what the text itself supports."""
    if not hosts or (found is not None and (found.level == "county" or relative not in {"县", "区", "旗", "市"})):
        return None
    level_ok = {"county"} if relative in {"县", "区", "旗"} else {"county", "city"}
    cands = []
    for h in hosts:
        for _, _, ds in gaz.mentions(h, counties=frozenset(gaz.county_short)):
            cands += [d for d in ds if d.level in level_ok and (found is None or found.adcode in {d.province_code, d.city_code})
                      and (relative is None or d.name.endswith(relative) or relative == "县" and d.name.endswith("自治县"))]
    codes = {d.adcode for d in cands}
    return gaz.region(codes.pop()) if len(codes) == 1 else None
