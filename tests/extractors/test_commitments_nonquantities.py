"""Numbers that are not quantities: time references and horizons, counts of an organisation's own parts,
vague magnitudes, worked examples, words holding a numeral, lines read across a newspaper's columns. Each
class is paired with sentences where the same shape is a real quantity and must stay."""
from __future__ import annotations

import pytest

from corpora.records import SourceText
from extractors.commitments import column_lines, example_paragraphs, find_commitments
from extractors.extract import Extractor
from extractors.normalize import normalize


def found(text: str, news: bool = False):
    t = normalize(text).text
    return [(c.value, c.unit) for c in find_commitments(t, t, None, news=news, pub_year=2024)]


@pytest.mark.parametrize("text,kept", [
    # a time reference: the period a statement looks back over
    ("近两年，部分地方政府融资平台的债务规模有所上升。", []),
    ("答：近三年，我们注意到市场预期发生了变化。", []),
    ("首套房贷款利率保持近十年最低水平。", []),
    ("供地规模不低于近3年平均水平。", []),
    ("新政实施近两年，近期迎来再次调整。", []),
    ("虽然近两年我国企业数量稳居首位，但质量仍需提高。", []),
    # … but a window a rule sets stays
    ("申请前近12个月内无逾期记录，且近6个月连续缴存公积金。", [(12, "个月"), (6, "个月")]),
    ("单笔贷款近5年累计逾期6期以上的，不予受理。", [(5, "年"), (6, "期")]),
    # the horizon of a goal
    ("通过五年努力，基本建成现代化产业体系。", []),
    ("今后五年实现以下目标。", []),
    ("未来三年，要牢牢把握发展机遇。", []),
    ("力争用三年左右时间完成改造任务。", []),
    ("科技城5年力争进入全国前10强。", []),
    ("力争两年内全市新增绿地面积增加15%。", [(15, "%")]),  # the window of a goal; its figure stays
    ("争取3年内建成社区食堂120个。", [(120, "个")]),
    ("申请人须在3年内完成改造，逾期不予补贴。", [(3, "年")]),  # a time limit a rule sets stays
    ("五年基本建成一批特色街区。", []),
    ("办法在五年的执行过程中发挥了作用。", []),
    ("在此基础上再奋斗五年，到二〇三五年基本实现现代化。", []),
    # a page's counter of readers; a count of participants in a sentence stays
    ("某市发布购房补贴新政\n6437 人关注\n补贴标准为每套2万元。", [(2, "万元")]),
    ("活动吸引3000人参与。", [(3000, "人")]),
    # … but a term a rule sets, a time limit and a calculation's period stay
    ("对弄虚作假的，取消其今后3年申报资格。", [(3, "年")]),
    ("贷款额度不得高于原贷款余额与未来3个月应还本金的差额。", [(3, "个月")]),
    ("整改期限为6个月，3年内完成全部改造。", [(6, "个月"), (3, "年")]),
    # a reference period of a base
    ("单价超过上两年新建住房均价2倍的为高档住房。", [(2, "倍")]),
    # a vague magnitude
    ("部分企业申请的外债规模高达数十亿美元。", []),
    ("活动吸引了上千人参加，几百家企业到场。", []),
    # … but a level reached, or a bound with 以上, stays
    ("地区生产总值迈上五万亿元新台阶。", [(5000000000000, "元")]),
    ("罚款一万元以上十万元以下。", [(10000, "元")]),  # one range
    # words that hold a numeral
    ("对一次性购买3套及以上的，给予价格优惠。", [(3, "套")]),
    # eligibility conditions naming loans used; the number of uses that bars a loan stays
    ("名下有1套住房且使用过1次公积金贷款的，首付比例不低于30%。", [(30, "%")]),
    ("已使用过2次公积金贷款的家庭，不予受理。", [(2, "次")]),
    ("暂停向已使用过2次公积金贷款的职工发放贷款。", [(2, "次")]),
    # the items of a list taken together
    ("提高居住年限、社保和住所的分值权重，确保三项占比在50%以上。", [(50, "%")]),
    # the rest of a share already stated
    ("设备价值的40%可在当年扣除，其余60%分年扣除。", [(40, "%")]),
    # names of multi-year plans; a time limit to draw one up stays
    ("实施污水处理三年推进计划，制订企业五年创新培育计划。", []),
    ("三年内完成规划编制。", [(3, "年")]),
    # the base of a rate; a staffing ratio without a sum stays
    ("吸纳脱贫劳动力的，按每10人1万元的标准给予奖补，最高不超过20万元。", [(1, "万元"), (20, "万元")]),
    ("按每招用1人（签订1年以上劳动合同）500元的标准给予补贴。", [(1, "年"), (500, "元")]),
    ("每1000名老人配备2名社工。", [(1000, "名"), (2, "名")]),
    # the count of the items a list goes on to name; a count with no list after it stays
    ("支持企业为4类人员优先参加工伤保险：一是超龄人员；二是实习学生。", []),
    ("今年新建4类社区服务设施，覆盖全部街道。", [(4, "类")]),
    # the count of the items a clause has just named; a count unlike them stays
    ("建立房屋体检制度、房屋养老金制度和房屋保险制度的三项基本制度。", []),
    ("申请人须提供营业执照、资质证书及公司章程3项资料。", []),
    ("在餐饮、零售、旅游等3个行业实施缓缴政策。", []),
    ("新建学校、医院12所。", [(12, "所")]),
    # a text's own principles; 一笔 as a word; a food after a date's day
    ("将原5项原则优化整合为3项核心原则。", []),
    ("某房企宣布一笔美元债到期违约。", []),
    ("每户家庭最多可申请一笔贴息贷款。", [(1, "笔")]),
    ("生活补贴分两笔发放。", [(2, "笔")]),
    ("11月27 米饭散发着清甜的米香。", []),
    ("道路两侧各50米范围内禁止建设。", [(50, "米")]),
    # the current value a change replaces, in brackets; a word holding a numeral
    ("购房证明有效期调整为180天（现为90天）。", [(180, "天")]),
    ("贷款利率现为3.1%。", [(3.1, "%")]),
    ("率先在县域内破除城乡二元结构，补贴每户二元。", [(2, "元")]),
    # the length of a streak in a ranking; a streak a rule sets as a condition stays
    ("制度创新指数连续五年排名全国前三。", []),
    ("个贷率连续3个月低于85%的，恢复受理。", [(3, "个月"), (85, "%")]),
    # an organisation's own departments, offices and duties
    ("集团总部部门从28个精简至9个。", []),
    ("局机关设7个处室。", []),
    ("明确行业主管部门的5项核心职责。", []),
    # … but a count of bodies a plan builds stays
    ("新建社区服务中心12个，培育社会组织30家。", [(12, "个"), (30, "家")]),
])
def test_non_quantities(text, kept):
    got = found(text)
    assert [(v, u) for v, u in got if (v, u) in kept] == got and sorted(got) == sorted(kept)


