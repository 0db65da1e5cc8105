from __future__ import annotations

import pytest

from extractors import refdata
from extractors.agencies import alias_table, find_agencies
from extractors.regions import gazetteer


def names(text: str, adcode: str | None) -> list[str]:
    region = gazetteer().region(adcode) if adcode else None
    return [a.normalized for a in find_agencies(text, region)]


@pytest.mark.parametrize("text,adcode,expected", [
    ("省卫健委", "370000", ["山东省卫生健康委员会"]),
    ("市财政局", "370300", ["淄博市财政局"]),
    ("县发改局", "430923", ["安化县发展和改革局"]),
    ("省人社厅", "350000", ["福建省人力资源和社会保障厅"]),
    ("市住房城乡建设管理委", "310000", ["上海市住房和城乡建设管理委员会"]),  # a commission that also manages
    ("市政府办公室", "620400", ["白银市人民政府办公室"]),
    ("市人力社保局", "500000", ["重庆市人力资源和社会保障局"]),   # 市 in a municipality is the province level
    ("省委宣传部", "440000", ["广东省委宣传部"]),
    ("财政部、国家发展改革委", "440000", ["财政部", "国家发展和改革委员会"]),
    ("国务院办公厅", None, ["国务院办公厅"]),
    ("卫生部", None, ["卫生部"]),
    ("国家卫生和计划生育委员会", None, ["国家卫生和计划生育委员会"]),
    ("淄博市卫生健康委员会", None, ["淄博市卫生健康委员会"]),
    ("（省公安厅、发展改革委按职责分工负责）", "440000", ["广东省公安厅", "广东省发展和改革委员会"]),
    ("县委网信办", "430923", ["安化县委网络安全和信息化委员会办公室"]),       # party organ
    ("市委、市政府", "150200", ["包头市委", "包头市人民政府"]),
    ("人民银行安化县支行", "430923", ["中国人民银行安化县支行"]),            # central body's local branch
    ("国家税务总局广东省税务局", "440000", ["国家税务总局广东省税务局"]),
    ("重庆证监局、合肥海关", "500000", ["重庆证监局", "合肥海关"]),          # place + branch office, as written
    ("审计厅", "150200", ["内蒙古自治区审计厅"]),                             # a 厅 is provincial
    ("临沂市第十九届人民代表大会常务委员会", None, ["临沂市人民代表大会常务委员会"]),
    ("稀土高新区管委会", "150200", ["稀土高新区管委会"]),                     # development-zone committee
    ("由市林业和园林局牵头", "370300", ["淄博市林业和园林局"]),              # a body not in the alias table
    ("县乡村振兴局和县农业农村局", "430923", ["安化县乡村振兴局", "安化县农业农村局"]),
    # a list shares the region of its first body
    ("（省发展改革委、住房城乡建设厅、商务厅、能源局，省税务局按职责分工负责）", "440000",
     ["广东省发展和改革委员会", "广东省住房和城乡建设厅", "广东省商务厅", "广东省能源局", "广东省税务局"]),
    ("由市教育局、民政局、海洋与渔业局负责", "370300", ["淄博市教育局", "淄博市民政局", "淄博市海洋与渔业局"]),
    ("共青团、妇女联合会、残疾人联合会、红十字会等群团组织", "371300", []),      # no region named: generic
    ("人行合肥中心支行、重庆边检总站", "340000", ["中国人民银行合肥中心支行", "重庆边检总站"]),
    ("在人行道上", "340000", []),
    ("报杭州住房公积金管理委员会备案，杭州公积金中心办理", "330100",      # place names as written, bodies in full
     ["杭州住房公积金管理委员会", "杭州住房公积金管理中心"]),
    ("东莞市发展和改革局、东莞供电局", "441900", ["东莞市发展和改革局"]),     # a listed body naming its own place
    ("由西城区教育考试中心组织实施。各学校成立招生工作领导小组", "110102", ["北京市西城区教育考试中心"]),  # no name across punctuation
    ("报送市促进房地产市场平稳健康发展工作领导小组审核", "620400", ["白银市促进房地产市场平稳健康发展工作领导小组"]),
    ("县防汛抗旱工作领导小组办公室", "430923", ["安化县防汛抗旱工作领导小组办公室"]),
    ("市环保局、市爱卫办", "370300", ["淄博市环境保护局", "淄博市爱国卫生运动委员会办公室"]),
    ("国家移民管理局、国家药监局、中国民用航空局", None, ["国家移民管理局", "国家药品监督管理局", "中国民用航空局"]),
    ("卫生福利部疾病管制署", None, ["卫生福利部", "疾病管制署"]),
    ("3月15日，南京市办公厅发布通知", "320100", ["南京市人民政府办公厅"]),   # a general office written without its government
    ("市委办公厅、市政府办公厅", "320100", ["南京市委办公厅", "南京市人民政府办公厅"]),
])
def test_canonical_names(text, adcode, expected):
    assert names(text, adcode) == expected


