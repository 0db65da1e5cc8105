"""The non-quantity rules sorted out per unit give the rules the plain filter gives, in the data's order."""
from __future__ import annotations

import pytest

from extractors import refdata
from extractors.skips import _rules_for, rules, skips_value


def _units() -> list[str]:
    units = [ln.strip() for ln in refdata.data_path("units.txt").read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    return units + [u + "/年" for u in units[:20]] + ["万元", "亿元", "元/人/年", "成", "个月", "个季度", "平方米", "xyz"]


def test_the_rules_for_a_unit_are_the_rules_the_plain_filter_keeps():
    for unit in _units():
        for digits in (True, False):
            plain = tuple(r for r in rules() if r.where != "title" and not (
                (r.unit is not None and not r.unit.fullmatch(unit)) or (r.chinese_only and digits)))
            assert _rules_for(unit, digits) == plain, (unit, digits)
            assert _rules_for(unit, digits) is _rules_for(unit, digits)  # sorted out once


@pytest.mark.parametrize(("text", "number", "unit", "skipped"), [
    ("服务热线：800小时内回复。", "800", "小时", True),
    ("办事大厅提供24小时（全天候）服务。", "24", "小时", True),
    ("申请表一式三份，报送区住建局。", "三", "份", True),
    ("本市新增城镇就业8万人以上。", "8", "万人", False),
])
def test_values_are_skipped_as_the_data_says(text, number, unit, skipped):
    start = text.index(number + unit)
    rule = skips_value(text, start, start + len(number + unit), number, unit)
    assert (rule is not None) == skipped, rule
