"""Every real page and attachment of ../shared/corpus/pool reads without a crash: a document or a reason."""
from __future__ import annotations

import pytest

from corpora.readers import expand_paths
from extractors.structure import names_site_or_column
from pipeline.process import extract_records
from tests.conftest import POOL

# documents of the pool that may stay untitled (pages whose text names no document at all)
MAX_UNTITLED = 5

KNOWN_REASONS = {"unsupported_format", "no_text_layer", "decode_error", "empty_after_cleaning", "not_a_document",
                 "too_large"}


def test_pool_reads_without_a_crash():
    if not POOL.is_dir():
        pytest.skip(f"../shared is absent ({POOL} not found)")
    files = expand_paths([POOL])
    assert len(files) > 500
    outcomes = {}
    untitled, site_titles = [], []
    for f in files:
        recs = extract_records(f)
        assert recs, f
        for r in recs:
            # read_error is what extract_records reports for an unexpected exception: a crash
            assert r.get("error") in KNOWN_REASONS | {None}, (f, r)
            outcomes[r.get("error") or "document"] = outcomes.get(r.get("error") or "document", 0) + 1
            if not r.get("error") and not r.get("title"):
                untitled.append((f.name, r["doc_index"]))
            elif not r.get("error") and names_site_or_column(r["title"]):
                site_titles.append((f.name, r["title"]))
    assert outcomes["document"] > 400
    assert len(untitled) <= MAX_UNTITLED, untitled
    assert not site_titles, site_titles