@pytest.mark.parametrize("text,kept", [
    # the window a result is told over, in news; a rule's window stays
    ("据统计，某市二手房近3个月均价上涨的天数有36天。", [(36, "天")]),
    ("据统计，全市近一年累计成交住房1.2万套。", [(1.2, "万套")]),
    ("新政规定，申请人近6个月须连续缴存公积金。", [(6, "个月")]),
])
def test_windows_of_results_in_news(text, kept):
    assert found(text, news=True) == kept


@pytest.mark.parametrize("text,kept", [
    # a worked calculation or a hypothetical case: illustrations, neither rules nor results
    ("以总价400万元的住房为例，按三成首付，购房者需备齐120万元。", []),
    ("以3.5%利率计算，贷款100万元、期限30年，每月月供4490元。", []),
    ("以王女士测算的一套5号楼户型为例，标准总价为168万元左右，折后成交价为160万元。", []),
    # a paragraph opening on a hypothetical case: all its figures illustrate the rule stated before it
    ("首套房首付比例不低于20%。\n例如，某家庭购买总价200万元的住房，首付比例为20%，即40万元。如该家庭为多孩家庭，"
     "可再减少5万元。", [(20, "%")]),
    # a rule that says how a sum is computed, and a real example of the policy's measures, stay
    ("贴息资金按贷款额的2%计算。", [(2, "%")]),
    ("例如，对购买首套住房的家庭给予1万元补贴。", [(1, "万元")]),
])
def test_worked_examples(text, kept):
    assert found(text) == kept


@pytest.mark.parametrize("text,kept", [
    # columns of a penalty table read side by side: the law's range and the benchmark's range are one statement
    ("对直接责任人员处 5 万元以上 10 万元以下 处 5 万元以上 10 万元以下的罚款。", [(5, "万元")]),
    ("处项目总投资额 5‰以上 10‰以下的 业处项目总投资额 5‰以上 10‰以下的罚款。", [(5, "‰")]),
    # the same figure for another subject, or in a list, stays
    ("首套住房首付比例不低于20%，二套住房首付比例不低于20%。", [(20, "%"), (20, "%")]),
    ("单位和个人分别按5%、5%缴存。", [(5, "%"), (5, "%")]),
    # a statement repeated under another list marker or after a linking word is one row
    ("（一）首套住房贷款首付比例不低于20%。（三）首套住房贷款首付比例不低于20%。", [(20, "%")]),
    ("据统计，一季度成交7116套。同时，据统计，一季度成交7116套。", [(7116, "套")]),
    # … but two items of a list that differ in their words stay
    ("（一）首套住房首付比例不低于20%。（二）二套住房首付比例不低于20%。", [(20, "%"), (20, "%")]),
    ("4．在本市参加社会保险满2年，具有高级工职业资格证书的；5．在本市参加社会保险满2年，获得市级技能竞赛奖项的。",
     [(2, "年"), (2, "年")]),
    # a value a change replaces, written with its bound, is no longer set
    ("预留份额由30%以上提高至40%以上。", [(40, "%")]),
])
def test_values_said_twice_or_replaced(text, kept):
    assert found(text) == kept


