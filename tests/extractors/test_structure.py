from __future__ import annotations

import pytest

from extractors import refdata
from extractors.records import DocType
from extractors.structure import doc_type, find_titles, segment


def test_notice_and_the_plan_it_issues_are_one_document():
    text = ("某省卫生健康委员会关于印发《某省乡村医生队伍建设行动方案》的通知\n各市：现印发给你们。" + "请认真贯彻落实。" * 30 +
            "\n某省卫生健康委员会\n2024年3月18日\n某省乡村医生队伍建设行动方案\n一、总体目标\n" + "到2025年达到45%。" * 30)
    assert len(segment(text)) == 1


def test_compilation_splits_at_unrelated_titles():
    doc = "各县区：现将有关事项通知如下。" + "请认真执行。" * 10 + "\n某市人民政府办公室\n2023年8月15日\n"
    text = ("临沂市人民政府办公室关于调整市级救灾物资储备标准的通知\n" + doc +
            "德州市教育局关于做好秋季学期学生资助工作的通知\n" + doc +
            "枣庄市住房和城乡建设局关于公布保障性租赁住房项目的公告\n" + doc)
    segs = segment(text)
    assert [s.title.text[:4] for s in segs] == ["临沂市人", "德州市教", "枣庄市住"]
    assert segs[0].end == segs[1].start


def test_interpretation_after_its_notice_is_its_own_document():
    text = ("关于优化住房公积金贷款住房套数认定标准的通知\n" + "各缴存人：现通知如下。" * 30 +
            "\n《关于优化住房公积金贷款住房套数认定标准的通知》解读\n" + "一、出台背景。" * 30)
    assert len(segment(text)) == 2


def test_title_spread_over_lines_is_joined():
    text = "达州市人民政府办公室\n关于印发达州市促进房地产市场\n健康发展十条措施的通知\n达市府办发〔2022〕25号\n"
    (t,) = find_titles(text)
    assert t.text == "达州市人民政府办公室关于印发达州市促进房地产市场健康发展十条措施的通知"


@pytest.mark.parametrize("title,expected", [
    ("关于印发《某方案》的通知", DocType.NOTICE),
    ("某市乡村医生队伍建设三年行动方案", DocType.PLAN),
    ("关于加快发展的实施意见", DocType.OPINION),
    ("某县促进房地产市场平稳健康发展若干措施", DocType.MEASURES),
    ("临沂市健康乡村条例", DocType.REGULATION),
    ("中华人民共和国基本医疗卫生与健康促进法", DocType.LAW),
    ("《关于优化认定标准的通知》解读", DocType.INTERPRETATION),
    ("2023年工作总结", DocType.SUMMARY),
    # a reading of another document, its prefix kept as printed (ANNOTATION: the title as printed)
    ("一图读懂《某市促进数字经济发展行动方案》", DocType.INTERPRETATION),
    ("一图读懂：关于调整《某市行政处罚裁量基准》部分条款的通知", DocType.INTERPRETATION),
    ("解读：《某市科技行政处罚裁量权适用规定》", DocType.INTERPRETATION),
    ("解读《某局关于新增部分服务价格项目的通知》", DocType.INTERPRETATION),
    ("关于做好政策解读工作的通知", DocType.NOTICE),
])
def test_doc_type_from_title(title, expected):
    assert doc_type(title, "") is expected


def test_news_without_title_suffix():
    assert doc_type("潍坊市医疗卫生服务能力持续提升", "本报讯（记者 张明）记者获悉") is DocType.NEWS


@pytest.mark.parametrize("raw,clean", [
    ("北京市人民政府关于印发方案的通知_政策文件_首都之窗", "北京市人民政府关于印发方案的通知"),
    ("首页 > 政务公开 > 某县住房和城乡建设局关于公布名单的通知", "某县住房和城乡建设局关于公布名单的通知"),
    ("- 国务院关于综合改革试点实施方案的批复", "国务院关于综合改革试点实施方案的批复"),
    ("[已废止]大连市人民政府办公室关于加强调控的通知", "大连市人民政府办公室关于加强调控的通知"),
    ("- 中共某市房产局党组关于职务任免的通知 2026-01-", "中共某市房产局党组关于职务任免的通知"),
    ("某市住房公积金管理中心政府信息公开", ""),
    ("营商环境,证照分离,民营科技企业", ""),                          # SEO keywords, not a title
    ("- 2023-10-31 11:04:08 2023年十月房地产大事件盘点", "2023年十月房地产大事件盘点"),
    ("文件链接：《沈阳市历史建筑修缮管理办法》政策解读", "《沈阳市历史建筑修缮管理办法》政策解读"),
    ("某地悄然放松限购,某某房产网", "某地悄然放松限购"),
    # the label of a link to the policy an interpretation reads, a repost's 原标题, a kicker before a bar
    ("政策文件： 某市某局关于印发《某数据管理办法》的通知", "某市某局关于印发《某数据管理办法》的通知"),
    ("原标题：某部门要求辖内公司报备新增业务", "某部门要求辖内公司报备新增业务"),
    ("独家|某局要求辖内信托公司报备新增业务", "某局要求辖内信托公司报备新增业务"),
    ("某集团总裁：公司已上报白名单项目42个", "某集团总裁：公司已上报白名单项目42个"),   # a speaker is no label
    # a site's or a column's name glued on with a dash, before or after
    ("某某日报数字报刊平台-中共某市委关于制定某市发展规划的建议", "中共某市委关于制定某市发展规划的建议"),
    ("某县人民政府网站——某县人民政府关于加强市场管理的意见", "某县人民政府关于加强市场管理的意见"),
    ("某集团发布年度业绩报告-新闻中心", "某集团发布年度业绩报告"),
    ("某市社保中心关于调整缴费基数的通知-某市社会保险事业管理中心", "某市社保中心关于调整缴费基数的通知"),
    ("某市住房公积金--通知公告", ""),                                # a site and a column: no document
    # a headline and its subtitle stay whole
    ("推进城市更新——某市系统推进老旧小区改造的实践", "推进城市更新——某市系统推进老旧小区改造的实践"),
    # markup left in the page's title
    ("某区等三部门印发关于<br/>进一步规范物业管理<br/>的若干措施的通知", "某区等三部门印发关于进一步规范物业管理的若干措施的通知"),
])
def test_clean_title(raw, clean):
    from extractors.titles import clean_title
    assert clean_title(raw) == clean