@pytest.mark.parametrize("text", ["各县（市、区）农业农村局", "各县(市、区)科技局", "各市卫生局", "各地级以上市人民政府", "市县财政局", "有关部门", "财政部门", "政府引导", "县级财政局", "全市各级财政局"])
def test_generic_plurals_are_not_agencies(text):
    assert names(text, "370000") == []


def test_issuer_role_from_span():
    text = "淄博市卫生健康委员会关于印发方案的通知。市财政局负责。"
    ags = find_agencies(text, gazetteer().region("370300"), [(0, 10)])
    assert [(a.normalized, a.role) for a in ags] == [("淄博市卫生健康委员会", "issuer"), ("淄博市财政局", "mentioned")]


@pytest.mark.parametrize("row", refdata.agency_cores_needing_region(), ids=lambda r: r["core"])
def test_generic_cores_need_a_region(row):
    """A listed core alone names no body; after a region it names that region's body."""
    core = row["core"]
    assert core in row["example"]
    assert not any(a.text == core for a in find_agencies(row["example"], gazetteer().region("370300")))
    if (core, "local") in alias_table().canonical:
        found = find_agencies("淄博市" + core, None)
        assert found and "淄博市" in found[0].normalized


@pytest.mark.parametrize("text,adcode,expected", [
    # in a county-level city, a district or a county, 市委/区政府 are its own bodies
    ("经市委、市政府同意", "222404", ["珲春市委", "珲春市人民政府"]),
    ("落实区委、区政府的部署", "360202", ["昌江区委", "景德镇市昌江区人民政府"]),
    ("经市委、市政府同意", "370300", ["淄博市委", "淄博市人民政府"]),
    # a unit in parentheses, centres with a relative prefix, a body after 至
    ("（牵头责任单位：县政务服务中心；责任单位：各相关单位）", "430624", ["湘阴县政务服务中心"]),
    ("由区公园管理中心负责", "110105", ["北京市朝阳区公园管理中心"]),
    ("坚持以人民为中心，县城中心区域建设区域医疗中心", "430624", []),
    ("书面反馈至昌江区农田建设办公室", "360202", ["景德镇市昌江区农田建设办公室"]),
    # township bodies, one per town of a list
    ("甲山镇、乙水镇、丙塘乡人民政府：", "360202",
     ["景德镇市昌江区甲山镇人民政府", "景德镇市昌江区乙水镇人民政府", "景德镇市昌江区丙塘乡人民政府"]),
    ("与文成县某源镇政府签订协议", "330300", ["文成县某源镇人民政府"]),
    ("丰台区某某桥街道办事处", "110106", ["北京市丰台区某某桥街道办事处"]),
    ("各乡镇人民政府、铁路沿线乡镇人民政府、城镇人民政府", "430624", []),
    ("向街道办事处报告，或者由乡镇政府办理", "430624", []),
    ("同时书面通知街道办事处", "430624", []),
    ("鼓励街道办事处、前述街道办事处", "430624", []),
    ("市行政服务中心管理委员会", "350100", ["福州市行政服务中心管理委员会"]),
    ("坐落于县城东路县级行政中心", "430624", []),
    # a place withheld stays as written, with no region
    ("xx市公安局、xx市交通局", "510600", ["xx市公安局", "xx市交通局"]),
    ("各乡(镇)党委、人民政府,各街道党工委", "222404", []),
    # a canonical name with the region inside it
    ("市政协科技界别委员", "330300", ["政协温州市委员会"]),
])
def test_bodies_at_their_own_level(text, adcode, expected):
    assert names(text, adcode) == expected


