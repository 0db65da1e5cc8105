"""Comparators and kinds of the classes a precision audit of the pool found wrong: a strict comparison that 以上
repeats, the length of a window of records, the factor of a cap, a cap changed again in a second clause, a bound
after a bracket note and the measured material, news retold from another report, a goal about a benefit's money,
the day an age is counted on, and a count that closes a list of names. Sentences written for these tests."""
from __future__ import annotations

import pytest

from extractors.commitments import find_commitments
from extractors.normalize import normalize


def found(text: str, **kw):
    t = normalize(text).text
    return [(c.value, c.unit, c.comparator, c.kind, c.year) for c in find_commitments(t, t, **kw)]


@pytest.mark.parametrize("text,value,comparator", [
    # 超过…以上: the comparison before the number is strict; 以上 only says it again
    ("超过2次以上转让的委托书，不予受理。", 2, ">"),
    ("对罚款金额高于5万元以上的案件，应当集体讨论。", 5, ">"),
    ("申请人数少于3人以下的，不予开班。", 3, "<"),
    # …but 及以上 takes the bound in, and a negated comparison is a limit
    ("利率超出基准2个百分点及以上的，应当调整。", 2, ">="),
    ("罚款金额5万元以上的案件，应当集体讨论。", 5, ">="),
    ("单笔贷款不超过30万元的，可以简易办理。", 30, "<="),
])
def test_a_strict_comparison_said_again_by_its_closing_word(text, value, comparator):
    (c,) = [x for x in found(text) if x[0] == value]
    assert c[2] == comparator


@pytest.mark.parametrize("text,value,comparator", [
    # the records of a window (近6个月的流水) cover all of it: its length, not a limit
    ("申请人月收入根据其提供的近6个月的工资流水确定。", 6, "="),
    # a window whose years are named (近3年（2022年-2024年）) is fixed: its length
    ("近3年（2022年-2024年）未在本市举办过的展会，可申请补贴。", 3, "="),
    ("借款人近12个月（不含当月）的缴存明细应当连续。", 12, "="),
    ("月均余额按申请时近3个月的账户余额平均计算。", 3, "="),
    # a look-back window with no 内 is its length too (as the gold reads 最近三年未发生…); 内 makes it a limit on when
    ("借款人近2年累计逾期6次以上的，不予贷款。", 2, "="),
    ("近3年内发生重大事故的企业不得参加。", 3, "<="),
])
def test_a_window_of_records_is_its_length(text, value, comparator):
    (c,) = [x for x in found(text) if x[0] == value]
    assert c[2] == comparator


@pytest.mark.parametrize("text,expected", [
    # the factor that sets a cap is a plain figure, and so is every figure of its list
    ("各类人才贷款限额倍数分别为5倍、4倍和2倍。", [(5, "="), (4, "="), (2, "=")]),
    ("贷款上限系数为1.5倍。", [(1.5, "=")]),
    # a cap listed for several groups stays a cap
    ("贷款最高额度分别为60万元、80万元。", [(60, "<="), (80, "<=")]),
])
def test_the_factor_of_a_cap_is_no_cap(text, expected):
    assert [(v, cmp) for v, _, cmp, _, _ in found(text)] == expected


@pytest.mark.parametrize("text,expected", [
    # a cap raised, then raised again for a group in a clause of its own: the same cap
    ("二套最高贷款额度从50万元提高至60万元，多孩家庭上浮额度可叠加，从70万元提高至80万元；", [(60, "<="), (80, "<=")]),
    # a clause that changes another measure keeps its own reading
    ("最高贷款额度从50万元提高至60万元，首付比例从30%降低至20%。", [(60, "<="), (20, "=")]),
])
def test_a_cap_changed_again_in_a_second_clause(text, expected):
    assert [(v, cmp) for v, _, cmp, _, _ in found(text)] == expected


@pytest.mark.parametrize("text,comparator", [
    ("年耗能五吨（含）标准煤以下的单位，免于申报。", "<="),
    ("年耗能八十吨（含）标准煤以上的单位，纳入重点监管。", ">="),
    ("组织150家企业及以上参展的，给予奖励。", ">="),
])
def test_a_bound_after_the_measured_material(text, comparator):
    assert found(text)[0][2] == comparator


@pytest.mark.parametrize("text,kind", [
    # news that retells another report or a rumour: what banks did, not a rule of the text
    ("记者获悉，有媒体报道称，多家银行已在3月上调房贷利率，利率分别为4.2%及4.6%。", "reported"),
    ("记者了解到，市场近日传出消息，部分银行将二套房首付比例降至35%。", "reported"),
    # accrued interest (应计未付利息) is an accounting term, no modal
    ("记者获悉，公告显示，债权人持有的应计未付利息总额为2.5亿美元。", "reported"),
    # a rule that news reports in its own words stays a rule
    ("记者获悉，新政规定首套住房首付比例不低于15%。", "provision"),
])
def test_news_retold_from_another_report(text, kind):
    assert {k for _, _, _, k, _ in found(text, news=True)} == {kind}


