from __future__ import annotations

import pytest

from extractors.commitments import find_commitments
from extractors.normalize import normalize


def items(text: str, doc_year=None, news=False):
    t = normalize(text).text
    return [(c.kind, c.value, c.unit, c.comparator, c.year) for c in find_commitments(t, t, doc_year, news=news)]


@pytest.mark.parametrize("text,expected", [
    ("到2025年，覆盖率达到90%以上。", [("target", 90, "%", ">=", 2025)]),
    ("2005年达到90%，2010年达到95%。", [("target", 90, "%", ">=", 2005), ("target", 95, "%", ">=", 2010)]),
    ("2026年年底前，全市建成10家县域医疗服务次中心。", [("target", 10, "家", "=", 2026)]),
    ("对购房者给予补贴1万元。", [("provision", 1, "万元", "=", None)]),
    ("首付比例不低于20%。", [("provision", 20, "%", ">=", None)]),
    ("贷款最高额度80万元。", [("provision", 80, "万元", "<=", None)]),
    ("申请之日起15个工作日内办结。", [("provision", 15, "个工作日", "<=", None)]),
    ("补助期限不超过3年。", [("provision", 3, "年", "<=", None)]),
    ("全省治疗人数达到１２万人。", [("target", 12, "万人", ">=", None)]),
    ("占比提高到八成以上。", [("target", 80, "%", ">=", None)]),
    ("每年定向培养不少于六百名医学生。", [("target", 600, "名", ">=", None)]),
    ("力争培训一千零六十人次。", [("target", 1060, "人次", "=", None)]),
    ("新增1.5万套住房。", [("target", 1.5, "万套", "=", None)]),
    ("覆盖人口达到约3亿人。", [("target", 3, "亿人", "~", None)]),
    ("力争年接待人数超过1.5亿人次。", [("target", 1.5, "亿人次", ">", None)]),
])
def test_values_units_comparators_years(text, expected):
    assert items(text) == expected


@pytest.mark.parametrize("text", [
    "截至2023年底，全市已建成县域医疗服务次中心38家。",
    "累计培训乡村医生1.2万人次。",
    "全市家庭医生签约服务覆盖率比上年提高5个百分点。",
])
def test_reported_figures(text):
    assert {k for k, *_ in items(text)} == {"reported"}


@pytest.mark.parametrize("text", [
    "本方案提出3个方面主要任务。",
    "第十二条 本办法自发布之日起施行。",
    "联系电话：0632-3311111。",
    "鲁卫发〔2024〕12号",
    "2024年3月18日",
    "自今年7月1日起全面实施。",                       # a date's day the date reader leaves relative
    "自一百零二年七月二十三日起改由该部管辖。",         # ROC year
    "各中等专业学校、五年制高职报送名单。",             # a kind of school, not a duration
    "深化“最多跑一次”改革，打通“最后一公里”。",       # slogans in quotes
    "形成一套成熟模式，编织一张互助网络。",             # 一套, 一张: ordinary words
    "责任部门：省政府办公厅秘书一处",                   # an office's name
])
def test_not_commitments(text):
    t = normalize(text).text
    from corpora.chars import mask
    from extractors.dates import find_dates
    from extractors.docnumbers import find_docnumbers
    masked = mask(t, [(d.start, d.end) for d in find_docnumbers(t)])
    masked = mask(masked, [(d.start, d.end) for d in find_dates(masked, None)])
    assert find_commitments(t, masked) == []


def test_annual_plan_year_applies_to_targets_without_one():
    assert items("各级大厅综合一窗率达到90%以上。", doc_year=2022) == [("target", 90, "%", ">=", 2022)]


def test_news_figures_without_a_future_marker_are_reported():
    # a level a report says was reached: 达到 states it (=), as against 达到 in a goal (>=)
    assert items("全市家庭医生签约服务覆盖率达到68%。", news=True) == [("reported", 68, "%", "=", None)]


def test_deadline_paragraph_sets_the_year_until_the_next_heading():
    text = normalize("（二）发展目标\n到2023年，产业规模持续提升。\n--平台建设。培育3家综合型平台。\n三、主要任务\n培育5家示范企业。\n").text
    assert [(c.value, c.year) for c in find_commitments(text, text)] == [(3, 2023), (5, None)]


def test_points_in_a_scoring_scheme_are_provisions():
    assert items("政务服务平台建设（3分）。", doc_year=2022) == [("provision", 3, "分", "=", None)]


def test_technology_names_are_not_measures():
    assert items("加快5G基站建设。") == []


def test_deadline_scope_lasts_through_deeper_headings():
    text = normalize("二、工作目标\n到2025年，产业规模持续提升。\n（一）技术创新\n核心产业规模达到3000亿元。\n三、重点任务\n建成5个平台。\n").text
    assert [(c.value, c.year) for c in find_commitments(text, text)] == [(3000, 2025), (5, None)]


@pytest.mark.parametrize("indicator,key", [
    ("村卫生室中具备执业（助理）医师资格的乡村医生占比", "village_doctor_licensed_share"),
    ("乡村医生中取得执业助理医师资格的比例", "village_doctor_licensed_share"),
    ("建成县域医疗服务次中心", "county_medical_subcenters"),
    ("购买首套住房的商业贷款首付款比例", "down_payment_first_home"),
    ("城镇新增就业", "urban_new_jobs"),
    ("新增筹建保障性租赁住房", "affordable_rental_housing"),
    ("组织千人合唱", None),
])
def test_indicator_taxonomy(indicator, key):
    from extractors.indicators import classify
    assert classify(indicator) == key


def test_unknown_indicators_are_grouped():
    from extractors.indicators import group_unknown
    groups = group_unknown(["新建智能工厂", "新建智能工厂数量", "培训人次", "新建智能工厂"])
    assert groups[0] == ["新建智能工厂", "新建智能工厂数量"] and ["培训人次"] in groups


def test_verb_only_phrase_takes_the_noun_after_the_value():
    text = normalize("2026年年底前，全市建成10家县域医疗服务次中心，每家床位数不少于100张。").text
    first = find_commitments(text, text)[0]
    assert first.indicator.endswith("建成县域医疗服务次中心")


def test_values_inside_cited_titles_are_not_commitments():
    assert items("印发《某省乡村医生队伍建设三年行动方案》。") == []


@pytest.mark.parametrize("text,expected", [
    ("补贴期不超过3年。", [("provision", 3, "年", "<=", None)]),
    ("每户补贴“3万元”。", [("provision", 3, "万元", "=", None)]),       # Arabic figures in quotes stay
    ("到2025年，建成“十个”示范区不少于10个。", [("target", 10, "个", ">=", 2025)]),
])
def test_rules_that_drop_words_keep_measures(text, expected):
    assert items(text) == expected


def test_range_is_kept_as_a_range():
    t = normalize("2—3年内完成一轮系统培训。").text
    (c,) = find_commitments(t, t)
    assert (c.value, c.value_max, c.unit) == (2, 3, "年")


def test_five_year_plan_end_is_the_deadline():
    t = normalize("“十四五”末，全省森林覆盖率达到50%。").text
    from corpora.chars import mask
    from extractors.dates import find_dates
    dates = find_dates(t, None)
    deadlines = [(d.start, int(d.end_date[:4])) for d in dates if d.kind == "deadline"]
    (c,) = find_commitments(t, mask(t, [(d.start, d.end) for d in dates]), deadlines=deadlines)
    assert (c.value, c.year, c.kind) == (50, 2025, "target")


