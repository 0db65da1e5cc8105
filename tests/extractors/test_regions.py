from __future__ import annotations

import pytest

from extractors import refdata
from extractors.regions import byline, gazetteer, primary_region, province_by_abbreviation, short_name


@pytest.mark.parametrize("adcode,name,level,province", [
    ("370000", "山东省", "province", "山东省"),
    ("370300", "淄博市", "city", "山东省"),
    ("430923", "安化县", "county", "湖南省"),
    ("110105", "朝阳区", "county", "北京市"),
    ("710000", "台湾省", "province", "台湾省"),
])
def test_gazetteer_records(adcode, name, level, province):
    r = gazetteer().region(adcode)
    assert (r.name, r.level, r.province) == (name, level, province)


def test_renamed_unit_resolves_to_the_new_code():
    (hit,) = gazetteer().mentions("孟津县")
    assert hit[2][0].adcode == "410308"


@pytest.mark.parametrize("text,absent", [
    ("阿里巴巴集团", "542500"),      # a company, not the prefecture
    ("农民专业合作社", "623001"),     # a common word, not 合作市
])
def test_words_that_are_not_places(text, absent):
    codes = {d.adcode for _, _, cands in gazetteer().mentions(text) for d in cands}
    assert absent not in codes


@pytest.mark.parametrize("title,issuers,body,expected", [
    ("白银市人民政府办公室关于印发工作方案的通知", ["白银市人民政府办公室"], "", "620400"),
    ("市政府关于印发《常州市户籍准入管理若干规定》的通知", ["市政府"], "常州市", "320400"),
    ("广东省人民政府办公厅关于印发若干措施的通知", ["广东省人民政府办公厅"], "广州市、深圳市要带头。", "440000"),
    ("安化县人民政府办公室关于印发措施的通知", ["安化县人民政府办公室"], "", "430923"),
    ("长春市朝阳区人民政府关于印发方案的通知", ["长春市朝阳区人民政府"], "", "220104"),
    ("北京市朝阳区人民政府关于印发方案的通知", ["北京市朝阳区人民政府"], "", "110105"),
    ("关于做好XX县乡村医生培训工作的通知", [], "", None),
    # an ambiguous county name in a title with its city: the county of that city
    ("南京市鼓楼区关于印发方案的通知", [], "", "320106"),
    ("福州市鼓楼区关于印发方案的通知", [], "", "350102"),
    ("深圳市南山区养老服务实施方案", [], "", "440305"),
])
def test_primary_region(title, issuers, body, expected):
    r = primary_region(body, title, issuers, [])
    assert (r.adcode if r else None) == expected


@pytest.mark.parametrize("title,issuers,expected", [
    ("吉林省人民政府关于印发方案的通知", ["吉林省人民政府"], "220000"),
    ("吉林市人民政府关于印发方案的通知", ["吉林市人民政府"], "220200"),
])
def test_province_and_city_of_the_same_name(title, issuers, expected):
    assert primary_region("", title, issuers, []).adcode == expected


def test_short_place_names_must_be_words():
    from extractors.nlp import token_boundaries
    text = "支持农民专业合作社和阿里巴巴开展合作"
    hits = gazetteer().mentions(text, boundaries=token_boundaries(text))
    assert hits == []


@pytest.mark.parametrize("row", refdata.ambiguous_place_names(), ids=lambda r: r["short_name"])
def test_ambiguous_short_names_are_not_places(row):
    """Each listed short name is some division's short name, yet in its example sentence no place."""
    gaz = gazetteer()
    short = row["short_name"]
    assert short in row["example"]
    assert any(short_name(d.name) == short for d in gaz.by_code.values())
    assert short not in gaz.short
    assert short not in [row["example"][a:b] for a, b, _ in gaz.mentions(row["example"])]