@pytest.mark.parametrize("text,expected", [
    ("下一篇：2024年春节放假通知\n", []),
    ("与本通知规定不一致的，按本通知规定\n", []),
    ("请遵照执行。\n特此通知\n关于阶段性实施部分住房公积金提取政策的解读\n", ["关于阶段性实施部分住房公积金提取政策的解读"]),
])
def test_page_furniture_and_closings_are_not_titles(text, expected):
    assert [t.text for t in find_titles(text)] == expected


@pytest.mark.parametrize("row", refdata.title_suffixes(), ids=lambda r: r["suffix"])
def test_title_suffix_rows_hold_for_their_examples(row):
    """extractors/data/title_suffixes.tsv: each example ends with its word, is a title line where the row
    says so, and gets the row's type."""
    from extractors.structure import is_title_line

    assert row["example"].rstrip("》）").endswith(row["suffix"])
    assert is_title_line(row["example"]) is (row["title_line"] == "yes")
    if row["doc_type"]:
        assert doc_type(row["example"], "") is DocType(row["doc_type"])


PROSE = "为进一步做好相关工作，切实保障群众利益，现将有关情况介绍如下。全年完成投资1200万元，惠及群众3000人。"


def _titles(text: str) -> list[str | None]:
    from corpora.records import SourceText
    from extractors.document import documents
    return [d.title for d in documents(SourceText("t.txt", text, "text/plain"))]