@pytest.mark.parametrize("text,recurrence,subject", [
    ("每年组织乡村医生轮训不少于2次。", "每年", None),
    ("全市每周开展巡查不少于1次。", "每周", "全市"),
    ("每个乡镇至少配备1名专职人员。", None, "每个乡镇"),
])
def test_recurrence_and_subject(text, recurrence, subject):
    t = normalize(text).text
    (c,) = find_commitments(t, t)
    assert (c.recurrence, c.subject) == (recurrence, subject)


def test_counts_describing_existing_things_are_reported():
    assert items("针对首年关税为零的2034种出口商品，加大市场开拓力度。") == [("reported", 2034, "种", "=", None)]


@pytest.mark.parametrize("text", ["制定国民经济和社会发展第十五个五年规划。", "实施三年行动计划。", "二套住房首付比例不低于30%。"])
def test_plan_names_and_ordinal_homes_are_not_quantities(text):
    assert all(unit == "%" for _, _, unit, _, _ in items(text))


# a word after the unit that only starts like a plan's name or a document's part (计划外, 节能, 节点) names what is counted
@pytest.mark.parametrize("text,expected", [
    ("2026年某市增加3万个计划外购车指标。", [(3, "万个")]),
    ("2026年某市发放2万个节能家电补贴名额。", [(2, "万个")]),
    ("本章共3节。", []),
    ("实施五年规划。", []),
])
def test_words_that_start_like_plans_or_parts(text, expected):
    assert [(v, u) for _, v, u, _, _ in items(text)] == expected


# 第3套（含）及以上: the first of the homes a rule applies to is a bound (the dev set's gold); 首套/二套 name which home
@pytest.mark.parametrize("text,expected", [
    ("对购买第3套（含）及以上住房的家庭，不予受理公积金贷款。", [("provision", 3, "套", ">=", None)]),
    ("暂停发放第三套及以上住房贷款。", [("provision", 3, "套", ">=", None)]),
    ("2026年起，购买第三套或以上住房的，不享受购房补贴。", [("provision", 3, "套", ">=", None)]),
    ("购买第二套住房的，首付比例不低于30%。", [("provision", 30, "%", ">=", None)]),
    ("拥有三套住房的家庭。", []),
])
def test_the_nth_home_a_rule_starts_from(text, expected):
    assert items(text) == expected



def _masked(text: str) -> str:
    from corpora.chars import mask
    from extractors.dates import find_dates
    from extractors.docnumbers import find_docnumbers
    masked = mask(text, [(d.start, d.end) for d in find_docnumbers(text)])
    return mask(masked, [(d.start, d.end) for d in find_dates(masked, None)])


def found(text: str, **kw):
    t = normalize(text).text
    return find_commitments(t, _masked(t), **kw)


# a prohibition before a comparison reads as the limit it sets
@pytest.mark.parametrize("text,comparator,value,unit", [
    ("租赁合同期限不得超过30年。", "<=", 30, "年"),
    ("首付款比例不得低于20%。", ">=", 20, "%"),
    ("每个项目配备人员不得少于3名。", ">=", 3, "名"),
    ("单笔贷款额度不应超过50万元。", "<=", 50, "万元"),
    ("严禁超过核定载客人数5人。", "<=", 5, "人"),
    ("服务收费原则上不超过120元。", "<=", 120, "元"),
    ("每户最多可申请2套。", "<=", 2, "套"),
    ("每年至少组织培训4次。", ">=", 4, "次"),
    ("单次补贴不高于800元。", "<=", 800, "元"),
    ("审批时限压缩至10个工作日以内。", "<=", 10, "个工作日"),
    ("面积在90平方米以下的住房给予补贴。", "<=", 90, "平方米"),
    ("贷款利率不得高于4.5%。", "<=", 4.5, "%"),
    ("禁止低于最低工资标准的80%发放。", ">=", 80, "%"),
])
def test_negated_comparators_read_as_the_limit(text, comparator, value, unit):
    (c,) = found(text)
    assert (c.comparator, c.value, c.unit) == (comparator, value, unit)


# a range is one item: value the lower bound, value_max the upper
@pytest.mark.parametrize("text,value,value_max,unit", [
    ("对违法单位处一万元以上五万元以下罚款。", 10000, 50000, "元"),  # 一万 is read as a numeral
    ("出生率控制在10%-12%。", 10, 12, "%"),
    ("每人补助2000元至5000元。", 2000, 5000, "元"),
    ("奖励资金30—50万元。", 30, 50, "万元"),
    ("培训周期为三至五年。", 3, 5, "年"),
    ("对个人处5000元以上1万元以下罚款。", 5000, 10000, "元"),
])
def test_ranges_are_one_item(text, value, value_max, unit):
    (c,) = found(text)
    assert (c.value, c.value_max, c.unit, c.kind) == (value, value_max, unit, "provision")


# a deadline governs what is under it, and nothing after its section ends
@pytest.mark.parametrize("text,expected", [
    # a deadline inside a paragraph governs the rest of the paragraph
    ("按照分类施策的原则推进建设，到2028年，全面实现统管。水质达标率达到92%。普及率达到97%。",
     [(92, 2028), (97, 2028)]),
    # a list after a deadline that introduces it
    ("围绕目标开展行动，到2029年底：\n1.覆盖率达到80%；\n2.完好率达到95%；\n", [(80, 2029), (95, 2029)]),
    # a deadline in a section's opening line governs that section, not the next one
    ("二、主要目标 到2026年，产业规模明显扩大。\n（一）产业\n产值达到500亿元。\n三、保障措施\n"
     "申请材料齐全的，5个工作日内办结。\n", [(500, 2026), (5, None)]),
    # an effective date is not a deadline
    ("自2024年1月1日起，城乡低保标准每人每月提高30元。", [(30, None)]),
    ("本办法从2023年7月1日起施行，补贴标准为每人800元。", [(800, None)]),
    # a year inside a cited title is never a deadline
    ("按照《城市绿化规范（2019年版）》，绿地率不低于35%。", [(35, None)]),
    # a heading with a year gives it to the work under it
    ("三、2027年重点工作\n新建公共充电桩1200个。\n", [(1200, 2027)]),
])
def test_deadline_scope(text, expected):
    assert [(c.value, c.year) for c in found(text, pub_year=2023) if c.kind != "reported"] == expected


# penalties, limits, standards and benefits are provisions even under a deadline
@pytest.mark.parametrize("text", [
    "到2026年，对未按期整改的企业处2万元罚款。",
    "到2026年，农村低保标准调整为每人每年6000元。",
    "到2026年，对新建项目给予补贴50万元。",
    "到2026年，单个项目贷款额度不得超过300万元。",
])
def test_rules_under_a_deadline_are_provisions(text):
    assert [c.kind for c in found(text, pub_year=2024)] == ["provision"]


# past figures are reported: judged against the document's own date and tense
@pytest.mark.parametrize("text,pub_year,news", [
    ("2023年，全市地区生产总值增长5.2%。", 2025, False),     # a past year in a later text
    ("全县已建成示范园区12个。", 2025, False),
    ("截至去年底，累计发放贷款3.5亿元。", 2025, False),
    ("今年以来，全市新增就业岗位8000个。", 2025, False),
    ("一季度全区工业增加值同比增长6.1%。", 2025, False),
    ("该局共组织专项检查45次，发现问题30处。", 2025, True),    # a news report of results
    ("服务队现有队员24名，其中包括5名高级工程师。", 2025, True),
])
def test_past_figures_are_reported(text, pub_year, news):
    assert {c.kind for c in found(text, pub_year=pub_year, news=news)} == {"reported"}