def test_the_site_owners_footer_names_no_agency():
    from corpora.records import SourceText
    from extractors.extract import Extractor
    text = ("福州市农业农村局关于做好春耕工作的通知\n各县（市、区）农业农村局：\n请福州市气象局配合。\n"
            "主办：福州市人民政府办公厅 承办：福州市数据管理局\n地址：福州市某某路1号")
    (x,) = Extractor().extract(SourceText("t.txt", text, "text/plain"))
    assert [a.normalized for a in x.agencies] == ["福州市农业农村局", "福州市气象局"]
    text = "福州市农业农村局关于做好春耕工作的通知\n（三）责任单位及承办单位：市气象局、市水利局。\n"
    (x,) = Extractor().extract(SourceText("t.txt", text, "text/plain"))
    assert [a.normalized for a in x.agencies] == ["福州市农业农村局", "福州市气象局", "福州市水利局"]


@pytest.mark.parametrize("text,name", [
    ("西城区教育委员会发布入学工作意见", "北京市西城区教育委员会"),     # a district's body: its city before it
    ("北京市西城区教育委员会发布入学工作意见", "北京市西城区教育委员会"),  # already in full
    ("高昌区民政局发放两项补贴", "吐鲁番市高昌区民政局"),
    ("安化县财政局拨付资金", "安化县财政局"),                              # a county's stands alone
])
def test_a_district_body_is_named_with_its_city(text, name):
    from extractors.agencies import find_agencies
    assert [a.normalized for a in find_agencies(text, None)][0] == name


@pytest.mark.parametrize("text,name", [
    # a short name that is also a common word (北京时间) still places the body whose name follows it
    ("北京住房公积金管理委员会办公室\n2025年9月18日", "北京住房公积金管理委员会办公室"),
    ("北京住房公积金管理中心发布通知", "北京住房公积金管理中心"),
    # a central-bank branch named by its short form
    ("人行重庆营管部联合有关部门发布", "中国人民银行重庆营业管理部"),
])
def test_bodies_named_after_a_short_place_name(text, name):
    from extractors.agencies import find_agencies
    assert name in [a.normalized for a in find_agencies(text, None)]


def test_a_body_named_after_its_city_places_a_document_with_no_full_place_name():
    from extractors.regions import primary_region
    r = primary_region("现就有关问题通知如下。\n北京住房公积金管理委员会办公室\n2025年9月18日", None,
                       ["北京住房公积金管理委员会办公室"], [])
    assert r is not None and r.adcode == "110000"
    assert primary_region("按北京时间上午九点开始申报。", None, [], []) is None


@pytest.mark.parametrize("text,adcode,expected", [
    # a department named by its function after a level prefix is that level's body
    ("补助资金由县财政部门统一拨付", "430923", ["安化县财政局"]),
    ("证书须由市人社部门核发", "350421", ["三明市人力资源和社会保障局"]),
    ("报省住房城乡建设主管部门备案", "440000", ["广东省住房和城乡建设厅"]),
    ("市司法行政部门负责普法宣传", "370300", ["淄博市司法局"]),
    ("淄博市自然资源和规划部门审核用地", None, ["淄博市自然资源和规划局"]),
    ("区教育行政部门统筹学位", "110102", ["北京市西城区教育委员会"]),       # a Beijing district's 教委
    ("市住房城乡建设部门发布指引", "310000", ["上海市住房和城乡建设管理委员会"]),  # a municipality's own name
    ("市住房城乡建设部门发布指引", "370300", ["淄博市住房和城乡建设局"]),
    # the finance department named without 部门 where it acts
    ("所需经费由区财政予以保障", "110105", ["北京市朝阳区财政局"]),
    ("符合条件的，县财政给予每户一次性奖励", "430923", ["安化县财政局"]),
    ("建设资金由市财政统筹解决", "620400", ["白银市财政局"]),
    ("市财政收入稳步增长，县财政资金使用规范", "620400", []),                  # revenue and funds are no body
    # a list sharing one prefix and one head names each department
    ("市发展改革、公安、民政、财政、人力社保等部门要加强联动", "370300",
     ["淄博市发展和改革委员会", "淄博市公安局", "淄博市民政局", "淄博市财政局", "淄博市人力资源和社会保障局"]),
    ("请县教育、卫生健康和医保等有关部门配合", "430923",
     ["安化县教育局", "安化县卫生健康委员会", "安化县医疗保障局"]),
    ("由市住房城乡建设、规划、公安等部门共同核查", "110000",                 # 规划 has no single body: left out
     ["北京市住房和城乡建设委员会", "北京市公安局"]),
    ("会同市财政和人力社保部门研究", "370300", ["淄博市财政局", "淄博市人力资源和社会保障局"]),
    # a list item's number opening the line is no word of the list
    ("一、总体要求\n二、市发展改革、公安、财政等部门负责组织实施", "370300",
     ["淄博市发展和改革委员会", "淄博市公安局", "淄博市财政局"]),
    ("3.市教育、卫生健康等部门配合做好宣传", "370300", ["淄博市教育局", "淄博市卫生健康委员会"]),
    ("  12、区财政部门负责资金拨付", "110105", ["北京市朝阳区财政局"]),
    ("做好第2.市财政部门", "370300", []),                                       # 2. inside a line is no item number
    # a list opened by a body named in full shares its region
    ("由市发展改革委、财政、公安等部门负责", "370300", ["淄博市发展和改革委员会", "淄博市财政局", "淄博市公安局"]),
    ("省财政厅、发展改革等部门", "440000", ["广东省财政厅", "广东省发展和改革委员会"]),
    ("各县财政局、人社等部门", "370300", []),
    ("财政部、税务等部门", "370300", ["财政部"]),                               # a ministry has no local region
    # plurals and unprefixed functions name no single body
    ("各县财政部门要及时拨付", "370300", []),
    ("市县财政部门按比例分担", "370300", []),
    ("各级财政部门加强监管", "370300", []),
    ("全市财政部门开展培训", "370300", []),
    ("由财政部门审核后拨付", "370300", []),
    ("发展改革、财政、公安等部门按职责分工负责", "370300", []),
    ("中央、省财政农业补助资金", "370300", []),
    ("城市建设和交通部门", "370300", []),
])
def test_departments_named_by_function(text, adcode, expected):
    assert names(text, adcode) == expected