@pytest.mark.parametrize("text,expected", [
    # a breadcrumb, then the title and its timestamp on one line
    ("首页 > 新闻 > 本地 >\n某县开展春季植树活动 2023-03-12 10:21:08 来源：某县林业局\n\n" + PROSE, "某县开展春季植树活动"),
    # a utility bar, the headline, a metadata line
    ("投稿邮箱  返回首页  加入收藏\n\n某市举办乡村振兴专题培训班\n\n稿件来源:某市信息网  发布时间:2020-05-06\n\n" + PROSE,
     "某市举办乡村振兴专题培训班"),
    # a column label above the title
    ("工作动态\n\n某区老年人助餐补贴发放标准\n\n来源: 某区民政局  发布时间:2022-08-01\n\n" + PROSE, "某区老年人助餐补贴发放标准"),
    ("首页 业界 > 滚动 > 正文\n\n某市科技特派员组成帮扶团\n\n" + PROSE, "某市科技特派员组成帮扶团"),
    # an e-paper page: date line, headline list, reader chrome, then the story
    (">2024年6月3日星期一\n\n在线读报 某县召开会议 某县举办活动 某县春耕生产有序推进\n\n按日期检索\n\n电子报刊阅读器\n"
     "放大 缩小 默认\n\n某县春耕生产有序推进\n\n" + PROSE, "某县春耕生产有序推进"),
    # traditional script with a column label and a view counter
    ("資訊詳情\n某省出臺方案推進節能降碳十大行動\n瀏覽量\n【摘要】:\n" + PROSE, "某省出台方案推进节能降碳十大行动"),
    # a site's name above the policy's own title on a sharing site
    ("某某法律资料网\n\n某市人民政府关于印发某市物业管理办法的通知\n作者:某某资料网 时间:2024-01-02 03:04:05\n\n" + PROSE,
     "某市人民政府关于印发某市物业管理办法的通知"),
    # the issuer's line under the title is not the title
    ("关于做好汛期安全防范工作的通知\n\n某县应急管理局\n\n各乡镇人民政府：\n" + PROSE, "关于做好汛期安全防范工作的通知"),
    # a run-in metadata line after the title
    ("某省旅游促进条例\n\n某省旅游促进条例制定机关: 某省人民代表大会常务委员会公布日期: 2019.05.30\n\n第一条\n" + PROSE,
     "某省旅游促进条例"),
    # the title printed only as the attached file's name
    ("各县区教育局：\n" + PROSE + "\n某市教育局\n2022年3月1日\n某教字〔2022〕5号某市教育局关于开展校园安全检查的通知.pdf\n"
     "附件1.某省教育厅关于开展校园安全检查的通知.doc\n", "某市教育局关于开展校园安全检查的通知"),
    # a news dateline is not a headline; the kicker above the headline gives way to it
    ("要闻 2024年5月6日 星期一 责编：某某\n某市领导深入园区走访调研\n以科技创新引领产业发展\n本报讯 某某\n" + PROSE,
     "以科技创新引领产业发展"),
    # a table's header row is not a title; the table's caption is
    ("附件1\n某市科技行政处罚裁量基准表\n一、实验动物领域\n裁量基准编码 | 违法行为 | 处罚依据\nA01 | 未取得许可证 | 第六条\n" + PROSE,
     "某市科技行政处罚裁量基准表"),
    # a bare document number line is no title line and a labelled footer line names no document; with no
    # headline printed, the document is called by its number standing alone (flagged title_guessed)
    ("某规划资源规〔2023〕1号\n各有关单位：\n" + PROSE + "\n网站技术支持电话：0731-00000000\n", "某规划资源规〔2023〕1号"),
    # a short generic name is the title when nothing longer names the document
    ("承诺书\n本人：        ，证件号码：        ，" + PROSE, "承诺书"),
    ("附件2\n项目申报表\n单位名称 | 联系人 | 电话\n", "项目申报表"),
    # a question-and-answer sheet titled by the regulation it explains
    ("《某市中考招生录取实施办法》问答\n1.《实施办法》出台的背景是什么？\n" + PROSE, "《某市中考招生录取实施办法》问答"),
    # a headline whose figures are listed with 、 is still a headline
    ("2024年02月23日 10:14:59\n某市推送第一批房地产项目白名单 涉及3个项目、融资需求17.14亿元\n某某社2月23日电，" + PROSE,
     "某市推送第一批房地产项目白名单 涉及3个项目、融资需求17.14亿元"),
    # a headline wrapped after 的
    ("附件\n某市关于推进住房品质提升的\n实施指引\n一、工作目标\n" + PROSE, "某市关于推进住房品质提升的实施指引"),
])
def test_title_in_the_head_of_web_text(text, expected):
    assert _titles(text)[0] == expected


def test_numbered_notices_on_one_page_are_separate_documents():
    body = "\n" + PROSE * 3 + "\n某市公安局\n2023年2月15日\n"
    text = "道路施工车辆绕行的通告3篇\n\n道路施工车辆绕行的通告1\n" + body + "道路施工车辆绕行的通告2\n" + body + "道路施工车辆绕行的通告3\n" + body
    assert _titles(text) == ["道路施工车辆绕行的通告1", "道路施工车辆绕行的通告2", "道路施工车辆绕行的通告3"]


def test_a_notice_with_its_own_number_after_a_public_notice_is_its_own_document():
    text = ("某市人民政府办公室关于对《某市河长制工作方案》的公示\n\n来源:某市政府网 2017-12-13 14:19\n\n" + PROSE * 2 +
            "\n附件:\n\n某市人民政府办公室\n\n关于印发《某市河长制工作方案》的通知\n\n某办发〔2017〕19号\n\n各乡镇人民政府：\n" + PROSE * 2 +
            "\n某市人民政府办公室\n2017年6月13日\n某市河长制工作方案\n" + PROSE * 3)
    titles = _titles(text)
    assert len(titles) == 2 and titles[0].endswith("的公示") and titles[1].endswith("工作方案》的通知")


def test_a_compilation_yields_one_document_each_with_its_own_metadata():
    from corpora.records import SourceText
    from extractors.extract import Extractor
    text = ("某省物业管理条例制定机关: 某省人民代表大会常务委员会公布日期: 2019.05.30施行日期: 2019.10.01\n\n第一条 " + PROSE * 3 +
            "\n\n某市河道管理办法【制定机关】某市人民政府•【发文字号】某政发[2020]3号•【公布日期】2020.03.02\n\n第一条 " + PROSE * 3 +
            "\n\n某县民政局关于调整临时救助标准的通知(某民发[2021]12号)\n发布日期:2021-07-21 11:25 来源: 某县民政局\n各乡镇：\n"
            + PROSE * 3 + "\n某县民政局\n2021年7月20日\n")
    docs = Extractor().extract(SourceText("c.txt", text, "text/plain"))
    assert [d.title for d in docs] == ["某省物业管理条例", "某市河道管理办法", "某县民政局关于调整临时救助标准的通知"]
    assert [d.publish_date for d in docs] == ["2019-05-30", "2020-03-02", "2021-07-20"]
    assert [[n.normalized for n in d.doc_numbers if n.role == "own"] for d in docs] == [
        [], ["某政发〔2020〕3号"], ["某民发〔2021〕12号"]]
    assert docs[1].metadata["发文机关"] == "某市人民政府"


