"""The extractors as spaCy pipeline components, for projects that build their own spaCy pipelines.

The product's own path (`extractors.nlp.run`) runs the same components, in the same order, over a light
`Doc` so that no spaCy import stands between a new process and its first record (importing spaCy alone
took longer than the whole start-up budget). This module registers each component as a spaCy factory
under its pipeline name (`policy_doc_numbers`, `policy_dates`, `policy_regions`, `policy_agencies`,
`policy_commitments`) writing the same `Doc` extensions (`doc._.doc_numbers`, `doc._.commitments`, …), and
`blank()` assembles `spacy.blank("zh")` with the jieba segmenter and all five:

    nlp = blank()
    doc = nlp("关于……的通知 …… 到2027年，覆盖率达到90%以上。")
    doc._.commitments, doc._.region

Set `doc._.context` (an `extractors.nlp.DocContext`: title, metadata and their spans) before the pipeline
runs to give the components what a reader knows about the document; without it they read the text alone.
Both paths share one component per name, so their findings are the same.
"""
from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc as SpacyDoc

from extractors import nlp as policy_nlp

_EXTENSIONS = tuple(policy_nlp._EXTENSIONS)


def _register_extensions() -> None:
    for name in _EXTENSIONS:
        if not SpacyDoc.has_extension(name):
            SpacyDoc.set_extension(name, default=None)


def _wrap(component):
    """A spaCy component that runs one of the product's components over the spaCy Doc's text and
    copies what it found (and what earlier components left) to the spaCy Doc's extensions."""

    def run(doc: SpacyDoc) -> SpacyDoc:
        light = policy_nlp.Doc(doc.text)
        for name in _EXTENSIONS:
            setattr(light._, name, getattr(doc._, name))
        if light._.context is None:
            light._.context = doc._.context = policy_nlp.DocContext()
        light = component(light)
        for name in _EXTENSIONS:
            setattr(doc._, name, getattr(light._, name))
        return doc

    return run


def _factory(pipe_name: str):
    def make(nlp: Language, name: str):
        return _wrap(dict(policy_nlp.build_nlp().pipeline)[pipe_name])

    return make


_register_extensions()
for _name in policy_nlp.PIPES:
    if not Language.has_factory(_name):
        Language.factory(_name, func=_factory(_name))


def blank() -> Language:
    """`spacy.blank("zh")` with jieba word segmentation (the product's place and agency names added to its
    dictionary) and the five extractors, in the product's order."""
    policy_nlp.segmenter()  # jieba with the user dictionary: spaCy's jieba segmenter cuts with the same module
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    for name in policy_nlp.PIPES:
        nlp.add_pipe(name)
    return nlp
