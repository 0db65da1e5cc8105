"""A page's byline is read once per text however many readers ask, and is what a fresh reading gives."""
from __future__ import annotations

import pytest

from extractors import regions

PAGES = [
    "来源：某某县人民政府办公室 发布时间：2024-01-02\n正文。\n主办单位：某某县人民政府 地址：某某路1号",
    "某某日报 2018-11-20 09:26\n记者 某某 报道。",
    "稿件来源：某某市住房和城乡建设局、某某网\n版权所有：某某市人民政府 技术支持：某某公司",
    "",
]


@pytest.mark.parametrize("page", PAGES)
def test_byline_asked_twice_is_the_fresh_reading(page):
    first = regions.byline(page)
    assert regions.byline(page) is first
    assert first == regions._read_byline(page)


def test_another_text_gets_its_own_byline():
    a, b = PAGES[0], PAGES[2]
    assert regions.byline(a) == regions._read_byline(a)
    assert regions.byline(b) == regions._read_byline(b) != regions._read_byline(a)
    assert regions.byline(a) == regions._read_byline(a)