def test_department_stems_name_a_body_at_each_level():
    """Every stem of the table gives its local body after 市 and its provincial one after 省."""
    for row in refdata.department_stems():
        city = names(f"由市{row['stem']}部门负责", "370300")
        assert city == ["淄博市" + row["local"]], row
        province = names(f"由省{row['stem']}部门负责", "370000")
        assert province == ([] if row["province"] == "-" else ["山东省" + row["province"]]), row


@pytest.mark.parametrize("text,adcode,expected", [
    # a body named in a pledge of loyalty is no actor of the text
    ("在以习近平同志为核心的党中央坚强领导下，市政府出台若干措施", "370300", ["淄博市人民政府"]),
    ("在市委、市政府的正确领导下，全市经济平稳运行", "370300", []),
    ("坚持党中央集中统一领导，加强党中央对金融工作的集中统一领导", None, []),
    ("在省委、省政府的领导下开展工作", "370000", ["山东省委", "山东省人民政府"]),  # led by them: actors
    # named as the maker of a decision, or leading a task, it is one
    ("为贯彻落实党中央、国务院决策部署", "370300", ["中共中央", "国务院"]),
    ("市人民政府领导全市规章评估工作", "370300", ["淄博市人民政府"]),
    ("由市委宣传部领导，市文旅局具体实施", "370300", ["淄博市委宣传部", "淄博市文化和旅游局"]),
    ("市政府领导同志出席会议", "370300", ["淄博市人民政府"]),
    # a core at the end of a longer name the table does not know names no body of this region
    ("新疆生产建设兵团自然资源局", "140000", []),
    ("由自然资源局审核，并报财政局备案", "370300", ["淄博市自然资源局", "淄博市财政局"]),
])
def test_bodies_named_as_actors(text, adcode, expected):
    assert names(text, adcode) == expected


@pytest.mark.parametrize("text,adcode,expected", [
    ("（京房公积金管委会〔2006〕2号）", "110000", []),           # a body abbreviated in a number: no name of ours
    ("市政府国资委、市统计局", "210100", ["沈阳市人民政府", "沈阳市国有资产监督管理委员会", "沈阳市统计局"]),
    ("来源：市住保房管局", "330100", ["杭州市住房保障和房产管理局"]),
])
def test_bare_cores_after_a_word_that_may_stand_before_them(text, adcode, expected):
    assert names(text, adcode) == expected


