from __future__ import annotations

import datetime as dt

import pytest

from extractors.dates import find_dates, signature_dates
from extractors.normalize import normalize

REF = dt.date(2024, 3, 18)


def one(text: str, ref=REF):
    found = find_dates(normalize(text).text, ref)
    assert found, text
    d = found[0]
    return d.kind, d.start_date, d.end_date


@pytest.mark.parametrize("text,kind,start,end", [
    ("2024年7月29日印发", "event", "2024-07-29", "2024-07-29"),
    ("2024-07-29", "event", "2024-07-29", "2024-07-29"),
    ("2024/07/29", "event", "2024-07-29", "2024-07-29"),
    ("2024.07.29", "event", "2024-07-29", "2024-07-29"),
    ("二〇一〇年三月九日", "event", "2010-03-09", "2010-03-09"),
    ("二O一O年三月九日", "event", "2010-03-09", "2010-03-09"),
    ("二零一零年三月九日", "event", "2010-03-09", "2010-03-09"),
    ("２０２４年７月２９日", "event", "2024-07-29", "2024-07-29"),
    ("中华民国一百零九年一月十五日", "event", "2020-01-15", "2020-01-15"),
    ("自一百零二年七月二十三日起", "effective", "2013-07-23", "2013-07-23"),
    ("3月27日召开", "event", "2024-03-27", "2024-03-27"),
    ("自2024年4月1日起施行", "effective", "2024-04-01", "2024-04-01"),
    ("到2025年，覆盖率达到90%", "deadline", None, "2025-12-31"),
    ("2026年年底前建成", "deadline", None, "2026-12-31"),
    ("年底前完成", "deadline", None, "2024-12-31"),
    ("年内完成", "deadline", None, "2024-12-31"),
    ("5月底之前报送", "deadline", None, "2024-05-31"),
    ("今年新增", "period", "2024-01-01", "2024-12-31"),
    ("明年实现全覆盖", "period", "2025-01-01", "2025-12-31"),
    ("比去年增长", "period", "2023-01-01", "2023-12-31"),
    ("上半年完成", "period", "2024-01-01", "2024-06-30"),
    ("第一季度", "period", "2024-01-01", "2024-03-31"),
    ("2024—2026年", "period", "2024-01-01", "2026-12-31"),
    ("2024年10月至2025年3月", "period", "2024-10-01", "2025-03-31"),
    ("2024年10月—12月", "period", "2024-10-01", "2024-12-31"),
    ("“十四五”期间", "period", "2021-01-01", "2025-12-31"),
    ("“十四五”末", "deadline", None, "2025-12-31"),
    ("2022年4月", "event", "2022-04-01", "2022-04-30"),
])
def test_forms(text, kind, start, end):
    assert one(text) == (kind, start, end)


def test_relative_forms_need_a_reference_date():
    assert find_dates("年底前完成，3月27日召开", None) == []


def test_signature_date_is_the_standalone_one():
    text = normalize("现印发给你们。\n某市人民政府\n2024年3月18日\n自2024年4月1日起施行。").text
    sig = signature_dates(text, find_dates(text, None))
    assert [d.start_date for d in sig] == ["2024-03-18"]
