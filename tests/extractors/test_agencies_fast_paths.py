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