@pytest.mark.parametrize("title,issuers,body,expected", [
    # a county, a district and a county-level city resolve to themselves, not to their prefecture
    ("三台县召开农村公路养护推进会", [], "为我县农村公路养护打好基础，绵阳市交通运输局到会指导。", "510722"),
    ("关于征求高标准农田建设规划意见的函", [], "认真谋划我区新一轮建设，请反馈至昌江区农业农村局。全区共建成5万亩。", "360202"),
    ("关于做好河长制工作的通知", ["珲春市人民政府办公室"], "经市委、市政府同意。延边州河长办到会。", "222404"),
    ("市政府召开常务会议", [], "珲春市、珲春市与延边州有关部门参加。我市将加快推进。", "222404"),
    # the body names the source: a government body on the byline line
    ("残疾人两项补贴发放标准", [], "来源：高昌区民政局  发布时间：2023-09-18\n补贴按月发放。", "650402"),
    ("沛县高标准农田建设成效显著", [], "来源：徐州市农业农村局\n全县已建成高标准农田。", "320322"),
    # a county named short in the title and in full in the body
    ("文成科技特派员组成帮扶团", [], "温州市科技局牵头，在文成县成立帮扶团，支持文成县申报项目。", "330328"),
    # the site's or the newspaper's name is not the document's place
    ("关于做好春耕工作的通知", [], "稿件来源：绵阳市场信息网\n德阳市农业农村局部署春耕。\n声明：绵阳市场信息网版权所有", "510600"),
    ("武城县水务局全面落实河长制", [], "德州日报 2018-11-20 09:26\n武城讯 今年以来全县设立河长。", "371428"),
    # ... unless nothing else places a text that speaks of its own county
    ("我县提升农村供水保障能力", [], "秀山电子报\n我县将推进农村供水建设，全县自来水普及率达到98%。", "500241"),
    # a place withheld: none
    ("车辆绕行通行的通告", ["xx市公安局"], "从成都经德阳绕行。", None),
    ("车辆绕行通行的通告", [], "xx公路xx过境段施工，车辆从成都经德阳绕行。", None),
    # 全区 in an autonomous region's text is the region, not a district it names once
    ("自治区人民政府关于印发方案的通知", ["广西壮族自治区人民政府"], "全区各市要推进，南宁市青秀区先行。全区统筹。", "450000"),
])
def test_region_at_its_own_level(title, issuers, body, expected):
    r = primary_region(body, title, issuers, [])
    assert (r.adcode if r else None) == expected


@pytest.mark.parametrize("title,issuers,body,expected", [
    # a title naming two districts side by side, one spelled out only in the body: their city
    ("佛山南海、顺德出台人才安居新政", [], "近日，两区发布新政。在南海区工作的人才可申请补贴，全区放宽落户。", "440600"),
    ("南海区和顺德区联合开展住房保障检查", [], "各镇街：检查于5月开展。", "440600"),
    ("佛山顺德、南海出台人才安居新政", [], "近日，两区发布新政。在南海区工作的人才可申请补贴。", "440600"),
    # two districts' governments issue it together: their parent (a municipality's districts: the municipality)
    ("关于联合开展河道清理的通知", ["北京市东城区人民政府", "北京市西城区人民政府"], "各街道：我区将加大投入。", "110000"),
    ("东城区、西城区关于联合开展河道清理的通知", [], "各街道：现将有关事项通知如下。", "110000"),
    # one district alone stays itself; a short name not coordinated with a spelled-out one is no second district
    ("佛山南海出台人才安居新政", [], "在南海区工作的人才可申请补贴，全区放宽落户。", "440605"),
    ("东城区人民政府关于开展河道清理的通知", ["东城区人民政府"], "各街道：我区将加大投入。", "110101"),
])
def test_a_joint_document_of_two_districts_is_their_parents(title, issuers, body, expected):
    r = primary_region(body, title, issuers, [])
    assert (r.adcode if r else None) == expected


