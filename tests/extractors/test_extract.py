"""Assembling the extractors over a source's documents."""
from __future__ import annotations

import pytest

from corpora.records import SourceText
from extractors.extract import Extractor

PROSE = "为进一步做好相关工作，切实保障缴存职工利益，现将有关情况说明如下。全年完成提取12亿元，惠及职工3000人。"


def test_an_interpretation_under_its_notice_is_of_the_notices_place():
    text = ("某市住房公积金管理中心关于调整住房公积金有关业务政策的通知\n各缴存单位：\n" + "本市" + PROSE * 3
            + "\n滨州市住房公积金管理中心\n2023年10月20日\n\n政策解读\n\n一、政策调整的起草背景\n" + PROSE * 3)
    notice, reading = Extractor().extract(SourceText("t.txt", text, "text/plain"))
    assert reading.title == "政策解读" and reading.doc_type == "interpretation"
    assert notice.region is not None and reading.region == notice.region


def test_a_document_printed_under_the_story_that_names_it_is_of_the_storys_date_and_place():
    title = "促进房地产市场平稳健康发展的若干措施"
    text = ("泸州拟出台楼市新政14条 涉及公积金和购房补助\n2023-10-13 11:54 来源：某某网\n\n"
            f"10月13日，泸州市住房和城乡建设局发布了关于征求《{title}（征求意见稿）》意见建议的公示，涉及公积金、购房补助等。" * 2 + "\n"
            f"以下是原文：\n{title}\n为深入贯彻落实有关决策部署，支持刚性和改善性住房需求，现提出以下措施。\n"
            + "第一条 优化土地出让条件，按起始价的20%确定竞买保证金。\n" * 4)
    story, measures = Extractor().extract(SourceText("t.txt", text, "text/plain"))
    assert measures.title == title
    assert story.publish_date == "2023-10-13" and measures.publish_date == story.publish_date
    assert story.region is not None and measures.region == story.region


# a story titled by the document it reports on is news (or an article), not a notice: its figures are reported
def test_a_story_titled_by_the_document_it_reports_on_is_no_notice():
    text = ("某某新闻 来源：某某新闻\n\n6月27日晚间，某委在其官网发布有关负责人就《某委 某部关于完善市场约束机制严格防范外债风险的通知》"
            "答记者问。\n有关负责人表示，近两年部分企业外债发行规模有所增加。2017年，企业境外发债2358亿美元。\n" + PROSE * 2)
    (rec,) = Extractor().extract(SourceText("t.txt", text, "text/plain"))
    assert rec.title == "某委 某部关于完善市场约束机制严格防范外债风险的通知"
    assert rec.doc_type in ("news", "article")


# the page's own file named on a line of its own or in front of the title on a link to it: its number is the own
@pytest.mark.parametrize("text,own", [
    ("文件下载：\n某房市字〔2017〕108号.pdf\n\n关于明确住房限购政策有关事项的通知\n\n各区政府：\n" + PROSE * 3 + "\n附件：某政办发〔2017〕56号.pdf\n",
     ["某房市字〔2017〕108号"]),
    ("各缴存职工：\n" + PROSE * 3 + "\n某市住房公积金管理委员会\n2020年9月22日\n\n"
     "PDF文件查看：某公积金委〔2020〕2号关于调整部分住房公积金贷款和提取规定的通知\n", ["某公积金委〔2020〕2号"]),
    ("关于明确住房限购政策有关事项的通知\n\n各区政府：\n" + PROSE * 3 + "\n附件：某政办发〔2017〕56号.pdf\n", []),
])
def test_the_number_of_the_pages_own_file_is_its_own(text, own):
    (rec,) = Extractor().extract(SourceText("t.txt", text, "text/plain"))
    assert [d.normalized for d in rec.doc_numbers if d.role == "own"] == own


# the bodies named in the headlines of other stories a page lists with their dates are not the story's; a list with
# no dates (a notice's signature, a list of officials) is the document's own
@pytest.mark.parametrize("tail,kept", [
    ("\n\n".join(["国家统计局：某某指标总体平稳运行", "2023-10-18", "某某指标继续保持稳定。",
                  "央行行长：稳妥化解有关风险", "2023-10-17", "保持融资平稳。",
                  "某某市出台存量房交易资金监管新政", "2023-10-16", "保障交易资金安全。",
                  "某某市优化住房公积金套数认定标准", "2023-10-15", "明确了认定标准。"]), []),
    ("\n\n".join(["市住房公积金管理中心", "2023年10月20日"]), ["淄博市住房公积金管理中心"]),
    ("\n\n".join(["某某 市自然资源局局长助理", "某某 市生态环境局副局长", "某某 市交通运输局副局长",
                  "某某 市财政局副局长"]), ["淄博市自然资源局", "淄博市生态环境局", "淄博市交通运输局", "淄博市财政局"]),
])
def test_bodies_in_a_dated_list_of_other_stories_are_not_the_storys(tail, kept):
    text = "淄博市住房公积金管理中心关于调整贷款政策的通知\n\n各缴存单位：\n" + PROSE * 3 + "\n\n" + tail + "\n"
    rec = Extractor().extract(SourceText("t.txt", text, "text/plain"))[0]
    assert [a.normalized for a in rec.agencies if a.start >= text.index(tail)] == kept


# a text that speaks as a city (我市, 市房管局) and names no place is of the one city its page's menus and links name
@pytest.mark.parametrize("links,city", [
    (["部门网站", "市发改委", "市教育局", "淄博仲裁委员会", "淄博高新区", "张店区"], "370300"),
    (["部门网站", "市发改委", "淄博仲裁委员会", "潍坊高新区"], None),       # two cities: none
    (["部门网站", "市发改委", "淄博仲裁委员会"], None),                      # named once: none
])
def test_a_text_speaking_as_a_city_is_of_the_city_its_pages_links_name(links, city):
    text = ("相关解读：\n\n昨日从市房管局获悉，为更好满足居民住房需求，我市进一步优化住房套数认定标准如下。\n" + PROSE * 2
            + "\n\n相关链接\n\n" + "\n\n".join(links) + "\n")
    rec = Extractor().extract(SourceText("t.txt", text, "text/plain"))[0]
    assert (rec.region.adcode if rec.region else None) == city
    if city:
        assert "淄博市房管局" in [a.normalized for a in rec.agencies] or "淄博市房产管理局" in [a.normalized for a in rec.agencies]
