"""Every real page and attachment of ../shared/corpus/pool reads without a crash: a document or a reason;
and no single document floods the pool's commitments."""
from __future__ import annotations

import pytest

from corpora.readers import expand_paths
from pipeline.process import extract_records
from tests.conftest import POOL

KNOWN_REASONS = {"unsupported_format", "no_text_layer", "decode_error", "empty_after_cleaning", "not_a_document",
                 "too_large"}
MAX_SHARE = 0.03  # of the pool's commitments, from one source document


@pytest.fixture(scope="module")
def pool_records():
    if not POOL.is_dir():
        pytest.skip(f"../shared is absent ({POOL} not found)")
    files = expand_paths([POOL])
    assert len(files) > 500
    return [(f, extract_records(f)) for f in files]


def test_pool_reads_without_a_crash(pool_records):
    outcomes = {}
    for f, recs in pool_records:
        assert recs, f
        for r in recs:
            # read_error is what extract_records reports for an unexpected exception: a crash
            assert r.get("error") in KNOWN_REASONS | {None}, (f, r)
            outcomes[r.get("error") or "document"] = outcomes.get(r.get("error") or "document", 0) + 1
    assert outcomes["document"] > 400


def test_no_document_supplies_more_than_3_percent_of_the_pool_commitments(pool_records):
    counts = {str(f): sum(len(r.get("commitments") or []) for r in recs) for f, recs in pool_records}
    total = sum(counts.values())
    assert total > 1000
    over = {f: f"{n} ({n / total:.1%})" for f, n in sorted(counts.items(), key=lambda kv: -kv[1]) if n > MAX_SHARE * total}
    assert not over, f"documents over {MAX_SHARE:.0%} of {total} commitments: {over}"
