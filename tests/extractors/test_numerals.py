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


def _cn2an_reads(form: str):
    """What parse_number makes of cn2an's answer: its number, or False where it refuses the form."""
    import cn2an

    try:
        v = cn2an.cn2an(form, "smart")
    except (ValueError, KeyError, IndexError, TypeError):
        return False
    return int(v) if float(v).is_integer() else float(v)


def common_forms() -> list[str]:
    """Every short string of numerals, units and 点, and each family the short path reads at any length."""
    import itertools

    forms = {"".join(t) for n in (1, 2, 3) for t in itertools.product("零一二三四五六七八九十百千万亿点", repeat=n)}
    for base in [*small_forms(), *(d + "千" for d in DIGITS)]:
        forms |= {base, base + "万", base + "亿", base + "万亿"}
    for n in (2, 3, 4):
        for t in itertools.product("零一五九", repeat=n):
            forms |= {"".join(t), "".join(t) + "万", "".join(t) + "亿", "".join(t) + "万亿", "".join(t) + "点五"}
    forms |= {"四十七点三万亿", "一点二十", "三点五万", "十二点五", "零点零五", "一百二十点三亿", "三十点五"}
    return sorted(forms)


def test_the_common_forms_read_as_cn2an_reads_them():
    from extractors.numerals import common_number

    answered = 0
    for form in common_forms():
        got = common_number(form)
        if got is None:
            continue  # left to cn2an
        answered += 1
        assert got == _cn2an_reads(form) and type(got) is type(_cn2an_reads(form)), form
    assert answered >= 5000


@pytest.mark.parametrize(("text", "expected"), [
    ("二十万", 200000), ("一百零五万", 1050000), ("五千亿", 500000000000), ("十万亿", 10 ** 13), ("一二", 12),
    ("两万亿", 2 * 10 ** 12), ("五六亿", None), ("四十七点三万亿", None), ("三点五", 3.5), ("十一万三", 113000),
])
def test_common_numbers_as_written(text, expected):
    assert parse_number(text) == expected
