"""Kinds and years of commitments: rules that are no goals, reviews of a past five-year period, news of changes
already made, five-year plans as deadlines, and dates that are no rule's year. Sentences written for these tests."""
from __future__ import annotations

import pytest

from extractors.commitments import _title_plan_end, find_commitments
from extractors.normalize import normalize

PROPOSAL = "中共某市委关于制定某市国民经济和社会发展第十五个五年规划的建议"


def found(text: str, **kw):
    """Commitments as the pipeline reads them: with document numbers and dates masked."""
    from corpora.chars import mask
    from extractors.dates import find_dates
    from extractors.docnumbers import find_docnumbers
    t = normalize(text).text
    masked = mask(t, [(d.start, d.end) for d in find_docnumbers(t)])
    masked = mask(masked, [(d.start, d.end) for d in find_dates(masked, None)])
    return [(c.kind, c.value, c.year) for c in find_commitments(t, masked, **kw)]


# a share or a bound with no goal word and no year is a rule's: an admission quota, a condition of a subsidy,
# a threshold of eligibility; a goal word (力争, 每年, 建成, 达到) or a targets section keeps a target
@pytest.mark.parametrize("text,expected", [
    ("各区重点高中的名额分配招生计划占其招生计划总数的40%。", [("provision", 40, None)]),
    ("特长生招生计划合计不低于该类招生计划的20%。", [("provision", 20, None)]),
    ("对在本区举办招聘会（组织80家企业及以上）的行业协会，在场地费用方面按实际发生额的50%进行补贴。",
     [("provision", 80, None), ("provision", 50, None)]),
    ("每批次房源中小户型套数占比在70%以上，且报名人数超过房源数2倍的，提高供应比例。",
     [("provision", 70, None), ("provision", 2, None)]),
    ("新建项目的规模不少于40套。", [("provision", 40, None)]),
    ("机构投资者首期出资不低于500万元。", [("provision", 500, None)]),
    ("竞买保证金由现行的20%提高到30%。", [("provision", 30, None)]),
    ("为满足“未来社区”的安装需求，将空调外机搁板的最大进深放宽至0.8米。", [("provision", 0.8, None)]),
    ("开敞面累计长度不低于阳台周长25%的开放式阳台，可按一半计算面积。", [("provision", 25, None)]),
    # goals stay targets
    ("每年城镇新增就业8万人以上。", [("target", 8, None)]),
    ("力争全市充电桩覆盖率达到90%。", [("target", 90, None)]),
    ("全市培育示范店50家以上。", [("target", 50, None)]),
    ("主要目标：\n1.建成区绿地率不低于40%。\n", [("target", 40, None)]),
])
def test_rules_without_a_goal_are_provisions(text, expected):
    assert found(text, pub_year=2024) == expected


# a sentence or paragraph on a five-year period that has ended reviews its results
@pytest.mark.parametrize("text,kwargs,expected", [
    ("“十四五”期间，全市新建改造农村公路820公里。", {"pub_year": 2026}, [("reported", 820, None)]),
    ("“十四五”期间，全市新建改造农村公路820公里。", {"pub_year": 2025, "title": PROPOSAL}, [("reported", 820, None)]),
    ("“十四五”时期，我们持续完善公共服务。全市组建家庭医生团队1500支。\n", {"pub_year": None, "title": PROPOSAL},
     [("reported", 1500, None)]),
    ("全市持续推进民生工程。“十四五”期间，全市累计发放补贴2.3亿元，新建改造农田45万亩。\n", {"pub_year": 2025},
     [("reported", 2.3, None), ("reported", 45, None)]),
    ("“十四五”期间，确保全市新建改造农田60万亩。\n", {"pub_year": 2025}, [("target", 60, 2025)]),
    ("全市控烟工作成效显著，成人吸烟率降至19.5%。", {"pub_year": 2025}, [("reported", 19.5, None)]),
    # a period still running keeps its figures as plans, and its last year as their deadline
    ("“十四五”期间，全市计划建设保障性住房20万套。", {"pub_year": 2023}, [("target", 20, 2025)]),
    # a past period named as a base of comparison is no review
    # a figure with no goal, rule or benefit word in a proposal for the next plan reviews the last one
    ("全市改造老旧小区住房1.2万户，新开社区食堂86家。", {"pub_year": 2025, "title": PROPOSAL},
     [("reported", 1.2, None), ("reported", 86, None)]),
    ("全市改造老旧小区住房1.2万户，新开社区食堂86家。", {"pub_year": 2025}, [("provision", 1.2, None), ("provision", 86, None)]),
    ("全市研发投入强度力争比“十四五”末提高0.5个百分点。", {"pub_year": 2025, "title": PROPOSAL}, [("target", 0.5, 2030)]),
])
def test_reviews_of_a_past_five_year_period(text, kwargs, expected):
    assert found(text, **kwargs) == expected


