"""Classes an eighth precision audit of the pool found wrong: a cap raised to a new level and a largest or
smallest size allowed (bounds), item numbers read as counts, the length of a look-back window, a counting
convention for periods, a market level a news story describes, the capacity naming an existing store a
measure upgrades, a market figure a news story tells the movement of. Sentences written for these tests."""
from __future__ import annotations

import pytest

from extractors.commitments import find_commitments
from extractors.normalize import normalize


def found(text: str, **kw):
    t = normalize(text).text
    return [(c.value, c.unit, c.comparator, c.kind) for c in find_commitments(t, t, **kw)]


@pytest.mark.parametrize("text,value,comparator", [
    # the new level a change sets for a cap (or a floor) is the cap, however far the change's start is
    ("缴存人申请住房公积金贷款的，最高贷款额度分别由现行新房60万元和二手房50万元统一提高至90万元。", 90, "<="),
    ("最低首付款比例由现行的30%统一下调至20%。", 20, ">="),
    ("贷款最长期限由原来的20年延长至30年。", 30, "<="),
    ("缴存基数上限由上年度的2.5万元调整为2.8万元。", 2.8, "<="),
    # …but a rise of the cap by an amount, or a share over the cap, is a plain figure
    ("多子女家庭的最高贷款额度提高10万元。", 10, "="),
    ("高层次人才可在最高贷款额度基础上上浮20%。", 20, "="),
    # the largest or smallest size allowed is a bound
    ("按照现行要求，阳台最大进深为1.2米。", 1.2, "<="),
    ("设备平台的最大进深尺寸放宽至0.9米。", 0.9, "<="),
    ("商业用房最小分割单元为300平方米。", 300, ">="),
])
def test_a_cap_set_or_raised_keeps_its_bound(text, value, comparator):
    (c,) = [x for x in found(text) if x[0] == value]
    assert c[2] == comparator


@pytest.mark.parametrize("text", [
    "全市最大的物流园区年吞吐量800万吨。",
    "最大限度减少企业申报材料30%以上。",
])
def test_a_superlative_word_bounds_nothing(text):
    assert all(c[2] == "=" or c[2] == ">=" for c in found(text)), found(text)
    assert not any(c[2] == "<=" for c in found(text))


@pytest.mark.parametrize("text,values", [
    # the second of a run of item or article numbers is an ordinal
    ("前款第三、四项所列情形，由区住建局认定。", []),
    ("本细则第五至七项的补贴标准另行公布，第二、三项自公布之日起实施。", []),
    # …a count of items stays
    ("年内新增8项便民服务。", [(8, "项")]),
])
def test_item_numbers_are_no_counts(text, values):
    assert [(c[0], c[1]) for c in found(text)] == values


@pytest.mark.parametrize("text,value,comparator", [
    # a look-back window is its length; only 内 (以内, 之内) makes it a bound
    ("近5年（2019年-2023年）未在本市举办过同类展会的，给予支持。", 5, "="),
    ("申请企业最近三年未发生重大安全事故。", 3, "="),
    ("单笔贷款近2年累计逾期超过3期的，不予贷款。", 2, "="),
    ("申请人近3年内无不良信用记录。", 3, "<="),
    ("借款人近12个月以内无逾期记录。", 12, "<="),
])
def test_a_look_back_window_is_its_length(text, value, comparator):
    (c,) = [x for x in found(text) if x[0] == value]
    assert c[2] == comparator


@pytest.mark.parametrize("text,values", [
    # how a period is counted: the threshold and the unit a part is rounded to are no quantities
    ("场地租金按年收取，不足一年的按月计算。", []),
    ("服务期不满1个月的，按1个月计。", []),
    ("补贴按季度发放，不足一个季度的部分按月折算。", []),
    # …a floor on a sum counted up stays, and so does a duration a rule sets
    ("账户余额不足2万元的，按2万元计算可贷额度。", [(2, "万元"), (2, "万元")]),
    ("缴存不足6个月的，不予贷款。", [(6, "个月")]),
])
def test_a_counting_convention_is_no_quantity(text, values):
    assert [(c[0], c[1]) for c in found(text)] == values