@pytest.mark.parametrize("title,expected", [
    ("沈阳市房产局", True),
    ("某某市场信息网", True),
    ("资讯详情", True),
    ("社会救助", True),
    ("中共某市委办公室 某市人民政府办公室", True),
    ("某县持续提升农村供水保障服务能力", False),
    ("关于印发《某市物业管理办法》的通知", False),
    ("残疾人“两项补贴”发放标准", False),
])
def test_site_and_column_names(title, expected):
    from extractors.structure import names_site_or_column
    assert names_site_or_column(title) is expected


def test_labelled_lines_are_not_titles():
    text = "- 发文机构:某县人民政府办公室\n- 实施日期:2022-12-02\n- 类别:房地产综合规定\n"
    assert find_titles(text) == []


def test_a_news_story_is_not_split_at_the_titles_it_quotes():
    text = ("某市出台楼市新政十四条\n来源：某某日报 2023-05-06 09:10\n" + PROSE * 4 +
            "\n促进房地产市场平稳健康发展的若干措施\n" + PROSE * 4 + "\n关于进一步做好住房保障工作的通知\n" + PROSE * 4)
    assert _titles(text) == ["某市出台楼市新政十四条"]


# the original a story reposts whole under a label (原文内容：) is a document of its own, headed by its own headline,
# an exclaimed one too; a headline the story only quotes is not
@pytest.mark.parametrize("label,headline,expected", [
    ("原文内容：", "先落户后就业，有补贴有红包……某县出台大学生就业创业细则！", 2),
    ("以下是原文：", "某县出台高校毕业生就业创业扶持办法", 2),
    ("原文内容：", "一、就业补贴", 1),                                   # a numbered heading is no headline
    ("相关阅读：", "某县出台高校毕业生就业创业扶持办法", 1),             # not a repost's label
])
def test_the_original_a_story_reposts_under_a_label_is_its_own_document(label, headline, expected):
    text = ("某县：大学生可先落户后就业 购房最高补贴15万元\n来源：某某网 2024-01-22 14:11\n" + PROSE * 4
            + f"\n{label}\n\n{headline}\n\n" + PROSE * 4)
    assert len(_titles(text)) == expected


@pytest.mark.parametrize("page,line,expected", [
    # the page's name cut short gives way to the title printed in full
    ("某市人民政府关于公布支持文化旅游产业发展七项政策措", "某市人民政府关于公布支持文化旅游产业发展七项政策措施的通知",
     "某市人民政府关于公布支持文化旅游产业发展七项政策措施的通知"),
    # a printed line with junk before the page's title does not
    ("关于优化住房公积金业务政策和流程的通知", "通知公告关于优化住房公积金业务政策和流程的通知", "关于优化住房公积金业务政策和流程的通知"),
    # a red header or a site name is no title
    ("市公积金中心文件", "某市住房公积金提取管理实施细则", "某市住房公积金提取管理实施细则"),
    ("某某市房产局", None, None),
])
def test_choose_title(page, line, expected):
    from extractors.titles import choose_title
    assert choose_title(page, line) == expected


def test_a_compilation_named_by_its_page_splits_at_its_documents():
    from corpora.records import SourceText
    from extractors.document import documents
    doc = "\n各区县：" + PROSE * 4 + "\n某市人民政府办公室\n2024年1月5日\n"
    body = ("某市经济和信息化局关于印发《某市支持人工智能创新发展行动方案》的通知" + doc +
            "某市教育委员会关于印发《某市中小学人工智能教育课程纲要》的通知" + doc)
    header = "标题：人工智能产业政策文件汇编\n\n"
    st = SourceText("p.html", header + body, "text/html", metadata={"标题": "人工智能产业政策文件汇编"},
                    metadata_spans={"标题": (3, len(header) - 2)}, body_start=len(header))
    assert len(documents(st)) == 2


@pytest.mark.parametrize("text,expected", [
    # a form's title with the labels of its first row run into the line
    ("附件1\n某县农机购置补贴申请表申请单位（盖章）：          日期：\n机具名称 | \n购置数量 | \n", "某县农机购置补贴申请表"),
    ("某市人才公寓入住登记表填表日期：    年  月  日\n姓名 |  | 性别 | \n", "某市人才公寓入住登记表"),
    # an e-paper page continuing a story: its headline before the continuation mark
    ("某日报客户端\n5 要闻\n看往期电子报\n某县乡村旅游步入快车道（上接第1版） 全县接待游客120万人次，" + PROSE,
     "某县乡村旅游步入快车道"),
    # a headline the layout cut in two: its tail opens a later line of the page
    ("某日报客户端\n2 要闻\n看往期电子报\n中共某市委关于加快推进城乡融合发（上接第1版） 坚持以人民为中心，" + PROSE + "\n"
     + PROSE + "\n2025年1月2日 星期四 责编：某某\n展和乡村全面振兴的决定强化要素保障，" + PROSE,
     "中共某市委关于加快推进城乡融合发展和乡村全面振兴的决定"),
    # a directory's title with its year, above numbered rows of cells
    ("某市公园名录（2025年度）\n1 某中心 某某公园 一级 某区某路1号 某管理处\n2 某中心 某某湖公园 二级 某区某街2号 某管理处\n",
     "某市公园名录（2025年度）"),
    # …and stays as printed where no line completes it
    ("看往期电子报\n中共某市委关于加快推进城乡融合发（上接第1版） 坚持以人民为中心，" + PROSE + "\n制度建设，" + PROSE,
     "中共某市委关于加快推进城乡融合发"),
])
def test_forms_and_continued_e_paper_stories_are_titled(text, expected):
    assert _titles(text)[0] == expected