# a proposal for a five-year plan sets its goals for the plan's last year
@pytest.mark.parametrize("title,expected", [
    (PROPOSAL, 2030),
    ("某省国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要", 2025),
    ("某市“十二五”住房保障规划", 2015),
    ("某市2024年国民经济和社会发展计划", None),
])
def test_title_plan_end(title, expected):
    assert _title_plan_end(title) == expected


@pytest.mark.parametrize("text,expected", [
    ("在质量效益明显提升的基础上，地区生产总值力争达到3万亿元。", [("target", 3, 2030)]),
    ("“十五五”时期，全市城镇新增就业每年不少于30万人。", [("target", 30, 2030)]),
    # an estimate of the current year in the review is no goal of the plan
    ("地区生产总值连续迈上新台阶，预计突破1.2万亿元。", [("target", 1.2, None)]),
])
def test_five_year_plan_deadlines(text, expected):
    assert found(text, pub_year=2025, title=PROPOSAL) == expected


# news of a change already made, of a former rule, an inference, an approximate figure: results
@pytest.mark.parametrize("text,expected", [
    ("6月5日，某市正式宣布上调房贷利率，将首套调至4.5%，二套调至5.2%。", [("reported", 4.5, None), ("reported", 5.2, None)]),
    ("此前外地户籍家庭需连续缴纳24个月社保才能购房。", [("reported", 24, None)]),
    ("新政放宽了限购。此前外地户籍家庭需连续缴纳24个月社保才能购房。", [("reported", 24, None)]),
    ("某市5月初将个人住房转让增值税免征年限由5年调整为3年，同月再次放宽限购。", [("reported", 3, None)]),
    ("2022年5月下旬，某市把首付比例调整为20%。", [("reported", 20, None)]),
    # a change the news announces as taking effect stays a rule
    ("自7月1日起，某市将公积金贷款最高额度调整为80万元。", [("provision", 80, None)]),
    ("这意味着普通家庭将需要25年才能买得起一套住房。", [("reported", 25, None)]),
    ("这笔专项贷款年化利率约为2.8%。", [("reported", 2.8, None)]),
    ("公司净亏损较上年减少约30.5亿元。", [("reported", 30.5, None)]),
    ("以总价300万元的住房为例，按三成首付，购房者需准备90万元首付。", []),  # a worked example: no figure of its own
    ("目前全市已复工项目120个，未复工项目15个。", [("reported", 120, None), ("reported", 15, None)]),
    # a rule the news reports stays a rule; a plan's approximate goal stays a target
    ("该市公积金贷款首套住房首付比例不低于20%。", [("provision", 20, None)]),
    ("今年主要预期目标是：地区生产总值增长6%左右。", [("target", 6, 2024)]),
    ("通知明确，符合条件的企业可获得约50万元补助。", [("provision", 50, None)]),
])
def test_news_of_changes_made(text, expected):
    assert found(text, pub_year=2024, news=True) == expected


# a modal is a whole word: 需求 and 应用 are nouns even where the words read after a value end between their two
# characters (…400个，融资需|求); results of news stay results
@pytest.mark.parametrize("text,expected", [
    ("目前全省12个城市均已建立协调机制，甲、乙两市已推送首批名单，涉及项目300个，融资需求500亿元。",
     [("reported", 12, None), ("reported", 300, None), ("reported", 500, None)]),
    ("某区研究形成项目清单并推送至银行，已支持3个项目合计12.5亿元的融资需求。",
     [("reported", 3, None), ("reported", 12.5, None)]),
    ("目前全市已有45个场景应用落地。", [("reported", 45, None)]),
    # a modal right after the value still makes it a rule
    ("每户补贴不超过2000元，需提供发票。", [("provision", 2000, None)]),
])
def test_modals_are_whole_words(text, expected):
    assert found(text, pub_year=2024, news=True) == expected


