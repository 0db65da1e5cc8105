"""Noise detection: each kind is found, body text never is."""
from __future__ import annotations

import pytest

from extractors.noise import duplicated_blocks, find_noise, has_mojibake

BODY = "到2025年，全市村卫生室乡村医生占比达到45%以上。"


@pytest.mark.parametrize("line,kind", [
    ("您当前的位置：首页 > 政务公开 > 政策文件", "navigation"),
    ("首页 > 政务公开", "navigation"),
    ("【打印】", "navigation"),
    ("分享到：", "navigation"),
    ("扫一扫在手机打开当前页", "navigation"),
    ("首页 政务公开 互动交流 办事服务 数据开放", "navigation"),
    ("下一篇：关于做好春节期间安全生产工作的通知", "navigation"),
    ("鲁ICP备05001234号　鲁公网安备37020202000123号", "footer"),
    ("版权所有：某市人民政府办公室 技术支持：某某科技公司", "footer"),
    ("主办单位：某市人民政府办公室 地址：某市某路1号", "footer"),
    ("Copyright © 2006-2020 某某网 All rights reserved", "footer"),
    ("免责声明：本站所有信息均来源于互联网搜集，并不代表本站观点。", "disclaimer"),
    ("转载请注明出处。", "disclaimer"),
])
def test_noise_kinds(line, kind):
    text = f"{BODY}\n{line}\n{BODY}"
    noise = find_noise(text)
    assert [(text[a:b], k) for a, b, k in noise.spans] == [(line, kind)]


def test_related_list_runs_until_body_text():
    text = f"{BODY}\n相关文章\n我市去年新增养老床位1200张\n全市养老机构达到300家\n{BODY}"
    noise = find_noise(text)
    assert noise.counts() == {"related_list": 3}
    assert "45%" in noise.mask(text).split("\n")[-1]


@pytest.mark.parametrize("line", [
    "第二十三条 在本市举办重要会议期间，主办单位或者承办单位应当在举办前提出保障需求。",
    "（三）承办单位申报项目须主办方开具书面同意函。",
    "序号 | 裁量基准编码 | 被处罚主体 | 违法行为 | 法规依据",
    "联系人：张明，联系电话：0531-12345678。",
    BODY,
])
def test_body_text_is_never_noise(line):
    assert find_noise(f"{BODY}\n{line}\n{BODY}").spans == []


def test_metadata_header_is_left_alone():
    text = "来源：本网\n\n" + BODY
    assert find_noise(text, body_start=len("来源：本网\n\n")).spans == []


def test_body_pasted_twice():
    body = "".join(f"第{i}条 各地要落实补贴政策，每户补贴{i}万元，确保资金按时足额发放到位。" for i in range(1, 9))
    text = "某市关于印发办法的通知\n" + body + body
    (a, b), = duplicated_blocks(text)
    assert text[a:b] == body and a == len("某市关于印发办法的通知\n") + len(body)


def test_repeated_table_cells_are_not_a_duplicate_body():
    cell = "《某市实验动物管理条例》第十六条第一款：实验动物生产环境设施不符合相应等级实验动物标准要求的，责令改正" * 2
    rows = "\n".join(f"{i} | C | 情形{i} | {cell}" for i in range(40))
    assert duplicated_blocks(rows) == []


@pytest.mark.parametrize("text,expected", [
    ("特色??菩l生院", True), ("锟斤拷", True), ("正常的中文文本，没有乱码。", False), ("支持5G基站建设", False),
])
def test_mojibake(text, expected):
    assert has_mojibake(text) is expected