def _source(text: str, page_title: str | None = None):
    from corpora.records import SourceText
    if page_title is None:
        return SourceText("p.txt", text, "text/plain")
    header = f"标题：{page_title}\n\n"
    return SourceText("p.html", header + text, "text/html", metadata={"标题": page_title},
                      metadata_spans={"标题": (3, len(header) - 2)}, body_start=len(header))


_ROWS = ["某市人民政府关于促进住房消费的通知", "某市住房公积金管理中心关于调整贷款额度的通知", "某市财政局关于发放购房补贴的实施细则",
         "某市人民政府办公室关于印发某市老旧小区改造实施方案的通知", "某市自然资源局关于优化土地供应的若干措施"]
_MORE = ["某市住房和城乡建设局关于规范物业服务的通知", "某市人民政府关于加快发展保障性租赁住房的实施意见"]


def _compilation(index_line) -> str:
    """A compilation written for the test: its heading, an index of seven titles (two of documents it does not
    hold), then five documents, each with its own words so no body repeats another."""
    text = "城乡建设政策文件汇编\n目录\n" + "".join(index_line(i, t) for i, t in enumerate(_ROWS + _MORE))
    for i, title in enumerate(_ROWS):
        text += (f"{title}\n" + (f"某政发〔2024〕{i + 1}号\n" if i % 2 == 0 else "") + "各有关单位：\n"
                 f"为做好{title[2:8]}工作，现就有关事项通知如下。一、提高标准，每户不超过{i + 2}千元。二、材料齐全的当场办结，"
                 f"办理时限不超过{i + 3}个工作日。三、本文件自印发之日起施行，有效期{i + 1}年，由{title[:5]}负责解释。\n"
                 f"某市{title[2:5]}\n2024年{i + 1}月{i + 2}日\n")
    return text


@pytest.mark.parametrize("index_line", [
    lambda i, t: f"{t}\n",                                  # titles alone
    lambda i, t: f"{t}……{i * 4 + 1}\n",                    # leader dots and page numbers
    lambda i, t: f"{t}\t{i * 4 + 1}\n",                     # a tab and page numbers
    lambda i, t: f"| {i + 1} | {t} | 某政发〔2024〕{i + 1}号 | 2024-0{i + 1}-01 |\n",  # a table with numbers and dates
    lambda i, t: f"{i + 1}.{t}\n",                          # numbered entries
], ids=["plain", "leaders", "tab", "table", "numbered"])
@pytest.mark.parametrize("page_title", [None, "城乡建设政策文件汇编"], ids=["no-page-title", "page-title"])
def test_a_compilation_opening_with_its_index_splits_at_each_document_title(index_line, page_title):
    from extractors.document import documents
    docs = documents(_source(_compilation(index_line), page_title))
    assert [d.title for d in docs] == _ROWS
    # each document starts at its own title: the index belongs to none of them, nor to the first
    assert all(d.text.startswith(d.title) for d in docs)
    assert all(d.text.count("各有关单位") == 1 for d in docs)