@pytest.mark.parametrize("text,adcode,expected", [
    ("中国政府网 | 贵州省人民政府网 | 国务院客户端", "520000", []),        # websites and apps of bodies
    ("关注安顺市人民政府门户网站", "520400", []),
    ("中共中央党史和文献研究院编辑出版", None, []),                          # an institute that begins with a body's name
    ("经市委网信办审核，市政府网站公布", "370300", ["淄博市委网络安全和信息化委员会办公室"]),
    ("国务院办公厅通报", None, ["国务院办公厅"]),
])
def test_a_body_that_begins_a_longer_name_is_not_named(text, adcode, expected):
    assert names(text, adcode) == expected


@pytest.mark.parametrize("text,adcode,expected", [
    ("县人社局出台来县大学生就业细则", "330122", ["桐庐县人力资源和社会保障局"]),
    ("市教育局联合某某大学举办讲座", "370300", ["淄博市教育局"]),
    ("市委党校举办培训班", "370300", []),
])
def test_a_body_next_to_an_institute_it_does_not_name(text, adcode, expected):
    assert names(text, adcode) == expected


# a ministry's general office is a body of its own; the Politburo is the Party centre's own organ; a science
# park's committee is named as a development zone's is
@pytest.mark.parametrize("text,expected", [
    ("自然资源部办公厅关于做好用地信息公开的函", ["自然资源部办公厅"]),
    ("财政部办公厅、商务部办公室联合印发", ["财政部办公厅", "商务部办公室"]),
    ("中共中央政治局召开会议，分析研究经济形势", ["中共中央政治局"]),
    ("央行上海总部召开金融支持座谈会", ["中国人民银行上海总部"]),   # the central bank's Shanghai head office
    ("中央政治局常委会会议听取汇报", ["中共中央政治局常务委员会"]),
    ("由某某科技园区管理委员会负责组织实施", ["某某科技园区管理委员会"]),
    ("经某某高新技术产业开发区管委会同意后报送", ["某某高新技术产业开发区管委会"]),
    ("建设用地使用权人持园区管委会出具的意见办理", []),
])
def test_general_offices_politburo_and_park_committees(text, expected):
    assert names(text, None) == expected


def test_an_inter_department_joint_conference_is_named_whole():
    assert names("经研究，省促进消费体制机制厅际联席会议决定", "340000") == ["安徽省促进消费体制机制厅际联席会议"]
    assert names("市财政局长出席会议", "370300") == []   # 局长: an official, not the bureau


@pytest.mark.parametrize("text,adcode,expected", [
    # a city's joint conference and its office are bodies, named whole with their region
    ("本办法由市住房保障工作联席会议办公室负责解释。", "370300", ["淄博市住房保障工作联席会议办公室"]),
    ("经市住房保障工作联席会议研究同意，现印发。", "370300", ["淄博市住房保障工作联席会议"]),
    ("信息来源：淄博市稳定住房消费联席会议办公室", None, ["淄博市稳定住房消费联席会议办公室"]),
    # the conference's system, minutes and members are not a body
    ("建立市住房保障工作联席会议制度。", "370300", []),
    ("按照市住房保障工作联席会议纪要要求办理。", "370300", []),
    ("市住房保障工作联席会议成员单位要加强协作。", "370300", []),
    ("市财政局和市住房保障工作联席会议其他成员单位按职责分工负责", "370300", ["淄博市财政局"]),
    ("定期召开联席会议。", "370300", []),
])
def test_a_joint_conference_is_a_body(text, adcode, expected):
    assert names(text, adcode) == expected


# a body a news story names as its source (从…获悉, 据…消息)
@pytest.mark.parametrize("text,expected", [
    ("记者从淄博市房地产工作领导小组办公室获悉，新政将于下月实施。", ["淄博市房地产工作领导小组办公室"]),
    ("据市住房保障中心消息，本月起受理申请。", ["淄博市住房保障中心"]),
])
def test_a_body_named_as_a_storys_source(text, expected):
    assert names(text, "370300") == expected


@pytest.mark.parametrize("text,adcode,expected", [
    ("各区疾控局、教委，经济技术开发区社会事业局", "110000", []),      # the plural covers the list
    ("各有关单位、财政局：", "370300", []),
    ("各区住房城乡（市）建设委（房管局），各相关单位：", "110000", []),  # the other name in parentheses too
    ("市住建委（房管局）负责", "110000", ["北京市住房和城乡建设委员会", "北京市房管局"]),
    # the zone's own bureau is named as written; the bureaus listed after it are the zone's, not the city's
    ("某某经济技术开发区商务金融局、行政审批局、综合执法局", "110000", ["某某经济技术开发区商务金融局"]),
    ("市人大代表李某某提出建议", "370300", []),                            # a deputy, not the congress
    ("经市人大常委会审议通过", "370300", ["淄博市人民代表大会常务委员会"]),
])
def test_plurals_and_deputies_name_no_body(text, adcode, expected):
    assert names(text, adcode) == expected


