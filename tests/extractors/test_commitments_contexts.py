"""Commitments read in their context: a rule told in news, a person quoted in news, a group a bound names, a count
that refers to things named before, a range whose ends have different units or lie on different lines, and lines
read across a newspaper page's columns. Sentences written for these tests."""
from __future__ import annotations

import pytest

from extractors.commitments import column_lines, find_commitments
from extractors.normalize import normalize


def found(text: str, **kw):
    """(kind, value, value_max, unit, comparator) as the pipeline reads them: document numbers and dates masked."""
    from corpora.chars import mask
    from extractors.dates import find_dates
    from extractors.docnumbers import find_docnumbers
    t = normalize(text).text
    masked = mask(t, [(d.start, d.end) for d in find_docnumbers(t)])
    masked = mask(masked, [(d.start, d.end) for d in find_dates(masked, None)])
    return [(c.kind, c.value, c.value_max, c.unit, c.comparator) for c in find_commitments(t, masked, **kw)]


# a rule news tells keeps the rule's kind: the level a rule's verb sets (按…确定/执行/征收/发放) and how a benefit is
# paid (分N笔发放, 每笔发放N%); a sentence that reports a result (已, 累计, 同比, 销售) stays a result
@pytest.mark.parametrize("text,expected", [
    ("新规明确，工业用地竞买保证金按起始价的30%确定。", [("provision", 30, None, "%", "=")]),
    ("据了解，该市契税按1%征收，此前为1.5%。", [("provision", 1, None, "%", "=")]),
    ("记者获悉，新入职人才的租房补助按每月800元发放。", [("provision", 800, None, "元", "=")]),
    ("据悉，这笔奖励分三次发放，每次发放三分之一，每笔发放40%以内。",
     [("provision", 3, None, "次", "="), ("provision", 40, None, "%", "<=")]),
    ("购房补贴分2期拨付，首期在网签后发放。", [("provision", 2, None, "期", "=")]),
    # results stay results
    ("今年以来，全区已按50%的比例发放补贴1200万元。", [("reported", 50, None, "%", "="), ("reported", 1200, None, "万元", "=")]),
    ("据统计，全市累计分两批发放消费券3000万元。", [("reported", 3000, None, "万元", "=")]),
    ("上半年全市商品住房销售按揭比例为65%。", [("reported", 65, None, "%", "=")]),
])
def test_rules_told_in_news(text, expected):
    assert found(text, pub_year=2024, news=True) == expected


# the words of a person quoted in news, speaking to or for one person (你, 您, 我), are no figure of the policy; an
# official stating the plan (我市, 我们) and the text of a notice quoted stay
@pytest.mark.parametrize("text,expected", [
    ("记者致电客服热线，接线员表示：“您的申请还在审核，大概3个工作日后再查询。”", []),
    ("一位市民告诉记者：“我去年贷款时利率是4.1%，现在只要3.5%。”", []),
    ("中介人员坦言，“你现在买的话首付只要两成。”", []),
    ("市住建局负责人表示，“我市将把公积金最高贷款额度提高到100万元。”", [("provision", 100, None, "万元", "<=")]),
    ("通知明确，“首套住房商业贷款首付比例不低于15%”。", [("provision", 15, None, "%", ">=")]),
])
def test_quotes_of_persons_in_news(text, expected):
    assert found(text, pub_year=2024, news=True) == expected


