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
    ("年耗能二十吨标准煤以上五十吨（含）的单位，纳入重点监管。", 20, 50, "吨标准煤"),
    ("处合同金额2‰至3‰的罚款。", 2, 3, "‰"),
    ("处合同金额2‰以上\n3‰以下的罚款。", 2, 3, "‰"),   # the range broken by a line of a PDF
    ("处以罚款2万元至\n4万元。", 2, 4, "万元"),
    ("审核工作应在7至15个工作日内完成。", 7, 15, "个工作日"),
    # ends in two units of time that convert exactly: one range in the smaller unit
    ("情节严重的，责令停业整顿3个月以上1年以下。", 3, 12, "个月"),
    ("周转贷款期限为6个月至2年。", 6, 24, "个月"),
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
    ("对现房销售的项目按4分/栋给予信用加分。", 4, "分/栋"),
    ("公租房租金按12元/平方米·月收取。", 12, "元/平方米·月"),
    ("场地租金不超过500元/人·天。", 500, "元/人·天"),
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
    assert found(text) == []  # an illustration: neither a rule nor a result


@pytest.mark.parametrize("text,kind", [
    ("贴息资金按贷款额的2%计算，由市财政承担。", "provision"),    # 按…计算 in a rule, no buyer's result
    ("补贴标准按每平方米100元计算，最高不超过3万元。", "provision"),
])
def test_calculation_rules_stay_provisions(text, kind):
    assert {c.kind for c in found(text)} == {kind}


@pytest.mark.parametrize("text,kind", [
    # a fine rate of a penalty table: a provision, never a target
    ("对企业处项目总投资额3‰以上的罚款。", "provision"),
    ("对个人处违法所得2倍以上的罚款。", "provision"),
    # a paragraph that reviews the last plan's achievements: its figures are results
    ("1.过去五年全区发展取得重大成就。城市更新扎实推进，改造老旧小区320个，完成投资95.6亿元。", "reported"),
    ("“十三五”时期，全县经济社会发展成效显著。新建农村公路860公里，新增就业岗位4.2万个。", "reported"),
])
def test_kinds_of_penalties_and_reviews(text, kind):
    cs = found(text)
    assert cs and {c.kind for c in cs} == {kind}


def test_a_review_paragraph_keeps_its_forecasts_out_of_results():
    cs = found("全市发展取得重大成就。改造管网120公里。到2030年，力争建成绿道300公里。")
    assert {(c.value, c.kind) for c in cs} == {(120, "reported"), (300, "target")}


@pytest.mark.parametrize("title,text", [
    ("关于征集2026年支持街区品质提升项目的通知", "申报街区的商户入驻率不低于85%。"),
    ("2025年度示范园区申报指南", "园区入驻企业不少于30家。"),
])
def test_conditions_of_a_call_are_provisions_without_its_year(title, text):
    t = normalize(text).text
    cs = find_commitments(t, t, doc_year=int(title[title.index("20"):][:4]), title=title)
    assert cs and all((c.kind, c.year, c.deadline) == ("provision", None, None) for c in cs)


def test_a_deadline_in_a_call_is_still_a_target():
    title = "关于征集2026年街区品质提升项目的通知"
    t = normalize("项目须于2027年底前建成，客流量提升20%以上。").text
    (c,) = find_commitments(t, t, doc_year=2026, title=title)
    assert (c.kind, c.year) == ("target", 2027)


@pytest.mark.parametrize("text,value,comparator", [
    ("试点期间每户业主只能购买2个车位。", 2, "<="),
    ("本市户籍家庭限购2套住房。", 2, "<="),
    ("申请人年龄在18周岁（含）至法定退休年龄之间。", 18, ">="),
])
def test_caps_floors_and_approximate_counts(text, value, comparator):
    c = next(c for c in found(text) if c.value == value)
    assert c.comparator == comparator


