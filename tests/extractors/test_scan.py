"""The candidate finders give the same matches as the plain patterns they stand in for."""
import re

import pytest

from extractors.agencies import _ZONE, _ZONE_AT, alias_table
from extractors.docnumbers import _SCANS
from extractors.regions import gazetteer
from extractors.scan import anchored_finditer, longest_word_pattern

TEXTS = [
    "根据省人民政府办公厅关于印发某某方案的通知（某政办发〔2023〕12号）和某市财政局某财发[2022]3号文件精神，",
    "某政发2019年第12号、某某字第1080037013号以及国办函（2021）105号。某发〔2024〕号不全，某某字第号也不全。",
    "〔2024〕1号前面没有机关代字；发〔2024〕1号；一二三四五六七八九十一二三四五六七八九十发〔2024〕1号过长的前缀。",
    "某某高新技术产业开发区管理委员会、某某经开区管委会和某合作区执委会联合印发，开发区管委会单独列出。",
    "高新区管委会高新区管委会某某新区新区管委会，区管委会。",
    "国务院办公厅、国务院、国家发展改革委、发展改革委、省发展和改革委员会、人行某某中心支行、",
    "北京市朝阳区和上海浦东新区、杭州市场监管局、常州、合作社、阿里巴巴，内蒙古自治区呼和浩特市。",
    "",
    "发",
    "a〔2024〕1号",
]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("scan", [s[:4] for s in _SCANS] + [(_ZONE, _ZONE_AT, 2, 12)])
def test_anchored_finditer_equals_finditer(text, scan):
    pattern, anchor, lo, hi = scan
    assert [(m.span(), m.groups()) for m in anchored_finditer(pattern, anchor, text, lo, hi)] == \
        [(m.span(), m.groups()) for m in pattern.finditer(text)]


def test_anchored_finditer_finds_matches():
    text = TEXTS[0] + TEXTS[1]
    found = [m.group() for pattern, anchor, lo, hi, _ in _SCANS for m in anchored_finditer(pattern, anchor, text, lo, hi)]
    assert "某政办发〔2023〕12号" in found and "某某字第1080037013号" in found and "某政发2019年第12号" in found


@pytest.mark.parametrize("words", [
    ["国务院", "国务院办公厅", "国务", "办公厅", "厅"],
    ["ab", "abc", "abcd", "b", "bcd", "a.c", "(x)"],
    ["市", "市场", "市场监管局", "场"],
])
@pytest.mark.parametrize("text", ["国务院办公厅国务院国务办公厅厅国", "abcdabcabxbcda.c(x)a.b", "市场监管局市场市市场监管"])
def test_longest_word_pattern_equals_sorted_alternation(words, text):
    plain = re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))
    trie = re.compile(longest_word_pattern(words))
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_alias_table_is_the_longest_alias():
    assert alias_table().pattern.match("国务院办公厅关于").group() == "国务院办公厅"


@pytest.mark.parametrize("text", TEXTS)
def test_mentions_equal_a_scan_of_every_position(text):
    gaz = gazetteer()
    by_pair = gaz._lengths_by_pair()
    expected, i = [], 0
    while i < len(text):  # every position, every length of a name beginning with its two characters
        hit = None
        for ln in by_pair.get(text[i:i + 2], ()):
            w = text[i:i + ln]
            if len(w) == ln and w in gaz.full and not (w.endswith("市") and text[i + ln:i + ln + 1] == "场"):
                hit = (i, i + ln)
                break
        expected.append(hit) if hit else None
        i = hit[1] if hit else i + 1
    assert [(a, b) for a, b, _ in gaz.mentions(text, short=False)] == expected
