"""Assembling the extractors over a source's documents."""
from __future__ import annotations

from corpora.records import SourceText
from extractors.extract import Extractor

PROSE = "为进一步做好相关工作，切实保障缴存职工利益，现将有关情况说明如下。全年完成提取12亿元，惠及职工3000人。"


def test_an_interpretation_under_its_notice_is_of_the_notices_place():
    text = ("某市住房公积金管理中心关于调整住房公积金有关业务政策的通知\n各缴存单位：\n" + "本市" + PROSE * 3
            + "\n滨州市住房公积金管理中心\n2023年10月20日\n\n政策解读\n\n一、政策调整的起草背景\n" + PROSE * 3)
    notice, reading = Extractor().extract(SourceText("t.txt", text, "text/plain"))
    assert reading.title == "政策解读" and reading.doc_type == "interpretation"
    assert notice.region is not None and reading.region == notice.region
