from __future__ import annotations

import pytest

from extractors.agencies import find_agencies
from extractors.regions import gazetteer


def names(text: str, adcode: str | None) -> list[str]:
    region = gazetteer().region(adcode) if adcode else None
    return [a.normalized for a in find_agencies(text, region)]


@pytest.mark.parametrize("text,adcode,expected", [
    ("省卫健委", "370000", ["山东省卫生健康委员会"]),
    ("市财政局", "370300", ["淄博市财政局"]),
    ("县发改局", "430923", ["安化县发展和改革局"]),
    ("省人社厅", "350000", ["福建省人力资源和社会保障厅"]),
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
])
def test_canonical_names(text, adcode, expected):
    assert names(text, adcode) == expected


@pytest.mark.parametrize("text", ["各市卫生局", "各地级以上市人民政府", "市县财政局", "有关部门", "财政部门", "政府引导", "县级财政局", "全市各级财政局"])
def test_generic_plurals_are_not_agencies(text):
    assert names(text, "370000") == []


def test_issuer_role_from_span():
    text = "淄博市卫生健康委员会关于印发方案的通知。市财政局负责。"
    ags = find_agencies(text, gazetteer().region("370300"), [(0, 10)])
    assert [(a.normalized, a.role) for a in ags] == [("淄博市卫生健康委员会", "issuer"), ("淄博市财政局", "mentioned")]
