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