@pytest.mark.parametrize("text", [
    "记者从市住建局获悉，到2027年底，全市老旧小区改造完成率达到90%。",   # news about a plan keeps its targets
    "下一步，该县将力争新建冷链仓库6座。",
])
def test_news_about_a_plan_keeps_its_targets(text):
    assert {c.kind for c in found(text, pub_year=2025, news=True)} == {"target"}


def test_a_rule_under_a_review_heading_stays_a_rule():
    text = "一、基本情况\n本次出让地块总面积12.5公顷。\n竞买人不足3家的，由集体决策现场竞价成交。"
    assert [(c.kind, c.value) for c in found(text, pub_year=2024)] == [("reported", 12.5), ("provision", 3)]


def test_a_work_report_reviews_then_sets_next_years_targets():
    text = ("一、2024年工作回顾\n全年完成固定资产投资120亿元。\n新增城镇就业6500人。\n"
            "二、2025年工作安排\n新增城镇就业7000人以上。\n")
    got = [(c.kind, c.value, c.year) for c in found(text, pub_year=2025)]
    assert got == [("reported", 120, None), ("reported", 6500, None), ("target", 7000, 2025)]


# numbers that are not quantities: every example of the rules' data yields no commitment
def test_every_non_quantity_rule_example_yields_nothing():
    from extractors.skips import rules, skips_document
    for r in rules():
        if r.where == "title":
            assert skips_document(r.example), r
            assert found("园区办公室 62881234（值班）设有路灯15盏。", title=r.example) == []
        elif r.unit is not None:  # the example may hold a real quantity beside the number the rule drops
            assert [c for c in found(r.example) if r.unit.fullmatch(c.unit)] == [], r
        else:
            assert found(r.example) == [], r


@pytest.mark.parametrize("text", [
    "三台县开展农村公路养护检查。",
    "贯彻落实县委三届五次全委会议精神。",
    "申请表一式两份，报送区住建局。",
    "政务服务中心提供24小时自助服务。",
    "咨询电话：0816-1234567 转 8 号。",
    "政策文件 5篇",
    "本办法自20日起施行。",
    "新规从1日开始执行。",
])
def test_not_quantities(text):
    assert found(text) == []


def test_a_lost_minus_sign_is_kept():
    (c,) = found("全市居民消费价格指数同比-1.01%。", pub_year=2025)
    assert (c.value, c.unit) == (-1.01, "%")


# a value broken across lines is one value with its whole unit
@pytest.mark.parametrize("text,value,unit", [
    ("农村自来水普及率达到\n85\n%。", 85, "%"),
    ("保障标准不低于\n1200\n元/人/年。", 1200, "元/人/年"),
    ("补贴标准为每月\n300\n元。", 300, "元"),
])
def test_values_broken_across_lines(text, value, unit):
    (c,) = found(text)
    assert (c.value, c.unit) == (value, unit)
    t = normalize(text).text
    assert t[c.value_start:c.value_end].replace("\n", "").startswith(str(value))


def test_value_span_covers_the_value_with_its_unit():
    t = normalize("到2026年，全市建成10家示范中心，普及率达到90%以上。").text
    spans = [t[c.value_start:c.value_end] for c in find_commitments(t, t)]
    assert spans == ["10家", "90%"]


def test_range_value_span_covers_both_ends():
    t = normalize("处一万元以上五万元以下罚款。").text
    (c,) = find_commitments(t, t)
    assert t[c.value_start:c.value_end] == "一万元以上五万元"


# a table of targets: rows of regions, columns of indicators grouped by year, one cell per line
def test_flattened_table_cells_are_commitments():
    text = ("单位 |\n到2026年目标(万亩) |\n到2028年目标(万亩) | ||\n新建面积 |\n改造面积 |\n新建面积 |\n改造面积 | |\n"
            "甲镇 |\n1.50 |\n0.30 |\n2.10 |\n0.60 | ||\n乙乡 |\n0.90 |\n0.20 |\n1.20 |\n0.40 | ||\n")
    got = [(c.subject, c.indicator, c.value, c.unit, c.year, c.kind) for c in found(text, pub_year=2024)]
    assert got[:4] == [("甲镇", "新建面积", 1.5, "万亩", 2026, "target"), ("甲镇", "改造面积", 0.3, "万亩", 2026, "target"),
                       ("甲镇", "新建面积", 2.1, "万亩", 2028, "target"), ("甲镇", "改造面积", 0.6, "万亩", 2028, "target")]
    assert len(got) == 8 and got[-1][:3] == ("乙乡", "改造面积", 0.4)


def test_table_on_one_line_per_row():
    text = "地区 | 2025年覆盖率(%) | 2027年覆盖率(%)\n东区 | 85 | 95\n西区 | 80 | 92\n"
    got = [(c.subject, c.value, c.unit, c.year) for c in found(text, pub_year=2024)]
    assert got == [("东区", 85, "%", 2025), ("东区", 95, "%", 2027), ("西区", 80, "%", 2025), ("西区", 92, "%", 2027)]


def test_row_numbers_of_a_table_are_not_values():
    text = "序号 | 单位 | 2026年任务(个)\n1 | 甲街道 | 12\n2 | 乙街道 | 8\n"
    got = [(c.subject, c.value, c.year) for c in found(text, pub_year=2024)]
    assert got == [("甲街道", 12, 2026), ("乙街道", 8, 2026)]


# a value that is a condition of a rule, or that a modal governs, is a provision even with 已/截至/累计 about
@pytest.mark.parametrize("text", [
    "截至申请之日，在本市连续缴纳社保已满3年的非户籍居民，可购买1套住房。",
    "累计缴存公积金2年（含）以上的，贷款额度最高不超过60万元。",
    "在本县投资50万元以上的，投资人可申请落户。",
    "对库存去化周期在24个月以上的，应暂停供地。",
    "贷款期限与房屋已使用年限之和不得超过50年。",
])
def test_conditions_and_rules_are_provisions(text):
    assert {c.kind for c in found(text, pub_year=2024)} == {"provision"}


def test_rows_of_a_listing_are_not_commitments():
    text = ("| 序号 | 地块位置 | 面积（亩） | 出让年限 | 保证金 |\n| 1 | 城东路以北 | 45.2 | 70年 | 8000万元 |\n"
            "| 2 | 河西路以南 | 30.5 | 40年 | 5000万元 |\n")
    assert found(text, pub_year=2024) == []


def test_a_table_of_statistics_is_reported():
    text = "| 月份 | 价格指数 | 环比 | 同比 |\n| 2024.03 | 1580.2 | -0.35% | -1.20% |\n| 2024.02 | 1585.7 | -0.28% | -1.02% |\n"
    got = [(c.kind, c.value) for c in found(text, pub_year=2024)]
    assert got and all(k == "reported" for k, _ in got) and ("reported", -0.35) in got