FEED = "\n".join(["推荐阅读", "某研究院18日发布年度报告，全省农业绿色发展水平持续向好。", "2026-07-20 04:20",
                  "登记面积达30.5万平方公里，生态产品有了自己的户口本。", "2026-07-17 03:20",
                  "某科技馆推出暑期特辑，3岁至8岁的孩子可在游戏中启蒙。", "2026-07-16 09:54",
                  "某港口新开通航线12条。"])


@pytest.mark.parametrize("text,kept", [
    # a page's feed of other stories after the article: summaries between time stamps alone on their lines
    (f"标题：某区推出十条措施促人才安居\n\n某区对引进人才购房给予每套10万元补贴。\n{FEED}", [(10, "万元")]),
    # one time stamp at an article's head is its date, not a feed
    ("标题：某区推出十条措施促人才安居\n\n2026-07-20 04:20\n某区对引进人才购房给予每套10万元补贴。\n"
     "补贴资金由区财政承担，首期安排2000万元。", [(10, "万元"), (2000, "万元")]),
])
def test_feeds_of_other_stories(text, kept):
    (x,) = Extractor().extract(SourceText("t.txt", text, "text/plain"))
    assert [(c.value, c.unit) for c in x.commitments] == kept


@pytest.mark.parametrize("text,title,kept", [
    # a headline's figure the body states again: the body's row only
    ("标题：某集团32个项目进入白名单\n截至3月末，某集团已有32个项目进入白名单，融资需求80亿元。", None,
     [(32, "个"), (80, "亿元")]),
    ("某集团32个项目进入白名单\n截至3月末，某集团已有32个项目进入白名单。", "某集团32个项目进入白名单", [(32, "个")]),
    # a headline's figure the body does not repeat stays
    ("标题：某市发放消费券3000万元\n活动自5月1日起举行。", None, [(3000, "万元")]),
])
def test_headline_copies(text, title, kept):
    t = normalize(text).text
    assert [(c.value, c.unit) for c in find_commitments(t, t, None, news=True, pub_year=2024, title=title)] == kept


def test_example_paragraphs_are_whole_lines():
    text = "补贴标准为每平方米200元。\n假设某家庭购买100平方米住房，可获补贴2万元。\n补贴资金由市财政承担。"
    (span,) = example_paragraphs(text)
    assert text[span[0]:span[1]].startswith("假设某家庭")


NEWSPAPER_LINE = ("全区持续推进老旧小区改造工作累计完成 社区卫生服务中心开展义诊活动服务群众 新建城市绿道12公里"
                  "方便市民锻炼 秋收时节田间地头一派繁忙景象 本批信访举报件涉及滨海新区8件、和平区3件、河西区2周期"
                  "民生服务紧紧相连 以暖心举措筑牢民生幸福根基")
WEB_LINE = ("关于调整住房公积金政策的通知 各区县人民政府，市政府各部门： 为促进房地产市场平稳健康发展，现就有关事项通知如下。"
            "一、首套住房公积金贷款首付比例不低于20%。二、二套住房公积金贷款首付比例不低于30%。三、本通知自印发之日起施行。"
            "特此通知。 市住房公积金管理中心 办公室")


@pytest.mark.parametrize("text,garbled", [
    (NEWSPAPER_LINE, True),       # a page read across its columns: joints every few dozen characters
    # a long line read across and the page's next, shorter line with a joint before a figure
    (NEWSPAPER_LINE + " 城市更新行动持续推进老旧街区焕发新活力 市民文化艺术节精彩纷呈惠及群众 全市新建口袋公园多处方便群众就近休闲 今冬供暖保障工作有序开展居民家中温暖如春 各区"
     "群众就近休闲\n建成老人家食堂及认知障碍照护专区 32650户居民用气更安全 惠及470多个社区居民", True),
    (WEB_LINE + "\n首套住房贷款首付比例不低于20% 二套住房不低于30%。", False),
    # joint issuers named with spaces, inside and outside title marks
    ("根据《国家发展改革委 财政部关于实施设备更新政策的通知》、《交通运输部办公厅 国家发展改革委办公厅 公安部办公厅 "
     "商务部办公厅关于做好货车报废更新的通知》，市交通运输局 市发展改革委 市财政局 市公安局决定，对提前报废老旧营运货车的"
     "车主给予补贴3万元。", False),
    (WEB_LINE, False),            # a web page on one line: paragraphs joined after 。 and before headings
    ("职 工 家庭购买 第二套 改善性 自住房， 首付款 比例不得低于 40%。", False),  # letter-spaced PDF words
])
def test_lines_read_across_columns(text, garbled):
    assert bool(column_lines(text)) is garbled
    assert (found(text) == []) is garbled
