"""Numbers as written in Chinese texts → Python numbers (Arabic, Chinese numerals, 万/亿, 成)."""
from __future__ import annotations

import functools
import re

CN_NUM_CHARS = "〇零一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟"
_DIGIT_BY_DIGIT = re.compile(r"^[〇零一二三四五六七八九]+$")
_DIGITS = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0"}


def chinese_year(s: str) -> int | None:
    """二〇〇三 → 2003 (digit by digit), 一百零九 (ROC) → 109."""
    if _DIGIT_BY_DIGIT.match(s) and len(s) >= 2:
        return int("".join(_DIGITS[c] for c in s))
    return int(v) if (v := parse_number(s)) is not None else None


_SMALL_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}
# the common small numerals (三, 十二, 二十五, 三百零五, 四百六十) read here exactly as cn2an reads them (the tests
# compare every form this accepts); anything else goes to cn2an
_SMALL = re.compile(r"(?:([一二三四五六七八九])百(?:零([一二三四五六七八九])|([一二三四五六七八九])十([一二三四五六七八九])?)?"
                    r"|(?:([一二三四五六七八九])?(十))?([一二三四五六七八九])?|(零))")


# a unit without a digit (千, 百万) is no number: cn2an refuses it too
_UNITS_ONLY = re.compile(r"[百千万亿]+")


def is_bare_unit(s: str) -> bool:
    return bool(_UNITS_ONLY.fullmatch(s))


def small_number(s: str) -> int | None:
    """零 … 九百九十九 written in the usual way, else None."""
    m = _SMALL.fullmatch(s)
    if not m or not s:
        return None
    h, h_unit, h_tens, h_ones, tens, ten, ones, zero = m.groups()
    if zero:
        return 0
    d = _SMALL_DIGITS
    if h:
        return d[h] * 100 + (d[h_unit] if h_unit else 0) + (d[h_tens] * 10 + (d[h_ones] if h_ones else 0) if h_tens else 0)
    return ((d[tens] if tens else 1) * 10 if ten else 0) + (d[ones] if ones else 0)


_ALL_DIGITS = re.compile(r"[零一二三四五六七八九]{2,}")
_SCALED = re.compile(r"(?:([一二三四五六七八九])千|([一二三四五六七八九十百零]{1,5}))(万亿|万|亿)?")
_SCALES = {None: 1, "万": 10_000, "亿": 100_000_000, "万亿": 1_000_000_000_000}
# forms cn2an refuses: digits then 万/亿 (五六亿), units after the decimal point (四十七点三万亿)
_REFUSED = re.compile(r"[零一二三四五六七八九]{2,}(?:万亿|万|亿)|[零一二三四五六七八九十百千万亿]*点[零一二三四五六七八九十百千万亿点]*[十百千万亿][零一二三四五六七八九十百千万亿点]*")


def common_number(s: str) -> int | None | bool:
    """The usual Chinese numerals that cn2an reads, read here exactly as it reads them (the tests compare every
    form of each family with cn2an): digit by digit (一二 → 12), 1–999 or 一千…九千 times 万, 亿 or 万亿
    (二十万, 一百零五万, 五千亿); False for forms it refuses (五六亿, 四十七点三万亿); None for any other form,
    which cn2an reads. Most texts then never load cn2an (~0.3 s)."""
    if _ALL_DIGITS.fullmatch(s):
        return int("".join(_DIGITS[c] for c in s))
    m = _SCALED.fullmatch(s)
    if m:
        base = (_SMALL_DIGITS[m.group(1)] * 1000) if m.group(1) else small_number(m.group(2))
        if base and (m.group(1) or m.group(3)):  # a bare small number is small_number's
            return base * _SCALES[m.group(3)]
    if _REFUSED.fullmatch(s):
        return False
    return None


@functools.cache
def _cn2an():
    """cn2an's converter, imported at the first Chinese numeral (its import compiles patterns for ~0.5 s)."""
    import cn2an

    return cn2an.cn2an


@functools.lru_cache(maxsize=4096)  # the same few numerals (2024, 10, 一) come again and again
def parse_number(s: str) -> float | int | None:
    """'1,200' '1.5万' '一千零六十' '两' '十二' '八成'(→80) → number; None when it is not one."""
    s = s.strip().replace(",", "").replace("，", "")
    if not s:
        return None
    if s.endswith("成") and len(s) > 1:
        v = parse_number(s[:-1])
        return None if v is None else v * 10
    try:
        v = float(s)
        return int(v) if v.is_integer() and "." not in s else v
    except ValueError:
        pass
    small = small_number(s.replace("两", "二"))
    if small is not None:
        return small
    if is_bare_unit(s):
        return None
    common = common_number(s.replace("两", "二"))
    if common is not None:
        return None if common is False else common
    try:
        v = _cn2an()(s.replace("两", "二"), "smart")
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    return int(v) if float(v).is_integer() else float(v)