@pytest.mark.parametrize("text", [
    "按当年最低工资标准（2023年最低工资标准为1850元/月）发放见习补贴。",
    "2021年8月15日，市住建局等五部门联合印发《关于稳定住房市场的通知》，明确每批次提供不低于25%比例的房源给无房家庭。",
])
def test_a_standards_base_year_or_a_cited_notices_date_is_no_deadline(text):
    cs = found(text)
    assert cs and all(c.kind != "target" and c.deadline is None for c in cs)


@pytest.mark.parametrize("title,text,kind,year", [
    ("某市高品质住宅建设指引", "新建高品质住宅100%实现全装修交付。", "provision", None),
    ("某市高品质住宅建设指引", "到2028年，全市新建住宅全装修比例达到60%。", "target", 2028),
])
def test_requirements_of_a_guideline_are_provisions(title, text, kind, year):
    t = normalize(text).text
    (c,) = find_commitments(t, t, title=title)
    assert (c.kind, c.year) == (kind, year)


def test_the_start_of_a_period_is_no_year_of_a_condition():
    t = normalize("申报项目在2025年3月1日至申报之日期间的实际投资不低于500万元。").text
    (c,) = find_commitments(t, t, title="关于征集2026年产业升级项目的通知")
    assert (c.kind, c.year) == ("provision", None)


def test_a_penalty_word_cut_at_the_window_is_no_penalty():
    cs = found("近两年来，地方政府对15家问题企业的风险处置存在较大困难。", news=True)
    assert [(c.value, c.kind) for c in cs] == [(15, "reported")]


@pytest.mark.parametrize("title,text,kind", [
    ("某集团上半年业绩进展", "已与多家连锁品牌达成合作，在全国120个城市布局300家服务网点。", "reported"),
    ("某集团上半年业绩进展", "首批门店计划明年开业，力争新增网点200家。", "target"),
    ("关于推进项目建设进展的通知", "各区须在全市布局服务网点不少于20家。", "provision"),
])
def test_a_progress_report_tells_results(title, text, kind):
    t = normalize(text).text
    cs = find_commitments(t, t, title=title)
    assert cs and {c.kind for c in cs} == {kind}


def test_a_cited_notice_issued_the_year_the_text_was_written_sets_no_deadline():
    t = normalize("2021年8月15日，市住建局等五部门联合印发《关于稳定住房市场的通知》，明确每批次提供不低于25%比例的房源。").text
    (c,) = find_commitments(t, t, pub_year=2021)
    assert (c.kind, c.deadline) == ("provision", None)


@pytest.mark.parametrize("text,kind", [
    ("一位分析师表示，这笔资金可以撬动5倍甚至更高的社会投资。", "reported"),
    ("他认为，新政落地后成交量可以回升20%左右。", "reported"),
    ("该负责人表示，符合条件的家庭可申请最高30万元补贴。", "provision"),   # a rule a speaker tells
    ("该负责人表示，申请人须缴纳社保满12个月。", "provision"),
])
def test_a_speakers_estimate_in_news_is_no_rule(text, kind):
    cs = found(text, news=True)
    assert cs and {c.kind for c in cs} == {kind}


@pytest.mark.parametrize("text,values", [
    ("二手房房龄限制由15年放宽至25年。", [(25, "<=", "provision")]),
    ("贷款年龄限制由男60周岁调整为男65周岁。", [(65, "<=", "provision")]),
])
def test_a_named_limit_is_a_cap(text, values):
    assert [(c.value, c.comparator, c.kind) for c in found(text)] == values


def test_last_years_average_wage_is_a_base_not_a_result():
    (c,) = found("月租金超过本市上年度职工月平均工资3倍的部分，不计入提取额度。")
    assert c.kind == "provision"


@pytest.mark.parametrize("text,comparator", [
    ("月租金超过本市上年度职工月平均工资3倍的部分，不计入提取额度。", ">"),
    ("贷款额度不超过借款人缴存余额15倍。", "<="),
])
def test_a_multiple_of_a_named_base_keeps_its_bound(text, comparator):
    (c,) = found(text)
    assert c.comparator == comparator


