"""Numbers that describe rather than measure (the size of a group the subject is one of, a measure word in prose,
a narrative span, the step of a per-step rate, a counting unit's definition), a figure that restates a bound named
just before it, and a year inside a listed project's name. Each class is paired with sentences where the same
shape is a real quantity and must stay."""
from __future__ import annotations

import pytest

from extractors.commitments import find_commitments
from extractors.normalize import normalize


def found(text: str, news: bool = False, pub_year: int = 2024):
    t = normalize(text).text
    return find_commitments(t, t, None, news=news, pub_year=pub_year)


@pytest.mark.parametrize("text,kept", [
    # the size of a group the subject is one of
    ("该行是六家全国性商业银行之一，积极支持住房租赁。", []),
    ("本市被列入20个国家级试点城市之一。", []),
    # … but a share written as a fraction, and a condition list after a limit, stay
    ("每户补贴不超过房款的5%，且须符合下列条件之一。", [(5, "%")]),
    ("年龄不超过35周岁，具备下列条件之一的人员可以申请。", [(35, "周岁")]),
    # a measure word in prose
    ("数字化转型是一场深刻的系统性变革。", []),
    ("这将成为一场持久战。", []),
    # … but a count of events a plan sets stays
    ("每季度举办一场专场招聘会。", [(1, "场")]),
    # a narrative span or count of what happened
    ("该市楼市经历三年调整期后逐步回暖。", []),
    ("项目历时5年建成，耗时6个月完成验收。", []),
    # … but a period a rule sets stays
    ("项目建设期限为3年。", [(3, "年")]),
    # the step of a per-step rate: the rate's figure stays
    ("吸纳就业10人以上的，每增加1人再给予500元奖励。", [(10, "人"), (500, "元")]),
    ("面积每新增1万平方米，奖励增加20万元。", [(20, "万元")]),
    # a counting unit's definition
    ("按月还款的，每1个月即为1期。", []),
    # … but a count of overdue instalments a rule bars stays
    ("近2年内逾期累计不超过6期的，可以申请。", [(2, "年"), (6, "期")]),
])
def test_descriptions_are_no_quantities(text, kept):
    assert [(c.value, c.unit) for c in found(text)] == kept


@pytest.mark.parametrize("text,expected", [
    # the figure after 即 restates a floor or cap named in the clause before it
    ("目前首套房利率可以调至最低为LPR基准，即3.5%。", [(3.5, "%", ">=")]),
    ("二套房利率最低为LPR加60个基点，即4.1%。", [(60, "个基点", ">="), (4.1, "%", ">=")]),
    ("补贴最高为房款的1%，即不超过3万元。", [(1, "%", "<="), (3, "万元", "<=")]),
    # … a clause with no bound gives none, and a change before it is not restated
    ("多数银行执行LPR加30个基点，即3.9%。", [(30, "个基点", "="), (3.9, "%", "=")]),
])
def test_a_figure_after_ji_restates_the_bound_before(text, expected):
    got = [(c.value, c.unit, c.comparator) for c in found(text, news=True)]
    assert got == expected


@pytest.mark.parametrize("text,year", [
    # a year inside a listed project's name is no deadline
    ("开工建设滨江公园、某区2023年智慧城市等项目，48个新开工项目加快实施。", None),
    # … but a deadline, and a year a goal is set for, stay
    ("到2026年底，建成重点项目56个。", 2026),
    ("2025年新开工重点项目56个。", 2025),
])
def test_a_year_in_a_listed_projects_name_is_no_deadline(text, year):
    got = [c for c in found(text, pub_year=2023) if c.unit == "个"]
    assert len(got) == 1 and got[0].year == year


@pytest.mark.parametrize("text,expected", [
    # posts a plan will create are a goal
    ("挖掘基层服务潜能，开发城乡社区服务岗位300个。", [(300, "个", "target")]),
    ("全年募集就业见习岗位2000个以上。", [(2000, "个", "target")]),
    # … but the benefit for a unit that creates posts is a rule
    ("对开发公益性岗位安置就业困难人员的单位，按每人每月500元给予岗位补贴。", [(500, "元", "provision")]),
])
def test_posts_to_create_are_a_goal(text, expected):
    assert [(c.value, c.unit, c.kind) for c in found(text)] == expected


@pytest.mark.parametrize("text,year", [
    # a bracket note after the value that names the end of its term gives its year
    ("符合条件的，住房公积金贷款最高额度再提高5万元（截止时间为2025年12月31日止）。", 2025),
    ("购房补贴标准为每平方米100元（有效期至2026年6月30日）。", 2026),
])
def test_a_term_note_after_the_value_gives_its_year(text, year):
    got = [c for c in found(text) if c.unit in ("万元", "元")]
    assert len(got) == 1 and got[0].year == year


def test_a_banks_offer_on_a_news_page_is_reported():
    text = ("某市楼市快讯\n记者获悉，多家银行下调房贷利率。\n甲乙银行：首套房最低3.5%，二套房最低4.1%！\n"
            "丙丁银行：首套可以做到3.5%，随批随放。")
    assert [(c.value, c.comparator, c.kind) for c in found(text, news=True)] == [
        (3.5, ">=", "reported"), (4.1, ">=", "reported"), (3.5, "=", "reported")]
    # … but in a notice the same line stays the text's own
    assert [c.kind for c in found("甲乙银行：首套房贷款利率最低3.5%。")] == ["provision"]


@pytest.mark.parametrize("text,kept", [
    # an item of a related-news list headed by a column tag is another story's headline
    ("- 创新驱动|某区筹建产业创新中心 到2027年将引进不少于20家企业", []),
    # … but a bulleted goal and a form row with a bar stay
    ("- 到2027年，引进企业不少于20家。", [(20, "家")]),
    ("主要品牌 | 填写最具代表性的品牌，不超过20个：", [(20, "个")]),
])
def test_related_news_items_with_a_column_tag_are_no_quantities(text, kept):
    assert [(c.value, c.unit) for c in found(text)] == kept