@pytest.mark.parametrize("text,reason", [
    # a portal's home page laid out in a table: column names, dated headlines cut short, contact rows
    ("| 网上大厅 |\n| 新闻动态 |  |\n| 某中心举办业务培训... | 2026-07-06 |\n| 某市召开住房工作会议... | 2026-06-24 |\n"
     "| 政策法规 |\n| 某部关于促进住房消费的通知 | 2024-11-29 |\n| 公积金经办网点 | 智能问答 |\n"
     "| 缴存业务：0531-0000000 提取业务：0531-0000001 贷款业务：0531-0000002 |\n| 下载中心 |\n", "no title"),
    # a page left with only a breadcrumb and a table of contact numbers
    ("| 您的位置：某市房产信息平台>>新闻中心>>行业新闻 |\n| 您是第位浏览者 |\n| 业务咨询电话： |  | 各部门便民电话 |\n"
     "| 开发管理服务中心 | 电话：0431-0000001 | 行政审批处 | 电话：0431-0000002 |\n"
     "| 房屋安全管理处 | 电话：0431-0000003 | 物业管理处 | 电话：0431-0000004 |\n", "no title"),
    # a handful of teasers under bullets, each a link with its first sentence
    ("- 上半年某市经济运行情况解读 上半年，全市坚持稳中求进工作总基调，经济运行稳中向好，主要指标好于预期。\n"
     "- 某某当选某区区长 某区人民代表大会会议7月8日选举某某为某区人民政府区长。\n"
     "- 回应关切：如何更好保障新就业形态劳动者权益？ 围绕劳动者权益保障问题，采访了有关负责人。\n", "no title"),
    # a question-and-answer column: a menu of topics, years, and questions with their short answers
    ("\n".join(f"- {w}" for w in ["住行问题", "加装电梯", "教育", "2025年"]) + "\n"
     "- 住宅防水工程的保修期限是多久？ 在正常使用下，防水工程的最低保修期限为5年。\n"
     "- 住宅装修工程的保修期限是多久？ 在正常使用下，装修工程的最低保修期限为2年。\n", "no title"),
    # a compilation's index with none of its documents
    ("某领域政策文件汇编\n文件名称\n文号\n发布日期\n" + "\n".join(_ROWS + _MORE) + "\n", "an index of"),
    # dated headlines, some of them exclaiming
    ("\n".join(f"- {t} 2023-1{i % 3}-0{i + 1}" for i, t in enumerate(
        ["降温要来啦！某市发布今冬第3号供热调度令！", "寒潮来袭，某市发布第2号供热调度令！", "关于今冬供热，某市权威部门最新发布！",
         "某市开展供热专项整治行动", "某区老旧小区年内换新颜", "某市正式开始供热", "热乎了！某市供热已开始热态试运行！"])), "list page"),
    # a portal's headlines, one of them exclaimed, over a numbered list of policy titles and its footer
    ("稳增长进入冲锋时刻 保交楼之战必须更快打赢\n某某股开盘即破发 市值神话不再\n16城新房成交未创新高，这些城市还在探底！\n\n"
     "近期热点政策法规\n\n" + "\n".join(f"{i}某市人民政府办公室关于印发促进房地产市场平稳健康发展若干措施的通知" for i in range(1, 6))
     + "\n\n关于我们|\n网站地图\n地址：某市某区某路22号\n", "no running text"),
])
def test_pages_without_a_document_are_not_documents(text, reason):
    from corpora.records import ErrorReason, ReadError
    from extractors.document import documents
    with pytest.raises(ReadError) as e:
        documents(_source(text))
    assert e.value.reason is ErrorReason.NOT_A_DOCUMENT and reason in e.value.detail


@pytest.mark.parametrize("text", [
    "附件2\n某市农机购置补贴申请表申请单位（盖章）：      日期：\n机具名称 | \n购置数量 | \n",  # a titled form
    "各乡镇：\n" + PROSE * 2 + "\n某县人民政府\n2024年1月2日\n",                              # an untitled notice
    "| 收费项目 | 收费标准 |\n| 住宅登记 | 每件80元 |\n| 非住宅登记 | 每件550元 |\n".replace("| 收费项目", "不动产登记费一览表\n| 收费项目"),
    "一图读懂《某市促进数字经济发展行动方案》\n发布时间：2026-01-05\n来源：某市经济和信息化局\n",  # a reading in pictures
])
def test_titled_tables_and_untitled_running_text_stay_documents(text):
    from extractors.document import documents
    assert len(documents(_source(text))) == 1


@pytest.mark.parametrize("text,expected", [
    # a title line among a portal's menu of bare words is a link, not the page's title
    ("网站首页\n机构信息\n政务服务\n概况信息\n人事任免\n政府文件及解读\n财政信息\n公示公告\n在线服务\n"
     "某市关于做好住房保障工作的通知\n各区：\n" + PROSE * 4, "某市关于做好住房保障工作的通知"),
    # a headline a list cut short is a teaser, not a title
    ("某市关于印发《某市住房安全管理办法》的...\n2019-08-23\n某市住房安全管理办法\n第一条 " + PROSE, "某市住房安全管理办法"),
])
def test_menu_items_and_cut_headlines_are_not_titles(text, expected):
    assert _titles(text)[0] == expected


@pytest.mark.parametrize("text", [
    # a portal's service page: menus, a heading, an address and opening hours, no sentence
    "网站首页\n机构信息\n政务服务\n在线服务\n下载中心\n办理时间和地点\n地址：某市某区某路127号\n时间：上午9:00-11:50 下午1:30-5:00\n",
    # a search form's filters and an empty result
    "业务类型：\n商品房预售许可\n商品房现售备案\n办件状态：\n已办结\n在办理\n申请编号\n申请单位\n共\n1\n页\n首页\n尾页\n",
])
def test_pages_with_no_sentence_and_no_document_title_are_not_documents(text):
    from corpora.records import ErrorReason, ReadError
    from extractors.document import documents
    with pytest.raises(ReadError) as e:
        documents(_source(text))
    assert e.value.reason is ErrorReason.NOT_A_DOCUMENT