@pytest.mark.parametrize("text,kind", [
    # a goal about a benefit's money (力争…争取上级补助资金) is a goal; a benefit a goal sentence grants stays a provision
    ("力争全年争取上级补助资金20亿元以上。", "target"),
    ("力争对符合条件的企业给予补助5万元。", "provision"),
])
def test_a_goal_about_a_benefits_money(text, kind):
    assert found(text)[0][3] == kind


def test_the_day_an_age_is_counted_on_is_no_year():
    ((value, unit, comparator, kind, year),) = found("随迁子女的年龄计算为：截至2024年9月1日不满16周岁。")
    assert (value, unit, comparator, kind, year) == (16, "周岁", "<", "provision", None)


@pytest.mark.parametrize("text,values", [
    # a description naming things closes its list with their number: not a quantity
    ("贷款渠道主要为甲银行、乙银行等5个国有银行。", []),
    ("合作机构包括甲公司、乙公司等3家担保机构。", []),
    # a list before a goal or a rule keeps its count
    ("力争年内建成公园、大桥、市民中心等12个基础设施项目。", [12]),
    ("对空调、冰箱等8类产品给予补贴。", [8]),
])
def test_a_count_closing_a_list_of_names(text, values):
    assert [v for v, *_ in found(text)] == values


def test_other_places_figures_cited_for_comparison_are_no_rules():
    text = ("本市调整后的最高贷款额度与周边城市相当：甲市单职工最高贷款额度为60万元，双职工为100万元；乙市单职工50万元，"
            "双职工90万元。本市首套住房最高贷款额度调整为80万元。")
    assert [(v, k) for v, _, _, k, _ in found(text)] == [
        (60, "reported"), (100, "reported"), (50, "reported"), (90, "reported"), (80, "provision")]


@pytest.mark.parametrize("text", [
    # a condition (…5年以上，…的所得) of a tax exemption is a rule, whatever goal the section named before
    "确保房价控制目标总体一致。对个人转让自用5年以上，并且是家庭唯一住房取得的所得，继续免征个人所得税。",
    "实现工作目标。对企业持有2年以上的，减半征收印花税。",
])
def test_a_condition_of_a_tax_exemption_is_a_provision(text):
    assert [k for _, _, _, k, _ in found(text)] == ["provision"]


@pytest.mark.parametrize("text,kind", [
    # the caps a list states under 目前…最高额度为： are today's rule, not a result
    ("目前本市住房公积金贷款的最高贷款额度为：首次使用住房公积金贷款，购买首套住房均为40万元/人、80万元/户。", "provision"),
    # a count a sentence reports with 目前 and no bound stays a result
    ("目前全市共有12家银行开展此项业务。", "reported"),
])
def test_values_of_a_list_a_cap_introduces_are_limits(text, kind):
    assert {k for _, _, _, k, _ in found(text)} == {kind}


@pytest.mark.parametrize("text", [
    "会议全面总结了今年工作和新时代10年的伟大变革。",
    "过去是极不平凡的五年，全县经济持续向好。",
])
def test_a_span_of_years_a_review_names_is_no_quantity(text):
    assert found(text) == []


@pytest.mark.parametrize("text,comparator", [
    # what a rule allows a level to be extended or raised to is the most it may be
    ("住房公积金贷款期限可延至借款人法定退休年龄后3年。", "<="),
    ("贷款期限延长至5年。", "="),   # a change made, no permission
])
def test_a_level_a_rule_allows_is_a_cap(text, comparator):
    assert found(text)[0][2] == comparator


