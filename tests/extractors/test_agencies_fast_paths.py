"""The agency reader's fast paths give what the plain loops they stand in for give: the division named before
an offset tried only at the lengths of names that end with its last two characters."""
from __future__ import annotations

import pytest

from extractors import agencies as ag
from extractors.regions import gazetteer
from tests.conftest import pool_normalized_texts

TEXTS = [
    "北京市朝阳区人民政府、上海市浦东新区财政局和杭州市场监管局联合印发。",
    "县乡村振兴局和县农业农村局、礼县教育局，和县人民政府。",
    "内蒙古自治区呼和浩特市住房和城乡建设局；新疆维吾尔自治区乌鲁木齐市。",
    "西城区教育委员会、大同市城区、郊区、矿区，某某县委办公室。",
    "区",
    "",
]


def _plain(text: str, end: int, gaz):
    """`_division_before` trying every length from the longest name down."""
    for ln in range(min(gaz.max_len, end), 1, -1):
        w = text[end - ln:end]
        if w in gaz.full and (ln > 2 or end - ln == 0 or text[end - ln - 1] in ag._DELIM | {"、"}):
            return end - ln, gaz.full[w]
    return None


@pytest.mark.parametrize("text", TEXTS)
def test_division_before_equals_every_length_tried(text):
    gaz = gazetteer()
    for end in range(len(text) + 1):
        assert ag._division_before(text, end, gaz) == _plain(text, end, gaz), end


def test_division_before_equals_every_length_tried_on_pool_pages():
    gaz = gazetteer()
    found = 0
    for text in pool_normalized_texts(10):
        for end in range(len(text) + 1):
            got = ag._division_before(text, end, gaz)
            assert got == _plain(text, end, gaz)
            found += got is not None
    assert found > 200


DEPARTMENT_TEXTS = TEXTS + [
    "市发展改革、公安、财政等部门按职责分工负责；县财政部门、市人社主管部门和省住房城乡建设行政主管部门。",
    "由区财政统筹，市林业和园林局、县住房保障和城乡建设局、部际联席会议办公室和省领导小组办公室。",
    "以人民为中心，县城中心，等有关单位，主管部，部门",
]


@pytest.mark.parametrize("pattern", ["_DEPT_CLOSE", "_BODY_END"])
def test_department_and_body_ends_are_found_where_the_plain_scan_finds_them(pattern):
    """The list closers (等部门) and body endings (局, 委员会) are tried only at their first characters: the same
    matches as a scan of every position, on written sentences and pool pages."""
    from extractors.scan import first_char_finditer, first_chars

    rx = getattr(ag, pattern)
    assert first_chars(rx) is not None  # the fast path is taken
    texts = DEPARTMENT_TEXTS + list(pool_normalized_texts(20))
    for text in texts:
        assert [m.span() for m in first_char_finditer(rx, text)] == [m.span() for m in rx.finditer(text)]


class _EveryLength(dict):
    """A table of name lengths that offers every length from 6 down for any ending: the plain loop."""

    def get(self, key, default=None):
        return (6, 5, 4, 3, 2)


PREFIX_TEXTS = TEXTS + ["重庆住房公积金管理中心、合肥供电局、海南省财政厅、常州市场监管局", "在江阴、张家港和常熟三地的分行",
                        "北京住房公积金管理委员会办公室", "某某xx市自然资源局"]


def test_a_short_place_before_a_body_is_tried_only_at_the_lengths_of_names_ending_there(monkeypatch):
    gaz = gazetteer()
    texts = PREFIX_TEXTS + list(pool_normalized_texts(20))
    fast = [[ag._prefix(t, s, gaz) for s in range(len(t) + 1)] for t in texts]
    monkeypatch.setattr(gaz, "short_lengths_by_ending", lambda: _EveryLength())
    assert fast == [[ag._prefix(t, s, gaz) for s in range(len(t) + 1)] for t in texts]
    assert sum(p.place is not None for ps in fast for p in ps) > 10


def test_the_short_endings_table_holds_every_short_names_length():
    gaz = gazetteer()
    table = gaz.short_lengths_by_ending()
    for names in (gaz.short, gaz.ambiguous_short):
        for w in names:
            if 2 <= len(w) <= 6:
                assert len(w) in table[w[-2:]], w
    assert table is gaz.short_lengths_by_ending()