@pytest.mark.parametrize("text,comparator,value", [
    ("住宅预售面积不得高于可售总建筑面积的25%。", "<=", 25),
    ("配套用房比例不应低于地上总建筑规模的15%。", ">=", 15),
    ("首套住房贷款额度不超过房屋评估价值的80%。", "<=", 80),
])
def test_a_limit_on_a_share_of_a_named_base(text, comparator, value):
    (c,) = found(text)
    assert (c.comparator, c.value) == (comparator, value)


@pytest.mark.parametrize("text,expected", [
    ("信用分值在94分-85分之间的为B级。", (85, 94, "分")),
    ("去化周期在12-6个月的，要增加供地。", (6, 12, "个月")),
])
def test_a_range_written_high_to_low(text, expected):
    c = found(text)[0]
    assert (c.value, c.value_max, c.unit) == expected


@pytest.mark.parametrize("text,kind,comparator", [
    ("开户时间满6个月的，可申请提取。", "provision", ">="),
    ("农村地区已满60周岁的老人需投靠子女的，可以迁入。", "provision", ">="),
    ("距强制报废时间不足1年的，可以申请补贴。", "provision", "<"),
    ("竞得人须按要求建设，装配式建筑面积不低于总面积的20%。", "provision", ">="),
    ("每年举办消费类展会40场以上。", "target", ">="),
    ("2023年10月5日，该市暂停销售建筑面积180平方米及以下的商品住房。", "provision", "<="),
])
def test_conditions_and_kinds(text, kind, comparator):
    c = found(text, pub_year=2024)[0]
    assert (c.kind, c.comparator) == (kind, comparator)


def test_part_of_a_year_is_not_a_deadline():
    (c,) = found("2024年前三季度营业收入同比增长12.5%。", pub_year=2024)
    assert c.kind == "reported"


@pytest.mark.parametrize("text,expected", [
    ("今年主要预期目标是：地区生产总值增长6%左右。", [("target", 6, 2025)]),
    ("明年，全市新建中小学校3所。", [("target", 3, 2026)]),
    ("今年以来，全市新增市场主体1.2万户。", [("reported", 1.2, None)]),
    ("据统计，全国百城二套房平均利率为4.9%。", [("reported", 4.9, None)]),  # a market statistic in news
    ("据不完全统计，至少9家信托公司遭到监管处罚。", [("reported", 9, None)]),
    ("力争年内全市充电设施覆盖率达到90%。", [("target", 90, 2025)]),  # 年内 alone: this year
    ("三年内建成示范点10个。", [("target", 10, None)]),  # after a count: a period, no year
])
def test_this_year_and_next_in_a_work_report(text, expected):
    assert [(c.kind, c.value, c.year) for c in found(text, pub_year=2025, news=True)] == expected


@pytest.mark.parametrize("text,kind,comparator", [
    ("对企业处1万元以上3万元以下的罚款。", "provision", "="),
    ("运营期不少于8年，自交付之日起计算。", "provision", ">="),
    ("该通知有效期三年。", "provision", "="),
    ("贷款额度可按最高限额上浮20%确定。", "provision", "="),
    ("个贷率已超出85%的预警线。", "reported", "="),                  # the line is the figure stated; passed: a situation
    ("累计拨付金额不超过监管资金总额的80%。", "provision", "<="),
    ("自发布之日起至2024年12月31日止，面积在90平方米以上的按每套1万元发放消费券。", "provision", ">="),
])
def test_more_kinds_and_comparators(text, kind, comparator):
    c = found(text, pub_year=2024)[0]
    assert (c.kind, c.comparator) == (kind, comparator)


@pytest.mark.parametrize("text", [
    "- 下一篇：春节放假安排的通知",
    "- 市卫健委等13部门关于推进健康城市建设的意见2025-04-14",
    "提取开具日期前一日的账户余额。",
])
def test_more_non_quantities(text):
    assert found(text) == []


@pytest.mark.parametrize("text,kind", [
    ("当个贷率达到90%及以上时暂停受理。", "provision"),
    ("4倍（含）以上的税率为1.2%。", "provision"),
    ("开发企业要在3日内一次性公开全部房源。", "provision"),
    ("截至目前，共申报项目403个，总融资需求1349亿元。", "reported"),
])
def test_thresholds_time_limits_and_needs(text, kind):
    assert found(text, pub_year=2024)[0].kind == kind