# ---- ranges whose two bounds are joined by a conjunction or written side by side ----------------------
@pytest.mark.parametrize("text,value,value_max,unit", [
    ("并处违规所得三倍以上低于五倍的罚款。", 3, 5, "倍"),
    ("车龄满3年（含）不足6年的，按二档计费。", 3, 6, "年"),
    ("行为人已满十六周岁不满十八周岁的，从轻处理。", 16, 18, "周岁"),
    ("闲置率超过5%，但不超过20%的，责令整改。", 5, 20, "%"),
    ("单位出资比例不低于6%、不高于15%。", 6, 15, "%"),
    ("单位出资比例不得低于6%，不得高于15%。", 6, 15, "%"),
    ("单位出资比例不低于6%不高于15%。", 6, 15, "%"),
    ("参保累计满3个月未满9个月（含）的，系数为0.8。", 3, 9, "个月"),
    ("从业满2年以上、10年以下的技术人员。", 2, 10, "年"),
    ("罚款8000元以上低于3万元的，适用简易程序。", 8000, 30000, "元"),
])
def test_two_bounds_joined_make_one_range(text, value, value_max, unit):
    c = next(c for c in found(text) if c.value == value)
    assert (c.value, c.value_max, c.unit, c.comparator) == (value, value_max, unit, "=")


# a share and a multiple of one base at the two ends of a range (30%以上3倍以下 of the unpaid fee): one range, the
# upper end in the lower end's unit (3倍 = 300%), so a fine's span is one row an analyst compares whole
@pytest.mark.parametrize("text,expected", [
    ("并处未缴费用30%以上3倍以下的罚款。", [(30, 300, "%", "=")]),
    ("并处不缴或者少缴的税款50%以上5倍以下的罚款。", [(50, 500, "%", "=")]),
    ("处以欠缴税款百分之五十以上五倍以下的罚款。", [(50, 500, "%", "=")]),
    ("处违法所得5‰以上1%以下的罚款。", [(5, 10, "‰", "=")]),
    ("处骗取金额1倍以上3倍以下的罚款。", [(1, 3, "倍", "=")]),             # one unit: as written
    ("罚款30%以上2万元以下。", [(30, None, "%", ">="), (2, None, "万元", "<=")]),  # a share and a sum: two bounds
])
def test_a_share_and_a_multiple_of_one_base_make_one_range(text, expected):
    assert [(c.value, c.value_max, c.unit, c.comparator) for c in found(text)] == expected


@pytest.mark.parametrize("text,values", [
    ("年满18周岁，月收入低于3000元的居民。", [(18, None), (3000, None)]),      # two measures
    ("出资比例不低于6%，利率不高于4%。", [(6, None), (4, None)]),            # a noun between them
    ("面积超过120平方米、不足90平方米的除外。", [(120, None), (90, None)]),   # no range between them
    ("罚款30%以上2万元以下。", [(30, None), (2, None)]),                     # a share and a sum
])
def test_bounds_that_are_not_one_range_stay_apart(text, values):
    assert [(c.value, c.value_max) for c in found(text)] == values


# ---- comparators ------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,value,value_max,comparator", [
    ("力争到2030年软件业收入突破3000亿元。", 3000, None, ">"),
    ("今年全省外贸总额有望突破2万亿元。", 2, None, ">"),
    ("去年二手房成交占比高达62%。", 62, None, "="),                # a stressed figure, not a floor
    ("活动吸引多达800家企业参展。", 800, None, "="),
    ("单个项目补助最高可达80万元。", 80, None, "<="),              # a cap reached, not a floor
    ("每户奖励最高达到5万元。", 5, None, "<="),
    ("成交价格可在备案价基础上±8%浮动。", -8, 8, "="),             # either way: a range about zero
    ("租金标准可上下浮动15%。", -15, 15, "="),
    ("实际面积与约定面积误差正负3%以内的，据实结算。", -3, 3, "="),
    ("组织举办培训（参训20人次及以上）的机构给予补贴。", 20, None, ">="),
    ("吸纳员工5名或以下的小微企业。", 5, None, "<="),
])
def test_comparators_of_emphasis_breakthroughs_and_deviations(text, value, value_max, comparator):
    c = next(c for c in found(text) if c.value == value)
    assert (c.value_max, c.comparator) == (value_max, comparator)


