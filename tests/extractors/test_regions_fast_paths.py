"""A page's byline is read once per document: the pipeline keeps it on the document (`doc._.byline`) for the
readers that ask after the region's, and it is what a fresh reading of the text gives."""
from __future__ import annotations

import re

import pytest

from extractors import nlp, regions

PAGES = [
    "来源：某某县人民政府办公室 发布时间：2024-01-02\n正文。\n主办单位：某某县人民政府 地址：某某路1号",
    "某某日报 2018-11-20 09:26\n记者 某某 报道。",
    "稿件来源：某某市住房和城乡建设局、某某网\n版权所有：某某市人民政府 技术支持：某某公司",
    "",
]


@pytest.mark.parametrize("page", PAGES)
def test_the_pipeline_reads_a_documents_byline_once_and_keeps_it(page, monkeypatch):
    calls = []

    def counted(text):
        calls.append(text)
        return regions.byline(text)

    monkeypatch.setattr(nlp, "byline", counted)
    doc = nlp.run(page, nlp.DocContext())
    assert calls == [page]
    assert doc._.byline == regions.byline(page)


def test_each_document_keeps_its_own_byline():
    a, b = PAGES[0], PAGES[2]
    doc_a = nlp.run(a, nlp.DocContext())
    doc_b = nlp.run(b, nlp.DocContext())
    assert doc_a._.byline == regions.byline(a) != regions.byline(b) == doc_b._.byline


def test_the_footer_on_the_document_keeps_the_site_owner_out_of_the_agencies():
    page = "关于做好防汛工作的通知\n各乡镇：请文成县水利局做好准备。\n主办单位：文成县人民政府办公室 地址：某某路1号"
    doc = nlp.run(page, nlp.DocContext())
    a, b = doc._.byline.footer[0]
    assert page[a:b].startswith("文成县人民政府办公室")
    assert [ag.normalized for ag in doc._.agencies] == ["文成县水利局"]


@pytest.mark.parametrize("title,issuers,body,expected", [
    ("关于斗门区、金湾区联合开展防汛检查的通知", ["斗门区人民政府", "金湾区人民政府"], "我区各镇：请做好准备。", "440400"),
    ("文成县关于做好防汛工作的通知", ["文成县人民政府办公室"], "我县各乡镇：请做好准备。", "330328"),
    ("关于做好防汛工作的通知", ["温州市人民政府"], "我市各县（市、区）：文成县、泰顺县、平阳县请做好准备。", "330300"),
])
def test_the_title_and_issuers_are_read_for_places_once_per_question(title, issuers, body, expected, monkeypatch):
    """The places the title and the issuers name are read once and passed to the checks that need them (two
    districts side by side, a county of the document's own, the issuer's own division), not again by each."""
    gaz = regions.gazetteer()
    asked = []
    real = regions.Gazetteer.mentions

    def counted(self, text, short=True, boundaries=None, counties=frozenset(), ambiguous=False):
        if text in (title, *issuers):
            asked.append((text, short, counties, ambiguous))
        return real(self, text, short, boundaries, counties, ambiguous)

    monkeypatch.setattr(regions.Gazetteer, "mentions", counted)
    assert regions.primary_region(body, title, issuers, [], gaz).adcode == expected
    assert len(asked) == len(set(asked))


def _plain_lengths(names, max_len: int, ending: bool) -> dict[str, tuple[int, ...]]:
    """Every name's pair of first (or last) characters → the lengths of the names sharing it, longest first."""
    out: dict[str, list[int]] = {}
    for w in names:
        if 2 <= len(w) <= max_len:
            key = w[-2:] if ending else w[:2]
            out[key] = sorted(set(out.get(key, [])) | {len(w)}, reverse=True)
    return {k: tuple(v) for k, v in out.items()}


@pytest.mark.parametrize("table, names, ending", [
    ("lengths_by_pair", ("full", "short", "county_short", "ambiguous_short", "generic_full"), False),
    ("full_lengths_by_ending", ("full",), True),
])
def test_the_gazetteers_length_tables_are_those_of_its_names(table, names, ending):
    gaz = regions.gazetteer()
    every = [w for n in names for w in getattr(gaz, n)]
    assert getattr(gaz, table)() == _plain_lengths(every, gaz.max_len, ending)
    assert getattr(gaz, table)() is getattr(gaz, table)()  # built once, kept on the gazetteer


@pytest.mark.parametrize("table", ["lengths_by_pair", "full_lengths_by_ending"])
def test_a_gazetteers_length_tables_are_rebuilt_when_its_names_grow(table):
    from extractors import refdata

    gaz = regions.Gazetteer(refdata.divisions(), refdata.division_changes())  # its own: the shared one stays as it is
    before = getattr(gaz, table)()
    assert "甲乙丙丁戊己县" not in gaz.full
    gaz.full["甲乙丙丁戊己县"].append(regions.Division("999999", "甲乙丙丁戊己县", "county", "990000", "999900"))
    after = getattr(gaz, table)()
    assert after is not before
    key = "己县" if table == "full_lengths_by_ending" else "甲乙"
    assert key not in before and after[key] == (7,)
    if table == "lengths_by_pair":  # and the scan of a text finds the new name
        assert [(a, b) for a, b, _ in gaz.mentions("在甲乙丙丁戊己县的", short=False)] == [(1, 8)]


def test_the_agency_reader_finds_a_division_named_after_the_gazetteer_grew():
    from extractors import agencies, refdata

    gaz = regions.Gazetteer(refdata.divisions(), refdata.division_changes())
    text = "甲乙丙丁戊己县财政局"
    assert agencies._division_before(text, 7, gaz) is None
    gaz.full["甲乙丙丁戊己县"].append(regions.Division("999999", "甲乙丙丁戊己县", "county", "990000", "999900"))
    assert agencies._division_before(text, 7, gaz) == (0, gaz.full["甲乙丙丁戊己县"])


def _plain_firm_lists(text: str) -> list[tuple[int, int]]:
    """`_firm_lists` with the name-list pattern tried at every position of the text."""
    if "、" not in text:
        return []
    return [m.span() for m in regions._NAME_LIST.finditer(text)
            if sum(bool(regions._FIRM_NAME.search(i)) for i in re.split(r"、|和|以及|及|与", m.group())) >= 2]


FIRM_LISTS = [
    "世茂集团、融创中国、某某控股、广州富力和恒大集团等房企。",
    "北京、上海、广州、深圳四城。甲乙集团、丙丁控股、戊己置业、庚辛地产先后发布公告。",
    "甲、乙集团、丙丁控股、戊己置业、庚辛地产",  # a one-character name before the first 、
    "一二三四五六七八九十集团、丙丁控股、戊己置业、庚辛地产",  # a first name longer than eight characters
    "、、、甲乙集团、、丙丁控股、戊己置业、庚辛地产、",
    "ab、cd集团、ef控股、gh地产和ij置业。世茂集团、融创中国、某某控股、富力地产",
    "某某、",
    "没有顿号的一句话。",
    "",
]


@pytest.mark.parametrize("text", FIRM_LISTS)
def test_firm_lists_are_the_plain_scans(text):
    assert regions._firm_lists(text) == _plain_firm_lists(text)


def test_firm_lists_are_the_plain_scans_on_pool_pages():
    from tests.conftest import pool_normalized_texts

    found = 0
    for text in pool_normalized_texts(3):
        assert regions._firm_lists(text) == _plain_firm_lists(text)
        found += len(_plain_firm_lists(text))
    assert found > 0