@pytest.mark.parametrize("text,bodies,hosts", [
    ("作者：     来源： 某县民政局     发布时间：2023-09-18", ["某县民政局"], []),
    ("来源：珲春示范区网 2017-12-13 14:19 作者：中共某市委办公室、某市人民政府办公室",
     ["中共某市委办公室", "某市人民政府办公室"], ["珲春示范区网"]),
    ("某某日报 2018-11-20 09:26 大字", [], ["某某日报"]),
    ("主办单位：某山电子报 2020 COPYRIGHT", [], ["某山电子报"]),
    ("资金来源：县财政专项资金", [], []),
    ("主办单位：某县人民政府办公室 承办：某县大数据中心", [], []),   # the site's owner is not a source
    ("主办单位给予奖励", [], []),
    ("（三）责任单位及承办单位：市教育局、某区教育局", [], []),
])
def test_byline(text, bodies, hosts):
    by = byline(text)
    assert (by.bodies, by.hosts) == (bodies, hosts)
    assert not by.footer or text.startswith("主办")


def test_site_owner_footer_is_not_the_documents():
    body = "我县将推进农村供水建设。\n主办：福州市人民政府办公厅 承办：福州市数据管理局\n地址：沈阳市沈河区某路1号"
    assert byline(body).footer and primary_region(body, "某某县提升供水能力", [], []) is None


def test_a_report_title_on_its_own_line_is_no_host():
    assert byline("某县关于防汛工作情况的通报\n某某日报\n").hosts == ["某某日报"]


def test_a_county_level_city_under_its_province_speaking_of_itself():
    body = "为促进全市房地产市场平稳健康发展，结合我市实际，在定州市行政区域内购买首套住房的，首付比例不低于20%。"
    assert primary_region(body, "关于调整住房公积金贷款首付比例的通知", [], []).adcode == "139001"


def test_an_ambiguous_county_short_name_spelled_out_is_still_no_short_name():
    # 朝阳区 is spelled out, but 朝阳 is listed as ambiguous: it stays a word
    gaz = gazetteer()
    assert gaz.mentions("发展朝阳产业", counties=frozenset({"朝阳"})) == []
    assert primary_region("北京市朝阳区人民政府。发展朝阳产业。", None, [], []).province == "北京市"


@pytest.mark.parametrize("text,names", [
    ("南京部分银行再调房贷政策", ["南京市"]),
    ("南京大学研究团队发布报告", []),          # a university, not the city
    ("按北京时间上午九点开始申报", []),        # a time zone, not the city
])
def test_short_city_names_count_where_they_name_the_city(text, names):
    from extractors.regions import gazetteer
    assert [d.name for _, _, ds in gazetteer().mentions(text) for d in ds] == names


@pytest.mark.parametrize("row", refdata.generic_division_names(), ids=lambda r: r["name"])
def test_district_names_that_are_common_words_need_their_city(row):
    """城区, 郊区, 矿区 are districts of several cities; alone in running text they are the common noun, after
    their city's name they are the district."""
    gaz = gazetteer()
    name = row["name"]
    assert name in row["example"] and name not in gaz.full
    assert all(row["example"][a:b] != name for a, b, _ in gaz.mentions(row["example"]))
    district = next(d for d in gaz.generic_full[name])
    city = gaz.by_code[district.city_code].name
    hits = gaz.mentions(f"{city}{name}人民政府办公室")
    assert [d.adcode for d in hits[-1][2]] == [district.adcode]


# a province's own text that names its place only by its one-character name (皖企, 鄂货) and its bodies
# by their level (省政府, 省商务厅); a region of several provinces (粤港澳, 京津冀) names none of them
@pytest.mark.parametrize("body,expected", [
    ("经省政府同意，现印发给你们。深入开展“皖企出海”行动，由省商务厅负责。", "340000"),
    ("省发展改革委牵头，推动“鄂货出山”专项行动。", "420000"),
    ("省政府决定，积极对接粤港澳大湾区建设。", None),
    ("全省各地要落实京津冀协同发展要求。", None),
    ("推动“皖企出海”行动。", None),                      # no body of its own province
    ("省政府同意，支持皖企与湘企开展合作。", None),         # two provinces named: neither is the text's
])
def test_a_province_named_only_by_its_short_name(body, expected):
    region = primary_region(body, "关于印发若干措施的通知", [], [])
    assert (region.adcode if region else None) == expected