@pytest.mark.parametrize("text,values", [
    # a limit restated with its change where it stands: the old figure is no row, the new one keeps the bound
    ("购买第二套住房的，首付比例不得低于50%调整为35%。", [(35, ">=")]),
    ("单笔贷款最长期限不超过20年延长至25年。", [(25, "<=")]),
    ("上浮10%，由市场调节。", [(10, "=")]),                   # a change with no former value
])
def test_a_limit_changed_where_it_stands(text, values):
    assert [(c.value, c.comparator) for c in found(text)] == values


# ---- units cut short ----------------------------------------------------------------------------------
@pytest.mark.parametrize("text,value,unit", [
    ("首套房贷利率下限为贷款市场报价利率减30个基点。", 30, "个基点"),
    ("存款利率统一下调15基点。", 15, "基点"),
])
def test_basis_points_keep_their_measure_word(text, value, unit):
    c = next(c for c in found(text) if c.value == value)
    assert c.unit == unit


@pytest.mark.parametrize("text,value,unit,recurrence", [
    # a unit is kept as written (CONTRACT.md); what the sum is per, written before it, is its recurrence
    ("按每平方米80元标准收取维修资金。", 80, "元", "每平方米"),
    ("给予每平方米 120 元的购房补贴。", 120, "元", "每平方米"),
    ("对种粮农户每亩补助150元。", 150, "元", "每亩"),
    ("为高龄老人每人每月发放津贴200元。", 200, "元", "每人每月"),
    ("每个月发放生活补贴600元。", 600, "元", "每个月"),
    ("每平方米每月租金不超过30元。", 30, "元", "每平方米每月"),
    ("每套最高补贴不超过3万元。", 3, "万元", "每套"),
    ("补贴标准为300元/平方米。", 300, "元/平方米", None),    # written after the sum: part of the unit
    ("每满200元减30元。", 30, "元", None),               # a spending step, not a rate
    ("每栋加4分，每个项目最多加20分。", 4, "分", "每栋"),
])
def test_what_a_sum_is_per_is_its_recurrence(text, value, unit, recurrence):
    c = next(c for c in found(text) if c.value == value)
    assert (c.unit, c.recurrence) == (unit, recurrence)


def test_a_breakthrough_of_one_thing_is_no_count():
    assert found("突破一个核心部件，往往能够带动一条产业链。") == []


@pytest.mark.parametrize("text,values", [
    ("两家银行的利率比上月分别上浮了6个和8个基点。", [(6, "个基点"), (8, "个基点")]),
    ("审批时限分别压减2个、3个工作日。", [(2, "个工作日"), (3, "个工作日")]),
    ("新设3个岗位和5个月的见习期。", [(3, "个"), (5, "个月")]),   # a noun between: no unit the list shares
])
def test_a_unit_written_once_for_a_list(text, values):
    assert [(c.value, c.unit) for c in found(text)] == values


def test_a_shortest_and_a_longest_term_are_one_range():
    (c,) = found("信息的最短公示期为一年，最长为三年。")
    assert (c.value, c.value_max, c.unit) == (1, 3, "年")


@pytest.mark.parametrize("text,values", [
    # columns of a penalty table interleaved by a PDF: the lower end closes a line, the upper end comes later
    ("从轻处罚：对企业处合同金额 3‰以上\n违反本办法第八条规定的\n情节轻微的 5‰以下的罚款", [(3, 5)]),
    ("对企业处合同金额 3‰以上\n另一列 2‰至4‰的罚款\n情节轻微的 6‰以下的罚款", [(3, 6), (2, 4)]),
    # an upper end that closes a range of its own line, or a lower end the line goes on after, is no partner
    ("对企业处合同金额 3‰以上\n处 1‰以上 6‰以下的罚款", [(3, None), (1, 6)]),
    ("对企业处合同金额 3‰以上的罚款\n情节较重的 6‰以下的罚款", [(3, None), (6, None)]),
    ("对企业处合同金额 3‰以上\n第一行\n第二行\n第三行\n情节轻微的 5‰以下的罚款", [(3, None), (5, None)]),   # too far
])
def test_ranges_split_by_interleaved_columns(text, values):
    t = text
    assert [(c.value, c.value_max) for c in find_commitments(t, t)] == values


