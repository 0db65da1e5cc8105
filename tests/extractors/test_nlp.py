"""The pipeline is built once however many threads ask for it; word boundaries are jieba's, segmented only
where asked, and the same as a cut of the whole text."""
from __future__ import annotations

import threading
from pathlib import Path

import pytest

from extractors import nlp


def test_threads_asking_at_once_share_one_build(monkeypatch):
    nlp.build_nlp()  # the user dictionary is computed once; the test counts the pipeline's own build
    nlp._build_nlp.cache_clear()
    builds = []
    real = nlp.Pipeline
    monkeypatch.setattr(nlp, "Pipeline", lambda: builds.append(1) or real())
    start = threading.Barrier(4)
    got = []

    def ask():
        start.wait()
        got.append(nlp.build_nlp())

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(builds) == 1 and len({id(x) for x in got}) == 1
    assert [name for name, _ in got[0].pipeline] == list(nlp.PIPES)


def whole_text_boundaries(text: str) -> set[int]:
    """Every offset where a token of jieba's cut of the whole text starts or ends."""
    out, pos = {0, len(text)}, 0
    for w in nlp.segmenter().cut(text, cut_all=False):
        out.add(pos)
        pos += len(w)
        out.add(pos)
    return out


@pytest.mark.parametrize("text", [
    "支持农民专业合作社和阿里巴巴开展合作",
    "某市人民政府办公室关于印发2025年工作要点的通知\r\n各区县人民政府：\r\n  现将《要点》印发给你们。",
    "到2027年，全市新建充电桩3.5万个、覆盖率达到95%以上（A-1类）。",
    "  \t前导空白与 单个空格  两个空格\n\n换行",
    "",
    "只有中文",
    "ABC-123_x.y",
])
def test_boundaries_asked_where_needed_are_those_of_a_whole_cut(text):
    expected = whole_text_boundaries(text)
    asked = nlp.token_boundaries(text)
    assert {i for i in range(-1, len(text) + 2) if i in asked} == expected


def test_boundaries_of_real_documents_match_a_whole_cut(dev_docs):
    for path in sorted(Path(dev_docs).iterdir())[:3]:
        text = path.read_text(encoding="utf-8", errors="replace")[:20_000]
        asked = nlp.token_boundaries(text)
        assert {i for i in range(len(text) + 1) if i in asked} == whole_text_boundaries(text), path.name


def test_only_the_runs_asked_about_are_segmented(monkeypatch):
    cuts = []
    real = nlp.segmenter()

    class Counting:
        def cut(self, text, cut_all=False):
            cuts.append(text)
            return real.cut(text, cut_all=cut_all)

    monkeypatch.setattr(nlp, "segmenter", Counting)
    text = "第一条，为了规范管理。第二条，合作社和阿里巴巴开展合作。"
    asked = nlp.token_boundaries(text)
    assert 3 in asked and 0 in asked and len(text) in asked  # at punctuation: no cut needed
    assert cuts == []
    assert (text.index("合作社") + 2 in asked) is False  # 合作 inside 合作社
    assert text.index("阿里巴巴") + 4 in asked
    assert cuts == ["合作社和阿里巴巴开展合作"]  # the one run around both questions, cut once
