"""Metadata in any layout: each layout yields the same canonical fields, grounded where they are printed."""
from __future__ import annotations

import pytest

from extractors.metadata import metadata_line, read_head, read_line


@pytest.mark.parametrize("line,lead,expected", [
    # labels run into the title line, with and without 【】 and • between them
    ("某省物业管理条例制定机关: 某省人民代表大会常务委员会效力级别: 地方性法规公布日期: 2019.05.30施行日期: 2019.10.01",
     "某省物业管理条例", {"发文机关": "某省人民代表大会常务委员会", "效力级别": "地方性法规", "发布日期": "2019.05.30",
                          "实施日期": "2019.10.01"}),
    ("某市河道管理办法【制定机关】某市人民政府•【公布日期】2020.03.02•【施行日期】2020.05.01",
     "某市河道管理办法", {"发文机关": "某市人民政府", "发布日期": "2020.03.02", "实施日期": "2020.05.01"}),
    # a run of labels on one line
    ("索引号：000014349/2021-00012 发文机关：某县人民政府 成文日期：2021年6月3日", "",
     {"索引号": "000014349/2021-00012", "发文机关": "某县人民政府", "成文日期": "2021年6月3日"}),
    # labels spaced out, and labels in table cells
    ("发 文 机 关：某市财政局  成 文 日 期：2022-09-01", "", {"发文机关": "某市财政局", "成文日期": "2022-09-01"}),
    ("发文机关 | 某县人民政府 | 成文日期 | 2024-01-05", "", {"发文机关": "某县人民政府", "成文日期": "2024-01-05"}),
    # 【label】value
    ("【发文字号】某府发[2018]7号", "", {"发文字号": "某府发[2018]7号"}),
    # a title and its timestamp on one line; the source after the timestamp keeps apart
    ("某县召开春耕生产推进会 2023-03-08 09:12:44 来源：某县融媒体中心", "某县召开春耕生产推进会",
     {"时间戳": "2023-03-08 09:12:44", "来源": "某县融媒体中心"}),
    ("来源:某县人民政府   2021-03-02 14:44", "", {"来源": "某县人民政府", "时间戳": "2021-03-02 14:44"}),
    ("某某日报 2019-11-20 09:26 大字", "某某日报", {"时间戳": "2019-11-20 09:26"}),
    (">2024年6月3日星期一", "", {"时间戳": "2024年6月3日星期一"}),
    # a weak label (时间, 发布于) counts only before a date
    ("作者:某某网 时间:2024-04-28 03:49:41  浏览:120", "", {"作者": "某某网", "时间戳": "2024-04-28 03:49:41", "浏览": "120"}),
    ("某省 发布于 2023-8-22 21:24", "某省", {"时间戳": "2023-8-22 21:24"}),
    # a document number in parentheses right after the title
    ("某县民政局关于调整临时救助标准的通知(某民发[2021]12号)", "某县民政局关于调整临时救助标准的通知",
     {"发文字号": "某民发[2021]12号"}),
])
def test_layouts(line, lead, expected):
    head = read_line(line, 10)
    assert head is not None
    assert head.lead == lead
    assert {f.key: f.value for f in head.fields} == expected
    for f in head.fields:  # every value is grounded where it is printed
        assert line[f.start - 10:f.end - 10] == f.value


@pytest.mark.parametrize("line", [
    "各乡镇人民政府，县直各单位：",
    "一、时间安排：2024年全年分三个阶段进行。",
    "现将有关事项通知如下：来源于群众的意见要及时办理。",
    "为了加强管理，根据有关规定，制定本办法。",
    "时间就是生命，各地要抓紧落实。",
    "会议时间：2024年3月1日上午",
])
def test_running_text_is_not_metadata(line):
    assert metadata_line(line, 0) is None


def test_a_label_deep_inside_running_text_is_not_a_metadata_line():
    line = "各单位：现将有关事项通知如下，请认真贯彻执行。" * 3 + "公开责任部门：某办公室"
    assert read_line(line, 0) is not None and metadata_line(line, 0) is None


def test_values_on_the_line_below_their_labels():
    text = "某市人民政府关于某事项的通知\n发文机关：\n某市人民政府\n成文日期：\n2022年1月5日\n"
    found = read_head(text, 0, len(text))
    assert {k: f.value for k, f in found.items()} == {"发文机关": "某市人民政府", "成文日期": "2022年1月5日"}
    assert all(text[f.start:f.end] == f.value for f in found.values())


@pytest.mark.parametrize("line", [
    "发文字号：某政发〔2024〕1号 成文日期：2024年3月1日", "【发布机构】某某市人民政府 【发布日期】2024-03-01",
    "发 布 日 期 ： 2024-03-01", "一、总体要求：坚持稳中求进", "各区人民政府，市政府各委、办、局：", "来源 | 某某网",
    "时间：2024-03-01 10:21 来源：某某日报", "2024-03-01 14:44", "（某政办发〔2024〕5号）", "", "：：：",
])
def test_every_label_match_holds_a_written_label(line):
    """A line is read for labels only where a label is written (`_label_words`): every match of the full label
    pattern holds one, so the lines skipped hold no match."""
    from extractors import metadata

    matches = list(metadata._label_re().finditer(line))
    assert not matches or metadata._label_words().search(line) is not None
    for m in matches:
        assert metadata._label_words().match(line, m.start("label")) is not None


def test_lines_without_a_written_label_hold_no_label_match_on_pool_pages():
    from extractors import metadata
    from tests.conftest import pool_normalized_texts

    lines = [ln for text in pool_normalized_texts(10) for ln in text.split("\n")[:200] if ln.strip()]
    assert len(lines) > 1000
    skipped = [ln for ln in lines if metadata._label_words().search(ln) is None]
    assert skipped and not any(metadata._label_re().search(ln) for ln in skipped)