@pytest.mark.parametrize("text,comparator", [
    ("二套住房贷款利率下限为不低于相应期限贷款市场报价利率加40个基点。", ">="),
    ("首套住房贷款利率不低于相应期限贷款市场报价利率减30个基点。", "="),   # a floor on the rate caps the cut
    ("各银行房贷利率均下调25个基点。", "="),                              # a cut, no bound
])
def test_a_spread_over_a_named_base_rate_keeps_its_bound(text, comparator):
    (c,) = found(text)
    assert (c.unit, c.comparator) == ("个基点", comparator)


# a range whose two ends a table puts in different cells: side by side on one line (a cell rule, a tab, a wide
# gap), or a lower end that closes its cell (a cell code or a gap after 以上) and an upper end on a later line
@pytest.mark.parametrize("text,expected", [
    ("违法情形 | 情节较轻 | 处2万元以上 | 6万元以下罚款\n", [(2, 6, "万元")]),
    ("情节较轻的，处2万元以上\t6万元以下罚款\n", [(2, 6, "万元")]),
    ("情节较轻的，处2万元以上    6万元以下罚款\n", [(2, 6, "万元")]),
    ("从轻处罚：对单位处货值金额 2%以上B0012000A010 未按规定办理登记手续的\n经营活动 5%以下的罚款\n", [(2, 5, "%")]),
    ("对单位处货值金额 2%以上\t\t未按规定办理登记手续的\n经营活动 5%以下的罚款\n", [(2, 5, "%")]),
    # a complete range in the other cell of the line is another row's
    ("对单位处货值金额 2%以上  未按规定办理登记的处 1%以上 3%以下罚款\n经营活动 5%以下的罚款\n",
     [(2, 5, "%"), (1, 3, "%")]),
    # two floors in two cells are two tiers, not a range
    ("处2万元以上 | 处6万元以上罚款\n", [(2, None, "万元"), (6, None, "万元")]),
    # an upper end below the lower is no range
    ("处6万元以上 | 2万元以下罚款\n", [(6, None, "万元"), (2, None, "万元")]),
    # other cells of the lower end's line, with their own values, stand between it and its upper end
    ("并处 6 万元以上B0012000A040 从重处罚：违法所得在 30 万元以上的\n9 万元以下罚款\n",
     [(6, 9, "万元"), (30, None, "万元")]),
    # the first numeral of the upper end left after 以上 on the lower end's line (处二十万元以上五⏎…⏎十万元以下)
    ("由主管部门处二十万元以上五 的\n违法行为\n所在单位 十万元以下罚款\n", [(200000, 500000, "元")]),
    # the lower end's number left four lines above its unit (…处三万⏎…⏎…⏎…⏎元以上九万元以下罚款)
    ("逾期不改正的，处三万\nB0012000A040 处 4 万元以上 6 万元以下罚款\n改正的行为 某某制度\n用能单位某某情形\n元以上九万元以下罚款\n",
     [(4, 6, "万元"), (30000, 90000, "元")]),
])
def test_ranges_split_over_table_cells(text, expected):
    assert [(c.value, c.value_max, c.unit) for c in found(text)] == expected


@pytest.mark.parametrize("text,value,unit", [
    ("公司总资产达2.3万亿人民币。", 2.3, "万亿人民币"),   # the currency as written, not 人 (people)
    ("项目总投资为5000万港元。", 5000, "万港元"),
    ("对该企业给予20万欧元的补助。", 20, "万欧元"),
    ("全市新增就业3万人。", 3, "万人"),                  # people stay people
])
def test_currencies_written_as_names_are_the_unit(text, value, unit):
    c = next(c for c in found(text) if c.value == value)
    assert c.unit == unit