# numbers that are not quantities beside the quantities a rule sets: only the real ones are kept
@pytest.mark.parametrize("text,kept", [
    # counts of issuing departments, named items, a scheme's own tiers
    ("省财政厅等5部门联合印发通知，补贴标准为每人3000元。", [(3000, "元")]),
    ("民政局等4个部门联合发布实施细则。", []),
    ("允许困难企业缓缴三项社会保险费，缓缴期限不超过6个月。", [(6, "个月")]),
    ("罚款幅度细化为5个裁量阶次，最高罚款10万元。", [(10, "万元")]),
    ("预警分为黄色、橙色和红色三个等级。", []),
    # conditions that name a household's homes, loans or children, and tiers of a schedule of rewards
    ("家庭已拥有1套住房的，最低首付比例为25%。", [(25, "%")]),
    ("借款人有1次公积金贷款记录且已结清的，贷款利率上浮10%。", [(10, "%")]),
    ("仍有一笔未结清住房贷款的，首付比例不低于40%。", [(40, "%")]),
    ("至少有一名未成年子女的家庭，可贷额度上浮20万元。", [(20, "万元")]),
    ("生育或收养2个及以上子女的，给予一次性补贴5000元。", [(5000, "元")]),
    ("连续参保3个月的补贴300元，连续参保6个月的补贴800元。", [(300, "元"), (800, "元")]),
    ("连续参保满6个月的，给予一次性补贴。", [(6, "个月")]),       # no reward figure: the months are the rule
    ("就业满6个月的，给予一次性补贴1000元。", [(1000, "元")]),
    # age bands naming a group, and periods
    ("完善3岁以下婴幼儿照护服务，新增托位2000个。", [(2000, "个")]),
    ("80周岁以上老人可随子女迁入户口。", [(80, "周岁")]),
    ("去年前10个月，全市新建商品房销售面积下降8.5%。", [(8.5, "%")]),
    ("三年来，全区新增就业岗位1.2万个。", [(1.2, "万个")]),
    ("九个多月来，工作专班走访企业300家。", [(300, "家")]),
    ("党的代表大会以来的五年，全市经济稳步发展。", []),
    ("该条例经过三年的试行，需要修订完善。", []),
    ("建设15分钟便民生活圈40个。", [(40, "个")]),
    # requirements the text cancels
    ("取消住宅套型面积不得大于90平方米的限制。", []),
    ("取消外地户籍家庭须缴纳社保满24个月的要求，首付比例降至20%。", [(20, "%")]),
    ("不再执行首付比例不低于40%的规定。", []),
    # page furniture, copies, articles, a plan's own tasks
    ("本市天气预报 晴转多云 降水概率10% 最高气温15度", []),
    ("执法人员制作清单，一份交付当事人，一份存档。", []),
    ("他们交出了一份满意的答卷，服务群众2万人次。", [(2, "万人次")]),
    ("全区推出18项改革举措，减少审批时间40%。", [(40, "%")]),
    ("力争发布5项以上地方标准。", [(5, "项")]),
    ("发放消费券10万份。", [(10, "万份")]),
    ("三家店村新建停车位200个。", [(200, "个")]),
    ("新开三家店铺。", [(3, "家")]),                           # 三家店铺 is a count, not the place 三家店
    # the number of homes above which a purchase is barred is the limit itself
    ("非本市户籍家庭已拥有1套及以上住房的，暂停向其销售新建商品住房。", [(1, "套")]),
    ("家庭名下有2套（含）以上住房的，不得再购买。", [(2, "套")]),
    ("拥有2套及以上住房的家庭，首付比例不低于50%。", [(50, "%")]),
    ("暂停向下列家庭出售新建商品住房：一、拥有3套及以上住房的本市户籍家庭", [(3, "套")]),
    # addresses, blank dates of forms, 时隔, 同一
    ("办公地点在中山路西南侧约80米，咨询电话12345。", []),
    ("学校东侧200米范围内不得开设网吧。", [(200, "米")]),
    ("时隔5年，首套房贷款利率下调0.25个百分点。", [(0.25, "个百分点")]),
    ("同一套住房只能申请一次补贴，补贴2万元。", [(2, "万元")]),
    # related-news lists and rate-table row labels
    ("- 某区推出人才购房新政 2024-06-02硕士补贴5万元，博士补贴10万元。", []),
    ("贷款期限\n五年以上\n一至五年(含)", []),
    ("贷款期限最长不超过30年。", [(30, "年")]),
    # copies of documents to hand in; counts of documents explained, of a list's items, of named items
    ("还须提供单位出具的在职证明 1 份，补贴标准为每月1500元。", [(1500, "元")]),
    ("办理婚姻登记须提交《申请登记声明书》一式两份。", []),
    ("全年共签订购房合同1200份。", [(1200, "份")]),                  # contracts signed: a figure
    ("发放调查问卷3000份。", [(3000, "份")]),
    ("记者从市公安局获悉，本市调整优化四项户口迁移政策。", []),
    ("发布会上，区住建局负责人解读两份人才安居政策文件，首套房补贴最高10万元。", [(10, "万元")]),
    ("支持10个城市出台购房政策。", [(10, "个")]),                  # cities, not documents
    ("扩围实施12个县大学生就业补贴政策。", [(12, "个")]),
    ("支持35个国家政策支持的试点城市开展改造。", [(35, "个")]),  # (…城市之一: one of a group, no quantity)
    ("享受3项减税政策的企业达120家。", [(120, "家")]),             # a count of policies again
    ("自主创业的，需提供下列3项材料之一：营业执照、纳税证明、社保缴费证明。", []),
    ("以下两类人员可申请租赁补贴：新就业大学生、青年技术工人。", []),
    ("申请人须同时满足以下4个条件，补贴期限不超过3年。", [(3, "年")]),
    ("本次消费券适用范围包括3类商品：家电、数码和家具。", []),
    ("推动供给、需求、价格三个方面协同发力，新增供地20公顷。", [(20, "公顷")]),
    ("首套、二套住房首付比例分别为20%、30%。", [(20, "%"), (30, "%")]),
    ("在城东、城西两区新建保障房3000套。", [(3000, "套")]),          # 两区: no unit counted here
    # worked calculations written with figures: the rule's rate is kept once, the example's figures are not
    ("岗位补贴按最低工资标准的30%执行（按1800元*30%=540元/月计算），最长不超过3年。", [(30, "%"), (3, "年")]),
    ("应纳税额=应税建筑面积×建筑面积交易单价×70%×税率。", [(70, "%")]),        # a formula in words
    # the placeholder name of a form's sample row
    ("序号 姓名 性别\n1 张三 女\n每人限领3张。", [(3, "张")]),
    # the same figures still count where the rule sets them
    ("购房人须在本市连续缴纳社保满24个月。", [(24, "个月")]),
    ("申请人年龄不超过45周岁。", [(45, "周岁")]),
    ("限购区域内可再购买1套住房。", [(1, "套")]),
    ("每户最多可申请2次公积金贷款。", [(2, "次")]),
])
def test_non_quantities_beside_quantities(text, kept):
    assert [(c.value, c.unit) for c in found(text)] == kept


# columns of a newspaper page read across (fragments of several stories joined by spaces) are no statement;
# spaces of ordinary PDF text, of web dumps before list markers and of a two-part headline are not columns
@pytest.mark.parametrize("text,kept", [
    # three stories read across their columns, a figure in the middle
    ("区委召开专题会议研究部署 推动农业农村现代化迈上新台阶 市民踊跃参加志愿服务活动 累计改造老旧管网"
     "120公里 新学期开学各校做好准备工作 提升群众获得感幸福感", []),
    # two joints between long fragments (a column's line holds a dozen characters and more), figures inside
    ("今年以来全区持续推进老旧小区改造工作 社区卫生服务中心开展义诊活动累计服务 新建城市绿道12公里"
     "方便群众出行锻炼身体", []),
    ("围绕群众急难愁盼问题建成15个社区食堂 秋收时节田间地头一派繁忙景象 提升城市精细化管理水平", []),
    # a flattened table of short cells keeps its figures
    ("违反规定生产的行为 机组和锅炉的 组或者锅炉，并处五万元以上十万元以下罚款 可以改正的", [(50000, "元")]),
    # spaces inside ordinary PDF text and beside figures
    ("职 工 家庭购买 第二套 改善性 自住房， 首付款 比例不得低于 40%。", [(40, "%")]),
    ("全市公积金个贷率从去年同期 72.95%持续攀升至 87.69%，已超出预警线。", [(72.95, "%"), (87.69, "%")]),
    # a one-line web dump: spaces before its headings and list markers
    ("关于调整住房政策的通知 各区县人民政府： 首付比例不低于20%。", [(20, "%")]),
    ("关于进一步加强房地产市场管理的意见 一、调整居民购房政策 （一）首套住房商业贷款首付比例不低于20%。",
     [(20, "%")]),
    # a headline of two phrases before its story
    ("跟着百姓需求走 民生实事精准办 全年新增城镇就业岗位3万个。", [(3, "万个")]),
])
def test_interleaved_columns_are_no_statement(text, kept):
    assert [(c.value, c.unit) for c in found(text)] == kept


@pytest.mark.parametrize("text,kept", [
    ("取消限价后首场土地拍卖成交20亿元并设竞买条件。", [(20, "亿元")]),
    ("取消二手房交易限制，契税补贴标准为1万元。", [(1, "万元")]),
])
def test_a_cancelling_verb_elsewhere_keeps_the_figure(text, kept):
    assert [(c.value, c.unit) for c in found(text)] == kept