# a bound naming the group whose own measure its clause then states (N人及以下的企业裁员率…, N岁以上人群…率) is who the
# figure is about, not a quantity; a bound that is the condition of a benefit or a rule stays a provision
@pytest.mark.parametrize("text,expected", [
    ("对100人及以下的企业，失业率放宽至不高于职工总数的15%。", [("provision", 100, None, "人", "<="), ("provision", 15, None, "%", "<=")]),
    ("20人及以下的小微企业裁员率不超过参保人数的25%。", [("provision", 25, None, "%", "<=")]),
    ("60岁以上老年人接种率达到85%。", [("target", 85, None, "%", ">=")]),
    ("120平方米以下的户型占比不低于70%。", [("provision", 70, None, "%", ">=")]),
    # conditions and ranges stay
    ("对职工50人以下的企业给予补贴3000元。", [("provision", 50, None, "人", "<="), ("provision", 3000, None, "元", "=")]),
    ("与企业签订2年以上劳动合同的人员，可申请补贴。", [("provision", 2, None, "年", ">=")]),
    ("罚款5000元以上低于2万元的，适用简易程序。", [("provision", 5000, 20000, "元", "=")]),
    ("年龄在60周岁以下的灵活就业人员可参保。", [("provision", 60, None, "周岁", "<=")]),
    # two conditions joined, a count of things or a tier of a tax, a table's ranges side by side: no group's size
    ("家庭有3套及以上住房的或已申请过2次贷款的，不予受理。", [("provision", 3, None, "套", ">="), ("provision", 2, None, "次", "=")]),
    ("单位人数在50人以下或营业收入在300万元以下的企业。", [("provision", 50, None, "人", "<="), ("provision", 300, None, "万元", "<=")]),
    ("房价收入比5倍（含）以上的地区税率为1.5%。", [("provision", 5, None, "倍", ">="), ("provision", 1.5, None, "%", "=")]),
    ("处 2 万元以上 4 万元以下罚款处 4 万元以上 6 万元以下罚款", [("provision", 2, 4, "万元", "="), ("provision", 4, 6, "万元", "=")]),
])
def test_group_qualifiers(text, expected):
    assert found(text, pub_year=2024) == expected


# a count that refers to things already named (这四家银行, 上述两个项目; in news a clause opening on 三个城市的…) is no quantity
@pytest.mark.parametrize("text,news,expected", [
    ("甲、乙、丙、丁的房价均有回落，这四个城市的成交量环比下降12%。", True, [("reported", 12, None, "%", "=")]),
    ("上述两家银行的放款周期平均缩短了5天。", True, [("reported", 5, None, "天", "=")]),
    ("监管部门随后约谈了这12家房企的负责人。", True, []),
    ("其中甲市上涨0.3%、乙市上涨0.1%，两个城市的新房价格均连续上涨3个月。", True,
     [("reported", 0.3, None, "%", "="), ("reported", 0.1, None, "%", "="), ("reported", 3, None, "个月", "=")]),
    # a count that is a plan's or a rule's stays
    ("到2027年，全省建成三个国家级示范区。", False, [("target", 3, None, "个", "=")]),
    ("每个县至少建设两个养老服务中心。", False, [("target", 2, None, "个", ">=")]),
])
def test_counts_that_refer(text, news, expected):
    got = found(text, pub_year=2024, news=news)
    assert [(k, v, m, u, c) for k, v, m, u, c in got] == expected


# a range whose two ends are a share and a multiple of one base is one range in the lower end's unit
@pytest.mark.parametrize("text,expected", [
    ("对逃避缴纳社会保险费的，处欠缴数额50%以上3倍以下的罚款。", [("provision", 50, 300, "%", "=")]),
    ("并处所欠税款百分之五十以上五倍以下的罚款。", [("provision", 50, 500, "%", "=")]),
    ("处骗取金额二倍以上五倍以下的罚款。", [("provision", 2, 5, "倍", "=")]),
])
def test_ranges_of_a_share_and_a_multiple(text, expected):
    assert found(text, pub_year=2024) == expected