def test_a_table_given_one_cell_a_line_is_read_by_its_columns():
    from extractors.commitments import find_commitments
    cells = ["附件：2025年度补贴标准", "单位：元", "序 号", "地 区", "补贴下限", "补贴上限",
             "1", "甲 市", "1200", "3500.5", "2", "乙 县", "1000", "2800"]
    text = "\n".join(cells)
    got = [(c.subject, c.value, c.unit, c.comparator, c.indicator) for c in find_commitments(text, text, pub_year=2025)]
    assert got == [("甲市", 1200, "元", ">=", "补贴下限"), ("甲市", 3500.5, "元", "<=", "补贴上限"),
                   ("乙县", 1000, "元", ">=", "补贴下限"), ("乙县", 2800, "元", "<=", "补贴上限")]


def test_lines_of_figures_without_a_unit_or_a_row_number_column_are_no_table():
    from extractors.commitments import find_commitments
    text = "\n".join(["序 号", "地 区", "人口", "面积", "1", "甲 市", "1200", "3500"])  # no unit stated
    assert find_commitments(text, text, pub_year=2025) == []


# a formula's bare multiplier is a provision in 倍; the multiplier of a formula a change replaces is no longer set;
# sizes (1920×1080) and multipliers with a unit of their own are no such multiplier
@pytest.mark.parametrize("text,expected", [
    ("可贷额度=借款人公积金账户余额×15。", [(15, "倍")]),
    ("将计算公式由“可贷额度=（本人账户余额+配偶账户余额）×12”调整为“可贷额度=（本人账户余额+配偶账户余额）×18”。",
     [(18, "倍")]),
    ("贷款额度不高于借款人月缴存额乘以30。", [(30, "倍")]),
    ("页面建议以1920×1080分辨率浏览。", []),
    ("应缴收益=（出售价格-原价）×40%。", [(40, "%")]),
    ("限制期限按2年×365天计算。", []),
])
def test_a_formulas_multiplier(text, expected):
    assert [(c.value, c.unit) for c in found(text)] == expected


_LAND_HEADING = ["序", "号", "宗地", "位置", "土地", "面积", "（亩）", "规划", "用途", "出让", "年限",
                 "起始价(万元)", "竞买保证金(人民币）", "最高限价(万元/亩)", "平均销售价格（元/平方米）", "最高配建面积(平方米)"]


@pytest.mark.parametrize("rows,expected", [
    # each row ends with as many bare figures as the heading has unit-headed cells at its end: read by those columns
    ([["1", "某路以北、某路以西", "42.5", "居住", "70年", "8000万元", "1600", "21000", "9500"],
      ["2", "某路以南", "60", "商住混合", "70年", "1.2亿元", "1700", "23000", "12000"]],
     [(1600, "万元/亩", "<="), (21000, "元/平方米", "="), (9500, "平方米", "<="),
      (1700, "万元/亩", "<="), (23000, "元/平方米", "="), (12000, "平方米", "<=")]),
    # a row whose bare figures do not fill those columns cannot be aligned: none read
    ([["1", "某路以北", "42.5", "居住", "70年", "8000万元", "1600", "21000"]], []),
])
def test_a_table_given_one_cell_a_line_is_read_by_its_unit_headed_columns(rows, expected):
    from extractors.commitments import _unit_pattern, find_unit_headed_cells
    text = "\n\n".join(_LAND_HEADING + [cell for row in rows for cell in row]) + "\n"
    got = find_unit_headed_cells(text, _unit_pattern())
    assert [(c.value, c.unit, c.comparator) for c in got] == expected
    assert all(text[c.value_start:c.value_end] == str(c.value) for c in got)


# the value a change replaces (从X精简至Y, 由X压减至Y) is no longer set: only the new level is read
@pytest.mark.parametrize("text,values", [
    ("机关编制人员从1200人精简至860人。", [860]),
    ("行政审批事项由96项压减至40项。", [40]),
    ("补贴标准由每人500元提高至800元。", [800]),
])
def test_the_old_value_of_a_change_is_not_read(text, values):
    assert [c.value for c in found(text)] == values
