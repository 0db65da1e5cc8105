"""A page's byline is read once per document: the pipeline keeps it on the document (`doc._.byline`) for the
readers that ask after the region's, and it is what a fresh reading of the text gives."""
from __future__ import annotations

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
