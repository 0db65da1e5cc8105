"""The extractors as spaCy components find what the product's own pipeline finds."""
from pathlib import Path

import pytest

from extractors import nlp as policy_nlp
from extractors.spacy_components import blank

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"

WRITTEN = [
    "某市人民政府关于印发某市住房公积金贷款管理办法的通知\n某政发〔2025〕3号\n"
    "各区人民政府：\n职工家庭购买首套住房的，首付款比例不得低于20%，贷款最高额度为80万元。\n"
    "贷款期限最长不超过30年。\n某市人民政府\n2025年3月8日",
    "关于做好2026年就业工作的通知\n到2026年底，全县城镇新增就业3000人以上，城镇调查失业率控制在5.5%以内。",
]


def _found(doc):
    return {
        "doc_numbers": [(d.text, d.start, d.role) for d in doc._.doc_numbers],
        "publish_date": doc._.publish_date,
        "region": doc._.region,
        "agencies": [(a.text, a.start) for a in doc._.agencies],
        "commitments": [(c.value, c.value_max, c.unit, c.comparator, c.kind, c.year, c.indicator_key, c.value_start)
                        for c in doc._.commitments],
    }


@pytest.fixture(scope="module")
def nlp():
    return blank()


def test_the_spacy_pipeline_is_blank_chinese_with_jieba_and_the_five_extractors(nlp):
    assert nlp.lang == "zh"
    assert nlp.pipe_names == list(policy_nlp.PIPES)
    assert nlp.tokenizer.segmenter == "jieba"
    words = [t.text for t in nlp.make_doc("首付款比例不得低于20%")]
    assert "首付款" in words or "比例" in words  # words, not one token a character


@pytest.mark.parametrize("text", WRITTEN)
def test_spacy_components_find_what_the_product_finds(nlp, text):
    doc = nlp(text)
    own = policy_nlp.run(text, policy_nlp.DocContext())
    assert _found(doc) == _found(own)
    assert doc._.commitments, "the written notices hold commitments"


def test_spacy_components_on_a_dev_text_with_the_readers_context(nlp):
    from corpora.readers import read_path
    from extractors.document import documents

    path = sorted((SHARED / "dev" / "docs").glob("*"))[0]
    d = documents(read_path(path))[0]
    ctx = policy_nlp.DocContext(title=d.title, title_span=d.title_span, metadata=d.metadata,
                                metadata_spans=d.metadata_spans)
    doc = nlp.make_doc(d.text)
    doc._.context = ctx
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    own = policy_nlp.run(d.text, ctx)
    assert _found(doc) == _found(own)