# a province's own text (我省, 全省) naming itself only by a short name another place shares (海南: also 海南藏族自治州)
@pytest.mark.parametrize("body,expected", [
    ("根据海南住房公积金管理委员会全体会议精神，现将有关规定调整如下：借款人在我省缴存住房公积金的，最高额度为100万元。", "460000"),
    ("根据海南住房公积金管理委员会全体会议精神，现将有关规定调整如下：借款人缴存住房公积金的，最高额度为100万元。", None),
])
def test_a_province_speaking_of_itself_by_a_shared_short_name(body, expected):
    region = primary_region(body, "提高住房公积金个人住房贷款最高额度", [], [])
    assert (region.adcode if region else None) == expected


# a national body's story is not placed by the places its text happens to mention; its own place still places it
@pytest.mark.parametrize("title,body,expected", [
    ("证监会召开专题会议", "会议要求，深化内地与香港资本市场的合作，推进互联互通。", None),
    ("11家房企被央行列入名单", "名单包括总部位于广州的企业。广东省政府日前召开会议，广州多家企业参加。", None),
    ("证监会支持深圳开展资本市场改革试点", "会议要求，深圳要先行先试。", "440300"),
    ("央行召开座谈会", "我省各金融机构要落实会议精神，省政府将加强协调。湖南各地积极响应。", "430000"),
])
def test_a_national_bodys_story_is_placed_only_by_its_own_place(title, body, expected):
    region = primary_region(body, title, [], [])
    assert (region.adcode if region else None) == expected


# a city's own text (我市) about several of its districts and counties is the city's; a title naming one district
# keeps that district
@pytest.mark.parametrize("title,body,expected", [
    ("部分区县开展购房补贴活动", "今天，我市部分区县市（富阳区、临安区、桐庐县、淳安县、建德市）发布公告。富阳区：活动时间为10月。"
     "临安区：活动时间为11月。桐庐县：补贴5000元。", "330100"),
    ("高淳区放松限购", "我市高淳区发布通知，高淳区购房无需社保。临安区、桐庐县、淳安县另有规定。", "320118"),
])
def test_a_citys_text_about_several_of_its_districts_is_the_citys(title, body, expected):
    region = primary_region(body, title, [], [])
    assert (region.adcode if region else None) == expected


# a city's own text (我市) placed by nothing but its own number's first character, when one city's name opens with it
@pytest.mark.parametrize("prefixes,expected", [
    (("蚌房金",), "340300"),     # 蚌埠市 alone opens with 蚌
    (("长府办发",), None),        # 长春市, 长沙市, 长治市: no one city
    ((), None),
])
def test_a_citys_text_placed_by_its_own_numbers_first_character(prefixes, expected):
    body = "为支持生育多孩职工家庭住房需求，我市缴存职工购买首套住房的，贷款额度上浮20%。本市各管理部遵照执行。"
    region = primary_region(body, "关于实施多子女家庭使用住房公积金支持政策的通知", [], [], docnum_prefixes=prefixes)
    assert (region.adcode if region else None) == expected


# a headline that names its place by a province's one-character name, at its head or after a verb of place; a
# person's name or a pair of exchanges holding the character names no place
@pytest.mark.parametrize("title,expected", [
    ("某银行在沪举办房地产企业座谈会", "310000"),
    ("沪整顿挂牌价格虚高，规范二手房市场秩序", "310000"),
    ("某某外资机构赴粤考察", "440000"),
    ("某某王沪宁出席会议", None),
    ("沪深两市成交额突破万亿", None),
])
def test_a_headline_placed_by_a_provinces_one_character_name(title, expected):
    region = primary_region("会议围绕合作模式进行了交流，与会代表普遍表示支持。", title, [], [])
    assert (region.adcode if region else None) == expected


