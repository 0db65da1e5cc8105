"""The shapes of the dates and times of day that pages print in their heads, datelines, feeds and lists
(2024-03-18 09:30, 2024/3/18, 2024年3月18日 09:30:05): one definition of the parts, from which each reader builds
the pattern it needs (metadata, noise, structure, titles, widgets, commitments)."""
from __future__ import annotations

YEAR = r"(?:19|20)\d{2}"
# a time of day: 9:30, 09:30; with its seconds (`TIME`): 09:30:05
CLOCK = r"\d{1,2}:\d{2}"
TIME = CLOCK + r"(?::\d{2})?"

# what joins a date's year to its month and its month to its day
ANY_JOINERS = ("[-/.年]", "[-/.月]")  # - / . or 年 月, mixed as careless pages mix them (2024年3-18)
NUMERIC_JOINERS = ("[-/.]", "[-/.]")  # 2024-03-18, 2024/3/18, 2024.3.18
HYPHENS = ("-", "-")  # 2024-03-18 only
WRITTEN_JOINERS = ("年", "月")  # 2024年3月18 (its 日 left to the caller)


def full_date(space: str = "", joiners: tuple[str, str] = ANY_JOINERS) -> str:
    """A full date, year, month and day, with `space` allowed around the `joiners` (the day's 日, if any, left to
    the caller): 2024-03-18, 2024年3月18."""
    year_month, month_day = joiners
    return rf"{YEAR}{space}{year_month}{space}\d{{1,2}}{space}{month_day}{space}\d{{1,2}}"


def paired_date(space: str = "") -> str:
    """A full date written one way throughout: - / . between its parts (2024-03-18), or 年 月 and an optional 日
    (2024年3月18日), `space` allowed around them."""
    return (rf"{YEAR}{space}(?:[-/.]{space}\d{{1,2}}{space}[-/.]{space}\d{{1,2}}"
            rf"|年{space}\d{{1,2}}{space}月{space}\d{{1,2}}{space}日?)")


# a news story's stamp: its date and, after a space, the time of day it was filed (2024-03-18 09:30,
# 2024年3月18日 09:30); what follows the minutes is left to the caller
NEWS_STAMP = full_date() + r"日?\s+" + CLOCK
