"""Chinese numerals: the small ones read without cn2an give exactly cn2an's value; the rest go to cn2an."""
from __future__ import annotations

import pytest

from extractors.numerals import is_bare_unit, parse_number, small_number

DIGITS = "一二三四五六七八九"


def small_forms() -> list[str]:
    """Every way of writing 0–999 that the short path may meet, and near misses it must leave to cn2an."""
    forms = {"零", "十", "一二", "十十", "百", "二百零", "三百一", "零五", "五十零"}
    for a in ["", *DIGITS]:
        for b in ["", *DIGITS]:
            forms |= {a + b, a + "十" + b}
    for h in DIGITS:
        forms.add(h + "百")
        for o in DIGITS:
            forms.add(h + "百零" + o)
        for t in DIGITS:
            forms |= {h + "百" + t + "十", *(h + "百" + t + "十" + o for o in DIGITS)}
    return sorted(forms - {""})


def test_every_small_numeral_reads_as_cn2an_reads_it():
    import cn2an

    read = 0
    for form in small_forms():
        got = small_number(form)
        if got is None:
            continue
        read += 1
        assert got == cn2an.cn2an(form, "smart") and type(got) is int, form
    assert read >= 1000  # 0–999 and the short forms of 10–19


def test_a_unit_without_a_digit_is_refused_as_cn2an_refuses_it():
    import itertools

    import cn2an

    for n in (1, 2, 3):
        for form in map("".join, itertools.product("百千万亿", repeat=n)):
            assert is_bare_unit(form)
            with pytest.raises(ValueError):
                cn2an.cn2an(form, "smart")
            assert parse_number(form) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("三", 3), ("两", 2), ("十二", 12), ("二十", 20), ("三百零五", 305), ("四百六十", 460), ("九百九十九", 999),
    ("一千零六十", 1060), ("1.5万", 15000), ("1,200", 1200), ("八成", 80), ("两万", 20000), ("十一万三", 113000),
    ("abc", None), ("", None), ("千", None), ("百万", None), ("一百万", 1000000),
])
def test_numbers_as_written(text, expected):
    assert parse_number(text) == expected
