"""Commitment shapes of extractors/commitments.py: ranges whose upper end was lost (a repeated lower end in
brackets, the measured material before 以上, a line break inside the range), per-units written after the
sum (元/每平方米, 元/本), and worked examples, which illustrate and set nothing."""
from __future__ import annotations

import pytest

from extractors.commitments import find_commitments
from extractors.normalize import normalize


def found(text: str, **kw):
    t = normalize(text).text
    return find_commitments(t, t, **kw)


@pytest.mark.parametrize("text,value,value_max,unit", [
    ("超出核定用量2至3倍的部分，加价收费。", 2, 3, "倍"),
    ("超过定额5倍（含5倍）至6倍的，按三级价格计收。", 5, 6, "倍"),
    ("超过定额5 倍（含 5 倍）至 6 倍的，按三级价格计收。", 5, 6, "倍"),
    ("年排放量20至40吨的单位，按季度申报。", 20, 40, "吨"),
    ("年耗能二十吨标准煤以上五十吨（含）的单位，纳入重点监管。", 20, 50, "吨"),
    ("处合同金额2‰至3‰的罚款。", 2, 3, "‰"),
    ("处合同金额2‰以上\n3‰以下的罚款。", 2, 3, "‰"),   # the range broken by a line of a PDF
    ("处以罚款2万元至\n4万元。", 2, 4, "万元"),
    ("审核工作应在7至15个工作日内完成。", 7, 15, "个工作日"),
])
def test_ranges_keep_their_upper_end(text, value, value_max, unit):
    (c,) = found(text)
    assert (c.value, c.value_max, c.unit) == (value, value_max, unit)


# two bounds of one measure side by side are one range, whichever comes first
@pytest.mark.parametrize("text,value,value_max,unit", [
    ("套型面积小于180平方米、大于或等于120平方米的住宅。", 120, 180, "平方米"),
    ("层高大于2.2米且不超过3.6米的部分。", 2.2, 3.6, "米"),
    ("贷款额度不低于10万元，不超过60万元的部分。", 10, 60, "万元"),
])
def test_bounds_side_by_side_make_a_range(text, value, value_max, unit):
    (c,) = found(text)
    assert (c.value, c.value_max, c.unit) == (value, value_max, unit)


@pytest.mark.parametrize("text,values", [
    # a line that ends with 以上 and a next line with its own 以上 are two tiers, not a range
    ("年营收1亿元以上\n5亿元以上的企业另行奖励。", [(1, None), (5, None)]),
    # a range needs the same unit on both ends
    ("补贴3万元以上\n5年以下的贷款。", [(3, None), (5, None)]),
    # a dash at a line's end separates cells of a flattened table
    ("本区 5%-8%外区 70%-\n20% 其他", [(5, 8), (70, None), (20, None)]),
])
def test_line_breaks_do_not_make_false_ranges(text, values):
    assert [(c.value, c.value_max) for c in found(text)] == values


@pytest.mark.parametrize("text,values", [
    ("首付比例不低于20%，贷款利率不高于4%。", [(20, None), (4, None)]),   # two measures
    ("面积大于90平方米、小于60平方米的除外。", [(90, None), (60, None)]),   # no range between them
])
def test_bounds_of_different_measures_stay_apart(text, values):
    assert [(c.value, c.value_max) for c in found(text)] == values


@pytest.mark.parametrize("text,value,unit", [
    ("对多孩家庭购房按300元/每平方米给予补助。", 300, "元/平方米"),
    ("补领证书只收取工本费15元/本。", 15, "元/本"),
    ("租赁补贴标准为20元/每平方米/月。", 20, "元/平方米/月"),
    ("申领证件收取费用8元/证。", 8, "元/证"),
])
def test_per_units_written_after_the_sum(text, value, unit):
    (c,) = found(text)
    assert (c.value, c.unit) == (value, unit)


@pytest.mark.parametrize("text", [
    "以贷款80万元、期限25年、利率3.5%计算，月供可减少约200元。",
    "假设购房者贷款150万元，调整后每月可少还600元。",
    "以一套总价120万元的住房为例，首付比例下调后可少付12万元。",
])
def test_worked_examples_are_not_commitments(text):
    cs = found(text)
    assert cs and all(c.kind == "reported" for c in cs)


@pytest.mark.parametrize("text,kind", [
    ("贴息资金按贷款额的2%计算，由市财政承担。", "provision"),    # 按…计算 in a rule, no buyer's result
    ("补贴标准按每平方米100元计算，最高不超过3万元。", "provision"),
])
def test_calculation_rules_stay_provisions(text, kind):
    assert {c.kind for c in found(text)} == {kind}
