"""Regions: the GB/T 2260 gazetteer, place-name mentions, and a document's primary region."""
from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass

from extractors import refdata
from extractors.records import LEVEL_RANK, Region

# suffixes stripped to get a short name (常州市 → 常州); longest first
_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "自治州", "自治县", "自治旗",
             "地区", "省", "市", "盟", "县", "区", "旗")
_ETHNIC = re.compile(r"(.{2,}?)(?:[\u4e00-\u9fff]{1,6}族)+$")
# short names that are common words or brands far more often than places; only full names count
_AMBIGUOUS_SHORT = {"合作", "阿里", "城区", "郊区", "矿区", "新区", "吉利", "和平", "新华", "长安", "东方", "白云", "朝阳",
                    "南山", "普陀", "永安", "安宁", "太平", "江南", "中山", "海南", "河南", "河北", "山东", "湖南", "湖北",
                    "山西", "江西", "广西", "西安", "开发", "高新", "城关", "青山", "铁西", "铁东", "新城", "市中", "龙华",
                    "鼓楼", "红旗", "南京", "北京", "东北", "西北", "全国", "中国", "金融", "经济"}
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
        for d in self.by_code.values():
            s = short_name(d.name)
            if s and s not in _AMBIGUOUS_SHORT and s not in self.full and d.level != "county":
                self.short[s].append(d)
        self.max_len = max(len(n) for n in [*self.full, *self.short])

    def region(self, adcode: str) -> Region | None:
        d = self.by_code.get(adcode)
        if d is None:
            return None
        prov = self.by_code.get(d.province_code) if d.province_code else (d if d.level == "province" else None)
        city = self.by_code.get(d.city_code) if d.city_code else (d if d.level == "city" else None)
        return Region(d.adcode, d.name, d.level, prov.name if prov else None,
                      city.name if city else None, d.name if d.level == "county" else None)

    def mentions(self, text: str, short: bool = True,
                 boundaries: set[int] | None = None) -> list[tuple[int, int, list[Division]]]:
        """Longest-match place names in text, left to right, no overlaps. A short name (常州 for 常州市)
        counts only where it is a word of its own: at token `boundaries` when given (合作 in 合作社 and
        阿里 in 阿里巴巴 are not places)."""
        out = []
        i, n = 0, len(text)
        while i < n:
            hit = None
            for ln in range(min(self.max_len, n - i), 1, -1):
                w = text[i:i + ln]
                if w in self.full:
                    hit = (i, i + ln, self.full[w])
                    break
                if short and w in self.short and not _continues_word(text, i + ln) and (
                        boundaries is None or (i in boundaries and i + ln in boundaries)):
                    hit = (i, i + ln, self.short[w])
                    break
            if hit:
                out.append(hit)
                i = hit[1]
            else:
                i += 1
        return out

    def province_of(self, d: Division) -> Division:
        return self.by_code.get(d.province_code, d)


def _continues_word(text: str, end: int) -> bool:
    """A short name followed by 路/街/大道/银行/… is part of a longer name, not the place."""
    return text[end:end + 2] in {"大学", "银行", "大道", "公司", "集团", "日报", "路", "街"} or text[end:end + 1] in {"路", "街", "号"}


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


# evidence weights: who issued the document counts most, then its title, then the body
W_ISSUER, W_TITLE, W_DOCNUM, W_BODY = 12.0, 6.0, 3.0, 1.0
_RELATIVE_ISSUER = re.compile(r"^(省|市|县|区|州|盟|旗)(人民)?政府|^(省|市|县|区)委")


def primary_region(text: str, title: str | None, issuers: list[str], docnum_provinces: list[str],
                   gaz: Gazetteer | None = None, boundaries: set[int] | None = None) -> Region | None:
    """The jurisdiction a document governs: issuer first, then title, document number, body."""
    gaz = gaz or gazetteer()
    score: dict[str, float] = defaultdict(float)
    direct: dict[str, float] = defaultdict(float)

    def add(d: Division, w: float):
        direct[d.adcode] += w
        score[d.adcode] += w
        for p in d.parents:
            score[p] += w * 0.8

    def add_text(s: str, w: float, cap: int | None = None, bounds: set[int] | None = None):
        seen: dict[str, int] = defaultdict(int)
        found = gaz.mentions(s, boundaries=bounds)
        named = {d.adcode for _, _, cands in found for d in cands}
        for _, _, cands in found:
            if len(cands) > 1:  # 朝阳区, 鼓楼区: the one whose city or province the same text names
                placed = [d for d in cands if set(d.parents) & named]
                cands = placed or cands
            key = cands[0].adcode
            seen[key] += 1
            if cap is None or seen[key] <= cap:
                for d in cands:
                    add(d, w / len(cands))

    for s in issuers:
        add_text(s, W_ISSUER)
    if title:
        add_text(title, W_TITLE)
    for code in docnum_provinces:
        if code in gaz.by_code:
            add(gaz.by_code[code], W_DOCNUM)
    add_text(text, W_BODY, cap=20, bounds=boundaries)
    if not score:
        return None
    relative = next((m.group(1) for s in issuers if (m := _RELATIVE_ISSUER.match(s))), None)
    # province: the best-supported one
    provinces = [c for c in score if gaz.by_code.get(c) and gaz.by_code[c].level == "province"]
    if not provinces:
        return None
    prov = max(provinces, key=lambda c: score[c])
    best = prov
    # an issuer that names its own division settles the level: a provincial office stays provincial
    # however often its text names the capital
    named = [cands for s in issuers for _, _, cands in gaz.mentions(s, short=False)]
    named = [d for cands in named for d in cands if d.adcode == prov or d.province_code == prov]
    if named and not relative:
        return gaz.region(max(named, key=lambda d: (LEVEL_RANK[d.level], score[d.adcode])).adcode)
    strong = W_TITLE  # a narrower unit must be named by the issuer or the title, or dominate the body
    cities = [c for c in score if c in gaz.by_code and gaz.by_code[c].province_code == prov and gaz.by_code[c].level == "city"]
    if cities:
        city = max(cities, key=lambda c: score[c])
        if direct[city] >= strong or score[city] >= 0.6 * score[prov] or relative in {"市", "州", "盟", "县", "区", "旗"}:
            best = city
    counties = [c for c in score if c in gaz.by_code and gaz.by_code[c].level == "county"
                and gaz.by_code[c].province_code == prov and (best == prov or gaz.by_code[c].city_code in {best, ""})]
    if counties:
        county = max(counties, key=lambda c: score[c])
        if direct[county] >= strong or relative in {"县", "区", "旗"}:
            best = county
    return gaz.region(best)