# a range split across lines of a PDF: the lower end's number at the end of a line (处 3⏎万元以上 6 万元以下), next to it
# or with a line of another column between; a number in Chinese numerals left at a line's end
@pytest.mark.parametrize("text,expected", [
    ("对有关责任人员处 3\n万元以上 6 万元以下的罚款。", [("provision", 3, 6, "万元", "=")]),
    ("对有关责任人员处 3\n报告并说明理由，逾期不\n万元以上 6 万元以下的罚款", [("provision", 3, 6, "万元", "=")]),
    ("主管人员处 2\n改正，逾期未改正的\n未按规定公开信息的\n万元以上 8 万元以下的罚款", [("provision", 2, 8, "万元", "=")]),
    ("对单位处十\n万元以上三十万元以下罚款。", [("provision", 100000, 300000, "元", "=")]),
    # the unit opening a cell after a clause of another column closed (…的罚款； 万元以上 9 万元以下)
    ("对责任人员处 4\n逾期不改正的\n处总投资额 1‰以上 3‰以下的罚款； 万元以上 7 万元以下的罚款",
     [("provision", 1, 3, "‰", "="), ("provision", 4, 7, "万元", "=")]),
    # a classifier closing its cell whose noun (月以内) heads a cell on a line below: months, with the bound written there
    ("经评估，预计 6 个 处 3 万元以上 9 万元以下罚款\n某某条例 第三条：违反规定的， 月以内可以改正的\n一般处罚",
     [("provision", 6, None, "个月", "<="), ("provision", 3, 9, "万元", "=")]),
    ("全市新建口袋公园 12 个\n月底前全部完工。", [("provision", 12, None, "个", "=")]),
    # a unit opening a line with no number left above keeps its bound; a section number is no value
    ("责令改正。\n万元以上 6 万元以下的罚款", [("provision", 6, None, "万元", "<=")]),
    ("依照本法第十\n条的规定处理。", []),
])
def test_ranges_split_across_lines(text, expected):
    assert found(text, pub_year=2024) == expected


# the first lines of a block read across a newspaper page's columns have fewer joints than the rest, but are read
# across too: a figure on them is no statement
def test_first_lines_of_columns_read_across():
    block = ("综合服务中心；连续5年为两千余名照护者开展技能培训，既减轻家庭照护负担 城区二十余万户居民受益。针对老旧小区实施改造工程\n"
             "了照护者的护理技能，又缓解了家庭养老压力，改善了老人生活条件 力提升工程，有效应对强降雨天气，减少城市内涝对群众生活 心道路工程，"
             "利用边角地块建设停车场所 保障群众出行更加便捷安全有序\n"
             "人的生活质量。助残服务中，残疾儿童获得康复补助减轻负担 的影响。某区消防站等设施建设，进一步完善城市应急体系 公共停车泊位陆续建成使用。"
             "道路交通管理更加精细化，推动城市更新 行动取得明显成效\n")
    text = "据新华社电，全文完。\n" + block
    first = text.index("综合服务中心")
    spans = column_lines(text)
    assert any(a <= first < b for a, b in spans)
    assert not any(a <= 3 < b for a, b in spans)  # the line before the block, with no joint, is read
    assert found(text, pub_year=2025, news=True) == []


# a day of the month with the time of day is a date (28日晚，某协会发布…), never a number of days
@pytest.mark.parametrize("text,expected", [
    ("28日晚，某行业协会发布了新的自律公约。", []),
    ("16日上午，市政府召开专题会议。", []),
    ("申请人应在受理后20日内，补齐全部材料。", [("provision", 20, None, "日", "<=")]),
])
def test_days_of_the_month_with_a_time_of_day(text, expected):
    assert found(text, pub_year=2024, news=True) == expected


# the level a change starts from (在现有…N个城市的基础上扩大至…, 在现行每月N元的基础上再提高…) is replaced: no row
@pytest.mark.parametrize("text,expected", [
    ("在现有省内9个城市的基础上，将异地贷款范围扩大至全省。", []),
    ("在现行每人每月600元的基础上，再提高150元。", [("provision", 150, None, "元", "=")]),
    ("在原有2年期限的基础上延长1年。", [("provision", 1, None, "年", "=")]),
    ("在完成8个项目的基础上，新增4个。", [("provision", 8, None, "个", "="), ("target", 4, None, "个", "=")]),
])
def test_the_level_a_change_starts_from(text, expected):
    assert found(text, pub_year=2024) == expected


# a count of the items its sentence names right after it (共有5家，分别是A、B、C、D、E) is the list itself; a count
# unlike the items named stays
@pytest.mark.parametrize("text,expected", [
    ("本市的金融租赁公司共有4家，分别是甲租赁、乙租赁、丙租赁、丁租赁。", []),
    ("首批试点城市3个，即甲市、乙市和丙市。", []),
    ("全县新建学校6所，包括小学、初中。", [("provision", 6, None, "所", "=")]),
])
def test_counts_of_the_list_that_follows(text, expected):
    assert found(text, pub_year=2024) == expected