# a government's press office (市政府新闻办) is a body of its own, not the government
@pytest.mark.parametrize("text,expected", [
    ("淄博市政府新闻办于3月14日上午举行新闻发布会。", ["淄博市人民政府新闻办公室"]),
    ("市政府新闻办公室举行发布会。", ["淄博市人民政府新闻办公室"]),
])
def test_a_governments_press_office(text, expected):
    assert names(text, "370300") == expected


# a body named by a short form is the body the text names in full, its place written as the text writes it
def test_a_short_form_is_the_body_the_text_names_in_full():
    text = "淄博住房公积金管理中心关于调整提取政策的通知。缴存职工可向公积金中心申请提取。"
    assert set(names(text, "370300")) == {"淄博住房公积金管理中心"}


def test_the_financial_regulator_named_without_its_national_prefix():
    assert names("近日，央行、金融监督管理总局联合发布《关于支持住房租赁的意见》。", None) == ["中国人民银行", "国家金融监督管理总局"]


# a development zone's own bureau, named as written where the zone's name opens with its place; a zone named only
# by its kind (经济技术开发区社会事业局) is no one zone
@pytest.mark.parametrize("text,adcode,expected", [
    ("材料报送淄博高新区建设局审核。", "370300", ["淄博高新区建设局"]),
    ("各区教委，北京经济技术开发区社会事业局：", "110000", ["北京经济技术开发区社会事业局"]),
    ("经北京经开区商务金融局同意后实施。", "110000", ["北京经开区商务金融局"]),
    ("各区教委，经济技术开发区社会事业局：", "110000", []),
    ("市经济技术开发区建设局负责", "370300", []),
    ("园区企业到开发区市场监管局办理", "370300", []),
])
def test_a_zones_own_bureau(text, adcode, expected):
    assert names(text, adcode) == expected


# a body's name followed by what is not the body: its online signing platform is the body (网签), its hotline's site
# is not; a branch named by its parent's short name (市局某某分局) resolves to no body of ours
@pytest.mark.parametrize("text,adcode,expected", [
    ("以购房者在淄博市住房保障局网签平台完成网签为准。", "370300", ["淄博市住房保障局"]),
    ("，在市住房保障局办理登记。", "370300", ["淄博市住房保障局"]),
    ("所在市住房保障局负责", "370300", []),
    ("相关链接：某某网 | 中组部12380举报网 | 某某在线", "110000", []),
    ("市局机场分局，市局机关各处室：", "110000", []),
    ("市局各部门要加强对区局的指导。", "110000", []),
    ("纳税人可通过自治区电子税务局办理申报。", "150000", []),           # an online service, not a body
    ("记者咨询了淄博住房和城乡建设局工作人员", "370300", ["淄博市住房和城乡建设局"]),  # a department: the city's full name
    ("紧紧围绕市委全会部署", "370300", ["淄博市委"]),                   # a plenary of the committee names it
])
def test_what_follows_or_precedes_a_bodys_name(text, adcode, expected):
    assert names(text, adcode) == expected


@pytest.mark.parametrize("text,expected", [
    # a national body's internal department is the body the sentence names: as written, not its ministry
    ("按照银保监会普惠金融部的要求开展自查", ["银保监会普惠金融部"]),
    ("住房城乡建设部标准定额司组织修订了标准", ["住房城乡建设部标准定额司"]),
    ("人民银行货币政策司负责人介绍", ["人民银行货币政策司"]),
    # a list, a plural, an official or an action: the ministry itself
    ("商务部等5部门联合印发", ["商务部"]),
    ("财政部部长出席", ["财政部"]),
    ("证监会正在会同相关部门研究", ["中国证券监督管理委员会"]),
    ("财政部、生态环境部联合印发", ["财政部", "生态环境部"]),
    ("住房城乡建设部财政部联合印发", ["住房和城乡建设部", "财政部"]),
])
def test_a_national_bodys_department(text, expected):
    assert names(text, None) == expected