# comparators a bound's wording sets: thresholds (满, 超), caps (限, 封顶, 最高…为：), windows (近N年, N年内),
# inclusive and exclusive bounds written out in brackets
@pytest.mark.parametrize("text,expected", [
    ("职工连续缴存满12个月的，可申请贷款。", [(12, "个月", ">=")]),
    ("取得不动产权证书满两年的住房可以上市交易。", [(2, "年", ">=")]),
    ("未满18周岁的子女随迁。", [(18, "周岁", "<")]),
    ("本次活动参与企业超300家。", [(300, "家", ">")]),
    ("每场讲座限80人参加。", [(80, "人", "<=")]),
    ("每户补贴以2万元为限。", [(2, "万元", "<=")]),
    ("按房款的1%给予奖励，5万元封顶。", [(1, "%", "="), (5, "万元", "<=")]),
    ("工作期限3年。", [(3, "年", "=")]),                                   # 期限 is no cap
    ("评价满意度90%。", [(90, "%", "=")]),                                  # 满意度 is no threshold
    ("面积未超过144平方米的住房免征。", [(144, "平方米", "<=")]),
    ("申请人近3年内无不良信用记录。", [(3, "年", "<=")]),
    ("借款人近6个月无逾期。", [(6, "个月", "=")]),                          # a window's length; 内 bounds it
    ("项目应在取得土地后2年半内竣工。", [(2.5, "年", "<=")]),
    ("持有5家以上（含5家）门店的企业可申报。", [(5, "家", ">=")]),
    ("营业收入超过500万元（含500万元）的企业给予奖励。", [(500, "万元", ">=")]),
    ("年龄在40周岁以下（不含40周岁）的人员可报名。", [(40, "周岁", "<")]),
    ("年龄在60周岁以上，不含60周岁的老人免费乘车。", [(60, "周岁", ">")]),
    ("贷款最高额度为：单人缴存的，35万元、双人缴存的，70万元。", [(35, "万元", "<="), (70, "万元", "<=")]),
    ("调整后最高可贷额度为60万元/人、90万元/户。", [(60, "万元/人", "<="), (90, "万元/户", "<=")]),
    ("首付款比例最低调整为15%。", [(15, "%", ">=")]),
    ("机构达标时间延长至4年。", [(4, "年", "=")]),                          # 达 of 达标 is no bound
    ("带动5人以上（不含法定代表人）就业的，给予补贴。", [(5, "人", ">=")]),   # 不含 of another thing
    ("贷款额度可按最高限额上浮20%确定。", [(20, "%", "=")]),               # a rise of the cap, not a cap
    ("须在缴款期限内一次性缴清。", []),                                     # 限 of 期限 frames no 一次
])
def test_comparators_of_bounds(text, expected):
    assert [(c.value, c.unit, c.comparator) for c in found(text)] == expected


# a change of a value: the new value is the one set (and keeps the cap or floor the old one was); the
# value replaced is no longer set and is no commitment
@pytest.mark.parametrize("text,expected", [
    ("单职工家庭贷款最高额度由40万元提高至60万元。",
     [("provision", 60, "<=")]),
    ("二套住房最低首付比例从30%降低至25%。",
     [("provision", 25, ">=")]),
    ("公积金贷款额度由单人最高45万元调整为55万元，双人最高65万元调整为80万元。",
     [("provision", 55, "<="), ("provision", 80, "<=")]),
    ("在原规定最高补贴3万元的基础上再给予奖励。", []),
    ("将提取间隔由6个月缩短为3个月。", [("provision", 3, "=")]),
    ("二套房最低首付比例为30%（此前为40%）。", [("provision", 30, ">=")]),
])
def test_a_change_keeps_the_new_value(text, expected):
    assert [(c.kind, c.value, c.comparator) for c in found(text, pub_year=2024)] == expected


# statistics in news are results whatever their topic (公积金, 利率, 补贴); a rule's threshold written with
# an inclusive bound is a provision even beside 累计 or 已
@pytest.mark.parametrize("text,news,kind", [
    ("今年截至10月底，全市发放公积金贷款 5230 笔。", True, "reported"),
    ("上月某市新房成交2100套，环比上涨8%。", True, "reported"),
    ("据报道，此前该市二套房贷利率按4.9%执行。", True, "reported"),
    ("集团管理人员从900人精简至450人，减幅50%。", True, "reported"),
    ("5月份该市已发放购房补贴3200万元。", True, "reported"),
    ("借款人征信记录近2年累计逾期5次（含）以上的，不予贷款。", False, "provision"),
    ("已使用3次（含）及以上公积金贷款的家庭不予受理。", False, "provision"),
    ("该市公积金贷款首套住房首付比例不低于20%。", True, "provision"),
    ("按照成交总价的1%发放补贴，补贴总额度500万元、用完即止。", True, "provision"),
])
def test_statistics_and_thresholds(text, news, kind):
    assert {c.kind for c in found(text, pub_year=2024, news=news)} == {kind}


# kinds by what the figure is: a breakdown of results (其中…), a market's sales, a rule's term (自…起至),
# a penalty (处…), a publicity or transition period, a warning line a figure is measured against
@pytest.mark.parametrize("text,expected", [
    ("截至6月底，全市发放贷款 820 笔。其中，二套房 120 笔，占 14.6%。",
     [("reported", 820), ("reported", 120), ("reported", 14.6)]),
    ("其中，对首套房给予补贴2万元。", [("provision", 2)]),   # 其中 alone makes no result
    ("10月份全市商品住房成交5120套，成交均价9800元/平方米。", [("reported", 5120), ("reported", 9800)]),
    ("到2027年，全市商品房销售面积达到300万平方米。", [("target", 300)]),
    ("自通知印发之日起至2025年6月30日，首付比例最低可调整为15%。", [("provision", 15)]),
    ("逾期不改正的，处五千元以上罚款。", [("provision", 5000)]),
    ("拟认定名单在网站公示5个工作日。", [("provision", 5)]),
    ("对超出部分给予1年过渡期。", [("provision", 1)]),
    ("全市公积金个贷率已超过90%的警戒线。", [("provision", 90)]),
])
def test_kinds_of_figures(text, expected):
    assert [(c.kind, c.value) for c in found(text, pub_year=2024)] == expected


@pytest.mark.parametrize("text,expected", [
    ("贷款期限最长30年。", [(30, None, "<=")]),
    ("审批最快3个工作日办结。", [(3, None, ">=")]),
    ("申请人须满足2年社保缴纳记录。", [(2, None, ">=")]),
    ("套内面积大于或等于120平方米的住房。", [(120, None, ">=")]),
    ("回报可达5倍甚至更高。", [(5, None, ">=")]),
    ("贷款最长不得超过合同签订后24个月。", [(24, None, "<=")]),
    ("借款人年龄上限延长至主借款人65周岁。", [(65, None, "<=")]),
    ("持股须在30%以上的股份，不含30%。", [(30, None, ">")]),
    ("面积在120平方米（含120平方米）以下的给予补贴。", [(120, None, "<=")]),
    ("2倍（含2倍）至3倍的，税率为0.5%。", [(2, 3, "="), (0.5, None, "=")]),
])
def test_more_bounds(text, expected):
    assert [(c.value, c.value_max, c.comparator) for c in found(text)] == expected


@pytest.mark.parametrize("text,expected", [
    # a list of changes: each old value dropped, each new one keeps the cap
    ("最高贷款额度首套和二套分别从50万元、40万元调整为70万元、60万元。",
     [("provision", 70, "<="), ("provision", 60, "<=")]),
    ("返还比例从50%最高提至80%。", [("provision", 80, "<=")]),
    ("可贷额度由不高于房价的60%，提高到不高于房价的70%。", [("provision", 70, "<=")]),
    # news: banks that have already changed a rule report it
    ("多家银行已经将首套房贷首付比例降至20%。", [("reported", 20, "=")]),
    # the end of a rule's term is no deadline
    ("2025年1月1日至2026年12月31日期间，按1%预征税款。", [("provision", 1, "=")]),
    ("自通知印发之日起至2026年底，首付比例可下调至15%。", [("provision", 15, "=")]),
])
def test_changes_lists_and_terms(text, expected):
    assert [(c.kind, c.value, c.comparator) for c in found(text, pub_year=2025, news="银行" in text)] == expected