# a story about many provinces' cities (a developer's projects, a national round-up) is no one place's; a story
# about one place that mentions others keeps its place
@pytest.mark.parametrize("title,body,expected", [
    ("某集团18个项目进入名单", "名单项目分布在重庆、天津、昆明、南宁、武汉、郑州等城市。", None),
    ("融资协调机制加速落地", "全国已有29个省份建立机制。山东16个城市均已建立机制，济南、青岛、烟台、日照已推送首批项目名单。"
     "厦门已支持2个项目。湖南14个市州均已建立机制。银行在重庆、安徽、浙江、广西、陕西多地实现投放。", None),
    ("购房补贴活动启动", "福州市发布公告，福州鼓楼区、台江区、仓山区购房可享补贴，福州市民可到现场咨询。此前南京、郑州已出台类似政策。",
     "350100"),
])
def test_a_story_about_many_provinces_is_no_one_place(title, body, expected):
    region = primary_region(body, title, [], [])
    assert (region.adcode if region else None) == expected


# every body the hand-typed list of national bodies held before they were read from the agency table's national
# rows, and some it lacked: a story headed by one is not placed by the places its text mentions
_OLD_NATIONAL = ("央行", "中国人民银行", "人民银行", "证监会", "银保监会", "金融监管总局", "国务院", "中共中央", "中央政治局",
                 "财政部", "商务部", "国家发展改革委", "国家发改委", "发改委", "住房城乡建设部", "住建部", "自然资源部",
                 "税务总局", "外汇局", "国家统计局")
_BODY = "会议介绍了杭州的做法，杭州多家企业参加。"


@pytest.mark.parametrize("body_name", [*_OLD_NATIONAL, "教育部", "国家医保局", "医保局", "国家卫生健康委员会", "海关总署"])
def test_a_story_headed_by_a_national_body_from_the_agency_table_is_not_placed_by_its_text(body_name):
    assert primary_region(_BODY, f"{body_name}：部署下一阶段重点工作", [], []) is None
    assert primary_region(_BODY, f"{body_name}召开专题会议", [], []) is None


@pytest.mark.parametrize("title", [
    "部署下一阶段重点工作",             # no body named
    "人民银行营业管理部召开专题会议",      # a branch of the bank
    "人民银行某某中心支行召开专题会议",
    "财政部门召开专题会议",              # a function, not the ministry
    "区医保局召开专题会议",              # a local office: 国家 left out only at a headline's head
])
def test_a_story_headed_by_no_national_body_is_placed_by_its_text(title):
    assert primary_region(_BODY, title, [], []).adcode == "330100"


# a character that opens a province's numbers and a city's (宁: Ningxia's 宁政发, Nanjing's 宁房字): a text that
# speaks as a city (我市) under its own number is the city's; one that speaks as a region (全区) the province's
@pytest.mark.parametrize("prefixes,body,expected", [
    (("宁规划资源规",), "为促进我市土地市场平稳健康发展，结合我市实际情况，现就有关工作通知如下。", "320100"),
    (("青房发",), "为促进我市房地产市场平稳健康发展，现就有关工作通知如下。", "370200"),
    (("宁建发",), "为促进全区房地产市场平稳健康发展，各市、县（区）遵照执行。", "640000"),
    (("蚌房金",), "为促进我市房地产市场平稳健康发展，现就有关工作通知如下。", "340300"),
])
def test_a_citys_text_under_a_number_its_province_shares_the_first_character_of(prefixes, body, expected):
    provinces = [province_by_abbreviation()[prefixes[0][0]]] if prefixes[0][0] in province_by_abbreviation() else []
    region = primary_region(body, "关于进一步优化土地市场服务管理工作的通知", [], provinces, docnum_prefixes=prefixes)
    assert (region.adcode if region else None) == expected


# a list of firms by their short names places nothing: the place that opens one of them is a firm's name
@pytest.mark.parametrize("body,expected", [
    ("纾困名单的公司包括：某茂集团、某创中国、某地控股、某南建设、阳光城、广州富力和某大集团。", None),
    ("纾困名单的公司包括：某茂集团、某创中国、某地控股。广州富力已完成债务展期。", "440100"),
    ("会议在广州召开，广州、深圳、珠海、佛山等城市代表参加。", "440000"),  # a list of places is no list of firms
])
def test_a_place_that_opens_a_firms_name_in_a_list_of_firms_places_nothing(body, expected):
    region = primary_region(body, "房地产纾困基金来了", [], [])
    assert (region.adcode if region else None) == expected
