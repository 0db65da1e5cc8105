"""The spaCy pipeline is built once, however many threads ask for it at the same time."""
from __future__ import annotations

import threading

from extractors import nlp


def test_threads_asking_at_once_share_one_build(monkeypatch):
    nlp.build_nlp()  # the user dictionary is computed once; the test times the pipeline's own build
    nlp._build_nlp.cache_clear()
    builds = []
    real = nlp.spacy.blank
    monkeypatch.setattr(nlp.spacy, "blank", lambda *a, **kw: builds.append(1) or real(*a, **kw))
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