@pytest.mark.parametrize("text,expected", [
    ("若个贷率连续2个月达到或超过90%，将暂停受理异地贷款。", [("provision", 2, "="), ("provision", 90, ">=")]),
    ("对吸纳毕业生签订2年以上劳动合同的企业，按500元/人给予补贴。", [("provision", 2, ">="), ("provision", 500, "=")]),
    ("各网点每月应开展1次安全检查。", [("provision", 1, "=")]),
    ("补贴按上年度最低工资标准的40%发放。", [("provision", 40, "=")]),       # 上年度 is no result, 最低工资 no floor
    ("开发投资达到25%以上，经主管部门审核同意后出具认定意见书，受让方可申请办理登记。", [("provision", 25, ">=")]),
    ("到2026年，全市应急避难场所达到80个。", [("target", 80, ">=")]),            # 应急 is no modal
    ("本月发放公积金贷款1520笔，占全年的40%，平均贷款金额为61万元。",
     [("reported", 1520, "="), ("reported", 40, "="), ("reported", 61, "=")]),
])
def test_triggers_modals_and_loan_counts(text, expected):
    assert [(c.kind, c.value, c.comparator) for c in found(text, pub_year=2025)] == expected


# a value stated again in the same words is one row; the same value in other words stays a row of its own
@pytest.mark.parametrize("text,kept", [
    # a law's fine range quoted on each degree's row of a discretion table
    ("依据条例第十条，对企业处项目总投资额1‰以上5‰以下的罚款。从轻处罚的，处1‰以上2‰以下的罚款。\n"
     "依据条例第十条，对企业处项目总投资额1‰以上5‰以下的罚款。一般处罚的，处2‰以上4‰以下的罚款。",
     [(1, 5), (1, 2), (2, 4)]),
    # a headline repeated as the page's heading
    ("全市累计筹集保障性租赁住房3.2万套\n全市累计筹集保障性租赁住房3.2万套\n记者获悉，今年全市新开工项目12个。",
     [(3.2, None), (12, None)]),
    # a label names whose figure it is: each its own statement
    ("甲银行：二套房贷款利率最低4.5%。\n乙银行：二套房贷款利率最低4.5%。", [(4.5, None), (4.5, None)]),
    # the same words after different conditions are different rules
    ("购买首套住房的，公积金贷款最高额度上浮20%。\n购买绿色建筑住房的，公积金贷款最高额度上浮20%。",
     [(20, None), (20, None)]),
    # the same figure for two different things
    ("首套住房商业贷款首付比例不低于20%，公积金贷款首付比例不低于20%。", [(20, None), (20, None)]),
    # a short cell repeated in a fee table: too few words to be the same statement
    ("住宅类：80元/件\n非住宅类：550元/件\n住宅类：80元/件", [(80, None), (550, None), (80, None)]),
])
def test_a_statement_repeated_is_one_row(text, kept):
    assert [(c.value, c.value_max) for c in found(text)] == kept


# shares written in words, the unit before the number (laws write 百分之二十): the value, its unit, its span
@pytest.mark.parametrize("text,value,value_max,unit,comparator,span", [
    ("逾期未缴的，每日按应缴金额的百分之三加收滞纳金。", 3, None, "%", "=", "百分之三"),
    ("对责任单位处合同金额千分之五以上千分之十以下的罚款。", 5, 10, "‰", "=", "千分之五以上千分之十"),
    ("到2027年，农村卫生厕所普及率不低于百分之九十五。", 95, None, "%", ">=", "百分之九十五"),
    ("行政村通硬化路比例达到百分之百。", 100, None, "%", ">=", "百分之百"),
    ("年均降幅不得低于百分之十二点五。", 12.5, None, "%", ">=", "百分之十二点五"),
])
def test_shares_written_in_words(text, value, value_max, unit, comparator, span):
    (c,) = found(text)
    t = normalize(text).text
    assert (c.value, c.value_max, c.unit, c.comparator) == (value, value_max, unit, comparator)
    assert t[c.value_start:c.value_end] == span


# 约 and 近 inside other words approximate nothing, nor does either reach past another number
@pytest.mark.parametrize("text,comparator", [
    ("逾期的，按日加收违约金0.5‰。", "="),
    ("合同约定的首期款不低于30%。", ">="),
    ("附近的服务网点不少于5个。", ">="),
    ("近期新开工项目12个。", "="),
    ("近3年累计新增就业1万人。", "="),
    ("项目总投资约5亿元。", "~"),
    ("全年新建住房近2000套。", "~"),
])
def test_approximation_words_only_as_words(text, comparator):
    c = found(text)[-1]
    assert c.comparator == comparator


# one school, a figure a region reaches (迈上…台阶), a requirement cancelled in letter-spaced text
@pytest.mark.parametrize("text,expected", [
    ("确保每一所学校至少获得1个名额。", [(1, "个", ">=")]),
    ("新建一座污水处理厂，日处理能力不低于5万吨。", [(5, "万吨", ">=")]),
    ("全市地区生产总值迈上三万亿元新台阶。", [(3000000000000, "元", ">=")]),
    ("社会消费品零售总额站上5000亿元。", [(5000, "亿元", ">=")]),
    ("取 消 购房需缴纳满 12个月 社保的规定。", []),
    ("对60岁以上人群免费接种流感疫苗。", [(60, "岁", ">=")]),
    ("各地可自下一个季度起调整贷款利率下限。", []),
    ("设施连续两周以上一个月以下不达标的，处警告。", [(1, "个月", "<=")]),
    ("本批次售价不得高于上一批次同类房屋售价的8%。", [(8, "%", "<=")]),
])
def test_one_of_a_kind_milestones_and_spaced_cancellations(text, expected):
    assert [(c.value, c.unit, c.comparator) for c in found(text)] == expected


