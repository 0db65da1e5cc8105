"""The taxonomy's patterns are searched only in texts holding a character a match can begin with: the rows
found are those a search of every row finds, on written phrases and on lines of pool pages."""
from __future__ import annotations

import re

import pytest

from extractors import indicators as ind
from tests.conftest import pool_page_texts

PHRASES = [
    "首套住房公积金贷款最高额度〔#〕", "二套住房商业贷款首付款比例不低于〔#〕", "夫妻双方缴存的最高可贷〔#〕万元",
    "处〔#〕罚款", "契税税率为〔#〕", "购房补贴每平方米〔#〕元", "城镇调查失业率控制在〔#〕", "新建充电桩〔#〕个",
    "提取额度〔#〕元/月", "贷款期限最长〔#〕年", "", "〔#〕", "abc", "年龄不超过〔#〕周岁的",
]


def _pool_lines(every: int):
    for _, text in pool_page_texts(every):
        yield from (ln.strip()[:60] for ln in text.split("\n") if ln.strip())


def _patterns():
    return [p for row in ind.taxonomy() for p in (row.pattern, row.scope, row.qualifier) if p is not None]


@pytest.mark.parametrize("text", PHRASES)
def test_a_pattern_skipped_for_its_characters_would_not_match(text):
    for p in _patterns():
        assert bool(ind._may_match(p, set(text)) and p.search(text)) == bool(p.search(text)), p.pattern


def test_a_pattern_skipped_for_its_characters_would_not_match_pool_lines():
    lines = list(_pool_lines(15))[::2]
    assert len(lines) > 300
    for p in _patterns():
        assert [bool(p.search(t)) for t in lines if not ind._may_match(p, set(t))] == \
            [False for t in lines if not ind._may_match(p, set(t))], p.pattern


def test_most_patterns_tell_their_first_characters():
    pats = _patterns()
    assert sum(ind._may_match(p, set()) for p in pats) < len(pats) / 2  # the rest are skipped in a text of none


def test_matching_rows_are_the_rows_a_search_finds():
    rows = ind.taxonomy()
    ind.know_first_chars()  # every row's first characters known, as after start-up
    for text in PHRASES:
        assert ind._matching(rows, text) == [i for i in rows if i.pattern.search(text)]


def test_the_rows_fitting_a_unit_have_their_first_characters_known(monkeypatch):
    monkeypatch.setattr(ind, "_FIRST_SETS", {})
    monkeypatch.setattr(ind, "_FITTING", [None, {}])
    rows = ind._fitting("万元", "<=")
    assert rows and all(p in ind._FIRST_SETS for i in rows for p in (i.pattern, i.scope) if p is not None)
    known = {p for i in rows for p in (i.pattern, i.scope)}  # two rows may share one compiled pattern
    assert not any(i.pattern in ind._FIRST_SETS for i in ind.taxonomy() if i not in rows and i.pattern not in known)
    ind.know_first_chars()
    assert all(p in ind._FIRST_SETS for i in ind.taxonomy() for p in (i.pattern, i.scope) if p is not None)


def test_a_case_blind_pattern_is_always_searched():
    assert ind._may_match(re.compile("abc", re.I), set("xyz"))


# a value's sentence (what `classify` searches scopes in) and the short texts its rows' patterns are searched in
SCOPED = [
    ("职工申请住房公积金贷款购买首套住房的〔#〕", "首套住房公积金贷款最高额度〔#〕"),
    ("对违反规定的单位处〔#〕罚款〔题〕关于工伤保险的通知", "处〔#〕罚款"),
    ("参加职业技能培训的给予培训补贴〔#〕", "培训补贴〔#〕元"),
    ("", "贷款期限最长〔#〕年"),
    ("abc〔#〕", "〔#〕"),
]
UNITS = [("万元", None), ("万元", "<="), ("%", ">="), ("元/人", None), ("年", None), ("个", None), (None, None)]


def _eager_scope(rows, scoped, titled):
    """The scope filter as a loop over every row (what `_Scoped` answers lazily)."""
    return [i for i in rows if i.scope is None or i.scope.search(titled if i.scope in ind._TITLED else scoped)]


@pytest.mark.parametrize("unit,comparator", UNITS)
def test_rows_beginning_at_a_texts_characters_are_those_each_rows_test_keeps(unit, comparator):
    rows = ind._fitting(unit, comparator)
    for text in PHRASES + [t for pair in SCOPED for t in pair] + list(_pool_lines(40))[:200]:
        chars = set(text)
        assert [rows[k] for k in ind._begin_here(rows, chars)] == [i for i in rows if ind._may_match(i.pattern, chars)]


@pytest.mark.parametrize("unit,comparator", UNITS)
@pytest.mark.parametrize("scoped,text", SCOPED)
def test_lazily_scoped_rows_are_the_rows_an_eager_scope_filter_keeps(unit, comparator, scoped, text):
    rows = ind._fitting(unit, comparator)
    titled = scoped + "〔题〕关于住房公积金的通知"
    eager = _eager_scope(rows, scoped, titled)
    assert ind._matching(ind._Scoped(rows, scoped, titled), text) == ind._matching(eager, text)
    lazy = ind._Scoped(rows, scoped, titled)
    assert [lazy.in_scope(i) for i in rows] == [i in eager for i in rows]
    assert list(lazy) == eager == list(lazy)  # iterated twice: the same rows


def test_the_beginnings_table_is_rebuilt_for_a_new_tuple_of_rows():
    rows = ind._fitting("万元", None)
    fewer = tuple(i for i in rows if "公积金" in i.pattern.pattern)
    assert fewer and len(fewer) < len(rows)
    text = "住房公积金贷款最高额度〔#〕"
    assert [fewer[k] for k in ind._begin_here(fewer, set(text))] == [i for i in fewer if ind._may_match(i.pattern, set(text))]


def test_a_rows_pattern_and_its_scope_are_searched_only_where_the_one_first_character_test_allows(monkeypatch):
    """`_may_match` is the test before every search of one row's pattern (a list of rows) or scope (`_Scoped`):
    where it says no, the row is not found even where its pattern or scope is written."""
    pairs = [(i, p) for i in ind.taxonomy() if i.scope is not None for p in PHRASES if i.scope.search(p)]
    assert pairs
    plain = [i for i in ind.taxonomy() if any(i.pattern.search(p) for p in PHRASES)]
    assert plain
    asked = []
    found = {id(i): ind._matching([i], p) for i in plain for p in PHRASES if i.pattern.search(p)}
    in_scope = [ind._Scoped((i,), p, p).in_scope(i) for i, p in pairs]
    assert all(found.values()) and all(in_scope)
    monkeypatch.setattr(ind, "_may_match", lambda pattern, chars: asked.append(pattern) or False)
    assert not any(ind._matching([i], p) for i in plain for p in PHRASES if i.pattern.search(p))
    assert not any(ind._Scoped((i,), p, p).in_scope(i) for i, p in pairs)
    assert {i.scope for i, _ in pairs} <= set(asked)
