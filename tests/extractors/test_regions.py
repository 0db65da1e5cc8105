from __future__ import annotations

import pytest

from extractors import refdata
from extractors.regions import gazetteer, primary_region, short_name


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
    from extractors.nlp import build_nlp, token_boundaries
    doc = build_nlp().make_doc("支持农民专业合作社和阿里巴巴开展合作")
    hits = gazetteer().mentions(doc.text, boundaries=token_boundaries(doc))
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