@pytest.mark.parametrize("issuing,attached,n", [
    ("现将具体意见印发给你们，请认真执行。", "某市住房限购政策的实施意见", 1),
    ("《某市促进消费若干措施》已经市政府同意，现印发给你们，请认真贯彻执行。", "某市促进消费若干措施", 1),
    # a notice that issues nothing, then an unrelated plan: two documents
    ("请各单位认真组织实施，按时报送材料。", "某县农村公路养护三年行动方案", 2),
    # what follows is another notice: two documents
    ("现将具体意见印发给你们，请认真执行。", "某市教育局关于做好秋季学期学生资助工作的通知", 2),
])
def test_a_notice_and_the_text_it_issues_after_its_signature_are_one_document(issuing, attached, n):
    text = ("某市住房保障和房产局关于明确住房政策有关事项的通知\n各区政府，市各有关部门：\n为促进房地产市场健康发展，" + issuing
            + "\n某市住房保障和房产局\n2017年5月3日\n" + attached + "\n" + "一、关于对象的认定。对符合条件的家庭，按规定执行。" * 12)
    assert len(segment(text)) == n


# a news page dumped whole: a long menu of short links above the headline, its dateline, then the story
@pytest.mark.parametrize("menu_lines", [5, 45, 90])
def test_a_headline_below_a_long_menu_of_short_links(menu_lines):
    menu = "\n\n".join(["首页", "要闻", "登录", "|", "注册", "视频", "专题", "评论"] * (menu_lines // 8 + 1))
    headline = "某省召开全省住房保障工作推进会议 部署下半年重点任务"
    text = (f"{menu}\n\n某某网>>地方动态\n\n{headline}\n\n2024年05月20日08:26 来源：某某日报\n\n"
            + "会议指出，要扎实推进保障性住房建设，持续改善群众居住条件，确保各项任务按期完成。" * 6)
    (seg,) = segment(text)
    assert seg.title is not None and seg.title.text == headline


# lines that look like a title but are not: a contact or form field, a bank account, a table cell that continues a
# figure, e-paper furniture, a site's name above the title, a form's blanks, a yes/no question, a spaced heading
@pytest.mark.parametrize("text,expected", [
    ("办公地址：某市某区某某路100号\n某市住房保障局关于公布保障性住房名单的公告\n" + PROSE, "某市住房保障局关于公布保障性住房名单的公告"),
    ("类别:住房公积金\n效力级别:地方规范性文件\n某市住房公积金提取管理实施细则\n第一条 " + PROSE, "某市住房公积金提取管理实施细则"),
    # a table printed as a document: its heading, not the cell that continues a figure
    ("附件\n某市商务部门行政处罚裁量基准表\n编码 违法行为 裁量基准\n对企业处项目总投资额 1‰以上\n万元以上 3万元以下的罚款\n"
     "按照核准的建设地点、规模、内容等\n", "某市商务部门行政处罚裁量基准表"),
    # an e-paper page: the issue's furniture and the reader's link are no part of the headline
    ("今日8 版（某某区12版）\n2025年3月1日 星期五 责编：某某 美编：某某\n看往期电子报\n"
     "中共某市委关于制定某市国民经济和社会发展规划的建议\n" + PROSE, "中共某市委关于制定某市国民经济和社会发展规划的建议"),
    # a title run into the salutation under it when a PDF's lines were joined
    ("某市住房保障和房产局文件\n某房字〔2017〕8号\n关于明确住房限购政策有关事项的通知市国土局，某某、某某区政府：\n" + PROSE +
     "\n某市住房保障和房产局\n2017年5月3日\n住房限购政策的实施意见\n一、关于执行对象的认定\n" + PROSE,
     "关于明确住房限购政策有关事项的通知"),
])
def test_fields_cells_and_furniture_are_not_titles(text, expected):
    assert _titles(text)[0] == expected


@pytest.mark.parametrize("line", [
    "办公地址：某市某区某某路100号", "联系电话：某某某某", "某市自然资源和规划局保证金专户", "万元以上 3万元以下的罚款",
    "处2万元以上5万元以下的罚款并责令整改", "今日12 版（某某区16版）", "2025年3月1日 星期五 责编：某某某 美编：某某",
    "机构与长期照顾服务机构奖励及辅导办法）", "党组成员、副局长", "某某中心党委书记", "某市某区某某路187号某某广场",
    "某某社记者 张某某", "记者 李某 王某", "责编 赵某某",  # bylines
    "某某观察网 钱某某", "某某晚报 孙某 周某",  # an outlet and its reporters
])
def test_lines_that_are_no_headline(line):
    from extractors.structure import is_headline
    assert not is_headline(line)


@pytest.mark.parametrize("line", [
    "某市发布新政 首套房首付比例降至15%", "某某网评：稳就业要打好组合拳", "关于调整某某报刊发行补贴标准的通知",
])
def test_headlines_near_a_byline_shape_stay_headlines(line):
    from extractors.structure import is_headline
    assert is_headline(line)


@pytest.mark.parametrize("line", [
    "检查人员执法证号 、 ，于 20年月日时分，将本《责令改正通知书》某交（ ）",
    "是否享受过省、市、区其他住房优惠政策",
    "二 、 提取政策",
    "某州住房公积金管理中心政府信息公...政府信息公开年度报告",
])
def test_form_lines_and_spaced_headings_are_no_title_lines(line):
    from extractors.structure import is_title_line
    assert not is_title_line(line)


def test_two_rules_printed_one_after_the_other_are_two_documents():
    rule = "第一条 " + PROSE * 4 + "\n"
    text = ("某区人才购房补贴的实施细则（试行）\n" + rule + "申请表\n是否享受过其他住房优惠政策\n"
            "某区人才租赁补贴的实施细则（试行）\n" + rule)
    assert [s.title.text for s in segment(text)] == ["某区人才购房补贴的实施细则（试行）", "某区人才租赁补贴的实施细则（试行）"]


def test_a_parenthesis_closed_on_the_next_line_is_no_title():
    text = ("某某奖励及辅导办法\n【沿革】\n1.某年某月修正发布\n  （原名称：某某医疗机构奖励及辅导办法；新名称：某某\n"
            "  机构与长期照顾服务机构奖励及辅导办法）\n\n第1 条\n" + PROSE * 4)
    assert [s.title.text for s in segment(text)] == ["某某奖励及辅导办法"]


@pytest.mark.parametrize("raw,clean", [
    ("\u200b某市无线电管理规定", "某市无线电管理规定"),
    ("某建房管联〔2024〕58号关于优化本市住房限购政策的通知", "关于优化本市住房限购政策的通知"),
    ("中共某市委关于制定某市国民经济 和社会发展规划的建议", "中共某市委关于制定某市国民经济和社会发展规划的建议"),
    ("某局关于印发 《某市实施细则》的通知", "某局关于印发《某市实施细则》的通知"),
    ("政务名词_某都之窗_某市人民政府门户网站", "政务名词"),
    # a news headline keeps its spaces
    ("某会议召开 审议《关于某某情况的报告》 某某主持会议", "某会议召开 审议《关于某某情况的报告》 某某主持会议"),
])
def test_clean_title_closes_a_titles_breaks(raw, clean):
    from extractors.titles import clean_title
    assert clean_title(raw) == clean


@pytest.mark.parametrize("title,names", [
    ("某市自然资源和规划局保证金专户", False), ("办公地址：某市某区某某路1号", False),
    ("某市国有建设用地使用权出让公告", True),
])
def test_a_page_title_naming_an_account_or_an_address_names_no_document(title, names):
    from extractors.titles import names_a_document
    assert names_a_document(title) is names


def test_an_interpretation_headed_only_by_its_kind_under_a_signature_is_its_own_document():
    notice = ("关于调整住房公积金有关业务政策的通知\n各缴存单位：\n" + PROSE * 3 + "\n某市住房公积金管理中心\n2023年10月20日\n")
    reading = "\n政策解读\n\n一、政策调整的起草背景\n" + PROSE * 3
    assert _titles(notice + reading) == ["关于调整住房公积金有关业务政策的通知", "政策解读"]
    # the same words as a column's name in the page's menu start nothing
    assert _titles("首页\n政策解读\n" + notice) == ["关于调整住房公积金有关业务政策的通知"]


def test_the_splitter_alone_marks_a_bare_reading_heading_as_its_documents_title():
    from extractors.structure import segment
    notice = ("关于调整住房公积金有关业务政策的通知\n各缴存单位：\n" + PROSE * 3 + "\n某市住房公积金管理中心\n2023年10月20日\n")
    segs = segment(notice + "\n政策解读\n\n一、政策调整的起草背景\n" + PROSE * 3)
    assert [(s.title.text, s.title.heading_only) for s in segs] == [
        ("关于调整住房公积金有关业务政策的通知", False), ("政策解读", True)]
    # not under a signature date: no heading of a document of its own
    assert all(not s.title.heading_only for s in segment("政策解读\n" + notice) if s.title)


@pytest.mark.parametrize("head,title", [
    ("凉山\n\n攀枝花\n\n某市拟出台楼市新政14条，涉及公积金、购房补助、团购优惠等！\n\n2023-10-13 11:54:03 · 作者：\n\n",
     "某市拟出台楼市新政14条，涉及公积金、购房补助、团购优惠等！"),
    ("某市再次放松限购政策，外地户籍补缴半年社保即可购房\n2023-03-02 10:21\n", "某市再次放松限购政策，外地户籍补缴半年社保即可购房"),
])
def test_a_news_headline_over_its_dateline_wins_over_the_document_titles_below_it(head, title):
    text = (head + "10月13日，某市住房和城乡建设局发布了关于征求《促进房地产市场平稳健康发展的若干措施（征求意见稿）》意见的公示。\n"
            "促进房地产市场平稳健康发展的若干措施\n（试行）\n" + PROSE * 4)
    assert _titles(text)[0] == title


@pytest.mark.parametrize("line,expected", [
    ("2023某市房地产展示交易会通告", True),       # a title opening with its year
    ("2024年度住房公积金缴存基数范围的通告", True),
    ("1、关于做好春季防火工作的通知", False),       # a numbered item
    ("2023年5月1日起施行的通知", False),
])
def test_a_title_may_open_with_its_year(line, expected):
    from extractors.structure import is_title_line
    assert is_title_line(line) is expected