@pytest.mark.parametrize("text,expected", [
    # a ratio a rule bounds with a bare number: a provision with no unit; (含等于) takes the bound in
    ("对登记购房人数与可售房源数之比大于（含等于）1.5的热点楼盘，实行摇号销售。", [(1.5, "", ">=", "provision", None)]),
    ("当个贷率与存款之比超过0.9时，暂停受理。", [(0.9, "", ">", "provision", None)]),
    # a ratio a text only states sets nothing; a ratio of two parts (1:2) is no bound
    ("新房与二手房成交量之比为1.2，市场平稳。", []),
    ("两者之比为1:2。", []),
])
def test_a_bare_ratio_a_rule_bounds(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a plot ratio (容积率) has no unit: a rule's bound or level in prose is a provision with none
    ("新建住宅项目容积率不大于2.8，建筑密度不大于25%。", [(2.8, "", "<=", "provision", None), (25, "%", "<=", "provision", None)]),
    ("低层住宅小区容积率在1.2（含）以上的，可申请调整。", [(1.2, "", ">=", "provision", None)]),
    ("地下车库顶板覆土的部分，容积率按0.5计算。", [(0.5, "", "=", "provision", None)]),
    ("容积率小于1.0的，暂缓办理。", [(1.0, "", "<", "provision", None)]),
    # a share or a bonus of plot ratio keeps its unit and reads once
    ("执行二星级绿色建筑标准的项目，在容积率计容上给予2%奖励。", [(2, "%", "=", "provision", None)]),
    # cells of a land table one a line, under a heading cell 容积率: each bound a provision with the cell's label
    ("出让年限\n容积率\n参考地价(万元/亩)\n1\n某路以东地块\n居住：≤2.4；商业：≤1.5\n2\n某路以西地块\n≤3.0\n",
     [(2.4, "", "<=", "provision", None), (1.5, "", "<=", "provision", None), (3.0, "", "<=", "provision", None)]),
    ("出让年限\n容积率\n1\n某路以东地块\nA地块≤2.3；B地块≤2.1\n", [(2.3, "", "<=", "provision", None), (2.1, "", "<=", "provision", None)]),
    # a bound cell with no heading 容积率 above it says nothing of what it bounds
    ("序号\n地块\n1\n某路以东地块\n≤3.0\n", []),
])
def test_a_plot_ratio_has_no_unit(text, expected):
    assert found(text) == expected


def test_a_plot_ratio_column_of_a_table_given_one_row_a_line():
    from extractors.commitments import find_commitments
    t = normalize("| 地块名称 | 规划用途 | 容积率 |\n| 甲地块 | 居住 | 居住：≤2.2；教育：≤1 |\n| 乙地块 | 居住 | ≤1.8 |\n"
                  "| 丙地块 | 商住 | 商住混合（居住用地面积≤80%） |\n").text
    got = [(c.value, c.unit, c.comparator, c.indicator) for c in find_commitments(t, t) if c.unit == ""]
    assert got == [(2.2, "", "<=", "居住容积率"), (1, "", "<=", "教育容积率"), (1.8, "", "<=", "容积率")]


@pytest.mark.parametrize("text,comparator", [
    # the new level of a bound named before the change (最高…由X提高至Y) keeps the bound, old values between or not
    ("夫妻双方缴存的，最高贷款额度分别由现行新房90万元和二手房70万元统一提高至110万元。", "<="),
    ("最低首付比例由30%调整为25%。", ">="),
    ("贷款期限延长至25年。", "="),
])
def test_the_new_level_of_a_named_bound(text, comparator):
    assert found(text)[-1][2] == comparator


@pytest.mark.parametrize("text,comparator", [
    # what must be reached before an act is allowed (…即可申请, …后方可再申请) is a floor
    ("准许职工连续缴存3个月即可申请贷款。", ">="),
    ("全额退回后3年后方可再申请贷款。", ">="),
    ("主体工程完成30%即可申请预售。", ">="),
    # a class of assets named by its statutory minimum life (最低折旧年限为3年的设备) is no floor
    ("税法规定最低折旧年限为3年的设备，可一次性扣除。", "="),
])
def test_what_must_be_reached_first_and_named_minimums(text, comparator):
    assert found(text)[0][2] == comparator


def test_a_renovation_programme_to_carry_out_is_a_target():
    assert [k for _, _, _, k, _ in found("继续实施500万平方米老旧小区综合整治工程。")] == ["target"]


def test_a_control_target_is_a_ceiling():
    text = "确定全市2026年度新建商品住房销售价格涨幅控制目标为5%，二手住宅价格涨幅控制目标为4.5%。"
    assert found(text) == [(5, "%", "<=", "target", 2026), (4.5, "%", "<=", "target", 2026)]


@pytest.mark.parametrize("text,kind", [
    # 想要, 主要, 重要 are no marker of a figure still to come: a buyer's words in news stay a result
    ("记者获悉，李先生向记者表示，若是以后想要转手，面对的仍是满足五年社保的买家。", "reported"),
    ("记者获悉，该市重要的变化是去年新增住房2万套。", "reported"),
    # 要 of a plan still marks what is to come
    ("记者获悉，该市要在年底前新增住房2万套。", "target"),
])
def test_want_main_and_important_are_no_future(text, kind):
    assert [k for _, _, _, k, _ in found(text, news=True)] == [kind]


@pytest.mark.parametrize("text,comparator", [
    # a classifier closing a PDF table's cell whose 月以内 heads a cell below: within the period, or, where the
    # period cannot be met (无法完成整改), more than it
    ("经评估，预计 6个 处 5万元以上 8万元以下罚款\n整改要求，限期整改\n月以内无法完成整改的\n", ">"),
    ("经评估，预计 6个 处 2万元以上 5万元以下罚款\n整改要求\n月以内可以完成整改的\n", "<="),
])
def test_a_month_cell_below_that_cannot_be_met(text, comparator):
    assert [(v, u, cmp) for v, u, cmp, _, _ in found(text)][0] == (6, "个月", comparator)