# classes found by the third independent audit: a period a prohibition runs over is a floor on the time
# that must pass; an age bound is a scheme's condition even beside 已达到; a clause that deems a level
# reached states a test, not a result; the values of a former wording or list a change replaces are no
# longer set; a day of the month an event fell on is no count of days; a goal for 今年 has the notice's year
@pytest.mark.parametrize("text,pub_year,news,expected", [
    ("享受补贴的住房，5年内不得上市交易。", 2025, False, [("provision", 5, "年", ">=", None)]),
    ("被驳回的申请人6个月内不予再次受理。", 2025, False, [("provision", 6, "个月", ">=", None)]),
    ("审核应在10个工作日内完成。", 2025, False, [("provision", 10, "个工作日", "<=", None)]),
    # what cannot be done within a period needs more than it (a penalty tier's condition)
    ("经评估，预计6个月以内无法完成整改的，从重处罚。", 2025, False, [("provision", 6, "个月", ">", None)]),
    ("整改期满后，30日内仍不能改正的，吊销许可证。", 2025, False, [("provision", 30, "日", ">", None)]),
    ("3年内不得超过2次申请补贴。", 2025, False, [("provision", 3, "年", "<=", None), ("provision", 2, "次", "<=", None)]),
    ("已达到退休年龄但年龄在68周岁以下，且未领取养老金的人员。", 2025, False, [("provision", 68, "周岁", "<=", None)]),
    ("符合下列情形的，可视为已完成投资总额的30%以上：", 2025, False, [("provision", 30, "%", ">=", None)]),
    ("截至目前，项目已完成投资总额的30%以上。", 2025, True, [("reported", 30, "%", ">=", None)]),
    ("租房提取限额由原来的城区为1200元/月，郊县为800元/月，调整为城区为1600元/月，郊县为1000元/月。",
     2025, False, [("provision", 1600, "元/月", "=", None), ("provision", 1000, "元/月", "=", None)]),
    ("将原办理条件中“连续缴存满24个月”修改为“连续缴存满6个月”。", 2025, False, [("provision", 6, "个月", ">=", None)]),
    # the listed tiers a change replaces, named as a measure before the change verb
    ("将住房对应执行的0.6%、1%、1.5%三档税率，调整为统一的0.8%一档税率。", 2025, False, [("provision", 0.8, "%", "=", None)]),
    ("将公积金贷款利率由3.1%、3.5%，分别调整为2.85%、3.325%。", 2025, False,
     [("provision", 2.85, "%", "=", None), ("provision", 3.325, "%", "=", None)]),
    ("市住建局和某某银行9日联合召开座谈会，部署融资协调工作。", 2025, True, []),
    ("省政府新闻办28日举行发布会。", 2025, True, []),
    ("受理后应在3日内答复申请人。", 2025, False, [("provision", 3, "日", "<=", None)]),
    ("首批2000套保障性住房今年开工建设，力争年内竣工。", 2025, False, [("target", 2000, "套", "=", 2025)]),
    ("明年新建改建公园15个。", 2025, False, [("target", 15, "个", "=", 2026)]),
    # 一年, 两日: ordinary words unless a bound frames them, as 内 after them does
    ("余款一年内缴清。", 2025, False, [("provision", 1, "年", "<=", None)]),
    ("收到申请后两日内作出答复。", 2025, False, [("provision", 2, "日", "<=", None)]),
    ("一年一度的展会如期举行。", 2025, True, []),
    # a year that says which events a rule covers is no deadline of the rule; one the rule runs to is, and so is
    # the year of the purchases a benefit pays for (the dev set's gold: the benefit is that year's)
    ("对2025年在本市新举办的展会，给予最高50万元奖励。", 2025, False, [("provision", 50, "万元", "<=", None)]),
    ("对2026年购置节能家电的，给予最高2000元补贴。", 2026, False, [("provision", 2000, "元", "<=", 2026)]),
    ("2026年12月31日前购房的，给予最高2万元补贴。", 2026, False, [("provision", 2, "万元", "<=", 2026)]),
    # a period a goal is given is its deadline, no quantity; a period a rule or a condition counts is one
    ("三年内培育示范店40家。", 2025, False, [("target", 40, "家", "=", None)]),
    ("毕业五年内的高校毕业生创业的，给予补贴1万元。", 2025, False,
     [("provision", 5, "年", "<=", None), ("provision", 1, "万元", "=", None)]),
    # a clause opening on a time frame of its own is not reached by the year of the clause before
    ("2026年全市托位数达到3万个，三年内社区托育点覆盖率达到80%。", 2026, False,
     [("target", 3, "万个", ">=", 2026), ("target", 80, "%", ">=", None)]),
    ("2026年全市托位数达到3万个，毕业三年内的高校毕业生就业率达到90%。", 2026, False,
     [("target", 3, "万个", ">=", 2026), ("target", 90, "%", ">=", 2026)]),
    # the term a sentence opens on governs the clauses after its semicolons
    ("2026年3月1日至12月31日期间，对新购住房的，给予房款1%的补贴；对新购住房面积120平方米以上的，再给予房款0.5%的补贴。",
     2026, False, [("provision", 1, "%", "=", 2026), ("provision", 120, "平方米", ">=", 2026),
                   ("provision", 0.5, "%", "=", 2026)]),
    ("全市推进住房保障工作；对新购住房面积120平方米以上的，给予房款0.5%的补贴。", 2026, False,
     [("provision", 120, "平方米", ">=", None), ("provision", 0.5, "%", "=", None)]),
])
def test_audit_three_classes(text, pub_year, news, expected):
    got = [(c.kind, c.value, c.unit, c.comparator, c.year) for c in found(text, pub_year=pub_year, news=news)]
    assert got == expected


# a range's other end may repeat the unit in short (十吨标准煤以上三十吨以下): one range in the long unit
@pytest.mark.parametrize("text,expected", [
    ("年综合能耗五十吨标准煤以上一百吨以下的单位，应当进行能源审计。", (50, 100, "吨标准煤")),
    ("年耗能8千吨标准煤以下的项目可简化审查。", (8, None, "千吨标准煤")),
    # an inclusive note between the unit and the material (二十吨（含）标准煤以下) leaves the material in the unit
    ("年供热二十吨（含）标准煤以下的单位，应当报送能耗数据。", (20, None, "吨标准煤")),
    ("年综合能耗五百吨（含）标准煤以上的单位，应当进行能源审计。", (500, None, "吨标准煤")),
])
def test_a_unit_said_again_in_short_keeps_the_range(text, expected):
    (c,) = found(text)
    assert (c.value, c.value_max, c.unit) == expected


@pytest.mark.parametrize("text,expected", [
    ("1年按365天计算，即730天内不得转让。", [(730, "天")]),  # a conversion of units is a way of counting
    ("每月按30日计算，补贴标准为每日50元。", [(50, "元")]),
    ("原规定“缴存满12个月方可申请”的限制取消。", []),  # a former rule quoted to say it is gone
    ("原政策中“首付不低于30%”的要求予以废止，首付比例不低于20%。", [(20, "%")]),
    ("户型面积小于90平方米的，按1.2车位/户配建。", [(90, "平方米"), (1.2, "车位/户")]),
    ("组织2000家次企业参加展会，开展培训300场次。", [(2000, "家次"), (300, "场次")]),  # counts of visits, not of firms
])
def test_conversions_former_rules_and_ratio_units(text, expected):
    assert [(c.value, c.unit) for c in found(text, pub_year=2025)] == expected


@pytest.mark.parametrize("text,expected", [
    ("将首付比例由“不低于30%”调整为“不低于20%”。", [(20, "%", None)]),  # the former wording quoted before its replacement
    ("将“满6个月”改为“满3个月”。", [(3, "个月", None)]),
    ("原政策为30%，新实施的阶段性政策为15%。", [(15, "%", None)]),  # the former rule's value
    ("将第三条中的“免税面积为100平方米”修改为“免税面积为150平方米”。", [(150, "平方米", None)]),
    ("将原办法中的“保证金不低于合同额的2倍”调降为“保证金不低于合同额的1.5倍”。", [(1.5, "倍", None)]),
    ("把文件中“每年补助不超过500元”提高为“每年补助不超过800元”。", [(800, "元", None)]),
    ("借款人家庭只有1人缴存住房公积金的，最高贷款额度为40万元。", [(40, "万元", None)]),  # whom a condition is about
    ("全省所有16个地市的缴存职工均可申请贷款。", []),  # a set named by its whole
    ("某区放宽购房条件，无需近2年累计1年社保，凭居住证即可购买。", []),  # a condition waived
    ("投资额在50万元以下的装修工程，无需申请施工许可证。", [(50, "万元", None)]),  # an exemption's threshold stays
    # the date a condition names (which projects) is no deadline
    ("对取得预售许可的时间在2023年6月30日以前的项目，每套补贴1万元。", [(1, "万元", None)]),
])
def test_former_wordings_groups_and_dates_of_conditions(text, expected):
    assert [(c.value, c.unit, c.year) for c in found(text, pub_year=2024)] == expected
