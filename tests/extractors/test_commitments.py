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
    assert items("全市家庭医生签约服务覆盖率达到68%。", news=True) == [("reported", 68, "%", ">=", None)]


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
    ("首付款比例", "down_payment_ratio"),
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
