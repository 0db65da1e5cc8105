"""The shared shapes of printed dates and times of day (extractors/stamps.py), and the readers' patterns built
from them."""
from __future__ import annotations

import re

import pytest

from extractors import commitments, metadata, noise, stamps, structure, titles, widgets


def _whole(pattern: str, s: str) -> bool:
    return re.fullmatch(pattern, s) is not None


@pytest.mark.parametrize("text, space, joiners, expected", [
    ("2024-03-18", "", stamps.ANY_JOINERS, True),
    ("2024/3/8", "", stamps.ANY_JOINERS, True),
    ("2024.03.18", "", stamps.ANY_JOINERS, True),
    ("2024年3月18", "", stamps.ANY_JOINERS, True),
    ("2024年3-18", "", stamps.ANY_JOINERS, True),  # joiners mixed, as careless pages mix them
    ("2024年3月18日", "", stamps.ANY_JOINERS, False),  # the day's 日 is the caller's
    ("2024 - 3 - 18", "", stamps.ANY_JOINERS, False),
    ("2024 - 3 - 18", r"\s*", stamps.ANY_JOINERS, True),
    ("2024 年 3 月 18", r"\s*", stamps.ANY_JOINERS, True),
    ("1899-03-18", "", stamps.ANY_JOINERS, False),  # a year of this century or the last only
    ("2124-03-18", "", stamps.ANY_JOINERS, False),
    ("24-03-18", "", stamps.ANY_JOINERS, False),
    ("2024-003-18", "", stamps.ANY_JOINERS, False),
    ("2024-03", "", stamps.ANY_JOINERS, False),
    ("2024/03/18", "", stamps.NUMERIC_JOINERS, True),
    ("2024年3月18", "", stamps.NUMERIC_JOINERS, False),
    ("2024-03-18", "", stamps.HYPHENS, True),
    ("2024/03/18", "", stamps.HYPHENS, False),
    ("2024年3月18", "", stamps.WRITTEN_JOINERS, True),
    ("2024-3-18", "", stamps.WRITTEN_JOINERS, False),
])
def test_a_full_date(text, space, joiners, expected):
    assert _whole(stamps.full_date(space, joiners), text) is expected


@pytest.mark.parametrize("text, expected", [
    ("2024-03-18", True),
    ("2024 / 3 / 18", True),
    ("2024年3月18日", True),
    ("2024 年 3 月 18 日", True),
    ("2024年3月18", True),  # its 日 may be left out
    ("2024年3-18", False),  # one way throughout
    ("2024-3月18日", False),
    ("2024-03-18日", False),
])
def test_a_date_written_one_way_throughout(text, expected):
    assert _whole(stamps.paired_date(r"\s*"), text) is expected


@pytest.mark.parametrize("text, expected", [
    ("9:30", True), ("09:30", True), ("09:30:05", True), ("09:3", False), ("093:30", False), ("09:30:5", False),
])
def test_a_time_of_day(text, expected):
    assert _whole(stamps.TIME, text) is expected
    assert _whole(stamps.CLOCK, text) is (expected and text.count(":") == 1)


@pytest.mark.parametrize("line, stamp", [
    ("2024-03-18 09:30 来源：某某网", "2024-03-18 09:30"),
    ("2024年3月18日 9:30", "2024年3月18日 9:30"),
    ("2024/3/18\t09:30:05", "2024/3/18\t09:30"),  # the minutes close the stamp; its seconds are the caller's
    ("2024年3月18日09:30", None),  # a space before the time of day
    ("2024年3月18日 来源：某某网", None),  # a date alone
    ("发布时间：2024-03-18 09:30", None),  # at the head of the line only
])
def test_a_news_stamp_heads_its_line(line, stamp):
    m = re.match(stamps.NEWS_STAMP, line)
    assert (m.group() if m else None) == stamp


# every reader's pattern built from the shared shapes, with a line it takes and one it leaves
@pytest.mark.parametrize("pattern, takes, leaves", [
    (titles._STAMP, "2024-03-18 09:30 星期一", "某某新闻 2024-03-18 09:30"),
    (titles._TITLE_LEADING_DATE, "2024-03-18 09:30:05 关于某某的通知", "2024年3月18日 关于某某的通知"),
    (structure._NEWS_STAMP, "\n 2024年3月18日 09:30 某某报", "某某报 2024年3月18日 09:30"),
    (structure._STAMP_LINE, "（ 2024 年 7 月 12 日 ）", "来源：某某网 2024-07-12"),
    (metadata._BARE_STAMP, "某某新闻 2024年3月18日 星期一", "某某新闻 2024-03-18 第3版"),
    (noise._DATE_LINE, "【2024-03-18 09:30】", "2024-03-18 某某新闻"),
    (noise._LIST_ITEM_DATE, "某某小区开展供热整治行动 2024-03-18", "某某小区开展供热整治行动"),
    (widgets._TICKER, "2024/03/18 09:30 某某快讯", "2024年3月18日 09:30 某某快讯"),
    (widgets._TEASER, "· 某某新闻标题一则 2024-03-18某某", "· 某某新闻标题一则 2024/03/18某某"),
    (commitments._BARE_STAMP, "\u30002026/07/15 09:15:30 ", "2026-07-15 09:15 某某新闻"),
])
def test_the_readers_patterns_built_from_the_shared_shapes(pattern, takes, leaves):
    whole = pattern is commitments._BARE_STAMP  # a stamp alone on its line: the whole line
    assert (pattern.fullmatch(takes) if whole else pattern.search(takes)) is not None
    assert (pattern.fullmatch(leaves) if whole else pattern.search(leaves)) is None