# a rule's year is one it runs to or applies in, not the date of an event it cites or starts from; a year a
# value is compared with is not the target's
@pytest.mark.parametrize("text,expected", [
    ("创业时间在2024年3月1日以后，且正常经营6个月以上的，可享受一次性5000元补贴。",
     [("provision", 6, None), ("provision", 5000, None)]),
    ("在严格执行2017年3月5日限购政策基础上，本市单身人士限购1套住房。", [("provision", 1, None)]),
    ("2019年6月1日，某市升级限购，新购住房须满3年才能出售。", [("provision", 3, None)]),
    ("在2022年5月31日（含）后生育三孩的家庭，贷款额度最高为60万元。", [("provision", 60, None)]),
    ("2021年12月末，贷款占比超出上限2个百分点以内的，过渡期为2年。", [("provision", 2, None), ("provision", 2, None)]),
    ("确定2023年度住宅用地价格涨幅控制目标为不超过2022年度出让地价的10%。", [("target", 10, 2023)]),
    # the term of a rule keeps its year, and a condition inside it is no target
    ("2024年1月1日至2024年2月29日，毕业未满五年的大学毕业生购买新建商品住房的，给予每平方米100元补贴。",
     [("provision", 5, 2024), ("provision", 100, 2024)]),
    ("自本通知实施之日起至 2025 年 2 月 28 日，多子女家庭租房提取的，规定比例从 70%提高至 100%。", [("provision", 100, 2025)]),
    ("自2023年1月1日至2023年12月31日，购买新建商品住房的家庭，政府每套补贴1万元。", [("provision", 1, 2023)]),
    ("截至2027年12月31日，对月销售额10万元以下的小规模纳税人免征增值税。", [("provision", 10, 2027)]),
    ("补贴政策实施期限为2024年3月1日-2026年2月28日，获得资格2年内购房的，应及时申请。", [("provision", 2, 2026)]),
    # a dated span named after the value, in a bracket or a clause of its own, ends the term likewise
    ("购买新建商品房的，给予150元/平方米的补贴（执行期限为2024年5月1日至2025年4月30日，以网签时间为准）。",
     [("provision", 150, 2025)]),
    ("购买新建商品住房的，按成交价格的2%予以补贴，执行期限为2024年3月1日至2026年2月28日。", [("provision", 2, 2026)]),
    ("新购住房的，给予每套2万元补贴（有效期自2024年1月1日至2024年12月31日）。", [("provision", 2, 2024)]),
    ("新购住房的，给予每套3万元补贴，期满后另行研究，有效期2年。", [("provision", 3, None), ("provision", 2, None)]),
])
def test_years_of_rules(text, expected):
    assert found(text, pub_year=2024) == expected


def found_cmp(text: str, **kw):
    from corpora.chars import mask
    from extractors.dates import find_dates
    from extractors.docnumbers import find_docnumbers
    t = normalize(text).text
    masked = mask(t, [(d.start, d.end) for d in find_docnumbers(t)])
    masked = mask(masked, [(d.start, d.end) for d in find_dates(masked, None)])
    return [(c.kind, c.value, c.comparator) for c in find_commitments(t, masked, **kw)]


# 达/达到 in a report of what was reached states a level; in a goal or a rule's condition it stays a floor
@pytest.mark.parametrize("text,expected", [
    ("截至6月末，全省已开工项目总投资达12.6亿元。", [("reported", 12.6, "=")]),
    ("截至目前，两批项目的审批通过率均达100%。", [("reported", 100, "=")]),
    ("今年以来，全市累计发放贷款达到35亿元，同比增长8%。", [("reported", 35, "="), ("reported", 8, "=")]),
    ("这笔专项借款的期限长达25年。", [("provision", 25, "=")]),
    # goals and conditions keep the floor
    ("到2027年，全市生活垃圾分类覆盖率达到95%。", [("target", 95, ">=")]),
    ("力争全市充电桩覆盖率达到90%。", [("target", 90, ">=")]),
    ("当月末个贷率达到88%时，暂停办理异地贷款。", [("provision", 88, ">=")]),
    ("截至目前，已有企业营收达500万元以上。", [("reported", 500, ">=")]),
    # a cap stays a cap
    ("贷款期限最长达20年。", [("provision", 20, "<=")]),
    # 最低收购价 names a scheme: the tonnage after it is no floor
    ("做好小麦最低收购价收购和3000吨储备粮轮换工作。", [("provision", 3000, "=")]),
])
def test_levels_reached_and_floors(text, expected):
    assert found_cmp(text, pub_year=2024) == expected


