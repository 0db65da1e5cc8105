from __future__ import annotations

import pytest

from extractors.normalize import normalize
from extractors.records import Script


@pytest.mark.parametrize("source,expected", [
    ("魯衛發〔2024〕1號", "鲁卫发〔2024〕1号"),            # traditional → simplified
    ("臺灣衛生福利部", "台湾卫生福利部"),                  # Taiwan variants
    ("香港特別行政區衞生署", "香港特别行政区卫生署"),        # Hong Kong variants
    ("２０２４年７月２９日", "2024年7月29日"),             # full-width digits
    ("９５％以上", "95%以上"),
    ("⻄安市", "西安市"),                                  # radical look-alike
    ("二O一O年三月", "二〇一〇年三月"),                     # letter O for 〇
    ("二o一o年", "二〇一〇年"),
    ("二0一0年三月", "二〇一〇年三月"),                     # digit zero among Chinese numerals
    ("2010年", "2010年"),
    ("2 025年", "2025年"),                                 # digits split by a space
    ("2022 年 4 月 28 日", "2022年4月28日"),
    ("〔2022〕25 号", "〔2022〕25号"),
    ("共 1000 万元", "共 1000万元"),
    ("南 京 市 住 房 局 文 件", "南京市住房局文件"),                 # letter-spaced heading
    ("补贴 每 户", "补贴 每 户"),                                   # too short to be letter-spaced
])
def test_normalized_text(source, expected):
    assert normalize(source).text == expected


@pytest.mark.parametrize("source", ["2022 年 4 月 28 日 达市府办发〔2022〕25 号", "魯衛發〔2024〕1號", "２ ０２５年"])
def test_offsets_map_back_to_the_source(source):
    n = normalize(source)
    for i in range(len(n.text)):
        s, e = n.to_source(i, i + 1)
        assert 0 <= s < e <= len(source)
    assert n.to_source(0, len(n.text)) == (0, len(source))


@pytest.mark.parametrize("source,script", [
    ("山东省卫生健康委员会关于印发方案的通知", Script.SIMPLIFIED),
    ("濟南市人民政府辦公廳關於印發行動計劃的通知", Script.TRADITIONAL),
])
def test_script_detection(source, script):
    assert normalize(source).script() is script


def test_fixed_width_wraps_are_joined():
    para = "各地要按照省委省政府的部署要求，加快推进乡村医生队伍建设，到2025年底全省村卫生室乡村医生中具备执业资格的比例达到百分之四十五以上，确保各项任务落到实处。"
    wrapped = "\n".join(para[i:i + 20] for i in range(0, len(para), 20))
    text = "某省关于加强乡村医生队伍建设的通知\n" + wrapped + "\n一、总体要求\n" + wrapped
    n = normalize(text)
    assert para in n.text and "\n一、总体要求\n" in n.text
    assert "某省关于加强乡村医生队伍建设的通知\n" in n.text


def test_ordinary_lines_are_not_joined():
    text = "第一行内容。\n第二行内容\n第三行\n" * 3
    assert normalize(text).text == text
