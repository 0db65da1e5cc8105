"""Citations: what a document cites and the relation read from the clause around it."""
import pytest

from extractors.citations import find_citations, names_document, title_keys
from extractors.docnumbers import assign_roles, find_docnumbers


def cites(text: str, title: str | None = None):
    nums = find_docnumbers(text)
    assign_roles(text, nums, 0, 0, None, None)
    for n in nums:
        n.role = "cited"
    return find_citations(text, nums, None, title)


@pytest.mark.parametrize("text, relation", [
    ("根据《示范省城乡供水条例》，结合本市实际，制定本办法。", "implements"),
    ("为贯彻落实《示范省乡村振兴促进行动方案》，现提出以下意见。", "implements"),
    ("按照《关于推进养老服务发展的意见》要求，各县要抓好落实。", "implements"),
    ("本办法自2026年1月1日起施行，《示范市停车场管理办法》同时废止。", "repeals"),
    ("决定废止《示范市农贸市场管理暂行规定》。", "repeals"),
    ("现对《示范县城区道路管理办法》进行修订。", "amends"),
    ("本市此前印发的《示范市河道保洁工作方案》仍然有效。", "cites"),
])
def test_relation_from_the_clause(text, relation):
    [c] = cites(text)
    assert c.relation == relation
    assert text[c.start:c.end] == c.text


def test_number_after_a_title_is_one_citation():
    text = "根据《示范省人民政府关于加快发展托育服务的意见》（示政发〔2024〕7号）精神，制定本方案。"
    [c] = cites(text)
    assert c.number == "示政发〔2024〕7号"
    assert c.title == "示范省人民政府关于加快发展托育服务的意见"
    assert c.text.endswith("号）") and c.relation == "implements"


def test_a_bare_number_is_a_citation():
    [c] = cites("各地要按照省里文件（示政办发〔2023〕15号）要求执行。")
    assert c.title is None and c.number == "示政办发〔2023〕15号"
    assert c.relation == "implements"


@pytest.mark.parametrize("title, is_doc", [
    ("示范市停车场管理办法（试行）", True),
    ("示范省养老服务体系建设规划（2025—2030年）", True),
    ("中华人民共和国老年人权益保障法", True),
    ("通知", False),
    ("商品房买卖合同", False),
    ("购房补贴申请审批表", False),
    ("居住证", False),
])
def test_forms_and_certificates_are_not_documents(title, is_doc):
    assert names_document(title) is is_doc


def test_the_documents_own_plan_is_not_a_citation():
    title = "示范市人民政府办公室关于印发《示范市托育服务三年行动计划》的通知"
    text = "现将《示范市托育服务三年行动计划》印发给你们，请认真贯彻执行。"
    assert cites(text, title) == []
    assert "示范市托育服务三年行动计划" in title_keys(title)
    assert "关于印发示范市托育服务三年行动计划的通知" in title_keys(title)


def test_a_decision_cites_the_document_it_amends():
    from extractors.citations import find_citations

    title = "某市人民政府关于修改《某市停车场管理办法》的决定"
    [c] = find_citations(title + "\n现决定对该办法作如下修改。", [], (0, len(title)), title)
    assert c.title == "某市停车场管理办法" and c.relation == "amends"
