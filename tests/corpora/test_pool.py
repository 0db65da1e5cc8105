"""Every real page and attachment of ../shared/corpus/pool reads without a crash: a document or a reason."""
from __future__ import annotations

KNOWN_REASONS = {"unsupported_format", "no_text_layer", "decode_error", "empty_after_cleaning", "not_a_document",
                 "too_large"}


def test_pool_reads_without_a_crash(pool_records):
    assert len(pool_records) > 500
    outcomes = {}
    for f, recs in pool_records.items():
        assert recs, f
        for r in recs:
            # read_error is what extract_records reports for an unexpected exception: a crash
            assert r.get("error") in KNOWN_REASONS | {None}, (f, r)
            outcomes[r.get("error") or "document"] = outcomes.get(r.get("error") or "document", 0) + 1
    assert outcomes["document"] > 400