@pytest.mark.parametrize("text,kind", [
    # 处 as 'to stand at' in news: a market level described, no penalty
    ("今年以来，多地首套房贷利率已经处4%以上高位，个别城市更高。", "reported"),
    ("目前各地存款利率仍处2%以下低位。", "reported"),
    # …and where a market figure moved to or stands (上升至, 回落至, 冲破…大关)
    ("今年以来，多家银行首套房贷利率上升至5.2%。", "reported"),
    ("据悉，该市二套房贷利率一度冲破6%大关。", "reported"),
    # …处 before a sum is a penalty, and a change a rule makes stays a rule
    ("违反本规定的，处5000元以下罚款。", "provision"),
    ("新政实施后，本市首套房首付比例降至15%。", "provision"),
])
def test_a_market_level_in_news_is_reported(text, kind):
    (c,) = found(text, news=True)
    assert c[3] == kind


@pytest.mark.parametrize("text,values", [
    # the capacity that names an existing store a measure upgrades is no quantity
    ("改造提升城区2万吨冷库制冷设施，完善冷链配送网络。", []),
    ("提升某园区5万吨粮库智能化仓储水平，新增粮油购销网点12个。", [(12, "个")]),
    # …the capacity of a store to build stays
    ("新建5万吨粮库一座。", [(5, "万吨")]),
])
def test_the_capacity_naming_an_upgraded_store(text, values):
    assert [(c[0], c[1]) for c in found(text)] == values


@pytest.mark.parametrize("text,news,value,kind", [
    # whom a rule's sanction or relief covers, named in a condition its last clause applies to: a provision, though
    # the condition says what a household already owns, and in news too
    ("对已拥有3套及以上住房的本地户籍家庭，暂停在本地向其发放住房贷款。", False, 3, "provision"),
    ("对已拥有3套及以上住房的本地户籍家庭、拥有2套及以上住房的外地户籍家庭，暂停向其出售新建商品住房。", True, 2, "provision"),
    ("个人出售持有满两年以上的普通住房取得的收入，暂免征收增值税。", True, 2, "provision"),
    ("已取得营业执照满3年的企业，不予重复补贴。", False, 3, "provision"),
    # a penalty tier whose condition says what a breach has already caused is a provision
    ("擅自拆改承重结构，已造成安全隐患的，处2万元罚款。", False, 2, "provision"),
    ("对已造成损失的，依法处以罚款3000元。", True, 3000, "provision"),
    # …but what a report says was already stopped, or counts, stays a result
    ("今年以来已有6家企业的项目，暂停了审批。", False, 6, "reported"),
    ("截至目前，已有150户家庭，停止了领取补贴。", True, 150, "reported"),
])
def test_whom_a_sanction_covers_is_a_provision(text, news, value, kind):
    (c,) = [x for x in found(text, news=news) if x[0] == value]
    assert c[3] == kind


@pytest.mark.parametrize("text,value,kind,year", [
    # a rule's term written in the last clause of its sentence gives the rule its year, as a term written before it
    ("对企业招用应届毕业生的，按800元/人的标准发放一次性补助，与其他就业补贴不重复享受，政策执行至2026年底。", 800, "provision", 2026),
    ("购买新建商品住房的，给予1万元补贴，本措施有效期至2027年12月31日。", 1, "provision", 2027),
    ("2025年12月31日前，购买新建商品住房的，给予2万元补贴。", 2, "provision", 2025),
    # …and a sentence with no term has no year
    ("购买新建商品住房的，给予4万元补贴。", 4, "provision", None),
    # a goal's deadline stays a goal's
    ("到2027年，全市新增就业岗位5万个，执行至今成效明显。", 5, "target", 2027),
])
def test_a_term_written_after_the_value_gives_its_year(text, value, kind, year):
    t = normalize(text).text
    (c,) = [c for c in find_commitments(t, t) if c.value == value]
    assert (c.kind, c.year) == (kind, year)


@pytest.mark.parametrize("text,news,value,kind", [
    # the condition of a penalty tier says what a breach has already caused or how often: a rule, in news too
    ("拒不整改，已累计发生4次以上同类事故的，处8万元罚款。", True, 4, "provision"),
    ("拒不整改，已累计发生4次以上同类事故的，处8万元罚款。", False, 4, "provision"),
    ("已造成2人以上受伤的，由主管部门责令停业整顿，并处5万元罚款。", True, 2, "provision"),
    # …but a count a report makes of cases already punished stays a result
    ("截至今年6月底，已累计查处违法企业15家的，处罚情况已向社会公布。", True, 15, "reported"),
])
def test_a_penalty_condition_is_a_provision(text, news, value, kind):
    (c,) = [x for x in found(text, news=news) if x[0] == value]
    assert c[3] == kind