# goals to build, conditions, decisions on a period, counts of those who have acted, lines passed, dates of a step
@pytest.mark.parametrize("text,kwargs,expected", [
    ("加快 15 分钟高品质生活服务圈建设，鼓励物业企业开办便民超市。", {}, [("target", 15, None)]),
    ("全面推进20个口袋公园建设。", {}, [("target", 20, None)]),
    ("在开发资金投入达到工程总投资30%以上前提下，对企业适当放宽预售进度标准。", {}, [("provision", 30, None)]),
    ("在开发资金投入达到工程总投资30%以上前提下，对企业适当放宽预售进度标准。", {"news": True}, [("provision", 30, None)]),
    ("会议决定将秋季房交会举办时间延长2个月，至2024年1月31日。", {"news": True}, [("provision", 2, None)]),
    ("会议决定将秋季房交会举办时间延长2个月，至2024年1月31日。", {}, [("provision", 2, None)]),
    ("据介绍，从去年5月开始，6个试点城市已着手筹集房源。", {"news": True}, [("reported", 6, None)]),
    ("6个试点城市已着手筹集房源。", {}, [("reported", 6, None)]),
    ("截至9月底，全市公积金个贷率攀升至88.2%，已超出85%的流动性预警线。", {},
     [("reported", 88.2, None), ("reported", 85, None)]),
    ("个贷率超过85%的预警线时，暂停异地贷款。", {}, [("provision", 85, None)]),
    ("2027年1月15日前，市住建局整理形成补贴名单，并通过网站公示，公示期5天。", {}, [("provision", 5, None)]),
    # the deadline of the value's own step, and the window of a rule, stay
    ("2027年12月31日前，企业可申请分批缴纳配套费，最长不超过6个月。", {}, [("provision", 6, 2027)]),
    ("2027年1月15日前，完成补贴发放，发放比例达到100%。", {}, [("target", 100, 2027)]),
])
def test_goals_conditions_and_decisions(text, kwargs, expected):
    assert found(text, pub_year=2023, **kwargs) == expected


# a floor on a duration that qualifies who (签订1年以上劳动合同的人员) is a condition; a distance within a range and a
# cap named after its sum are bounds
@pytest.mark.parametrize("text,expected", [
    ("支持企业自主确定培训对象（与其签订2年以上劳动合同的新招用人员），组织实施学徒制培训。", [("provision", 2, ">=")]),
    ("每年开展职工培训不少于40小时。", [("target", 40, ">=")]),
    ("禁止在输电线路两侧各二百米范围内燃放孔明灯。", [("provision", 200, "<=")]),
    ("本细则适用于开发区80平方公里范围内的工业用地项目。", [("provision", 80, "=")]),
    ("提取比例从60%提高至80%，1500元规定上限不变。", [("provision", 80, "="), ("provision", 1500, "<=")]),
    # a cap in a bracket note is the note's, not the next item's of the list
    ("分别按照3分/栋（每个项目最高15分）、2分/栋（每个项目最高10分）给予加分。",
     [("provision", 3, "="), ("provision", 15, "<="), ("provision", 2, "="), ("provision", 10, "<=")]),
    ("贷款额度不超过（含）50万元。", [("provision", 50, "<=")]),
])
def test_qualifying_durations_and_named_bounds(text, expected):
    assert found_cmp(text, pub_year=2024) == expected


# a text that opens a paragraph on the day something was done reports an event, like news
@pytest.mark.parametrize("text,news", [
    ("某分行投放首批专项借款\n1月30日，某分行发放首批城中村改造专项借款10.3亿元，用于支持3个项目。", True),
    ("3月15日上午，市政府召开常务会议，研究部署稳就业工作。", True),
    ("某行举办座谈会\n11月20日，某银行在京举办房企座谈会，邀请12家房企参加。", True),
    ("关于做好申报工作的通知\n各单位：\n3月1日，开始受理申报材料，截止时间为3月31日。", False),
    ("关于做好申报工作的通知\n各单位：\n请于3月1日前报送材料。", False),
])
def test_a_dated_event_reads_as_news(text, news):
    from extractors.commitments import reads_as_news
    assert reads_as_news(text) is news


# the year of a rule a text cites as an event (在2019年限购令后, 2020年新政出台以来) is not the year of what followed
# it; a deadline stays one
@pytest.mark.parametrize("text,kwargs,expected", [
    ("由于在2019年最严限购令后把不符合5年社保要求的购房者挡在门外，成交下滑。", {"pub_year": 2021, "news": True},
     [("provision", 5, None)]),
    ("2020年调控新政出台后，外地户籍购房须缴纳社保满3年。", {"pub_year": 2021}, [("provision", 3, None)]),
    ("2023年政策实施以来，首套房首付比例为20%。", {"pub_year": 2024}, [("provision", 20, None)]),
    ("2026年底前，新建住宅装配率不低于50%。", {"pub_year": 2025}, [("target", 50, 2026)]),
    ("2026年新建保障性住房3000套。", {"pub_year": 2026}, [("target", 3000, 2026)]),
])
def test_the_year_of_a_cited_rule_is_no_deadline(text, kwargs, expected):
    assert found(text, **kwargs) == expected


# a count a publicity notice gives of those a selection has named is the selection's result; a quota to fill and a
# publicity period stay
@pytest.mark.parametrize("text,expected", [
    ("三、2025年公示拟取得落户资格人员4120人。", [("reported", 4120, None)]),
    ("2025年公示拟认定企业58家。", [("reported", 58, None)]),
    ("2026年计划新增落户人员6000人。", [("target", 6000, 2026)]),
    ("名单公示期为5个工作日。", [("provision", 5, None)]),
])
def test_the_count_of_a_published_list_is_reported(text, expected):
    assert found(text, pub_year=2025) == expected


# a clause that opens on the verb of a task after a goal of its sentence continues the list of goals, with its year;
# a benefit or a rule after the goals stays a provision
@pytest.mark.parametrize("text,expected", [
    ("年内新建乡村公路42公里，改造危桥6座，实施道路安防工程18.5公里。",
     [("target", 42, 2025), ("target", 6, 2025), ("target", 18.5, 2025)]),
    ("到2027年，建成示范村12个，实施改造项目30个，对改造户给予补贴3000元。",
     [("target", 12, 2027), ("target", 30, 2027), ("provision", 3000, 2027)]),
    ("全市新建口袋公园5个，实施补贴每户2000元。", [("provision", 5, None), ("provision", 2000, None)]),
])
def test_a_list_of_goals_goes_on(text, expected):
    assert found(text, pub_year=2025) == expected


# a count of projects a plan pushes on (…个项目加快实施) is a goal, with no year where none is written; projects a
# rule covers stay provisions
@pytest.mark.parametrize("text,expected", [
    ("推进重点工程建设，56个市级新开工项目加快实施。", [("target", 56, None)]),
    ("全年12项民生工程全面开工。", [("target", 12, None)]),
    ("对纳入清单的项目，每个项目给予补助20万元。", [("provision", 20, None)]),
])
def test_a_count_of_projects_to_push_on_is_a_goal(text, expected):
    assert found(text) == expected


# a tier of a penalty discretion table counts what a violator did: a condition of the tier, never a goal
@pytest.mark.parametrize("text,expected", [
    ("从重处罚：2年内3次以上实施同类违法行为的", [("provision", 2, None), ("provision", 3, None)]),
    ("一般处罚：违法所得在5万元以上10万元以下的", [("provision", 5, None)]),
])
def test_a_penalty_tier_counts_conditions(text, expected):
    assert found(text, pub_year=2025) == expected


# a rule's term running to a year (政策执行至2026年底) ends that rule: the sentences after it on its line get no
# deadline from it
@pytest.mark.parametrize("text,expected", [
    ("招用毕业年度大学生的，发放一次性扩岗补助，政策执行至2026年底。吸纳脱贫劳动力10人以上，将其认定为就业帮扶基地。",
     [("provision", 10, None)]),
    ("全市推进农村公路建设，到2026年底。新建农村公路120公里。", [("target", 120, 2026)]),
])
def test_a_term_running_to_a_year_is_no_deadline_after_it(text, expected):
    assert found(text, pub_year=2025) == expected
